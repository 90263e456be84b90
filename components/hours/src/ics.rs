//! iCalendar (RFC 5545) output for program schedules.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::calendar::{Calendar, DayKind};
use crate::holidays::holidays_covered_until;
use crate::schedule::{Recurrence, Schedule};
use crate::time::Hm;

/// One program in a calendar file.
#[derive(Clone, Debug)]
pub struct IcsEvent<'a> {
    /// Stable and globally unique, e.g. "bbm@tsunagu.example.jp".
    pub uid: &'a str,
    pub summary: &'a str,
    pub description: Option<&'a str>,
    pub location: Option<&'a str>,
    pub url: Option<&'a str>,
    pub schedule: &'a Schedule,
    /// Leave out sessions on holidays and closures (as EXDATE).
    pub skip_holidays: bool,
}

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Tokyo",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "TZNAME:JST",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// A VCALENDAR with one VEVENT per program (per date for dated sessions).
/// `from` is where open-ended series start; `dtstamp` is passed in so the
/// output is reproducible.
pub fn to_ics(
    name: &str,
    events: &[IcsEvent],
    calendar: &Calendar,
    from: NaiveDate,
    dtstamp: DateTime<Utc>,
) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//tsunagu//tsunagu-hours//JA".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(name)),
        "X-WR-TIMEZONE:Asia/Tokyo".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|s| s.to_string()));
    let stamp = dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        lines.extend(vevents(event, calendar, from, &stamp));
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        fold_into(&mut out, line);
    }
    out
}

fn vevents(ev: &IcsEvent, calendar: &Calendar, from: NaiveDate, stamp: &str) -> Vec<String> {
    let s = ev.schedule;
    match &s.recurrence {
        Recurrence::Dates(dates) => dates
            .iter()
            .flat_map(|d| {
                let uid = format!("{}-{}", ev.uid, d.format("%Y%m%d"));
                vevent(ev, &uid, *d, stamp, Vec::new())
            })
            .collect(),
        _ => {
            let start = s.valid_from.unwrap_or(from);
            let Some(first) = start.iter_days().take(400).find(|d| s.occurs_on(*d)) else {
                return Vec::new();
            };
            let mut props = vec![format!("RRULE:{}", rrule(s))];
            if ev.skip_holidays || s.skips_holidays {
                props.extend(exdates(s, calendar, first));
            }
            vevent(ev, ev.uid, first, stamp, props)
        }
    }
}

fn vevent(
    ev: &IcsEvent,
    uid: &str,
    date: NaiveDate,
    stamp: &str,
    extra: Vec<String>,
) -> Vec<String> {
    let s = ev.schedule;
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(uid)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;TZID=Asia/Tokyo:{}", local(date, s.start)),
    ];
    if let Some(end) = s.end {
        lines.push(format!("DTEND;TZID=Asia/Tokyo:{}", local(date, end)));
    }
    lines.push(format!("SUMMARY:{}", escape_text(ev.summary)));
    let optional = [("DESCRIPTION", ev.description), ("LOCATION", ev.location)];
    for (key, value) in optional {
        if let Some(v) = value {
            lines.push(format!("{key}:{}", escape_text(v)));
        }
    }
    if let Some(url) = ev.url {
        lines.push(format!("URL:{url}"));
    }
    lines.extend(extra);
    lines.push("END:VEVENT".into());
    lines
}

/// Local Tokyo date-time; a time past 24:00 rolls into the next day.
fn local(date: NaiveDate, time: Hm) -> String {
    let dt = date.and_time(chrono::NaiveTime::MIN) + Duration::minutes(i64::from(time.minutes()));
    dt.format("%Y%m%dT%H%M%S").to_string()
}

pub(crate) fn rrule(s: &Schedule) -> String {
    let mut rule = match &s.recurrence {
        Recurrence::Weekly(days) => {
            let by: Vec<&str> = days.iter().map(|d| ical_day(*d)).collect();
            format!("FREQ=WEEKLY;BYDAY={}", by.join(","))
        }
        Recurrence::MonthlyNth(pairs) => {
            let by: Vec<String> = pairs
                .iter()
                .map(|(n, d)| format!("{n}{}", ical_day(*d)))
                .collect();
            format!("FREQ=MONTHLY;BYDAY={}", by.join(","))
        }
        Recurrence::Dates(_) => String::new(),
    };
    if let Some(until) = s.valid_until {
        // UNTIL must be UTC when DTSTART has a TZID: 23:59:59 JST is 14:59:59Z.
        rule.push_str(&format!(";UNTIL={}T145959Z", until.format("%Y%m%d")));
    }
    rule
}

/// Sessions that fall on a holiday or closure, as far as the holiday
/// data reaches (beyond it, nothing is known to exclude).
fn exdates(s: &Schedule, calendar: &Calendar, first: NaiveDate) -> Vec<String> {
    let data_end = holidays_covered_until();
    let end = s.valid_until.map_or(data_end, |u| u.min(data_end));
    let dates: Vec<String> = first
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(|d| s.occurs_on(*d) && calendar.day_kind(*d) != DayKind::Regular)
        .map(|d| local(d, s.start))
        .collect();
    if dates.is_empty() {
        return Vec::new();
    }
    vec![format!("EXDATE;TZID=Asia/Tokyo:{}", dates.join(","))]
}

fn ical_day(d: chrono::Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.num_days_from_monday() as usize]
}

/// RFC 5545 §3.3.11 TEXT escaping.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds at 75 octets without splitting a UTF-8 character, CRLF-terminated.
pub(crate) fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_utf8_and_line_limit() {
        let mut out = String::new();
        fold_into(&mut out, &format!("SUMMARY:{}", "あ".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "あ".repeat(60)));
    }

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
