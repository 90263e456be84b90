//! The preview server re-renders only what an edit changes: after each
//! edit its trees must equal, byte for byte, those of a full check of the
//! same folder, in both audiences.

mod common;

use common::today;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tsunagu::pipeline::preview::{apply, Outcome, Preview, Step};
use tsunagu::render::Files;

type Served = BTreeMap<&'static str, Files>;

/// Applies an outcome and the search index that follows it; returns the
/// number of files that changed, and whether only the records were read.
fn step(preview: &mut Preview, served: &mut Served, step: Step) -> (usize, bool) {
    let (patch, incremental) = match preview.update(step, today()) {
        Outcome::Built {
            patch, incremental, ..
        } => (patch, incremental),
        Outcome::Invalid { diagnostics } => {
            let text = tsunagu::diagnostics::render(&diagnostics, preview.sources(), false);
            panic!("the edit was refused:\n{text}");
        }
    };
    let search = preview
        .search_index()
        .expect("the index of a good build is pending")
        .expect("search index");
    let mut changed = 0;
    for p in patch.into_iter().chain(search) {
        changed += p.changed.len() + p.removed.len();
        apply(served.entry(p.tree).or_default(), p);
    }
    (changed, incremental)
}

fn assert_as_full_build(root: &Path, served: &Served, what: &str) {
    let checked = tsunagu::pipeline::check_in_memory(root, today());
    let trees = checked.trees.expect("a full check renders both trees");
    assert_eq!(trees.len(), 2);
    for (name, files) in trees {
        let got = &served[name];
        let missing: Vec<_> = files.keys().filter(|k| !got.contains_key(*k)).collect();
        let extra: Vec<_> = got.keys().filter(|k| !files.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{what}: {name} tree: missing {missing:?}, extra {extra:?}"
        );
        let differ: Vec<_> = files
            .iter()
            .filter(|(k, v)| got[*k] != **v)
            .map(|(k, _)| k)
            .collect();
        assert!(differ.is_empty(), "{what}: {name} files differ: {differ:?}");
    }
}

