//! "Last verified" dates keep the directory honest: a future date is a typo,
//! and an entry nobody confirmed for a year may send citizens to a desk that
//! has moved.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg};
use crate::model::Content;
use chrono::NaiveDate;

pub fn check(c: &Content, today: NaiveDate, d: &mut Diagnostics) {
    for a in &c.agencies {
        let Some(v) = &a.value.verified else { continue };
        let Some(date) = a.value.verified_date() else {
            let dt = v.get_ref();
            let (label, help) = match dt.date {
                Some(day) => (
                    Msg::LabelDateWithTime {},
                    Msg::HelpDateWithoutTime {
                        day: day.to_string().into(),
                    },
                ),
                None => (Msg::LabelTimeNotDate {}, Msg::HelpDateNoTime {}),
            };
            d.push(
                Diagnostic::error(Code::BadDate, &a.file, Msg::VerifiedNotDate {})
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
                    Msg::FutureDate { date: date.into() },
                )
                .at(v.span())
                .label(Msg::LabelAfterToday {})
                .help(Msg::HelpActualDate {
                    today: today.into(),
                }),
            );
        } else if (today - date).num_days() > 365 {
            d.push(
                Diagnostic::warning(
                    Code::Stale,
                    &a.file,
                    Msg::Stale {
                        name: a.value.name.as_str().into(),
                        date: date.into(),
                    },
                )
                .at(v.span())
                .label(Msg::LabelOverAYear {})
                .help(Msg::HelpConfirmVerified {}),
            );
        }
    }
}
