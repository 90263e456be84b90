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
        tsunagu_search::SearchIndex::from_dir(&dir).expect("the built index parses")
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

/// Closed and suspended desks and offices stay in the content for staff;
/// the citizen site (pages, search, lookup data) has no trace of them. A
/// planned office is public, with its opening month.
#[test]
fn closed_desks_and_offices_are_on_the_staff_site_only() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    let staff = common::read_tree(&out.join("staff"));
    assert!(!citizen.contains_key("agencies/closed-desk.html"));
    assert!(staff.contains_key("agencies/closed-desk.html"));
    let c_lookup = citizen
        .get("static/lookup-data.js")
        .expect("citizen lookup data");
    let s_lookup = staff
        .get("static/lookup-data.js")
        .expect("staff lookup data");
    for closed in ["CANARY_CLOSED_DESK_NAME", "CANARY_SUSPENDED_OFFICE"] {
        assert!(
            !common::contains(c_lookup, closed),
            "citizen lookup has {closed}"
        );
        assert!(
            common::contains(s_lookup, closed),
            "staff lookup lacks {closed}"
        );
    }
    for public in [
        "北区分室",
        "南区分室（予定）",
        "2027年4月開設予定",
        "カナリア町",
        "1000001",
    ] {
        assert!(
            common::contains(c_lookup, public),
            "citizen lookup lacks {public}"
        );
    }
    let topic = citizen.get("topics/kaigo.html").expect("topic page");
    assert!(common::contains(topic, "お住まいの地域の窓口"));
    assert!(common::contains(topic, "2027年4月開設予定"));
    assert!(!common::contains(topic, "CANARY_SUSPENDED_OFFICE"));
    let staff_agency = staff.get("agencies/closed-desk.html").unwrap();
    assert!(common::contains(
        staff_agency,
        "市民向けサイトには載っていません"
    ));
}

/// Every string of a `staff` table (and every roster value) of a site's
/// TOML files that does not also appear in a public field.
fn staff_strings(content: &std::path::Path) -> BTreeSet<String> {
    fn walk(
        v: &toml::Value,
        staff: bool,
        out_staff: &mut Vec<String>,
        out_public: &mut Vec<String>,
    ) {
        match v {
            toml::Value::String(s) if staff => out_staff.push(s.clone()),
            toml::Value::String(s) => out_public.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|x| walk(x, staff, out_staff, out_public)),
            toml::Value::Table(t) => {
                for (k, x) in t {
                    walk(x, staff || k == "staff", out_staff, out_public);
                }
            }
            _ => {}
        }
    }
    let (mut staff, mut public) = (Vec::new(), Vec::new());
    for e in walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
    {
        let p = e.path();
        // Public pages name rosters and roles (相談支援包括化推進員).
        let public_page = p.extension().and_then(|x| x.to_str()) == Some("md")
            && !common::read(p).contains("audience = \"staff\"");
        if public_page {
            public.push(common::read(p));
        }
        if p.extension().and_then(|x| x.to_str()) != Some("toml") {
            continue;
        }
        // Sheets are staff-only forms whose labels (氏名, 住所) are common words.
        if p.components().any(|c| c.as_os_str() == "sheets") {
            continue;
        }
        let value: toml::Value = toml::from_str(&common::read(p)).expect("valid TOML");
        let roster = p.components().any(|c| c.as_os_str() == "rosters");
        walk(&value, roster, &mut staff, &mut public);
    }
    let public: BTreeSet<String> = public.into_iter().collect();
    staff
        .into_iter()
        .filter(|s| s.chars().count() >= 2 && !public.iter().any(|p| p.contains(s.as_str())))
        .collect()
}

