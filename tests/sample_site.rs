//! The sample content is Okayama's 相談機関一覧 (R4年度版). Each row of the
//! seed list below was copied by hand from the seed document, not from
//! content/, so these tests catch both rendering and data-entry mistakes.

mod common;

use std::path::Path;

struct Row {
    no: u32,
    topic: &'static str,
    agency: &'static str,
    matter: &'static str,
    phone: Option<&'static str>,
    hours: Option<&'static str>,
    star: bool,
}

const fn row(
    no: u32,
    topic: &'static str,
    agency: &'static str,
    matter: &'static str,
    phone: Option<&'static str>,
    hours: Option<&'static str>,
    star: bool,
) -> Row {
    Row {
        no,
        topic,
        agency,
        matter,
        phone,
        hours,
        star,
    }
}

const WEEKDAY: Option<&str> = Some("平日 8:30~17:15");

/// Rows of the seed list that name an agency (No. as in the list).
const ROWS: &[Row] = &[
    row(
        1,
        "iryou",
        "地域ケア総合推進センター",
        "在宅医療に関すること",
        Some("086-242-3135"),
        WEEKDAY,
        true,
    ),
    row(
        2,
        "iryou",
        "保健所総務課",
        "医療に関する苦情、心配事の相談",
        Some("086-803-1254"),
        WEEKDAY,
        false,
    ),
    row(
        3,
        "iryou",
        "保健所感染症対策課感染症対策係",
        "予防接種、感染症予防、エイズに関する相談",
        Some("086-803-1262"),
        WEEKDAY,
        false,
    ),
    row(
        4,
        "iryou",
        "健康づくり課特定疾病係",
        "難病に関する医療受給者証の申請に関する相談",
        Some("086-803-1271"),
        WEEKDAY,
        false,
    ),
    row(
        8,
        "kaigo",
        "地域ケア総合推進センター",
        "高齢者(認知症、虐待など含む)",
        None,
        Some("平日 8:30~17:00"),
        true,
    ),
    row(
        9,
        "kaigo",
        "各福祉事務所",
        "介護保険の申請",
        None,
        WEEKDAY,
        false,
    ),
    row(
        10,
        "kaigo",
        "介護保険課",
        "介護保険サービスの利用に関すること",
        Some("086-803-1241"),
        WEEKDAY,
        false,
    ),
    row(
        11,
        "shougai",
        "相談支援機能強化事業所",
        "障害者の一般相談支援",
        None,
        None,
        true,
    ),
    row(
        17,
        "shougai",
        "障害者更生相談所",
        "身体障害に係る専門的な相談",
        Some("086-803-1248"),
        WEEKDAY,
        false,
    ),
    row(
        18,
        "shougai",
        "障害者更生相談所",
        "知的障害に係る専門的な相談(療育手帳)",
        Some("086-803-1247"),
        WEEKDAY,
        false,
    ),
    row(
        19,
        "shougai",
        "各保健センター",
        "精神障害者保健福祉手帳",
        None,
        WEEKDAY,
        false,
    ),
    row(
        20,
        "shougai",
        "健康づくり課精神保健係",
        "精神障害者の日常生活用具給付に関する相談",
        None,
        None,
        false,
    ),
    row(
        21,
        "shougai",
        "健康づくり課特定疾病係",
        "難病患者の日常生活用具給付",
        None,
        None,
        false,
    ),
    row(
        22,
        "shougai",
        "こころの健康センター",
        "精神保健福祉に関する相談のうち、複雑又は困難なもの",
        None,
        None,
        false,
    ),
    row(
        23,
        "shougai",
        "発達障害者支援センター",
        "発達障害に関する相談",
        None,
        None,
        false,
    ),
];

/// The `<li class="entry …">` blocks of a topic page, in page order.
fn entries(html: &str) -> Vec<&str> {
    html.split("<li class=\"entry")
        .skip(1)
        .map(|e| e.split("</li>").next().unwrap_or(e))
        .collect()
}

/// The entry of `topic`'s page in `tree` that mentions `needle`.
fn entry_with(out: &Path, tree: &str, topic: &str, needle: &str) -> String {
    let html = topic_page(out, tree, topic);
    entries(&html)
        .into_iter()
        .find(|e| e.contains(needle))
        .unwrap_or_else(|| panic!("no entry with {needle} on {tree}/topics/{topic}.html"))
        .to_string()
}

fn topic_page(out: &Path, tree: &str, topic: &str) -> String {
    common::read(&out.join(tree).join(format!("topics/{topic}.html")))
}

