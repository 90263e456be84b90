//! Non-negotiable 1: nothing staff-only ever reaches the citizen tree. A
//! fixture puts a distinctive canary in every staff-only field; after a build,
//! no byte of any citizen file may contain one, and the staff tree must
//! contain every one (proving the canaries were really rendered somewhere).

mod common;

use std::collections::BTreeSet;

fn canaries() -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let root = common::repo().join("tests/fixtures/canary/content");
    for entry in walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let text = common::read(entry.path());
        for (i, _) in text.match_indices("CANARY_") {
            let word: String = text[i..]
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            set.insert(word);
        }
    }
    // Staff-only direct lines, as written and as dialled digits.
    for n in ["03-5555-0101", "03-5555-0202", "0355550101", "0355550202"] {
        set.insert(n.to_string());
    }
    set
}

#[test]
fn no_staff_canary_reaches_any_citizen_file() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    let canaries = canaries();
    assert!(
        canaries.len() >= 25,
        "fixture lost its canaries: {canaries:?}"
    );
    assert!(citizen.len() > 10, "citizen tree is suspiciously small");
    for (path, bytes) in &citizen {
        for c in &canaries {
            assert!(
                !common::contains(bytes, c),
                "citizen/{path} contains staff-only value {c}"
            );
        }
    }
}

#[test]
fn every_staff_canary_is_on_the_staff_site() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let staff = common::read_tree(&out.join("staff"));
    for c in canaries() {
        assert!(
            staff.values().any(|bytes| common::contains(bytes, &c)),
            "staff tree never shows {c}: the staff site lost data"
        );
    }
}

#[test]
fn staff_only_pages_and_rosters_are_absent_from_the_citizen_tree() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    let staff = common::read_tree(&out.join("staff"));
    assert!(!citizen.keys().any(|k| k.starts_with("rosters/")));
    assert!(!citizen.contains_key("pages/staff-guide.html"));
    assert!(staff.contains_key("rosters/advisors.html"));
    assert!(staff.contains_key("pages/staff-guide.html"));
    assert!(citizen.contains_key("pages/about.html"));
}

#[test]
fn the_citizen_tree_never_links_into_the_staff_site() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    for (path, bytes) in common::read_tree(&out.join("citizen")) {
        assert!(
            !common::contains(&bytes, "staff.example.jp"),
            "citizen/{path} names the staff host"
        );
        assert!(
            !common::contains(&bytes, "/staff/"),
            "citizen/{path} links into /staff/"
        );
    }
}

#[test]
fn rosters_are_found_by_staff_search_only() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let index = |audience: &str| {
        let dir = out.join(audience).join("search");
        tsunagu_search::SearchIndex::parse(
            &common::read(&dir.join("index.js")),
            &common::read(&dir.join("display.js")),
        )
        .expect("the built index parses")
    };
    let (staff, citizen) = (index("staff"), index("citizen"));
    for q in [
        "CANARY_ROSTER_FIELD",
        "CANARY_ROSTER_AFFILIATION",
        "CANARY_ROSTER_NAME",
        "CANARY_ROSTER_TITLE CANARY_ROSTER_FIELD",
    ] {
        let hits = staff.search(q);
        assert_eq!(
            hits.first().map(|h| h.id.as_str()),
            Some("roster:advisors:0"),
            "staff search for {q}"
        );
        assert_eq!(hits[0].url, "rosters/advisors.html");
        let found: Vec<String> = citizen.search(q).into_iter().map(|h| h.id).collect();
        assert!(found.is_empty(), "citizen search for {q} found {found:?}");
    }
}
