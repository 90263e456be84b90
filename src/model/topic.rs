use serde::Deserialize;
use toml::Spanned;

/// `topics.toml`: the list of 相談項目 as `[[topic]]` tables.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFile {
    #[serde(default)]
    pub topic: Vec<Topic>,
}

/// A consultation topic (相談項目): the worry a citizen starts from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Spanned<String>,
    /// e.g. 「支出・滞納・借金」
    pub label: String,
    /// Reading in hiragana, e.g. 「ししゅつ・たいのう・しゃっきん」.
    pub reading: String,
    pub description: String,
    /// Words people type for this worry: 「借金」「お金がない」.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Position on the home page grid; lower comes first.
    pub order: i64,
}
