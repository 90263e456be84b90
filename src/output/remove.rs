//! Deleting a folder tsunagu wrote, marker last, so that a build killed half
//! way through a deletion leaves a folder the next build still recognises.

use super::{io, OutputError, MARKER};
use rayon::prelude::*;
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

/// Whether a build may stage into `dir` as it is: it holds nothing but the
/// marker and the trees, and no symbolic link anywhere (writing through a
/// link to a folder could reach the live output, or anything else).
pub fn fit_to_stage_into(dir: &Path, trees: &[&str]) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let top_ok = entries.filter_map(Result::ok).all(|e| {
        let name = e.file_name();
        match e.file_type() {
            Ok(t) if t.is_dir() => trees.iter().any(|t| name == **t),
            Ok(t) if t.is_file() => name == MARKER,
            _ => false,
        }
    });
    let is_dir = fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir());
    is_dir
        && top_ok
        && walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .all(|e| e.is_ok_and(|e| !e.path_is_symlink()))
}

/// Removes `dir` and everything in it; the marker goes last.
pub fn remove_tree(dir: &Path) -> Result<(), OutputError> {
    remove_tree_at(dir, "")
}

/// [`remove_tree`], passing crash point `step` after each entry.
pub fn remove_tree_at(dir: &Path, step: &str) -> Result<(), OutputError> {
    let marker = dir.join(MARKER);
    remove_contents(dir, step, SIDE_BY_SIDE, Some(&marker))?;
    if marker.exists() {
        fs::remove_file(&marker).map_err(io(&marker))?;
    }
    fs::remove_dir(dir).map_err(io(dir))
}

/// How many folder levels are emptied side by side: the two trees and
/// their folders (each site's `agencies/` holds one file per agency).
/// Unlinking a 100,000-agency build one file after the other took 3–4 s at
/// the end of every build; different folders do not wait on each other.
const SIDE_BY_SIDE: usize = 2;

/// Removes everything in `dir` but `keep`; the entries of the first `depth`
/// levels on all cores, each deeper folder contents first on one.
fn remove_contents(
    dir: &Path,
    step: &str,
    depth: usize,
    keep: Option<&Path>,
) -> Result<(), OutputError> {
    if depth == 0 {
        for entry in walkdir::WalkDir::new(dir).min_depth(1).contents_first(true) {
            let entry = entry.map_err(|e| io(dir)(e.into()))?;
            remove_entry(entry.path(), entry.file_type().is_dir(), step)?;
        }
        return Ok(());
    }
    let entries = fs::read_dir(dir)
        .and_then(|list| list.collect::<Result<Vec<_>, _>>())
        .map_err(io(dir))?;
    entries.par_iter().try_for_each(|e| {
        let path = e.path();
        if Some(path.as_path()) == keep {
            return Ok(());
        }
        let is_dir = e.file_type().map_err(io(&path))?.is_dir();
        if is_dir {
            remove_contents(&path, step, depth - 1, None)?;
        }
        remove_entry(&path, is_dir, step)
    })
}

fn remove_entry(path: &Path, is_dir: bool, step: &str) -> Result<(), OutputError> {
    if is_dir {
        fs::remove_dir(path).map_err(io(path))?;
    } else {
        fs::remove_file(path).map_err(io(path))?;
    }
    super::crash::point(step);
    Ok(())
}
