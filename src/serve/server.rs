//! The HTTP side: one thread per connection, one request per connection,
//! answered from the in-memory snapshot of the last good build.
//!
//! Each connection is closed after its response. A kept-alive connection
//! held a pooled thread (in tiny_http, used before) and a new connection
//! could wait behind an idle one, seen as a stuck script load under CPU
//! load; a preview serves one person, so a connection per request costs
//! nothing. httparse reads the request head; everything we answer is a GET
//! or HEAD without a body.

use super::host::Hosts;
use super::http::{content_type, is_html, prefix, rebase, resolve, Route};
use super::overlay::placeholder_page;
use super::reload::{inject, script, stream};
use super::state::{Snapshot, State};
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// A request head larger than this is refused; ours are a few hundred bytes.
const MAX_HEAD: usize = 16 * 1024;
/// A client that opens a connection and sends nothing does not keep a
/// thread for long.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Nor does one that stops reading; an event stream writes at least every
/// 15 s, well within this.
const WRITE_TIMEOUT: Duration = Duration::from_secs(60);

pub fn serve(listener: TcpListener, state: Arc<State>, hosts: Arc<Hosts>) {
    for conn in listener.incoming() {
        // A connection that failed while being accepted is the client's loss.
        let Ok(conn) = conn else { continue };
        let state = Arc::clone(&state);
        let hosts = Arc::clone(&hosts);
        // Event streams stay open for as long as a tab does.
        std::thread::spawn(move || handle(conn, &state, &hosts));
    }
}

/// What we need of a request head.
#[derive(Debug, PartialEq, Eq)]
struct Head {
    method: String,
    target: String,
    /// `None` when absent; a request with two is refused while parsing.
    host: Option<String>,
}

fn handle(mut conn: TcpStream, state: &State, hosts: &Hosts) {
    // Without timeouts the connection works as before, only less guarded.
    let _ = conn.set_read_timeout(Some(READ_TIMEOUT));
    let _ = conn.set_write_timeout(Some(WRITE_TIMEOUT));
    let Some(head) = read_head(&mut conn) else {
        return finish(conn, &text(400, "bad request"), false);
    };
    let head_only = head.method == "HEAD";
    if !hosts.allows(head.host.as_deref()) {
        let r = text(
            421,
            "this preview answers only requests for localhost or its own address",
        );
        return finish(conn, &r, head_only);
    }
    if !matches!(head.method.as_str(), "GET" | "HEAD") {
        return finish(conn, &text(405, "method not allowed"), head_only);
    }
    match resolve(&head.target) {
        Route::Events { since } => {
            // Subscribe before looking at the state so no rebuild falls
            // between the two.
            let rx = state.hub.subscribe();
            let first = state.catch_up(since.as_deref());
            stream(&mut conn, rx, first);
            let _ = conn.shutdown(Shutdown::Both);
        }
        Route::Redirect(to) => finish(conn, &redirect(to), head_only),
        Route::BadRequest => finish(conn, &text(400, "bad request"), head_only),
        Route::File { tree, key, path } => {
            let reply = reply(&state.snapshot(), tree, &key, &path);
            finish(conn, &reply, head_only)
        }
    }
}

/// Reads up to the end of the request head; `None` for anything that is not
/// a well-formed HTTP/1.x head within [`MAX_HEAD`] bytes.
fn read_head(conn: &mut impl Read) -> Option<Head> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        let n = conn.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if buf.len() > MAX_HEAD {
            return None;
        }
        if let Some(head) = parse_head(&buf)? {
            return Some(head);
        }
    }
}

/// `Some(None)` while the head is incomplete.
fn parse_head(buf: &[u8]) -> Option<Option<Head>> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(buf).ok()? {
        httparse::Status::Partial => Some(None),
        httparse::Status::Complete(_) => {
            let mut hosts = req
                .headers
                .iter()
                .filter(|h| h.name.eq_ignore_ascii_case("host"));
            let host = match (hosts.next(), hosts.next()) {
                (Some(h), None) => Some(std::str::from_utf8(h.value).ok()?.trim().to_string()),
                (None, _) => None,
                (Some(_), Some(_)) => return None,
            };
            Some(Some(Head {
                method: req.method?.to_string(),
                target: req.path?.to_string(),
                host,
            }))
        }
    }
}

