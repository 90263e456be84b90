//! The TOML forms and the JSON the browser badge reads.

use chrono::NaiveDate;
use serde::Deserialize;
use tsunagu_hours::*;

#[derive(Deserialize)]
struct Agency {
    hours: WeeklyHours,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

#[test]
fn hours_from_a_string_or_a_rule_table() {
    let text: Agency =
        toml::from_str(r#"hours = "平日 8:30~17:15""#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text.hours.format(), "月～金 8:30～17:15");
    let table: Agency = toml::from_str(
        r#"
        [hours]
        text = "平日 8:30~17:15（第3水曜は19:00まで）"
        [[hours.rule]]
        days = ["mon", "tue", "wed", "thu", "fri"]
        open = "08:30"
        close = "17:15"
        [[hours.rule]]
        days = ["wed"]
        weeks = [3]
        open = "17:15"
        close = "19:00"
        "#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.hours.source, "平日 8:30~17:15（第3水曜は19:00まで）");
    assert_eq!(
        table.hours.format(),
        "月・火・木・金 8:30～17:15、第3水 8:30～19:00、第1・2・4・5水 8:30～17:15"
    );
    let back = parse_hours(&table.hours.format()).unwrap_or_else(|e| panic!("{}", e.message()));
    assert!(back.same_hours(&table.hours));
}

#[test]
fn toml_errors_are_reported() {
    let unknown = toml::from_str::<Agency>("[hours]\nrules = []\n")
        .err()
        .map(|e| e.to_string());
    assert!(unknown.is_some_and(|m| m.contains("unknown field `rules`")));
    let bad_text = toml::from_str::<Agency>(r#"hours = "平日 8:30""#)
        .err()
        .map(|e| e.to_string());
    assert!(
        bad_text.is_some_and(|m| m.contains("終了時刻がありません") && m.contains("8:30~17:15"))
    );
    let bad_day = toml::from_str::<Agency>(
        "[[hours.rule]]\ndays = [\"someday\"]\nopen = \"08:30\"\nclose = \"17:15\"\n",
    )
    .err()
    .map(|e| e.to_string());
    assert!(bad_day.is_some_and(|m| m.contains("曜日「someday」")));
    let reversed = toml::from_str::<Agency>(
        "[[hours.rule]]\ndays = [\"mon\"]\nopen = \"17:15\"\nclose = \"08:30\"\n",
    )
    .err();
    assert!(reversed.is_some());
}

#[test]
fn browser_json_layout() {
    let hours =
        parse_hours("平日 8:30～12:00、13:00～17:15").unwrap_or_else(|e| panic!("{}", e.message()));
    let json = browser_json(&hours, &Calendar::new(), d(2026, 11, 1), d(2027, 1, 31));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(v["v"], 1);
    assert_eq!(v["rules"][0]["days"], serde_json::json!([1, 2, 3, 4, 5]));
    assert_eq!(v["rules"][0]["hol"], false);
    assert_eq!(
        v["rules"][0]["ranges"],
        serde_json::json!([["08:30", "12:00"], ["13:00", "17:15"]])
    );
    assert_eq!(v["observeClosures"], true);
    assert_eq!(
        v["holidays"],
        serde_json::json!(["2026-11-03", "2026-11-23", "2027-01-01", "2027-01-11"])
    );
    assert_eq!(v["closures"][0], "2026-12-29");
    assert_eq!(v["closures"].as_array().map(Vec::len), Some(6));
    assert_eq!(v["until"], "2027-01-31");
    assert!(!json.contains('<'));
}

/// The browser test's fixture embeds this crate's JSON; it must not drift.
#[test]
fn browser_fixture_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/browser/fixtures/open-now.html"
    );
    let html = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let badges = [
        ("hours-city-hall", "平日 8:30～12:00、13:00～17:15"),
        ("hours-weekend", "土日祝 10:00～16:00"),
    ];
    for (id, text) in badges {
        let hours = parse_hours(text).unwrap_or_else(|e| panic!("{}", e.message()));
        let json = browser_json(&hours, &Calendar::new(), d(2026, 11, 1), d(2027, 12, 31));
        assert!(
            html.contains(&json),
            "{id} in {path} is stale: cargo run -p tsunagu-hours --example open_now_fixture"
        );
    }
}
