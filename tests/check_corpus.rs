//! The `tsunagu check` corpus: one small broken site per kind of mistake a
//! webmaster makes, each with the diagnostics it must produce.
//!
//! Every case is the valid site in `tests/check/base/` plus an overlay in
//! `tests/check/cases/<name>/`:
//! - `case.toml`: what the mistake is (`about`), files of the base to delete
//!   (`remove`), files to generate (`[[generate]]`, for inputs too big to check
//!   in) and the diagnostics expected, one line each as
//!   `severity[code] path:line:column` (`path` alone when the diagnostic
//!   concerns the whole file), in the order they are reported;
//! - any other file is copied over the base (e.g. `content/agencies/x.toml`).
//!
//! The rendered output (no colour) is compared to a snapshot in
//! `tests/check/snapshots/`; review changes with `cargo insta review` or rerun
//! with `INSTA_UPDATE=always`.

use chrono::NaiveDate;
use serde::Deserialize;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use tsunagu::diagnostics::{self, Diagnostic, Severity};
use tsunagu::messages::{self, Lang, Msg};
use tsunagu::pipeline::{self, Checked};

const TODAY: &str = "2026-11-23";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    about: String,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    generate: Vec<Generate>,
    expect: Vec<String>,
}

/// A file written by the test: `head`, then `line` repeated `times`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    path: String,
    #[serde(default)]
    head: String,
    line: String,
    times: usize,
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        if rel == Path::new("case.toml") {
            continue;
        }
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Builds the site of one case in a fresh temporary folder.
fn site_of(case_dir: &Path) -> (tempfile::TempDir, Case) {
    let case: Case = toml::from_str(&fs::read_to_string(case_dir.join("case.toml")).unwrap())
        .unwrap_or_else(|e| panic!("{}/case.toml: {e}", case_dir.display()));
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&corpus().join("base"), tmp.path());
    for r in &case.remove {
        let p = tmp.path().join(r);
        assert!(p.exists(), "{}: cannot remove {r}", case_dir.display());
        if p.is_dir() {
            fs::remove_dir_all(p).unwrap();
        } else {
            fs::remove_file(p).unwrap();
        }
    }
    copy_tree(case_dir, tmp.path());
    for g in &case.generate {
        let mut text = g.head.clone();
        text.push_str(&g.line.repeat(g.times));
        fs::write(tmp.path().join(&g.path), text).unwrap();
    }
    (tmp, case)
}