/// The sample sites' own staff data (contact names, 内線, notes, rosters):
/// none of it in any citizen file, and the staff site has it.
#[test]
fn no_example_site_leaks_its_staff_fields() {
    for root in [
        common::repo(),
        common::repo().join("examples/morioka"),
        common::repo().join("examples/yonago"),
    ] {
        let strings = staff_strings(&root.join("content"));
        assert!(
            strings.len() >= 5,
            "{}: too few staff strings: {strings:?}",
            root.display()
        );
        let (_tmp, out) = common::build(&root);
        let citizen = common::read_tree(&out.join("citizen"));
        assert!(
            citizen.contains_key("lookup.html"),
            "{}: lookup page",
            root.display()
        );
        // Templates escape text: look for both forms.
        let escaped = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        for (path, bytes) in &citizen {
            for s in &strings {
                assert!(
                    !leaks(bytes, s) && !leaks(bytes, &escaped(s)),
                    "{}: citizen/{path} contains staff-only {s:?}",
                    root.display()
                );
            }
        }
        let staff = common::read_tree(&out.join("staff"));
        let all: Vec<u8> = staff.values().flatten().copied().collect();
        let missing: Vec<&String> = strings
            .iter()
            .filter(|s| !common::contains(&all, s) && !common::contains(&all, &escaped(s)))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: staff site lacks {missing:?}",
            root.display()
        );
    }
}

/// Whether `s` occurs in `bytes`; a 内線 such as 「5230」 only as a number of
/// its own, not inside a UUID or a longer number.
fn leaks(bytes: &[u8], s: &str) -> bool {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return common::contains(bytes, s);
    }
    let n = s.len();
    bytes.windows(n).enumerate().any(|(i, w)| {
        let near = |j: Option<usize>| {
            j.and_then(|j| bytes.get(j))
                .is_some_and(|b| b.is_ascii_hexdigit() || *b == b'-')
        };
        w == s.as_bytes() && !near(i.checked_sub(1)) && !near(Some(i + n))
    })
}

/// Meetings are staff-only records: the citizen tree has no page, no
/// calendar, no link and no search entry for them; the staff site has all.
#[test]
fn meetings_and_their_calendar_are_staff_only() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    let staff = common::read_tree(&out.join("staff"));
    assert!(!citizen.contains_key("meetings.html") && !citizen.contains_key("meetings.ics"));
    for (path, bytes) in &citizen {
        assert!(
            !common::contains(bytes, "meetings.html"),
            "citizen/{path} links to meetings"
        );
        assert!(
            !common::contains(bytes, "会議とつなぎ方"),
            "citizen/{path} names the page"
        );
    }
    let ics = String::from_utf8(staff["meetings.ics"].clone()).expect("UTF-8");
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains("SUMMARY:CANARY_MEETING_NAME"));
    assert!(ics.contains("RRULE:FREQ=MONTHLY"), "{ics}");
    assert!(staff["index.html"]
        .windows(13)
        .any(|w| w == b"meetings.html"));
}

