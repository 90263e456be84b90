//! A Rust twin of the query code in `search-core.js`, so ranking can be tested
//! without a browser and the renderer can sanity-check its own index.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::index::DisplayFile;
use crate::{
    words, DocKind, SearchError, SearchFiles, DISPLAY_GLOBAL, INDEX_GLOBAL, TOKENIZER_VERSION,
};

/// Per-field weight. Keywords hold readings and synonyms people type, so they weigh
/// nearly as much as the name; bodies are long and merely supportive.
pub(crate) fn field_boost(field: &str) -> f64 {
    match field {
        "title" => 4.0,
        "keywords" => 3.0,
        _ => 1.0,
    }
}

/// A matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub kind: DocKind,
    pub url: String,
    pub title: String,
    /// 2 = the name equals the query, 1 = the name contains every query word, 0 = other.
    pub tier: u8,
    pub score: f64,
}

/// A parsed index + display pair.
pub struct SearchIndex {
    fields: Vec<String>,
    roots: HashMap<String, Value>,
    doc_info: Map<String, Value>,
    doc_count: f64,
    display: DisplayFile,
}

fn strip_script<'a>(file: &'static str, global: &str, js: &'a str) -> Result<&'a str, SearchError> {
    let prefix = format!("window.{global}=");
    js.strip_prefix(prefix.as_str())
        .and_then(|rest| rest.trim_end().strip_suffix(';'))
        .ok_or_else(|| SearchError::Parse {
            file,
            reason: format!("expected `{prefix}{{…}};`"),
        })
}

fn parse_err(file: &'static str, reason: &str) -> SearchError {
    SearchError::Parse {
        file,
        reason: reason.to_string(),
    }
}

impl SearchIndex {
    pub fn from_files(files: &SearchFiles) -> Result<Self, SearchError> {
        Self::parse(&files.index_js, &files.display_js)
    }

    pub fn parse(index_js: &str, display_js: &str) -> Result<Self, SearchError> {
        let index: Value = serde_json::from_str(strip_script("index.js", INDEX_GLOBAL, index_js)?)?;
        let display: DisplayFile =
            serde_json::from_str(strip_script("display.js", DISPLAY_GLOBAL, display_js)?)?;

        let lang = index["lang"].as_str().unwrap_or_default();
        for found in [lang, display.tokenizer.as_str()] {
            if found != TOKENIZER_VERSION {
                return Err(SearchError::TokenizerMismatch {
                    found: found.to_string(),
                    expected: TOKENIZER_VERSION.to_string(),
                });
            }
        }

        let fields: Vec<String> = index["fields"]
            .as_array()
            .ok_or_else(|| parse_err("index.js", "no fields"))?
            .iter()
            .filter_map(|f| f.as_str().map(str::to_string))
            .collect();
        let mut roots = HashMap::new();
        for field in &fields {
            let root = index["index"][field]["root"].clone();
            if !root.is_object() {
                return Err(parse_err("index.js", "field without a root node"));
            }
            roots.insert(field.clone(), root);
        }
        let doc_info = index["documentStore"]["docInfo"]
            .as_object()
            .cloned()
            .ok_or_else(|| parse_err("index.js", "no documentStore.docInfo"))?;
        Ok(SearchIndex {
            fields,
            roots,
            doc_info,
            doc_count: display.docs.len() as f64,
            display,
        })
    }

    /// Runs a query the way the browser does and returns hits, best first.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let qwords = crate::query_words(query);
        if qwords.is_empty() {
            return Vec::new();
        }
        let mut scores: HashMap<&str, f64> = HashMap::new();
        let mut words_matched: HashMap<&str, usize> = HashMap::new();

        for word in &qwords {
            let mut terms_matched: HashMap<&str, Vec<bool>> = HashMap::new();
            for field in &self.fields {
                let root = &self.roots[field];
                for (ti, term) in word.terms.iter().enumerate() {
                    let mut nodes = Vec::new();
                    if let Some(node) = lookup(root, term) {
                        if word.prefix {
                            collect_subtree(node, &mut nodes);
                        } else {
                            nodes.push(node);
                        }
                    }
                    for node in nodes {
                        let df = node["df"].as_f64().unwrap_or(0.0);
                        let idf = 1.0 + (self.doc_count / (df + 1.0)).ln();
                        let Some(docs) = node["docs"].as_object() else {
                            continue;
                        };
                        for (doc_ref, posting) in docs {
                            let tf = posting["tf"].as_f64().unwrap_or(0.0);
                            let len = self.doc_info[doc_ref.as_str()][field.as_str()]
                                .as_f64()
                                .unwrap_or(1.0)
                                .max(1.0);
                            *scores.entry(doc_ref).or_default() +=
                                tf * idf * idf / len.sqrt() * field_boost(field);
                            terms_matched
                                .entry(doc_ref)
                                .or_insert_with(|| vec![false; word.terms.len()])[ti] = true;
                        }
                    }
                }
            }
            for (doc_ref, matched) in terms_matched {
                if matched.iter().all(|m| *m) {
                    *words_matched.entry(doc_ref).or_default() += 1;
                }
            }
        }

        let query_words_norm = words(query);
        let compact_query: String = query_words_norm.concat();
        let mut hits: Vec<(usize, Hit)> = words_matched
            .into_iter()
            .filter(|(_, n)| *n == qwords.len())
            .filter_map(|(doc_ref, _)| {
                let position: usize = doc_ref.parse().ok()?;
                let entry = self.display.docs.get(position)?;
                let compact_title = words(&entry.title).concat();
                let tier = if compact_title == compact_query {
                    2
                } else if query_words_norm
                    .iter()
                    .all(|w| compact_title.contains(w.as_str()))
                {
                    1
                } else {
                    0
                };
                Some((
                    position,
                    Hit {
                        id: entry.id.clone(),
                        kind: entry.kind,
                        url: entry.url.clone(),
                        title: entry.title.clone(),
                        tier,
                        score: scores.get(doc_ref).copied().unwrap_or(0.0) * entry.boost,
                    },
                ))
            })
            .collect();
        hits.sort_by(|(pa, a), (pb, b)| {
            b.tier
                .cmp(&a.tier)
                .then(b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal))
                .then(pa.cmp(pb))
        });
        hits.into_iter().map(|(_, h)| h).collect()
    }
}

fn lookup<'a>(root: &'a Value, token: &str) -> Option<&'a Value> {
    let mut node = root;
    let mut buf = [0u8; 4];
    for c in token.chars() {
        node = node.get(&*c.encode_utf8(&mut buf))?;
    }
    Some(node)
}

fn collect_subtree<'a>(node: &'a Value, out: &mut Vec<&'a Value>) {
    out.push(node);
    if let Some(map) = node.as_object() {
        for (key, child) in map {
            if key != "docs" && key != "df" {
                collect_subtree(child, out);
            }
        }
    }
}
