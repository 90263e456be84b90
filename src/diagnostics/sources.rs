use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The text of the files read, kept so that diagnostics can quote it. A
/// build or check keeps only the files its diagnostics name once the
/// data-quality report has its line numbers (`pipeline::report_then_forget`).
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: BTreeMap<PathBuf, String>,
}

impl Sources {
    pub fn insert(&mut self, path: PathBuf, text: String) {
        self.files.insert(path, text);
    }

    /// Moves every text of `other` in.
    pub fn append(&mut self, other: Sources) {
        // One by one: `BTreeMap::append` rebuilds the whole map each call.
        self.files.extend(other.files);
    }

    /// Takes the text of `path` out.
    pub fn take(&mut self, path: &Path) -> Option<String> {
        self.files.remove(path)
    }

    /// Keeps the texts of the paths `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&Path) -> bool) {
        self.files.retain(|path, _| keep(path));
    }

    pub fn get(&self, path: &Path) -> Option<&str> {
        self.files.get(path).map(String::as_str)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, path: &Path, offset: usize) -> Option<(usize, usize)> {
        let text = self.get(path)?;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        // A byte order mark is invisible: it is not a column.
        let col = text[line_start..offset]
            .chars()
            .filter(|&c| c != '\u{feff}')
            .count()
            + 1;
        Some((line, col))
    }
}

pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
