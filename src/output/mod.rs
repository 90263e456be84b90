//! Writing the output so that a failed or interrupted build never damages
//! the last good one: everything is written into a staging folder next to the
//! output, then swapped into place with one atomic rename. The previous
//! output is kept as `.<out>.previous` for one rollback, until the next
//! build stages into it: its files whose bytes are still right are kept,
//! the others replaced, and what this build does not write is pruned.
//!
//! Two guards keep this from destroying anything else: the output folder is
//! only ever replaced when it carries the [`MARKER`] file a build writes (or
//! is empty), and builds into the same output take turns through a lock file.
//! The two folders tsunagu names itself (staging, previous) are also
//! recognised in any state a killed build can leave them in, so a kill never
//! blocks the next build.

pub mod crash;
mod remove;
mod swap;

use crate::render::{Files, OpenFile};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{}", self.msg())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.msg())]
    NoParent(PathBuf),
    #[error("{}", self.msg())]
    NotOurs(PathBuf),
}

impl OutputError {
    fn msg(&self) -> crate::messages::Msg {
        use crate::messages::Msg;
        match self {
            OutputError::Io { path, source } => Msg::ErrWrite {
                path: path.display().into(),
                detail: source.to_string().into(),
            },
            OutputError::NoParent(p) => Msg::ErrNoParent {
                path: p.display().into(),
            },
            OutputError::NotOurs(p) => Msg::ErrNotOurs {
                path: p.display().into(),
                marker: MARKER.into(),
            },
        }
    }
}

/// Written into every output; its presence is what allows a later build to
/// replace (and eventually delete) a folder.
pub const MARKER: &str = ".tsunagu-output";

/// Whether `dir` may be replaced: absent, empty, or written by tsunagu.
fn is_ours(dir: &Path) -> bool {
    !dir.exists()
        || dir.join(MARKER).is_file()
        || fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The trees to write, by folder name under the output (`citizen`, `staff`).
pub type Trees = Vec<(&'static str, Files)>;

pub fn staging_path(out: &Path) -> Result<PathBuf, OutputError> {
    sibling(out, "staging")
}

pub fn previous_path(out: &Path) -> Result<PathBuf, OutputError> {
    sibling(out, "previous")
}

fn sibling(out: &Path, suffix: &str) -> Result<PathBuf, OutputError> {
    let name = out
        .file_name()
        .ok_or_else(|| OutputError::NoParent(out.to_path_buf()))?
        .to_string_lossy();
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(".{name}.{suffix}")))
}

