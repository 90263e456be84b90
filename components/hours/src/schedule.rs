//! Program schedules: 「第1・3水曜日 10:00～15:00」「毎週木曜 10:00～」 and dated series.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{Calendar, DayKind};
use crate::time::Hm;
use crate::weekly::nth_of_month;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recurrence {
    /// Every week on these days (Monday first).
    Weekly(Vec<Weekday>),
    /// The nth given weekday of each month: `[(1, Wed), (3, Wed)]` is 第1・3水曜.
    MonthlyNth(Vec<(u32, Weekday)>),
    /// Single sessions on these dates.
    Dates(Vec<NaiveDate>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// What the webmaster wrote, for display.
    pub source: String,
    pub recurrence: Recurrence,
    pub start: Hm,
    /// `None` for 「10:00～」 with no announced end.
    pub end: Option<Hm>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The text itself says 「祝日を除く」 or similar.
    pub skips_holidays: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub start: Hm,
    pub end: Option<Hm>,
}

impl Schedule {
    /// The pattern matches `date`, before holidays are considered.
    pub fn occurs_on(&self, date: NaiveDate) -> bool {
        if self.valid_from.is_some_and(|f| date < f) || self.valid_until.is_some_and(|u| date > u) {
            return false;
        }
        match &self.recurrence {
            Recurrence::Weekly(days) => days.contains(&date.weekday()),
            Recurrence::MonthlyNth(pairs) => pairs.contains(&(nth_of_month(date), date.weekday())),
            Recurrence::Dates(dates) => dates.contains(&date),
        }
    }

    /// The first day the pattern could occur on, for walking forward.
    fn first_possible(&self) -> Option<NaiveDate> {
        match &self.recurrence {
            Recurrence::Dates(dates) => dates.iter().min().copied(),
            _ => self.valid_from,
        }
    }

    /// The last day it can occur on, if any.
    pub fn last_possible(&self) -> Option<NaiveDate> {
        match &self.recurrence {
            Recurrence::Dates(dates) => dates.iter().max().copied(),
            _ => self.valid_until,
        }
    }
}

/// How far to walk when looking for sessions: a monthly program whose
/// every session falls on a holiday still terminates.
const SEARCH_DAYS: usize = 3 * 366;

/// The next `n` sessions on or after `from`. With `skip_holidays` (or when
/// the text says so) sessions on national holidays and calendar closures
/// are left out.
pub fn next_occurrences(
    schedule: &Schedule,
    calendar: &Calendar,
    from: NaiveDate,
    n: usize,
    skip_holidays: bool,
) -> Vec<Occurrence> {
    let skip = skip_holidays || schedule.skips_holidays;
    let start = schedule.first_possible().map_or(from, |f| f.max(from));
    let last = schedule.last_possible();
    start
        .iter_days()
        .take(SEARCH_DAYS)
        .take_while(|d| last.is_none_or(|l| *d <= l))
        .filter(|d| schedule.occurs_on(*d))
        .filter(|d| !skip || calendar.day_kind(*d) == DayKind::Regular)
        .take(n)
        .map(|date| Occurrence {
            date,
            start: schedule.start,
            end: schedule.end,
        })
        .collect()
}
