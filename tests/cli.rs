//! The command line as a webmaster meets it: exit codes, the summary line,
//! errors that name the file, and theme overrides.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn tsunagu(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--today", "2026-12-02"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run tsunagu")
}

/// A copy of the canary fixture (small and valid) to break on purpose.
fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), tmp.path());
    tmp
}

fn replace(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("content").join(file);
    let text = common::read(&path);
    assert!(text.contains(from), "{file} lacks {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn build_prints_pages_per_site_and_the_time() {
    let site = site();
    let out = tsunagu(&["build"], site.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("pages in") && stderr.contains("citizen") && stderr.contains("staff"),
        "{stderr}"
    );
    assert!(site.path().join("public/citizen/index.html").is_file());
}

#[test]
fn an_unknown_field_fails_the_build_and_names_the_file_and_line() {
    let site = site();
    replace(
        site.path(),
        "agencies/care-center.toml",
        "address = ",
        "adress = ",
    );
    let out = tsunagu(&["build"], site.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("agencies/care-center.toml:5:1"), "{stderr}");
    assert!(stderr.contains("did you mean `address`?"), "{stderr}");
    assert!(
        !site.path().join("public").exists(),
        "a failed first build wrote output"
    );
}

#[test]
fn an_unknown_topic_fails_the_build_and_names_the_file() {
    let site = site();
    replace(
        site.path(),
        "agencies/care-center.toml",
        "topic = \"kaigo\"",
        "topic = \"kaigoo\"",
    );
    let out = tsunagu(&["build"], site.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("unknown topic `kaigoo`") && stderr.contains("care-center.toml"),
        "{stderr}"
    );
}

#[test]
fn a_duplicate_id_fails_the_build_and_names_both_files() {
    let site = site();
    let dir = site.path().join("content/agencies");
    std::fs::copy(
        dir.join("care-center.toml"),
        dir.join("care-center-copy.toml"),
    )
    .expect("copy");
    let out = tsunagu(&["build"], site.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("care-center-copy.toml") && stderr.contains("care-center.toml"),
        "{stderr}"
    );
    assert!(stderr.contains("is already the id of"), "{stderr}");
}

#[test]
fn a_site_template_overrides_the_theme_template_of_the_same_name() {
    let site = site();
    std::fs::create_dir_all(site.path().join("templates")).expect("mkdir");
    std::fs::write(
        site.path().join("templates/programs.html"),
        "{% extends \"base.html\" %}{% block main %}<p>OVERRIDDEN {{ programs | length }}</p>{% endblock main %}",
    )
    .expect("write");
    let out = tsunagu(&["build"], site.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = common::read(&site.path().join("public/citizen/programs/index.html"));
    assert!(html.contains("<p>OVERRIDDEN 1</p>"), "{html}");
    // The rest of the theme still applies.
    assert!(html.contains("static/css/site.css"));
}

#[test]
fn version_and_help_answer() {
    let out = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .arg("--version")
        .output()
        .expect("run");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("tsunagu {}", env!("CARGO_PKG_VERSION"))
    );
    let out = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .arg("--help")
        .output()
        .expect("run");
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in ["build", "check", "serve"] {
        assert!(help.contains(cmd), "{help}");
    }
}

#[test]
fn check_warns_when_the_holiday_data_does_not_cover_the_coming_year() {
    let site = site();
    let out = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(["check", "--today", "2027-06-01", "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("run tsunagu");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings alone must not fail: {stderr}"
    );
    assert!(stderr.contains("warning[holidays-outdated]"), "{stderr}");
    assert!(stderr.contains("docs/hours.md"), "{stderr}");
    // Today the data covers the coming year: no such warning.
    let now = tsunagu(&["check"], site.path());
    assert!(!String::from_utf8_lossy(&now.stderr).contains("holidays-outdated"));
}
