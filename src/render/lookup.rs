//! The lookup's data as a script: `file://` pages cannot fetch JSON, but
//! they can load a script that sets a global.

use crate::site::LookupView;

/// The global the lookup script reads.
pub const GLOBAL: &str = "TSUNAGU_LOOKUP";

pub fn lookup_js(view: &LookupView) -> String {
    // Serialising a view of plain strings and numbers cannot fail.
    let json = serde_json::to_string(view).unwrap_or_else(|_| "null".to_string());
    tsunagu_search::as_script(GLOBAL, &json)
}
