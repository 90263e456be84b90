//! `tsunagu import`: a workbook made here with the seed list's layout and
//! quirks (two-line header, area code in the header, ★ in the No. cell,
//! merged 相談項目 cells, two numbers in one cell, 「-」, <別紙>, full-width
//! digits) is merged into the content folder: nothing changes when the
//! sample already has the rows, a changed number is one change, hand-added
//! fields and ids are kept, and --dry-run writes nothing.

mod common;

use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

const HEAD: [&str; 10] = [
    "相談項目",
    "No.",
    "相談内容",
    "機関名",
    "担当者名",
    "",
    "所在地",
    "電話番号 (086)",
    "内線",
    "受付時間",
];

/// Rows of the seed list R4年度版 (No. 1, 2, 3, 4, 8, 9, 10, 17, 18).
fn seed_rows(phone_no2: &str) -> Vec<[&str; 10]> {
    vec![
        [
            "病気・医療について",
            "★ １",
            "在宅医療に関すること(かかりつけ医の紹介、主に医療関係者からの相談)",
            "地域ケア総合推進センター",
            "奥山",
            "-",
            "北区北長瀬表町二丁目17-80",
            "242-3135",
            "-",
            "平日 8:30~17:15",
        ],
        [
            "",
            "2",
            "医療に関する苦情、心配事の相談",
            "保健所総務課",
            "坂本",
            "小西",
            "北区鹿田町一丁目1-1 2F",
            phone_no2,
            "5217",
            "平日 8:30~17:15",
        ],
        [
            "",
            "3",
            "予防接種、感染症予防、エイズに関する相談",
            "保健所感染症対策課感染症対策係",
            "石原",
            "-",
            "北区鹿田町一丁目1-1 2F",
            "803-1262",
            "5230",
            "平日 8:30~17:15",
        ],
        [
            "",
            "4",
            "難病に関する医療受給者証の申請に関する相談",
            "健康づくり課特定疾病係",
            "柿本",
            "村上",
            "北区鹿田町一丁目1-1 2F",
            "803-1271",
            "5239",
            "平日 8:30~17:15",
        ],
        [
            "介護について",
            "★ 8",
            "高齢者(認知症、虐待など含む)",
            "地域ケア総合推進センター",
            "<別紙>",
            "<別紙>",
            "<別紙>",
            "<別紙>",
            "",
            "平日 8:30~17:00",
        ],
        [
            "",
            "9",
            "介護保険の申請",
            "各福祉事務所",
            "<別紙>",
            "<別紙>",
            "<別紙>",
            "<別紙>",
            "",
            "平日 8:30~17:15",
        ],
        [
            "",
            "１０",
            "介護保険サービスの利用に関すること",
            "介護保険課",
            "吉本",
            "宮原",
            "北区鹿田町一丁目1-1 7F",
            "803-1240 803-1241",
            "5782",
            "平日 8:30~17:15",
        ],
        [
            "障害について",
            "17",
            "身体障害に係る専門的な相談(身体障害者手帳、補装具、更生医療)",
            "障害者更生相談所",
            "長江",
            "-",
            "北区鹿田町一丁目1-1 4F",
            "803-1248",
            "5421",
            "平日 8:30~17:15",
        ],
        [
            "",
            "18",
            "知的障害に係る専門的な相談(療育手帳)",
            "障害者更生相談所",
            "安田",
            "-",
            "北区鹿田町一丁目1-1 4F",
            "803-1247",
            "5424",
            "平日 8:30~17:15",
        ],
    ]
}

fn workbook(path: &Path, rows: &[[&str; 10]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R4年度版").expect("name");
    ws.write_string(0, 0, "相談機関一覧").expect("cell");
    // Header over two rows: 担当者名 merged over 主・副.
    for (c, h) in HEAD.iter().enumerate() {
        if c != 4 && c != 5 {
            ws.write_string(2, c as u16, *h).expect("cell");
        }
    }
    ws.merge_range(2, 4, 2, 5, "担当者名", &Format::new())
        .expect("merge");
    ws.write_string(3, 4, "主").expect("cell");
    ws.write_string(3, 5, "副").expect("cell");
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(4 + i as u32, c as u16, *v).expect("cell");
            }
        }
    }
    wb.save(path).expect("save xlsx");
}

