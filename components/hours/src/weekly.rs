//! Structured weekly opening hours.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::time::Hm;

pub(crate) const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

pub(crate) const DAY_KANJI: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// Weekdays plus "national holidays" as an eighth kind of day: on a holiday
/// only rules that name 祝 apply, whatever the weekday.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DaySet(u8);

impl DaySet {
    pub const EMPTY: DaySet = DaySet(0);
    /// 平日: Monday to Friday (holidays excluded, as in every municipal list).
    pub const WEEKDAYS: DaySet = DaySet(0b0001_1111);
    pub const ALL_WEEK: DaySet = DaySet(0b0111_1111);
    pub const HOLIDAY: DaySet = DaySet(0b1000_0000);
    pub const EVERY_DAY: DaySet = DaySet(0b1111_1111);

    pub fn single(day: Weekday) -> DaySet {
        DaySet(1 << day.num_days_from_monday())
    }

    pub fn from_bits(bits: u8) -> DaySet {
        DaySet(bits)
    }

    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & DaySet::single(day).0 != 0
    }

    pub fn has_holiday(self) -> bool {
        self.0 & DaySet::HOLIDAY.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn union(self, other: DaySet) -> DaySet {
        DaySet(self.0 | other.0)
    }

    pub fn minus(self, other: DaySet) -> DaySet {
        DaySet(self.0 & !other.0)
    }

    pub fn weekdays(self) -> impl Iterator<Item = Weekday> {
        WEEK.into_iter().filter(move |d| self.contains(*d))
    }
}

/// Which occurrences of a weekday in the month (第1…第5) a rule applies to;
/// empty means every week.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WeekSet(u8);

impl WeekSet {
    pub const EVERY: WeekSet = WeekSet(0);
    const ALL_FIVE: u8 = 0b1_1111;

    /// `nth` is 1..=5; other values are ignored.
    pub fn with(self, nth: u32) -> WeekSet {
        if (1..=5).contains(&nth) {
            WeekSet(self.0 | 1 << (nth - 1))
        } else {
            self
        }
    }

    pub fn from_bits(bits: u8) -> WeekSet {
        // All five weeks is the same as every week; keep one spelling.
        match bits & Self::ALL_FIVE {
            Self::ALL_FIVE => WeekSet::EVERY,
            b => WeekSet(b),
        }
    }

    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn is_every(self) -> bool {
        self.0 == 0
    }

    pub fn nths(self) -> impl Iterator<Item = u32> {
        (1..=5).filter(move |n| self.0 & (1 << (n - 1)) != 0)
    }

    pub fn matches(self, date: NaiveDate) -> bool {
        self.is_every() || self.0 & (1 << (nth_of_month(date) - 1)) != 0
    }
}

/// 1 for the first Wednesday of the month, 2 for the second, …
pub fn nth_of_month(date: NaiveDate) -> u32 {
    (date.day() - 1) / 7 + 1
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeRange {
    pub open: Hm,
    /// After `open`; past 24:00 when the range runs overnight.
    pub close: Hm,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub days: DaySet,
    pub weeks: WeekSet,
    /// Sorted, non-overlapping.
    pub ranges: Vec<TimeRange>,
}

/// Weekly opening hours plus the text they were read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeeklyHours {
    /// What the webmaster wrote, for display.
    pub source: String,
    /// In canonical form (see [`WeeklyHours::from_rules`]).
    pub rules: Vec<Rule>,
    /// False for 24時間365日 / 年中無休: year-end and site closures do not apply.
    pub observe_closures: bool,
}

impl WeeklyHours {
    /// Builds hours in canonical form, so that two spellings of the same
    /// hours compare equal: each (day, week-of-month) slot gets the union of
    /// the ranges that apply to it, and slots with equal ranges share a rule.
    pub fn from_rules(source: impl Into<String>, rules: &[Rule], observe_closures: bool) -> Self {
        WeeklyHours {
            source: source.into(),
            rules: crate::canon::canonical(rules),
            observe_closures,
        }
    }

    /// Same hours, whatever the source text.
    pub fn same_hours(&self, other: &WeeklyHours) -> bool {
        self.rules == other.rules && self.observe_closures == other.observe_closures
    }

    /// Ranges that start on `date`, given whether it is a national holiday.
    pub fn ranges_on(&self, date: NaiveDate, is_holiday: bool) -> Vec<TimeRange> {
        let mut out: Vec<TimeRange> = self
            .rules
            .iter()
            .filter(|r| r.weeks.matches(date))
            .filter(|r| {
                if is_holiday {
                    r.days.has_holiday()
                } else {
                    r.days.contains(date.weekday())
                }
            })
            .flat_map(|r| r.ranges.iter().copied())
            .collect();
        out.sort();
        out
    }

    pub fn is_always_open(&self) -> bool {
        !self.observe_closures
            && self.rules.len() == 1
            && self.rules[0].days == DaySet::EVERY_DAY
            && self.rules[0].weeks.is_every()
            && self.rules[0].ranges
                == [TimeRange {
                    open: Hm::MIDNIGHT,
                    close: Hm::END_OF_DAY,
                }]
    }
}
