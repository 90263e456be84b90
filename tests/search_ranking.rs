//! Ranking on the real sample site, through the Rust twin of the browser's
//! query code (the two are kept identical by the parity tests): what a
//! citizen types should put the obvious answer first.

mod common;

use tsunagu_search::SearchIndex;

fn citizen_index() -> SearchIndex {
    let (_tmp, out) = common::build(&common::repo());
    let dir = out.join("citizen/search");
    SearchIndex::parse(
        &common::read(&dir.join("index.js")),
        &common::read(&dir.join("display.js")),
    )
    .expect("the built index parses")
}

#[test]
fn the_obvious_answer_comes_first_however_it_is_typed() {
    let index = citizen_index();
    for (query, first) in [
        ("介護", "介護"),
        ("かいご", "介護"),
        ("カイゴ", "介護"),
        ("ｶｲｺﾞ", "介護"),
        ("ＤＶ", "DV・虐待"),
        ("お金がない", "支出・滞納・借金"),
        ("社協", "岡山市社会福祉協議会"),
        ("しょうがい", "障害"),
    ] {
        let hits = index.search(query);
        let titles: Vec<&str> = hits.iter().take(5).map(|h| h.title.as_str()).collect();
        assert_eq!(titles.first().copied(), Some(first), "{query}: {titles:?}");
    }
}
