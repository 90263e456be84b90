//! Deterministic synthetic site folders for tsunagu's tests and benchmarks:
//! `n` agencies in a made-up city (つなぐ市) with Japanese names and readings,
//! matters on every topic, public phones, hours, areas, staff-only contacts
//! (担当者, 内線, notes) and recurring programs. The same `n` and seed give
//! byte-identical files on every machine, so a benchmark's input can be named
//! by its command line.
//!
//! **Every phone number is fictional.** Japan has no reserved range for
//! fiction, so numbers follow the film convention: a real area code, then the
//! exchange 555 (`0XX-555-XXXX`), a form that reads as made up. They pass the
//! validator's shape check but were never looked up; never publish a
//! generated site.

mod rng;
mod words;

use rng::Rng;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;
use words::*;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub agencies: usize,
    pub seed: u64,
}

impl Options {
    pub fn new(agencies: usize) -> Self {
        Options { agencies, seed: 1 }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub agencies: usize,
    pub matters: usize,
    pub programs: usize,
}

/// Writes a complete site folder (`content/site.toml`, `topics.toml`,
/// `agencies/`, `programs/`) under `root`. Existing files of the same names
/// are overwritten; nothing else is touched.
pub fn generate(root: &Path, opts: &Options) -> io::Result<Summary> {
    let content = root.join("content");
    fs::create_dir_all(content.join("agencies"))?;
    fs::create_dir_all(content.join("programs"))?;
    fs::write(content.join("site.toml"), site_toml())?;
    fs::write(content.join("topics.toml"), topics_toml())?;
    let mut rng = Rng::new(opts.seed);
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    let mut matters = 0;
    let mut ids = Vec::with_capacity(opts.agencies);
    for i in 0..opts.agencies {
        let a = agency(i, &mut rng, &mut seen);
        matters += a.matters;
        fs::write(content.join(format!("agencies/{}.toml", a.id)), a.toml)?;
        ids.push(a.id);
    }
    // One program for every twenty desks, each run by one of them.
    let programs = if ids.is_empty() {
        0
    } else {
        opts.agencies.div_ceil(20)
    };
    for p in 0..programs {
        let organiser = rng.pick(&ids).clone();
        fs::write(
            content.join(format!("programs/program-{p:06}.toml")),
            program_toml(p, &organiser, &mut rng),
        )?;
    }
    Ok(Summary {
        agencies: opts.agencies,
        matters,
        programs,
    })
}

fn site_toml() -> String {
    "# 合成データ（tsunagu-synth）: 架空の市です。電話番号はすべて架空（0XX-555-XXXX）。\n\
     municipality = \"つなぐ市\"\n\
     edition = \"合成データ\"\n\n\
     [citizen]\ntitle = \"つなぐ市 相談窓口さがし\"\nbase_url = \"https://example.jp/\"\n\
     description = \"困りごとから、つなぐ市の相談窓口をさがせます。\"\n\n\
     [staff]\ntitle = \"つなぐ市 相談機関一覧（職員用）\"\nbase_url = \"https://staff.example.jp/\"\n\
     description = \"相談項目ごとのつなぎ先・担当者・内線。\"\n\n\
     [webmaster]\nname = \"保健福祉局 福祉政策課\"\n"
        .to_string()
}

fn topics_toml() -> String {
    let mut t = String::new();
    for (i, (id, label, reading, description, synonyms)) in TOPICS.iter().enumerate() {
        let syn: Vec<String> = synonyms.iter().map(|s| format!("\"{s}\"")).collect();
        let _ = writeln!(
            t,
            "[[topic]]\nid = \"{id}\"\nlabel = \"{label}\"\nreading = \"{reading}\"\n\
             description = \"{description}\"\nsynonyms = [{}]\norder = {}\n",
            syn.join(", "),
            i + 1
        );
    }
    t
}

struct Generated {
    id: String,
    toml: String,
    matters: usize,
}

fn agency(i: usize, rng: &mut Rng, seen: &mut HashMap<(usize, usize), usize>) -> Generated {
    let head = rng.below(TOWN_HEADS.len());
    let tail = rng.below(TOWN_TAILS.len());
    let kind_no = rng.below(KINDS.len());
    let (slug, kind, kind_reading, summary, kind_matters) = KINDS[kind_no];
    let town = format!("{}{}", TOWN_HEADS[head].0, TOWN_TAILS[tail].0);
    let town_reading = format!("{}{}", TOWN_HEADS[head].1, TOWN_TAILS[tail].1);
    // A second desk of the same kind in the same town is 第二, as real
    // directories number branches.
    let count = seen
        .entry((head * TOWN_TAILS.len() + tail, kind_no))
        .or_insert(0);
    *count += 1;
    let (branch, branch_reading) = if *count > 1 {
        let (k, r) = kanji_number(*count);
        (format!("第{k}"), format!("だい{r}"))
    } else {
        (String::new(), String::new())
    };
    let id = format!("{slug}-{i:06}");
    let ward = rng.pick(&WARDS);
    let mut t = String::new();
    let _ = writeln!(t, "id = \"{id}\"");
    let _ = writeln!(t, "name = \"{town}{branch}{kind}\"");
    let _ = writeln!(
        t,
        "reading = \"{town_reading}{branch_reading}{kind_reading}\""
    );
    let _ = writeln!(t, "summary = \"{town}地区の{summary}\"");
    let _ = writeln!(
        t,
        "address = \"つなぐ市{ward}{town}{}丁目{}-{}\"",
        1 + rng.below(5),
        1 + rng.below(30),
        1 + rng.below(20)
    );
    let _ = writeln!(t, "phones = [{{ number = \"{}\" }}]", phone(rng));
    let _ = writeln!(t, "hours = \"{}\"", rng.pick(&HOURS));
    let _ = writeln!(t, "areas = [\"{ward}\", \"{town}\"]");
    let _ = writeln!(
        t,
        "verified = 2026-{:02}-{:02}",
        1 + rng.below(10),
        1 + rng.below(28)
    );
    let _ = writeln!(t, "\n[staff]");
    let _ = writeln!(t, "extensions = [\"{}\"]", extension(rng));
    if rng.chance(30) {
        let _ = writeln!(t, "direct_lines = [{{ number = \"{}\" }}]", phone(rng));
    }
    let _ = writeln!(t, "note = \"{}\"", rng.pick(&AGENCY_NOTES));
    let matters = 1 + rng.below(kind_matters.len());
    for (no, (topic, description)) in kind_matters.iter().take(matters).enumerate() {
        let _ = writeln!(t, "\n[[matter]]\nno = {}\ntopic = \"{topic}\"", no + 1);
        // About one desk in fifty per topic is the ★ desk to turn to first.
        if rng.chance(2) {
            let _ = writeln!(t, "star = true");
        }
        let _ = writeln!(t, "description = \"{description}\"");
        let _ = writeln!(t, "\n[matter.staff]\nprimary = \"{}\"", rng.pick(&SURNAMES));
        if rng.chance(60) {
            let _ = writeln!(t, "secondary = \"{}\"", rng.pick(&SURNAMES));
        }
        let _ = writeln!(t, "extensions = [\"{}\"]", extension(rng));
        if rng.chance(25) {
            let _ = writeln!(t, "note = \"{}\"", rng.pick(&MATTER_NOTES));
        }
    }
    Generated {
        id,
        toml: t,
        matters,
    }
}

fn program_toml(p: usize, organiser: &str, rng: &mut Rng) -> String {
    let (name, reading, summary, schedule, topics) = rng.pick(&PROGRAMS);
    let (head, head_reading) = rng.pick(&TOWN_HEADS);
    let topics: Vec<String> = topics.iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "id = \"program-{p:06}\"\nname = \"{head}{name}\"\nreading = \"{head_reading}{reading}\"\n\
         summary = \"{summary}\"\nschedule = \"{schedule}\"\norganiser = \"{organiser}\"\n\
         topics = [{}]\ncost = \"無料\"\n\n[staff]\ncontact = \"{}\"\nextensions = [\"{}\"]\n",
        topics.join(", "),
        rng.pick(&SURNAMES),
        extension(rng)
    )
}

