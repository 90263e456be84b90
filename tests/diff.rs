//! `tsunagu diff` between two git revisions and the review page for staff:
//! an edition R4 committed, then R5 with a new phone, hours, name, desk and
//! contact, read back from git's objects (the working tree untouched), and
//! the citizen diff checked with canaries to hold no contact and no 内線.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn git(repo: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args([
            "-c",
            "user.name=tsunagu-test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args(args)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn git_out(repo: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .expect("git");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository with the canary site in `site/` (so the site is not the
/// repository's top folder), committed as R4 and then as R5.
fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp");
    let site = tmp.path().join("site");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), &site);
    git(tmp.path(), &["init", "-q"]);
    git(tmp.path(), &["add", "."]);
    git(tmp.path(), &["commit", "-q", "-m", "R4"]);
    git(tmp.path(), &["tag", "r4"]);
    let file = site.join("content/agencies/care-center.toml");
    let r5 = std::fs::read_to_string(&file)
        .expect("read")
        .replace(
            "name = \"地域ケア総合推進センター\"",
            "name = \"地域ケア総合推進センター（新）\"",
        )
        .replace("086-242-3135", "03-5555-0303")
        .replace("hours = \"平日 8:30~17:15\"", "hours = \"平日 9:00~17:00\"")
        .replace(
            "primary = \"CANARY_PRIMARY\"",
            "primary = \"CANARY_PRIMARY_R5\"",
        )
        .replace("[\"CANARY_MATTER_EXT\"]", "[\"CANARY_MATTER_EXT_R5\"]")
        + "\n[[matter]]\nno = 3\ntopic = \"kaigo\"\ndescription = \"介護者の集いの相談\"\n";
    std::fs::write(&file, r5).expect("write");
    git(tmp.path(), &["commit", "-q", "-am", "R5"]);
    tmp
}

fn diff(repo: &Path, args: &[&str]) -> Output {
    let mut all = vec!["diff"];
    all.extend(args);
    Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(all)
        .arg("--root")
        .arg(repo.join("site"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run tsunagu")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn two_revisions_are_compared_from_git_and_the_citizen_diff_has_no_contact() {
    let repo = repo();
    let head = git_out(repo.path(), &["rev-parse", "HEAD"]);
    let page = repo.path().join("review.html");
    let o = diff(
        repo.path(),
        &["HEAD~1", "HEAD", "--html", page.to_str().expect("utf-8")],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    for line in [
        "care-center: 名称: 地域ケア総合推進センター → 地域ケア総合推進センター（新）",
        "care-center: 電話番号: 086-242-3135 → 03-5555-0303",
        "care-center: 受付時間: 平日 8:30~17:15 → 平日 9:00~17:00",
        "care-center: No.3 窓口の追加: （なし） → 介護者の集いの相談",
        "4 件の変更",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    let html = std::fs::read_to_string(&page).expect("page written");
    // Canaries: no contact, 内線, direct line or note in the citizen diff.
    for leak in ["CANARY", "03-5555-0101", "03-5555-0202"] {
        assert!(!out.contains(leak), "{leak} in the citizen text:\n{out}");
        assert!(!html.contains(leak), "{leak} in the citizen page");
    }
    // Same result with --rev and with a tag; nothing in the repository moved.
    let o2 = diff(repo.path(), &["--rev", "r4..HEAD"]);
    assert_eq!(text(&o2).0, out);
    assert_eq!(git_out(repo.path(), &["rev-parse", "HEAD"]), head);
    assert_eq!(
        git_out(repo.path(), &["status", "--porcelain"]),
        "?? review.html\n"
    );
}

#[test]
fn the_staff_diff_and_page_show_contacts_and_say_they_are_internal() {
    let repo = repo();
    let page = repo.path().join("review.html");
    let o = diff(
        repo.path(),
        &[
            "--rev",
            "HEAD~1..HEAD",
            "--staff",
            "--html",
            page.to_str().expect("utf-8"),
        ],
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("care-center: No.1 担当者（主）: CANARY_PRIMARY → CANARY_PRIMARY_R5"),
        "{out}"
    );
    assert!(
        out.contains("care-center: No.1 内線: CANARY_MATTER_EXT → CANARY_MATTER_EXT_R5"),
        "{out}"
    );
    assert!(err.contains("職員用・内部資料"), "{err}");
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.contains("<html lang=\"ja\">"), "{html}");
    assert!(html.contains("職員用・内部資料"));
    assert!(html.contains("CANARY_PRIMARY_R5"));
    // Grouped as an edition is reviewed: desks, phones/hours, then contacts.
    let at = |id: &str| {
        html.find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("no section {id}"))
    };
    assert!(
        at("renamed") < at("desks") && at("desks") < at("contact") && at("contact") < at("staff")
    );
    assert!(!html.contains("style=\""), "no inline styles");
    assert!(!html.contains("<script"), "a page of data, no script");
    // English with --lang en, page included.
    let en = repo.path().join("review-en.html");
    let o = diff(
        repo.path(),
        &[
            "HEAD~1",
            "HEAD",
            "--lang",
            "en",
            "--html",
            en.to_str().expect("utf-8"),
        ],
    );
    let (out, _) = text(&o);
    assert!(
        out.contains("care-center: phone: 086-242-3135 → 03-5555-0303"),
        "{out}"
    );
    let html = std::fs::read_to_string(&en).expect("page");
    assert!(
        html.contains("<html lang=\"en\">") && html.contains("Phones, hours and addresses changed")
    );
}

#[test]
fn one_revision_is_compared_with_the_folder_as_it_is_now() {
    let repo = repo();
    let file = repo.path().join("site/content/agencies/care-center.toml");
    let now = std::fs::read_to_string(&file)
        .expect("read")
        .replace("介護者の集いの相談", "家族介護の相談");
    std::fs::write(&file, now).expect("write");
    let o = diff(repo.path(), &["HEAD"]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("No.3 相談内容: 介護者の集いの相談 → 家族介護の相談"),
        "{out}"
    );
    assert!(out.contains("1 件の変更"), "{out}");
}

#[test]
fn no_repository_and_unknown_revisions_are_clear_errors() {
    let plain = tempfile::tempdir().expect("temp");
    common::copy_dir(
        &common::repo().join("tests/fixtures/canary"),
        &plain.path().join("site"),
    );
    let o = diff(plain.path(), &["HEAD~1", "HEAD"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("git のリポジトリの中にありません"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let repo = repo();
    let o = diff(repo.path(), &["r3", "HEAD"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("リビジョン `r3` がありません"), "{err}");
    let o = diff(repo.path(), &["--rev", "HEAD", "--lang", "en"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("write it as OLD..NEW"), "{err}");
}

#[test]
fn two_folders_are_still_compared_as_folders() {
    let repo = repo();
    let old = tempfile::tempdir().expect("temp");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), old.path());
    let o = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .arg("diff")
        .arg(old.path())
        .arg(repo.path().join("site"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run");
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        out.contains("電話番号: 086-242-3135 → 03-5555-0303"),
        "{out}"
    );
    assert!(!out.contains("CANARY"), "{out}");
}