#[test]
fn every_seed_row_is_on_its_topic_page_with_agency_phone_and_hours() {
    let (_tmp, out) = common::build(&common::repo());
    for r in ROWS {
        let html = topic_page(&out, "citizen", r.topic);
        let entry = entries(&html)
            .into_iter()
            .find(|e| e.contains(r.agency) && e.contains(r.matter))
            .unwrap_or_else(|| {
                panic!(
                    "No.{}: {} / {} missing from topics/{}.html",
                    r.no, r.agency, r.matter, r.topic
                )
            });
        if let Some(phone) = r.phone {
            assert!(entry.contains(phone), "No.{}: phone {phone} missing", r.no);
        }
        if let Some(hours) = r.hours {
            assert!(entry.contains(hours), "No.{}: hours {hours} missing", r.no);
        }
        assert_eq!(
            entry.starts_with(" entry-star"),
            r.star,
            "No.{}: ★ flag",
            r.no
        );
    }
}

#[test]
fn star_rows_come_first_on_every_topic_page() {
    let (_tmp, out) = common::build(&common::repo());
    for topic in ["iryou", "kokoro", "kaigo", "shougai"] {
        let html = topic_page(&out, "citizen", topic);
        let stars: Vec<bool> = entries(&html)
            .iter()
            .map(|e| e.starts_with(" entry-star"))
            .collect();
        assert!(
            stars.first() == Some(&true),
            "topics/{topic}.html does not start with a ★ row"
        );
        let first_plain = stars.iter().position(|s| !s).unwrap_or(stars.len());
        assert!(
            stars[first_plain..].iter().all(|s| !s),
            "topics/{topic}.html: ★ after a plain row: {stars:?}"
        );
    }
}

#[test]
fn separate_sheet_rows_say_so_instead_of_borrowing_a_number() {
    let (_tmp, out) = common::build(&common::repo());
    let entry = entry_with(&out, "citizen", "kaigo", "高齢者(認知症");
    assert!(!entry.contains("242-3135"), "row 8 shows row 1's number");
    assert!(entry.contains("別紙"), "row 8 does not explain <別紙>");
}

#[test]
fn staff_pages_show_the_named_contacts_and_extensions() {
    let (_tmp, out) = common::build(&common::repo());
    let entry = entry_with(&out, "staff", "iryou", "保健所総務課");
    for needle in ["坂本", "小西", "5217"] {
        assert!(entry.contains(needle), "staff row 2 lacks {needle}");
    }
    let citizen = topic_page(&out, "citizen", "iryou");
    assert!(!citizen.contains("坂本") && !citizen.contains("5217"));
}

#[test]
fn all_twelve_topics_are_on_the_home_page_in_order() {
    let (_tmp, out) = common::build(&common::repo());
    let home = common::read(&out.join("citizen/index.html"));
    let labels = [
        "病気・医療",
        "こころの問題",
        "介護",
        "障害",
        "子育て",
        "収入・仕事",
        "支出・滞納・借金",
        "住まい",
        "DV・虐待",
        "権利擁護",
        "健康",
        "その他",
    ];
    let mut last = 0;
    for l in labels {
        let at = home[last..]
            .find(l)
            .map(|i| i + last)
            .unwrap_or_else(|| panic!("{l} missing or out of order"));
        last = at;
    }
}