/// A fictional number: see the crate documentation.
fn phone(rng: &mut Rng) -> String {
    format!("{}-555-{:04}", rng.pick(&AREA_CODES), rng.below(10_000))
}

fn extension(rng: &mut Rng) -> String {
    format!("{}", 1000 + rng.below(9000))
}

/// 2 → (二, に), 23 → (二十三, にじゅうさん); up to 9,999.
fn kanji_number(n: usize) -> (String, String) {
    const DIGITS: [(&str, &str); 10] = [
        ("", ""),
        ("一", "いち"),
        ("二", "に"),
        ("三", "さん"),
        ("四", "よん"),
        ("五", "ご"),
        ("六", "ろく"),
        ("七", "なな"),
        ("八", "はち"),
        ("九", "きゅう"),
    ];
    const PLACES: [(&str, &str); 4] =
        [("千", "せん"), ("百", "ひゃく"), ("十", "じゅう"), ("", "")];
    let mut k = String::new();
    let mut r = String::new();
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    for (place, d) in digits.iter().enumerate() {
        if *d == 0 {
            continue;
        }
        // 十, 百, 千 are read without いち.
        if *d > 1 || place == 3 {
            k += DIGITS[*d].0;
            r += DIGITS[*d].1;
        }
        k += PLACES[place].0;
        r += PLACES[place].1;
    }
    (k, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kanji_numbers_read_as_spoken() {
        assert_eq!(kanji_number(2), ("二".into(), "に".into()));
        assert_eq!(kanji_number(10), ("十".into(), "じゅう".into()));
        assert_eq!(kanji_number(23), ("二十三".into(), "にじゅうさん".into()));
        assert_eq!(kanji_number(105), ("百五".into(), "ひゃくご".into()));
    }

    #[test]
    fn same_seed_same_files_other_seed_other_files() {
        let a = tempdir("a");
        let b = tempdir("b");
        let c = tempdir("c");
        generate(
            &a,
            &Options {
                agencies: 30,
                seed: 7,
            },
        )
        .unwrap();
        generate(
            &b,
            &Options {
                agencies: 30,
                seed: 7,
            },
        )
        .unwrap();
        generate(
            &c,
            &Options {
                agencies: 30,
                seed: 8,
            },
        )
        .unwrap();
        let read = |root: &Path, name: &str| {
            fs::read_to_string(root.join("content/agencies").join(name)).unwrap()
        };
        let first = fs::read_dir(a.join("content/agencies")).unwrap().count();
        assert_eq!(first, 30);
        for e in fs::read_dir(a.join("content/agencies")).unwrap() {
            let name = e.unwrap().file_name().into_string().unwrap();
            assert_eq!(read(&a, &name), read(&b, &name));
        }
        let differs = fs::read_dir(a.join("content/agencies")).unwrap().any(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            c.join("content/agencies").join(&name).exists() && read(&a, &name) != read(&c, &name)
                || !c.join("content/agencies").join(&name).exists()
        });
        assert!(differs, "another seed must give another directory");
        for d in [a, b, c] {
            let _ = fs::remove_dir_all(d);
        }
    }

    fn tempdir(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("tsunagu-synth-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }
}