/// Replaces the first line of `file` that starts with `key = ` by `line`.
fn set(file: &Path, key: &str, line: &str) {
    let text = std::fs::read_to_string(file).expect("read record");
    let prefix = format!("{key} = ");
    let mut done = false;
    let out: Vec<String> = text
        .lines()
        .map(|l| {
            if !done && l.starts_with(&prefix) {
                done = true;
                line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(done, "{} has no {key}", file.display());
    std::fs::write(file, out.join("\n") + "\n").expect("write record");
}

fn first_value(file: &Path, key: &str) -> String {
    let text = std::fs::read_to_string(file).expect("read");
    let prefix = format!("{key} = \"");
    text.lines()
        .find_map(|l| {
            l.strip_prefix(&prefix)?
                .strip_suffix('"')
                .map(str::to_string)
        })
        .unwrap_or_else(|| panic!("{} has no {key}", file.display()))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

#[test]
fn record_edits_render_what_a_full_build_renders() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    tsunagu_synth::generate(root, &tsunagu_synth::Options::new(300)).expect("generate");
    let agencies = files_in(&root.join("content/agencies"));
    let programs = files_in(&root.join("content/programs"));
    let topics = std::fs::read_to_string(root.join("content/topics.toml")).expect("topics");
    let topic_ids: Vec<&str> = topics
        .lines()
        .filter_map(|l| l.strip_prefix("id = \"")?.strip_suffix('"'))
        .collect();
    assert!(topic_ids.len() >= 2);

    let mut preview = Preview::new(root.to_path_buf());
    let mut served = Served::new();
    let (all, incremental) = step(&mut preview, &mut served, Step::Full { theme: true });
    assert!(!incremental);
    assert_as_full_build(root, &served, "first build");

    let one = |p: &Path| vec![p.to_path_buf()];
    let a = &agencies[17];
    let b = &agencies[120];

    // A summary: the agency's own pages, the lists and the index show it.
    let summary = first_value(a, "summary");
    set(a, "summary", &format!("summary = \"{summary}（更新）\""));
    let (changed, incremental) = step(&mut preview, &mut served, Step::Records(&one(a)));
    assert!(incremental, "a record edit reads only that record");
    assert!(changed > 0 && changed * 4 < all, "{changed} of {all} files");
    assert_as_full_build(root, &served, "summary");

    // An edit that changes nothing renders nothing.
    let (changed, _) = step(&mut preview, &mut served, Step::Records(&one(a)));
    assert_eq!(changed, 0, "same record, same files");

    // A new name and reading move the agency in every list sorted by reading.
    set(b, "name", "name = \"あいうえお相談室\"");
    set(b, "reading", "reading = \"あいうえおそうだんしつ\"");
    step(&mut preview, &mut served, Step::Records(&one(b)));
    assert_as_full_build(root, &served, "name and reading");

    // A matter moved to another topic leaves one topic page and joins another.
    let old = first_value(a, "topic");
    let new = topic_ids
        .iter()
        .find(|t| **t != old)
        .expect("another topic");
    set(a, "topic", &format!("topic = \"{new}\""));
    step(&mut preview, &mut served, Step::Records(&one(a)));
    assert_as_full_build(root, &served, "topic moved");

    // A broken reference is refused with the error a full check gives; the
    // last good build stands, and fixing it recovers.
    set(a, "topic", "topic = \"no-such-topic\"");
    match preview.update(Step::Records(&one(a)), today()) {
        Outcome::Invalid { diagnostics } => {
            let text = tsunagu::diagnostics::render(&diagnostics, preview.sources(), false);
            assert!(text.contains("no-such-topic"), "{text}");
            let full = tsunagu::pipeline::check(root, today());
            assert_eq!(
                text,
                tsunagu::diagnostics::render(&full.diagnostics, &full.sources, false),
                "the same report as a full check"
            );
        }
        Outcome::Built { .. } => panic!("a broken reference was accepted"),
    }
    // Another record edited while the first is broken is still refused.
    set(b, "summary", "summary = \"別の変更\"");
    assert!(matches!(
        preview.update(Step::Records(&one(b)), today()),
        Outcome::Invalid { .. }
    ));
    set(a, "topic", &format!("topic = \"{old}\""));
    let (_, incremental) = step(&mut preview, &mut served, Step::Records(&one(a)));
    assert!(incremental);
    assert_as_full_build(root, &served, "fixed");

    // The newest verified date is in every page's footer.
    set(b, "verified", "verified = 2026-12-01");
    step(&mut preview, &mut served, Step::Records(&one(b)));
    assert_as_full_build(root, &served, "newest verified");

    // Two records in one save, one of them a program.
    let p = &programs[0];
    set(p, "name", "name = \"あたらしい体操教室\"");
    set(a, "summary", "summary = \"二つ目の変更\"");
    let both = vec![p.clone(), a.clone()];
    let (_, incremental) = step(&mut preview, &mut served, Step::Records(&both));
    assert!(incremental);
    assert_as_full_build(root, &served, "program and agency");

    // Communication support puts the agency on the support pages, which
    // list only the agencies that offer it.
    let summary = first_value(a, "summary");
    set(
        a,
        "summary",
        &format!(
            "summary = \"{summary}\"\ncommunication = {{ writing = true, sign_language = true }}"
        ),
    );
    step(&mut preview, &mut served, Step::Records(&one(a)));
    assert_as_full_build(root, &served, "communication support");

    // The agency's own closed days show only in its page's JSON-LD, which
    // a page's fingerprint must still follow.
    set(
        a,
        "summary",
        &format!(
            "summary = \"{summary}\"\nclosures = {{ dates = [{{ date = 2026-12-24, name = \"棚卸し\" }}] }}"
        ),
    );
    let (changed, incremental) = step(&mut preview, &mut served, Step::Records(&one(a)));
    assert!(incremental);
    assert!(changed > 0, "the JSON-LD changed");
    assert_as_full_build(root, &served, "closed days");

    // Editors and `sed -i` save through a scratch file renamed over the
    // record; the scratch file is gone by the time the save is read.
    set(a, "summary", "summary = \"名前を変えて保存\"");
    let scratch = root.join("content/agencies/sedX1y2Z3");
    let saved = vec![a.clone(), scratch];
    let (changed, incremental) = step(&mut preview, &mut served, Step::Records(&saved));
    assert!(
        incremental,
        "a vanished scratch file is not a removed record"
    );
    assert!(changed > 0);
    assert_as_full_build(root, &served, "saved through a scratch file");

    // A second step dropped before its files were served (the next save
    // came first) leaves the fingerprints as they were: the next one makes
    // what both edits changed.
    set(a, "summary", "summary = \"すぐに次の保存\"");
    assert!(matches!(
        preview.update(Step::Records(&one(a)), today()),
        Outcome::Built { .. }
    ));
    let cancelled = std::sync::atomic::AtomicBool::new(true);
    let later = preview.later().expect("a good build has a second step");
    assert!(
        later.run(&cancelled).is_none(),
        "a cancelled step makes nothing"
    );
    set(a, "summary", "summary = \"その次の保存\"");
    step(&mut preview, &mut served, Step::Records(&one(a)));
    assert_as_full_build(root, &served, "second step dropped");

    // A syntax error needs the full read to be reported as check reports it.
    std::fs::write(b, "name = \n").expect("write");
    assert!(matches!(
        preview.update(Step::Records(&one(b)), today()),
        Outcome::Invalid { .. }
    ));
    std::fs::remove_file(b).expect("remove");
    let (_, incremental) = step(&mut preview, &mut served, Step::Records(&one(b)));
    assert!(!incremental, "a removed file is read as a whole");
    assert_as_full_build(root, &served, "record removed");

    // Settings are read as a whole and change every page.
    let site = root.join("content/site.toml");
    let text = std::fs::read_to_string(&site).expect("site.toml");
    std::fs::write(&site, text.replacen("つなぐ市", "つなぐ町", 1)).expect("write");
    let (changed, incremental) = step(&mut preview, &mut served, Step::Records(&one(&site)));
    assert!(!incremental);
    assert!(changed > 0);
    assert_as_full_build(root, &served, "settings");
}
