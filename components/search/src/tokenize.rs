//! Tokenisation, mirrored by `search-core.js`.
//!
//! Japanese has no spaces and a dictionary tokenizer drops words it does not know
//! (カイゴ, ＤＶ), so every normalised word is cut into overlapping character pairs.
//! The last character of each word is also indexed on its own: a one-character query
//! is answered by a prefix walk of the index trie, which finds every bigram *starting*
//! with that character, and the extra unigram covers the character that only ever ends
//! a word (護 in 介護). Runs of ASCII letters and digits are whole tokens, so DV does
//! not match DVD.

use crate::normalize::words;
use crate::romaji::romaji_to_kana;

/// A piece of a normalised word: a run of ASCII letters/digits, or a run of anything else.
pub(crate) fn pieces(word: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut latin: Option<bool> = None;
    for (i, c) in word.char_indices() {
        let l = c.is_ascii_alphanumeric();
        if latin.is_some_and(|prev| prev != l) {
            out.push((&word[start..i], !l));
            start = i;
        }
        latin = Some(l);
    }
    if let Some(l) = latin {
        out.push((&word[start..], l));
    }
    out
}

fn bigrams(piece: &str) -> Vec<String> {
    let chars: Vec<char> = piece.chars().collect();
    chars.windows(2).map(|p| p.iter().collect()).collect()
}

/// Tokens stored in the index for `text`.
pub fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for word in words(text) {
        for (piece, latin) in pieces(&word) {
            if latin {
                tokens.push(piece.to_string());
                continue;
            }
            tokens.extend(bigrams(piece));
            if let Some(last) = piece.chars().last() {
                tokens.push(last.to_string());
            }
        }
    }
    tokens
}

/// One unit of a query: its terms are looked up in the index (`prefix` terms match
/// every indexed token starting with them). How much of each unit a document holds
/// decides whether and how high it ranks (see `query.rs`); a `tail` unit (the
/// hiragana after a word's stem: ている, かもしれない) counts for less.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QueryWord {
    pub terms: Vec<String>,
    pub prefix: bool,
    pub tail: bool,
}

/// Particles that end a content word when they follow it directly: 介護と借金 is
/// 介護 + 借金, お金がない is お金 + ない.
const PARTICLES: &[char] = &['が', 'を', 'に', 'で', 'と', 'は', 'の', 'も', 'や', 'へ'];

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | 'ゝ' | 'ゞ')
}

/// Cuts a Japanese query piece into (segment, tail) pairs: each run of kanji/katakana
/// keeps the first hiragana after it (its okurigana: 払え, 殴ら, 働き) unless that is a
/// particle; the rest of the hiragana is a tail segment. A piece all in hiragana stays
/// whole (おかねがない: its particles cannot be told from its words). お/ご just before a
/// kanji belong to it (お金, ご近所).
pub(crate) fn segments(piece: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = piece.chars().collect();
    if chars.iter().all(|&c| is_hiragana(c)) {
        return vec![(piece.to_string(), false)];
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut i = 0;
    let mut carry = String::new();
    // Leading hiragana (どこに相談): a segment of its own.
    let lead = chars.iter().take_while(|&&c| is_hiragana(c)).count();
    if lead > 0 {
        let mut run: Vec<char> = chars[..lead].to_vec();
        if matches!(run.last(), Some('お' | 'ご')) {
            carry.push(run.pop().unwrap_or('お'));
        }
        if !run.is_empty() {
            out.push((run.into_iter().collect(), false));
        }
        i = lead;
    }
    while i < chars.len() {
        let mut seg = std::mem::take(&mut carry);
        while i < chars.len() && !is_hiragana(chars[i]) {
            seg.push(chars[i]);
            i += 1;
        }
        let tail_start = i;
        while i < chars.len() && is_hiragana(chars[i]) {
            i += 1;
        }
        let mut tail: Vec<char> = chars[tail_start..i].to_vec();
        if let Some(&first) = tail.first() {
            if !PARTICLES.contains(&first) {
                seg.push(first);
            }
            tail.remove(0);
        }
        if i < chars.len() && matches!(tail.last(), Some('お' | 'ご')) {
            carry.push(tail.pop().unwrap_or('お'));
        }
        out.push((seg, false));
        // A one-kana tail (から → ら) would be a prefix term matching half the index.
        if tail.len() > 1 {
            out.push((tail.into_iter().collect(), true));
        }
    }
    out
}

/// Parses a query into units: a Japanese piece is cut into [`segments`], each giving
/// its bigrams (a single character a prefix term); a Latin piece is one term and, when
/// it reads as romaji, also the bigrams of its kana spelling (kaigo → kaigo かい いご).
pub fn query_words(query: &str) -> Vec<QueryWord> {
    let mut out: Vec<QueryWord> = Vec::new();
    let mut push = |qw: QueryWord| {
        if !qw.terms.is_empty() && !out.contains(&qw) {
            out.push(qw);
        }
    };
    for word in words(query) {
        for (piece, latin) in pieces(&word) {
            if latin {
                let mut terms = vec![piece.to_string()];
                if let Some(kana) = romaji_to_kana(piece).filter(|k| k.chars().count() > 1) {
                    terms.extend(bigrams(&kana));
                }
                push(QueryWord {
                    terms: dedup(terms),
                    prefix: piece.len() == 1,
                    tail: false,
                });
                continue;
            }
            for (seg, tail) in segments(piece) {
                let single = seg.chars().count() == 1;
                push(QueryWord {
                    terms: if single {
                        vec![seg]
                    } else {
                        dedup(bigrams(&seg))
                    },
                    prefix: single,
                    tail,
                });
            }
        }
    }
    out
}

fn dedup(terms: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in terms {
        if !out.contains(&t) {
            out.push(t);
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
        assert_eq!(t("ＤＶ"), ["dv"]);
    }

    #[test]
    fn latin_runs_are_whole_words() {
        assert_eq!(t("DVD"), ["dvd"]);
        assert_eq!(t("eスポーツ"), ["e", "すぽ", "ぽつ", "つ"]);
        assert_eq!(t("R4年度版"), ["r4", "年度", "度版", "版"]);
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
    fn romaji_adds_its_kana() {
        let q = query_words("kaigo");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].terms, ["kaigo", "かい", "いご"]);
        assert_eq!(query_words("DV").len(), 1);
    }

    fn segs(s: &str) -> Vec<(String, bool)> {
        segments(s)
    }

    #[test]
    fn particles_and_endings_split_a_sentence() {
        let s = |v: &[(&str, bool)]| -> Vec<(String, bool)> {
            v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
        };
        assert_eq!(segs("介護と借金"), s(&[("介護", false), ("借金", false)]));
        assert_eq!(
            segs("夫に殴られる"),
            s(&[("夫", false), ("殴ら", false), ("れる", true)])
        );
        assert_eq!(
            segs("家賃が払えない"),
            s(&[("家賃", false), ("払え", false), ("ない", true)])
        );
        assert_eq!(
            segs("子育てとお金の悩み"),
            s(&[("子育て", false), ("お金", false), ("悩み", false)])
        );
        assert_eq!(segs("どこに相談"), s(&[("どこに", false), ("相談", false)]));
        assert_eq!(segs("おかねがない"), s(&[("おかねがない", false)]));
    }

    #[test]
    fn query_terms_are_deduplicated() {
        let q = query_words("ままま まままま");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].terms, ["まま"]);
    }
}
