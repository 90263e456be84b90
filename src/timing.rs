//! Stage timings for profiling large builds (perf is not always at hand):
//! with `TSUNAGU_TIMINGS=1` each timed stage prints its wall time and the
//! process CPU time it used to stderr. On a busy machine wall time is mostly
//! waiting; with `RAYON_NUM_THREADS=1` stages run one at a time and the CPU
//! column is a profile. Unset, a stage costs one cached lookup.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("TSUNAGU_TIMINGS").is_some_and(|v| v != "0"))
}

/// Runs `f`, printing how long it took when timings are on.
pub fn stage<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let started = Instant::now();
    let cpu = cpu_ms();
    let out = f();
    eprintln!(
        "timing: {name:<34} wall {:>9.1} ms  cpu {:>7} ms",
        started.elapsed().as_secs_f64() * 1e3,
        cpu_ms().saturating_sub(cpu)
    );
    out
}

/// User + system CPU time of the whole process so far, in ms (10 ms steps;
/// 0 where /proc is missing).
fn cpu_ms() -> u64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0;
    };
    // Fields after the command name, which is in parentheses and may hold
    // spaces: utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    ticks * 10
}
