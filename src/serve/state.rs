//! What the server hands out: the last good build, the overlay while the
//! content is broken, and the open tabs to tell about either.

use super::reload::{Event, Hub};
use crate::output::Trees;
use std::sync::{Arc, RwLock};

#[derive(Clone)]
pub struct Snapshot {
    /// The last good build; `None` until the first one succeeds.
    pub trees: Option<Arc<Trees>>,
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

    /// Serves `trees` from now on and reloads open tabs.
    pub fn publish(&self, trees: Trees) {
        let n = self
            .builds
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            + 1;
        {
            let mut s = self.write();
            s.trees = Some(Arc::new(trees));
            s.version = format!("{}-{n}", self.run_id);
            s.overlay = None;
        }
        self.hub.broadcast(&Event::Reload);
    }

    /// Keeps the last good build and shows `overlay` on top of it.
    pub fn fail(&self, overlay: String) {
        self.write().overlay = Some(overlay.clone());
        self.hub.broadcast(&Event::Overlay(overlay));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_from_an_older_build_reloads_at_once() {
        let state = State::default();
        state.publish(Vec::new());
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
}
