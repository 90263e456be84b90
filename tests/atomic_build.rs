//! Non-negotiable 2: a failed or interrupted build leaves the previous output
//! exactly as it was. The output is compared file by file, byte by byte.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Tree = BTreeMap<String, Vec<u8>>;

/// A copy of the sample site in a temp folder, so tests can edit it.
fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("site");
    common::copy_dir(&common::repo().join("content"), &root.join("content"));
    (tmp, root)
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join("content").join(file);
    let text = common::read(&path);
    assert!(text.contains(from), "{file} lacks {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

fn build(root: &Path, out: &Path) -> Result<(), tsunagu::pipeline::BuildError> {
    tsunagu::pipeline::build(root, out, common::today()).map(|_| ())
}

#[test]
fn invalid_content_leaves_the_last_good_output_untouched() {
    let (_tmp, root) = sample_copy();
    let out = root.join("public");
    build(&root, &out).expect("first build");
    let before = common::read_tree(&out);
    edit(&root, "agencies/hokenjo-soumuka.toml", "name = ", "nmae = ");
    let err = build(&root, &out).expect_err("typo must fail the build");
    assert!(matches!(err, tsunagu::pipeline::BuildError::Invalid { .. }));
    assert_eq!(common::read_tree(&out), before);
}

#[test]
fn a_template_error_half_way_through_rendering_leaves_the_output_untouched() {
    let (_tmp, root) = sample_copy();
    let out = root.join("public");
    build(&root, &out).expect("first build");
    let before = common::read_tree(&out);
    // Agency pages render after the home and topic pages: this fails mid-way.
    std::fs::create_dir_all(root.join("templates")).expect("mkdir");
    std::fs::write(
        root.join("templates/agency.html"),
        "{{ agency.no_such_field | upper }}",
    )
    .expect("write");
    let err = build(&root, &out).expect_err("template error must fail the build");
    // check renders every page in memory, so build reports it as check does.
    assert!(
        matches!(&err, tsunagu::pipeline::BuildError::Invalid { diagnostics, .. }
            if diagnostics.iter().any(|d| d.code == "template-error")),
        "{err}"
    );
    assert_eq!(common::read_tree(&out), before);
}

#[test]
fn removed_records_disappear_and_the_previous_output_is_kept_once() {
    let (_tmp, root) = sample_copy();
    let out = root.join("public");
    build(&root, &out).expect("first build");
    let first = common::read_tree(&out);
    std::fs::remove_file(root.join("content/agencies/hokenjo-soumuka.toml")).expect("rm");
    build(&root, &out).expect("second build");
    assert!(!out.join("citizen/agencies/hokenjo-soumuka.html").exists());
    let previous = tsunagu::output::previous_path(&out).expect("path");
    assert_eq!(
        common::read_tree(&previous),
        first,
        "rollback copy differs from the first build"
    );
}

#[cfg(unix)]
#[test]
fn a_rebuild_shares_unchanged_files_with_the_previous_output_and_writes_changed_ones() {
    use std::os::unix::fs::MetadataExt;
    let (_tmp, root) = sample_copy();
    let out = root.join("public");
    build(&root, &out).expect("first build");
    let first = common::read_tree(&out);
    edit(
        &root,
        "agencies/hokenjo-soumuka.toml",
        "1-1 2F\"",
        "1-1 2F（更新）\"",
    );
    build(&root, &out).expect("second build");
    let previous = tsunagu::output::previous_path(&out).expect("path");
    let inode = |p: &Path| std::fs::metadata(p).expect("metadata").ino();
    // Unchanged: one file in both outputs.
    let about = "citizen/programs/index.html";
    assert_eq!(
        common::read(&out.join(about)),
        common::read(&previous.join(about))
    );
    assert_eq!(inode(&out.join(about)), inode(&previous.join(about)));
    // Changed: a new file; the rollback copy keeps the old bytes.
    let page = "citizen/agencies/hokenjo-soumuka.html";
    assert_ne!(inode(&out.join(page)), inode(&previous.join(page)));
    assert!(common::read(&out.join(page)).contains("（更新）"));
    assert_eq!(
        common::read_tree(&previous),
        first,
        "the rollback copy is the first build"
    );
}

/// A sample copy built twice into `public/`, so that a previous copy
/// exists: (temp dir, root, output).
fn built_twice() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, root) = sample_copy();
    let out = root.join("public");
    build(&root, &out).expect("first build");
    build(&root, &out).expect("second build");
    (tmp, root, out)
}

