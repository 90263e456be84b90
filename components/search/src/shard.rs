//! The sharded inverted index: what a query loads, and only that.
//!
//! A site-wide index grows with the directory (77 MB at 10,000 agencies) and a phone
//! had to download and parse all of it before the first result. Here the postings
//! are split into *term shards* by a hash of each term, so a query loads one small
//! shard per term it has (a one-character word reads one merged *prefix entry*), the
//! names into *exact-name shards*, and the result rows into *display chunks* by
//! position, so only the rows shown are loaded. What ranking needs of every
//! document (kind, ★, boost, parent) is a few bytes each in the manifest.
//!
//! Every file is a script calling [`LOAD_FUNCTION`] (`<script>` tags work from
//! `file://`, `fetch` does not). See `docs/search.md`, "Index and display format".

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::packed::Packed;
use crate::tokenize;

/// The function every search file calls: `TsunaguSearchLoad("t/3",JSON.parse('…'));`.
pub const LOAD_FUNCTION: &str = "TsunaguSearchLoad";
/// Folder of the search files, relative to the site root.
pub const SEARCH_DIR: &str = "search";
/// Name of the manifest (loaded first; `search/manifest.js`).
pub const MANIFEST: &str = "manifest";
/// Name of the file of the ★ desks listed when nothing matches (`search/s.js`).
pub const DESKS: &str = "s";

/// Display rows per chunk: 30 result rows touch up to 30 chunks, so chunks stay
/// small; a matter sits next to its agency, whose fields it inherits.
pub(crate) const CHUNK: usize = 16;
/// Aim for term shards of about this many bytes of JSON (a few KiB gzip): a query
/// loads one shard per distinct term.
const SHARD_BYTES: usize = 12 * 1024;
/// Names per exact-name shard.
const NAMES_PER_SHARD: usize = 512;
/// A list with more postings than this is split by weight (see [`Split`]).
pub(crate) const SPLIT_OVER: usize = 1024;
/// Postings in the first chunk of a split list (besides the pinned ones).
const HEAD: usize = 256;
/// Each next chunk of a split list holds this many times the previous one.
const GROWTH: usize = 4;
const MAX_SHARDS: usize = 1 << 16;

/// Postings weight scale: a posting stores round(tf / √(field length) × 1000), tf =
/// √count as elasticlunr computes it, so both readers rank from the same integers.
pub(crate) const WEIGHT_SCALE: f64 = 1000.0;

/// Suffix of a prefix entry: `介*` holds, per document, the score of every term
/// starting with 介 (a one-character query word matches them all).
pub const PREFIX_MARK: char = '*';

