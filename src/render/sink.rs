//! Where rendered files go. Pages are handed over one by one as they are
//! rendered (from several threads), so a build can stream them into its
//! staging folder instead of holding both sites in memory; `check` renders
//! into [`Discard`], and `serve` into [`Memory`].

use super::Files;
use std::io::Write;
use std::sync::Mutex;

pub trait Sink: Sync {
    /// Takes the file at `path` (relative to the tree root).
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()>;

    /// A file written a piece at a time, for the files too large to hold
    /// whole (the open data). By default the pieces are collected and
    /// [`put`](Sink::put) when the file is closed.
    fn create<'s>(&'s self, path: &str) -> std::io::Result<Box<dyn OpenFile + 's>> {
        Ok(Box::new(Buffered {
            path: path.to_string(),
            bytes: Vec::new(),
            put: move |path: &str, bytes| self.put(path, bytes),
        }))
    }
}

/// A file being written by [`Sink::create`].
pub trait OpenFile: Write + Send {
    /// The file is complete.
    fn close(self: Box<Self>) -> std::io::Result<()>;
}

struct Buffered<F> {
    path: String,
    bytes: Vec<u8>,
    put: F,
}

impl<F: Send> Write for Buffered<F> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<F: FnOnce(&str, Vec<u8>) -> std::io::Result<()> + Send> OpenFile for Buffered<F> {
    fn close(self: Box<Self>) -> std::io::Result<()> {
        (self.put)(&self.path, self.bytes)
    }
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

    fn create<'s>(&'s self, _: &str) -> std::io::Result<Box<dyn OpenFile + 's>> {
        Ok(Box::new(std::io::sink()))
    }
}

impl OpenFile for std::io::Sink {
    fn close(self: Box<Self>) -> std::io::Result<()> {
        Ok(())
    }
}
