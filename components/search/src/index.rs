//! Builds the elasticlunr index and the display records.

use std::collections::{HashMap, HashSet};

use elasticlunr::IndexBuilder;
use serde::{Deserialize, Serialize};

use crate::{
    words, Audience, BigramJapanese, DisplayRecord, DocKind, SearchDoc, SearchError, SearchFiles,
    DISPLAY_GLOBAL, INDEX_GLOBAL, TOKENIZER_VERSION,
};

pub(crate) const FIELDS: &[&str] = &["title", "keywords", "body"];
pub(crate) const STAFF_FIELD: &str = "staff";

/// Display file: `docs[n]` belongs to index ref `n`. Refs are positions rather than
/// the document ids because every posting in the index repeats its ref.
#[derive(Serialize, Deserialize)]
pub(crate) struct DisplayFile {
    pub tokenizer: String,
    pub audience: Audience,
    pub docs: Vec<DisplayEntry>,
}

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

fn is_one(b: &f64) -> bool {
    *b == 1.0
}

fn one() -> f64 {
    1.0
}

/// Builds the index and display scripts for one audience.
pub fn build(docs: &[SearchDoc], audience: Audience) -> Result<SearchFiles, SearchError> {
    validate(docs, audience)?;
    let positions: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();

    let mut builder = IndexBuilder::with_language(Box::new(BigramJapanese))
        .save_docs(false)
        .add_fields(FIELDS);
    if audience == Audience::Staff {
        builder = builder.add_field(STAFF_FIELD);
    }
    let mut index = builder.build();

    let mut entries = Vec::with_capacity(docs.len());
    for (position, doc) in docs.iter().enumerate() {
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
        let mut fields = vec![doc.title.as_str(), keywords.as_str(), doc.body.as_str()];
        if audience == Audience::Staff {
            fields.push(doc.staff_text.as_deref().unwrap_or(""));
        }
        index.add_doc(&position.to_string(), fields);
        entries.push(DisplayEntry {
            id: doc.id.clone(),
            kind: doc.kind,
            url: doc.url.clone(),
            title: doc.title.clone(),
            boost: doc.boost,
            parent: match &doc.parent {
                Some(p) => {
                    Some(
                        *positions
                            .get(p.as_str())
                            .ok_or_else(|| SearchError::UnknownParent {
                                id: doc.id.clone(),
                                parent: p.clone(),
                            })?,
                    )
                }
                None => None,
            },
            display: doc.display.clone(),
        });
    }

    drop_inherited(&mut entries);

    let index_json = serde_json::to_string(&index)?;
    let display_json = serde_json::to_string(&DisplayFile {
        tokenizer: TOKENIZER_VERSION.to_string(),
        audience,
        docs: entries,
    })?;

    Ok(SearchFiles {
        index_js: as_script(INDEX_GLOBAL, &index_json),
        display_js: as_script(DISPLAY_GLOBAL, &display_json),
        tokenizer_version: TOKENIZER_VERSION.to_string(),
        audience,
        doc_count: docs.len(),
    })
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
    for c in json.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '<' => out.push_str("\\u003c"),
            _ => out.push(c),
        }
    }
    out.push_str("');\n");
    out
}

/// Inverse of [`as_script`]; `None` when `js` is not shaped like its output.
pub(crate) fn json_of_script(global: &str, js: &str) -> Option<String> {
    let body = js
        .strip_prefix("window.")?
        .strip_prefix(global)?
        .strip_prefix("=JSON.parse('")?
        .trim_end()
        .strip_suffix("');")?;
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

fn validate(docs: &[SearchDoc], audience: Audience) -> Result<(), SearchError> {
    let mut seen = HashSet::new();
    for doc in docs {
        if doc.id.trim().is_empty() {
            return Err(SearchError::EmptyId {
                title: doc.title.clone(),
            });
        }
        if !seen.insert(doc.id.as_str()) {
            return Err(SearchError::DuplicateId { id: doc.id.clone() });
        }
        if doc.parent.as_deref() == Some(doc.id.as_str()) {
            return Err(SearchError::UnknownParent {
                id: doc.id.clone(),
                parent: doc.id.clone(),
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
