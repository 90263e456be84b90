//! Checks that need the whole content: ids, references between records,
//! phone numbers, dates, links, opening hours and schedules. Each check adds diagnostics and goes on,
//! so one run reports every problem.

mod dates;
mod hours;
mod ids;
mod links;
mod phones;
mod references;

use crate::diagnostics::Diagnostics;
use crate::model::Content;
use chrono::NaiveDate;

/// Validates `content` as of `today` (passed in so that tests are stable).
pub fn validate(content: &Content, today: NaiveDate) -> Diagnostics {
    let mut d = Diagnostics::default();
    ids::check(content, &mut d);
    references::check(content, &mut d);
    phones::check(content, &mut d);
    dates::check(content, today, &mut d);
    links::check(content, &mut d);
    hours::check(content, today, &mut d);
    d
}
