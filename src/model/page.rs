use serde::Deserialize;

/// A Markdown page from `pages/`, with TOML front matter between `+++` lines.
#[derive(Debug, Clone)]
pub struct Page {
    /// File stem; the page is written as `<slug>.html`.
    pub slug: String,
    pub meta: PageMeta,
    pub markdown: String,
    /// Byte offset of the Markdown body in the file, for diagnostics.
    pub body_offset: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// Which site(s) get the page.
    #[serde(default)]
    pub audience: Audience,
    /// Position in the page list; lower comes first.
    #[serde(default)]
    pub order: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Both sites.
    #[default]
    All,
    /// The staff site only.
    Staff,
}
