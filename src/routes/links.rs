//! Links inside Markdown. Webmasters write `@/agencies/<id>`, `@/topics/<id>`,
//! `@/programs/<id>`, `@/pages/<slug>` or a sibling page `other.md`; these are
//! checked against the records that exist and rewritten to relative `.html`
//! paths so they work from a web server and from `file://` alike.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};
use std::collections::BTreeSet;
use std::ops::Range;

/// Output paths (relative to a site root) that a link may point at.
#[derive(Debug, Default, Clone)]
pub struct Targets {
    pub paths: BTreeSet<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Left as written: web, mail and phone links, fragments.
    External,
    /// A path relative to the site root, plus any `#fragment`.
    Internal(String),
    Broken(String),
}

/// Resolves `dest` as written in a page that lives in `from_dir` (e.g. `pages`).
pub fn resolve(dest: &str, from_dir: &str, targets: &Targets) -> Resolved {
    if dest.starts_with('#') || has_scheme(dest) {
        return Resolved::External;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (dest, String::new()),
    };
    let site_path = match path.strip_prefix("@/") {
        Some(p) => p.to_string(),
        None => format!("{from_dir}/{path}"),
    };
    let site_path = with_html_extension(&site_path);
    if targets.paths.contains(&site_path) {
        Resolved::Internal(format!("{site_path}{fragment}"))
    } else {
        Resolved::Broken(site_path)
    }
}

fn has_scheme(dest: &str) -> bool {
    match dest.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

fn with_html_extension(p: &str) -> String {
    let p = p.trim_end_matches('/');
    if let Some(stem) = p.strip_suffix(".md") {
        format!("{stem}.html")
    } else if p.ends_with(".html") {
        p.to_string()
    } else {
        format!("{p}.html")
    }
}

/// Every link destination in `markdown`, with its byte range.
pub fn links(markdown: &str) -> Vec<(String, Range<usize>)> {
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => Some((dest_url.to_string(), range)),
            _ => None,
        })
        .collect()
}

/// Renders Markdown for a page at `page_path`, rewriting internal links to
/// paths relative to that page. Broken links are left as written: validation
/// has already refused them before rendering starts.
pub fn render_markdown(markdown: &str, page_path: &str, targets: &Targets) -> String {
    let from_dir = page_path.rsplit_once('/').map_or("", |(d, _)| d);
    let prefix = super::paths::root_prefix(page_path);
    let events = Parser::new_ext(markdown, options()).map(|ev| match ev {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = rewrite(&dest_url, from_dir, &prefix, targets).unwrap_or(dest_url);
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        // Raw HTML could hide staff notes in comments, run scripts or load
        // from other hosts; `check` refuses it, and it never renders.
        Event::Html(_) | Event::InlineHtml(_) => Event::Text(CowStr::Borrowed("")),
        // The page title is the only h1: Markdown headings start at h2.
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(pulldown_cmark::TagEnd::Heading(level)) => {
            Event::End(pulldown_cmark::TagEnd::Heading(demote(level)))
        }
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

fn demote(level: pulldown_cmark::HeadingLevel) -> pulldown_cmark::HeadingLevel {
    use pulldown_cmark::HeadingLevel::*;
    match level {
        H1 => H2,
        H2 => H3,
        H3 => H4,
        H4 => H5,
        _ => H6,
    }
}

/// Byte ranges of raw HTML in `markdown`, for `check`.
pub fn raw_html(markdown: &str) -> Vec<Range<usize>> {
    Parser::new_ext(markdown, options())
        .into_offset_iter()
        .filter(|(ev, _)| matches!(ev, Event::Html(_) | Event::InlineHtml(_)))
        .map(|(_, range)| range)
        .collect()
}

fn rewrite<'a>(dest: &str, from_dir: &str, prefix: &str, t: &Targets) -> Option<CowStr<'a>> {
    match resolve(dest, from_dir, t) {
        Resolved::Internal(p) => Some(CowStr::from(format!("{prefix}{p}"))),
        _ => None,
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Targets {
        Targets {
            paths: ["pages/referral.html", "agencies/shakyo.html"]
                .into_iter()
                .map(String::from)
                .collect(),
        }
    }

    #[test]
    fn site_links_resolve_to_html_paths() {
        let t = targets();
        assert_eq!(
            resolve("@/agencies/shakyo", "pages", &t),
            Resolved::Internal("agencies/shakyo.html".into())
        );
        assert_eq!(
            resolve("referral.md#top", "pages", &t),
            Resolved::Internal("pages/referral.html#top".into())
        );
        assert_eq!(
            resolve("https://example.jp/", "pages", &t),
            Resolved::External
        );
        assert_eq!(resolve("tel:0862423135", "pages", &t), Resolved::External);
        assert_eq!(
            resolve("missing.md", "pages", &t),
            Resolved::Broken("pages/missing.html".into())
        );
    }

    #[test]
    fn raw_html_never_renders_and_headings_start_at_h2() {
        let md = "# 見出し\n\n<!-- 担当 山田 -->\n\n本文 <img src=x onerror=alert(1)>";
        let html = render_markdown(md, "pages/a.html", &targets());
        assert!(
            !html.contains("山田") && !html.contains("<img") && !html.contains("<!--"),
            "{html}"
        );
        assert!(html.contains("<h2>見出し</h2>"), "{html}");
        assert_eq!(raw_html(md).len(), 2);
    }

    #[test]
    fn rendered_links_are_relative_to_the_page() {
        let html = render_markdown("[社協](@/agencies/shakyo)", "pages/a.html", &targets());
        assert!(html.contains(r#"href="../agencies/shakyo.html""#), "{html}");
    }
}
