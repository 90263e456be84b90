//! Every name in the content folder is either read or reported: symbolic
//! links, pipes and folders named like records are never skipped in silence,
//! and nothing outside the site folder is ever read or echoed.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A copy of the canary fixture in `<tmp>/site`, with room beside it for
/// files that are outside the site folder.
fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("site");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), &root);
    (tmp, root)
}

/// `tsunagu check --format json`, killed if it does not answer in time (a
/// pipe read as a record would block it forever).
fn check(root: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2026-12-02",
            "--root",
        ])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tsunagu");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("check did not finish: it is blocked on something it read");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out: Output = child.wait_with_output().expect("output");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

/// The `code` of every diagnostic about a file whose path ends with `name`.
fn codes_for(json: &str, name: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json.lines().next().unwrap_or(""))
        .or_else(|_| serde_json::from_str(json))
        .unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
    v["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"].as_str().is_some_and(|f| f.ends_with(name)))
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn site_toml_linked_outside_the_site_is_not_read_nor_echoed() {
    let (tmp, root) = site();
    let secret = tmp.path().join("passwd");
    std::fs::write(&secret, "root:x:0:0:CANARY-SECRET-LINE:/root:/bin/bash\n").expect("write");
    let site_toml = root.join("content/site.toml");
    std::fs::remove_file(&site_toml).expect("rm");
    symlink(&secret, &site_toml).expect("symlink");
    let (code, out) = check(&root);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(codes_for(&out, "site.toml"), ["link-outside-site"], "{out}");
    assert!(
        !out.contains("CANARY-SECRET-LINE"),
        "echoed foreign content: {out}"
    );
}

#[test]
fn a_record_linked_outside_the_site_is_an_error_naming_it() {
    let (tmp, root) = site();
    let outside = tmp.path().join("elsewhere.toml");
    std::fs::copy(root.join("content/agencies/care-center.toml"), &outside).expect("copy");
    symlink(&outside, root.join("content/agencies/linked.toml")).expect("symlink");
    symlink(
        tmp.path().join("nothing.toml"),
        root.join("content/agencies/dangling.toml"),
    )
    .expect("symlink");
    let (code, out) = check(&root);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(
        codes_for(&out, "linked.toml"),
        ["link-outside-site"],
        "{out}"
    );
    assert_eq!(
        codes_for(&out, "dangling.toml"),
        ["link-outside-site"],
        "{out}"
    );
}

#[test]
fn a_record_linked_inside_the_site_is_read() {
    let (_tmp, root) = site();
    let shared = root.join("shared");
    std::fs::create_dir_all(&shared).expect("mkdir");
    let agency = root.join("content/agencies/care-center.toml");
    std::fs::rename(&agency, shared.join("care-center.toml")).expect("move");
    symlink(shared.join("care-center.toml"), &agency).expect("symlink");
    let (code, out) = check(&root);
    assert_eq!(code, Some(0), "the linked record was not read: {out}");
}

#[test]
fn pipes_folders_named_like_records_and_linked_folders_are_reported() {
    let (_tmp, root) = site();
    let agencies = root.join("content/agencies");
    let fifo = agencies.join("pipe.toml");
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success());
    std::fs::create_dir_all(agencies.join("folder.toml")).expect("mkdir");
    std::fs::create_dir_all(root.join("more")).expect("mkdir");
    symlink(root.join("more"), agencies.join("more")).expect("symlink");
    let (code, out) = check(&root);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(codes_for(&out, "pipe.toml"), ["not-a-file"], "{out}");
    assert_eq!(codes_for(&out, "folder.toml"), ["not-a-file"], "{out}");
    assert_eq!(codes_for(&out, "agencies/more"), ["not-a-file"], "{out}");
}
