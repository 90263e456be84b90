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
            // The data package describes every HSDS column, these included.
            if !path.ends_with("datapackage.json") {
                assert!(!text.contains("\"contacts\""), "{path} has contacts");
                assert!(!text.contains("\"extension\""), "{path} has an extension");
            }
            assert!(!text.contains(tsunagu::export::STAFF_NOTICE));
        }
    }
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("csv");
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("UTF-8 BOM for Excel");
    parse_csv(body)
}

/// Header and rows of a CSV body, as strings.
fn parse_csv(body: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
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
    // The fixture's closed desk (status 廃止) is in the staff export only.
    assert_eq!(rows.len() + 1, staff_rows.len());
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
    // The same ids in the same order; the staff export also has the
    // fixture's closed desk (status 廃止), which citizens do not get.
    let (c, s) = (ids(&c), ids(&s));
    let shared: Vec<String> = s.iter().filter(|i| c.contains(i)).cloned().collect();
    assert_eq!(c, shared);
    assert_eq!(s.len(), c.len() + 1);
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

/// A CSV of the tabular package (no BOM: the data package's CSV dialect).
fn table(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let body = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_csv(&body)
}

fn column<'a>(header: &[String], rows: &'a [Vec<String>], name: &str) -> Vec<&'a str> {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows.iter().map(|r| r[i].as_str()).collect()
}

/// Columns the list has no data for, which HSDS requires: left empty
/// rather than guessed (as in the JSON export).
const UNKNOWN: &[(&str, &str)] = &[("address", "state_province"), ("address", "postal_code")];

#[test]
fn hsds_tabular_package_has_the_standard_tables_columns_and_keys() {
    let (_tmp, out) = export(&common::repo(), "hsds", "citizen");
    let dir = out.join("opendata/hsds/tabular");
    let package: Value =
        serde_json::from_str(&common::read(&dir.join("datapackage.json"))).expect("JSON");
    assert_eq!(package["profile"], "tabular-data-package");
    let resources = package["resources"].as_array().expect("resources");
    assert_eq!(
        resources.len(),
        21,
        "every HSDS table, so every foreign key resolves"
    );
    let mut tables = std::collections::BTreeMap::new();
    for r in resources {
        let name = r["name"].as_str().expect("name");
        let (header, rows) = table(&dir.join(r["path"].as_str().expect("path")));
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f["name"].as_str().expect("field name"))
            .collect();
        assert_eq!(header, fields, "{name}: columns in the package's order");
        // Checked against the object's JSON Schema, independently of the
        // package: every column is one of its plain properties, and every
        // plain property it requires is a column.
        let schema: Value =
            serde_json::from_str(&common::read(&schema_dir().join(format!("{name}.json"))))
                .expect("schema");
        let props = schema["properties"].as_object().expect("properties");
        let plain = |p: &str| {
            props
                .get(p)
                .is_some_and(|v| !matches!(v["type"].as_str(), Some("array" | "object")))
        };
        for h in &header {
            assert!(plain(h), "{name}.{h} is not a property of {name}.json");
        }
        for req in schema["required"].as_array().into_iter().flatten() {
            let req = req.as_str().expect("name");
            if plain(req) {
                assert!(
                    header.iter().any(|h| h == req),
                    "{name} lacks required {req}"
                );
            }
        }
        for f in r["schema"]["fields"].as_array().expect("fields") {
            let field = f["name"].as_str().expect("name");
            if f["constraints"]["required"] == true && !UNKNOWN.contains(&(name, field)) {
                for (i, v) in column(&header, &rows, field).iter().enumerate() {
                    assert!(!v.is_empty(), "{name} row {} has no {field}", i + 2);
                }
            }
        }
        let ids = column(&header, &rows, "id");
        let unique: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{name}: ids are unique");
        tables.insert(name.to_string(), (header, rows, r.clone()));
    }
    // Foreign keys name rows that exist.
    for (name, (header, rows, r)) in &tables {
        for fk in r["schema"]["foreignKeys"].as_array().into_iter().flatten() {
            let field = fk["fields"].as_str().expect("fk field");
            let target = fk["reference"]["resource"].as_str().expect("resource");
            let (th, tr, _) = &tables[target];
            let ids: std::collections::BTreeSet<&str> = column(th, tr, "id").into_iter().collect();
            for v in column(header, rows, field) {
                assert!(
                    v.is_empty() || ids.contains(v),
                    "{name}.{field} = {v} is not a {target}"
                );
            }
        }
    }
    // The same records as the JSON files.
    let services = json_list(&out.join("opendata/hsds/services.json"));
    assert_eq!(tables["service"].1.len(), services.len());
    let phones: usize = services
        .iter()
        .map(|s| s["phones"].as_array().map_or(0, Vec::len))
        .sum::<usize>()
        + json_list(&out.join("opendata/hsds/organizations.json"))
            .iter()
            .map(|o| o["phones"].as_array().map_or(0, Vec::len))
            .sum::<usize>();
    assert_eq!(tables["phone"].1.len(), phones);
    assert!(!tables["schedule"].1.is_empty() && !tables["address"].1.is_empty());
    // The sample declares no licence: the package claims none.
    assert!(package.get("licenses").is_none() && package.get("license").is_none());
}

