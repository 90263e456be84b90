//! The compact JSON that open-now.js reads.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{Calendar, DayKind};
use crate::weekly::WeeklyHours;

/// Embedded in the page (a `<script type="application/json">` or a
/// `data-open-now` attribute); see docs/hours.md for the layout.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct BrowserHours {
    /// Layout version, bumped on incompatible changes.
    pub v: u32,
    pub rules: Vec<BrowserRule>,
    pub observe_closures: bool,
    /// National holidays in the covered period, "YYYY-MM-DD".
    pub holidays: Vec<String>,
    /// Site/agency closures in the covered period.
    pub closures: Vec<String>,
    /// After this date the lists above say nothing; the script then uses
    /// the weekly rules alone.
    pub until: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct BrowserRule {
    /// 0 = Sunday … 6 = Saturday, as JavaScript's getUTCDay().
    pub days: Vec<u32>,
    /// Applies on national holidays.
    pub hol: bool,
    /// 第N weeks (1–5); empty = every week.
    pub weeks: Vec<u32>,
    /// ["08:30", "17:15"]; close may pass "24:00" for overnight hours.
    pub ranges: Vec<[String; 2]>,
}

pub fn browser_hours(
    hours: &WeeklyHours,
    calendar: &Calendar,
    from: NaiveDate,
    until: NaiveDate,
) -> BrowserHours {
    let mut holidays = Vec::new();
    let mut closures = Vec::new();
    for (date, kind) in calendar.special_days(from, until) {
        if calendar.holiday(date).is_some() {
            holidays.push(date.to_string());
        }
        if let DayKind::Closure(_) = kind {
            closures.push(date.to_string());
        }
    }
    BrowserHours {
        v: 1,
        rules: hours.rules.iter().map(browser_rule).collect(),
        observe_closures: hours.observe_closures,
        holidays,
        closures,
        until: until.to_string(),
    }
}

fn browser_rule(rule: &crate::weekly::Rule) -> BrowserRule {
    BrowserRule {
        days: rule
            .days
            .weekdays()
            .map(|d| d.num_days_from_sunday())
            .collect(),
        hol: rule.days.has_holiday(),
        weeks: rule.weeks.nths().collect(),
        ranges: rule
            .ranges
            .iter()
            .map(|r| [r.open.to_hhmm(), r.close.to_hhmm()])
            .collect(),
    }
}

/// JSON safe to put inside `<script type="application/json">` and inside
/// a single-quoted or double-quoted HTML attribute after entity escaping:
/// `<`, `>` and `&` are written as \u escapes so "</script>" cannot appear.
pub fn browser_json(
    hours: &WeeklyHours,
    calendar: &Calendar,
    from: NaiveDate,
    until: NaiveDate,
) -> String {
    let json =
        serde_json::to_string(&browser_hours(hours, calendar, from, until)).unwrap_or_default();
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
