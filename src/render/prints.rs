//! Fingerprints for re-rendering only what changed (the preview server).
//!
//! A page is a function of its template and the values put into its context,
//! so the hash of those values stands for the page: when it equals the hash
//! from the last render, the page would come out byte for byte the same and
//! is not rendered again. Nothing has to know which page shows which record;
//! a record that appears on a topic page, in a list or in the site's header
//! changes the hash of exactly the pages that show it. Other files (search
//! shards, open data, calendars) are made anyway and compared by their bytes.
//!
//! The hashes are only valid for the theme they were made with: a template
//! or static file change starts from [`Prints::invalidated`].

use crate::site::{AgencyView, Audience, SiteView};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;
use xxhash_rust::xxh3::Xxh3Default;

/// The fingerprint of every file of one part of a tree, by path; `None`
/// for a file that exists but must be made again.
#[derive(Default, Clone, Debug)]
pub struct Prints(HashMap<String, Option<u64>>);

impl Prints {
    /// The same files, every one to be made again (after a theme change).
    pub fn invalidated(&self) -> Prints {
        Prints(self.0.keys().map(|k| (k.clone(), None)).collect())
    }

    pub fn paths(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn same(&self, path: &str, print: u64) -> bool {
        self.0.get(path).copied().flatten() == Some(print)
    }
}

/// One render measured against the last: which files it may skip, and the
/// fingerprints it leaves for the next.
pub struct Incremental<'a> {
    previous: &'a Prints,
    next: Mutex<Prints>,
}

impl<'a> Incremental<'a> {
    pub fn new(previous: &'a Prints) -> Self {
        Incremental {
            previous,
            next: Mutex::default(),
        }
    }

    /// Records `print` for `path`; whether the file is as last rendered.
    pub(super) fn unchanged(&self, path: &str, print: u64) -> bool {
        self.next
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .0
            .insert(path.to_string(), Some(print));
        self.previous.same(path, print)
    }

    /// The fingerprints of this render, and the files of the last one it no
    /// longer has.
    pub fn finish(self) -> (Prints, Vec<String>) {
        let next = self.next.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut removed: Vec<String> = self
            .previous
            .paths()
            .filter(|p| !next.0.contains_key(*p))
            .cloned()
            .collect();
        removed.sort();
        (next, removed)
    }
}

/// What a page's `fill` puts its values into: the template context when the
/// page is rendered, a hasher when only its fingerprint is wanted.
pub enum Fill<'c> {
    Context(&'c mut tera::Context),
    Hash(&'c mut PrintHasher, &'c Memo),
}

impl Fill<'_> {
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        match self {
            Fill::Context(c) => c.insert(key, value),
            Fill::Hash(h, _) => h.value(key, value),
        }
    }

    /// A list of agencies. In a fingerprint each counts by its print, made
    /// once per render: the plan, the lists and open-today show every agency
    /// again and again.
    pub fn agencies<'v, A: Audience + 'v>(
        &mut self,
        key: &str,
        list: impl Iterator<Item = &'v AgencyView<A>>,
    ) {
        match self {
            Fill::Context(c) => c.insert(key, &list.collect::<Vec<_>>()),
            Fill::Hash(h, memo) => {
                h.bytes(key.as_bytes());
                h.bytes(&[0xfd]);
                for a in list {
                    h.agency(a, memo);
                }
                h.bytes(&[0xfe]);
            }
        }
    }

    /// A list of agencies as rows ([`AgencyView::row`]: without matters and
    /// offices). In a fingerprint each counts by its whole print, as in
    /// [`Fill::agencies`].
    pub fn agency_rows<'v, A: Audience + 'v>(
        &mut self,
        key: &str,
        list: impl Iterator<Item = &'v AgencyView<A>>,
    ) {
        match self {
            Fill::Context(c) => c.insert(key, &list.map(AgencyView::row).collect::<Vec<_>>()),
            Fill::Hash(..) => self.agencies(key, list),
        }
    }

    /// A value that is costly to make: a fingerprint takes `print` instead
    /// of making it.
    pub fn lazy<T: Serialize>(
        &mut self,
        key: &str,
        print: impl FnOnce(&mut PrintHasher, &Memo),
        make: impl FnOnce() -> T,
    ) {
        match self {
            Fill::Context(c) => c.insert(key, &make()),
            Fill::Hash(h, memo) => {
                h.bytes(key.as_bytes());
                h.bytes(&[0xfc]);
                print(h, memo);
                h.bytes(&[0xfe]);
            }
        }
    }
}

