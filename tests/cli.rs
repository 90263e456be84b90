//! The command line as a webmaster meets it: exit codes, the summary line,
//! errors that name the file, and theme overrides.

mod common;

use std::path::Path;
use std::process::Command;

use common::tsunagu;

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
        stderr.contains("ビルドしました") && stderr.contains("citizen") && stderr.contains("staff"),
        "{stderr}"
    );
    assert!(site.path().join("public/citizen/index.html").is_file());
    let en = tsunagu(&["build", "--lang", "en"], site.path());
    let stderr = String::from_utf8_lossy(&en.stderr);
    assert!(
        stderr.contains("pages in") && stderr.contains("built "),
        "{stderr}"
    );
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
    assert!(
        stderr.contains("`adress` というフィールドはありません"),
        "{stderr}"
    );
    assert!(
        stderr.contains("直し方: `address` のことですか？"),
        "{stderr}"
    );
    assert!(stderr.contains("ビルド失敗"), "{stderr}");
    // English from the flag, and from a locale that says English.
    let en = tsunagu(&["build", "--lang", "en"], site.path());
    let stderr = String::from_utf8_lossy(&en.stderr);
    assert!(stderr.contains("unknown field `adress`"), "{stderr}");
    assert!(stderr.contains("help: did you mean `address`?"), "{stderr}");
    assert!(stderr.contains("build failed"), "{stderr}");
    assert!(!stderr.contains("ありません"), "{stderr}");
    let locale = common::command(&["build"], site.path())
        .env("LANG", "en_GB.UTF-8")
        .output()
        .expect("run tsunagu");
    let stderr = String::from_utf8_lossy(&locale.stderr);
    assert!(stderr.contains("did you mean `address`?"), "{stderr}");
    // The flag wins over the locale.
    let ja = common::command(&["build", "--lang", "ja"], site.path())
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("run tsunagu");
    let stderr = String::from_utf8_lossy(&ja.stderr);
    assert!(stderr.contains("`address` のことですか？"), "{stderr}");
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
        stderr.contains("`kaigoo` という相談項目はありません")
            && stderr.contains("care-center.toml"),
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
    assert!(stderr.contains("の id として使われています"), "{stderr}");
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

#[test]
fn a_warning_repeated_for_many_records_is_summed_up_unless_verbose() {
    let site = site();
    let agencies = site.path().join("content/agencies");
    let text = common::read(&agencies.join("care-center.toml"));
    for i in 1..=5 {
        let copy = text
            .replace("id = \"care-center\"", &format!("id = \"old-{i}\""))
            .replace("verified = 2026-04-01", "verified = 2022-04-01");
        std::fs::write(agencies.join(format!("old-{i}.toml")), copy).expect("write");
    }
    let grouped = String::from_utf8_lossy(&tsunagu(&["check"], site.path()).stderr).into_owned();
    assert_eq!(grouped.matches("warning[stale]: ").count(), 3, "{grouped}");
    assert!(
        grouped.contains("warning[stale]: 上と同じ種類の警告がほかに 3 件あります"),
        "{grouped}"
    );
    assert!(
        grouped.contains("old-5.toml:9"),
        "the summary names where: {grouped}"
    );
    assert!(grouped.contains("警告 5 件"), "{grouped}");
    let verbose =
        String::from_utf8_lossy(&tsunagu(&["check", "--verbose"], site.path()).stderr).into_owned();
    assert_eq!(verbose.matches("warning[stale]: ").count(), 5, "{verbose}");
}

#[test]
fn report_and_import_speak_the_chosen_language() {
    let site = site();
    let ja = String::from_utf8_lossy(&tsunagu(&["report"], site.path()).stdout).into_owned();
    assert!(
        ja.contains("データの点検（足りないもの）") && ja.contains("確認日からの経過"),
        "{ja}"
    );
    let en = String::from_utf8_lossy(&tsunagu(&["report", "--lang", "en"], site.path()).stdout)
        .into_owned();
    assert!(en.contains("Data check (what is missing)"), "{en}");
    assert!(
        en.contains("[topic-without-desk]") && en.contains("topics without a desk"),
        "{en}"
    );
    assert!(!en.contains("確認日からの経過"), "{en}");
    // An import whose only row names an unknown topic says so in English.
    let csv = site.path().join("list.csv");
    std::fs::write(
        &csv,
        "相談項目,No.,相談内容,機関名\n宇宙について,1,月の相談,宇宙センター\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args([
            "import",
            csv.to_str().expect("utf-8"),
            "--dry-run",
            "--lang",
            "en",
            "--root",
        ])
        .arg(site.path())
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "row not imported: list.csv!2: the topic 「宇宙について」 is not in topics.toml"
        ),
        "{err}"
    );
    assert!(err.contains("nothing was written (--dry-run)"), "{err}");
}

/// `--help` is in the language of the messages: Japanese unless asked, the
/// subcommands' options too.
#[test]
fn help_is_japanese_by_default_and_english_when_asked() {
    let help = |args: &[&str], lang: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tsunagu"));
        c.args(args)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        if let Some(l) = lang {
            c.env("LANG", l);
        }
        let out = c.output().expect("run tsunagu");
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let ja = help(&["--help"], None);
    assert!(ja.contains("使い方:"), "{ja}");
    assert!(ja.contains("内容を確かめます"), "{ja}");
    assert!(ja.contains("ヘルプを表示します"), "{ja}");
    assert!(!ja.contains("Check the content"), "{ja}");
    let en = help(&["--help", "--lang", "en"], None);
    assert!(en.contains("Usage:"), "{en}");
    assert!(
        en.contains("Check the content without writing anything"),
        "{en}"
    );
    assert!(en.contains("Print help"), "{en}");
    assert!(!en.contains("内容を確かめます"), "{en}");
    // A subcommand's options, with the flag in either form or the locale.
    let build_ja = help(&["build", "--help"], None);
    assert!(build_ja.contains("サイトのフォルダー"), "{build_ja}");
    assert!(build_ja.contains("オプション"), "{build_ja}");
    for en in [
        help(&["build", "--help", "--lang=en"], None),
        help(&["build", "--help"], Some("en_US.UTF-8")),
    ] {
        assert!(en.contains("The site folder"), "{en}");
        assert!(en.contains("Options:"), "{en}");
        assert!(!en.contains("サイトのフォルダー"), "{en}");
    }
    // The `help` subcommand says the same as `--help`.
    assert_eq!(
        help(&["help", "diff"], None),
        help(&["diff", "--help"], None)
    );
}