/// Sends the response and closes the connection.
fn finish(mut conn: TcpStream, reply: &Reply, head_only: bool) {
    // The tab may have gone away; nothing to do about that.
    let _ = conn
        .write_all(&wire(reply, head_only))
        .and_then(|()| conn.flush());
    let _ = conn.shutdown(Shutdown::Both);
}

/// A response before it is put on the wire.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub location: Option<String>,
}

fn text(status: u16, body: &str) -> Reply {
    Reply {
        status,
        content_type: "text/plain; charset=utf-8".to_string(),
        body: body.as_bytes().to_vec(),
        location: None,
    }
}

fn redirect(to: String) -> Reply {
    Reply {
        location: Some(to),
        ..text(301, "moved")
    }
}

/// The answer for `key` of `tree`: the file, a redirect for a folder
/// without its slash, or the tree's own 404 page.
pub fn reply(snap: &Snapshot, tree: &str, key: &str, path: &str) -> Reply {
    let Some(trees) = &snap.trees else {
        return before_first_build(snap, key);
    };
    let Some(files) = trees.iter().find(|(name, _)| *name == tree).map(|(_, f)| f) else {
        return text(404, "not found");
    };
    if let Some(bytes) = files.get(key) {
        return page(snap, tree, key, bytes, 200);
    }
    if files.contains_key(&format!("{key}/index.html")) {
        return redirect(format!("{path}/"));
    }
    match files.get("404.html") {
        Some(bytes) => page(snap, tree, "404.html", bytes, 404),
        None => text(404, "not found"),
    }
}

fn before_first_build(snap: &Snapshot, key: &str) -> Reply {
    if !is_html(&content_type(key)) {
        return text(404, "not found");
    }
    Reply {
        status: 503,
        ..page(snap, "", key, placeholder_page().as_bytes(), 503)
    }
}

fn page(snap: &Snapshot, tree: &str, key: &str, bytes: &[u8], status: u16) -> Reply {
    let content_type = content_type(key);
    let body = if is_html(&content_type) {
        let snippet = format!(
            "{}{}",
            snap.overlay.as_deref().unwrap_or(""),
            script(&snap.version)
        );
        inject(&rebase(bytes, prefix(tree)), &snippet)
    } else {
        bytes.to_vec()
    };
    Reply {
        status,
        content_type,
        body,
        location: None,
    }
}

