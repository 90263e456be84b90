//! Builds the sharded index (`shard.rs`) and the display records.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::shard::{
    load_script, name_shards, weigh, Inverted, Manifest, Weighed, CHUNK, DESKS, MANIFEST,
    SEARCH_DIR,
};
use crate::{
    words, Audience, DisplayRecord, DocKind, SearchDoc, SearchError, SearchFiles, TOKENIZER_VERSION,
};

pub(crate) const FIELDS: &[&str] = &["title", "keywords", "body"];
pub(crate) const STAFF_FIELD: &str = "staff";

#[derive(Serialize, Deserialize)]
pub(crate) struct DisplayEntry {
    pub id: String,
    pub kind: DocKind,
    pub url: String,
    pub title: String,
    #[serde(skip_serializing_if = "is_one", default = "one")]
    pub boost: f64,
    /// Position of the parent document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    #[serde(flatten)]
    pub display: DisplayRecord,
}

/// A ★ desk as the no-results list shows it (`search/s.js`, in site order).
#[derive(Serialize)]
struct Desk<'a> {
    url: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hours: Option<&'a str>,
}

fn is_one(b: &f64) -> bool {
    *b == 1.0
}

fn one() -> f64 {
    1.0
}

/// Builds the search files of one audience: a pure function of the documents, so
/// each site's index can be built on its own thread.
pub fn build(docs: &[SearchDoc], audience: Audience) -> Result<SearchFiles, SearchError> {
    let mut files = Vec::new();
    build_into(docs.to_vec(), audience, |path, script| {
        files.push((path, script));
        Ok::<_, SearchError>(())
    })?;
    Ok(SearchFiles {
        files,
        tokenizer_version: TOKENIZER_VERSION.to_string(),
        audience,
        doc_count: docs.len(),
    })
}

/// Documents read and tokenized side by side before they are added.
const WEIGH_BLOCK: usize = 4096;

/// One document's fields, as the index reads them, tokenized and weighed.
fn weigh_doc(doc: &SearchDoc, audience: Audience) -> Weighed {
    // A record with a written reading (topics, agencies) needs no dictionary
    // reading of its name, and a child (a matter) is read through its parent:
    // reading every matter's description doubled the size of a large index.
    let keywords = if doc.parent.is_some() {
        doc.keywords.join("\n")
    } else if doc.display.reading.is_some() {
        with_readings("", &doc.keywords)
    } else {
        with_readings(&doc.title, &doc.keywords)
    };
    let mut texts = vec![doc.title.as_str(), keywords.as_str(), doc.body.as_str()];
    if audience == Audience::Staff {
        texts.push(doc.staff_text.as_deref().unwrap_or(""));
    }
    weigh(&texts)
}