fn site_copy(dir: &Path) {
    common::copy_dir(&common::repo().join("content"), &dir.join("content"));
}

fn import(root: &Path, file: &Path, dry: bool) -> std::process::Output {
    let mut args = vec!["import", file.to_str().expect("utf-8")];
    if dry {
        args.push("--dry-run");
    }
    std::process::Command::new(env!("CARGO_BIN_EXE_tsunagu"))
        .args(&args)
        .arg("--root")
        .arg(root)
        // Messages in the default language (Japanese), whatever the locale.
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run")
}

#[test]
fn reimporting_the_list_the_sample_was_made_from_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temp");
    site_copy(tmp.path());
    let xlsx = tmp.path().join("list.xlsx");
    workbook(&xlsx, &seed_rows("803-1254"));
    let before = common::read_tree(&tmp.path().join("content"));
    let o = import(tmp.path(), &xlsx, false);
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stdout}\n{stderr}");
    let changes: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.contains("シートにありません"))
        .collect();
    assert!(changes.is_empty(), "unexpected changes:\n{stdout}");
    assert_eq!(before, common::read_tree(&tmp.path().join("content")));
}

#[test]
fn next_years_sheet_is_a_merge_and_dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().expect("temp");
    site_copy(tmp.path());
    let xlsx = tmp.path().join("r5.xlsx");
    workbook(&xlsx, &seed_rows("８０３－９９９９"));
    let file = tmp.path().join("content/agencies/hokenjo-soumuka.toml");
    let before = common::read(&file);
    let dry = import(tmp.path(), &xlsx, true);
    let out = String::from_utf8_lossy(&dry.stdout);
    assert!(
        out.contains("agencies/hokenjo-soumuka.toml: No.2 電話番号: 086-803-1254 → 086-803-9999"),
        "{out}"
    );
    assert_eq!(common::read(&file), before, "--dry-run wrote");
    let o = import(tmp.path(), &xlsx, false);
    assert!(o.status.success());
    let after = common::read(&file);
    assert!(after.contains("086-803-9999"));
    assert!(!after.contains("086-803-1254"));
    // Kept: the id, the reading, comments and the verified date.
    for kept in [
        "id = \"hokenjo-soumuka\"",
        "reading = \"ほけんじょそうむか\"",
        "# 相談機関一覧 R4年度版 No.2",
        "verified = 2022-04-01",
    ] {
        assert!(after.contains(kept), "lost {kept}:\n{after}");
    }
    let check = common::tsunagu(&["check"], tmp.path());
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn an_empty_site_gets_the_same_desks_on_its_topic_pages() {
    let tmp = tempfile::tempdir().expect("temp");
    let content = tmp.path().join("content");
    std::fs::create_dir_all(content.join("agencies")).expect("mkdir");
    for f in ["site.toml", "topics.toml"] {
        std::fs::copy(common::repo().join("content").join(f), content.join(f)).expect("copy");
    }
    // The sample's own multi-worry rule names agencies this empty site does
    // not have yet: a new site starts without one.
    let settings = common::read(&content.join("site.toml"));
    let mut in_plan = false;
    let without_plan: String = settings
        .lines()
        .filter(|l| {
            if l.starts_with('[') {
                in_plan = l.starts_with("[plan");
            }
            !in_plan
        })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(content.join("site.toml"), without_plan).expect("write");
    let xlsx = tmp.path().join("list.xlsx");
    workbook(&xlsx, &seed_rows("803-1254"));
    let o = import(tmp.path(), &xlsx, false);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_t, out) = common::build(tmp.path());
    let (_t2, sample) = common::build(&common::repo());
    let desks = |page: &str| -> Vec<&str> {
        [
            "地域ケア総合推進センター",
            "保健所総務課",
            "保健所感染症対策課感染症対策係",
            "健康づくり課特定疾病係",
            "介護保険課",
            "障害者更生相談所",
        ]
        .into_iter()
        .filter(|n| page.contains(n))
        .collect()
    };
    for topic in ["iryou", "kaigo"] {
        let imported = common::read(&out.join(format!("citizen/topics/{topic}.html")));
        let original = common::read(&sample.join(format!("citizen/topics/{topic}.html")));
        assert!(!desks(&imported).is_empty());
        assert_eq!(desks(&imported), desks(&original), "topic {topic}");
    }
    let staff = common::read(&out.join("staff/topics/iryou.html"));
    assert!(
        staff.contains("坂本") && staff.contains("5217"),
        "staff columns went to the staff tables"
    );
    let citizen = common::read_tree(&out.join("citizen"));
    for (p, b) in &citizen {
        assert!(
            !common::contains(b, "坂本"),
            "citizen/{p} shows a contact name"
        );
    }
}

