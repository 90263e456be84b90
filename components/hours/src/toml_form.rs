//! Serde forms: hours as a notation string or an explicit rule table, and
//! TOML dates.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::time::Hm;
use crate::weekly::{DaySet, Rule, TimeRange, WeekSet, WeeklyHours, WEEK};

/// Structured hours for what the notation cannot say:
///
/// ```toml
/// [hours]
/// text = "平日 8:30~17:15（第3水曜は19:00まで）"   # shown as is
/// [[hours.rule]]
/// days = ["mon", "tue", "wed", "thu", "fri"]
/// open = "08:30"
/// close = "17:15"
/// [[hours.rule]]
/// days = ["wed"]
/// weeks = [3]
/// open = "17:15"
/// close = "19:00"
/// ```
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursTable {
    text: Option<String>,
    #[serde(default = "yes")]
    observe_closures: bool,
    rule: Vec<RuleTable>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleTable {
    days: Vec<String>,
    #[serde(default)]
    weeks: Vec<u32>,
    open: Hm,
    /// Past 24:00 (e.g. "30:00") for hours that run overnight.
    close: Hm,
}

/// Accepts `hours = "平日 8:30~17:15"` or an `[hours]` table with `[[hours.rule]]`.
impl<'de> Deserialize<'de> for WeeklyHours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(HoursVisitor)
    }
}

struct HoursVisitor;

impl<'de> Visitor<'de> for HoursVisitor {
    type Value = WeeklyHours;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("受付時間の文字列（\"平日 8:30~17:15\"）または [[hours.rule]] の表")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<WeeklyHours, E> {
        crate::parse_hours(text).map_err(|e| E::custom(format!("{}（{}）", e.message(), e.help())))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<WeeklyHours, A::Error> {
        let table = HoursTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
        table.into_hours().map_err(de::Error::custom)
    }
}

impl HoursTable {
    fn into_hours(self) -> Result<WeeklyHours, String> {
        if self.rule.is_empty() {
            return Err("[[hours.rule]] が1つもありません".into());
        }
        let rules = self
            .rule
            .iter()
            .map(RuleTable::to_rule)
            .collect::<Result<Vec<_>, _>>()?;
        let mut hours = WeeklyHours::from_rules(String::new(), &rules, self.observe_closures);
        hours.source = self.text.unwrap_or_else(|| hours.format());
        Ok(hours)
    }
}

impl RuleTable {
    fn to_rule(&self) -> Result<Rule, String> {
        let mut days = DaySet::EMPTY;
        for name in &self.days {
            days = days.union(day_name(name).ok_or_else(|| {
                format!("曜日「{name}」を読み取れません。mon tue wed thu fri sat sun holiday weekdays のどれかを書いてください")
            })?);
        }
        if days.is_empty() {
            return Err("days が空です".into());
        }
        let mut weeks = WeekSet::EVERY;
        for &n in &self.weeks {
            if !(1..=5).contains(&n) {
                return Err(format!("weeks の {n} は範囲外です。1から5で書いてください"));
            }
            weeks = weeks.with(n);
        }
        if self.close <= self.open || self.open >= Hm::END_OF_DAY {
            return Err(format!(
                "open {} と close {} の順序が正しくありません。日をまたぐ場合は close = \"30:00\" のように24を足して書いてください",
                self.open.to_hhmm(),
                self.close.to_hhmm()
            ));
        }
        Ok(Rule {
            days,
            weeks,
            ranges: vec![TimeRange {
                open: self.open,
                close: self.close,
            }],
        })
    }
}

fn day_name(name: &str) -> Option<DaySet> {
    const EN: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const JA: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    let lower = name.trim().to_ascii_lowercase();
    if let Some(i) = EN.iter().position(|e| lower.starts_with(e)) {
        return Some(DaySet::single(WEEK[i]));
    }
    if let Some(i) = JA.iter().position(|j| name.trim().starts_with(j)) {
        return Some(DaySet::single(WEEK[i]));
    }
    match lower.as_str() {
        "holiday" | "holidays" | "祝" | "祝日" => Some(DaySet::HOLIDAY),
        "weekdays" | "平日" => Some(DaySet::WEEKDAYS),
        _ => None,
    }
}

/// A TOML date (`2026-08-14`) or the same as a string.
pub(crate) struct DateText(pub NaiveDate);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = DateText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("日付（2026-08-14）")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<DateText, E> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map(DateText)
            .map_err(|_| {
                E::custom(format!(
                    "日付「{text}」を読み取れません。2026-08-14 のように書いてください"
                ))
            })
    }

    /// The toml crate hands dates over as a one-entry map holding their text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DateText, A::Error> {
        let Some((_, value)) = map.next_entry::<String, String>()? else {
            return Err(de::Error::custom("日付がありません"));
        };
        self.visit_str(&value)
    }
}
