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

/// CPU-thread time spent per template and step (filling the context,
/// rendering), summed over every page, when timings are on: which template
/// a large build spends its time in. Printed by [`report_tally`].
pub fn tally<T>(template: &str, step: &'static str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let started = Instant::now();
    let out = f();
    let spent = started.elapsed();
    let mut sums = tallies().lock().unwrap_or_else(|e| e.into_inner());
    let entry = sums
        .entry((template.to_string(), step))
        .or_insert((std::time::Duration::ZERO, 0));
    entry.0 += spent;
    entry.1 += 1;
    out
}

type Tallies = std::sync::Mutex<
    std::collections::BTreeMap<(String, &'static str), (std::time::Duration, u64)>,
>;

fn tallies() -> &'static Tallies {
    static SUMS: OnceLock<Tallies> = OnceLock::new();
    SUMS.get_or_init(Tallies::default)
}

/// Prints and clears the per-template sums, largest first.
pub fn report_tally(label: &str) {
    if !enabled() {
        return;
    }
    let sums = std::mem::take(&mut *tallies().lock().unwrap_or_else(|e| e.into_inner()));
    let mut rows: Vec<_> = sums.into_iter().collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1 .0));
    for ((template, step), (spent, pages)) in rows {
        eprintln!(
            "timing: {label:<9} {template:<20} {step:<8} {:>9.1} ms over {pages:>6} pages",
            spent.as_secs_f64() * 1e3
        );
    }
}
