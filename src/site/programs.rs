//! Program pages: activities to join, their next sessions, iCalendar files
//! and the staff-only extras.

use super::hours::{script_json, sessions, HoursContext, SessionView};
use super::refs::{AgencyRef, Index, TopicRef};
use super::Audience;
use crate::model;
use crate::routes::links::{render_markdown, Targets};
use crate::routes::paths;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct ProgramView<A: Audience> {
    pub id: String,
    pub url: String,
    pub name: String,
    pub reading: String,
    pub summary: String,
    pub audience: Option<String>,
    pub place: Option<String>,
    pub schedule: Option<String>,
    pub how_to_join: Option<String>,
    pub cost: Option<String>,
    pub organiser: Option<AgencyRef>,
    pub topics: Vec<TopicRef>,
    pub website: Option<String>,
    pub figures: Vec<model::Figure>,
    pub body_html: Option<String>,
    pub sessions: Vec<SessionView>,
    /// Relative URL of the program's .ics file, when it has a schedule.
    pub ics_url: Option<String>,
    pub jsonld: String,
    #[serde(skip)]
    pub ics: Option<String>,
    pub staff: A::ProgramExtra,
}

#[derive(Serialize, Clone)]
pub struct ProgramStaffView {
    pub contact: Option<String>,
    pub extensions: Vec<String>,
    pub note: Option<String>,
}

impl From<&model::ProgramStaff> for ProgramStaffView {
    fn from(s: &model::ProgramStaff) -> Self {
        ProgramStaffView {
            contact: s.contact.clone(),
            extensions: s.extensions.clone(),
            note: s.note.clone(),
        }
    }
}

pub(super) fn program_view<A: Audience>(
    p: &model::Program,
    idx: &Index,
    targets: &Targets,
) -> ProgramView<A> {
    let id = p.id.get_ref();
    let url = paths::program(id);
    let schedule = p
        .schedule
        .as_ref()
        .and_then(|s| tsunagu_hours::parse_schedule(s.get_ref()).ok());
    let h = &idx.hours;
    ProgramView {
        sessions: schedule
            .as_ref()
            .map(|s| sessions(s, p.skip_holidays, h, 5))
            .unwrap_or_default(),
        ics_url: schedule.as_ref().map(|_| paths::program_ics(id)),
        ics: schedule.as_ref().map(|s| {
            tsunagu_hours::to_ics(
                &p.name,
                &[ics_event(p, s, &h.uid(id))],
                &h.calendar,
                h.today,
                dtstamp(h.today),
            )
        }),
        jsonld: program_jsonld(p, schedule.as_ref(), idx),
        id: id.clone(),
        body_html: p
            .body
            .as_ref()
            .map(|b| render_markdown(b.get_ref(), &url, targets)),
        url,
        name: p.name.clone(),
        reading: p.reading.clone(),
        summary: p.summary.clone(),
        audience: p.audience.clone(),
        place: p.place.clone(),
        schedule: p
            .schedule
            .as_ref()
            .map(|s| s.get_ref().clone())
            .or_else(|| p.schedule_note.clone()),
        how_to_join: p.how_to_join.clone(),
        cost: p.cost.clone(),
        organiser: p.organiser.as_ref().map(|o| idx.agency_ref(o.get_ref())),
        topics: p
            .topics
            .iter()
            .map(|t| idx.topic_ref(t.get_ref()))
            .collect(),
        website: p.website.as_ref().map(|w| w.get_ref().clone()),
        figures: p.figures.clone(),
        staff: A::program(p),
    }
}

/// The iCalendar DTSTAMP: the build date, so two builds on one day agree.
fn dtstamp(today: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

fn ics_event<'a>(
    p: &'a model::Program,
    s: &'a tsunagu_hours::Schedule,
    uid: &'a str,
) -> tsunagu_hours::IcsEvent<'a> {
    tsunagu_hours::IcsEvent {
        uid,
        summary: &p.name,
        description: Some(&p.summary),
        location: p.place.as_deref(),
        url: p.website.as_ref().map(|w| w.get_ref().as_str()),
        schedule: s,
        skip_holidays: p.skip_holidays,
    }
}

pub(super) fn programs_feed(
    programs: &[model::Sourced<model::Program>],
    h: &HoursContext,
) -> Option<String> {
    let parsed: Vec<(&model::Program, tsunagu_hours::Schedule, String)> = programs
        .iter()
        .filter_map(|p| {
            let s = tsunagu_hours::parse_schedule(p.value.schedule.as_ref()?.get_ref()).ok()?;
            Some((&p.value, s, h.uid(p.value.id.get_ref())))
        })
        .collect();
    if parsed.is_empty() {
        return None;
    }
    let events: Vec<tsunagu_hours::IcsEvent> = parsed
        .iter()
        .map(|(p, s, uid)| ics_event(p, s, uid))
        .collect();
    Some(tsunagu_hours::to_ics(
        "参加できる活動",
        &events,
        &h.calendar,
        h.today,
        dtstamp(h.today),
    ))
}

fn program_jsonld(p: &model::Program, s: Option<&tsunagu_hours::Schedule>, idx: &Index) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": p.name,
        "description": p.summary,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    });
    if let Some(place) = &p.place {
        v["location"] = serde_json::json!({ "@type": "Place", "name": place });
    }
    if let Some(o) = &p.organiser {
        v["organizer"] = serde_json::json!({ "@type": "Organization", "name": idx.agency_ref(o.get_ref()).name });
    }
    if let Some(s) = s {
        v["eventSchedule"] = tsunagu_hours::event_schedule(s);
    }
    script_json(&v)
}
