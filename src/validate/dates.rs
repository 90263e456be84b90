//! "Last verified" dates keep the directory honest: a future date is a typo,
//! and an entry nobody confirmed for a year may send citizens to a desk that
//! has moved.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::Content;
use chrono::NaiveDate;

pub fn check(c: &Content, today: NaiveDate, d: &mut Diagnostics) {
    for a in &c.agencies {
        let Some(v) = &a.value.verified else { continue };
        let Some(date) = a.value.verified_date() else {
            let dt = v.get_ref();
            let (label, help) = match dt.date {
                Some(day) => (
                    "a date with a time",
                    format!("write the date alone, without the time: verified = {day}"),
                ),
                None => (
                    "a time, not a date",
                    "write the date without quotes and without a time, e.g. verified = 2024-04-01"
                        .into(),
                ),
            };
            d.push(
                Diagnostic::error(Code::BadDate, &a.file, "`verified` must be a date")
                    .at(v.span())
                    .label(label)
                    .help(help),
            );
            continue;
        };
        if date > today {
            d.push(
                Diagnostic::error(
                    Code::FutureDate,
                    &a.file,
                    format!("`verified` date {date} is in the future"),
                )
                .at(v.span())
                .label("after today")
                .help(format!(
                    "write the date the entry was actually confirmed (today is {today})"
                )),
            );
        } else if (today - date).num_days() > 365 {
            d.push(
                Diagnostic::warning(
                    Code::Stale,
                    &a.file,
                    format!(
                        "{} was last verified on {date}, over a year ago",
                        a.value.name
                    ),
                )
                .at(v.span())
                .label("over a year old")
                .help("confirm the details with the agency, then update `verified`"),
            );
        }
    }
}
