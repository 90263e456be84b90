//! "Is it open now?" for given hours, calendar and Japan time.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::calendar::{Calendar, DayKind};
use crate::weekly::{TimeRange, WeeklyHours};

/// How far ahead to look for the next opening: longer than any closure
/// plus the longest gap between weekly openings.
const HORIZON_DAYS: i64 = 400;
/// "Open until" follows back-to-back ranges (24時間) at most this far.
const UNTIL_DAYS: i64 = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosedReason {
    /// Not a day the hours name (e.g. Saturday for 平日).
    DayOff,
    Holiday(String),
    Closure(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenStatus {
    /// Open now; closes at `until` (JST).
    Open { until: NaiveDateTime },
    /// Has hours today but not at this moment: before opening, a lunch
    /// break, or after closing.
    ClosedNow { next_open: Option<NaiveDateTime> },
    /// No hours at all today.
    ClosedToday {
        reason: ClosedReason,
        next_open: Option<NaiveDateTime>,
    },
}

impl OpenStatus {
    pub fn is_open(&self) -> bool {
        matches!(self, OpenStatus::Open { .. })
    }

    pub fn next_open(&self) -> Option<NaiveDateTime> {
        match self {
            OpenStatus::Open { .. } => None,
            OpenStatus::ClosedNow { next_open } | OpenStatus::ClosedToday { next_open, .. } => {
                *next_open
            }
        }
    }
}

/// Japan time for a UTC instant: JST is UTC+9 all year (no DST).
pub fn to_jst(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.naive_utc() + Duration::hours(9)
}

/// The current time in Japan.
pub fn jst_now() -> NaiveDateTime {
    to_jst(Utc::now())
}

/// Ranges the office actually opens on `date`, with holidays and closures applied.
pub fn opening_ranges(hours: &WeeklyHours, calendar: &Calendar, date: NaiveDate) -> Vec<TimeRange> {
    match calendar.day_kind(date) {
        DayKind::Closure(_) if hours.observe_closures => Vec::new(),
        DayKind::Closure(_) => hours.ranges_on(date, calendar.holiday(date).is_some()),
        DayKind::Holiday(_) => hours.ranges_on(date, true),
        DayKind::Regular => hours.ranges_on(date, false),
    }
}

fn intervals_on(
    hours: &WeeklyHours,
    calendar: &Calendar,
    date: NaiveDate,
) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    let midnight = date.and_time(chrono::NaiveTime::MIN);
    opening_ranges(hours, calendar, date)
        .into_iter()
        .map(|r| {
            (
                midnight + Duration::minutes(i64::from(r.open.minutes())),
                midnight + Duration::minutes(i64::from(r.close.minutes())),
            )
        })
        .collect()
}

/// Open or closed at `now` (Japan time), and when it next opens.
pub fn status_at(hours: &WeeklyHours, calendar: &Calendar, now: NaiveDateTime) -> OpenStatus {
    let today = now.date();
    // Yesterday too: an overnight range (22:00～翌6:00) may still be running.
    let current = [today.pred_opt(), Some(today)]
        .into_iter()
        .flatten()
        .flat_map(|d| intervals_on(hours, calendar, d))
        .find(|(start, end)| *start <= now && now < *end);
    if let Some((_, end)) = current {
        return OpenStatus::Open {
            until: extend_until(hours, calendar, end),
        };
    }
    let next_open = next_opening(hours, calendar, now);
    if opening_ranges(hours, calendar, today).is_empty() {
        let reason = match calendar.day_kind(today) {
            DayKind::Closure(n) if hours.observe_closures => ClosedReason::Closure(n),
            DayKind::Holiday(n) => ClosedReason::Holiday(n),
            _ => ClosedReason::DayOff,
        };
        return OpenStatus::ClosedToday { reason, next_open };
    }
    OpenStatus::ClosedNow { next_open }
}

/// Follows ranges that start exactly when the previous one ends.
fn extend_until(hours: &WeeklyHours, calendar: &Calendar, mut end: NaiveDateTime) -> NaiveDateTime {
    let limit = end + Duration::days(UNTIL_DAYS);
    while end < limit {
        let next = intervals_on(hours, calendar, end.date())
            .into_iter()
            .find(|(s, e)| *s <= end && end < *e);
        match next {
            Some((_, e)) => end = e,
            None => break,
        }
    }
    end
}

fn next_opening(
    hours: &WeeklyHours,
    calendar: &Calendar,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    now.date()
        .iter_days()
        .take(HORIZON_DAYS as usize)
        .flat_map(|d| intervals_on(hours, calendar, d))
        .map(|(start, _)| start)
        .find(|start| *start > now)
}
