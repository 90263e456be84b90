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
    generate(&big, 1000, 5);

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
        let content = checked.content.expect("benchmark content is valid");
        let t1 = Instant::now();
        let trees = pipeline::render_trees(root, &content, today).expect("render");
        let t2 = Instant::now();
        tsunagu::output::write_atomically(out, &trees).expect("write");
        let t3 = Instant::now();
        check.push(t1 - t0);
        render.push(t2 - t1);
        total.push(t3 - t0);
    }
    let citizen = out.join("citizen");
    let index = std::fs::read(citizen.join("search/index.js")).expect("index");
    let display = std::fs::read(citizen.join("search/display.js")).expect("display");
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
        "  citizen search/index.js {} KiB raw, {} KiB gzip; display.js {} KiB raw, {} KiB gzip",
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

const TOPICS: [(&str, &str, &str); 12] = [
    ("iryou", "病気・医療", "びょうき・いりょう"),
    ("kokoro", "こころの問題", "こころのもんだい"),
    ("kaigo", "介護", "かいご"),
    ("shougai", "障害", "しょうがい"),
    ("kosodate", "子育て", "こそだて"),
    ("shuunyuu", "収入・仕事", "しゅうにゅう・しごと"),
    (
        "shishutsu",
        "支出・滞納・借金",
        "ししゅつ・たいのう・しゃっきん",
    ),
    ("sumai", "住まい", "すまい"),
    ("dv", "DV・虐待", "でぃーぶい・ぎゃくたい"),
    ("kenri", "権利擁護", "けんりようご"),
    ("kenkou", "健康", "けんこう"),
    ("sonota", "その他", "そのた"),
];

const MATTERS: [&str; 6] = [
    "申請に関する相談",
    "利用に関すること",
    "専門的な相談",
    "困難事例の相談",
    "家族からの相談",
    "手続きの案内",
];

/// A realistic large directory: `n` agencies with `m` matters each.
fn generate(root: &Path, n: usize, m: usize) {
    let content = root.join("content");
    std::fs::create_dir_all(content.join("agencies")).expect("mkdir");
    std::fs::write(content.join("site.toml"), "municipality = \"ベンチ市\"\n[citizen]\ntitle = \"ベンチ市 相談窓口\"\nbase_url = \"https://example.jp/\"\n[staff]\ntitle = \"ベンチ市 職員用\"\nbase_url = \"https://staff.example.jp/\"\n[webmaster]\nname = \"福祉課\"\n").expect("write");
    let mut topics = String::new();
    for (i, (id, label, reading)) in TOPICS.iter().enumerate() {
        topics += &format!("[[topic]]\nid = \"{id}\"\nlabel = \"{label}\"\nreading = \"{reading}\"\ndescription = \"{label}についての相談\"\nsynonyms = [\"{label}の悩み\"]\norder = {i}\n\n");
    }
    std::fs::write(content.join("topics.toml"), topics).expect("write");
    for a in 0..n {
        let mut t = format!(
            "id = \"agency-{a:04}\"\nname = \"第{a}地域相談支援センター\"\nreading = \"だい{a}ちいきそうだんしえんせんたー\"\naddress = \"ベンチ市北区{a}番地\"\nphones = [{{ number = \"086-8{:02}-{:04}\" }}]\nhours = \"平日 8:30~17:15\"\nareas = [\"第{}中学校区\"]\nverified = 2026-04-01\n[staff]\nextensions = [\"{}\"]\nnote = \"内部メモ {a}\"\n",
            a % 100, a, a % 36, 5000 + a
        );
        for j in 0..m {
            let (topic, label, _) = TOPICS[(a + j) % TOPICS.len()];
            t += &format!("\n[[matter]]\nno = {}\ntopic = \"{topic}\"\nstar = {}\ndescription = \"{label}の{}\"\n[matter.staff]\nprimary = \"担当{a}-{j}\"\nextensions = [\"{}\"]\n", j + 1, (a + j) % 50 == 0, MATTERS[j % MATTERS.len()], 6000 + j);
        }
        std::fs::write(content.join(format!("agencies/agency-{a:04}.toml")), t).expect("write");
    }
}
