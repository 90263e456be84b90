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
    // The fallback lines, the crisis block and the quick exit are rendered
    // in this tree, so the scan below covers them.
    let kaigo = citizen.get("topics/kaigo.html").expect("topic page");
    for part in ["tel:0120279338", "id=\"crisis-lines\"", "data-quick-exit"] {
        assert!(
            common::contains(kaigo, part),
            "topics/kaigo.html lacks {part}"
        );
    }
    let search = citizen.get("search.html").expect("search page");
    assert!(common::contains(search, "data-search-fallback"));
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

/// The `<script type="application/ld+json">` bodies of an HTML page.
fn jsonld_scripts(html: &str) -> Vec<&str> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    html.match_indices(OPEN)
        .filter_map(|(i, _)| {
            let body = &html[i + OPEN.len()..];
            body.find("</script>").map(|end| &body[..end])
        })
        .collect()
}

/// JSON-LD and iCalendar are rendered from the audience's view, and only
/// from public fields: the citizen files exist, hold no canary, and are the
/// very same bytes as the staff site's, which was built from the view that
/// has every staff field filled with a canary.
#[test]
fn jsonld_and_calendars_come_from_public_fields_only() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    let staff = common::read_tree(&out.join("staff"));
    let canaries = canaries();
    let text = |tree: &std::collections::BTreeMap<String, Vec<u8>>, path: &str| {
        String::from_utf8(tree[path].clone()).expect("UTF-8")
    };
    for page in ["agencies/care-center.html", "programs/taisou.html"] {
        let (c, s) = (text(&citizen, page), text(&staff, page));
        let (c_ld, s_ld) = (jsonld_scripts(&c), jsonld_scripts(&s));
        assert_eq!(c_ld.len(), 1, "citizen/{page} has no JSON-LD");
        let parsed: serde_json::Value = serde_json::from_str(c_ld[0]).expect("JSON-LD parses");
        assert_eq!(parsed["@context"], "https://schema.org", "{page}");
        for canary in &canaries {
            assert!(
                !c_ld[0].contains(canary.as_str()),
                "citizen/{page} JSON-LD holds {canary}"
            );
        }
        assert_eq!(c_ld, s_ld, "{page}: the JSON-LD differs between the sites");
    }
    for ics in ["programs/taisou.ics", "programs/index.ics"] {
        let c = text(&citizen, ics);
        assert!(c.contains("BEGIN:VEVENT"), "citizen/{ics} has no event");
        for canary in &canaries {
            assert!(!c.contains(canary.as_str()), "citizen/{ics} holds {canary}");
        }
        assert_eq!(c, text(&staff, ics), "{ics} differs between the sites");
    }
}

/// `static/staff/` (of the site or of its theme) is for files meant for
/// staff only, such as the PDF of a 別紙 or a form: they reach the staff tree
/// and neither their bytes nor their names reach the citizen tree.
#[test]
fn static_staff_files_reach_only_the_staff_tree() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("site");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), &root);
    let files = [
        (
            "static/staff",
            "CANARY_STATIC_NAME_7c1.txt",
            "CANARY_STATIC_BYTES_3e9",
        ),
        (
            "themes/own/static/staff/forms",
            "CANARY_THEME_STATIC_NAME_5d2.txt",
            "CANARY_THEME_STATIC_BYTES_8a4",
        ),
    ];
    for (dir, name, bytes) in files {
        std::fs::create_dir_all(root.join(dir)).expect("mkdir");
        std::fs::write(root.join(dir).join(name), bytes).expect("write");
    }
    common::copy_dir(
        &common::repo().join("themes/default/templates"),
        &root.join("themes/own/templates"),
    );
    let site_toml = root.join("content/site.toml");
    let text = common::read(&site_toml);
    std::fs::write(&site_toml, format!("theme = \"own\"\n{text}")).expect("write");

    let (_out_tmp, out) = common::build(&root);
    let citizen = common::read_tree(&out.join("citizen"));
    let staff = common::read_tree(&out.join("staff"));
    assert!(citizen.len() > 10, "citizen tree is suspiciously small");
    for (_, name, bytes) in files {
        let stem = name.trim_end_matches(".txt");
        for (path, content) in &citizen {
            assert!(!path.contains(stem), "citizen/{path} is a staff-only file");
            assert!(
                !common::contains(content, bytes),
                "citizen/{path} has its bytes"
            );
            assert!(!common::contains(content, stem), "citizen/{path} names it");
        }
    }
    assert_eq!(
        staff
            .get("static/staff/CANARY_STATIC_NAME_7c1.txt")
            .map(Vec::as_slice),
        Some(&b"CANARY_STATIC_BYTES_3e9"[..])
    );
    assert_eq!(
        staff
            .get("static/staff/forms/CANARY_THEME_STATIC_NAME_5d2.txt")
            .map(Vec::as_slice),
        Some(&b"CANARY_THEME_STATIC_BYTES_8a4"[..])
    );
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