/// `out` holds exactly what a build of `root` into an empty folder makes.
fn assert_same_as_a_fresh_build(root: &Path, out: &Path) {
    let fresh = root.join("fresh");
    build(root, &fresh).expect("a build into an empty folder");
    assert_eq!(common::read_tree(out), common::read_tree(&fresh));
}

/// The third build stages into the first build's output (the previous
/// copy): what it keeps, replaces and prunes must make exactly the tree a
/// build into an empty folder makes, while the second build's output stays
/// whole as the new rollback copy.
#[cfg(unix)]
#[test]
fn a_rebuild_staged_into_the_previous_copy_equals_a_fresh_build() {
    use std::os::unix::fs::MetadataExt;
    let (_tmp, root, out) = built_twice();
    let second = common::read_tree(&out);
    std::fs::remove_file(root.join("content/agencies/hokenjo-soumuka.toml")).expect("rm");
    let kept = "citizen/search.html";
    let inode = |p: &Path| std::fs::metadata(p).expect("metadata").ino();
    let kept_before = inode(&out.join(kept));
    build(&root, &out).expect("third build");

    assert_same_as_a_fresh_build(&root, &out);
    assert!(!out.join("citizen/agencies/hokenjo-soumuka.html").exists());
    let previous = tsunagu::output::previous_path(&out).expect("path");
    assert_eq!(common::read_tree(&previous), second, "rollback copy");
    // Unchanged files are the same file throughout; changed ones are new.
    assert_eq!(inode(&out.join(kept)), kept_before);
    let now = common::read_tree(&out);
    let changed: Vec<&String> = now
        .iter()
        .filter(|(path, bytes)| second.get(*path).is_some_and(|old| old != *bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(changed.len() > 1, "removing an agency changed no page");
    for path in changed {
        assert_ne!(
            inode(&out.join(path)),
            inode(&previous.join(path)),
            "{path}"
        );
    }
    let staging = tsunagu::output::staging_path(&out).expect("path");
    assert!(!staging.exists());
}

#[test]
fn a_build_killed_while_pruning_leaves_the_old_tree_and_the_next_build_recovers() {
    let (_tmp, root, out) = built_twice();
    let old = common::read_tree(&out);
    std::fs::remove_file(root.join("content/agencies/hokenjo-soumuka.toml")).expect("rm");
    assert!(
        build_killed_at(&root, &out, "prune", 0),
        "the build was not killed"
    );
    assert_eq!(common::read_tree(&out), old);
    build(&root, &out).expect("the next build");
    assert_same_as_a_fresh_build(&root, &out);
}

/// A previous copy whose `citizen/agencies` is a link to the live output's,
/// and which holds a stray file beside the trees: (temp dir, root, output,
/// the live tree before).
#[cfg(unix)]
fn previous_with_a_link() -> (tempfile::TempDir, PathBuf, PathBuf, Tree) {
    let (tmp, root, out) = built_twice();
    let previous = tsunagu::output::previous_path(&out).expect("path");
    let agencies = previous.join("citizen/agencies");
    std::fs::remove_dir_all(&agencies).expect("rm");
    std::os::unix::fs::symlink(out.join("citizen/agencies"), &agencies).expect("symlink");
    std::fs::write(previous.join("stray.txt"), "not a build's").expect("write");
    let live = common::read_tree(&out);
    edit(
        &root,
        "agencies/hokenjo-soumuka.toml",
        "1-1 2F\"",
        "1-1 2F（更新）\"",
    );
    (tmp, root, out, live)
}

/// Staging into such a copy would write through the link into the live
/// site and publish the stray file: the build stages into a new folder,
/// and deleting the copy removes the link, not what it points to.
#[cfg(unix)]
#[test]
fn a_previous_copy_with_a_link_or_a_stray_file_is_not_staged_into() {
    let (_tmp, root, out, live) = previous_with_a_link();
    build(&root, &out).expect("build");
    let previous = tsunagu::output::previous_path(&out).expect("path");
    assert_eq!(
        common::read_tree(&previous),
        live,
        "the old live tree changed"
    );
    assert!(!out.join("stray.txt").exists());
    assert_same_as_a_fresh_build(&root, &out);
}

#[cfg(unix)]
#[test]
fn a_build_killed_while_deleting_the_previous_copy_leaves_the_old_tree() {
    let (_tmp, root, out, live) = previous_with_a_link();
    assert!(
        build_killed_at(&root, &out, "delete-previous", 1),
        "not killed"
    );
    assert_eq!(common::read_tree(&out), live);
    build(&root, &out).expect("the next build");
    assert_same_as_a_fresh_build(&root, &out);
}

/// Two copies of the sample that differ in one phone number: their builds
/// are the "old" and the "new" tree of the kill tests.
fn two_sites() -> (tempfile::TempDir, PathBuf, tempfile::TempDir, PathBuf) {
    let (tmp_a, root_a) = sample_copy();
    let (tmp_b, root_b) = sample_copy();
    edit(
        &root_b,
        "agencies/hokenjo-soumuka.toml",
        "086-803-1254",
        "086-803-1255",
    );
    (tmp_a, root_a, tmp_b, root_b)
}

fn hash_of(tree: &Tree) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    tree.hash(&mut h);
    h.finish()
}

/// A small deterministic generator so failures can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

#[test]
fn killing_a_build_at_random_moments_never_leaves_a_mixed_tree() {
    let (_a, root_a, _b, root_b) = two_sites();
    let (ref_a, ref_b) = (root_a.join("ref"), root_b.join("ref"));
    build(&root_a, &ref_a).expect("build A");
    build(&root_b, &ref_b).expect("build B");
    let (tree_a, tree_b) = (common::read_tree(&ref_a), common::read_tree(&ref_b));
    assert_ne!(hash_of(&tree_a), hash_of(&tree_b));

    let out = root_a.join("public");
    build(&root_a, &out).expect("initial output");
    let full = time_one_build(&root_b, &out);
    let mut rng = Lcg(0x5eed);
    let (mut saw_old, mut saw_new) = (0, 0);
    for trial in 0..24 {
        let root = if trial % 2 == 0 { &root_b } else { &root_a };
        let delay = Duration::from_micros(rng.next(full.as_micros() as u64 * 12 / 10));
        let mut child = build_command(root, &out)
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn tsunagu");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = hash_of(&common::read_tree(&out));
        assert!(
            now == hash_of(&tree_a) || now == hash_of(&tree_b),
            "trial {trial}: killed after {delay:?}, output is neither the old nor the new tree"
        );
        if now == hash_of(&tree_a) {
            saw_old += 1
        } else {
            saw_new += 1
        }
    }
    eprintln!("kill trials: {saw_old} old, {saw_new} new (build takes {full:?})");
}

fn time_one_build(root: &Path, out: &Path) -> Duration {
    let started = Instant::now();
    let status = build_command(root, out)
        .stderr(Stdio::null())
        .status()
        .expect("run tsunagu");
    assert!(status.success());
    started.elapsed()
}

#[test]
fn a_folder_tsunagu_did_not_write_is_never_replaced() {
    let (_tmp, root) = sample_copy();
    let out = root.join("important");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("notes.txt"), "keep me").expect("write");
    let err = build(&root, &out).expect_err("must refuse a foreign folder");
    assert_refuses_foreign_folder(&err);
    assert_eq!(common::read(&out.join("notes.txt")), "keep me");
    assert!(!tsunagu::output::previous_path(&out).expect("path").exists());
}

