//! The HTTP side: one thread per request, answered from the in-memory
//! snapshot of the last good build.

use super::http::{content_type, is_html, prefix, rebase, resolve, Route};
use super::overlay::placeholder_page;
use super::reload::{inject, script, stream};
use super::state::{Snapshot, State};
use std::io::Write;
use std::sync::Arc;
use tiny_http::{Method, Request};

pub fn serve(server: tiny_http::Server, state: Arc<State>) {
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        // Event streams stay open for as long as a tab does.
        std::thread::spawn(move || handle(request, &state));
    }
}

fn handle(request: Request, state: &State) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return send(request, text(405, "method not allowed"));
    }
    match resolve(request.url()) {
        Route::Events { since } => {
            // Subscribe before looking at the state so no rebuild falls
            // between the two.
            let rx = state.hub.subscribe();
            let first = state.catch_up(since.as_deref());
            stream(request.into_writer(), rx, first);
        }
        Route::Redirect(to) => send(request, redirect(to)),
        Route::BadRequest => send(request, text(400, "bad request")),
        Route::File { tree, key, path } => {
            let reply = reply(&state.snapshot(), tree, &key, &path);
            send(request, reply)
        }
    }
}

/// A response before it is put on the wire.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub location: Option<String>,
}

fn text(status: u16, body: &str) -> Reply {
    Reply {
        status,
        content_type: "text/plain; charset=utf-8",
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
    if !is_html(content_type(key)) {
        return text(404, "not found");
    }
    Reply {
        status: 503,
        ..page(snap, "", key, placeholder_page().as_bytes(), 503)
    }
}

fn page(snap: &Snapshot, tree: &str, key: &str, bytes: &[u8], status: u16) -> Reply {
    let content_type = content_type(key);
    let body = if is_html(content_type) {
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

/// Writes the response by hand with `Connection: close`. tiny_http keeps
/// connections alive and serves each one on a pooled thread for as long as it
/// stays open; its pool can count a busy thread as idle when several
/// connections arrive at once, and a new connection then waits behind an idle
/// keep-alive one (seen as a stuck script load under CPU load). Closing after
/// every response keeps each connection's thread short-lived.
fn send(request: Request, reply: Reply) {
    let head_only = *request.method() == Method::Head;
    let mut out = request.into_writer();
    // The tab may have gone away; nothing to do about that.
    let _ = out
        .write_all(&wire(&reply, head_only))
        .and_then(|()| out.flush());
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
            trees: Some(Arc::new(vec![
                ("citizen", tree("citizen")),
                ("staff", tree("staff")),
            ])),
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
