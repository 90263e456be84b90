//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The date the sample content is checked against, fixed so tests do not
/// start failing as the calendar moves.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("valid date")
}

/// Builds the site folder `root` into a fresh temporary folder.
pub fn build(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("public");
    if let Err(e) = tsunagu::pipeline::build(root, &out, today()) {
        if let tsunagu::pipeline::BuildError::Invalid {
            diagnostics,
            sources,
        } = &e
        {
            panic!(
                "{}",
                tsunagu::diagnostics::render(diagnostics, sources, false)
            );
        }
        panic!("build of {} failed: {e}", root.display());
    }
    (tmp, out)
}

/// Every file of a tree: relative path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("inside dir");
            (
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(e.path()).expect("readable"),
            )
        })
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn contains(haystack: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    haystack.windows(n.len()).any(|w| w == n)
}

/// Copies a folder tree, so tests can edit a site without touching the repo.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let dest = to.join(e.path().strip_prefix(from).expect("inside"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

/// Runs the tsunagu binary on the site folder `root` with a fixed date and
/// no colours.
pub fn tsunagu(args: &[&str], root: &Path) -> std::process::Output {
    command(args, root).output().expect("run tsunagu")
}

/// The `tsunagu` command of [`tsunagu`], to add to; the locale is removed so
/// that messages are in the default language (Japanese) wherever tests run.
pub fn command(args: &[&str], root: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_tsunagu"));
    c.args(args)
        .arg("--root")
        .arg(root)
        .args(["--today", "2026-12-02"])
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}