#[test]
fn builds_into_the_same_output_take_turns() {
    let (_tmp, root) = sample_copy();
    let out = root.join("public");
    let threads: Vec<_> = (0..3)
        .map(|_| {
            let (root, out) = (root.clone(), out.clone());
            std::thread::spawn(move || build(&root, &out).is_ok())
        })
        .collect();
    for t in threads {
        assert!(t.join().expect("thread"), "a concurrent build failed");
    }
    let (_ref_tmp, reference) = common::build(&root);
    assert_eq!(common::read_tree(&out), common::read_tree(&reference));
}

/// `tsunagu build` of `root` into `out`, with the tests' fixed date.
fn build_command(root: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tsunagu"));
    c.args(["build", "--today", "2026-12-02", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out);
    c
}

/// Runs `tsunagu build` with `TSUNAGU_CRASH_AT=<step>:<n>`; true when the
/// process was killed there (false when the build had fewer such points).
fn build_killed_at(root: &Path, out: &Path, step: &str, n: usize) -> bool {
    let status = build_command(root, out)
        .env("TSUNAGU_CRASH_AT", format!("{step}:{n}"))
        .stderr(Stdio::null())
        .status()
        .expect("run tsunagu");
    !status.success()
}

#[test]
fn a_build_killed_in_any_step_leaves_old_or_new_and_the_next_build_recovers() {
    let (_a, root_a, _b, root_b) = two_sites();
    let out = root_a.join("public");
    build(&root_b, &out).expect("build B");
    let tree_b = common::read_tree(&out);
    build(&root_a, &out).expect("build A");
    let tree_a = common::read_tree(&out);
    let staging = tsunagu::output::staging_path(&out).expect("path");

    let (mut saw_old, mut saw_new) = (0, 0);
    for step in tsunagu::output::crash::STEPS {
        let mut killed = 0;
        for n in [0, 1, 2, 7, 40, 150] {
            // Each trial starts from output A with a previous copy on disk,
            // so staging into the previous copy is part of every build.
            build(&root_a, &out).expect("reset to A");
            if !build_killed_at(&root_b, &out, step, n) {
                continue;
            }
            killed += 1;
            let now = common::read_tree(&out);
            assert!(
                now == tree_a || now == tree_b,
                "killed in {step} (point {n}): the output is neither the old nor the new tree"
            );
            if now == tree_a {
                saw_old += 1
            } else {
                saw_new += 1
            }
            build(&root_b, &out).unwrap_or_else(|e| {
                panic!("after a kill in {step} (point {n}) the next build fails: {e}")
            });
            assert_eq!(common::read_tree(&out), tree_b, "{step} {n}");
            assert!(!staging.exists(), "{step} {n}: staging left behind");
        }
        assert!(killed > 0, "no build was killed in step {step}");
    }
    assert!(saw_old > 0, "no kill left the old tree");
    assert!(saw_new > 0, "no kill left the new tree");
}

/// A sample copy built twice, so that a previous copy exists, with the
/// previous copy's marker removed: (temp dir, root, output, previous copy).
fn previous_without_marker() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
    let (tmp, root, out) = built_twice();
    let previous = tsunagu::output::previous_path(&out).expect("path");
    std::fs::remove_file(previous.join(tsunagu::output::MARKER)).expect("rm marker");
    (tmp, root, out, previous)
}

