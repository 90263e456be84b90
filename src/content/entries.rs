//! What a name in the content folder is before it is read. Anything that is
//! not a plain file inside the site folder is reported by name instead of
//! being skipped in silence or followed somewhere else: a symlink that leaves
//! the site could publish a file from anywhere on the machine (and its
//! first line would be echoed in a syntax error), a FIFO would block the
//! build forever, and a folder named `x.toml` is a record that never loads.

use crate::diagnostics::{Code, Diagnostic, Msg};
use std::fs;
use std::path::{Path, PathBuf};

/// A name that may be read: the path itself, or where its symlink leads
/// when that stays inside the site folder.
pub type Readable = PathBuf;

/// Checks `path` (found in the content folder below `site`) before it is
/// read; the diagnostic says why it is not read.
pub fn readable(site: &Path, path: &Path) -> Result<Readable, Box<Diagnostic>> {
    let meta = fs::symlink_metadata(path).map_err(|e| {
        Box::new(
            Diagnostic::error(
                Code::Unreadable,
                path,
                Msg::CannotRead {
                    error: e.to_string().into(),
                },
            )
            .help(Msg::HelpCheckReadable {}),
        )
    })?;
    if meta.file_type().is_symlink() {
        return through_link(site, path);
    }
    kind_of(path, &meta.file_type()).map(|()| path.to_path_buf())
}

fn through_link(site: &Path, path: &Path) -> Result<Readable, Box<Diagnostic>> {
    let outside = || {
        Box::new(
            Diagnostic::error(Code::LinkOutsideSite, path, Msg::LinkOutsideSite {})
                .help(Msg::HelpCopyIntoSite {}),
        )
    };
    let (Ok(target), Ok(site)) = (fs::canonicalize(path), fs::canonicalize(site)) else {
        return Err(outside());
    };
    if !target.starts_with(&site) {
        return Err(outside());
    }
    let meta = fs::metadata(&target).map_err(|_| outside())?;
    if meta.is_dir() {
        return Err(Box::new(
            Diagnostic::error(Code::NotAFile, path, Msg::LinkToFolder {})
                .help(Msg::HelpMoveRecordsHere {}),
        ));
    }
    kind_of(path, &meta.file_type()).map(|()| target)
}

fn kind_of(path: &Path, t: &fs::FileType) -> Result<(), Box<Diagnostic>> {
    if t.is_file() {
        return Ok(());
    }
    let (what, help) = if t.is_dir() {
        (Msg::IsAFolder {}, Msg::HelpRecordsAreFiles {})
    } else {
        (Msg::NotRegularFile {}, Msg::HelpRemoveNotRegular {})
    };
    Err(Box::new(
        Diagnostic::error(Code::NotAFile, path, what).help(help),
    ))
}
