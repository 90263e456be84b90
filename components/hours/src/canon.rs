//! Canonical form of weekly rules, so that equal hours compare equal.

use std::collections::BTreeMap;

use crate::weekly::{DaySet, Rule, TimeRange, WeekSet};

/// Day slots: Monday..Sunday, then national holidays.
const SLOTS: usize = 8;
const WEEKS: usize = 5;

pub(crate) fn canonical(rules: &[Rule]) -> Vec<Rule> {
    let table = slot_table(rules);
    let mut grouped: BTreeMap<(WeekSet, Vec<TimeRange>), DaySet> = BTreeMap::new();
    for (slot, weeks) in table.iter().enumerate() {
        for (ws, ranges) in group_weeks(weeks) {
            let day = DaySet::from_bits(1 << slot);
            let entry = grouped.entry((ws, ranges)).or_default();
            *entry = entry.union(day);
        }
    }
    let mut out: Vec<Rule> = grouped
        .into_iter()
        .map(|((weeks, ranges), days)| Rule {
            days,
            weeks,
            ranges,
        })
        .collect();
    // Monday-first reading order: the rule with the earliest day comes first.
    out.sort_by_key(|r| (r.days.bits().trailing_zeros(), r.weeks, r.ranges.clone()));
    out
}

fn slot_table(rules: &[Rule]) -> Vec<Vec<Vec<TimeRange>>> {
    let mut table = vec![vec![Vec::new(); WEEKS]; SLOTS];
    for rule in rules {
        for (slot, weeks) in table.iter_mut().enumerate() {
            if rule.days.bits() & (1 << slot) == 0 {
                continue;
            }
            for (w, ranges) in weeks.iter_mut().enumerate() {
                if rule.weeks.is_every() || rule.weeks.bits() & (1 << w) != 0 {
                    ranges.extend(rule.ranges.iter().copied());
                }
            }
        }
    }
    for weeks in &mut table {
        for ranges in weeks.iter_mut() {
            *ranges = merge(std::mem::take(ranges));
        }
    }
    table
}

/// Weeks of one day slot that share the same ranges; "every week" when all five do.
fn group_weeks(weeks: &[Vec<TimeRange>]) -> Vec<(WeekSet, Vec<TimeRange>)> {
    let mut by_ranges: BTreeMap<&Vec<TimeRange>, u8> = BTreeMap::new();
    for (w, ranges) in weeks.iter().enumerate() {
        if !ranges.is_empty() {
            *by_ranges.entry(ranges).or_default() |= 1 << w;
        }
    }
    by_ranges
        .into_iter()
        .map(|(ranges, bits)| (WeekSet::from_bits(bits), ranges.clone()))
        .collect()
}

/// Sorts and joins overlapping or touching ranges: 8:30–12:00 + 12:00–17:15
/// is one continuous opening.
pub(crate) fn merge(mut ranges: Vec<TimeRange>) -> Vec<TimeRange> {
    ranges.sort();
    let mut out: Vec<TimeRange> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.open <= last.close => last.close = last.close.max(r.close),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Hm;

    fn tr(a: u32, b: u32) -> TimeRange {
        TimeRange {
            open: Hm::from_minutes(a).unwrap_or(Hm::MIDNIGHT),
            close: Hm::from_minutes(b).unwrap_or(Hm::MIDNIGHT),
        }
    }

    #[test]
    fn merges_same_ranges_across_days() {
        let rules = [
            Rule {
                days: DaySet::single(chrono::Weekday::Mon),
                weeks: WeekSet::EVERY,
                ranges: vec![tr(540, 1020)],
            },
            Rule {
                days: DaySet::single(chrono::Weekday::Wed),
                weeks: WeekSet::EVERY,
                ranges: vec![tr(540, 1020)],
            },
        ];
        let c = canonical(&rules);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].days.bits(), 0b101);
    }

    #[test]
    fn touching_ranges_join() {
        assert_eq!(
            merge(vec![tr(780, 1035), tr(510, 780)]),
            vec![tr(510, 1035)]
        );
    }
}