/// FNV-1a over the code points, 32 bits: `search-core.js` computes the same with
/// `Math.imul`, so both sides agree on where a term lives.
pub fn term_hash(text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for c in text.chars() {
        h ^= c as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The shard (of `shards`) a term, prefix entry or exact name lives in.
pub fn shard_of(term: &str, shards: usize) -> usize {
    term_hash(term) as usize % shards.max(1)
}

/// Per field: term → postings `[Δpos, w, …]` in position order, and the
/// last position added.
pub(crate) struct Inverted {
    fields: Vec<HashMap<String, (Packed, u32)>>,
}

impl Inverted {
    pub fn new(fields: usize) -> Self {
        Inverted {
            fields: (0..fields).map(|_| HashMap::new()).collect(),
        }
    }

    /// Adds what [`weigh`] made of one document's fields; positions must
    /// come in increasing order.
    pub fn add_weighed(&mut self, pos: u32, weighed: Weighed) {
        for (field, terms) in self.fields.iter_mut().zip(weighed) {
            for (token, w) in terms {
                let (list, last) = field.entry(token).or_default();
                list.push(pos - *last);
                list.push(w);
                *last = pos;
            }
        }
    }

    /// Term shards: `{"f":[per field {term: [Δpos, w, …]}]}`, positions delta-coded;
    /// plus, per field and first character, the prefix entry `c*`: per document
    /// round(1000 × Σ w/1000 × idf²) over the terms starting with c, idf = 1 +
    /// ln(docs ÷ (df + 1)) of each term, so a one-character query scores exactly as
    /// walking every such term would, from one list. A list longer than
    /// [`SPLIT_OVER`] is split by weight ([`Split`]); `pinned` documents (topics)
    /// always sit in its first chunk.
    pub fn shards(self, docs: usize, pinned: &[bool]) -> Sharded {
        let n = docs as f64;
        // Per field: key → postings in position order (terms, then prefix entries).
        let mut lists: Vec<Vec<KeyPostings>> = Vec::with_capacity(self.fields.len());
        let mut scores = PrefixScores::new(docs);
        for field in self.fields {
            let mut terms: Vec<KeyPostings> = field
                .into_iter()
                .filter(|(t, _)| !t.is_empty())
                .map(|(t, (list, _))| (t, list))
                .collect();
            // Sorted, the terms sharing a first character are side by side, and
            // each prefix entry sums its terms in the same order on every run.
            terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            let mut prefixes: Vec<KeyPostings> = Vec::new();
            for group in terms.chunk_by(|a, b| a.0.chars().next() == b.0.chars().next()) {
                let Some(first) = group[0].0.chars().next() else {
                    continue;
                };
                for (_, postings) in group {
                    let idf = 1.0 + (n / (count_of(postings) as f64 + 1.0)).ln();
                    scores.add(postings.postings(), idf);
                }
                let entry = Packed::delta_coded(&scores.take());
                prefixes.push((format!("{first}{PREFIX_MARK}"), entry));
            }
            terms.append(&mut prefixes);
            lists.push(terms);
        }

        // Documents holding a split key in any field (the query's coverage weighs a
        // term by how many documents hold it, which a partly loaded list cannot tell).
        let mut union: HashMap<&str, Vec<u32>> = HashMap::new();
        for field in &lists {
            for (key, postings) in field {
                if count_of(postings) > SPLIT_OVER {
                    union.insert(key.as_str(), Vec::new());
                }
            }
        }
        for field in &lists {
            for (key, postings) in field {
                if let Some(all) = union.get_mut(key.as_str()) {
                    all.extend(postings.postings().map(|p| p.0));
                }
            }
        }
        let union: HashMap<String, usize> = union
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_unstable();
                v.dedup();
                (k.to_string(), v.len())
            })
            .collect();

        let approx: usize = lists
            .iter()
            .flatten()
            .map(|(t, p)| t.len() + 6 + count_of(p).min(SPLIT_OVER) * 7)
            .sum();
        let count = approx.div_ceil(SHARD_BYTES).clamp(1, MAX_SHARDS);
        let nfields = lists.len();
        let mut out = Sharded {
            shards: (0..count)
                .map(|_| TermShard {
                    f: (0..nfields).map(|_| BTreeMap::new()).collect(),
                })
                .collect(),
            chunks: Vec::new(),
            forward: vec![Packed::default(); docs],
        };
        for (fi, field) in lists.into_iter().enumerate() {
            let (mut long, short): (Vec<KeyPostings>, Vec<KeyPostings>) = field
                .into_iter()
                .partition(|(_, p)| count_of(p) > SPLIT_OVER);
            for (key, postings) in short {
                let shard = shard_of(&key, count);
                out.shards[shard].f[fi].insert(key, Postings::Full(postings));
            }
            // Split lists are numbered in key order: the same input gives the same
            // files. (Only they are sorted: the few hundred, not every term.)
            long.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for (key, packed) in long {
                let shard = shard_of(&key, count);
                let postings: Vec<(u32, u32)> = packed.postings().collect();
                drop(packed);
                let entry = match union.get(&key) {
                    Some(&u) => {
                        // Lists are numbered as they come, so each document's row
                        // lists them in increasing order without a sort.
                        let id = out.chunks.len();
                        for &(pos, w) in &postings {
                            if let Some(row) = out.forward.get_mut(pos as usize) {
                                row.push(id as u32);
                                row.push(w);
                            }
                        }
                        let (head, rest, max) = split(postings, pinned);
                        out.chunks.push(rest);
                        Postings::Split(Split {
                            n: max.0,
                            u,
                            m: max.1,
                            i: id,
                            p: head,
                        })
                    }
                    _ => Postings::Full(Packed::delta_coded(&postings)),
                };
                out.shards[shard].f[fi].insert(key, entry);
            }
        }
        out
    }
}

