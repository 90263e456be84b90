//! Clock times as minutes since midnight.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A clock time within a day, or up to 48:00 for hours that run past
/// midnight (「翌6:00」 is stored as 30:00 on the day the range starts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hm(u16);

impl Hm {
    pub const MIDNIGHT: Hm = Hm(0);
    pub const END_OF_DAY: Hm = Hm(24 * 60);
    const MAX: u32 = 48 * 60;

    /// `None` when minutes ≥ 60 or the time is past 48:00.
    pub fn new(hour: u32, minute: u32) -> Option<Hm> {
        let total = hour.checked_mul(60)?.checked_add(minute)?;
        (minute < 60 && total <= Self::MAX).then_some(Hm(total as u16))
    }

    pub fn from_minutes(minutes: u32) -> Option<Hm> {
        (minutes <= Self::MAX).then_some(Hm(minutes as u16))
    }

    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }

    pub fn hour(self) -> u32 {
        self.minutes() / 60
    }

    pub fn minute(self) -> u32 {
        self.minutes() % 60
    }

    /// Past midnight of the day the range started on.
    pub fn is_next_day(self) -> bool {
        self.0 > Self::END_OF_DAY.0
    }

    /// "08:30", the form used in TOML and in the browser JSON.
    pub fn to_hhmm(self) -> String {
        format!("{:02}:{:02}", self.hour(), self.minute())
    }

    /// Accepts "8:30" and "08:30".
    pub fn parse_hhmm(text: &str) -> Option<Hm> {
        let (h, m) = text.split_once(':')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(h) || !all_digits(m) {
            return None;
        }
        Hm::new(h.parse().ok()?, m.parse().ok()?)
    }

    /// schema.org wants a time of day; the end of the day is 23:59:59 there
    /// and times past midnight wrap (closes < opens means "next day").
    pub fn to_schema_time(self) -> String {
        if self == Self::END_OF_DAY {
            return "23:59:59".to_string();
        }
        let m = self.minutes() % (24 * 60);
        format!("{:02}:{:02}:00", m / 60, m % 60)
    }

    pub fn to_naive_time(self) -> chrono::NaiveTime {
        let m = self.minutes() % (24 * 60);
        chrono::NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap_or(chrono::NaiveTime::MIN)
    }

    pub fn from_naive_time(t: chrono::NaiveTime) -> Hm {
        use chrono::Timelike;
        Hm((t.hour() * 60 + t.minute()) as u16)
    }
}

/// Japanese display form: "8:30", "翌6:00" for times past midnight.
impl fmt::Display for Hm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_next_day() {
            let m = self.minutes() - 24 * 60;
            write!(f, "翌{}:{:02}", m / 60, m % 60)
        } else {
            write!(f, "{}:{:02}", self.hour(), self.minute())
        }
    }
}

impl Serialize for Hm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hhmm())
    }
}

impl<'de> Deserialize<'de> for Hm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Hm, D::Error> {
        let text = String::deserialize(d)?;
        Hm::parse_hhmm(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "時刻「{text}」を読み取れません。\"08:30\" のように書いてください"
            ))
        })
    }
}
