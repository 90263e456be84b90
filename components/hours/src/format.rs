//! Canonical notation for structured hours: `parse_hours(&h.format())`
//! gives back the same structure.

use crate::time::Hm;
use crate::weekly::{DaySet, Rule, WeekSet, WeeklyHours, DAY_KANJI};

impl WeeklyHours {
    /// 「月～金 8:30～12:00、13:00～17:15、土・日・祝 10:00～16:00」.
    pub fn format(&self) -> String {
        if self.is_always_open() {
            return "24時間365日".to_string();
        }
        let mut out = self
            .rules
            .iter()
            .map(format_rule)
            .collect::<Vec<_>>()
            .join("、");
        if !self.observe_closures {
            out.push_str("（年末年始も開所）");
        }
        out
    }
}

fn format_rule(rule: &Rule) -> String {
    let ranges: Vec<String> = rule
        .ranges
        .iter()
        .map(|r| format_range(r.open, Some(r.close)))
        .collect();
    format!(
        "{} {}",
        format_days(rule.days, rule.weeks),
        ranges.join("、")
    )
}

pub(crate) fn format_range(open: Hm, close: Option<Hm>) -> String {
    match close {
        Some(close) => format!("{open}～{close}"),
        None => format!("{open}～"),
    }
}

/// Runs of three or more days become 「月～金」; others are listed with ・.
pub(crate) fn format_days(days: DaySet, weeks: WeekSet) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < 7 {
        if days.bits() & (1 << i) == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < 7 && days.bits() & (1 << (j + 1)) != 0 {
            j += 1;
        }
        if j - i >= 2 {
            parts.push(format!("{}～{}", DAY_KANJI[i], DAY_KANJI[j]));
        } else {
            parts.extend((i..=j).map(|k| DAY_KANJI[k].to_string()));
        }
        i = j + 1;
    }
    if days.has_holiday() {
        parts.push("祝".to_string());
    }
    format!("{}{}", format_weeks(weeks), parts.join("・"))
}

pub(crate) fn format_weeks(weeks: WeekSet) -> String {
    if weeks.is_every() {
        return String::new();
    }
    let nths: Vec<String> = weeks.nths().map(|n| n.to_string()).collect();
    format!("第{}", nths.join("・"))
}

impl crate::schedule::Schedule {
    /// Canonical notation: `parse_schedule(&s.format())` gives the same schedule.
    pub fn format(&self) -> String {
        use crate::schedule::Recurrence;
        let mut out = String::new();
        let ymd = |d: chrono::NaiveDate| d.format("%Y年%-m月%-d日").to_string();
        match (self.valid_from, self.valid_until, &self.recurrence) {
            (_, _, Recurrence::Dates(_)) => {}
            (Some(f), Some(u), _) => out.push_str(&format!("{}～{}の", ymd(f), ymd(u))),
            (Some(f), None, _) => out.push_str(&format!("{}から", ymd(f))),
            (None, Some(u), _) => out.push_str(&format!("{}までの", ymd(u))),
            (None, None, _) => {}
        }
        match &self.recurrence {
            Recurrence::Weekly(days) => {
                let set = days
                    .iter()
                    .fold(DaySet::EMPTY, |a, d| a.union(DaySet::single(*d)));
                out.push_str(&format!("毎週{}", format_days(set, WeekSet::EVERY)));
            }
            Recurrence::MonthlyNth(pairs) => out.push_str(&format_nth(pairs)),
            Recurrence::Dates(dates) => {
                let list: Vec<String> = dates.iter().map(|d| ymd(*d)).collect();
                out.push_str(&list.join("、"));
            }
        }
        out.push(' ');
        out.push_str(&format_range(self.start, self.end));
        if self.skips_holidays {
            out.push_str("（祝日を除く）");
        }
        out
    }
}

/// 「第1・3水」, 「第2土・第4日」: one group per weekday.
fn format_nth(pairs: &[(u32, chrono::Weekday)]) -> String {
    let mut groups: Vec<String> = Vec::new();
    for day in crate::weekly::WEEK {
        let weeks = pairs
            .iter()
            .filter(|(_, d)| *d == day)
            .fold(WeekSet::EVERY, |w, (n, _)| w.with(*n));
        if !weeks.is_every() {
            groups.push(format!(
                "{}{}",
                format_weeks(weeks),
                DAY_KANJI[day.num_days_from_monday() as usize]
            ));
        }
    }
    groups.join("・")
}
