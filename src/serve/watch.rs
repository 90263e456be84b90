//! Watching the site folder: only the folders a build reads, debounced so
//! that one save (often several file events) gives one rebuild.

use super::ServeError;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Folders of a site folder that a build reads.
pub const WATCHED: [&str; 4] = ["content", "themes", "templates", "static"];

/// One save is often several events (write, chmod, rename); wait this long
/// for the folder to go quiet before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// How much of a build a change invalidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Templates or static files: the checked content is still good.
    Theme,
    /// Content records: everything.
    Content,
}

/// One debounced batch of relevant changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub scope: Scope,
    /// Changed paths relative to the site folder, `/`-separated, sorted.
    pub paths: Vec<String>,
}

impl Change {
    /// A short account for the terminal: the first few paths.
    pub fn describe(&self) -> String {
        const SHOWN: usize = 3;
        let mut s = self
            .paths
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if self.paths.len() > SHOWN {
            s.push_str(&format!(" and {} more", self.paths.len() - SHOWN));
        }
        s
    }
}

pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    rx: Receiver<notify::Result<Event>>,
}

impl Watch {
    /// Starts watching the folders of `root` (which must be canonical, as
    /// event paths are compared with it).
    pub fn start(root: &Path) -> Result<Watch, ServeError> {
        let (tx, rx) = mpsc::channel();
        let watcher = notify::recommended_watcher(tx).map_err(|source| ServeError::Watch {
            path: root.to_path_buf(),
            source,
        })?;
        let mut w = Watch {
            root: root.to_path_buf(),
            watcher,
            rx,
        };
        // The root itself, not recursively: to notice a watched folder that is
        // created (or replaced) later, without watching public/ or target/.
        w.add(root, RecursiveMode::NonRecursive)?;
        for dir in WATCHED {
            w.add_if_dir(&root.join(dir))?;
        }
        Ok(w)
    }

    fn add(&mut self, path: &Path, mode: RecursiveMode) -> Result<(), ServeError> {
        self.watcher
            .watch(path, mode)
            .map_err(|source| ServeError::Watch {
                path: path.to_path_buf(),
                source,
            })
    }

    fn add_if_dir(&mut self, dir: &Path) -> Result<(), ServeError> {
        if dir.is_dir() {
            self.add(dir, RecursiveMode::Recursive)?;
        }
        Ok(())
    }

    /// Blocks until a batch of changes that matters; `None` when the watcher
    /// has stopped.
    pub fn next(&mut self) -> Option<Change> {
        loop {
            let paths = self.next_batch()?;
            self.rewatch_replaced_folders(&paths);
            if let Some(change) = classify(&self.root, &paths) {
                return Some(change);
            }
        }
    }

    /// The paths of the events up to the next quiet moment.
    fn next_batch(&self) -> Option<Vec<PathBuf>> {
        let mut events = vec![self.rx.recv().ok()?];
        loop {
            match self.rx.recv_timeout(DEBOUNCE) {
                Ok(e) => events.push(e),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        let mut paths = Vec::new();
        for e in events {
            match e {
                Ok(e) if is_change(&e.kind) => paths.extend(e.paths),
                Ok(_) => {}
                Err(e) => eprintln!(
                    "{}",
                    crate::messages::Msg::ServeWatchError {
                        detail: e.to_string().into()
                    }
                ),
            }
        }
        Some(paths)
    }

    fn rewatch_replaced_folders(&mut self, paths: &[PathBuf]) {
        for p in paths {
            if WATCHED.iter().any(|d| *p == self.root.join(d)) {
                if let Err(e) = self.add_if_dir(p) {
                    eprintln!(
                        "{}",
                        crate::messages::Msg::CliWarning {
                            detail: e.to_string().into()
                        }
                    );
                }
            }
        }
    }
}

/// Whether an event can change what a build reads. Reading files (which
/// every build does) is not, or each build would trigger the next.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(notify::event::AccessKind::Close(notify::event::AccessMode::Write)) => {
            true
        }
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The relevant part of a batch of changed paths, if any.
pub fn classify(root: &Path, paths: &[PathBuf]) -> Option<Change> {
    let mut scope = None;
    let mut rel = BTreeSet::new();
    for p in paths {
        let Some((s, r)) = relevant(root, p) else {
            continue;
        };
        scope = scope.max(Some(s));
        rel.insert(r);
    }
    Some(Change {
        scope: scope?,
        paths: rel.into_iter().collect(),
    })
}

fn relevant(root: &Path, path: &Path) -> Option<(Scope, String)> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let top = parts.first()?;
    if !WATCHED.contains(&top.as_str()) || parts.iter().any(|p| is_scratch(p)) {
        return None;
    }
    let scope = if top == "content" {
        Scope::Content
    } else {
        Scope::Theme
    };
    Some((scope, parts.join("/")))
}

/// Editor backups, swap and lock files, which no build reads.
pub fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".crdownload"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(paths: &[&str]) -> Option<Change> {
        let root = Path::new("/site");
        let paths: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        classify(root, &paths)
    }

    #[test]
    fn content_changes_need_everything_rebuilt() {
        let c = change(&["themes/default/templates/base.html", "content/site.toml"]).unwrap();
        assert_eq!(c.scope, Scope::Content);
        assert_eq!(
            c.paths,
            ["content/site.toml", "themes/default/templates/base.html"]
        );
    }

    #[test]
    fn theme_changes_keep_the_checked_content() {
        let c = change(&["static/css/x.css", "templates/base.html"]).unwrap();
        assert_eq!(c.scope, Scope::Theme);
    }

    #[test]
    fn other_files_and_editor_scratch_are_ignored() {
        assert_eq!(change(&["public/citizen/index.html", "Cargo.toml"]), None);
        for scratch in [
            "content/.a.toml.swp",
            "content/a.toml~",
            "content/#a.toml#",
            "content/4913",
            "content/.git/index",
            "templates/x.html.tmp",
        ] {
            assert_eq!(change(&[scratch]), None, "{scratch}");
        }
    }

    #[test]
    fn reading_files_is_not_a_change() {
        use notify::event::{AccessKind, AccessMode, ModifyKind};
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Any)));
    }

    #[test]
    fn a_long_batch_is_summed_up() {
        let c = change(&[
            "content/a.toml",
            "content/b.toml",
            "content/c.toml",
            "content/d.toml",
        ])
        .unwrap();
        assert_eq!(
            c.describe(),
            "content/a.toml, content/b.toml, content/c.toml and 1 more"
        );
    }
}
