//! Values of a view that stand for a larger part of it in a page's
//! fingerprint (see `render::prints`). A fingerprint serialises every value
//! a page shows, and most of that is the same few opening-hours tables
//! again and again: in brief, a table counts by what it is made from.

use std::cell::Cell;

thread_local! {
    static BRIEF: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with values serialised in brief on this thread.
pub fn in_brief<R>(f: impl FnOnce() -> R) -> R {
    let before = BRIEF.replace(true);
    let out = f();
    BRIEF.set(before);
    out
}

/// Whether values are being serialised for a fingerprint: then a value may
/// serialise what it is made from instead of all it shows, as long as equal
/// inputs always make equal values.
pub fn is_brief() -> bool {
    BRIEF.get()
}