#[test]
fn pages_link_by_file_name_so_they_work_from_disk() {
    let (_tmp, out) = common::build(&common::repo());
    for tree in ["citizen", "staff"] {
        for (path, bytes) in common::read_tree(&out.join(tree)) {
            if !path.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8(bytes).expect("utf-8");
            for href in html
                .split("href=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
            {
                let internal = !href.contains(':') && !href.starts_with('#');
                if !internal || path == "404.html" {
                    continue;
                }
                let target = href.split('#').next().unwrap_or(href);
                assert!(
                    target.ends_with(".html")
                        || target.ends_with(".css")
                        || target.ends_with(".svg")
                        || target.ends_with(".xml")
                        // Open-data downloads (opendata.html).
                        || target.ends_with(".json")
                        || target.ends_with(".csv"),
                    "{tree}/{path}: bare link {href}"
                );
                let resolved = out
                    .join(tree)
                    .join(Path::new(&path).parent().unwrap_or(Path::new("")))
                    .join(target);
                assert!(resolved.exists(), "{tree}/{path}: broken link {href}");
            }
        }
    }
}

#[test]
fn staff_tree_is_not_indexed_and_citizen_tree_has_a_sitemap() {
    let (_tmp, out) = common::build(&common::repo());
    assert!(common::read(&out.join("staff/robots.txt")).contains("Disallow: /"));
    for (path, bytes) in common::read_tree(&out.join("staff")) {
        if path.ends_with(".html") {
            assert!(
                common::contains(
                    &bytes,
                    r#"<meta name="robots" content="noindex, nofollow">"#
                ),
                "staff/{path} lacks noindex"
            );
        }
    }
    let sitemap = common::read(&out.join("citizen/sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://example.jp/okayama/topics/kaigo.html</loc>"),
        "{sitemap}"
    );
    let home = common::read(&out.join("citizen/index.html"));
    assert!(home.contains(r#"<html lang="ja">"#));
    assert!(!home.contains("noindex"));
}

#[test]
fn no_page_requests_anything_from_another_host() {
    let (_tmp, out) = common::build(&common::repo());
    for tree in ["citizen", "staff"] {
        for (path, bytes) in common::read_tree(&out.join(tree)) {
            let text = String::from_utf8_lossy(&bytes);
            for attr in ["src=\"http", "src=\"//", "href=\"//", "@import", "url(http"] {
                assert!(
                    !text.contains(attr),
                    "{tree}/{path} loads an external resource ({attr})"
                );
            }
            if path.ends_with(".html") {
                let sheets = text.split("<link rel=\"stylesheet\" href=\"").skip(1);
                assert!(
                    sheets.clone().all(|s| !s.starts_with("http")),
                    "{tree}/{path}: external stylesheet"
                );
            }
        }
    }
}

#[test]
fn the_morioka_example_builds_with_its_own_topics() {
    let (_tmp, out) = common::build(&common::repo().join("examples/morioka"));
    let home = common::read(&out.join("citizen/index.html"));
    assert!(home.contains("盛岡"), "municipality missing");
    assert!(
        home.contains("ひきこもり"),
        "Morioka's 相談シート topic missing"
    );
    let programs = common::read(&out.join("citizen/programs/index.html"));
    assert!(programs.contains("Book and Bookenergy"), "BBM missing");
}

#[test]
fn builds_are_byte_identical() {
    let (_a, out_a) = common::build(&common::repo());
    let (_b, out_b) = common::build(&common::repo());
    assert_eq!(common::read_tree(&out_a), common::read_tree(&out_b));
}

#[test]
fn old_entries_tell_citizens_to_call_first_and_the_footer_dates_the_edition() {
    // The sample's desks were verified 2022-04-01 (the edition's date); the
    // build's today is fixed, so this does not depend on the real date.
    let (_tmp, out) = common::build(&common::repo());
    let kaigo = topic_page(&out, "citizen", "kaigo");
    assert!(kaigo.contains("この情報は2022年4月1日時点です。お出かけ前に電話でご確認ください"));
    let agency = std::fs::read_to_string(out.join("citizen/agencies/kaigo-hoken-ka.html")).unwrap();
    assert!(agency.contains("この情報は2022年4月1日時点です"));
    assert!(agency.contains("確認日：<time datetime=\"2022-04-01\">2022年4月1日</time>"));
    // Newest verification of any record: the national lines.
    assert!(kaigo.contains(
        "掲載内容はR4年度版の相談機関一覧にもとづきます。最も新しい確認日：2026年12月2日。"
    ));
}

#[test]
fn every_topic_page_of_both_samples_has_a_number_to_call() {
    for root in [common::repo(), common::repo().join("examples/morioka")] {
        let (_tmp, out) = common::build(&root);
        let dir = out.join("citizen/topics");
        for e in std::fs::read_dir(&dir).unwrap() {
            let html = std::fs::read_to_string(e.unwrap().path()).unwrap();
            assert!(
                html.contains("href=\"tel:"),
                "{} has no tel: link",
                root.display()
            );
        }
        let dv = std::fs::read_to_string(dir.join("dv.html")).unwrap();
        let crisis = dv.find("id=\"crisis-lines\"").expect("crisis block on DV");
        assert!(
            crisis < dv.find("class=\"lead\"").unwrap(),
            "crisis lines before the description"
        );
        assert!(dv.contains("tel:%238008") && dv.contains("tel:189"));
        assert!(dv.contains("data-quick-exit"));
    }
}

#[test]
fn staff_topic_pages_have_the_list_as_a_table_with_star_rows_first() {
    let (_tmp, out) = common::build(&common::repo());
    let staff = topic_page(&out, "staff", "kaigo");
    let table = &staff[staff
        .find("<table class=\"staff-table\">")
        .expect("staff table")..];
    let table = &table[..table.find("</table>").unwrap()];
    let rows: Vec<&str> = table.split("<tr").skip(2).collect();
    assert!(!rows.is_empty());
    assert!(
        rows[0].starts_with(" class=\"row-star\""),
        "★ row first: {}",
        rows[0]
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("<td>5782</td>") || r.contains("内線"))
            || table.contains("<th scope=\"col\">内線</th>")
    );
    let citizen = topic_page(&out, "citizen", "kaigo");
    assert!(!citizen.contains("staff-table"), "the table is staff-only");
    let home = std::fs::read_to_string(out.join("staff/index.html")).unwrap();
    assert!(home.contains("職員用の一覧です"));
    assert!(!home.contains("どの窓口からでも大丈夫です"));
}

#[test]
fn the_yonago_example_lists_its_centres_honestly_and_links_the_manager_roster() {
    let (_tmp, out) = common::build(&common::repo().join("examples/yonago"));
    let sougou = topic_page(&out, "citizen", "sougou");
    // The group once, with its open office and the planned ones.
    assert_eq!(
        sougou
            .matches("<h3 id=\"offices-sougou-soudan-shien-center\">お住まいの地域の窓口</h3>")
            .count(),
        1
    );
    assert!(sougou.contains("総合相談支援センター（ふれあいの里）"));
    assert!(sougou.contains("担当地域：中央エリア"));
    assert!(sougou.contains("開設予定（時期は未定）"));
    assert!(sougou.contains("どの窓口も、電話番号はこの一覧にまだ載っていません"));
    assert!(sougou.contains("href=\"tel:"), "a line to call");
    // Staff topic pages link the 断らない相談マネージャー roster; citizens have no roster.
    let staff = topic_page(&out, "staff", "kaigo");
    assert!(staff.contains("href=\"../rosters/kotowaranai-manager.html\""));
    assert!(!topic_page(&out, "citizen", "kaigo").contains("kotowaranai-manager"));
    let roster =
        std::fs::read_to_string(out.join("staff/rosters/kotowaranai-manager.html")).unwrap();
    for ka in [
        "長寿社会課",
        "福祉課",
        "子ども支援課",
        "障がい者支援課",
        "健康対策課",
        "子ども相談課",
    ] {
        assert_eq!(
            roster.matches(&format!("<td>{ka}</td>")).count(),
            2,
            "{ka}: マネージャー and サブマネージャー"
        );
    }
    assert!(!out.join("citizen/rosters").exists());
    for e in std::fs::read_dir(out.join("citizen/topics")).unwrap() {
        let html = std::fs::read_to_string(e.unwrap().path()).unwrap();
        assert!(
            html.contains("href=\"tel:"),
            "every Yonago topic page has a number to call"
        );
    }
}

#[test]
fn okayama_topic_pages_show_each_district_group_once_with_its_offices() {
    let (_tmp, out) = common::build(&common::repo());
    let kokoro = topic_page(&out, "citizen", "kokoro");
    assert_eq!(
        kokoro.matches("id=\"offices-kaku-hoken-center\"").count(),
        1
    );
    for office in [
        "北区北福祉区の保健センター",
        "北区中央福祉区の保健センター",
        "中区福祉区の保健センター",
        "南区南福祉区の保健センター",
    ] {
        assert!(kokoro.contains(office), "{office}");
    }
    assert!(kokoro.contains("href=\"../lookup.html\""));
    let lookup = std::fs::read_to_string(out.join("citizen/lookup.html")).unwrap();
    assert!(lookup.contains("福祉区（6）：北区北福祉区、北区中央福祉区、中区福祉区、南区南福祉区"));
    assert!(lookup.contains("中学校区（36）：名前はこの一覧にまだ載っていません"));
    let data = std::fs::read_to_string(out.join("citizen/static/lookup-data.js")).unwrap();
    assert!(data.starts_with("window.TSUNAGU_LOOKUP="));
    // Towns come from Japan Post's list with their 行政区.
    let towns = std::fs::read_to_string(common::repo().join("content/towns.toml")).unwrap();
    assert!(towns.contains("source = \"日本郵便 郵便番号データ"));
    assert!(data.contains("\"いずみ町\",\"いずみちょう\",\"7000012\""));
}
