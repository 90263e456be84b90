//! Client-side Japanese search for tsunagu sites.
//!
//! [`build`] turns [`SearchDoc`]s into the files of `search/`: a manifest, term shards
//! (postings by the first character of each term) and display chunks (the records
//! shown in the result list), so a query loads only what it needs. Each file calls
//! one registration function, so it loads with a `<script>` tag from `file://`,
//! where `fetch` is blocked. The browser side is `themes/default/static/js/search-core.js`
//! (normalise, tokenise, query) and `search.js` (the combobox UI); see `docs/search.md`.

mod error;
mod index;
mod normalize;
mod packed;
mod query;
mod readings;
mod romaji;
mod shard;
mod tokenize;

pub use error::SearchError;
pub use index::{as_script, build, build_into};
pub use normalize::{normalize, words};
pub use query::{Hit, SearchIndex};
pub use readings::reading;
pub use romaji::romaji_to_kana;
pub use shard::{shard_of, term_hash, LOAD_FUNCTION, MANIFEST, PREFIX_MARK, SEARCH_DIR};
pub use tokenize::{query_words, tokenize, QueryWord};

use serde::{Deserialize, Serialize};

/// Names the normalisation + tokenisation scheme. Bump it whenever either changes, in
/// Rust and in `search-core.js` together: the browser refuses an index whose version
/// differs, instead of silently finding nothing.
pub const TOKENIZER_VERSION: &str = "tsunagu-ja-bigram-2";

/// The manifest, relative to the site root; the other files sit beside it.
pub const MANIFEST_PATH: &str = "search/manifest.js";
/// Opening-hours data of the results, by key (written by the site renderer).
pub const HOURS_PATH: &str = "search/hours.js";
pub const HOURS_GLOBAL: &str = "TSUNAGU_SEARCH_HOURS";

/// Which site the index is for. A citizen index refuses any document carrying
/// staff-only data, so a renderer mistake fails the build instead of leaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Citizen,
    Staff,
}

/// Result type, shown as 相談項目 / 機関 / 相談内容 / 事業.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Topic,
    Agency,
    Matter,
    Program,
    /// A member of a staff roster (推進員, アドバイザー): staff index only.
    Roster,
}

/// The small record drawn in a result row. Everything is optional text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DisplayRecord {
    /// Topic label(s), e.g. "介護" or "介護、障害".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The agency a matter or program belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// ★: the agency to call when unsure.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub star: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 受付時間 as written, e.g. "平日 8:30~17:15".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Staff only: named contacts, e.g. "主 山田 / 副 佐藤".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Staff only: 内線.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// Reading (かな) of a topic's or agency's name: typing it exactly ranks
    /// the record like typing its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// Key of this record's opening hours in [`HOURS_PATH`], for the
    /// 「今開いている窓口だけ」 filter of the results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<String>,
}

/// One result candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDoc {
    /// Unique, e.g. "agency:chiiki-care" or "matter:chiiki-care:1".
    pub id: String,
    pub kind: DocKind,
    /// Relative to the site root, e.g. "agencies/chiiki-care.html".
    pub url: String,
    pub title: String,
    /// Readings (かな), synonyms, abbreviations (社協): indexed, never displayed.
    pub keywords: Vec<String>,
    /// Descriptions, matter text, address, areas: indexed, never displayed.
    pub body: String,
    /// Contact names and internal notes. Must be `None` for [`Audience::Citizen`].
    pub staff_text: Option<String>,
    pub display: DisplayRecord,
    /// Id of the document this one belongs to (a matter's agency). A query word found in
    /// the parent counts for the child as long as the child itself matches at least one
    /// word, so "社協 貸付" finds the 貸付 matter of 社協 without every matter repeating its
    /// agency's name and readings (which would multiply the index size). The parent
    /// comes before its children in the documents given to [`build`].
    pub parent: Option<String>,
    /// Score multiplier: 1.0 normal; e.g. 1.5 for ★ agencies, 2.0 for topics.
    pub boost: f64,
}

/// Display chunks and the ★ desks: what result rows show, not what ranks them.
fn is_display(path: &str) -> bool {
    path.starts_with("search/d/") || path == "search/s.js"
}

/// The generated scripts.
#[derive(Debug, Clone)]
pub struct SearchFiles {
    /// (path relative to the site root, script): [`MANIFEST_PATH`], term shards
    /// `search/t/N.js`, display chunks `search/d/N.js`, the ★ desks `search/s.js`, …
    pub files: Vec<(String, String)>,
    pub tokenizer_version: String,
    pub audience: Audience,
    pub doc_count: usize,
}

impl SearchFiles {
    /// The script at `path` (relative to the site root).
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, s)| s.as_str())
    }

    /// Term shards and manifest, concatenated (for leak checks and sizes).
    pub fn index_text(&self) -> String {
        self.files
            .iter()
            .filter(|(p, _)| !is_display(p))
            .map(|(_, s)| s.as_str())
            .collect()
    }

    /// Display chunks and the ★ desks, concatenated.
    pub fn display_text(&self) -> String {
        self.files
            .iter()
            .filter(|(p, _)| is_display(p))
            .map(|(_, s)| s.as_str())
            .collect()
    }
}
