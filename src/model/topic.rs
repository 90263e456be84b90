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
    /// A crisis topic (DV・虐待, こころ): its page, and search results that
    /// reach it, show the crisis lines first.
    #[serde(default)]
    pub crisis: bool,
    /// Show the quick-exit button (DV): leaves for the site's neutral page.
    #[serde(default)]
    pub quick_exit: bool,
    /// やさしい日本語 version of `description`.
    #[serde(default)]
    pub easy: Option<String>,
}
