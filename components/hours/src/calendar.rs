//! National holidays plus a site's (or an agency's) own closures.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use crate::holidays;

/// A day of the year, independent of the year: 12/29, 6/23.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub fn new(month: u32, day: u32) -> Option<MonthDay> {
        // 2000 is a leap year, so 2/29 is accepted as a rule.
        NaiveDate::from_ymd_opt(2000, month, day).map(|_| MonthDay { month, day })
    }

    fn of(date: NaiveDate) -> MonthDay {
        MonthDay {
            month: date.month(),
            day: date.day(),
        }
    }
}

/// What kind of day `date` is for opening hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayKind {
    Regular,
    /// A national holiday: only rules naming 祝 apply.
    Holiday(String),
    /// A site closure (年末年始, 慰霊の日, a one-off date): closed unless the
    /// hours ignore closures.
    Closure(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    pub national_holidays: bool,
    /// Inclusive, wrapping over the new year: default 12/29–1/3.
    pub year_end: Option<(MonthDay, MonthDay)>,
    /// Closed every year on these days (e.g. 6/23 慰霊の日 in Okinawa).
    pub annual: Vec<(MonthDay, String)>,
    pub dates: BTreeMap<NaiveDate, String>,
}

pub const YEAR_END_NAME: &str = "年末年始";

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            national_holidays: true,
            year_end: Some((
                MonthDay { month: 12, day: 29 },
                MonthDay { month: 1, day: 3 },
            )),
            annual: Vec::new(),
            dates: BTreeMap::new(),
        }
    }
}

impl Calendar {
    /// National holidays and the 12/29–1/3 closure.
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_year_end(mut self, from: MonthDay, to: MonthDay) -> Self {
        self.year_end = Some((from, to));
        self
    }

    pub fn without_year_end(mut self) -> Self {
        self.year_end = None;
        self
    }

    pub fn with_annual(mut self, day: MonthDay, name: impl Into<String>) -> Self {
        self.annual.push((day, name.into()));
        self
    }

    pub fn with_date(mut self, date: NaiveDate, name: impl Into<String>) -> Self {
        self.dates.insert(date, name.into());
        self
    }

    /// The national holiday's name, when national holidays are observed.
    pub fn holiday(&self, date: NaiveDate) -> Option<&'static str> {
        self.national_holidays
            .then(|| holidays::holiday_name(date))
            .flatten()
    }

    /// The site closure's name, if `date` is one.
    pub fn closure(&self, date: NaiveDate) -> Option<&str> {
        if let Some(name) = self.dates.get(&date) {
            return Some(name);
        }
        let md = MonthDay::of(date);
        if let Some((_, name)) = self.annual.iter().find(|(d, _)| *d == md) {
            return Some(name);
        }
        self.in_year_end(md).then_some(YEAR_END_NAME)
    }

    fn in_year_end(&self, md: MonthDay) -> bool {
        match self.year_end {
            Some((from, to)) if from <= to => from <= md && md <= to,
            Some((from, to)) => md >= from || md <= to,
            None => false,
        }
    }

    /// Closures win over holidays: on 1/1 the office is closed for 年末年始
    /// even if it opens on other holidays.
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        if let Some(name) = self.closure(date) {
            return DayKind::Closure(name.to_string());
        }
        match self.holiday(date) {
            Some(name) => DayKind::Holiday(name.to_string()),
            None => DayKind::Regular,
        }
    }

    /// Every holiday or closure in `from..=until`.
    pub fn special_days(&self, from: NaiveDate, until: NaiveDate) -> Vec<(NaiveDate, DayKind)> {
        from.iter_days()
            .take_while(|d| *d <= until)
            .map(|d| (d, self.day_kind(d)))
            .filter(|(_, k)| *k != DayKind::Regular)
            .collect()
    }

    /// Applies a site- or agency-level `[closures]` table on top of this one.
    pub fn extended(mut self, config: &ClosureConfig) -> Self {
        match config.year_end {
            Some(YearEndConfig::Off(false)) => self.year_end = None,
            Some(YearEndConfig::Off(true)) | None => {}
            Some(YearEndConfig::Range { from, to }) => self.year_end = Some((from.0, to.0)),
        }
        if let Some(on) = config.national_holidays {
            self.national_holidays = on;
        }
        for a in &config.annual {
            self.annual.push((a.date.0, a.name.clone()));
        }
        for d in &config.dates {
            self.dates.insert(d.date, d.name.clone());
        }
        self
    }
}

/// TOML form of closures, for site settings and per agency:
///
/// ```toml
/// [closures]
/// year_end = { from = "12-29", to = "01-03" }   # or false
/// annual = [{ date = "06-23", name = "慰霊の日" }]
/// dates = [{ date = 2026-08-14, name = "施設点検" }]
/// ```
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ClosureConfig {
    pub national_holidays: Option<bool>,
    pub year_end: Option<YearEndConfig>,
    #[serde(default)]
    pub annual: Vec<AnnualClosure>,
    #[serde(default)]
    pub dates: Vec<DateClosure>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum YearEndConfig {
    /// `false` turns the closure off; `true` keeps the default.
    Off(bool),
    Range {
        from: MonthDayText,
        to: MonthDayText,
    },
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AnnualClosure {
    pub date: MonthDayText,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DateClosure {
    /// A TOML date (`2026-08-14`) or a string of the same shape.
    #[serde(deserialize_with = "de_date")]
    pub date: NaiveDate,
    pub name: String,
}

fn de_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    // TOML dates arrive as their text form through serde's string path.
    let text = crate::toml_form::DateText::deserialize(d)?;
    Ok(text.0)
}

/// "MM-DD" or "M/D".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthDayText(pub MonthDay);

impl<'de> Deserialize<'de> for MonthDayText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let parsed = text
            .split_once(['-', '/'])
            .and_then(|(m, d)| MonthDay::new(m.trim().parse().ok()?, d.trim().parse().ok()?));
        parsed.map(MonthDayText).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "月日「{text}」を読み取れません。\"12-29\" のように書いてください"
            ))
        })
    }
}
