//! The swap itself. On Linux, `renameat2(RENAME_EXCHANGE)` exchanges the new
//! and the old folder in one step, so there is no moment without an output
//! folder. Elsewhere (or on file systems without it) two renames are used,
//! which leave a brief window with no output but never a mixed one.

use super::{crash, io, sync_dir, OutputError};
use std::fs;
use std::path::Path;

/// Moves `staging` to `out`; the old output becomes `previous`, which the
/// caller has already cleared.
pub fn into_place(staging: &Path, out: &Path, previous: &Path) -> Result<(), OutputError> {
    if !out.exists() {
        fs::rename(staging, out).map_err(io(out))?;
        sync_parent(out);
        return Ok(());
    }
    crash::point("swap");
    if exchange(staging, out) {
        crash::point("swap");
        // `staging` now holds the old output.
        fs::rename(staging, previous).map_err(io(previous))?;
    } else {
        fs::rename(out, previous).map_err(io(previous))?;
        fs::rename(staging, out).map_err(io(out))?;
    }
    crash::point("swap");
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
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}
