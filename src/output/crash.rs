//! Named crash points, so the tests can prove the claim this module makes:
//! whatever step a build is killed in, the output is the old tree or the new
//! one, and the next build recovers. Random-moment kills rarely land in the
//! short steps (the swap, the deletion of the previous copy); these do.
//!
//! `TSUNAGU_CRASH_AT=<step>:<n>` kills the process with SIGKILL the `n`-th
//! time (from 0) it passes `<step>`. Unset, a point costs one comparison.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The steps every rebuild passes, in order. A build also passes `prune`
/// (a file or folder the older tree had and this build has not) and
/// `delete-previous` (a previous copy left beside a killed build's staging
/// folder) when there is such a thing to delete.
pub const STEPS: [&str; 4] = ["recycle", "render", "write", "swap"];

static TARGET: OnceLock<Option<(String, usize)>> = OnceLock::new();
static PASSED: AtomicUsize = AtomicUsize::new(0);

fn target() -> &'static Option<(String, usize)> {
    TARGET.get_or_init(|| {
        let spec = std::env::var("TSUNAGU_CRASH_AT").ok()?;
        let (step, n) = spec.split_once(':')?;
        Some((step.to_string(), n.parse().ok()?))
    })
}

/// Passes the point `step`; dies here if the test asked for it.
pub fn point(step: &str) {
    let Some((wanted, n)) = target() else {
        return;
    };
    if wanted == step && PASSED.fetch_add(1, Ordering::SeqCst) == *n {
        die();
    }
}

#[cfg(unix)]
fn die() {
    use rustix::process::{getpid, kill_process, Signal};
    let _ = kill_process(getpid(), Signal::KILL);
    std::process::abort();
}

#[cfg(not(unix))]
fn die() {
    std::process::abort();
}
