//! Builds the elasticlunr index and the display records.

use std::collections::HashSet;

use elasticlunr::IndexBuilder;
use serde::{Deserialize, Serialize};

use crate::{
    Audience, BigramJapanese, DisplayRecord, DocKind, SearchDoc, SearchError, SearchFiles,
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

    let mut builder = IndexBuilder::with_language(Box::new(BigramJapanese))
        .save_docs(false)
        .add_fields(FIELDS);
    if audience == Audience::Staff {
        builder = builder.add_field(STAFF_FIELD);
    }
    let mut index = builder.build();

    let mut entries = Vec::with_capacity(docs.len());
    for (position, doc) in docs.iter().enumerate() {
        let keywords = doc.keywords.join("\n");
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
            display: doc.display.clone(),
        });
    }

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

/// A script assigning the JSON to a global. `<` is escaped so the file stays inert
/// even if someone inlines it into a page (`</script>` inside a title).
fn as_script(global: &str, json: &str) -> String {
    format!("window.{global}={};\n", json.replace('<', "\\u003c"))
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
