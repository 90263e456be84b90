//! A Rust twin of the query code in `search-core.js`, so ranking and the
//! evaluation set (`tests/search_eval.rs`) run without a browser. The two
//! share their normalisation and tokenising vectors (`tests/search_vectors.json`)
//! and the evaluation floor, which the browser benchmark checks for the JS side.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::index::DisplayEntry;
use crate::packed::Packed;
use crate::shard::{
    parse_load_script, Manifest, Postings, TermShard, DESKS, PREFIX_MARK, WEIGHT_SCALE,
};
use crate::{
    words, DisplayRecord, DocKind, SearchError, SearchFiles, LOAD_FUNCTION, MANIFEST,
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

/// A parsed set of search files (all shards and chunks: the Rust side has no reason
/// to load lazily, but it ranks from exactly what the browser loads).
pub struct SearchIndex {
    fields: Vec<String>,
    /// Per field: term (or prefix entry `c*`) → postings (position, weight).
    postings: Vec<HashMap<String, Vec<(usize, f64)>>>,
    /// Compact name or reading → positions.
    exact: HashMap<String, Vec<usize>>,
    kinds: Vec<DocKind>,
    boosts: Vec<f64>,
    parents: Vec<Option<usize>>,
    /// Topic position → its ★ matters.
    cards: HashMap<usize, Vec<usize>>,
    doc_count: f64,
    display: Vec<DisplayEntry>,
}

/// `[Δpos, w, …]` → (position, weight).
fn decode(enc: &Packed) -> Vec<(usize, f64)> {
    enc.postings()
        .map(|(pos, w)| (pos as usize, w as f64 / WEIGHT_SCALE))
        .collect()
}

fn parse_err(file: &'static str, reason: &str) -> SearchError {
    SearchError::Parse {
        file,
        reason: reason.to_string(),
    }
}

impl SearchIndex {
    pub fn from_files(files: &SearchFiles) -> Result<Self, SearchError> {
        Self::parse(files.files.iter().map(|(_, s)| s.as_str()))
    }

    /// Reads every file of a built site's `search/` folder.
    pub fn from_dir(dir: &Path) -> Result<Self, SearchError> {
        let io = |e: std::io::Error| parse_err("search/", &e.to_string());
        let mut scripts = vec![std::fs::read_to_string(dir.join("manifest.js")).map_err(io)?];
        for sub in ["t", "x", "d", "c", "w"] {
            let sub = dir.join(sub);
            // Chunks of split lists exist only when some list is long.
            if !sub.exists() {
                continue;
            }
            for entry in std::fs::read_dir(sub).map_err(io)? {
                scripts.push(std::fs::read_to_string(entry.map_err(io)?.path()).map_err(io)?);
            }
        }
        Self::parse(scripts.iter().map(String::as_str))
    }

    /// Parses the scripts [`crate::build`] writes, in any order.
    pub fn parse<'a>(scripts: impl IntoIterator<Item = &'a str>) -> Result<Self, SearchError> {
        let mut manifest: Option<Manifest> = None;
        let mut shards: Vec<TermShard> = Vec::new();
        let mut names: Vec<BTreeMap<String, Vec<u32>>> = Vec::new();
        let mut chunks: Vec<(usize, Vec<DisplayEntry>)> = Vec::new();
        // (list, chunk) → [Δpos, w, …] of the later chunks of split lists.
        let mut rests: HashMap<(usize, usize), Packed> = HashMap::new();
        for js in scripts {
            let (name, json) = parse_load_script(js).ok_or_else(|| {
                parse_err(
                    "search/*.js",
                    &format!("expected `{LOAD_FUNCTION}(\"name\",JSON.parse('…'));`"),
                )
            })?;
            if name == MANIFEST {
                manifest = Some(serde_json::from_str(&json)?);
            } else if name.starts_with("t/") {
                shards.push(serde_json::from_str(&json)?);
            } else if name.starts_with("x/") {
                names.push(serde_json::from_str(&json)?);
            } else if let Some(i) = name.strip_prefix("d/").and_then(|i| i.parse().ok()) {
                chunks.push((i, serde_json::from_str(&json)?));
            } else if let Some((i, k)) = name
                .strip_prefix("c/")
                .and_then(|r| r.split_once('-'))
                .and_then(|(i, k)| Some((i.parse().ok()?, k.parse().ok()?)))
            {
                rests.insert((i, k), serde_json::from_str(&json)?);
            } else if name.starts_with("w/") || name == DESKS {
                // The same weights per document, for the browser: the lists here are
                // whole; the ★ desks are display rows the chunks hold too.
            } else {
                return Err(parse_err("search/*.js", &format!("unknown file {name:?}")));
            }
        }
        let manifest = manifest.ok_or_else(|| parse_err("manifest.js", "missing"))?;
        if manifest.tokenizer != TOKENIZER_VERSION {
            return Err(SearchError::TokenizerMismatch {
                found: manifest.tokenizer,
                expected: TOKENIZER_VERSION.to_string(),
            });
        }
        if shards.len() != manifest.shards || names.len() != manifest.names {
            return Err(parse_err(
                "search/t/*.js",
                "not as many term shards as the manifest says",
            ));
        }
        chunks.sort_by_key(|c| c.0);
        let mut display: Vec<DisplayEntry> = chunks.into_iter().flat_map(|c| c.1).collect();
        if display.len() != manifest.docs {
            return Err(parse_err(
                "search/d/*.js",
                "not as many display rows as the manifest says",
            ));
        }
        crate::index::inherit(&mut display);

        let nfields = manifest.fields.len();
        let mut postings: Vec<HashMap<String, Vec<(usize, f64)>>> = vec![HashMap::new(); nfields];
        for shard in shards {
            for (fi, terms) in shard.f.into_iter().enumerate().take(nfields) {
                for (term, enc) in terms {
                    let list = match enc {
                        Postings::Full(enc) => decode(&enc),
                        Postings::Split(split) => {
                            let mut list = decode(&split.p);
                            for k in 1..split.m.len() {
                                let rest = rests.get(&(split.i, k)).ok_or_else(|| {
                                    parse_err("search/c/*.js", "a chunk of a split list is missing")
                                })?;
                                list.extend(decode(rest));
                            }
                            if list.len() != split.n {
                                return Err(parse_err(
                                    "search/c/*.js",
                                    "a split list has not as many postings as it says",
                                ));
                            }
                            list.sort_unstable_by_key(|p| p.0);
                            list
                        }
                    };
                    postings[fi].insert(term, list);
                }
            }
        }
        let exact: HashMap<String, Vec<usize>> = names
            .into_iter()
            .flatten()
            .map(|(key, list)| (key, list.into_iter().map(|p| p as usize).collect()))
            .collect();
        let mut kinds = Vec::with_capacity(manifest.docs);
        let mut boosts = Vec::with_capacity(manifest.docs);
        for c in manifest.class.chars() {
            let (kind, _, boost) = manifest
                .classes
                .get((c as u32).saturating_sub(0x41) as usize)
                .ok_or_else(|| parse_err("manifest.js", "unknown document class"))?;
            kinds.push(*kind);
            boosts.push(*boost);
        }
        let parents = manifest
            .up
            .iter()
            .enumerate()
            .map(|(pos, &up)| (up != 0).then(|| (pos as i64 - up) as usize))
            .collect();
        Ok(SearchIndex {
            fields: manifest.fields,
            postings,
            exact,
            kinds,
            boosts,
            parents,
            cards: manifest.cards.into_iter().collect(),
            doc_count: manifest.docs as f64,
            display,
        })
    }

    /// Postings of `term` in field `fi` and whether their weights already hold the
    /// idf² (a prefix entry `c*`, which merges every term starting with c).
    fn list(&self, fi: usize, term: &str, prefix: bool) -> Option<(&Vec<(usize, f64)>, bool)> {
        if prefix {
            let key = format!("{term}{PREFIX_MARK}");
            self.postings[fi].get(&key).map(|l| (l, true))
        } else {
            self.postings[fi].get(term).map(|l| (l, false))
        }
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
            for (fi, field) in self.fields.iter().enumerate() {
                let Some((list, merged)) = self.list(fi, term, *prefix) else {
                    continue;
                };
                // df as elasticlunr counts it: the documents of this term in this field.
                let idf = 1.0 + (self.doc_count / (list.len() as f64 + 1.0)).ln();
                let k = if merged { 1.0 } else { idf * idf } * field_boost(field);
                for &(pos, w) in list {
                    *scores.entry(pos).or_default() += w * k;
                    let matched = own.entry(pos).or_insert_with(|| vec![false; terms.len()]);
                    if !matched[ti] {
                        matched[ti] = true;
                        docs_with_term += 1;
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
            if pos >= self.kinds.len() {
                continue;
            }
            let mut score = scores.get(&pos).copied().unwrap_or(0.0);
            let mut covered = mine.clone();
            // A matter inherits its agency's words ("社協 貸付"), so its own record
            // need not repeat the agency's name and readings.
            if let Some(parent) = self.parents[pos] {
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

        let kept: Vec<(usize, f64, f64, u64)> = candidates
            .into_iter()
            .filter(|&(pos, _, coverage, _)| {
                // Topics are few and a topic card is the best start: no relative cut.
                let relative = if self.kinds[pos] == DocKind::Topic {
                    0.0
                } else {
                    RELATIVE_COVERAGE
                };
                coverage >= MIN_COVERAGE && coverage >= relative * best
            })
            .collect();
        // The name or its reading typed exactly, found by key (shard of its first
        // character), so the browser needs no titles to rank.
        let compact_query: String = words(query).concat();
        let exact: HashSet<usize> = self
            .exact
            .get(&compact_query)
            .into_iter()
            .flatten()
            .copied()
            .collect();
        // Topic cards: topics matching about as well as the best document, each adding
        // a part of the worry the better ones do not hold (「介護」 is the card 介護, not
        // also 健康 through its synonym 介護予防; 「介護と借金」 is 介護 and 支出・滞納・借金).
        let mut topics: Vec<(bool, f64, usize, u64)> = kept
            .iter()
            .filter(|k| self.kinds[k.0] == DocKind::Topic && k.2 >= TOPIC_COVERAGE * best)
            .map(|k| {
                (
                    exact.contains(&k.0),
                    k.1 * self.boosts[k.0] * k.2 * k.2,
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
        // A card's ★ desks (the manifest lists them per topic) are listed even when the
        // worry's words are not in their records (夫に殴られる → DV・虐待 → its ★ desk):
        // they are where to call first.
        let card_stars: HashSet<usize> = card_positions
            .iter()
            .filter_map(|p| self.cards.get(p))
            .flatten()
            .copied()
            .collect();
        let mut kept = kept;
        let mut extra: Vec<usize> = card_stars
            .iter()
            .copied()
            .filter(|pos| !kept.iter().any(|k| k.0 == *pos))
            .collect();
        extra.sort_unstable();
        kept.extend(extra.into_iter().map(|pos| (pos, 0.0, 0.0, 0)));
        let in_title = self.title_holders(&terms, &units);
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        for (pos, score, coverage, _) in kept {
            let Some(entry) = self.display.get(pos) else {
                continue;
            };
            let tier = if exact.contains(&pos) {
                4
            } else if card_positions.contains(&pos) {
                3
            } else if card_stars.contains(&pos) {
                2
            } else if in_title.contains(&pos) {
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
                    score: score * self.boosts[pos] * coverage * coverage,
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

    /// Documents whose own title holds every term of every content unit (not the
    /// endings): the name contains every word of the worry.
    fn title_holders(
        &self,
        terms: &[(String, bool)],
        units: &[(Vec<usize>, f64, f64)],
    ) -> HashSet<usize> {
        let Some(fi) = self.fields.iter().position(|f| f == "title") else {
            return HashSet::new();
        };
        let mut holders: Option<HashSet<usize>> = None;
        let mut needed: Vec<usize> = units
            .iter()
            .filter(|u| u.1 >= 1.0)
            .flat_map(|u| u.0.iter().copied())
            .collect();
        needed.sort_unstable();
        needed.dedup();
        for ti in needed {
            let (term, prefix) = &terms[ti];
            let these: HashSet<usize> = self
                .list(fi, term, *prefix)
                .map(|(l, _)| l.as_slice())
                .unwrap_or(&[])
                .iter()
                .map(|p| p.0)
                .filter(|p| holders.as_ref().is_none_or(|h| h.contains(p)))
                .collect();
            holders = Some(these);
        }
        holders.unwrap_or_default()
    }
}
