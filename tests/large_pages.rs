//! The pages that list every desk by design — the household plan, 今日開いて
//! いる窓口 and the printable directory — stay light however large the
//! directory (issue 12): a generated 600-agency site takes the large-site
//! shapes, the sample keeps its one-page shapes.

mod common;

use common::{build, read_tree, repo};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

type Tree = BTreeMap<String, Vec<u8>>;

struct Site {
    citizen: Tree,
    staff: Tree,
    /// topic id → ids of the agencies with a matter in it, and the topic's
    /// row (matter) count, read from the generated records.
    agencies_by_topic: BTreeMap<String, BTreeSet<String>>,
    rows_by_topic: BTreeMap<String, usize>,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let src = tempfile::tempdir().expect("temp dir");
        tsunagu_synth::generate(src.path(), &tsunagu_synth::Options::new(600)).expect("generate");
        // Okayama's つなぐシート: its topics are the generator's.
        let sheets = src.path().join("content/sheets");
        std::fs::create_dir_all(&sheets).expect("mkdir");
        std::fs::copy(
            repo().join("content/sheets/tsunagu-sheet.toml"),
            sheets.join("tsunagu-sheet.toml"),
        )
        .expect("copy sheet");
        let (_out_tmp, out) = build(src.path());
        let mut agencies_by_topic: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut rows_by_topic: BTreeMap<String, usize> = BTreeMap::new();
        for e in std::fs::read_dir(src.path().join("content/agencies")).expect("agencies") {
            let text = std::fs::read_to_string(e.expect("entry").path()).expect("toml");
            let id = field(&text, "id = \"").expect("id");
            for line in text.lines() {
                if let Some(topic) = line.strip_prefix("topic = \"") {
                    let topic = topic.trim_end_matches('"').to_string();
                    *rows_by_topic.entry(topic.clone()).or_default() += 1;
                    agencies_by_topic
                        .entry(topic)
                        .or_default()
                        .insert(id.clone());
                }
            }
        }
        Site {
            citizen: read_tree(&out.join("citizen")),
            staff: read_tree(&out.join("staff")),
            agencies_by_topic,
            rows_by_topic,
        }
    })
}

fn field(text: &str, prefix: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix(prefix))
        .map(|v| v.trim_end_matches('"').to_string())
}

fn text(tree: &Tree, path: &str) -> String {
    String::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .clone(),
    )
    .expect("utf-8")
}

fn gzip_kb(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len() / 1024
}

