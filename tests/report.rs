//! `tsunagu report`: counts first, then every gap with file:line; the same
//! report is a page of the staff site and never of the citizen site.

mod common;

use std::path::Path;

/// A copy of the canary site with a topic nobody handles, appended at a
/// known line, and an agency without phone, hours or address.
fn site_with_gaps(dir: &Path) -> usize {
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), dir);
    let topics = dir.join("content/topics.toml");
    let text = common::read(&topics);
    let line = text.lines().count() + 3;
    std::fs::write(
        &topics,
        format!(
            "{text}\n[[topic]]\nid = \"orphan\"\nlabel = \"ORPHAN_TOPIC\"\nreading = \"みなしご\"\ndescription = \"だれも受けない\"\norder = 99\n"
        ),
    )
    .expect("write topics");
    std::fs::write(
        dir.join("content/agencies/bare.toml"),
        "id = \"bare\"\nname = \"BARE_AGENCY\"\nreading = \"はだか\"\n\n[[matter]]\ntopic = \"kaigo\"\ndescription = \"何もない窓口\"\n",
    )
    .expect("write agency");
    line
}

#[test]
fn report_lists_counts_then_items_with_file_and_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let line = site_with_gaps(tmp.path());
    let o = common::tsunagu(&["report"], tmp.path());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        out.contains(&format!("content/topics.toml:{line}: ORPHAN_TOPIC")),
        "{out}"
    );
    for code in [
        "[topic-without-desk]",
        "[desk-without-phone]",
        "[desk-without-hours]",
        "[desk-without-address]",
        "[never-verified]",
    ] {
        assert!(out.contains(code), "missing count {code}:\n{out}");
    }
    // Counts come before the first item.
    let counts = out.find("[topic-without-desk]").expect("count");
    let item = out.find("ORPHAN_TOPIC").expect("item");
    assert!(counts < item);
    let bare = "content/agencies/bare.toml:6: BARE_AGENCY";
    assert!(out.contains(bare), "{out}");
}

#[test]
fn report_json_counts_match_the_items() {
    let tmp = tempfile::tempdir().expect("temp dir");
    site_with_gaps(tmp.path());
    let o = common::tsunagu(&["report", "--format", "json"], tmp.path());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let items = v["items"].as_array().expect("items");
    for c in v["counts"].as_array().expect("counts") {
        let n = items.iter().filter(|i| i["kind"] == c["code"]).count();
        assert_eq!(c["count"].as_u64(), Some(n as u64), "{c}");
    }
    let desk = v["counts"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["code"] == "topic-without-desk"))
        .expect("count");
    assert_eq!(desk["count"], 1);
}

#[test]
fn the_report_is_a_staff_page_only() {
    let tmp = tempfile::tempdir().expect("temp dir");
    site_with_gaps(tmp.path());
    let (_t, out) = common::build(tmp.path());
    let page = common::read(&out.join("staff/report.html"));
    assert!(page.contains("ORPHAN_TOPIC"));
    assert!(page.contains("content/agencies/bare.toml:6"));
    assert!(!out.join("citizen/report.html").exists());
    let staff_home = common::read(&out.join("staff/index.html"));
    assert!(staff_home.contains("report.html"));
}
