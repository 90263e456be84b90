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
    /// The quick-exit button on topics marked `quick_exit` (DV).
    #[serde(default)]
    pub quick_exit: Option<QuickExit>,
    /// A record verified longer ago than this many days tells citizens to
    /// call before going (default 365).
    #[serde(default)]
    pub stale_after_days: Option<u32>,
    /// Map service for addresses: an http(s) address with `{address}` where
    /// the address goes, e.g. "https://www.google.com/maps/search/?api=1&query={address}".
    /// Only a link: nothing is fetched until the person taps it.
    #[serde(default)]
    pub map_url: Option<toml::Spanned<String>>,
    /// `[plan]`: the site's own rule for a household with several worries.
    #[serde(default)]
    pub plan: Option<PlanRule>,
    /// The license of the open data the citizen site offers (`opendata.html`).
    #[serde(default)]
    pub open_data: Option<OpenData>,
}

/// Where a household with several worries starts, as the city's own
/// documents state it. Content, not code: every city has its own rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRule {
    /// Shown on the plan page of both sites when two or more worries are ticked.
    #[serde(default)]
    pub start: Option<String>,
    /// Agencies the rule names, shown as the place to start.
    #[serde(default)]
    pub start_agencies: Vec<toml::Spanned<String>>,
    /// The rule between desks (who to refer to, which coordinator): staff site only.
    #[serde(default)]
    pub staff: Option<PlanRuleStaff>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRuleStaff {
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub start_agencies: Vec<toml::Spanned<String>>,
}

/// Where the quick-exit button leaves to: a neutral public page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickExit {
    pub url: toml::Spanned<String>,
    /// Button text; 「すぐにこのページを離れる」 when absent.
    #[serde(default)]
    pub label: Option<String>,
}

/// `[open_data]`: under which terms the exported files may be reused.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct OpenData {
    /// e.g. 「クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）」
    pub license: String,
    #[serde(default)]
    pub license_url: Option<String>,
}

/// Title and public address of one of the two output sites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteTarget {
    pub title: String,
    /// Absolute URL the site is published at; used only where a format needs
    /// absolute URLs (sitemap, canonical link, calendar UIDs).
    pub base_url: toml::Spanned<BaseUrl>,
    #[serde(default)]
    pub description: Option<String>,
}

/// Who keeps the directory; shown on every page so errors get reported.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Webmaster {
    pub name: String,
    /// Checked like an agency's public phone (no 内線, a real number).
    #[serde(default)]
    pub phone: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub email: Option<toml::Spanned<String>>,
}

/// A site's public address: parsed once, when `site.toml` is read, and
/// carried parsed from there. What was written is kept for messages.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "String")]
pub struct BaseUrl {
    written: String,
    /// `None` when it is not an absolute http(s) address; `check` refuses
    /// such a site, so views only ever see `Some`.
    parsed: Option<url::Url>,
}

impl From<String> for BaseUrl {
    fn from(written: String) -> Self {
        let parsed = url::Url::parse(&written)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .map(|mut u| {
                // Relative paths are appended to it: it must name a folder.
                if !u.path().ends_with('/') {
                    let folder = format!("{}/", u.path());
                    u.set_path(&folder);
                }
                u
            });
        BaseUrl { written, parsed }
    }
}

impl BaseUrl {
    /// As written in `site.toml`.
    pub fn as_str(&self) -> &str {
        &self.written
    }

    /// The address, ending in `/`, when it is an absolute http(s) address.
    pub fn url(&self) -> Option<&url::Url> {
        self.parsed.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::BaseUrl;

    #[test]
    fn a_base_url_is_parsed_once_and_names_a_folder() {
        let b = BaseUrl::from("https://example.jp/okayama".to_string());
        assert_eq!(b.as_str(), "https://example.jp/okayama");
        let u = b.url().expect("parsed");
        assert_eq!(u.as_str(), "https://example.jp/okayama/");
        assert_eq!(u.path(), "/okayama/");
        assert_eq!(u.host_str(), Some("example.jp"));
        let root = BaseUrl::from("https://example.jp".to_string());
        assert_eq!(root.url().map(|u| u.as_str()), Some("https://example.jp/"));
    }

    #[test]
    fn what_is_not_an_http_address_has_no_parsed_value() {
        for bad in [
            "www.example.jp",
            "javascript:alert(1)",
            "mailto:a@example.jp",
            "https://",
            "",
        ] {
            assert!(BaseUrl::from(bad.to_string()).url().is_none(), "{bad}");
        }
    }
}
