//! schema.org JSON-LD pieces for agency pages (GovernmentOffice) and programs (Event).

use chrono::{NaiveDate, Weekday};
use serde_json::{json, Value};

use crate::calendar::{Calendar, DayKind};
use crate::schedule::{Recurrence, Schedule};
use crate::weekly::WeeklyHours;

fn schema_day(d: Weekday) -> &'static str {
    [
        "https://schema.org/Monday",
        "https://schema.org/Tuesday",
        "https://schema.org/Wednesday",
        "https://schema.org/Thursday",
        "https://schema.org/Friday",
        "https://schema.org/Saturday",
        "https://schema.org/Sunday",
    ][d.num_days_from_monday() as usize]
}

/// `openingHoursSpecification`: one entry per rule and range. Rules that
/// apply only on 第N weeks cannot be said in schema.org and are left out
/// (the page's timetable still shows them).
pub fn opening_hours_specification(hours: &WeeklyHours) -> Value {
    let mut specs = Vec::new();
    for rule in hours.rules.iter().filter(|r| r.weeks.is_every()) {
        let mut days: Vec<&str> = rule.days.weekdays().map(schema_day).collect();
        if rule.days.has_holiday() {
            days.push("https://schema.org/PublicHolidays");
        }
        for r in &rule.ranges {
            specs.push(json!({
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": days,
                "opens": r.open.to_schema_time(),
                "closes": r.close.to_schema_time(),
            }));
        }
    }
    Value::Array(specs)
}

/// `specialOpeningHoursSpecification`: days in `from..=until` on which the
/// office would open by its weekly hours but is closed for a holiday or
/// closure; consecutive days are one entry (年末年始 is one).
pub fn special_opening_hours(
    hours: &WeeklyHours,
    calendar: &Calendar,
    from: NaiveDate,
    until: NaiveDate,
) -> Value {
    let mut runs: Vec<(NaiveDate, NaiveDate, String)> = Vec::new();
    for (date, kind) in calendar.special_days(from, until) {
        let normally_open = !hours.ranges_on(date, false).is_empty();
        let closed = crate::status::opening_ranges(hours, calendar, date).is_empty();
        if !(normally_open && closed) {
            continue;
        }
        let name = match kind {
            DayKind::Holiday(n) | DayKind::Closure(n) => n,
            DayKind::Regular => continue,
        };
        match runs.last_mut() {
            Some((_, end, n)) if end.succ_opt() == Some(date) && *n == name => *end = date,
            _ => runs.push((date, date, name)),
        }
    }
    Value::Array(
        runs.into_iter()
            .map(|(start, end, name)| {
                json!({
                    "@type": "OpeningHoursSpecification",
                    "name": name,
                    "opens": "00:00:00",
                    "closes": "00:00:00",
                    "validFrom": start.to_string(),
                    "validThrough": end.to_string(),
                })
            })
            .collect(),
    )
}

/// `eventSchedule`: an array of schema.org Schedule, one per weekday
/// pattern (schema.org cannot pair 第2 with Saturday and 第4 with Sunday in
/// one Schedule), or one per date for dated sessions.
pub fn event_schedule(schedule: &Schedule) -> Value {
    let base = |extra: Value| -> Value {
        let mut v = json!({
            "@type": "Schedule",
            "startTime": schedule.start.to_schema_time(),
            "scheduleTimezone": "Asia/Tokyo",
        });
        if let Some(end) = schedule.end {
            v["endTime"] = json!(end.to_schema_time());
        }
        if let Some(f) = schedule.valid_from {
            v["startDate"] = json!(f.to_string());
        }
        if let Some(u) = schedule.valid_until {
            v["endDate"] = json!(u.to_string());
        }
        merge(v, extra)
    };
    let out: Vec<Value> = match &schedule.recurrence {
        Recurrence::Weekly(days) => vec![base(json!({
            "repeatFrequency": "P1W",
            "byDay": days.iter().map(|d| schema_day(*d)).collect::<Vec<_>>(),
        }))],
        Recurrence::MonthlyNth(pairs) => crate::weekly::WEEK
            .into_iter()
            .filter_map(|day| {
                let weeks: Vec<u32> = pairs
                    .iter()
                    .filter(|(_, d)| *d == day)
                    .map(|(n, _)| *n)
                    .collect();
                (!weeks.is_empty()).then(|| {
                    base(json!({
                        "repeatFrequency": "P1M",
                        "byDay": schema_day(day),
                        "byMonthWeek": weeks,
                    }))
                })
            })
            .collect(),
        Recurrence::Dates(dates) => dates
            .iter()
            .map(|d| {
                base(json!({
                    "startDate": d.to_string(),
                    "endDate": d.to_string(),
                    "repeatCount": 1,
                }))
            })
            .collect(),
    };
    Value::Array(out)
}

fn merge(mut a: Value, b: Value) -> Value {
    if let (Some(a_map), Value::Object(b_map)) = (a.as_object_mut(), b) {
        a_map.extend(b_map);
    }
    a
}