#[test]
fn shift_jis_csv_reads_like_the_workbook_and_bad_rows_name_their_cell() {
    let tmp = tempfile::tempdir().expect("temp");
    site_copy(tmp.path());
    let mut text = String::from("相談機関一覧\n");
    text.push_str(&HEAD.join(","));
    text.push('\n');
    text.push_str(",,,,主,副,,,,\n");
    for r in seed_rows("803-1254") {
        text.push_str(&r.join(","));
        text.push('\n');
    }
    // No name, and a phone of its own unlike the row above: not the same
    // agency, so it cannot be placed.
    text.push_str(",99,不明な行,,,,,803-1240,,\n");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let csv = tmp.path().join("list.csv");
    std::fs::write(&csv, &bytes).expect("write");
    let o = import(tmp.path(), &csv, true);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        !o.status.success(),
        "a row that cannot be placed fails the import"
    );
    assert!(stderr.contains("list.csv!D13"), "{stderr}");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(!stdout.contains("電話番号"), "{stdout}");
}

/// The head with a ふりがな column after 機関名.
const HEAD_KANA: [&str; 11] = [
    "相談項目",
    "No.",
    "相談内容",
    "機関名",
    "ふりがな",
    "担当者名",
    "",
    "所在地",
    "電話番号 (086)",
    "内線",
    "受付時間",
];

/// Seed rows 17 and 18 (one agency, two desks) with the agency's name,
/// reading, address and phone merged over both rows, as the list does, and
/// row 10 written plainly.
fn merged_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("R5").expect("name");
    for (c, h) in HEAD_KANA.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("cell");
    }
    ws.write_string(1, 5, "主").expect("cell");
    ws.write_string(1, 6, "副").expect("cell");
    let plain = [
        "介護について",
        "１０",
        "介護保険サービスの利用に関すること",
        "介護保険課",
        "カイゴホケンカ",
        "吉本",
        "宮原",
        "北区鹿田町一丁目1-1 7F",
        "803-1240 803-1241",
        "5782",
        "平日 8:30~17:15",
    ];
    for (c, v) in plain.iter().enumerate() {
        ws.write_string(2, c as u16, *v).expect("cell");
    }
    let f = Format::new();
    ws.write_string(3, 0, "障害について").expect("cell");
    ws.write_string(3, 1, "17").expect("cell");
    ws.write_string(4, 1, "18").expect("cell");
    ws.write_string(
        3,
        2,
        "身体障害に係る専門的な相談(身体障害者手帳、補装具、更生医療)",
    )
    .expect("cell");
    ws.write_string(4, 2, "知的障害に係る専門的な相談(療育手帳)")
        .expect("cell");
    ws.merge_range(3, 3, 4, 3, "障害者更生相談所", &f)
        .expect("merge");
    ws.merge_range(3, 4, 4, 4, "しょうがいしゃこうせいそうだんじょ", &f)
        .expect("merge");
    ws.write_string(3, 5, "長江").expect("cell");
    ws.write_string(4, 5, "安田").expect("cell");
    ws.merge_range(3, 7, 4, 7, "北区鹿田町一丁目1-1 4F", &f)
        .expect("merge");
    ws.merge_range(3, 8, 4, 8, "803-1248", &f).expect("merge");
    ws.write_string(3, 9, "5421").expect("cell");
    ws.write_string(4, 9, "5424").expect("cell");
    ws.merge_range(3, 10, 4, 10, "平日 8:30~17:15", &f)
        .expect("merge");
    wb.save(path).expect("save xlsx");
}

