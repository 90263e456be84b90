use serde::Deserialize;

/// `site.toml`: one per site folder.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSettings {
    /// e.g. 「岡山市」
    pub municipality: String,
    /// Edition of the list the content was taken from, e.g. 「R4年度版」.
    #[serde(default)]
    pub edition: Option<String>,
    pub citizen: SiteTarget,
    pub staff: SiteTarget,
    pub webmaster: Webmaster,
    /// Shown in the footer of every page, e.g. 「土日祝日・年末年始はお休みです」.
    #[serde(default)]
    pub closed_days_note: Option<String>,
    /// Closed days on top of national holidays; year-end (12/29–1/3) is on
    /// by default. See docs/hours.md.
    #[serde(default)]
    pub closures: Option<tsunagu_hours::ClosureConfig>,
    /// Theme folder name under `themes/`; the built-in default when absent.
    #[serde(default)]
    pub theme: Option<toml::Spanned<String>>,
}

/// Title and public address of one of the two output sites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteTarget {
    pub title: String,
    /// Absolute URL the site is published at; used only where a format needs
    /// absolute URLs (sitemap, canonical link).
    pub base_url: toml::Spanned<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// Who keeps the directory; shown on every page so errors get reported.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Webmaster {
    pub name: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}
