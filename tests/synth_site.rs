//! The synthetic generator (components/synth) feeds the benchmarks; a site it
//! writes must be one tsunagu accepts without a warning, or the benchmarks
//! would time an error path.

mod common;

use common::{build, contains, read_tree, today};

#[test]
fn a_generated_50_agency_site_checks_clean_and_builds() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let summary =
        tsunagu_synth::generate(tmp.path(), &tsunagu_synth::Options::new(50)).expect("generate");
    assert_eq!(summary.agencies, 50);
    assert!(summary.programs > 0);

    let checked = tsunagu::pipeline::check(tmp.path(), today());
    let report = tsunagu::diagnostics::render(&checked.diagnostics, &checked.sources, false);
    assert!(
        checked.diagnostics.is_empty(),
        "generated site has diagnostics:\n{report}"
    );

    let (_out_tmp, out) = build(tmp.path());
    let citizen = read_tree(&out.join("citizen"));
    let staff = read_tree(&out.join("staff"));
    let agency_pages = |t: &std::collections::BTreeMap<String, Vec<u8>>| {
        t.keys()
            .filter(|k| k.starts_with("agencies/") && k.ends_with(".html"))
            .count()
    };
    assert!(agency_pages(&citizen) >= 50, "every agency has a page");
    // Staff notes are in the generated records; they reach the staff site
    // and never the citizen site.
    let note = "来所の前に予約を入れると待たずにすむ。";
    assert!(staff.values().any(|b| contains(b, note)));
    assert!(!citizen.values().any(|b| contains(b, note)));
}