fn empty_site(dir: &Path) {
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("agencies")).expect("mkdir");
    for f in ["site.toml", "topics.toml"] {
        std::fs::copy(common::repo().join("content").join(f), content.join(f)).expect("copy");
    }
}

#[test]
fn a_merged_agency_cell_is_carried_down_and_readings_come_from_the_furigana_column() {
    let tmp = tempfile::tempdir().expect("temp");
    empty_site(tmp.path());
    let xlsx = tmp.path().join("r5.xlsx");
    merged_workbook(&xlsx);
    let o = import(tmp.path(), &xlsx, false);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    let agencies = tmp.path().join("content/agencies");
    let mut files: Vec<String> = std::fs::read_dir(&agencies)
        .expect("dir")
        .map(|e| common::read(&e.expect("entry").path()))
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "two agencies, not three: {files:#?}");
    let soudanjo = files
        .iter()
        .find(|f| f.contains("障害者更生相談所"))
        .expect("the merged agency");
    // Both desks, each with the merged address and phone.
    assert_eq!(soudanjo.matches("[[matter]]").count(), 2, "{soudanjo}");
    assert!(
        soudanjo.contains("no = 18") && soudanjo.contains("安田"),
        "{soudanjo}"
    );
    assert!(
        soudanjo.contains("reading = \"しょうがいしゃこうせいそうだんじょ\""),
        "{soudanjo}"
    );
    assert!(
        soudanjo.contains("phones = [{ number = \"086-803-1248\" }]"),
        "{soudanjo}"
    );
    // Katakana ふりがな becomes the hiragana reading.
    let kaigo = files
        .iter()
        .find(|f| f.contains("介護保険課"))
        .expect("介護保険課");
    assert!(kaigo.contains("reading = \"かいごほけんか\""), "{kaigo}");
    assert!(
        !kaigo.contains("reading（よみ）を書いてください"),
        "{kaigo}"
    );
}

#[test]
fn a_blank_agency_in_a_csv_is_the_agency_above_unless_the_row_has_its_own_phone() {
    let tmp = tempfile::tempdir().expect("temp");
    empty_site(tmp.path());
    let mut text = HEAD_KANA.join(",");
    text.push('\n');
    text.push_str("障害について,17,身体障害に係る専門的な相談,障害者更生相談所,しょうがいしゃこうせいそうだんじょ,長江,-,北区鹿田町一丁目1-1 4F,803-1248,5421,平日 8:30~17:15\n");
    // A merged cell saved as CSV: name, reading, address and phone blank.
    text.push_str(",18,知的障害に係る専門的な相談(療育手帳),,,安田,-,,,5424,平日 8:30~17:15\n");
    // No name but a phone of its own: reported, not guessed.
    text.push_str(",19,不明な行,,,,,,803-1240,,\n");
    let csv = tmp.path().join("list.csv");
    std::fs::write(&csv, text).expect("write");
    let o = import(tmp.path(), &csv, false);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "the unplaced row fails: {stderr}");
    assert!(
        stderr.contains("list.csv!3: 機関名が空欄のため、上の行と同じ「障害者更生相談所」"),
        "{stderr}"
    );
    assert!(stderr.contains("list.csv!D4"), "{stderr}");
    assert!(!stderr.contains("list.csv!D3"), "{stderr}");
    let file = std::fs::read_dir(tmp.path().join("content/agencies"))
        .expect("dir")
        .map(|e| common::read(&e.expect("entry").path()))
        .find(|f| f.contains("障害者更生相談所"))
        .expect("written");
    assert_eq!(file.matches("[[matter]]").count(), 2, "{file}");
    assert!(
        file.contains("phones = [{ number = \"086-803-1248\" }]"),
        "{file}"
    );
}