/// The prints of the values many pages of one render share, by the
/// address of the value in the view being rendered (which outlives the
/// render): the directory's agencies, and the dates.
#[derive(Default)]
pub struct Memo {
    agencies: HashMap<usize, u64>,
    pub dates: u64,
}

impl Memo {
    pub fn new<A: Audience>(view: &SiteView<A>) -> Memo {
        use rayon::prelude::*;
        let agencies = view
            .agencies
            .par_iter()
            .map(|a| {
                let mut h = PrintHasher::new("agency");
                h.value("agency", a);
                (address(a), h.finish())
            })
            .collect();
        let mut h = PrintHasher::new("dates");
        h.bytes(format!("{:?}", view.dates).as_bytes());
        Memo {
            agencies,
            dates: h.finish(),
        }
    }
}

fn address<T>(value: &T) -> usize {
    value as *const T as usize
}

thread_local! {
    /// The serialised value being hashed, kept for the next one.
    static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Hashes serialised values without building them as a tree. XXH3 is a
/// checksum hash: fast on the many small writes of a serialiser (SipHash,
/// the std default, made fingerprinting cost as much as rendering), with
/// 64-bit prints that do not collide by chance.
pub struct PrintHasher(Xxh3Default);

impl PrintHasher {
    pub fn new(seed: &str) -> Self {
        let mut h = Xxh3Default::new();
        h.update(seed.as_bytes());
        h.update(&[0xff]);
        PrintHasher(h)
    }

    pub fn value<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.0.update(key.as_bytes());
        self.0.update(&[0xff]);
        // Serialised into a buffer and hashed at once: a serialiser makes
        // many writes of a few bytes, and each update of the hash state
        // costs more than copying them.
        SCRATCH.with_borrow_mut(|buf| {
            buf.clear();
            // A value that cannot be serialised cannot be rendered either
            // (the render fails on it); hashing a mark keeps the page
            // "changed".
            let written = crate::site::brief::in_brief(|| serde_json::to_writer(&mut *buf, value));
            if written.is_ok() {
                self.0.update(buf);
            } else {
                self.0.update(&u64::MAX.to_le_bytes());
            }
        });
        self.0.update(&[0xfe]);
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// `agency`, by its print in `memo` when it has one.
    pub fn agency<A: Audience>(&mut self, agency: &AgencyView<A>, memo: &Memo) {
        match memo.agencies.get(&address(agency)) {
            Some(print) => self.0.update(&print.to_le_bytes()),
            None => self.value("agency", agency),
        }
    }

    pub fn finish(&self) -> u64 {
        self.0.digest()
    }
}

/// The fingerprint of a file that is not rendered from a template.
pub fn of_bytes(bytes: &[u8]) -> u64 {
    let mut h = PrintHasher::new("bytes");
    h.bytes(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(values: &[(&str, serde_json::Value)]) -> u64 {
        let mut h = PrintHasher::new("page.html");
        for (k, v) in values {
            h.value(k, v);
        }
        h.finish()
    }

    #[test]
    fn equal_values_give_equal_prints_and_a_moved_value_does_not() {
        let a = print(&[("x", "ab".into()), ("y", "c".into())]);
        assert_eq!(a, print(&[("x", "ab".into()), ("y", "c".into())]));
        assert_ne!(a, print(&[("x", "a".into()), ("y", "bc".into())]));
        assert_ne!(a, print(&[("y", "ab".into()), ("x", "c".into())]));
    }

    #[test]
    fn a_render_skips_what_is_unchanged_and_reports_what_is_gone() {
        let none = Prints::default();
        let first = Incremental::new(&none);
        assert!(!first.unchanged("a.html", 1));
        assert!(!first.unchanged("b.html", 2));
        let (prints, removed) = first.finish();
        assert!(removed.is_empty());

        let second = Incremental::new(&prints);
        assert!(second.unchanged("a.html", 1));
        assert!(!second.unchanged("c.html", 3));
        let (next, removed) = second.finish();
        assert_eq!(removed, ["b.html"]);
        assert_eq!(next.len(), 2);

        let after_theme = next.invalidated();
        let third = Incremental::new(&after_theme);
        assert!(!third.unchanged("a.html", 1), "a theme change renders all");
    }
}
