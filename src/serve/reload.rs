//! Live reload: a small script that serve (and only serve) adds to every HTML
//! response, and the server-sent events that tell open tabs to reload or to
//! show or hide the error overlay.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

/// Where browsers listen for events; under a prefix no site page can use.
pub const EVENTS_PATH: &str = "/__tsunagu/events";

/// Proxies and browsers drop idle streams; a comment now and then keeps the
/// stream open and tells us when a tab has gone away.
const KEEPALIVE: Duration = Duration::from_secs(15);

const SCRIPT: &str = include_str!("live.js");

/// What open tabs are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Reload,
    Overlay(String),
}

impl Event {
    /// The event in the text/event-stream format. The overlay HTML is sent as
    /// a JSON string so that it stays on one `data:` line.
    pub fn to_sse(&self) -> String {
        match self {
            Event::Reload => "event: reload\ndata: {}\n\n".to_string(),
            Event::Overlay(html) => format!(
                "event: overlay\ndata: {}\n\n",
                serde_json::Value::String(html.clone())
            ),
        }
    }
}

/// The script for a page built as `version`; it reloads the tab when the
/// server has a newer build than the one the page came from.
pub fn script(version: &str) -> String {
    let version = serde_json::Value::String(version.to_string()).to_string();
    // `</` inside a script element would end it early.
    let body = SCRIPT
        .replace("\"__VERSION__\"", &version)
        .replace("</", "<\\/");
    format!("<script id=\"tsunagu-live\">{body}</script>")
}

/// Inserts `snippet` before the last `</body>` of an HTML page, or at its end
/// when the page has none.
pub fn inject(html: &[u8], snippet: &str) -> Vec<u8> {
    let at = find_last_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// Every open event stream, as the sending end of a channel to its thread.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<Event>>>,
}

impl Hub {
    pub fn subscribe(&self) -> Receiver<Event> {
        let (tx, rx) = mpsc::channel();
        self.lock().push(tx);
        rx
    }

    /// Sends `event` to every tab, forgetting those that have gone away.
    pub fn broadcast(&self, event: &Event) {
        self.lock().retain(|tx| tx.send(event.clone()).is_ok());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Sender<Event>>> {
        // A panicking client thread cannot leave the list half-changed.
        self.clients.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Writes the response head and then events as they come, until the tab
/// goes away. `first` is sent at once (a tab that missed a rebuild).
pub fn stream(mut out: impl Write, rx: Receiver<Event>, first: Option<Event>) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
                Cache-Control: no-store\r\nConnection: close\r\n\r\n: tsunagu\n\n";
    if send(&mut out, head).is_err() {
        return;
    }
    if let Some(e) = first {
        if send(&mut out, &e.to_sse()).is_err() {
            return;
        }
    }
    loop {
        let text = match rx.recv_timeout(KEEPALIVE) {
            Ok(e) => e.to_sse(),
            Err(RecvTimeoutError::Timeout) => ": keepalive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut out, &text).is_err() {
            return;
        }
    }
}

fn send(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_closing_body_tag() {
        let page = b"<html><body><p>x</p></body></html>";
        let out = inject(page, "<script>s</script>");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<html><body><p>x</p><script>s</script></body></html>"
        );
    }

    #[test]
    fn injects_before_the_last_body_tag_whatever_its_case() {
        let page = b"<body><pre>&lt;/body&gt; </body></pre></BODY>\n";
        let out = String::from_utf8(inject(page, "S")).unwrap();
        assert_eq!(out, "<body><pre>&lt;/body&gt; </body></pre>S</BODY>\n");
    }

    #[test]
    fn appends_when_there_is_no_body_tag() {
        assert_eq!(inject(b"<p>x", "S"), b"<p>xS");
    }

    #[test]
    fn the_script_carries_the_version_and_cannot_close_itself_early() {
        let s = script("abc-3");
        assert!(s.contains("\"abc-3\""));
        assert!(s.contains(EVENTS_PATH));
        assert_eq!(s.matches("</script>").count(), 1);
        assert!(s.ends_with("</script>"));
    }

    #[test]
    fn overlay_events_stay_on_one_data_line() {
        let sse = Event::Overlay("<div>\n\"x\"</div>".into()).to_sse();
        assert_eq!(sse.lines().filter(|l| l.starts_with("data:")).count(), 1);
        assert!(sse.ends_with("\n\n"));
    }

    #[test]
    fn broadcast_forgets_closed_tabs() {
        let hub = Hub::default();
        let open = hub.subscribe();
        drop(hub.subscribe());
        hub.broadcast(&Event::Reload);
        assert_eq!(hub.lock().len(), 1);
        assert_eq!(open.try_recv(), Ok(Event::Reload));
    }
}