fn relative(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// `severity[code] path:line:column` of one diagnostic.
fn summary(root: &Path, checked: &Checked, d: &Diagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let file = relative(root, &d.file);
    let at = match &d.span {
        Some(s) => {
            let (line, col) = checked
                .sources
                .line_col(&d.file, s.start)
                .unwrap_or_else(|| panic!("no source kept for {file}"));
            format!("{file}:{line}:{col}")
        }
        None => file,
    };
    format!("{severity}[{}] {at}", d.code)
}

/// The rendered diagnostics with the temporary folder taken out of the paths.
fn rendered(root: &Path, checked: &Checked) -> String {
    rendered_in(Lang::En, root, checked)
}

fn rendered_in(lang: Lang, root: &Path, checked: &Checked) -> String {
    let text = messages::in_lang(lang, || {
        diagnostics::render(&checked.diagnostics, &checked.sources, false)
    });
    let prefix = format!("{}{}", root.display(), std::path::MAIN_SEPARATOR);
    text.replace(&prefix, "")
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(corpus().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn name_of(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

/// Diagnostics that concern a whole file rather than a place in it.
const WHOLE_FILE: &[&str] = &[
    "missing-file",
    "file-too-large",
    "stray-file",
    "unreadable",
    "bad-page-name",
    "not-utf8",
];

#[test]
fn the_base_site_is_valid() {
    let root = corpus().join("base");
    let checked = pipeline::check(&root, today());
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        diagnostics::render(&checked.diagnostics, &checked.sources, false)
    );
    assert!(checked.content.is_some());
}

#[test]
fn corpus_has_at_least_30_cases() {
    assert!(case_dirs().len() >= 30, "{} cases", case_dirs().len());
}

#[test]
fn every_case_gives_its_expected_diagnostics() {
    let mut failures = Vec::new();
    for dir in case_dirs() {
        let name = name_of(&dir);
        let (tmp, case) = site_of(&dir);
        let root = tmp.path();
        let checked = pipeline::check(root, today());
        let got: Vec<String> = checked
            .diagnostics
            .sorted()
            .into_iter()
            .map(|d| summary(root, &checked, d))
            .collect();
        if got != case.expect {
            failures.push(format!(
                "{name} ({}):\n  expected {:#?}\n  got      {:#?}\n{}",
                case.about,
                case.expect,
                got,
                rendered(root, &checked)
            ));
        }
        for d in checked.diagnostics.iter() {
            if d.help.is_none() {
                failures.push(format!("{name}: `{}` has no help", d.code));
            }
            // The headline comes from the catalogue entry made for this code.
            if d.message.code() != Some(d.code) {
                failures.push(format!(
                    "{name}: `{}` is reported with the message {}, the headline of {:?}",
                    d.code,
                    d.message.id(),
                    d.message.code()
                ));
            }
            if d.span.is_none() && !WHOLE_FILE.contains(&d.code.as_str()) {
                failures.push(format!("{name}: `{}` has no position", d.code));
            }
            if d.span.is_some() && d.label.is_none() {
                failures.push(format!("{name}: `{}` has no label", d.code));
            }
        }
        if checked.diagnostics.has_errors() == checked.content.is_some() {
            failures.push(format!("{name}: content must be given exactly when valid"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_case_matches_its_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(corpus().join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for dir in case_dirs() {
            let name = name_of(&dir);
            let (tmp, case) = site_of(&dir);
            let checked = pipeline::check(tmp.path(), today());
            // English as `<case>.snap`, Japanese (the default) as `<case>.ja.snap`.
            insta::with_settings!({ description => case.about.clone() }, {
                insta::assert_snapshot!(name.clone(), rendered(tmp.path(), &checked));
                insta::assert_snapshot!(
                    format!("{name}.ja"),
                    rendered_in(Lang::Ja, tmp.path(), &checked)
                );
            });
        }
    });
}

/// Several independent mistakes in different files: every one is reported in
/// a single run, each exactly once, and nothing else.
#[test]
fn seeded_errors_are_all_reported_in_one_run() {
    let seeded = corpus().join("seeded");
    let (tmp, case) = site_of(&seeded);
    let checked = pipeline::check(tmp.path(), today());
    let got: Vec<String> = checked
        .diagnostics
        .sorted()
        .into_iter()
        .map(|d| summary(tmp.path(), &checked, d))
        .collect();
    assert_eq!(got, case.expect, "{}", rendered(tmp.path(), &checked));
    assert!(case.expect.len() >= 8);
    let files: std::collections::BTreeSet<_> =
        checked.diagnostics.iter().map(|d| d.file.clone()).collect();
    assert_eq!(files.len(), case.expect.len(), "one mistake per file");
}

fn run_json(root: &Path) -> (i32, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(["check", "--format", "json", "--today", TODAY, "--root"])
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), json)
}

#[test]
fn json_output_of_the_binary_has_every_diagnostic_and_the_exit_code() {
    for dir in case_dirs().into_iter().chain([corpus().join("seeded")]) {
        let name = name_of(&dir);
        let (tmp, case) = site_of(&dir);
        let (code, json) = run_json(tmp.path());
        let items = json["diagnostics"].as_array().expect("diagnostics array");
        assert_eq!(items.len(), case.expect.len(), "{name}: {json:#}");
        let errors = case
            .expect
            .iter()
            .filter(|e| e.starts_with("error"))
            .count();
        assert_eq!(json["errors"], errors, "{name}");
        assert_eq!(json["warnings"], case.expect.len() - errors, "{name}");
        assert_eq!(code, if errors > 0 { 1 } else { 0 }, "{name}");
        for (item, expected) in items.iter().zip(&case.expect) {
            let file = relative(tmp.path(), Path::new(item["file"].as_str().unwrap()));
            let at = match item["start"].as_object() {
                Some(s) => format!("{file}:{}:{}", s["line"], s["column"]),
                None => file,
            };
            let line = format!(
                "{}[{}] {at}",
                item["severity"].as_str().unwrap(),
                item["code"].as_str().unwrap()
            );
            assert_eq!(&line, expected, "{name}");
            assert!(item["help"].is_string(), "{name}");
        }
    }
}

#[test]
fn exit_codes_of_the_binary() {
    let (code, json) = run_json(&corpus().join("base"));
    assert_eq!((code, json["errors"].as_u64()), (0, Some(0)));
}

/// Never a panic: every file of the base site cut short at every character,
/// and with each of the characters that trip up TOML inserted at every line
/// start, still gives diagnostics (the content is never accepted half-read).
#[test]
fn truncated_and_garbled_files_never_panic() {
    let base = corpus().join("base");
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(&base, tmp.path());
    let files: Vec<PathBuf> = walkdir::WalkDir::new(base.join("content"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file())
        .collect();
    for file in files {
        let rel = file.strip_prefix(&base).unwrap();
        let target = tmp.path().join(rel);
        let original = fs::read_to_string(&file).unwrap();
        let mut variants: Vec<String> = original
            .char_indices()
            .map(|(i, _)| original[..i].to_string())
            .collect();
        for junk in [
            "\"", "[", "[[", "{", "=", "\u{3000}", "＝", "「", "#", "\u{feff}", "\r",
        ] {
            for (i, _) in original.match_indices('\n') {
                variants.push(format!("{}{junk}{}", &original[..=i], &original[i + 1..]));
            }
        }
        for v in variants {
            fs::write(&target, &v).unwrap();
            let checked = pipeline::check(tmp.path(), today());
            let _ = diagnostics::render(&checked.diagnostics, &checked.sources, false);
            let _ = diagnostics::to_json(&checked.diagnostics, &checked.sources);
            assert!(
                checked.content.is_none() || !checked.diagnostics.has_errors(),
                "{}",
                rel.display()
            );
        }
        fs::write(&target, &original).unwrap();
    }
}

/// docs/check.md is where a webmaster looks a code up: it has a section for
/// every code `check` can report, and no section for a code that does not
/// exist.
#[test]
fn docs_list_every_diagnostic_code_and_no_other() {
    use std::collections::BTreeSet;
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/check.md"))
        .expect("docs/check.md");
    // A code has a section of its own, or a row in a table of related codes.
    let documented: BTreeSet<&str> = doc
        .lines()
        .filter_map(|l| {
            l.strip_prefix("### `")
                .and_then(|r| r.strip_suffix('`'))
                .or_else(|| l.strip_prefix("| `")?.split_once("` |").map(|(c, _)| c))
        })
        .collect();
    let codes: BTreeSet<&str> = diagnostics::Code::ALL.iter().map(|c| c.as_str()).collect();
    let missing: Vec<_> = codes.difference(&documented).collect();
    let unknown: Vec<_> = documented.difference(&codes).collect();
    assert!(
        missing.is_empty(),
        "codes without a section in docs/check.md: {missing:?}"
    );
    assert!(
        unknown.is_empty(),
        "sections for codes that do not exist: {unknown:?}"
    );
}

/// The Japanese snapshots are Japanese and the English ones English: every
/// headline, label and help of every case differs between the two languages
/// unless it only quotes the content.
#[test]
fn every_case_speaks_both_languages() {
    let mut failures = Vec::new();
    for dir in case_dirs() {
        let name = name_of(&dir);
        let (tmp, _) = site_of(&dir);
        let checked = pipeline::check(tmp.path(), today());
        for d in checked.diagnostics.iter() {
            let parts = [Some(&d.message), d.label.as_ref(), d.help.as_ref()];
            for m in parts.into_iter().flatten() {
                let (ja, en) = (m.text(Lang::Ja), m.text(Lang::En));
                if ja == en && !quotes_only(m) {
                    failures.push(format!("{name}: {} is the same in both: {ja}", m.id()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Messages that are only a quotation of the content (「…」, a file name).
fn quotes_only(m: &Msg) -> bool {
    messages::QUOTES_ONLY.contains(&m.id())
}

/// docs/check.md lists the headline of every code in both languages, in a
/// table made from the catalogue. `TSUNAGU_UPDATE_DOCS=1` rewrites it.
#[test]
fn docs_show_every_code_in_japanese_and_english() {
    const START: &str = "<!-- messages: generated from src/messages/catalogue.rs -->";
    const END: &str = "<!-- end of messages -->";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/check.md");
    let doc = fs::read_to_string(&path).expect("docs/check.md");
    let mut table = String::from("| code | 日本語 | English |\n| --- | --- | --- |\n");
    for code in diagnostics::Code::ALL {
        let heads: Vec<_> = Msg::ENTRIES
            .iter()
            .filter(|e| e.code == Some(*code))
            .collect();
        assert!(!heads.is_empty(), "`{code}` has no message");
        for e in heads {
            assert!(!e.ja.is_empty() && !e.en.is_empty(), "{}", e.id);
            let cell = |t: &str| t.replace("{{", "{").replace("}}", "}").replace('|', "\\|");
            table.push_str(&format!("| `{code}` | {} | {} |\n", cell(e.ja), cell(e.en)));
        }
    }
    let (Some(s), Some(e)) = (doc.find(START), doc.find(END)) else {
        panic!("docs/check.md has no {START} … {END} section");
    };
    let current = &doc[s + START.len()..e];
    let wanted = format!("\n{table}");
    if current != wanted {
        if std::env::var_os("TSUNAGU_UPDATE_DOCS").is_some() {
            let new = format!("{}{START}{wanted}{}", &doc[..s], &doc[e..]);
            fs::write(&path, new).expect("write docs/check.md");
        } else {
            panic!(
                "docs/check.md's message table is out of date: rerun with TSUNAGU_UPDATE_DOCS=1"
            );
        }
    }
}
