use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

/// `lines.toml` (optional): phone lines that are not agencies of the city —
/// national and prefectural lines, and the number to call when nothing fits —
/// as `[[line]]` tables. They are what a citizen page shows when no desk of
/// the list fits, is reachable by phone, or is open.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineFile {
    #[serde(default)]
    pub line: Vec<Line>,
}

/// One fallback phone line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: Spanned<String>,
    /// As the operator publishes it: 「よりそいホットライン」.
    pub name: String,
    /// Reading in hiragana, for ふりがな.
    #[serde(default)]
    pub reading: Option<String>,
    /// A Japanese number, or a short code (「189」「#8008」).
    pub number: Spanned<String>,
    /// What the line is for, in the operator's words.
    pub purpose: String,
    /// やさしい日本語 version of `purpose`.
    #[serde(default)]
    pub easy: Option<String>,
    /// Hours exactly as published (「24時間365日」): not parsed, because
    /// national lines route to many desks with their own hours.
    pub hours: String,
    /// 通話無料
    #[serde(default)]
    pub free: bool,
    /// 24時間
    #[serde(default)]
    pub always_open: bool,
    /// Who runs it: 「国」「岡山県」.
    #[serde(default)]
    pub operator: Option<String>,
    /// Topics this line serves; `["*"]` for every topic (a line to call
    /// when nothing fits).
    pub topics: Vec<Spanned<String>>,
    /// A crisis line: shown first, above everything, on crisis topics.
    #[serde(default)]
    pub crisis: bool,
    /// Where the facts were checked: an address or a document's title.
    pub source: String,
    pub verified: Spanned<toml::value::Datetime>,
}

/// The topic list entry that stands for every topic.
pub const ALL_TOPICS: &str = "*";

impl Line {
    pub fn verified_date(&self) -> Option<NaiveDate> {
        super::plain_date(self.verified.get_ref())
    }

    pub fn serves_all(&self) -> bool {
        self.topics.iter().any(|t| t.get_ref() == ALL_TOPICS)
    }
}
