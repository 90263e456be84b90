//! Long lists split into pages joined by plain links (issue 12: no page
//! grows with the directory). A generated 600-agency site has topics and an
//! agency list longer than one page.

mod common;

use common::{build, read_tree};
use std::collections::BTreeMap;

type Tree = BTreeMap<String, Vec<u8>>;

const EXTRA_PROGRAMS: usize = 120;

fn site() -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let src = tempfile::tempdir().expect("temp dir");
    tsunagu_synth::generate(src.path(), &tsunagu_synth::Options::new(600)).expect("generate");
    // The generator makes 30 programs for 600 desks; 120 more, copies of the
    // first under new ids, make the program list and the first program's
    // topics' lists of programs longer than a page.
    let programs = src.path().join("content/programs");
    let first = std::fs::read_to_string(programs.join("program-000000.toml")).expect("program");
    for n in 0..EXTRA_PROGRAMS {
        let id = format!("program-9{n:05}");
        let text = first.replace("id = \"program-000000\"", &format!("id = \"{id}\""));
        assert_ne!(text, first);
        std::fs::write(programs.join(format!("{id}.toml")), text).expect("write program");
    }
    let (out_tmp, out) = build(src.path());
    (src, out_tmp, out)
}

fn text(tree: &Tree, path: &str) -> String {
    String::from_utf8(
        tree.get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .clone(),
    )
    .expect("utf-8")
}

/// The targets of `<a href>` on `page`, resolved against its folder.
fn links(page: &str, html: &str) -> Vec<String> {
    let dir: Vec<&str> = page.split('/').collect();
    let dir = &dir[..dir.len() - 1];
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| !h.contains(':') && !h.starts_with('#'))
        .map(|h| {
            let mut parts: Vec<&str> = dir.to_vec();
            for seg in h.split('#').next().unwrap_or("").split('/') {
                match seg {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    s => parts.push(s),
                }
            }
            parts.join("/")
        })
        .collect()
}

/// The pages of the list `<folder>/index.html`, `<folder>/index/<n>.html`
/// and the rows they list (link targets for which `is_row` holds), after
/// checking that every page's links to its siblings resolve and that no
/// row is listed twice.
fn paged_list(tree: &Tree, folder: &str, is_row: impl Fn(&str) -> bool) -> (usize, Vec<String>) {
    let first = format!("{folder}/index.html");
    let rest = format!("{folder}/index/");
    let pages: Vec<&String> = tree
        .keys()
        .filter(|k| **k == first || k.starts_with(&rest))
        .collect();
    let mut listed = Vec::new();
    for p in &pages {
        let html = text(tree, p);
        for target in links(p, &html) {
            if is_row(&target) {
                listed.push(target);
            } else if target == first || target.starts_with(&rest) {
                assert!(tree.contains_key(&target), "{p} links to missing {target}");
            }
        }
    }
    listed.sort();
    let before = listed.len();
    listed.dedup();
    assert_eq!(before, listed.len(), "{folder}: a row listed twice");
    (pages.len(), listed)
}

fn rows(html: &str) -> usize {
    html.matches("<li class=\"entry").count()
}

#[test]
fn a_long_topic_is_paged_with_every_star_desk_on_page_one() {
    let (_src, _out_tmp, out) = site();
    for tree_name in ["citizen", "staff"] {
        let tree = read_tree(&out.join(tree_name));
        // The topic with the most pages.
        let id = tree
            .keys()
            .filter_map(|k| k.strip_prefix("topics/")?.split_once('/'))
            .max_by_key(|(_, page)| page.trim_end_matches(".html").parse::<usize>().unwrap_or(0))
            .map(|(id, _)| id.to_string())
            .expect("some topic has a page 2");
        let page_one = format!("topics/{id}.html");
        let first = text(&tree, &page_one);
        let pages: Vec<&String> = tree
            .keys()
            .filter(|k| **k == page_one || k.starts_with(&format!("topics/{id}/")))
            .collect();
        assert!(pages.len() >= 2);
        let mut total = 0;
        for p in &pages {
            let html = text(&tree, p);
            let n = rows(&html);
            assert!(n > 0 && n <= 100, "{tree_name}/{p} has {n} rows");
            total += n;
            if **p != page_one {
                assert!(!html.contains("entry-star"), "{p}: ★ rows belong on page 1");
            }
            // Plain links reach every neighbour, without JavaScript.
            for target in links(p, &html) {
                if target.starts_with(&format!("topics/{id}")) {
                    assert!(tree.contains_key(&target), "{p} links to missing {target}");
                }
            }
        }
        assert!(first.contains("entry-star"), "the ★ desks are on page 1");
        assert!(first.contains("rel=\"next\""));
        // Every desk of the topic appears exactly once across the pages:
        // the staff table of every page lists the same rows as its cards.
        let star_rows = first.matches("entry-star").count();
        assert!(star_rows >= 1);
        assert!(total > 100, "{total} rows in all");
        let last = pages.len();
        let last_page = text(&tree, &format!("topics/{id}/{last}.html"));
        assert!(!last_page.contains("rel=\"next\""));
        assert!(last_page.contains("rel=\"prev\""));
    }
}

