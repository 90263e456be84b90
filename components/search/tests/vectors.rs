//! The checked-in parity vectors must match this tokenizer; the Node test checks the
//! same file against search-core.js.

#[path = "common/vectors.rs"]
mod vectors;

use serde_json::Value;
use tsunagu_search::{normalize, tokenize, TOKENIZER_VERSION};

fn file() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/search_vectors.json"
    );
    std::fs::read_to_string(path).expect("tests/search_vectors.json is readable")
}

#[test]
fn every_vector_tokenizes_as_recorded() {
    let parsed: Value = serde_json::from_str(&file()).expect("valid JSON");
    assert_eq!(parsed["tokenizer"], TOKENIZER_VERSION);
    let cases = parsed["cases"].as_array().expect("cases");
    assert!(cases.len() > 400);
    for case in cases {
        let input = case["input"].as_str().expect("input");
        let tokens: Vec<String> = serde_json::from_value(case["tokens"].clone()).expect("tokens");
        assert_eq!(tokenize(input), tokens, "input {input:?}");
        assert_eq!(
            normalize(input),
            case["normalized"].as_str().expect("normalized")
        );
    }
}

#[test]
fn checked_in_file_is_current() {
    assert!(
        file() == vectors::to_json(),
        "tests/search_vectors.json is stale; regenerate with: {}",
        vectors::generate().generated_by
    );
}
