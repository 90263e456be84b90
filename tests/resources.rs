//! 社会資源 and 支援メニュー, communication support and meetings: what the
//! pages show, built from the fixtures and the three examples.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

fn page(tree: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .clone(),
    )
    .expect("UTF-8")
}

/// The text of an HTML page without tags, for phrases split by markup.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_resource_page_shows_its_facts_figures_as_a_table_and_the_honest_unknowns() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    let html = page(&citizen, "resources/ibasho.html");
    let t = text(&html);
    for part in [
        "対象 概ね3歳未満の子と保護者 （0～2歳）",
        "専門分野以外の人も受け入れています",
        "箇所数 2か所",
        "運営 カナリア市（直営・補助）",
        "費用 無料",
        "外国語（やさしい日本語・英語）・筆談",
    ] {
        assert!(t.contains(part), "resource page lacks 「{part}」: {t}");
    }
    // The yearly series is a table: one row per year, numbers formatted.
    let table = &html[html.find("<table class=\"series\">").expect("series table")..];
    let table = &table[..table.find("</table>").unwrap()];
    let rows: Vec<String> = table.split("<tr>").skip(2).map(text).collect();
    assert_eq!(rows, ["R3 1,200人", "R4 1,350人", "R5 980人"]);
    // An event whose day has passed says so; one with no contact says so.
    let event = text(&page(&citizen, "resources/kenshuukai.html"));
    assert!(
        event.contains("この催しは終わりました（2026年1月14日）"),
        "{event}"
    );
    assert!(event.contains("定員 150人"));
    // No number of its own: the page leads to its topic's desks, not to nothing.
    assert!(event.contains("電話番号はこの一覧に載っていません。 「支出・滞納・借金」の相談窓口 で聞くことができます"), "{event}");
    assert!(
        page(&citizen, "resources/kenshuukai.html").contains("href=\"../topics/shishutsu.html\"")
    );
    assert!(event.contains("費用 この一覧には書かれていません"));
}

#[test]
fn resources_are_listed_by_kind_by_topic_and_by_area_and_on_their_topic_pages() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    let by_kind = text(&page(&citizen, "resources/index.html"));
    assert!(by_kind.contains("居場所 カナリア居場所") && by_kind.contains("催し カナリア研修会"));
    let by_topic = page(&citizen, "resources/by-topic.html");
    let kaigo = &by_topic[by_topic.find("id=\"kaigo\"").expect("介護 section")..];
    let kaigo = &kaigo[..kaigo.find("</section>").unwrap()];
    assert!(kaigo.contains("resources/ibasho.html") && !kaigo.contains("kenshuukai"));
    let by_area = page(&citizen, "resources/by-area.html");
    let north = &by_area[by_area.find(">北区<").expect("北区 section")..];
    assert!(north[..north.find("</section>").unwrap()].contains("resources/ibasho.html"));
    let none = &by_area[by_area.find("id=\"area-none\"").expect("no-area section")..];
    assert!(none.contains("resources/kenshuukai.html"));
    let topic = page(&citizen, "topics/kaigo.html");
    assert!(topic.contains("この困りごとに関係する地域の場・支援メニュー"));
    assert!(topic.contains("../resources/ibasho.html"));
}

#[test]
fn the_communication_pages_list_exactly_the_desks_and_resources_that_offer_it() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let citizen = common::read_tree(&out.join("citizen"));
    // The desks and resources listed in a page's result lists.
    let links = |path: &str| -> Vec<String> {
        let html = page(&citizen, path);
        let mut found = Vec::new();
        for (i, _) in html.match_indices("data-support-list=") {
            let list = &html[i..];
            let list = &list[..list.find("</ul>").unwrap()];
            for (j, _) in list.match_indices("href=\"../") {
                let rest = &list[j + 9..];
                found.push(rest[..rest.find('"').unwrap()].to_string());
            }
        }
        found
    };
    assert_eq!(
        links("support/foreign-language.html"),
        ["agencies/care-center.html", "resources/ibasho.html"]
    );
    assert_eq!(links("support/fax.html"), ["agencies/care-center.html"]);
    assert_eq!(links("support/writing.html"), ["resources/ibasho.html"]);
    let none = text(&page(&citizen, "support/relay-service.html"));
    assert!(none.contains("電話リレーサービスで相談できると知らせている窓口はまだ載っていません"));
    // The filter is a set of plain links on the desk list: no script needed.
    let list = page(&citizen, "agencies/index.html");
    assert!(list.contains("href=\"../support/foreign-language.html\">外国語で相談できる"));
    assert!(list.contains("href=\"../support/fax.html\">FAXで相談できる"));
    let agency = text(&page(&citizen, "agencies/care-center.html"));
    assert!(agency.contains(
        "電話以外の相談 外国語（英語・ポルトガル語）・FAX・手話 （通訳は前日までに予約）"
    ));
}

