//! A Rust twin of the query code in `search-core.js`, so ranking can be tested
//! without a browser and the renderer can sanity-check its own index.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::index::DisplayFile;
use crate::{
    words, DisplayRecord, DocKind, SearchError, SearchFiles, DISPLAY_GLOBAL, INDEX_GLOBAL,
    TOKENIZER_VERSION,
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

/// Words past this are ignored (a bit mask per document tracks matched words; the JS
/// twin uses 32-bit integers).
pub const MAX_QUERY_WORDS: usize = 30;

/// Share of the parent's score a child gets when the parent supplied a query word.
pub(crate) const PARENT_WEIGHT: f64 = 0.25;

/// A matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub kind: DocKind,
    pub url: String,
    pub title: String,
    /// With fields inherited from the parent filled in.
    pub display: DisplayRecord,
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

fn strip_script(file: &'static str, global: &str, js: &str) -> Result<String, SearchError> {
    crate::index::json_of_script(global, js).ok_or_else(|| SearchError::Parse {
        file,
        reason: format!("expected `window.{global}=JSON.parse('…');`"),
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
        let index: Value =
            serde_json::from_str(&strip_script("index.js", INDEX_GLOBAL, index_js)?)?;
        let mut display: DisplayFile =
            serde_json::from_str(&strip_script("display.js", DISPLAY_GLOBAL, display_js)?)?;
        crate::index::inherit(&mut display.docs);

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
        let mut qwords = crate::query_words(query);
        qwords.truncate(MAX_QUERY_WORDS);
        if qwords.is_empty() {
            return Vec::new();
        }
        let mut scores: HashMap<usize, f64> = HashMap::new();
        // Bit i set = query word i is fully matched by the document's own fields.
        let mut own_words: HashMap<usize, u32> = HashMap::new();

        for (wi, word) in qwords.iter().enumerate() {
            let mut terms_matched: HashMap<usize, Vec<bool>> = HashMap::new();
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
                            let Ok(pos) = doc_ref.parse::<usize>() else {
                                continue;
                            };
                            let tf = posting["tf"].as_f64().unwrap_or(0.0);
                            let len = self.doc_info[doc_ref.as_str()][field.as_str()]
                                .as_f64()
                                .unwrap_or(1.0)
                                .max(1.0);
                            *scores.entry(pos).or_default() +=
                                tf * idf * idf / len.sqrt() * field_boost(field);
                            terms_matched
                                .entry(pos)
                                .or_insert_with(|| vec![false; word.terms.len()])[ti] = true;
                        }
                    }
                }
            }
            for (pos, matched) in terms_matched {
                if matched.iter().all(|m| *m) {
                    *own_words.entry(pos).or_default() |= 1 << wi;
                }
            }
        }

        let all: u32 = (1u32 << qwords.len()) - 1;
        let query_words_norm = words(query);
        let compact_query: String = query_words_norm.concat();
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        for (&pos, &own) in &own_words {
            let Some(entry) = self.display.docs.get(pos) else {
                continue;
            };
            let mut score = scores.get(&pos).copied().unwrap_or(0.0);
            let mut covered = own;
            // A matter inherits its agency's words ("社協 貸付"), so its own record
            // need not repeat the agency's name and readings.
            if let Some(parent) = entry.parent {
                let inherited = own_words.get(&parent).copied().unwrap_or(0);
                if inherited & !own != 0 {
                    covered |= inherited;
                    score += PARENT_WEIGHT * scores.get(&parent).copied().unwrap_or(0.0);
                }
            }
            if covered != all {
                continue;
            }
            let compact_title = words(&entry.title).concat();
            let reading_matches = entry
                .display
                .reading
                .as_deref()
                .is_some_and(|r| words(r).concat() == compact_query);
            let tier = if compact_title == compact_query || reading_matches {
                2
            } else if query_words_norm
                .iter()
                .all(|w| compact_title.contains(w.as_str()))
            {
                1
            } else {
                0
            };
            hits.push((
                pos,
                Hit {
                    id: entry.id.clone(),
                    kind: entry.kind,
                    url: entry.url.clone(),
                    title: entry.title.clone(),
                    display: entry.display.clone(),
                    tier,
                    score: score * entry.boost,
                },
            ));
        }
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
