//! Deleting a folder tsunagu wrote, marker last, so that a build killed half
//! way through a deletion leaves a folder the next build still recognises.

use super::{io, OutputError, MARKER};
use std::fs;
use std::path::Path;

/// Whether `dir` is one of the folders tsunagu names next to the output
/// (staging, previous) in a state a build could have left it: it carries the
/// marker, or it holds nothing but the trees a build writes (a deletion or a
/// write cut short). Anything else in it means a person put it there.
pub fn left_by_a_build(dir: &Path, trees: &[&str]) -> bool {
    if dir.join(MARKER).is_file() {
        return true;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).all(|e| {
        let name = e.file_name();
        e.file_type().is_ok_and(|t| t.is_dir()) && trees.iter().any(|t| name == **t)
    })
}

/// Removes `dir` and everything in it; the marker goes last.
pub fn remove_tree(dir: &Path) -> Result<(), OutputError> {
    remove_tree_at(dir, "")
}

/// [`remove_tree`], passing crash point `step` after each entry.
pub fn remove_tree_at(dir: &Path, step: &str) -> Result<(), OutputError> {
    let marker = dir.join(MARKER);
    for entry in walkdir::WalkDir::new(dir).min_depth(1).contents_first(true) {
        let entry = entry.map_err(|e| io(dir)(e.into()))?;
        let path = entry.path();
        if path == marker {
            continue;
        }
        if entry.file_type().is_dir() {
            fs::remove_dir(path).map_err(io(path))?;
        } else {
            fs::remove_file(path).map_err(io(path))?;
        }
        super::crash::point(step);
    }
    if marker.exists() {
        fs::remove_file(&marker).map_err(io(&marker))?;
    }
    fs::remove_dir(dir).map_err(io(dir))
}