#[test]
fn resources_are_found_by_search_on_both_sites_and_staff_text_only_on_staff() {
    let (_tmp, out) = common::build(&common::repo().join("tests/fixtures/canary"));
    let index = |audience: &str| {
        let dir = out.join(audience).join("search");
        tsunagu_search::SearchIndex::from_dir(&dir).expect("the built index parses")
    };
    let (staff, citizen) = (index("staff"), index("citizen"));
    for idx in [&staff, &citizen] {
        let hits = idx.search("カナリア居場所");
        assert_eq!(
            hits.first().map(|h| h.url.as_str()),
            Some("resources/ibasho.html")
        );
    }
    for q in ["CANARY_RESOURCE_NOTE", "CANARY_RESOURCE_AVAILABILITY"] {
        let hits: Vec<String> = staff.search(q).into_iter().map(|h| h.id).collect();
        assert!(
            hits.contains(&"resource:ibasho".to_string()),
            "{q}: {hits:?}"
        );
        assert!(citizen.search(q).is_empty(), "citizen search finds {q}");
    }
}

#[test]
fn the_meetings_page_answers_which_meeting_by_consent_and_who_leads() {
    let (_tmp, out) = common::build(&common::repo().join("examples/morioka"));
    let staff = common::read_tree(&out.join("staff"));
    let html = page(&staff, "meetings.html");
    let case = |id: &str| {
        let c = &html[html.find(&format!("id=\"{id}\">")).expect("guide case") + id.len() + 6..];
        text(&c[..c.find("</section>").unwrap()])
    };
    let (with, without) = (case("guide-with"), case("guide-without"));
    assert!(
        with.starts_with("本人の同意があるとき よりそい会議（仮）"),
        "{with}"
    );
    assert!(with.contains("社協がチームリーダー"), "{with}");
    assert!(!with.contains("支援会議（仮）"), "{with}");
    assert!(
        without.starts_with("本人の同意がないとき 支援会議（仮）"),
        "{without}"
    );
    assert!(without.contains("社会福祉法 第106条の6"));
    assert!(without.contains("関係機関がチームリーダー"));
    let t = text(&html);
    assert!(t.contains("個別の事例を扱わない会議： まるごと推進会議（仮）"));
    // No meeting of the sample has a fixed day: no calendar is offered.
    assert!(!staff.contains_key("meetings.ics"));
    assert!(!common::read_tree(&out.join("citizen")).contains_key("meetings.html"));
}

#[test]
fn okayama_meetings_show_their_yearly_counts_as_a_table() {
    let (_tmp, out) = common::build(&common::repo());
    let staff = common::read_tree(&out.join("staff"));
    let t = text(&page(&staff, "meetings.html"));
    assert!(
        t.contains("本人の同意がないとき 複合課題ケース検討会（支援会議）"),
        "{t}"
    );
    assert!(t.contains("H30 27回 R元 48回 R2 26回 R3 13回 R4 23回 R5 21回 R6 10回"));
    let citizen = common::read_tree(&out.join("citizen"));
    let tamariba = text(&page(&citizen, "resources/tamariba.html"));
    assert!(
        tamariba.contains("R3 60人 R4 57人 R5 60人 R6 60人"),
        "{tamariba}"
    );
    assert!(tamariba.contains("R3 96.6% R4 82.4% R5 93.3% R6 98.3%"));
}