/// Sums the weights of a prefix entry's terms per document: a dense array
/// reused for every entry, as a map per entry held tens of bytes for each
/// (document, first character) pair and hashed each of them.
struct PrefixScores {
    sum: Vec<f64>,
    touched: Vec<u32>,
}

impl PrefixScores {
    fn new(docs: usize) -> Self {
        PrefixScores {
            sum: vec![0.0; docs],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, postings: impl Iterator<Item = (u32, u32)>, idf: f64) {
        for (pos, w) in postings {
            let Some(s) = self.sum.get_mut(pos as usize) else {
                continue;
            };
            // Weights are at least 1 and idf² above 0: 0 means untouched.
            if *s == 0.0 {
                self.touched.push(pos);
            }
            *s += w as f64 / WEIGHT_SCALE * idf * idf;
        }
    }

    /// The entry's postings in position order, scaled to integers; resets
    /// the sums for the next entry.
    fn take(&mut self) -> Vec<(u32, u32)> {
        self.touched.sort_unstable();
        let list = self
            .touched
            .iter()
            .map(|&pos| {
                let s = std::mem::take(&mut self.sum[pos as usize]);
                (pos, (s * WEIGHT_SCALE).round().max(1.0) as u32)
            })
            .collect();
        self.touched.clear();
        list
    }
}

/// A key and its postings `[Δpos, w, …]` in position order.
type KeyPostings = (String, Packed);

/// Postings in a `[Δpos, w, …]` list.
fn count_of(list: &Packed) -> usize {
    list.len() / 2
}

/// Cuts a long list into chunks by descending weight: chunk 0 holds the pinned
/// documents and the [`HEAD`] heaviest others, each next chunk [`GROWTH`] times
/// as many. Each chunk is stored in position order (delta-coded, it compresses
/// better). Returns (chunk 0, the other chunks, (length, max weight per chunk)).
#[allow(clippy::type_complexity)]
fn split(postings: Vec<(u32, u32)>, pinned: &[bool]) -> (Packed, Vec<Packed>, (usize, Vec<u32>)) {
    let n = postings.len();
    let (mut head, mut others): (Vec<(u32, u32)>, Vec<(u32, u32)>) = postings
        .into_iter()
        .partition(|p| pinned.get(p.0 as usize).copied().unwrap_or(false));
    others.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut max = Vec::new();
    let mut chunks = Vec::new();
    let mut size = HEAD;
    let mut rest = others.into_iter().peekable();
    let first: Vec<(u32, u32)> = rest.by_ref().take(HEAD).collect();
    max.push(first.first().map_or(0, |p| p.1));
    head.extend(first);
    head.sort_unstable();
    while rest.peek().is_some() {
        size *= GROWTH;
        let mut chunk: Vec<(u32, u32)> = rest.by_ref().take(size).collect();
        max.push(chunk.first().map_or(0, |p| p.1));
        chunk.sort_unstable();
        chunks.push(Packed::delta_coded(&chunk));
    }
    (Packed::delta_coded(&head), chunks, (n, max))
}

/// What [`Inverted::shards`] makes.
pub(crate) struct Sharded {
    pub shards: Vec<TermShard>,
    /// Per split list (by its id): chunks 1, 2, … (`c/{id}-{k}`).
    pub chunks: Vec<Vec<Packed>>,
    /// Per document: `[list number, weight, …]` of the split lists holding it, in
    /// increasing list number, for `w/{position / CHUNK}` (a list number names both
    /// key and field), so the browser can tell whether a result holds a common term
    /// without its whole list. Numbers, not keys: the rows are written for every
    /// document, and spelling the keys out made them half of the index and most of
    /// its build time at 10,000 agencies.
    pub forward: Vec<Packed>,
}

/// Exact-name shards: compact name or reading → positions (a name typed exactly
/// ranks first), by [`shard_of`] the name.
pub(crate) fn name_shards(
    exact: HashMap<String, Vec<u32>>,
) -> (usize, Vec<BTreeMap<String, Vec<u32>>>) {
    let count = exact.len().div_ceil(NAMES_PER_SHARD).clamp(1, MAX_SHARDS);
    let mut out = vec![BTreeMap::new(); count];
    for (key, positions) in exact {
        let shard = shard_of(&key, count);
        out[shard].insert(key, positions);
    }
    (count, out)
}

#[derive(Serialize, Deserialize)]
pub(crate) struct TermShard {
    pub f: Vec<BTreeMap<String, Postings>>,
}

/// A key's postings in one field: whole, or split by weight.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum Postings {
    /// `[Δpos, w, …]` in position order.
    Full(Packed),
    Split(Split),
}

