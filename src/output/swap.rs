//! The swap itself. On Linux, `renameat2(RENAME_EXCHANGE)` exchanges the new
//! and the old folder in one step, so there is no moment without an output
//! folder. Elsewhere (or on file systems without it) two renames are used,
//! which leave a brief window with no output but never a mixed one.

use super::{io, sync_dir, OutputError};
use std::fs;
use std::path::Path;

pub fn into_place(staging: &Path, out: &Path, previous: &Path) -> Result<(), OutputError> {
    if !out.exists() {
        fs::rename(staging, out).map_err(io(out))?;
        sync_parent(out);
        return Ok(());
    }
    if previous.exists() {
        if !previous.join(super::MARKER).is_file() {
            return Err(super::OutputError::NotOurs(previous.to_path_buf()));
        }
        fs::remove_dir_all(previous).map_err(io(previous))?;
    }
    if exchange(staging, out) {
        // `staging` now holds the old output.
        fs::rename(staging, previous).map_err(io(previous))?;
    } else {
        fs::rename(out, previous).map_err(io(previous))?;
        fs::rename(staging, out).map_err(io(out))?;
    }
    sync_parent(out);
    Ok(())
}

fn sync_parent(p: &Path) {
    if let Some(parent) = p.parent() {
        sync_dir(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        });
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both pointers are valid NUL-terminated strings for the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}