/// Lets `render` write the trees `names` into the staging folder, one
/// [`TreeSink`] per tree in the order of `names`, then swaps the result into
/// `out` atomically. When `render` fails, the staging folder is removed and
/// `out` is left as it was.
pub fn stream_atomically<T, E: From<OutputError>, const N: usize>(
    out: &Path,
    names: &[&'static str; N],
    render: impl FnOnce(&[TreeSink; N]) -> Result<T, E>,
) -> Result<T, E> {
    if !is_ours(out) {
        return Err(OutputError::NotOurs(out.to_path_buf()).into());
    }
    let _turn = lock(out)?;
    let staging = staging_path(out)?;
    let recycled = recycle(&staging, &previous_path(out)?, names)?;
    let result = stage_and_swap(&staging, out, names, recycled, render);
    if result.is_err() && staging.exists() {
        // The staging tree holds the staff site; a failed build must not
        // leave a copy of it lying next to the output.
        let _ = remove::remove_tree(&staging);
    }
    result
}

/// The folder to stage into, and whether it holds an older tree: what a
/// killed build left, else the previous copy, renamed. Deleting the
/// previous copy and writing or linking every file anew cost a sixth of a
/// rebuild's time (unlinking, and allocating inodes), though most files of
/// a rebuild are unchanged.
///
/// A folder holding anything but the marker and the trees, or a symbolic
/// link anywhere, is not staged into: a left staging folder is deleted as
/// before (or refused when it is not ours), and such a previous copy is
/// left for the swap, which deletes it (not following links) or refuses.
fn recycle(staging: &Path, previous: &Path, trees: &[&str]) -> Result<bool, OutputError> {
    if fs::symlink_metadata(staging).is_ok() {
        if remove::left_by_a_build(staging, trees) && remove::fit_to_stage_into(staging, trees) {
            return Ok(true);
        }
        clear_own_folder(staging, trees, "")?;
    }
    if remove::left_by_a_build(previous, trees) && remove::fit_to_stage_into(previous, trees) {
        crash::point("recycle");
        fs::rename(previous, staging).map_err(io(previous))?;
        return Ok(true);
    }
    Ok(false)
}

fn stage_and_swap<T, E: From<OutputError>, const N: usize>(
    staging: &Path,
    out: &Path,
    names: &[&'static str; N],
    recycled: bool,
    render: impl FnOnce(&[TreeSink; N]) -> Result<T, E>,
) -> Result<T, E> {
    fs::create_dir_all(staging).map_err(io(staging))?;
    let sinks = names.map(|name| {
        let mut sink = TreeSink::new(staging.join(name), Some(out.join(name)));
        sink.recycled = recycled;
        sink
    });
    let rendered = render(&sinks)?;
    for sink in &sinks {
        sink.prune()?;
    }
    // Written anew: a recycled folder's marker is its own file, but a new
    // one is certain to be.
    let marker = staging.join(MARKER);
    clear(&marker).map_err(io(&marker))?;
    fs::write(
        &marker,
        b"Written by tsunagu build; replaced by the next build.\n",
    )
    .map_err(io(staging))?;
    // Data must be on disk before the rename makes it live, or a crash could
    // publish empty files.
    crate::timing::stage("sync", || sync_all(staging))?;
    let previous = previous_path(out)?;
    if out.exists() {
        crate::timing::stage("delete previous", || {
            clear_own_folder(&previous, names, "delete-previous")
        })?;
    }
    swap::into_place(staging, out, &previous)?;
    Ok(rendered)
}

/// Writes the files of one tree into its staging folder as they are
/// rendered; safe to use from several threads.
pub struct TreeSink {
    dir: PathBuf,
    /// The same tree as last built: a file whose bytes are unchanged is
    /// linked from there instead of written. Creating tens of thousands of
    /// new files (inodes) cost a quarter of a large build's time, and most
    /// files of a rebuild are unchanged. Output files are never written in
    /// place, so sharing them with the previous build is safe.
    last: Option<PathBuf>,
    /// The folder holds an older tree: a file whose bytes are right is
    /// kept, and [`TreeSink::prune`] deletes what this build did not write.
    recycled: bool,
    /// The files written (keys of their paths), for the pruning.
    written: std::sync::Mutex<std::collections::HashSet<u128>>,
    /// Folders already created, so each is made once, not once per file.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl TreeSink {
    fn new(dir: PathBuf, last: Option<PathBuf>) -> Self {
        TreeSink {
            dir,
            last,
            recycled: false,
            written: Default::default(),
            made: Default::default(),
        }
    }

    /// Deletes what an older tree left here that this build did not write,
    /// and the folders that leaves empty.
    fn prune(&self) -> Result<(), OutputError> {
        if !self.recycled || !self.dir.exists() {
            return Ok(());
        }
        let written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        let walk = walkdir::WalkDir::new(&self.dir)
            .min_depth(1)
            .contents_first(true);
        for entry in walk {
            let entry = entry.map_err(|e| io(&self.dir)(e.into()))?;
            let path = entry.path();
            let stale = if entry.file_type().is_dir() {
                fs::read_dir(path).is_ok_and(|mut e| e.next().is_none())
            } else {
                let rel = path.strip_prefix(&self.dir).unwrap_or(path);
                !written.contains(&path_key(rel))
            };
            if stale {
                clear(path).map_err(io(path))?;
                crash::point("prune");
            }
        }
        Ok(())
    }

    fn note_written(&self, rel: &str) {
        let key = path_key(Path::new(rel));
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        written.insert(key);
    }

    /// The file's path in the staging folder, its folder made.
    fn place(&self, rel: &str) -> Result<PathBuf, OutputError> {
        let path = self.dir.join(rel);
        // Only plain names: the pruning matches the paths on disk by them,
        // and nothing may be written outside the tree.
        let plain = Path::new(rel)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            let e = std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a plain path");
            return Err(io(&path)(e));
        }
        if let Some(parent) = path.parent() {
            // The lock is held while the folder is made: another thread
            // writing into the same folder must not find it listed here
            // before it exists.
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            if !made.contains(parent) {
                if fs::create_dir_all(parent).is_err() && self.recycled {
                    // The older tree had a file where this one has a folder.
                    self.clear_files_above(parent)?;
                }
                fs::create_dir_all(parent).map_err(io(parent))?;
                made.insert(parent.to_path_buf());
            }
        }
        Ok(path)
    }

    /// Removes the files among `folder` and the folders above it (up to
    /// this tree's own), so that `folder` can be made.
    fn clear_files_above(&self, folder: &Path) -> Result<(), OutputError> {
        let mut at = folder;
        while at.starts_with(&self.dir) && at != self.dir {
            if fs::symlink_metadata(at).is_ok_and(|m| !m.is_dir()) {
                clear(at).map_err(io(at))?;
            }
            at = at.parent().unwrap_or(&self.dir);
        }
        Ok(())
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.place(rel)?;
        self.note_written(rel);
        if self.recycled && same_bytes(&path, bytes) {
            crash::point("write");
            return Ok(());
        }
        if let Some(last) = self.last.as_ref().map(|l| l.join(rel)) {
            if same_bytes(&last, bytes) {
                clear(&path).map_err(io(&path))?;
                if fs::hard_link(&last, &path).is_ok() {
                    crash::point("write");
                    return Ok(());
                }
            }
        }
        let mut f = new_file(&path).map_err(io(&path))?;
        f.write_all(bytes).map_err(io(&path))?;
        crash::point("write");
        Ok(())
    }
}

/// Whether the file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    let same_size =
        fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    same_size && fs::read(path).is_ok_and(|old| old == bytes)
}

