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
    /// A scheme that could run code or carry a page inline (`javascript:`,
    /// `data:`, `vbscript:` …): refused by `check`, never rendered as a link.
    Unsafe(String),
}

/// The schemes a published link may use; everything else is refused.
pub const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Resolves `dest` as written in a page that lives in `from_dir` (e.g. `pages`).
pub fn resolve(dest: &str, from_dir: &str, targets: &Targets) -> Resolved {
    if let Some(scheme) = scheme(dest) {
        return if SAFE_SCHEMES.contains(&scheme.as_str()) {
            Resolved::External
        } else {
            Resolved::Unsafe(scheme)
        };
    }
    if dest.starts_with('#') {
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

/// The scheme a browser would see in `dest`, lowercased. Browsers drop
/// leading spaces and control characters and every tab and newline before
/// they parse a URL, so `" java\tscript:"` is `javascript:` to them; the
/// Markdown parser has already decoded entities such as `&#106;`.
fn scheme(dest: &str) -> Option<String> {
    let seen: String = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = seen.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
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
    // Links cannot nest, so one flag pairs an unsafe link's start and end.
    let mut dropping = false;
    let events = Parser::new_ext(markdown, options()).map(move |ev| match ev {
        // An unsafe link keeps its text and loses its target; an unsafe
        // image keeps its alt text. `check` has refused both already.
        Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. })
            if scheme(dest_url).is_some_and(|s| !SAFE_SCHEMES.contains(&s.as_str())) =>
        {
            dropping = true;
            Event::Text(CowStr::Borrowed(""))
        }
        Event::End(pulldown_cmark::TagEnd::Link | pulldown_cmark::TagEnd::Image) if dropping => {
            dropping = false;
            Event::Text(CowStr::Borrowed(""))
        }
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
    fn only_web_mail_phone_and_relative_links_are_safe() {
        let t = targets();
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
        ] {
            assert!(
                matches!(resolve(bad, "pages", &t), Resolved::Unsafe(_)),
                "{bad:?} passed"
            );
        }
        for good in [
            "https://a.jp/",
            "HTTP://a.jp/",
            "mailto:a@b.jp",
            "tel:0862423135",
        ] {
            assert_eq!(resolve(good, "pages", &t), Resolved::External, "{good}");
        }
    }

    #[test]
    fn unsafe_links_and_images_never_render() {
        let md = "[押して](javascript:alert(1)) [x](&#106;avascript:alert(2)) \
                  ![画像](data:image/svg+xml,<svg/onload=alert(3)>) <vbscript:msgbox(4)> [ok](https://a.jp/)";
        let html = render_markdown(md, "pages/a.html", &targets());
        // Only the https link keeps a target; the rest is plain text.
        assert_eq!(html.matches("href=").count(), 1, "{html}");
        assert!(!html.contains("<img") && !html.contains("src="), "{html}");
        assert!(html.contains("押して") && html.contains("画像"), "{html}");
        assert!(html.contains(r#"href="https://a.jp/""#), "{html}");
    }

    #[test]
    fn rendered_links_are_relative_to_the_page() {
        let html = render_markdown("[社協](@/agencies/shakyo)", "pages/a.html", &targets());
        assert!(html.contains(r#"href="../agencies/shakyo.html""#), "{html}");
    }
}