/// [`build`], handing each file (path relative to the site root, script) to
/// `emit` as soon as it is made instead of keeping them all: at 100,000
/// agencies the scripts are hundreds of megabytes. Takes the documents one
/// block at a time, so that a large site's documents are never all in
/// memory at once: each one's text is freed once indexed and its display
/// fields move into the display rows instead of being copied. A parent
/// comes before its children. Nothing is emitted when a document is wrong.
pub fn build_into<E: From<SearchError>>(
    docs: impl IntoIterator<Item = SearchDoc>,
    audience: Audience,
    mut emit: impl FnMut(String, String) -> Result<(), E>,
) -> Result<(), E> {
    let mut fields: Vec<String> = FIELDS.iter().map(|f| f.to_string()).collect();
    if audience == Audience::Staff {
        fields.push(STAFF_FIELD.to_string());
    }

    let mut inverted = Inverted::new(fields.len());
    let mut exact: HashMap<String, Vec<u32>> = HashMap::new();
    let mut rest = docs.into_iter();
    let mut entries = Vec::with_capacity(rest.size_hint().0);
    // Every id so far, by position: for duplicates and parents.
    let mut positions: HashMap<String, usize> = HashMap::new();
    // Reading and tokenizing are pure and most of the work: done on all
    // cores a block at a time (all at once would hold every document's
    // terms), then added in position order.
    loop {
        let block: Vec<SearchDoc> = rest.by_ref().take(WEIGH_BLOCK).collect();
        if block.is_empty() {
            break;
        }
        let mut parents = Vec::with_capacity(block.len());
        for doc in &block {
            validate(doc, audience)?;
            let position = entries.len() + parents.len();
            if positions.insert(doc.id.clone(), position).is_some() {
                return Err(SearchError::DuplicateId { id: doc.id.clone() }.into());
            }
            parents.push(parent_position(doc, &positions)?);
        }
        let weighed: Vec<Weighed> = block.par_iter().map(|d| weigh_doc(d, audience)).collect();
        for ((doc, weighed), parent) in block.into_iter().zip(weighed).zip(parents) {
            let position = entries.len();
            inverted.add_weighed(position as u32, weighed);
            // Typing a name or its reading exactly ranks it first: the browser
            // finds these by key instead of reading every title.
            for name in std::iter::once(&doc.title).chain(doc.display.reading.as_ref()) {
                let key = words(name).concat();
                if !key.is_empty() {
                    let list = exact.entry(key).or_default();
                    if list.last() != Some(&(position as u32)) {
                        list.push(position as u32);
                    }
                }
            }
            entries.push(DisplayEntry {
                id: doc.id,
                kind: doc.kind,
                url: doc.url,
                title: doc.title,
                boost: doc.boost,
                parent,
                display: doc.display,
            });
        }
    }
    drop(positions);
    // The emptied documents' buffer (a few hundred bytes a document) would
    // otherwise live on through the sharding, the build's peak.
    drop(rest);

    let (manifest_body, starred) = manifest(&entries, audience, fields);
    // The ★ desks listed when nothing matches, in one small file: read from the
    // display chunks they were scattered over hundreds of them (400 KiB gzip at
    // 10,000 agencies) for a query finding nothing.
    let desks: Vec<Desk> = starred
        .iter()
        .map(|&pos| {
            let e = &entries[pos];
            Desk {
                url: &e.url,
                title: &e.title,
                phone: e.display.phone.as_deref(),
                hours: e.display.hours.as_deref(),
            }
        })
        .collect();
    let desks_json = to_json(&desks)?;
    drop_inherited(&mut entries);
    let pinned: Vec<bool> = entries.iter().map(|e| e.kind == DocKind::Topic).collect();
    let count = entries.len();
    let mut push = |name: String, json: String| {
        let script = load_script(&name, &json);
        emit(format!("{SEARCH_DIR}/{name}.js"), script)
    };
    push(DESKS.to_string(), desks_json)?;
    // The display rows go out before the postings are sharded: held through
    // the sharding, they were a third of a 10,000-agency build's peak heap.
    for (i, chunk) in entries.chunks(CHUNK).enumerate() {
        push(format!("d/{i}"), to_json(chunk)?)?;
    }
    drop(entries);
    let (name_count, names) = name_shards(exact);
    for (i, shard) in names.into_iter().enumerate() {
        push(format!("x/{i}"), to_json(&shard)?)?;
    }
    let sharded = inverted.shards(count, &pinned);
    let shard_count = sharded.shards.len();
    let manifest = Manifest {
        shards: shard_count,
        names: name_count,
        ..manifest_body
    };
    push(MANIFEST.to_string(), to_json(&manifest)?)?;
    for (i, shard) in sharded.shards.iter().enumerate() {
        push(format!("t/{i}"), to_json(shard)?)?;
    }
    for (i, chunks) in sharded.chunks.iter().enumerate() {
        for (k, chunk) in chunks.iter().enumerate() {
            push(format!("c/{i}-{}", k + 1), to_json(chunk)?)?;
        }
    }
    if !sharded.chunks.is_empty() {
        for (i, chunk) in sharded.forward.chunks(CHUNK).enumerate() {
            push(format!("w/{i}"), to_json(chunk)?)?;
        }
    }
    Ok(())
}

/// The position of a document's parent, which came before it.
fn parent_position(
    doc: &SearchDoc,
    positions: &HashMap<String, usize>,
) -> Result<Option<usize>, SearchError> {
    let Some(parent) = &doc.parent else {
        return Ok(None);
    };
    match positions.get(parent.as_str()) {
        Some(&p) if *parent != doc.id => Ok(Some(p)),
        _ => Err(SearchError::UnknownParent {
            id: doc.id.clone(),
            parent: parent.clone(),
        }),
    }
}

fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, SearchError> {
    Ok(serde_json::to_string(v)?)
}