#[test]
fn a_previous_copy_missing_its_marker_does_not_block_later_builds() {
    // A build killed while deleting the previous copy used to leave it
    // without its marker, and every later build refused it as foreign.
    let (_tmp, root, out, _) = previous_without_marker();
    build(&root, &out).expect("third build recovers");
    build(&root, &out).expect("and so does the fourth");
}

#[test]
fn a_failed_swap_leaves_no_staging_tree_behind() {
    // The previous copy no longer looks like tsunagu's (a person put a file
    // in it and removed the marker): tsunagu will not delete it, so this
    // build fails after staging everything, staff tree included.
    let (_tmp, root, out, previous) = previous_without_marker();
    std::fs::write(previous.join("my-notes.txt"), "keep me").expect("write");
    let err = build(&root, &out).expect_err("must refuse to delete a person's file");
    assert_refuses_foreign_folder(&err);
    assert_eq!(common::read(&previous.join("my-notes.txt")), "keep me");
    let staging = tsunagu::output::staging_path(&out).expect("path");
    assert!(!staging.exists(), "a full staging tree was left on disk");
}

/// The refusal to touch a folder tsunagu did not write, in both languages.
fn assert_refuses_foreign_folder(err: &impl std::fmt::Display) {
    let en = tsunagu::messages::in_lang(tsunagu::messages::Lang::En, || err.to_string());
    assert!(en.contains("not written by tsunagu"), "{en}");
    assert!(
        err.to_string()
            .contains("tsunagu が書いたものでもありません"),
        "{err}"
    );
}
