//! Open data: the HSDS 3.0 export is valid against the official JSON
//! Schemas (copied into tests/hsds-3.0 with their license), the 公共施設一覧
//! CSV has the standard's columns, and a citizen export carries no contact
//! name and no 内線 even though both formats have public columns for them.

mod common;

use serde_json::Value;
use std::path::{Path, PathBuf};

fn schema_dir() -> PathBuf {
    common::repo().join("tests/hsds-3.0/schema")
}

/// Resolves the schemas' `$ref: "phone.json"` from the copied files; nothing
/// is fetched from the network.
struct LocalSchemas;

impl jsonschema::Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.path().as_str().rsplit('/').next().unwrap_or_default();
        let text = std::fs::read_to_string(schema_dir().join(name))?;
        Ok(serde_json::from_str(&text)?)
    }
}

fn validator(name: &str) -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&common::read(&schema_dir().join(format!("{name}.json"))))
            .expect("schema is JSON");
    jsonschema::options()
        .with_base_uri(format!("https://hsds.invalid/schema/{name}.json"))
        .with_retriever(LocalSchemas)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("schema {name} does not compile: {e}"))
}

fn export(root: &Path, format: &str, audience: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("export");
    let o = common::tsunagu(
        &[
            "export",
            "--format",
            format,
            "--audience",
            audience,
            "--out",
            out.to_str().expect("utf-8 path"),
        ],
        root,
    );
    assert!(
        o.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    (tmp, out)
}

fn json_list(path: &Path) -> Vec<Value> {
    match serde_json::from_str(&common::read(path)).expect("JSON") {
        Value::Array(v) => v,
        other => panic!("{} is not an array: {other}", path.display()),
    }
}

fn validate_all(out: &Path) -> usize {
    let mut n = 0;
    for (file, schema) in [
        ("organizations.json", "organization"),
        ("services.json", "service"),
        ("locations.json", "location"),
        ("taxonomy_terms.json", "taxonomy_term"),
    ] {
        let v = validator(schema);
        let list = json_list(&out.join("opendata/hsds").join(file));
        assert!(!list.is_empty(), "{file} is empty");
        for item in &list {
            let errors: Vec<String> = v
                .iter_errors(item)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{file}: {errors:#?}\n{item:#}");
            n += 1;
        }
    }
    n
}

#[test]
fn the_validator_rejects_what_hsds_forbids() {
    // Guards the test itself: ids must be UUIDs and status one of four words.
    let v = validator("service");
    assert!(v.is_valid(&serde_json::json!({
        "id": "3b0f0a5e-8a62-5a5c-9c52-6f1c1a0e6f01", "name": "x", "status": "active"
    })));
    assert!(!v.is_valid(&serde_json::json!({"id": "not-a-uuid", "name": "x", "status": "active"})));
    assert!(!v.is_valid(&serde_json::json!({
        "id": "3b0f0a5e-8a62-5a5c-9c52-6f1c1a0e6f01", "name": "x", "status": "open"
    })));
    let phone = serde_json::json!({
        "id": "3b0f0a5e-8a62-5a5c-9c52-6f1c1a0e6f01", "name": "x", "status": "active",
        "phones": [{"id": "3b0f0a5e-8a62-5a5c-9c52-6f1c1a0e6f02", "number": "1", "extension": "内線"}]
    });
    assert!(
        !v.is_valid(&phone),
        "a nested $ref (phone.json) is not checked"
    );
}

#[test]
fn sample_hsds_export_is_valid_hsds_3() {
    let (_tmp, out) = export(&common::repo(), "hsds", "citizen");
    let n = validate_all(&out);
    let services = json_list(&out.join("opendata/hsds/services.json"));
    let matters: usize = count_matters(&common::repo().join("content/agencies"));
    assert_eq!(services.len(), matters, "one service per matter row");
    // Hours that parse become iCalendar-style schedules with Japan's offset.
    let weekly = services
        .iter()
        .flat_map(|s| s["schedules"].as_array().cloned().unwrap_or_default())
        .find(|s| s["byday"] == "MO,TU,WE,TH,FR")
        .expect("a weekday schedule");
    assert_eq!(weekly["freq"], "WEEKLY");
    assert!(weekly["opens_at"]
        .as_str()
        .is_some_and(|t| t.ends_with("+09:00")));
    assert!(n > 40);
}

#[test]
fn staff_hsds_export_is_valid_too_and_says_it_is_internal() {
    let canary = common::repo().join("tests/fixtures/canary");
    let (_tmp, out) = export(&canary, "hsds", "staff");
    validate_all(&out);
    let services = common::read(&out.join("opendata/hsds/services.json"));
    assert!(
        services.contains("CANARY_"),
        "staff export lost the contacts"
    );
    assert!(services.contains(tsunagu::export::STAFF_NOTICE));
}

fn count_matters(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| {
            common::read(e.path())
                .lines()
                .filter(|l| l.trim() == "[[matter]]")
                .count()
        })
        .sum()
}

fn canaries_in(text: &str) -> Vec<String> {
    text.match_indices("CANARY_")
        .map(|(i, _)| text[i..].chars().take(20).collect())
        .collect()
}

#[test]
fn citizen_exports_of_the_canary_site_hold_no_staff_value() {
    let canary = common::repo().join("tests/fixtures/canary");
    for format in ["hsds", "csv-ja"] {
        let (_tmp, out) = export(&canary, format, "citizen");
        for (path, bytes) in common::read_tree(&out) {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(
                canaries_in(&text).is_empty(),
                "{path} leaks {:?}",
                canaries_in(&text)
            );
            for n in ["03-5555-0101", "03-5555-0202"] {
                assert!(!text.contains(n), "{path} leaks direct line {n}");
            }
            assert!(!text.contains("\"contacts\""), "{path} has contacts");
            assert!(!text.contains("\"extension\""), "{path} has an extension");
            assert!(!text.contains(tsunagu::export::STAFF_NOTICE));
        }
    }
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("csv");
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("UTF-8 BOM for Excel");
    let mut r = csv::Reader::from_reader(body);
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("row").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_ja_has_the_standard_columns_and_empty_extensions_for_citizens() {
    let canary = common::repo().join("tests/fixtures/canary");
    let (_t1, citizen) = export(&canary, "csv-ja", "citizen");
    let (_t2, staff) = export(&canary, "csv-ja", "staff");
    let (header, rows) = csv_rows(&citizen.join("opendata/soudan-madoguchi.csv"));
    for col in [
        "名称",
        "名称_カナ",
        "住所",
        "電話番号",
        "内線番号",
        "利用可能曜日",
        "開始時間",
        "終了時間",
        "利用可能日時特記事項",
        "説明",
        "URL",
        "備考",
    ] {
        assert!(header.iter().any(|h| h == col), "missing column {col}");
    }
    let ext = header.iter().position(|h| h == "内線番号").expect("column");
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r[ext].is_empty()),
        "citizen CSV has 内線"
    );
    let (_, staff_rows) = csv_rows(&staff.join("opendata/soudan-madoguchi.csv"));
    assert_eq!(rows.len(), staff_rows.len());
    assert!(
        staff_rows.iter().any(|r| !r[ext].is_empty()),
        "staff CSV lost the 内線 (so the citizen check above proves nothing)"
    );
}

