//! iCalendar files: one per program with a schedule, and a feed of them
//! all, rendered from the audience's view of the programs.

use crate::site::{Audience, Dates, ProgramView};

/// The feed's calendar name.
const FEED_NAME: &str = "参加できる活動";

/// The program's own .ics file, when it has a schedule that could be read.
pub fn program<A: Audience>(p: &ProgramView<A>, dates: &Dates) -> Option<String> {
    let uid = uid(p, dates);
    let event = event(p, &uid)?;
    Some(tsunagu_hours::to_ics(
        &p.name,
        &[event],
        &dates.calendar,
        dates.today,
        dtstamp(dates),
    ))
}

/// Every program with a schedule in one calendar, in the order of the
/// program files; `None` when no program has one.
pub fn feed<A: Audience>(programs: &[ProgramView<A>], dates: &Dates) -> Option<String> {
    let mut listed: Vec<&ProgramView<A>> = programs
        .iter()
        .filter(|p| p.parsed_schedule.is_some())
        .collect();
    if listed.is_empty() {
        return None;
    }
    listed.sort_by_key(|p| p.file_order);
    let uids: Vec<String> = listed.iter().map(|p| uid(p, dates)).collect();
    let events: Vec<tsunagu_hours::IcsEvent> = listed
        .iter()
        .zip(&uids)
        .filter_map(|(p, uid)| event(p, uid))
        .collect();
    Some(tsunagu_hours::to_ics(
        FEED_NAME,
        &events,
        &dates.calendar,
        dates.today,
        dtstamp(dates),
    ))
}

/// `<id>@<citizen site host>`: globally unique, as RFC 5545 requires.
fn uid<A: Audience>(p: &ProgramView<A>, dates: &Dates) -> String {
    format!("{}@{}", p.id, dates.uid_host)
}

/// The iCalendar DTSTAMP: the build date, so two builds on one day agree.
fn dtstamp(dates: &Dates) -> chrono::DateTime<chrono::Utc> {
    dates
        .today
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
}

fn event<'a, A: Audience>(
    p: &'a ProgramView<A>,
    uid: &'a str,
) -> Option<tsunagu_hours::IcsEvent<'a>> {
    Some(tsunagu_hours::IcsEvent {
        uid,
        summary: &p.name,
        description: Some(&p.summary),
        location: p.place.as_deref(),
        url: p.website.as_deref(),
        schedule: p.parsed_schedule.as_ref()?,
        skip_holidays: p.skip_holidays,
    })
}

/// The staff calendar of case meetings with a fixed day; `None` when no
/// meeting has one. Rendered only from the staff view's meeting list.
pub fn meetings(list: &[crate::site::MeetingView], dates: &Dates) -> Option<String> {
    let listed: Vec<&crate::site::MeetingView> = list
        .iter()
        .filter(|m| m.parsed_schedule.is_some())
        .collect();
    if listed.is_empty() {
        return None;
    }
    let uids: Vec<String> = listed
        .iter()
        .map(|m| format!("meeting-{}@{}", m.id, dates.uid_host))
        .collect();
    let events: Vec<tsunagu_hours::IcsEvent> = listed
        .iter()
        .zip(&uids)
        .filter_map(|(m, uid)| {
            Some(tsunagu_hours::IcsEvent {
                uid,
                summary: &m.name,
                description: m.when_to_use.as_deref().or(m.frequency.as_deref()),
                location: m.convenor.as_deref(),
                url: None,
                schedule: m.parsed_schedule.as_ref()?,
                skip_holidays: true,
            })
        })
        .collect();
    Some(tsunagu_hours::to_ics(
        "会議の予定（職員用）",
        &events,
        &dates.calendar,
        dates.today,
        dtstamp(dates),
    ))
}
