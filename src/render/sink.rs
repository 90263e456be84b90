//! Where rendered files go. Pages are handed over one by one as they are
//! rendered (from several threads), so a build can stream them into its
//! staging folder instead of holding both sites in memory; `check` renders
//! into [`Discard`], and `serve` into [`Memory`].

use super::Files;
use std::sync::Mutex;

pub trait Sink: Sync {
    /// Takes the file at `path` (relative to the tree root).
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()>;
}

/// Keeps every file, for the preview server and tests.
#[derive(Default)]
pub struct Memory(Mutex<Files>);

impl Memory {
    pub fn into_files(self) -> Files {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), bytes);
        Ok(())
    }
}

/// Drops every file: `check` renders each page to find template errors and
/// needs none of the result.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: &str, _: Vec<u8>) -> std::io::Result<()> {
        Ok(())
    }
}
