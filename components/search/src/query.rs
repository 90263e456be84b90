//! A Rust twin of the query code in `search-core.js`, so ranking and the
//! evaluation set (`tests/search_eval.rs`) run without a browser. The two
//! share their normalisation and tokenising vectors (`tests/search_vectors.json`)
//! and the evaluation floor, which the browser benchmark checks for the JS side.

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

/// Terms (and units) past this are ignored (a sentence of 60 characters); units are
/// tracked in a 64-bit mask.
pub const MAX_QUERY_TERMS: usize = 60;

/// A document is listed when it holds at least this share of the query's matchable
/// weight, and at least [`RELATIVE_COVERAGE`] of the best document's share.
pub const MIN_COVERAGE: f64 = 0.2;
/// Weight of a tail unit (ている, かもしれない) against 1 for a content word.
pub const TAIL_WEIGHT: f64 = 0.25;
pub const RELATIVE_COVERAGE: f64 = 0.5;
/// A topic this close to the best coverage is shown first, as a topic card.
pub const TOPIC_COVERAGE: f64 = 0.6;

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
    /// 4 = the name (or its reading) equals the query, 3 = a topic matching about as
    /// well as the best document (shown as a topic card), 2 = the ★ matter of such a
    /// topic, 1 = the name contains every query word, 0 = other.
    pub tier: u8,
    /// Share of the query's matchable weight this document (with its parent) holds.
    pub coverage: f64,
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
    ///
    /// Graceful matching: a document need not hold every term of the query, only enough
    /// of them. Each term weighs its idf, terms found nowhere in the index (the bigrams
    /// that bridge a particle, 「夫に」「に殴」, or a typo) weigh nothing, and a document's
    /// coverage is the weight it holds over the weight the index could match at all.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        // Every distinct term once; units refer to their terms by position.
        let mut terms: Vec<(String, bool)> = Vec::new();
        let mut units: Vec<(Vec<usize>, f64)> = Vec::new();
        for word in crate::query_words(query) {
            let mut ids = Vec::new();
            for term in word.terms {
                let t = (term, word.prefix);
                let id = terms.iter().position(|x| *x == t).unwrap_or_else(|| {
                    terms.push(t);
                    terms.len() - 1
                });
                if id < MAX_QUERY_TERMS {
                    ids.push(id);
                }
            }
            if units.len() < MAX_QUERY_TERMS {
                units.push((ids, if word.tail { TAIL_WEIGHT } else { 1.0 }));
            }
        }
        terms.truncate(MAX_QUERY_TERMS);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut scores: HashMap<usize, f64> = HashMap::new();
        // own[pos][i]: term i is in the document's own fields.
        let mut own: HashMap<usize, Vec<bool>> = HashMap::new();
        let mut weights = vec![0.0; terms.len()];

        for (ti, (term, prefix)) in terms.iter().enumerate() {
            let mut docs_with_term = 0usize;
            for field in &self.fields {
                let root = &self.roots[field];
                let mut nodes = Vec::new();
                if let Some(node) = lookup(root, term) {
                    if *prefix {
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
                        let matched = own.entry(pos).or_insert_with(|| vec![false; terms.len()]);
                        if !matched[ti] {
                            matched[ti] = true;
                            docs_with_term += 1;
                        }
                    }
                }
            }
            if docs_with_term > 0 {
                weights[ti] = (1.0 + self.doc_count / docs_with_term as f64).ln();
            }
        }
        // A unit weighs 1 (a tail less) if the index holds any of its terms at all.
        let units: Vec<(Vec<usize>, f64, f64)> = units
            .into_iter()
            .map(|(ids, w)| {
                let known: f64 = ids.iter().map(|&i| weights[i]).sum();
                (ids, w, known)
            })
            .filter(|u| u.2 > 0.0)
            .collect();
        // Endings alone (ない, ている) say nothing about the worry: without a known
        // content word the query matches nothing, and the page shows where to start.
        if units.iter().all(|u| u.1 < 1.0) {
            return Vec::new();
        }
        let total: f64 = units.iter().map(|u| u.1).sum();
        if total <= 0.0 {
            return Vec::new();
        }
        let none = vec![false; terms.len()];
        // (position, score, coverage, bit u = the document holds unit u)
        let mut candidates: Vec<(usize, f64, f64, u64)> = Vec::new();
        for (&pos, mine) in &own {
            let Some(entry) = self.display.docs.get(pos) else {
                continue;
            };
            let mut score = scores.get(&pos).copied().unwrap_or(0.0);
            let mut covered = mine.clone();
            // A matter inherits its agency's words ("社協 貸付"), so its own record
            // need not repeat the agency's name and readings.
            if let Some(parent) = entry.parent {
                let theirs = own.get(&parent).unwrap_or(&none);
                if theirs.iter().zip(mine).any(|(t, m)| *t && !*m) {
                    for (c, t) in covered.iter_mut().zip(theirs) {
                        *c |= *t;
                    }
                    score += PARENT_WEIGHT * scores.get(&parent).copied().unwrap_or(0.0);
                }
            }
            let mut weight = 0.0;
            let mut held_units = 0u64;
            for (u, (ids, w, known)) in units.iter().enumerate() {
                let held: f64 = ids
                    .iter()
                    .filter(|&&i| covered[i])
                    .map(|&i| weights[i])
                    .sum();
                weight += w * held / known;
                if held / known >= 0.5 {
                    held_units |= 1 << u;
                }
            }
            candidates.push((pos, score, weight / total, held_units));
        }
        let best = candidates.iter().map(|c| c.2).fold(0.0, f64::max);

        let query_words_norm = words(query);
        let compact_query: String = query_words_norm.concat();
        let kept: Vec<(usize, f64, f64, u64)> = candidates
            .into_iter()
            .filter(|&(pos, _, coverage, _)| {
                // Topics are few and a topic card is the best start: no relative cut.
                let relative = if self.display.docs[pos].kind == DocKind::Topic {
                    0.0
                } else {
                    RELATIVE_COVERAGE
                };
                coverage >= MIN_COVERAGE && coverage >= relative * best
            })
            .collect();
        let exact = |pos: usize| {
            let entry = &self.display.docs[pos];
            words(&entry.title).concat() == compact_query
                || entry
                    .display
                    .reading
                    .as_deref()
                    .is_some_and(|r| words(r).concat() == compact_query)
        };
        // Topic cards: topics matching about as well as the best document, each adding
        // a part of the worry the better ones do not hold (「介護」 is the card 介護, not
        // also 健康 through its synonym 介護予防; 「介護と借金」 is 介護 and 支出・滞納・借金).
        let mut topics: Vec<(bool, f64, usize, u64)> = kept
            .iter()
            .filter(|k| {
                self.display.docs[k.0].kind == DocKind::Topic && k.2 >= TOPIC_COVERAGE * best
            })
            .map(|k| {
                (
                    exact(k.0),
                    k.1 * self.display.docs[k.0].boost * k.2 * k.2,
                    k.0,
                    k.3,
                )
            })
            .collect();
        topics.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal))
                .then(a.2.cmp(&b.2))
        });
        let mut union = 0u64;
        let mut card_positions = Vec::new();
        for (_, _, pos, held) in topics {
            if held & !union != 0 {
                union |= held;
                card_positions.push(pos);
            }
        }
        // Titles of the topics shown as cards: their ★ desks come right after them.
        let cards: Vec<String> = card_positions
            .iter()
            .map(|&pos| self.display.docs[pos].title.clone())
            .collect();
        // A card's ★ desk is listed even when the worry's words are not in its record
        // (夫に殴られる → DV・虐待 → its ★ desk): it is where to call first.
        let mut kept = kept;
        if !cards.is_empty() {
            for (pos, entry) in self.display.docs.iter().enumerate() {
                let starred = entry.kind == DocKind::Matter
                    && entry.display.star
                    && entry
                        .display
                        .topic
                        .as_deref()
                        .is_some_and(|t| cards.iter().any(|c| c == t));
                if starred && !kept.iter().any(|k| k.0 == pos) {
                    kept.push((pos, 0.0, 0.0, 0));
                }
            }
        }
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        for (pos, score, coverage, _) in kept {
            let entry = &self.display.docs[pos];
            let compact_title = words(&entry.title).concat();
            let tier = if exact(pos) {
                4
            } else if card_positions.contains(&pos) {
                3
            } else if entry.kind == DocKind::Matter
                && entry.display.star
                && entry
                    .display
                    .topic
                    .as_deref()
                    .is_some_and(|t| cards.iter().any(|c| c == t))
            {
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
                    coverage,
                    score: score * entry.boost * coverage * coverage,
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