/// The per-document facts ranking needs (before `drop_inherited`, so a matter's
/// topic is its own or its agency's, as the reader sees it),
/// and the ★ agencies, shown when nothing matches.
fn manifest(
    entries: &[DisplayEntry],
    audience: Audience,
    fields: Vec<String>,
) -> (Manifest, Vec<usize>) {
    let mut classes: Vec<(DocKind, bool, f64)> = Vec::new();
    let mut class = String::with_capacity(entries.len());
    let mut up = Vec::with_capacity(entries.len());
    let mut starred = Vec::new();
    let mut topic_positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (pos, e) in entries.iter().enumerate() {
        let c = (e.kind, e.display.star, e.boost);
        let i = classes.iter().position(|x| *x == c).unwrap_or_else(|| {
            classes.push(c);
            classes.len() - 1
        });
        // Past 'Z' the class letters go on through the code points; any of them is
        // one character in the string the browser indexes.
        class.push(char::from_u32(0x41 + i as u32).unwrap_or('A'));
        up.push(e.parent.map_or(0, |p| pos as i64 - p as i64));
        if e.kind == DocKind::Agency && e.display.star {
            starred.push(pos);
        }
        if e.kind == DocKind::Topic {
            topic_positions
                .entry(e.title.as_str())
                .or_default()
                .push(pos);
        }
    }
    let mut cards: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (pos, e) in entries.iter().enumerate() {
        if e.kind != DocKind::Matter || !e.display.star {
            continue;
        }
        let topic = e.display.topic.as_deref().or_else(|| {
            e.parent
                .and_then(|p| entries.get(p))
                .and_then(|p| p.display.topic.as_deref())
        });
        // Every topic of that label (labels are unique in a site, not in the API).
        for &tpos in topic
            .and_then(|t| topic_positions.get(t))
            .into_iter()
            .flatten()
        {
            cards.entry(tpos).or_default().push(pos);
        }
    }
    let manifest = Manifest {
        tokenizer: TOKENIZER_VERSION.to_string(),
        audience,
        fields,
        docs: entries.len(),
        shards: 0,
        names: 0,
        chunk: CHUNK,
        classes,
        class,
        up,
        cards: cards.into_iter().collect(),
    };
    (manifest, starred)
}

/// The keywords plus the kana reading of the title and of every keyword written with
/// kanji (お金がない → おかねがない), each once. Only names and short phrases are read:
/// a long title (a matter's description) or a body would mostly add noise and size
/// (docs/search.md, "Readings").
fn with_readings(title: &str, keywords: &[String]) -> String {
    let mut out: Vec<String> = keywords.to_vec();
    let mut seen: HashSet<String> = keywords.iter().map(|k| words(k).concat()).collect();
    for text in std::iter::once(title).chain(keywords.iter().map(String::as_str)) {
        if text.chars().count() > MAX_READ_CHARS {
            continue;
        }
        if let Some(r) = crate::reading(text) {
            if seen.insert(words(&r).concat()) {
                out.push(r);
            }
        }
    }
    out.join("\n")
}

/// Longest title or keyword that also gets its reading indexed.
const MAX_READ_CHARS: usize = 12;

/// A child's display fields that equal its parent's are left out of the file and filled
/// back in by the reader: a matter row shows its agency's phone and hours, and repeating
/// them for every matter would make display.js several times larger.
fn drop_inherited(entries: &mut [DisplayEntry]) {
    for i in 0..entries.len() {
        let Some(p) = entries[i].parent else { continue };
        let parent = entries[p].display.clone();
        let parent_title = entries[p].title.clone();
        let d = &mut entries[i].display;
        if d.agency.as_deref() == Some(parent_title.as_str()) {
            d.agency = None;
        }
        for (field, inherited) in [
            (&mut d.topic, &parent.topic),
            (&mut d.phone, &parent.phone),
            (&mut d.hours, &parent.hours),
            (&mut d.contact, &parent.contact),
            (&mut d.extension, &parent.extension),
        ] {
            if field == inherited {
                *field = None;
            }
        }
    }
}

/// Inverse of [`drop_inherited`], used by readers.
pub(crate) fn inherit(entries: &mut [DisplayEntry]) {
    for i in 0..entries.len() {
        let Some(p) = entries[i].parent.filter(|&p| p < entries.len() && p != i) else {
            continue;
        };
        let parent = entries[p].display.clone();
        let parent_title = entries[p].title.clone();
        let d = &mut entries[i].display;
        d.agency.get_or_insert(parent_title);
        for (field, inherited) in [
            (&mut d.topic, parent.topic),
            (&mut d.phone, parent.phone),
            (&mut d.hours, parent.hours),
            (&mut d.contact, parent.contact),
            (&mut d.extension, parent.extension),
        ] {
            if field.is_none() {
                *field = inherited;
            }
        }
    }
}

