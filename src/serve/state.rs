//! What the server hands out: the last good build, the overlay while the
//! content is broken, and the open tabs to tell about either.

use super::reload::{Event, Hub};
use crate::pipeline::preview::TreePatch;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

/// The files of one tree as served. The bytes are shared, so that a patch
/// copies the map and not the site.
pub type Tree = BTreeMap<String, Arc<[u8]>>;

/// Both trees, by name.
pub type Served = Vec<(&'static str, Tree)>;

/// `trees` as served.
#[cfg(test)]
pub fn served(trees: crate::output::Trees) -> Served {
    trees
        .into_iter()
        .map(|(name, files)| {
            (
                name,
                files.into_iter().map(|(k, v)| (k, v.into())).collect(),
            )
        })
        .collect()
}

#[derive(Clone)]
pub struct Snapshot {
    /// The last good build; `None` until the first one succeeds.
    pub trees: Option<Arc<Served>>,
    /// Names the build in `trees`, so a tab can tell it missed a rebuild.
    pub version: String,
    /// The overlay HTML while the latest rebuild failed.
    pub overlay: Option<String>,
}

pub struct State {
    snapshot: RwLock<Snapshot>,
    builds: std::sync::atomic::AtomicU64,
    /// Differs between runs of serve, so tabs left open across a restart
    /// reload too.
    run_id: String,
    pub hub: Hub,
}

impl Default for State {
    fn default() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let run_id = format!("{:x}", nanos & 0xffff_ffff_ffff);
        State {
            snapshot: RwLock::new(Snapshot {
                trees: None,
                version: format!("{run_id}-0"),
                overlay: None,
            }),
            builds: Default::default(),
            run_id,
            hub: Hub::default(),
        }
    }
}

impl State {
    pub fn snapshot(&self) -> Snapshot {
        self.read().clone()
    }

    /// Serves the last good build with `patch` applied from now on, and
    /// reloads open tabs.
    pub fn publish(&self, patch: Vec<TreePatch>) {
        let n = self.builds.fetch_add(1, Ordering::SeqCst) + 1;
        {
            let mut s = self.write();
            let trees = patched(&s, patch);
            s.trees = Some(Arc::new(trees));
            s.version = format!("{}-{n}", self.run_id);
            s.overlay = None;
        }
        self.hub.broadcast(&Event::Reload);
    }

    /// Applies `patch` without telling open tabs (files no page shows by
    /// itself: the search index, made after the pages), unless `cancel` is
    /// set; whether it did. The flag
    /// is read under the lock that [`State::publish`] takes: a step that
    /// is cancelled before a newer build is published never lands after it.
    pub fn refresh_unless(&self, cancel: &AtomicBool, patch: Vec<TreePatch>) -> bool {
        let mut s = self.write();
        if cancel.load(Ordering::SeqCst) {
            return false;
        }
        let trees = patched(&s, patch);
        s.trees = Some(Arc::new(trees));
        true
    }

    /// [`State::fail`] unless `cancel` is set, read as in
    /// [`State::refresh_unless`].
    pub fn fail_unless(&self, cancel: &AtomicBool, overlay: String) {
        let mut s = self.write();
        if cancel.load(Ordering::SeqCst) {
            return;
        }
        s.overlay = Some(overlay.clone());
        self.hub.broadcast(&Event::Overlay(overlay));
    }

    /// Keeps the last good build and shows `overlay` on top of it.
    pub fn fail(&self, overlay: String) {
        self.fail_unless(&AtomicBool::new(false), overlay);
    }

    /// The event a tab that loaded build `since` needs first, if any.
    pub fn catch_up(&self, since: Option<&str>) -> Option<Event> {
        let s = self.read();
        if since != Some(s.version.as_str()) {
            Some(Event::Reload)
        } else {
            s.overlay.clone().map(Event::Overlay)
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Snapshot> {
        self.snapshot.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Snapshot> {
        self.snapshot.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// The trees of `s` with `patch` applied; the caller holds the write lock,
/// so nothing can come between reading and writing them.
fn patched(s: &Snapshot, patch: Vec<TreePatch>) -> Served {
    let mut trees: Served = s.trees.as_deref().cloned().unwrap_or_default();
    for p in patch {
        let i = match trees.iter().position(|(name, _)| *name == p.tree) {
            Some(i) => i,
            None => {
                trees.push((p.tree, Tree::new()));
                trees.len() - 1
            }
        };
        let files = &mut trees[i].1;
        for path in p.removed {
            files.remove(&path);
        }
        files.extend(p.changed.into_iter().map(|(k, v)| (k, v.into())));
    }
    trees
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_from_an_older_build_reloads_at_once() {
        let state = State::default();
        state.publish(Vec::new());
        assert!(state.snapshot().trees.is_some());
        let current = state.snapshot().version;
        assert_eq!(state.catch_up(Some("old")), Some(Event::Reload));
        assert_eq!(state.catch_up(None), Some(Event::Reload));
        assert_eq!(state.catch_up(Some(&current)), None);
        state.fail("<div>x</div>".into());
        assert_eq!(
            state.catch_up(Some(&current)),
            Some(Event::Overlay("<div>x</div>".into()))
        );
        assert!(state.snapshot().trees.is_some(), "last good build kept");
    }

    #[test]
    fn patches_change_only_the_files_they_name() {
        let state = State::default();
        let patch = |changed: &[(&str, &str)], removed: &[&str]| {
            vec![TreePatch {
                tree: "citizen",
                changed: changed
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
                    .collect(),
                removed: removed.iter().map(|r| r.to_string()).collect(),
            }]
        };
        state.publish(patch(&[("a.html", "a"), ("b.html", "b")], &[]));
        let before = state.snapshot().version;
        let cancel = AtomicBool::new(false);
        assert!(state.refresh_unless(&cancel, patch(&[("search/x.js", "x")], &[])));
        assert_eq!(state.snapshot().version, before, "no reload for the index");
        cancel.store(true, Ordering::SeqCst);
        assert!(!state.refresh_unless(&cancel, patch(&[("search/x.js", "stale")], &[])));
        state.publish(patch(&[("a.html", "A")], &["b.html"]));
        let snap = state.snapshot();
        let files = &snap.trees.as_ref().unwrap()[0].1;
        let text = |k: &str| {
            files
                .get(k)
                .map(|b| String::from_utf8_lossy(b).into_owned())
        };
        assert_eq!(text("a.html").as_deref(), Some("A"));
        assert_eq!(text("b.html"), None);
        assert_eq!(text("search/x.js").as_deref(), Some("x"));
        assert_ne!(snap.version, before);
    }
}
