//! Opening hours and program schedules must be understood, not just stored:
//! the open-now badge, the timetable and the calendar files depend on them.
//! Text that cannot be parsed is an error that points inside the string.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg, Sources};
use crate::messages;
use crate::model::{Content, HoursSpec};
use chrono::NaiveDate;
use std::ops::Range;
use std::path::Path;
use tsunagu_hours::HoursError;

pub fn check(c: &Content, sources: &Sources, today: NaiveDate, d: &mut Diagnostics) {
    for a in &c.agencies {
        let v = &a.value;
        let source = sources.get(&a.file);
        let all = v
            .hours
            .iter()
            .chain(v.matters.iter().filter_map(|m| m.hours.as_ref()))
            .chain(v.offices.iter().filter_map(|o| o.hours.as_ref()));
        for h in all {
            if let HoursSpec::Text(text) = h.get_ref() {
                if let Err(e) = tsunagu_hours::parse_hours(text) {
                    d.push(diagnostic(
                        Code::BadHours,
                        (&a.file, source),
                        h.span(),
                        text,
                        &e,
                        Msg::WhatHours {},
                    ));
                }
            }
        }
    }
    for p in &c.programs {
        if let Some(s) = &p.value.schedule {
            if let Err(e) = tsunagu_hours::parse_schedule(s.get_ref()) {
                let mut diag = diagnostic(
                    Code::BadSchedule,
                    (&p.file, sources.get(&p.file)),
                    s.span(),
                    s.get_ref(),
                    &e,
                    Msg::WhatSchedule {},
                );
                diag.help = Some(Msg::HelpScheduleNote {
                    detail: messages::hours::fix(e.fix).into(),
                });
                d.push(diag);
            }
        }
    }
    coverage(c, today, d);
}

pub(super) fn diagnostic(
    code: Code,
    (file, source): (&Path, Option<&str>),
    value: Range<usize>,
    text: &str,
    e: &HoursError,
    what: Msg,
) -> Diagnostic {
    let message = if code == Code::BadSchedule {
        Msg::BadSchedule {
            what: what.into(),
            text: text.into(),
        }
    } else {
        Msg::BadHours {
            what: what.into(),
            text: text.into(),
        }
    };
    Diagnostic::error(code, file, message)
        .at(inside(source, value, text, &e.span))
        .label(messages::hours::problem(&e.problem))
        .help(messages::hours::fix(e.fix))
}

/// The error's span moved from the string into the file. The TOML value's
/// span includes its quotes; only when the raw value is exactly the text in
/// quotes (no escapes) can the inner offsets be trusted.
fn inside(
    source: Option<&str>,
    value: Range<usize>,
    text: &str,
    span: &Range<usize>,
) -> Range<usize> {
    let Some(start) = super::text_start(source, value.clone(), text) else {
        return value;
    };
    let end = start + span.end.min(text.len());
    let start = start + span.start.min(text.len());
    start..end.max(start + 1)
}

/// Holidays come from data shipped with tsunagu; warn well before it runs out.
fn coverage(c: &Content, today: NaiveDate, d: &mut Diagnostics) {
    let covered = tsunagu_hours::holidays_covered_until();
    let needed = today + chrono::Duration::days(365);
    if covered < needed {
        d.push(
            Diagnostic::warning(
                Code::HolidaysOutdated,
                &c.settings.file,
                Msg::HolidaysOutdated {
                    covered: covered.into(),
                },
            )
            .help(Msg::HelpUpdateHolidays {}),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::inside;

    #[test]
    fn error_spans_move_inside_the_quotes() {
        // `hours = "平日 8:30~17:15"` with the value starting at byte 8.
        let text = "平日 8:30~17:15";
        let file = format!("hours = \"{text}\"");
        let value = 8..file.len();
        assert_eq!(inside(Some(&file), value.clone(), text, &(7..11)), 16..20);
        // With an escape the file differs from the text: the whole value.
        let escaped = "hours = \"\\u5e73日 8:30~17:15\"";
        let value = 8..escaped.len();
        assert_eq!(inside(Some(escaped), value.clone(), text, &(7..11)), value);
    }
}