impl crate::render::Sink for TreeSink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.write(path, &bytes).map_err(into_io)
    }

    /// Written straight into the staging folder, never linked from the last
    /// build: these files are never held whole to compare.
    fn create<'s>(&'s self, rel: &str) -> std::io::Result<Box<dyn OpenFile + 's>> {
        let path = self.place(rel).map_err(into_io)?;
        self.note_written(rel);
        let file = new_file(&path)?;
        Ok(Box::new(std::io::BufWriter::with_capacity(1 << 16, file)))
    }
}

/// Creates the file at `path` as a new inode. A file already there (the
/// same path handed over twice) may be a hard link into the live tree:
/// truncating it would change the published site, so it is unlinked first.
fn new_file(path: &Path) -> std::io::Result<fs::File> {
    let create = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    match create() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            clear(path)?;
            create()
        }
        other => other,
    }
}

/// Removes whatever is at `path` (a file, a link, a folder); nothing there
/// is fine.
fn clear(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// A file's path inside its tree as a key: by components, so `a//b` and
/// `a/b` are one file, as they are on disk.
fn path_key(rel: &Path) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    for c in rel.components() {
        h.update(c.as_os_str().as_encoded_bytes());
        h.update(&[0]);
    }
    h.digest128()
}

fn into_io(e: OutputError) -> std::io::Error {
    match e {
        OutputError::Io { source, .. } => source,
        other => std::io::Error::other(other.to_string()),
    }
}

/// A streamed file of the staging folder.
impl OpenFile for std::io::BufWriter<fs::File> {
    fn close(mut self: Box<Self>) -> std::io::Result<()> {
        self.flush()?;
        crash::point("write");
        Ok(())
    }
}

/// Deletes `dir` (staging or previous) if a build left it; refuses a folder
/// that holds anything a build would not have written.
fn clear_own_folder(dir: &Path, trees: &[&str], step: &str) -> Result<(), OutputError> {
    if !dir.exists() {
        return Ok(());
    }
    if !remove::left_by_a_build(dir, trees) {
        return Err(OutputError::NotOurs(dir.to_path_buf()));
    }
    remove::remove_tree_at(dir, step)
}

/// Two builds into one output (a git hook and a manual build) would share
/// the staging folder; the second waits for the first instead.
fn lock(out: &Path) -> Result<fs::File, OutputError> {
    let path = sibling(out, "lock")?;
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io(&path))?;
    file.lock().map_err(io(&path))?;
    Ok(file)
}