/// The values of `attr="…"` in `html`, in order.
fn attrs(html: &str, attr: &str) -> Vec<String> {
    let needle = format!("{attr}=\"");
    html.split(needle.as_str())
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_plan_page_holds_no_desk_and_each_topic_loads_its_own_from_a_script() {
    let s = site();
    for (name, tree) in [("citizen", &s.citizen), ("staff", &s.staff)] {
        let plan = text(tree, "plan.html");
        assert!(
            plan.contains("data-plan-load=\"plan/\""),
            "{name}: large-site plan"
        );
        assert_eq!(
            plan.matches("data-agency=").count(),
            0,
            "{name}: no desk inline"
        );
        for (topic, agencies) in &s.agencies_by_topic {
            // Without JavaScript a ticked topic links to its own pages.
            let body = plan
                .split(&format!("data-plan-body=\"{topic}\""))
                .nth(1)
                .and_then(|b| b.split("</div>").next())
                .unwrap_or_else(|| panic!("{name}: no section for {topic}"));
            assert!(
                body.contains(&format!("<a href=\"topics/{topic}.html\">")),
                "{name}: {topic} has no link to its page"
            );
            let js = text(tree, &format!("plan/{topic}.js"));
            assert!(
                js.starts_with("(window.tsunaguPlanTopics"),
                "{name}: {topic}"
            );
            assert!(
                !js.contains('<'),
                "{name}: markup is escaped inside the script"
            );
            let html = js.replace("\\u003c", "<").replace("\\\"", "\"");
            // Every desk handling the topic, once, for the multi-topic list.
            let listed: Vec<String> = html
                .split("class=\"entry plan-agency\" data-agency=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .map(str::to_string)
                .collect();
            let unique: BTreeSet<String> = listed.iter().cloned().collect();
            assert_eq!(listed.len(), unique.len(), "{name}/{topic}: a desk twice");
            assert_eq!(&unique, agencies, "{name}/{topic}: desks of the topic");
            // The topic's own rows: page 1 of the topic, ★ first.
            let rows = html.matches("<li class=\"entry entry-star\"").count()
                + html.matches("<li class=\"entry\" data-agency").count();
            let total = s.rows_by_topic[topic];
            assert!(
                rows >= total.min(100),
                "{name}/{topic}: {rows} rows of {total}"
            );
            if total > rows {
                assert!(html.contains(&format!("全 {total} 件")), "{name}/{topic}");
            }
        }
    }
    // Staff-only data stays in the staff scripts.
    let staff_js = text(&s.staff, "plan/kaigo.js");
    let citizen_js = text(&s.citizen, "plan/kaigo.js");
    assert!(staff_js.contains("内線"));
    assert!(!citizen_js.contains("内線") && !citizen_js.contains("担当"));
}

#[test]
fn open_today_asks_for_the_worry_then_pages_each_topic() {
    let s = site();
    for (name, tree) in [("citizen", &s.citizen), ("staff", &s.staff)] {
        let index = text(tree, "open-today.html");
        assert_eq!(index.matches("<li class=\"entry").count(), 0, "{name}");
        for (topic, agencies) in &s.agencies_by_topic {
            let first = format!("open-today/{topic}.html");
            assert!(
                index.contains(&format!("href=\"{first}\"")),
                "{name}: {topic}"
            );
            let mut seen = BTreeSet::new();
            let pages: Vec<&String> = tree
                .keys()
                .filter(|k| **k == first || k.starts_with(&format!("open-today/{topic}/")))
                .collect();
            assert_eq!(pages.len(), agencies.len().div_ceil(100), "{name}/{topic}");
            for p in pages {
                let html = text(tree, p);
                let ids: Vec<String> = attrs(&html, "href")
                    .into_iter()
                    .filter_map(|h| {
                        h.strip_prefix("../")
                            .unwrap_or(&h)
                            .trim_start_matches("../")
                            .strip_prefix("agencies/")?
                            .strip_suffix(".html")
                            .map(str::to_string)
                    })
                    .filter(|id| !id.starts_with("index"))
                    .collect();
                assert!(
                    !ids.is_empty() && ids.len() <= 100,
                    "{name}/{p}: {}",
                    ids.len()
                );
                assert!(html.contains("data-open-today"), "{name}/{p}");
                // Desks of the same hours share one data script: no id twice,
                // and every open-now badge finds its data.
                let page_ids = attrs(&html, " id");
                let unique: BTreeSet<&String> = page_ids.iter().collect();
                assert_eq!(unique.len(), page_ids.len(), "{name}/{p}: an id twice");
                let badges = attrs(&html, "data-open-now");
                assert!(!badges.is_empty(), "{name}/{p}");
                for key in badges {
                    assert!(unique.contains(&key), "{name}/{p}: no data for {key}");
                }
                seen.extend(ids);
            }
            assert_eq!(&seen, agencies, "{name}/{topic}: every desk of the topic");
        }
    }
}

#[test]
fn the_printable_directory_is_an_index_and_a_paged_table_per_topic() {
    let s = site();
    assert!(!s.citizen.keys().any(|k| k.starts_with("directory")));
    let index = text(&s.staff, "directory.html");
    assert_eq!(index.matches("<td class=\"directory-no\">").count(), 0);
    let mut rows = 0;
    for (topic, total) in &s.rows_by_topic {
        assert!(index.contains(&format!("href=\"directory/{topic}.html\"")));
        let pages: Vec<&String> = s
            .staff
            .keys()
            .filter(|k| {
                **k == format!("directory/{topic}.html")
                    || k.starts_with(&format!("directory/{topic}/"))
            })
            .collect();
        assert_eq!(pages.len(), total.div_ceil(500), "{topic}");
        for p in pages {
            let html = text(&s.staff, p);
            let n = html.matches("<td class=\"directory-no\">").count();
            assert!(n > 0 && n <= 500, "{p}: {n} rows");
            assert!(html.contains("内線"), "{p}: the staff columns");
            rows += n;
        }
    }
    assert_eq!(
        rows,
        s.rows_by_topic.values().sum::<usize>(),
        "every row once"
    );
}

#[test]
fn a_referral_sheet_loads_the_desks_of_the_ticked_topics_instead_of_embedding_all() {
    let s = site();
    let sheet = text(&s.staff, "sheets/tsunagu-sheet.html");
    assert!(sheet.contains("data-sheet-load=\"../sheets/data/\">[]</script>"));
    for (topic, agencies) in &s.agencies_by_topic {
        let js = text(&s.staff, &format!("sheets/data/{topic}.js"));
        // `(window.tsunaguSheetTopics …)["dv"] = [ {agency}, … ];`: the
        // agencies' own ids, not those of the topics and programs inside them.
        let array = js
            .split_once("] = ")
            .map(|(_, a)| a.trim_end().trim_end_matches(';'))
            .expect("an assignment");
        let desks: Vec<serde_json::Value> = serde_json::from_str(array).expect("a JSON array");
        let ids: BTreeSet<String> = desks
            .iter()
            .filter_map(|d| d["id"].as_str())
            .map(str::to_string)
            .collect();
        assert_eq!(&ids, agencies, "{topic}");
        assert!(
            js.contains("extensions"),
            "{topic}: staff fields for the sheet"
        );
    }
    assert!(!s.citizen.keys().any(|k| k.starts_with("sheets/")));
}

#[test]
fn no_page_of_the_large_site_is_over_100_kb_gzip() {
    let s = site();
    for (name, tree) in [("citizen", &s.citizen), ("staff", &s.staff)] {
        for (path, bytes) in tree.iter().filter(|(p, _)| p.ends_with(".html")) {
            let kb = gzip_kb(bytes);
            assert!(kb <= 100, "{name}/{path}: {kb} KB gzip");
        }
        // The plan page does not grow with the directory: only the topic
        // checklist and the fallback lines.
        let plan = gzip_kb(&tree["plan.html"]);
        assert!(plan <= 10, "{name}/plan.html: {plan} KB gzip");
    }
}

#[test]
fn the_sample_keeps_its_one_page_plan_open_today_and_directory() {
    let (_tmp, out): (tempfile::TempDir, PathBuf) = build(&repo());
    let citizen = read_tree(&out.join("citizen"));
    let staff = read_tree(&out.join("staff"));
    for tree in [&citizen, &staff] {
        let plan = text(tree, "plan.html");
        assert!(!plan.contains("data-plan-load"));
        assert!(plan.contains("class=\"entry plan-agency\""));
        assert!(!tree.keys().any(|k| k.starts_with("plan/")));
        assert!(!tree.keys().any(|k| k.starts_with("open-today/")));
        assert!(text(tree, "open-today.html").contains("<li class=\"entry\">"));
        assert!(!text(tree, "index.html").contains("すべての活動を見る"));
    }
    assert!(!staff.keys().any(|k| k.starts_with("directory/")));
    assert!(text(&staff, "directory.html").contains("<td class=\"directory-no\">"));
}

/// Hrefs to program pages (not the list of them all) in `html`.
fn program_links(html: &str) -> usize {
    attrs(html, "href")
        .iter()
        .filter(|h| h.contains("programs/program-"))
        .count()
}

#[test]
fn a_paged_topic_lists_its_programs_on_its_first_page_and_links_there_from_the_others() {
    let s = site();
    let mut paged_topics_with_programs = 0;
    for tree in [&s.citizen, &s.staff] {
        for (path, _) in tree.range("topics/".to_string()..) {
            let Some(id) = path
                .strip_prefix("topics/")
                .and_then(|p| p.strip_suffix("/2.html"))
            else {
                continue;
            };
            let first = text(tree, &format!("topics/{id}.html"));
            let listed = program_links(&first);
            if listed == 0 {
                continue;
            }
            paged_topics_with_programs += 1;
            assert!(first.contains("id=\"programs\""), "topics/{id}.html");
            let second = text(tree, path);
            assert_eq!(program_links(&second), 0, "{path} repeats the programs");
            let link = format!("href=\"../../topics/{id}.html#programs\"");
            assert!(second.contains(&link), "{path} lacks {link}");
            assert!(
                second.contains(&format!("関連する活動（{listed}件）")),
                "{path} gives another count than the {listed} on page 1"
            );
        }
    }
    assert!(
        paged_topics_with_programs > 0,
        "no paged topic with programs"
    );
}

#[test]
fn the_home_page_shows_a_few_programs_and_links_to_them_all() {
    let s = site();
    let all = program_links(&text(&s.citizen, "programs/index.html"));
    assert!(all > 12, "the generated site has only {all} programs");
    for tree in [&s.citizen, &s.staff] {
        let home = text(tree, "index.html");
        assert_eq!(program_links(&home), 12);
        assert!(home.contains(&format!(
            "<a href=\"programs/index.html\">すべての活動を見る（{all}件）</a>"
        )));
    }
}
