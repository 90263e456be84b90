//! Sample documents shared by the integration tests and the fixture example.
#![allow(dead_code)]

pub use tsunagu_search::*;

pub const STAFF_CANARY: &str = "STAFF-CANARY-山田花子-内線9999";

pub fn doc(id: &str, kind: DocKind, title: &str, keywords: &[&str], body: &str) -> SearchDoc {
    SearchDoc {
        id: id.to_string(),
        kind,
        url: format!("{}.html", id.replace(':', "/")),
        title: title.to_string(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        body: body.to_string(),
        staff_text: None,
        display: DisplayRecord::default(),
        parent: None,
        boost: 1.0,
    }
}
