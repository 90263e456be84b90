use thiserror::Error;

/// Why a search index could not be built. Every variant names the offending document
/// so the build can point the webmaster at the record to fix.
#[derive(Debug, Error)]
pub enum SearchError {
    #[error("search document has an empty id (title {title:?}); give every document a unique id")]
    EmptyId { title: String },

    #[error(
        "search document id {id:?} is used twice; ids must be unique (e.g. \"agency:<slug>\")"
    )]
    DuplicateId { id: String },

    #[error("search document {id:?} has an empty title; the result list needs a name to show")]
    EmptyTitle { id: String },

    #[error("search document {id:?} has url {url:?}; use a path relative to the site root such as \"agencies/x.html\" (no scheme, no leading slash)")]
    BadUrl { id: String, url: String },

    #[error("search document {id:?} has boost {boost}; use a finite number greater than 0 (1.0 = normal)")]
    BadBoost { id: String, boost: f64 },

    #[error("search document {id:?} carries staff-only data ({field}) but the index is for citizens; leave it out of the citizen build")]
    StaffDataInCitizenIndex { id: String, field: &'static str },

    #[error("search document {id:?} names parent {parent:?}, which is not another document before it in the same index (a parent comes before its children)")]
    UnknownParent { id: String, parent: String },

    #[error("could not serialise the search index: {0}")]
    Serialize(#[from] serde_json::Error),

    #[error("{file} is not a search file written by this crate: {reason}")]
    Parse { file: &'static str, reason: String },

    #[error("index was built with tokenizer {found:?} but this code uses {expected:?}; rebuild the site")]
    TokenizerMismatch { found: String, expected: String },
}