/// A long list (a common term such as 相談, a one-character prefix entry): the
/// heaviest postings here, the rest in chunks `c/{i}-{k}` of ever lighter
/// postings, so a query loads only as far as its first results can still change.
#[derive(Serialize, Deserialize)]
pub(crate) struct Split {
    /// Postings in all chunks (the idf needs the whole list's length).
    pub n: usize,
    /// Documents holding the key in any field.
    pub u: usize,
    /// Heaviest weight of each chunk: after chunk k, no unloaded posting weighs
    /// more than `m[k+1]`.
    pub m: Vec<u32>,
    /// Number of the list: its other chunks are `c/{i}-1` … `c/{i}-{m.len()-1}`.
    pub i: usize,
    /// Chunk 0, `[Δpos, w, …]` in position order.
    pub p: Packed,
}

/// What ranking needs of every document, a few bytes each, plus where to find the rest.
#[derive(Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub tokenizer: String,
    pub audience: crate::Audience,
    pub fields: Vec<String>,
    /// Number of documents.
    pub docs: usize,
    /// Number of term shards (`t/0` … `t/{shards-1}`).
    pub shards: usize,
    /// Number of exact-name shards (`x/0` …).
    pub names: usize,
    /// Display rows per chunk (`d/{position / chunk}`).
    pub chunk: usize,
    /// Distinct (kind, ★, boost) of the documents.
    pub classes: Vec<(crate::DocKind, bool, f64)>,
    /// One character per document: `A` + its class.
    pub class: String,
    /// Per document: position − parent's position, or 0 without a parent.
    pub up: Vec<i64>,
    /// Per topic position: its ★ matters (listed with the topic card).
    pub cards: Vec<(usize, Vec<usize>)>,
}

/// `TsunaguSearchLoad("name",JSON.parse('…'));` — see [`crate::as_script`] for why
/// JSON.parse, and the escaping.
pub(crate) fn load_script(name: &str, json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 48);
    out.push_str(LOAD_FUNCTION);
    out.push_str("(\"");
    out.push_str(name);
    out.push_str("\",JSON.parse('");
    crate::index::escape_into(&mut out, json);
    out.push_str("'));\n");
    out
}

/// Inverse of [`load_script`]: `(name, json)`.
pub(crate) fn parse_load_script(js: &str) -> Option<(String, String)> {
    let rest = js.strip_prefix(LOAD_FUNCTION)?.strip_prefix("(\"")?;
    let (name, rest) = rest.split_once('"')?;
    let body = rest
        .strip_prefix(",JSON.parse('")?
        .trim_end()
        .strip_suffix("'));")?;
    Some((name.to_string(), crate::index::unescape(body)?))
}

/// Per field, each term of a document and its weight.
pub type Weighed = Vec<Vec<(String, u32)>>;

/// Tokenizes and weighs one document's fields: the costly part of adding a
/// document, which needs nothing but the text and so runs on any thread.
pub fn weigh(texts: &[&str]) -> Weighed {
    let mut counts: HashMap<String, u32> = HashMap::new();
    texts
        .iter()
        .map(|text| {
            let tokens = tokenize(text);
            if tokens.is_empty() {
                return Vec::new();
            }
            let len = (tokens.len() as f64).max(1.0).sqrt();
            counts.clear();
            for t in tokens {
                *counts.entry(t).or_insert(0) += 1;
            }
            counts
                .drain()
                .map(|(token, count)| {
                    let w = ((count as f64).sqrt() / len * WEIGHT_SCALE)
                        .round()
                        .max(1.0) as u32;
                    (token, w)
                })
                .collect()
        })
        .collect()
}
