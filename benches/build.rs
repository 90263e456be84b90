//! Build benchmark: the sample site and a generated 1,000-agency site go
//! through the whole pipeline in one run, so figures can be read as ratios
//! against the sample (the baseline) on the same machine at the same time.
//!
//!     cargo bench --bench build
//!
//! Prints per-stage times (median of several runs), output sizes, the search
//! index size raw and gzipped, and peak memory.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tsunagu::pipeline;

const RUNS: usize = 5;

fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let big = tmp.path().join("big");
    tsunagu_synth::generate(&big, &tsunagu_synth::Options::new(1000)).expect("generate");

    let sample = measure(
        "sample (Okayama)",
        &repo,
        &tmp.path().join("out-sample"),
        today,
    );
    let large = measure(
        "generated 1,000 agencies",
        &big,
        &tmp.path().join("out-big"),
        today,
    );
    println!();
    println!(
        "ratio 1,000-agency / sample: build {:.1}x, citizen index {:.1}x (gzip {:.1}x)",
        large.total.as_secs_f64() / sample.total.as_secs_f64(),
        large.index_raw as f64 / sample.index_raw as f64,
        large.index_gz as f64 / sample.index_gz as f64
    );
    println!("peak memory (whole run): {} MiB", peak_rss_kib() / 1024);
}

struct Figures {
    total: Duration,
    index_raw: usize,
    index_gz: usize,
}

fn measure(name: &str, root: &Path, out: &Path, today: chrono::NaiveDate) -> Figures {
    let mut check = Vec::new();
    let mut render = Vec::new();
    let mut total = Vec::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        let checked = pipeline::check(root, today);
        assert!(checked.content.is_some(), "benchmark content is valid");
        let t1 = Instant::now();
        let t2 = Instant::now();
        pipeline::build(root, out, today).expect("build");
        let t3 = Instant::now();
        check.push(t1 - t0);
        render.push(t2 - t1);
        total.push(t3 - t0);
    }
    let citizen = out.join("citizen");
    // The sharded search index: manifest, term and name shards vs display chunks,
    // each group concatenated (a query loads only a few of these files).
    let search_bytes = |dirs: &[&str]| -> Vec<u8> {
        let mut out = Vec::new();
        for entry in walkdir::WalkDir::new(citizen.join("search"))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let rel = entry
                .path()
                .strip_prefix(citizen.join("search"))
                .expect("inside");
            let first = rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().to_string());
            if first.is_some_and(|f| dirs.contains(&f.as_str())) {
                out.extend(std::fs::read(entry.path()).expect("search file"));
            }
        }
        out
    };
    let index = search_bytes(&["manifest.js", "t", "x"]);
    let display = search_bytes(&["d"]);
    let pages = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    let f = Figures {
        total: median(&mut total),
        index_raw: index.len(),
        index_gz: gzip_len(&index),
    };
    println!("{name}: {pages} pages (both sites)");
    println!(
        "  load+validate {:>8.1?}  render {:>8.1?}  total {:>8.1?}  (median of {RUNS})",
        median(&mut check),
        median(&mut render),
        f.total
    );
    println!(
        "  citizen search: manifest + term/name shards {} KiB raw, {} KiB gzip; display chunks {} KiB raw, {} KiB gzip (all files)",
        f.index_raw / 1024,
        f.index_gz / 1024,
        display.len() / 1024,
        gzip_len(&display) / 1024
    );
    f
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0)
}