#[test]
fn sample_csv_has_one_row_per_desk_with_katakana_and_weekday_hours() {
    let (_tmp, out) = export(&common::repo(), "csv-ja", "citizen");
    let (header, rows) = csv_rows(&out.join("opendata/soudan-madoguchi.csv"));
    assert_eq!(
        rows.len(),
        count_matters(&common::repo().join("content/agencies"))
    );
    let col = |n: &str| header.iter().position(|h| h == n).expect(n);
    assert!(rows.iter().all(|r| !r[col("名称_カナ")]
        .chars()
        .any(|c| ('ぁ'..='ゖ').contains(&c))));
    assert!(rows
        .iter()
        .any(|r| r[col("利用可能曜日")] == "月火水木金" && !r[col("開始時間")].is_empty()));
}

#[test]
fn ids_are_the_same_in_the_citizen_and_staff_export() {
    let canary = common::repo().join("tests/fixtures/canary");
    let (_t1, c) = export(&canary, "hsds", "citizen");
    let (_t2, s) = export(&canary, "hsds", "staff");
    let ids = |p: &Path| -> Vec<String> {
        json_list(&p.join("opendata/hsds/services.json"))
            .iter()
            .map(|s| s["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(ids(&c), ids(&s));
}

#[test]
fn the_citizen_site_offers_both_files_on_its_open_data_page() {
    let (_tmp, out) = common::build(&common::repo());
    let citizen = common::read_tree(&out.join("citizen"));
    let staff = common::read_tree(&out.join("staff"));
    let page = String::from_utf8(citizen["opendata.html"].clone()).expect("UTF-8");
    for f in [
        "opendata/soudan-madoguchi.csv",
        "opendata/hsds/services.json",
        "opendata/hsds/organizations.json",
    ] {
        assert!(citizen.contains_key(f), "citizen tree lacks {f}");
        assert!(page.contains(f), "open-data page does not link {f}");
        assert!(!staff.contains_key(f), "staff site publishes {f}");
    }
    // The sample declares no license: the page must not pretend one.
    assert!(page.contains("利用条件はまだ定められていません"));
    let home = String::from_utf8(citizen["index.html"].clone()).expect("UTF-8");
    assert!(home.contains("opendata.html"));
}

#[test]
fn the_open_data_page_shows_the_license_the_site_declares() {
    let tmp = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), tmp.path());
    let settings = tmp.path().join("content/site.toml");
    let text = common::read(&settings);
    std::fs::write(
        &settings,
        format!("{text}\n[open_data]\nlicense = \"LICENSE_MARK_42\"\nlicense_url = \"https://example.org/l\"\n"),
    )
    .expect("write");
    let (_t, out) = common::build(tmp.path());
    let page = common::read(&out.join("citizen/opendata.html"));
    assert!(page.contains("LICENSE_MARK_42"));
    assert!(page.contains("href=\"https://example.org/l\""));
}
