//! Opening hours and program schedules for tsunagu: the notation municipal
//! lists use (「平日 8:30~17:15」「第1・3水曜日 10:00～15:00」), Japanese
//! national holidays and site closures, "open now", iCalendar and
//! schema.org output, and the compact JSON the browser badge reads.
//!
//! Everything is in Japan time (JST, UTC+9, no daylight saving).

mod atoms;
mod browser;
mod calendar;
mod canon;
mod error;
mod format;
mod holidays;
mod ics;
mod jsonld;
mod lex;
mod parse;
mod schedule;
mod schedule_parse;
mod status;
mod time;
mod toml_form;
mod weekly;

pub use browser::{browser_hours, browser_json, BrowserHours, BrowserRule};
pub use calendar::{
    AnnualClosure, Calendar, ClosureConfig, DateClosure, DayKind, MonthDay, MonthDayText,
    YearEndConfig, YEAR_END_NAME,
};
pub use error::{Fix, HoursError, Problem};
pub use holidays::{holiday_name, holidays_between, holidays_covered_from, holidays_covered_until};
pub use ics::{to_ics, IcsEvent};
pub use jsonld::{event_schedule, opening_hours_specification, special_opening_hours};
pub use parse::parse_hours;
pub use schedule::{next_occurrences, Occurrence, Recurrence, Schedule};
pub use schedule_parse::parse_schedule;
pub use status::{jst_now, opening_ranges, status_at, to_jst, ClosedReason, OpenStatus};
pub use time::Hm;
pub use weekly::{nth_of_month, DaySet, Rule, TimeRange, WeekSet, WeeklyHours};
