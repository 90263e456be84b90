//! Checks that need the whole content: ids, references between records,
//! phone numbers, dates, links, opening hours and schedules. Each check adds diagnostics and goes on,
//! so one run reports every problem.

mod addresses;
mod dates;
mod hours;
mod ids;
mod links;
mod phones;
mod references;

use crate::diagnostics::Diagnostics;
use crate::model::Content;
use chrono::NaiveDate;

/// Where a TOML string's text starts in the file, when the raw value is the
/// text between its quotes with no escapes (`"…"`, `"""…"""`, or `"""` and
/// the newline TOML trims after it); `None` when escapes make it unknowable.
pub(crate) fn text_start(value: std::ops::Range<usize>, text: &str) -> Option<usize> {
    match value.len().checked_sub(text.len())? {
        2 => Some(value.start + 1),
        6 => Some(value.start + 3),
        7 => Some(value.start + 4),
        _ => None,
    }
}

/// Validates `content` as of `today` (passed in so that tests are stable).
pub fn validate(content: &Content, today: NaiveDate) -> Diagnostics {
    let mut d = Diagnostics::default();
    ids::check(content, &mut d);
    addresses::check(content, &mut d);
    references::check(content, &mut d);
    phones::check(content, &mut d);
    dates::check(content, today, &mut d);
    links::check(content, &mut d);
    hours::check(content, today, &mut d);
    d
}
