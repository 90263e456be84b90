//! The second step of each build (the search index, the open data and a
//! large plan's per-topic files) in the background. At 10,000 agencies it
//! takes seconds; a webmaster who saves again meanwhile should not wait
//! for it, so the next save cancels it and the pages come first again.

use super::rebuild;
use super::state::State;
use crate::pipeline::preview::Later;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Threads for the second step, one per core like the pages' own, but at a
/// lower priority: a rebuild of the pages runs first when both want a core.
pub struct Background {
    pool: Option<Arc<rayon::ThreadPool>>,
}

/// A second step under way.
pub struct Running {
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<()>,
}

impl Background {
    pub fn new() -> Self {
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("tsunagu-later-{i}"))
            .start_handler(|_| lower_priority())
            .build()
            .ok()
            .map(Arc::new);
        Background { pool }
    }

    /// Makes `later` on the background threads once `before` (cancelled by
    /// now) has ended, and serves its files when done, unless cancelled
    /// first. The caller goes back to watching at once.
    pub fn start(
        &self,
        later: Later,
        before: Option<Running>,
        state: Arc<State>,
        root: PathBuf,
    ) -> Running {
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let pool = self.pool.clone();
        let handle = std::thread::spawn(move || {
            // It ends at its next part at the latest; its files, if they
            // were served, are what this step must differ from.
            if let Some(before) = before {
                let _ = before.handle.join();
            }
            let made = match &pool {
                Some(pool) => pool.install(|| later.run(&flag)),
                // Without a pool of its own the step shares the pages'.
                None => later.run(&flag),
            };
            match made {
                Some(Ok(made)) => {
                    if state.refresh_unless(&flag, made.patch) {
                        made.prints.keep();
                    }
                }
                // A step about to be dropped has nothing to report.
                Some(Err(e)) if !flag.load(Ordering::SeqCst) => {
                    state.fail_unless(&flag, rebuild::later_failure(&e, &root));
                }
                Some(Err(_)) | None => {}
            }
        });
        Running { cancel, handle }
    }
}

impl Running {
    /// Starts no further part of the step, and keeps its files from being
    /// served if they are not yet.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }
}

/// On Linux a thread has a priority of its own; this lowers the calling
/// thread's. Where it cannot, the step runs at the same priority.
fn lower_priority() {
    let _ = rustix::process::setpriority_process(None, 10);
}