/// One `syncfs` for the whole staging folder on Linux: the same guarantee as
/// an fsync per file at a fraction of the cost (the build wrote thousands).
#[cfg(target_os = "linux")]
fn sync_all(staging: &Path) -> Result<(), OutputError> {
    let dir = fs::File::open(staging).map_err(io(staging))?;
    rustix::fs::syncfs(&dir).map_err(|e| io(staging)(e.into()))
}

#[cfg(not(target_os = "linux"))]
fn sync_all(staging: &Path) -> Result<(), OutputError> {
    for entry in walkdir::WalkDir::new(staging).min_depth(1) {
        let entry = entry.map_err(|e| io(staging)(e.into()))?;
        if entry.file_type().is_file() {
            let path = entry.path();
            fs::File::open(path)
                .and_then(|f| f.sync_all())
                .map_err(io(path))?;
        }
    }
    sync_dir(staging);
    Ok(())
}

fn sync_dir(dir: &Path) {
    if let Ok(f) = fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::TreeSink;
    use crate::render::Sink;
    use std::fs;
    use std::io::Write;
    use std::os::unix::fs::MetadataExt;

    /// An older tree in the staging folder had a file where this build
    /// has a folder, and a folder where it has a file: both are replaced,
    /// and what the build did not write is pruned.
    #[test]
    fn a_recycled_folder_gives_way_to_the_new_tree() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let stage = tmp.path().join("stage");
        fs::create_dir_all(stage.join("page.html/old")).expect("folder");
        fs::create_dir_all(stage.join("gone/deeper")).expect("folder");
        fs::write(stage.join("topics"), "a file").expect("write");
        fs::write(stage.join("gone/deeper/x.html"), "old").expect("write");
        fs::write(stage.join("same.html"), "same").expect("write");
        let mut sink = TreeSink::new(stage.clone(), None);
        sink.recycled = true;
        sink.put("page.html", b"page".to_vec()).expect("put");
        sink.put("topics/a.html", b"a".to_vec()).expect("put");
        sink.put("same.html", b"same".to_vec()).expect("put");
        sink.prune().expect("prune");
        let mut found: Vec<String> = walkdir::WalkDir::new(&stage)
            .min_depth(1)
            .into_iter()
            .map(|e| e.expect("entry"))
            .map(|e| {
                e.path()
                    .strip_prefix(&stage)
                    .expect("inside")
                    .display()
                    .to_string()
            })
            .collect();
        found.sort();
        assert_eq!(found, ["page.html", "same.html", "topics", "topics/a.html"]);
        assert_eq!(
            fs::read_to_string(stage.join("page.html")).expect("read"),
            "page"
        );
        assert_eq!(
            fs::read_to_string(stage.join("topics/a.html")).expect("read"),
            "a"
        );
    }

    /// A path handed over twice in one build: the first copy was linked
    /// from the last build, so writing the second through it would change
    /// the published site. It replaces the link instead, whether it is put
    /// whole or streamed.
    #[test]
    fn a_file_handed_over_twice_leaves_the_last_build_alone() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let (last, stage) = (tmp.path().join("last"), tmp.path().join("stage"));
        fs::create_dir_all(&last).expect("last");
        for name in ["put.txt", "streamed.txt"] {
            fs::write(last.join(name), "old").expect("write");
        }
        let sink = TreeSink::new(stage.clone(), Some(last.clone()));
        for name in ["put.txt", "streamed.txt"] {
            sink.put(name, b"old".to_vec()).expect("put");
            let inode = |dir: &std::path::Path| fs::metadata(dir.join(name)).expect("file").ino();
            assert_eq!(inode(&stage), inode(&last), "{name} is not linked");
        }
        sink.put("put.txt", b"new".to_vec()).expect("put again");
        let mut f = sink.create("streamed.txt").expect("create");
        f.write_all(b"new").expect("write");
        f.close().expect("close");
        for name in ["put.txt", "streamed.txt"] {
            assert_eq!(fs::read(last.join(name)).expect("last"), b"old", "{name}");
            assert_eq!(fs::read(stage.join(name)).expect("stage"), b"new", "{name}");
        }
    }
}