/// Seed 004's existing-agency table, entered as written: 7 desks, the
/// counts of 地域型 and 事業所 kept, the 地域づくり places as resources.
#[test]
fn the_okinawa_example_holds_seed_004s_table_and_says_what_it_does_not_know() {
    let root = common::repo().join("examples/okinawa");
    let (_tmp, out) = common::build(&root);
    let citizen = common::read_tree(&out.join("citizen"));
    let agencies: Vec<&String> = citizen
        .keys()
        .filter(|k| k.starts_with("agencies/") && *k != "agencies/index.html")
        .collect();
    assert_eq!(agencies.len(), 7, "{agencies:?}");
    let chiiki = text(&page(&citizen, "agencies/chiikigata-houkatsu.html"));
    assert!(chiiki.contains("市内に7か所"));
    assert!(chiiki.contains("この一覧にはまだ載っていません"));
    let jigyousho = text(&page(&citizen, "agencies/soudan-shien-jigyousho.html"));
    assert!(jigyousho.contains("市内4か所"));
    for (path, places) in [
        ("resources/kosodate-shien-center.html", "箇所数 2か所"),
        ("resources/tsudoi-no-hiroba.html", "箇所数 4か所"),
    ] {
        let t = text(&page(&citizen, path));
        assert!(
            t.contains(places) && t.contains("概ね3歳未満の子と保護者"),
            "{t}"
        );
        assert!(t.contains("運営 直営・補助"));
    }
    let katsudou: Vec<&String> = citizen
        .keys()
        .filter(|k| k.starts_with("resources/"))
        .filter(|k| {
            ![
                "resources/index.html",
                "resources/by-topic.html",
                "resources/by-area.html",
            ]
            .contains(&k.as_str())
        })
        .filter(|k| page(&citizen, k).contains("地域活動支援センター機能強化事業"))
        .collect();
    assert_eq!(katsudou.len(), 3, "{katsudou:?}");
    for dir in ["topics"] {
        for (k, v) in citizen.iter().filter(|(k, _)| k.starts_with(dir)) {
            assert!(
                common::contains(v, "href=\"tel:"),
                "{k} has no number to call"
            );
        }
    }
    assert!(text(&page(&citizen, "index.html")).contains("6月23日（慰霊の日）"));
}

/// 慰霊の日 is a closure of the Okinawa site: a desk with weekday hours is
/// closed on 6/23 in its open-now data.
#[test]
fn okinawa_desks_are_closed_on_irei_no_hi() {
    let tmp = tempfile::tempdir().expect("temp");
    let root = tmp.path().join("okinawa");
    common::copy_dir(&common::repo().join("examples/okinawa"), &root);
    let file = root.join("content/agencies/kikan-houkatsu.toml");
    let toml = common::read(&file);
    std::fs::write(
        &file,
        toml.replacen("summary =", "hours = \"平日 8:30~17:15\"\nsummary =", 1),
    )
    .expect("write");
    let (_out_tmp, out) = common::build(&root);
    let html = common::read(&out.join("citizen/agencies/kikan-houkatsu.html"));
    let closures = &html[html.find("\"closures\":[").expect("closures")..];
    let closures = &closures[..closures.find(']').unwrap()];
    assert!(closures.contains("\"2027-06-23\""), "{closures}");
    assert!(!closures.contains("\"2027-06-22\""));
}

/// Every example site builds with its resources and meetings.
#[test]
fn every_example_builds_with_resource_pages() {
    for root in [
        common::repo(),
        common::repo().join("examples/morioka"),
        common::repo().join("examples/okinawa"),
    ] {
        let (_tmp, out) = common::build(&root);
        let resources = std::fs::read_dir(out.join("citizen/resources"))
            .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
            .count();
        assert!(resources > 3, "{}: {resources} files", root.display());
        assert!(Path::new(&out.join("staff/meetings.html")).exists());
    }
}

/// The coordinators and advisors are found by field on the staff site,
/// across rosters, without search or JavaScript.
#[test]
fn the_roster_index_lists_every_member_by_field_across_rosters() {
    let (_tmp, out) = common::build(&common::repo());
    let staff = common::read_tree(&out.join("staff"));
    let html = page(&staff, "rosters/index.html");
    let t = text(&html);
    assert!(t.contains("分野で探す"));
    assert!(
        t.contains("医療（2）") && t.contains("児童福祉（3）"),
        "{t}"
    );
    let jidou = &html[html.find(">児童福祉</h3>").expect("児童福祉 section")..];
    let jidou = &jidou[..jidou.find("</section>").unwrap()];
    assert_eq!(jidou.matches("<li>").count(), 3);
    assert!(jidou.contains("こども総合相談所"));
    assert!(!common::read_tree(&out.join("citizen")).contains_key("rosters/index.html"));
}