fn wire(reply: &Reply, head_only: bool) -> Vec<u8> {
    let reason = match reply.status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        503 => "Service Unavailable",
        _ => "",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        reply.status,
        reply.content_type,
        reply.body.len()
    );
    // A header value must not carry a line break (response splitting).
    if let Some(to) = reply
        .location
        .as_ref()
        .filter(|l| !l.contains(['\r', '\n']))
    {
        head.push_str(&format!("Location: {to}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&reply.body);
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_heads_are_read_with_their_host() {
        let head = |raw: &str| read_head(&mut raw.as_bytes());
        assert_eq!(
            head("GET /a.html?x=1 HTTP/1.1\r\nHost: localhost:8000\r\n\r\n"),
            Some(Head {
                method: "GET".into(),
                target: "/a.html?x=1".into(),
                host: Some("localhost:8000".into()),
            })
        );
        assert_eq!(head("GET / HTTP/1.0\r\n\r\n").map(|h| h.host), Some(None));
        // Two Host headers could be read differently by a proxy in front.
        assert_eq!(head("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), None);
        assert_eq!(head("GET / HTTP/1.1\r\nHost: a\r\n"), None, "cut short");
        assert_eq!(head("NOT HTTP\r\n\r\n"), None);
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(head(&huge), None);
    }

    #[test]
    fn responses_close_the_connection_and_say_their_length() {
        let r = Reply {
            location: None,
            ..text(200, "はい")
        };
        let bytes = String::from_utf8(wire(&r, false)).expect("utf-8");
        assert!(bytes.starts_with("HTTP/1.1 200 OK\r\n"), "{bytes}");
        assert!(bytes.contains("\r\nConnection: close\r\n"));
        assert!(bytes.contains("\r\nContent-Length: 6\r\n"));
        assert!(bytes.ends_with("\r\n\r\nはい"));
        let head = String::from_utf8(wire(&r, true)).expect("utf-8");
        assert!(head.ends_with("\r\n\r\n") && head.contains("Content-Length: 6"));
    }

    #[test]
    fn a_location_with_a_line_break_is_dropped() {
        let r = redirect("/x\r\nSet-Cookie: a=b".to_string());
        let bytes = String::from_utf8(wire(&r, false)).expect("utf-8");
        assert!(
            !bytes.contains("Set-Cookie") && !bytes.contains("Location"),
            "{bytes}"
        );
        assert!(String::from_utf8(wire(&redirect("/staff/".into()), false))
            .expect("utf-8")
            .contains("Location: /staff/\r\n"));
    }
    use crate::render::Files;

    fn snap(overlay: Option<&str>) -> Snapshot {
        let tree = |name: &str| {
            let mut f = Files::new();
            f.insert("index.html".into(), format!("<body>{name}</body>").into());
            f.insert("agencies/index.html".into(), b"<body>list</body>".to_vec());
            f.insert(
                "404.html".into(),
                format!("<head><base href=\"/okayama/\"></head><body>404 {name}</body>").into(),
            );
            f.insert("static/css/site.css".into(), b"body{}".to_vec());
            f
        };
        Snapshot {
            trees: Some(Arc::new(crate::serve::state::served(vec![
                ("citizen", tree("citizen")),
                ("staff", tree("staff")),
            ]))),
            version: "v-1".into(),
            overlay: overlay.map(str::to_string),
        }
    }

    fn body(r: &Reply) -> String {
        String::from_utf8(r.body.clone()).unwrap()
    }

    #[test]
    fn html_gets_the_reload_script_and_other_files_do_not() {
        let s = snap(None);
        let r = reply(&s, "staff", "index.html", "/staff/");
        assert_eq!(r.status, 200);
        assert!(body(&r).starts_with("<body>staff<script id=\"tsunagu-live\">"));
        assert!(body(&r).ends_with("</script></body>"));
        let css = reply(&s, "citizen", "static/css/site.css", "/static/css/site.css");
        assert_eq!(body(&css), "body{}");
        assert_eq!(css.content_type, "text/css; charset=utf-8");
    }

    #[test]
    fn missing_files_get_the_right_tree_404_mounted_at_its_prefix() {
        let s = snap(None);
        let r = reply(&s, "staff", "nope.html", "/staff/nope.html");
        assert_eq!(r.status, 404);
        assert!(body(&r).contains("<base href=\"/staff/\">"));
        assert!(body(&r).contains("404 staff"));
    }

    #[test]
    fn folders_without_a_slash_are_redirected() {
        let r = reply(&snap(None), "citizen", "agencies", "/agencies");
        assert_eq!(r.status, 301);
        assert_eq!(r.location.as_deref(), Some("/agencies/"));
    }

    #[test]
    fn while_broken_pages_are_the_last_good_ones_plus_the_overlay() {
        let r = reply(
            &snap(Some("<div id=\"o\"></div>")),
            "citizen",
            "index.html",
            "/",
        );
        assert!(body(&r).starts_with("<body>citizen<div id=\"o\"></div><script"));
    }

    #[test]
    fn before_any_good_build_pages_are_a_placeholder() {
        let s = Snapshot {
            trees: None,
            version: "v-0".into(),
            overlay: Some("<div id=\"o\"></div>".into()),
        };
        let r = reply(&s, "citizen", "index.html", "/");
        assert_eq!(r.status, 503);
        assert!(body(&r).contains("<div id=\"o\"></div><script"));
        assert_eq!(reply(&s, "citizen", "a.css", "/a.css").status, 404);
    }
}
