//! Character-bigram tokenisation, mirrored by `search-core.js`.
//!
//! Japanese has no spaces and a dictionary tokenizer drops words it does not know
//! (カイゴ, ＤＶ), so every normalised word is cut into overlapping character pairs.
//! The last character of each word is also indexed on its own: a one-character query
//! is answered by a prefix walk of the index trie, which finds every bigram *starting*
//! with that character, and the extra unigram covers the character that only ever ends
//! a word (護 in 介護).

use crate::normalize::words;

/// Tokens stored in the index for `text`.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for word in words(text) {
        let chars: Vec<char> = word.chars().collect();
        for pair in chars.windows(2) {
            tokens.push(pair.iter().collect());
        }
        if let Some(last) = chars.last() {
            tokens.push(last.to_string());
        }
    }
    tokens
}

/// One word of a query: a document matches the word when it holds every term
/// (or, for `prefix` words, any indexed token starting with the single term).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QueryWord {
    pub terms: Vec<String>,
    pub prefix: bool,
}

/// Parses a query: whitespace (including the full-width space) separates words that
/// must all match; inside a word all its bigrams must match.
pub fn query_words(query: &str) -> Vec<QueryWord> {
    let mut out: Vec<QueryWord> = Vec::new();
    for word in words(query) {
        let chars: Vec<char> = word.chars().collect();
        let qw = if chars.len() == 1 {
            QueryWord {
                terms: vec![word],
                prefix: true,
            }
        } else {
            let mut terms: Vec<String> = Vec::new();
            for pair in chars.windows(2) {
                let t: String = pair.iter().collect();
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
            QueryWord {
                terms,
                prefix: false,
            }
        };
        if !out.contains(&qw) {
            out.push(qw);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        tokenize(s)
    }

    #[test]
    fn bigrams_plus_last_char() {
        assert_eq!(t("介護"), ["介護", "護"]);
        assert_eq!(t("かいご"), ["かい", "いご", "ご"]);
        assert_eq!(
            t("社会福祉協議会"),
            ["社会", "会福", "福祉", "祉協", "協議", "議会", "会"]
        );
    }

    #[test]
    fn scripts_agree_after_normalisation() {
        assert_eq!(t("ｶｲｺﾞ"), t("かいご"));
        assert_eq!(t("カイゴ"), t("かいご"));
        assert_eq!(t("ＤＶ"), ["dv", "v"]);
    }

    #[test]
    fn words_do_not_bridge_separators() {
        assert_eq!(t("支出・滞納"), ["支出", "出", "滞納", "納"]);
        assert_eq!(t("a"), ["a"]);
        assert!(t(" 　・").is_empty());
    }

    #[test]
    fn query_words_are_bigrams_or_prefix() {
        let q = query_words("介護　ほ");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].terms, ["介護"]);
        assert!(!q[0].prefix);
        assert_eq!(q[1].terms, ["ほ"]);
        assert!(q[1].prefix);
    }

    #[test]
    fn query_terms_are_deduplicated() {
        let q = query_words("ままま まままま");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].terms, ["まま"]);
    }
}