#[test]
fn the_agency_list_is_paged_and_every_agency_is_listed_once() {
    let (_src, _out_tmp, out) = site();
    let tree = read_tree(&out.join("citizen"));
    let (pages, listed) = paged_list(&tree, "agencies", |t| {
        t.starts_with("agencies/")
            && t != "agencies/index.html"
            && !t.starts_with("agencies/index/")
    });
    assert_eq!(pages, 6, "600 agencies, 100 a page");
    assert_eq!(listed.len(), 600);
    let sitemap = text(&tree, "sitemap.xml");
    assert!(sitemap.contains("agencies/index/6.html"));
    assert!(sitemap.contains("agencies/index/2.html"));
}

#[test]
fn the_program_list_is_paged_and_every_program_is_listed_once() {
    let (src, _out_tmp, out) = site();
    let total = std::fs::read_dir(src.path().join("content/programs"))
        .expect("programs")
        .count();
    assert_eq!(total, 30 + EXTRA_PROGRAMS);
    for tree_name in ["citizen", "staff"] {
        let tree = read_tree(&out.join(tree_name));
        let (pages, listed) = paged_list(&tree, "programs", |t| t.starts_with("programs/program-"));
        assert_eq!(pages, total.div_ceil(100), "{tree_name}: 100 a page");
        assert_eq!(listed.len(), total, "{tree_name}");
        assert!(text(&tree, "programs/index/2.html").contains("（2ページ目）"));
        assert!(text(&tree, "sitemap.xml").contains("programs/index/2.html"));
        assert!(text(&tree, "index.html").contains(&format!("すべての活動を見る（{total}件）")));
    }
}

#[test]
fn a_topic_lists_a_page_of_its_programs_and_says_how_many_more_there_are() {
    let (src, _out_tmp, out) = site();
    let first = std::fs::read_to_string(src.path().join("content/programs/program-000000.toml"))
        .expect("program");
    let topics_line = first
        .lines()
        .find(|l| l.starts_with("topics = ["))
        .expect("topics");
    let topic = topics_line
        .split('"')
        .nth(1)
        .expect("a topic id")
        .to_string();
    for tree_name in ["citizen", "staff"] {
        let tree = read_tree(&out.join(tree_name));
        let page = format!("topics/{topic}.html");
        let html = text(&tree, &page);
        let listed: Vec<String> = links(&page, &html)
            .into_iter()
            .filter(|t| t.starts_with("programs/program-"))
            .collect();
        assert_eq!(listed.len(), 100, "{tree_name}/{page}");
        // The topic's programs: every copy of the first, and the generated ones on it.
        let all = std::fs::read_dir(src.path().join("content/programs"))
            .expect("programs")
            .filter(|e| {
                let text =
                    std::fs::read_to_string(e.as_ref().expect("entry").path()).expect("read");
                text.lines()
                    .any(|l| l.starts_with("topics = [") && l.contains(&format!("\"{topic}\"")))
            })
            .count();
        assert!(all > 100, "{all} programs on {topic}");
        assert!(
            html.contains(&format!("ほかにも{}件あります。", all - 100)),
            "{tree_name}/{page} does not say how many more"
        );
        assert!(html.contains("id=\"programs\""));
    }
}
