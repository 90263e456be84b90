use serde::{Deserialize, Serialize};
use toml::Spanned;

/// An ongoing activity a citizen can join (ハレ活, もも太郎体操, BBM …),
/// one per file in `programs/`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: Spanned<String>,
    pub name: String,
    pub reading: String,
    /// What it is, in a sentence or two.
    pub summary: String,
    /// やさしい日本語 version of `summary`.
    #[serde(default)]
    pub easy: Option<String>,
    /// Who can join.
    #[serde(default)]
    pub audience: Option<String>,
    /// Where it takes place.
    #[serde(default)]
    pub place: Option<String>,
    /// When, in the notation of docs/hours.md, e.g. 「第1・3水曜日 10:00～15:00」:
    /// parsed into next sessions, an iCalendar file and schema.org data.
    #[serde(default)]
    pub schedule: Option<Spanned<String>>,
    /// When, in words, for programs without a fixed timetable, e.g.
    /// 「週1回（グループで決めます）」. Shown as written, never parsed.
    #[serde(default)]
    pub schedule_note: Option<String>,
    /// Sessions are not held on national holidays and site closures.
    #[serde(default)]
    pub skip_holidays: bool,
    /// How to start or apply.
    #[serde(default)]
    pub how_to_join: Option<String>,
    #[serde(default)]
    pub cost: Option<String>,
    /// Agency id of the organiser.
    #[serde(default)]
    pub organiser: Option<Spanned<String>>,
    #[serde(default)]
    pub topics: Vec<Spanned<String>>,
    #[serde(default)]
    pub website: Option<Spanned<String>>,
    #[serde(default, rename = "figure")]
    pub figures: Vec<Figure>,
    /// Longer description in Markdown.
    #[serde(default)]
    pub body: Option<Spanned<String>>,
    #[serde(default)]
    pub staff: Option<ProgramStaff>,
}

/// A number worth showing, e.g. 421 groups as of R5.4.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub label: String,
    pub value: String,
    #[serde(default)]
    pub as_of: Option<String>,
}

/// Staff-only data of a program.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramStaff {
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub extensions: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}