/// Every example's meeting records and resources' staff tables stay off its
/// citizen site: any of their text values found there is a leak.
#[test]
fn no_meeting_or_resource_staff_text_of_any_example_reaches_its_citizen_site() {
    fn strings(v: &toml::Value, out: &mut Vec<String>) {
        match v {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            toml::Value::Table(t) => t.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    for root in [
        common::repo(),
        common::repo().join("examples/morioka"),
        common::repo().join("examples/okinawa"),
    ] {
        let mut secret = Vec::new();
        for (dir, staff_only) in [("meetings", false), ("resources", true)] {
            let Ok(entries) = std::fs::read_dir(root.join("content").join(dir)) else {
                continue;
            };
            for e in entries {
                let v: toml::Value =
                    toml::from_str(&common::read(&e.expect("entry").path())).expect("TOML");
                // `consent` and `reading` are shared vocabulary and `source`
                // a public document's title, not secrets.
                match (staff_only, v.get("staff")) {
                    (true, Some(s)) => strings(s, &mut secret),
                    (true, None) => {}
                    (false, _) => {
                        for (k, x) in v.as_table().expect("table") {
                            if !["consent", "reading", "id", "convenor_agency", "source"]
                                .contains(&k.as_str())
                            {
                                strings(x, &mut secret);
                            }
                        }
                    }
                }
            }
        }
        // Short words (「社協」) occur in public text by right; whole
        // sentences and names of meetings do not.
        secret.retain(|s| s.chars().count() >= 8);
        assert!(
            !secret.is_empty(),
            "{}: nothing to look for",
            root.display()
        );
        let (_tmp, out) = common::build(&root);
        for (path, bytes) in common::read_tree(&out.join("citizen")) {
            for s in &secret {
                assert!(
                    !common::contains(&bytes, s),
                    "{}: citizen/{path} holds staff-only 「{s}」",
                    root.display()
                );
            }
        }
    }
}

/// The citizen search is split into many small files (manifest, term shards,
/// exact-name shards, display chunks, ★ desks): none of them may hold a staff canary, even as
/// an index term. Terms are stored normalised (lowercase `"canary":[…]`), which the
/// upper-case scan above would miss.
#[test]
fn no_citizen_search_shard_holds_a_staff_term() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let shards = |audience: &str| -> Vec<(String, String)> {
        let tree = common::read_tree(&out.join(audience).join("search"));
        tree.into_iter()
            .filter(|(p, _)| {
                ["t/", "x/", "d/"].iter().any(|d| p.starts_with(d))
                    || p == "manifest.js"
                    || p == "s.js"
            })
            .map(|(p, b)| (p, String::from_utf8(b).expect("utf-8")))
            .collect()
    };
    let citizen = shards("citizen");
    assert!(
        citizen.iter().any(|(p, _)| p.starts_with("t/"))
            && citizen.iter().any(|(p, _)| p.starts_with("d/")),
        "citizen search has term shards and display chunks: {:?}",
        citizen.iter().map(|c| &c.0).collect::<Vec<_>>()
    );
    for (path, text) in &citizen {
        for needle in ["canary", "CANARY", "5555"] {
            assert!(
                !text.contains(needle),
                "citizen/search/{path} holds {needle}"
            );
        }
    }
    // The same check finds the term in the staff shards, so it is not vacuous.
    assert!(shards("staff")
        .iter()
        .any(|(p, t)| p.starts_with("t/") && t.contains("\"canary\":[")));
}

/// The long-list shapes (the program list paged, a topic's first page with
/// 100 programs and a count of the rest, the home page's 12 and its link)
/// are made from the same public fields: 120 more programs, each with the
/// fixture's staff canaries, leave no canary in any citizen file.
#[test]
fn the_paged_program_lists_hold_no_staff_canary() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("site");
    common::copy_dir(&common::repo().join("tests/fixtures/canary"), &root);
    let programs = root.join("content/programs");
    let taisou = common::read(&programs.join("taisou.toml"));
    for n in 0..120 {
        let id = format!("taisou-{n:03}");
        let text = taisou.replace("id = \"taisou\"", &format!("id = \"{id}\""));
        assert_ne!(text, taisou);
        std::fs::write(programs.join(format!("{id}.toml")), text).expect("write program");
    }
    let (_out_tmp, out) = common::build(&root);
    let citizen = common::read_tree(&out.join("citizen"));
    let staff = common::read_tree(&out.join("staff"));
    // The shapes under test were made.
    for (path, part) in [
        ("programs/index/2.html", "（2ページ目）"),
        ("topics/kaigo.html", "ほかにも21件あります。"),
        ("index.html", "すべての活動を見る（121件）"),
    ] {
        let page = citizen
            .get(path)
            .unwrap_or_else(|| panic!("citizen/{path} missing"));
        assert!(common::contains(page, part), "citizen/{path} lacks {part}");
    }
    assert!(staff
        .values()
        .any(|b| common::contains(b, "CANARY_PROGRAM_CONTACT")));
    let canaries = canaries();
    for (path, bytes) in &citizen {
        for c in &canaries {
            assert!(
                !common::contains(bytes, c),
                "citizen/{path} contains staff-only value {c}"
            );
        }
    }
}
