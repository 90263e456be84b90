use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use tsunagu_hours::WeeklyHours;

/// Opening hours as the webmaster wrote them: usually the notation of the
/// list (`hours = "平日 8:30~17:15"`), or, for what the notation cannot say,
/// a structured `[hours]` table with `[[hours.rule]]` (see docs/hours.md).
/// The notation is parsed during validation, where errors can point inside
/// the string; the table is checked while reading.
#[derive(Debug, Clone)]
pub enum HoursSpec {
    Text(String),
    Table(WeeklyHours),
}

impl HoursSpec {
    /// The text shown to people.
    pub fn text(&self) -> &str {
        match self {
            HoursSpec::Text(t) => t,
            HoursSpec::Table(h) => &h.source,
        }
    }

    /// Structured hours, when the notation can be understood.
    pub fn weekly(&self) -> Option<WeeklyHours> {
        match self {
            HoursSpec::Text(t) => tsunagu_hours::parse_hours(t).ok(),
            HoursSpec::Table(h) => Some(h.clone()),
        }
    }
}

impl<'de> Deserialize<'de> for HoursSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SpecVisitor)
    }
}

struct SpecVisitor;

impl<'de> Visitor<'de> for SpecVisitor {
    type Value = HoursSpec;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("受付時間の文字列（\"平日 8:30~17:15\"）または [hours] の表")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<HoursSpec, E> {
        Ok(HoursSpec::Text(text.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<HoursSpec, A::Error> {
        WeeklyHours::deserialize(de::value::MapAccessDeserializer::new(map)).map(HoursSpec::Table)
    }
}
