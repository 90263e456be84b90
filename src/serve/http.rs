//! Requests to files: the citizen tree at `/`, the staff tree at `/staff/`.
//! Only keys of the in-memory trees are ever served, so no request can reach
//! a file on disk.

use crate::site::{Audience, Citizen, Staff};

/// Where the staff tree is mounted.
pub const STAFF_PREFIX: &str = "/staff/";

#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// The live-reload event stream; `since` is the build the page came from.
    Events {
        since: Option<String>,
    },
    /// A file of a tree; the key may not exist.
    File {
        tree: &'static str,
        key: String,
        /// The request path as sent, to redirect `dir` to `dir/`.
        path: String,
    },
    Redirect(String),
    BadRequest,
}

/// Maps a request URL to what to serve.
pub fn resolve(url: &str) -> Route {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = path.split('#').next().unwrap_or(path);
    if path == super::reload::EVENTS_PATH {
        return Route::Events {
            since: query_param(query, "since"),
        };
    }
    if path == STAFF_PREFIX.trim_end_matches('/') {
        return Route::Redirect(STAFF_PREFIX.to_string());
    }
    let (tree, rest) = match path.strip_prefix(STAFF_PREFIX) {
        Some(rest) => (Staff::NAME, rest),
        None => match path.strip_prefix('/') {
            Some(rest) => (Citizen::NAME, rest),
            None => return Route::BadRequest,
        },
    };
    match tree_key(rest) {
        Some(key) => Route::File {
            tree,
            key,
            path: path.to_string(),
        },
        None => Route::BadRequest,
    }
}

/// The key in a tree for the part of the path after its prefix; `None` for
/// anything that tries to climb out or is not a plain path.
fn tree_key(rest: &str) -> Option<String> {
    let decoded = percent_decode(rest)?;
    // A dot-file is never published (see render::theme), and refusing it
    // here as well keeps `.git/` out of reach whatever a tree holds.
    let bad = |seg: &str| seg.starts_with('.') || seg.contains(['\\', '\0']);
    if decoded.split('/').any(bad) || decoded.contains("//") {
        return None;
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        return Some(format!("{decoded}index.html"));
    }
    Some(decoded)
}

fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .and_then(|(_, v)| percent_decode(v))
}

/// Decodes `%XX` escapes; `None` for bytes that are not UTF-8, which no
/// file of ours is named with, or a broken escape, which no browser sends.
pub fn percent_decode(s: &str) -> Option<String> {
    // percent-encoding passes a broken escape through as it is; a request
    // with one is refused rather than guessed at.
    let broken = s.match_indices('%').any(|(i, _)| {
        s.get(i + 1..i + 3)
            .is_none_or(|hex| !hex.bytes().all(|b| b.is_ascii_hexdigit()))
    });
    if broken {
        return None;
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// The Content-Type for a file name, by its extension; text says it is
/// UTF-8, which everything we write is.
pub fn content_type(key: &str) -> String {
    let mime = mime_guess::from_path(key).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "json" | "xml" | "javascript");
    if textual {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    }
}

pub fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}

/// The URL prefix a tree is served under.
pub fn prefix(tree: &str) -> &'static str {
    if tree == Staff::NAME {
        STAFF_PREFIX
    } else {
        "/"
    }
}

/// Points a page's `<base href>` (used by 404.html for the deployed path)
/// at where serve mounts the tree instead.
pub fn rebase(html: &[u8], prefix: &str) -> Vec<u8> {
    const OPEN: &[u8] = b"<base href=\"";
    let Some(start) = html.windows(OPEN.len()).position(|w| w == OPEN) else {
        return html.to_vec();
    };
    let value = start + OPEN.len();
    let Some(len) = html[value..].iter().position(|&b| b == b'"') else {
        return html.to_vec();
    };
    let mut out = html[..value].to_vec();
    out.extend_from_slice(prefix.as_bytes());
    out.extend_from_slice(&html[value + len..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(tree: &'static str, key: &str, path: &str) -> Route {
        Route::File {
            tree,
            key: key.into(),
            path: path.into(),
        }
    }

    #[test]
    fn the_citizen_site_is_at_the_root() {
        assert_eq!(resolve("/"), file("citizen", "index.html", "/"));
        assert_eq!(
            resolve("/topics/kaigo.html?x=1#top"),
            file("citizen", "topics/kaigo.html", "/topics/kaigo.html")
        );
        assert_eq!(
            resolve("/agencies/"),
            file("citizen", "agencies/index.html", "/agencies/")
        );
        assert_eq!(
            resolve("/staffing.html"),
            file("citizen", "staffing.html", "/staffing.html")
        );
    }

    #[test]
    fn the_staff_site_is_under_staff() {
        assert_eq!(resolve("/staff/"), file("staff", "index.html", "/staff/"));
        assert_eq!(
            resolve("/staff/agencies/x.html"),
            file("staff", "agencies/x.html", "/staff/agencies/x.html")
        );
        assert_eq!(resolve("/staff"), Route::Redirect("/staff/".into()));
    }

    #[test]
    fn escapes_are_decoded() {
        assert_eq!(
            resolve("/pages/%E3%81%82.html"),
            file("citizen", "pages/あ.html", "/pages/%E3%81%82.html")
        );
    }

    #[test]
    fn traversal_attempts_are_refused() {
        for url in [
            "/../Cargo.toml",
            "/staff/../../etc/passwd",
            "/%2e%2e/Cargo.toml",
            "/staff/..%2f..%2fCargo.toml",
            "/a/./b.html",
            "/a//b.html",
            "/a\\..\\b",
            "/%00",
            "/%zz",
            "/%ff.html",
            "/%e3%81.html",
            "relative.html",
            "/static/.git/config",
            "/staff/static/%2eprivate/notes.txt",
            "/.env",
        ] {
            assert_eq!(resolve(url), Route::BadRequest, "{url}");
        }
    }

    #[test]
    fn the_event_stream_has_its_own_path() {
        assert_eq!(
            resolve("/__tsunagu/events?since=ab-1"),
            Route::Events {
                since: Some("ab-1".into())
            }
        );
        assert_eq!(resolve("/__tsunagu/events"), Route::Events { since: None });
    }

    #[test]
    fn content_types_follow_the_extension() {
        for (key, ty) in [
            ("index.html", "text/html; charset=utf-8"),
            ("static/css/site.css", "text/css; charset=utf-8"),
            ("static/js/search.js", "text/javascript; charset=utf-8"),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("search/display.json", "application/json; charset=utf-8"),
            ("programs/bbm.ics", "text/calendar; charset=utf-8"),
            ("LOGO.PNG", "image/png"),
            ("README", "application/octet-stream"),
        ] {
            assert_eq!(content_type(key), ty, "{key}");
        }
    }

    #[test]
    fn rebase_points_the_base_at_the_mount() {
        let html = b"<head><base href=\"&#x2F;okayama&#x2F;\"></head>";
        assert_eq!(
            rebase(html, "/staff/"),
            b"<head><base href=\"/staff/\"></head>".to_vec()
        );
        assert_eq!(rebase(b"<p>no base</p>", "/"), b"<p>no base</p>".to_vec());
    }
}
