//! Kana readings of kanji text, for the indexer only: a title or keyword written in
//! kanji is also indexed by its reading (認知症 → にんちしょう), so typing kana finds it.
//! The browser never needs this table: it only normalises what people type.
//!
//! `data/readings.txt` is generated from IPAdic by `scripts/update_readings.py`: whole
//! nouns, and verb/adjective stems (払 → はら) so every conjugation reads the same way.
//! Text is read by greedy longest match; kana between words is copied as written.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/readings.txt");

/// Longest surface in the table, in characters (the generator's `MAX_LEN`).
const MAX_LEN: usize = 4;

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        DATA.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

fn is_kanji(c: char) -> bool {
    matches!(c, '々' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The kana reading of `text`, or `None` when it has no kanji or a kanji the table
/// cannot read (a half-read word would only add noise to the index).
pub fn reading(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    if !chars.iter().any(|&c| is_kanji(c)) {
        return None;
    }
    let table = table();
    let mut out = String::new();
    let mut i = 0;
    let mut key = String::new();
    'outer: while i < chars.len() {
        for len in (1..=MAX_LEN.min(chars.len() - i)).rev() {
            key.clear();
            key.extend(&chars[i..i + len]);
            if let Some(r) = table.get(key.as_str()) {
                out.push_str(r);
                i += len;
                continue 'outer;
            }
        }
        if is_kanji(chars[i]) {
            return None;
        }
        out.push(chars[i]);
        i += 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::reading;

    #[test]
    fn kanji_words_read_in_kana() {
        assert_eq!(reading("認知症").as_deref(), Some("にんちしょう"));
        assert_eq!(reading("お金がない").as_deref(), Some("おかねがない"));
        assert_eq!(
            reading("家賃が払えない").as_deref(),
            Some("やちんがはらえない")
        );
        assert_eq!(reading("借金").as_deref(), Some("しゃっきん"));
        assert_eq!(reading("離婚").as_deref(), Some("りこん"));
    }

    #[test]
    fn kana_alone_has_no_reading() {
        assert_eq!(reading("ひきこもり"), None);
        assert_eq!(reading("DV"), None);
    }
}