#[test]
fn hsds_tabular_contacts_and_extensions_are_for_staff_only() {
    let canary = common::repo().join("tests/fixtures/canary");
    let (_t1, citizen) = export(&canary, "hsds", "citizen");
    let dir = citizen.join("opendata/hsds/tabular");
    let (_, contacts) = table(&dir.join("contacts.csv"));
    assert!(
        contacts.is_empty(),
        "citizen contacts.csv has rows: {contacts:?}"
    );
    let (header, phones) = table(&dir.join("phones.csv"));
    assert!(!phones.is_empty());
    assert!(column(&header, &phones, "extension")
        .iter()
        .all(|e| e.is_empty()));
    let (_t2, staff) = export(&canary, "hsds", "staff");
    let dir = staff.join("opendata/hsds/tabular");
    let (header, contacts) = table(&dir.join("contacts.csv"));
    assert!(
        column(&header, &contacts, "name")
            .iter()
            .any(|n| n.contains("CANARY_PRIMARY")),
        "{contacts:?}"
    );
    let (header, services) = table(&dir.join("services.csv"));
    assert!(column(&header, &services, "alert")
        .iter()
        .all(|a| *a == tsunagu::export::STAFF_NOTICE));
}

#[test]
fn hsds_tabular_package_carries_the_license_the_site_declares() {
    let tmp = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), tmp.path());
    let settings = tmp.path().join("content/site.toml");
    let text = common::read(&settings);
    std::fs::write(
        &settings,
        format!("{text}\n[open_data]\nlicense = \"LICENSE_MARK_42\"\nlicense_url = \"https://example.org/l\"\n"),
    )
    .expect("write");
    let (_t, out) = export(tmp.path(), "hsds", "citizen");
    let package: Value = serde_json::from_str(&common::read(
        &out.join("opendata/hsds/tabular/datapackage.json"),
    ))
    .expect("JSON");
    assert_eq!(package["licenses"][0]["title"], "LICENSE_MARK_42");
    assert_eq!(package["licenses"][0]["path"], "https://example.org/l");
}

/// A build streams the open data into its staging folder as it is made,
/// `tsunagu export` collects it in memory: both are the same files, byte
/// for byte, and the page gives each listed file's size as written.
#[test]
fn the_open_data_a_build_streams_is_the_export_byte_for_byte() {
    let (_tmp, out) = common::build(&common::repo());
    let citizen = common::read_tree(&out.join("citizen"));
    let page = String::from_utf8(citizen["opendata.html"].clone()).expect("UTF-8");
    for format in ["hsds", "csv-ja"] {
        let (_etmp, exported) = export(&common::repo(), format, "citizen");
        let files = common::read_tree(&exported);
        assert!(!files.is_empty(), "{format}: nothing exported");
        for (path, bytes) in files {
            let built = citizen
                .get(&path)
                .unwrap_or_else(|| panic!("the build has no {path}"));
            assert!(built == &bytes, "{path} differs between build and export");
        }
    }
    let services = &citizen["opendata/hsds/services.json"];
    let kib = services.len().div_ceil(1024);
    assert!(
        page.contains(&format!(
            "services.json</a></td><td>JSON（Open Referral HSDS 3.0）</td><td>{kib} KB"
        )),
        "the page does not give services.json as {kib} KB"
    );
}

/// The tabular phones are written as each agency is made: an organization's
/// own numbers, then its services', agency after agency in the order of
/// organizations.csv (so a large directory's export is never held whole).
#[test]
fn tabular_phones_come_agency_by_agency_organization_first() {
    let (_tmp, out) = export(&common::repo(), "hsds", "citizen");
    let dir = out.join("opendata/hsds/tabular");
    let rows = |name: &str| -> Vec<std::collections::HashMap<String, String>> {
        let mut r = csv::Reader::from_path(dir.join(name)).expect("CSV");
        let headers = r.headers().expect("header").clone();
        r.records()
            .map(|rec| {
                let rec = rec.expect("row");
                headers
                    .iter()
                    .map(str::to_string)
                    .zip(rec.iter().map(str::to_string))
                    .collect()
            })
            .collect()
    };
    let orgs: Vec<String> = rows("organizations.csv")
        .into_iter()
        .map(|o| o["id"].clone())
        .collect();
    let service_org: std::collections::HashMap<String, String> = rows("services.csv")
        .into_iter()
        .map(|s| (s["id"].clone(), s["organization_id"].clone()))
        .collect();
    // (agency position, 0 for the organization's own number, 1 for a service's)
    let order: Vec<(usize, u8)> = rows("phones.csv")
        .iter()
        .map(|p| {
            let (org, kind) = match p["organization_id"].as_str() {
                "" => (&service_org[&p["service_id"]], 1),
                org => (&org.to_string(), 0),
            };
            let at = orgs
                .iter()
                .position(|o| o == org)
                .expect("a known organization");
            (at, kind)
        })
        .collect();
    assert!(
        order.len() > orgs.len(),
        "the sample has phones on services too"
    );
    assert!(order.iter().any(|o| o.1 == 0) && order.iter().any(|o| o.1 == 1));
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "phones.csv is not agency by agency, organization first: {order:?}"
    );
}