/// A script assigning the JSON to a global, as `window.G=JSON.parse('…');`: V8 parses
/// a JSON string several times faster than the same data as an object literal (measured
/// in docs/search.md), and a `<script>` tag still works from `file://`. `<` is escaped
/// so the file stays inert even if someone inlines it into a page.
pub fn as_script(global: &str, json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 40);
    out.push_str("window.");
    out.push_str(global);
    out.push_str("=JSON.parse('");
    escape_into(&mut out, json);
    out.push_str("');\n");
    out
}

/// JSON as the body of a single-quoted JS string, inert if inlined in HTML.
pub(crate) fn escape_into(out: &mut String, json: &str) {
    // Copies the runs between escapes whole: the index is tens of MB at 10,000
    // agencies, and a push per character was a visible part of its build. The
    // escaped characters are ASCII, so a byte never splits a character.
    let mut from = 0;
    for (i, b) in json.bytes().enumerate() {
        let escaped = match b {
            b'\\' => "\\\\",
            b'\'' => "\\'",
            b'<' => "\\u003c",
            _ => continue,
        };
        out.push_str(&json[from..i]);
        out.push_str(escaped);
        from = i + 1;
    }
    out.push_str(&json[from..]);
}

/// Inverse of [`as_script`]; `None` when `js` is not shaped like its output.
#[cfg(test)]
pub(crate) fn json_of_script(global: &str, js: &str) -> Option<String> {
    let body = js
        .strip_prefix("window.")?
        .strip_prefix(global)?
        .strip_prefix("=JSON.parse('")?
        .trim_end()
        .strip_suffix("');")?;
    unescape(body)
}

/// Inverse of [`escape_into`].
pub(crate) fn unescape(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next()? {
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// One document's own checks; duplicates and parents are checked as the
/// documents come in.
fn validate(doc: &SearchDoc, audience: Audience) -> Result<(), SearchError> {
    if doc.id.trim().is_empty() {
        return Err(SearchError::EmptyId {
            title: doc.title.clone(),
        });
    }
    if doc.title.trim().is_empty() {
        return Err(SearchError::EmptyTitle { id: doc.id.clone() });
    }
    if !is_relative_url(&doc.url) {
        return Err(SearchError::BadUrl {
            id: doc.id.clone(),
            url: doc.url.clone(),
        });
    }
    if !(doc.boost.is_finite() && doc.boost > 0.0) {
        return Err(SearchError::BadBoost {
            id: doc.id.clone(),
            boost: doc.boost,
        });
    }
    if audience == Audience::Citizen {
        let staff_field = if doc.staff_text.is_some() {
            Some("staff_text")
        } else if doc.display.contact.is_some() {
            Some("display.contact")
        } else if doc.display.extension.is_some() {
            Some("display.extension")
        } else {
            None
        };
        if let Some(field) = staff_field {
            return Err(SearchError::StaffDataInCitizenIndex {
                id: doc.id.clone(),
                field,
            });
        }
    }
    Ok(())
}

/// The browser resolves result links against the site root; anything with a scheme
/// (`javascript:`), a host (`//x`) or a leading slash would escape it.
fn is_relative_url(url: &str) -> bool {
    if url.trim().is_empty() || url.starts_with('/') || url.starts_with('\\') {
        return false;
    }
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':') && !url.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_round_trip() {
        let json = r#"{"a":"it's \\ \"q\" </script>"}"#;
        let js = as_script("G", json);
        assert!(js.starts_with("window.G=JSON.parse('"));
        assert!(!js.contains("</"));
        let back = json_of_script("G", &js).expect("round trip");
        assert_eq!(back, json);
        assert!(json_of_script("H", &js).is_none());
    }

    #[test]
    fn relative_urls() {
        assert!(is_relative_url("agencies/x.html"));
        assert!(is_relative_url("agencies/x.html#matter-1"));
        assert!(is_relative_url("index.html?a=b:c"));
        assert!(!is_relative_url("javascript:alert(1)"));
        assert!(!is_relative_url("https://example.org/"));
        assert!(!is_relative_url("//example.org/"));
        assert!(!is_relative_url("/agencies/x.html"));
        assert!(!is_relative_url(""));
    }
}
