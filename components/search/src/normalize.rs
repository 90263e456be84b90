//! Text normalisation shared, character for character, with `search-core.js`.
//!
//! The browser normalises with V8's ICU and this crate with `unicode-normalization`;
//! the two ship different Unicode versions. To keep both sides identical, characters
//! outside a fixed allow-list of long-stable blocks are turned into separators *before*
//! NFKC, so only mappings that have not changed for decades are ever applied.
//! The same tables live in `themes/default/static/js/search-core.js`; the shared vectors
//! in `tests/search_vectors.json` prove they agree.

use unicode_normalization::UnicodeNormalization;

/// Inclusive code point ranges that are passed to NFKC; everything else becomes a space.
const INPUT_RANGES: &[(u32, u32)] = &[
    (0x30, 0x39),       // ASCII digits
    (0x41, 0x5A),       // ASCII upper
    (0x61, 0x7A),       // ASCII lower
    (0xC0, 0xD6),       // Latin-1 letters (× excluded)
    (0xD8, 0xF6),       // Latin-1 letters (÷ excluded)
    (0xF8, 0x24F),      // Latin-1, Latin Extended-A/B
    (0x300, 0x36F),     // combining diacritics, so e + ◌́ composes to é
    (0x1E00, 0x1EFF),   // Latin Extended Additional (Vietnamese)
    (0x2160, 0x217F),   // Roman numerals Ⅲ → iii
    (0x2460, 0x2473),   // circled numbers ①–⑳
    (0x3005, 0x3007),   // 々 〆 〇
    (0x3041, 0x3096),   // hiragana
    (0x3099, 0x309F),   // voiced sound marks, ゝ ゞ ゟ
    (0x30A1, 0x30FA),   // katakana
    (0x30FC, 0x30FF),   // ー ヽ ヾ ヿ
    (0x31F0, 0x31FF),   // small katakana extension
    (0x3220, 0x3247),   // parenthesised / circled ideographs ㈱ → (株)
    (0x3250, 0x325F),   // circled numbers 21–35
    (0x3280, 0x33FF),   // circled ideographs and katakana, ㌔ ㍻ ㎏ …
    (0x3400, 0x4DBF),   // CJK Extension A
    (0x4E00, 0x9FFF),   // CJK Unified Ideographs
    (0xF900, 0xFAFF),   // CJK compatibility ideographs
    (0xFF10, 0xFF19),   // full-width digits
    (0xFF21, 0xFF3A),   // full-width upper
    (0xFF41, 0xFF5A),   // full-width lower
    (0xFF66, 0xFF9F),   // half-width katakana and sound marks
    (0x20000, 0x3FFFF), // CJK Extensions B… and compatibility supplement
];

/// After NFKC and lowercasing: characters that make up words.
const WORD_RANGES: &[(u32, u32)] = &[
    (0x30, 0x39),
    (0x61, 0x7A),
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0x24F),
    (0x1E00, 0x1EFF),
    (0x3005, 0x3007),
    (0x3041, 0x3096),
    (0x309D, 0x309E),
    (0x30A1, 0x30FA),
    (0x30FD, 0x30FE),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
];

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let cp = c as u32;
    ranges.iter().any(|&(lo, hi)| lo <= cp && cp <= hi)
}

/// What a character becomes after NFKC and lowercasing.
enum Class {
    Keep(char),
    /// Dropped without splitting the word: the long-vowel mark, so センター = センタ,
    /// and combining marks left over when no precomposed letter exists.
    Drop,
    Separator,
}

fn classify(c: char) -> Class {
    let cp = c as u32;
    match cp {
        0x30FC | 0x300..=0x36F | 0x3099 | 0x309A => Class::Drop,
        // Katakana folds onto hiragana so カイゴ = かいご.
        0x30A1..=0x30F6 => Class::Keep(fold(cp - 0x60)),
        0x30FD | 0x30FE => Class::Keep(fold(cp - 0x60)),
        _ if in_ranges(c, WORD_RANGES) => Class::Keep(fold(cp)),
        _ => Class::Separator,
    }
}

/// Small ヵ ヶ (as in 霞ヶ関) are written interchangeably with full-size か け.
fn fold(cp: u32) -> char {
    let cp = match cp {
        0x3095 => 0x304B,
        0x3096 => 0x3051,
        other => other,
    };
    char::from_u32(cp).unwrap_or(' ')
}

/// Splits text into normalised words: NFKC over the allow-list, lowercase,
/// katakana → hiragana, long-vowel marks removed, everything else a word break.
pub fn words(text: &str) -> Vec<String> {
    let filtered: String = text
        .chars()
        .map(|c| if in_ranges(c, INPUT_RANGES) { c } else { ' ' })
        .collect();
    let folded = filtered.nfkc().collect::<String>().to_lowercase();

    let mut words = Vec::new();
    let mut current = String::new();
    for c in folded.chars() {
        match classify(c) {
            Class::Keep(k) => current.push(k),
            Class::Drop => {}
            Class::Separator => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// The normalised form of `text`: its words joined by single spaces.
pub fn normalize(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_latin_is_ascii_lowercase() {
        assert_eq!(normalize("ＤＶ"), "dv");
        assert_eq!(normalize("DV"), "dv");
        assert_eq!(normalize("ｄｖ"), "dv");
    }

    #[test]
    fn half_width_katakana_folds_to_hiragana() {
        assert_eq!(normalize("ｶｲｺﾞ"), "かいご");
        assert_eq!(normalize("カイゴ"), "かいご");
        assert_eq!(normalize("かいご"), "かいご");
    }

    #[test]
    fn combining_voiced_mark_composes() {
        assert_eq!(normalize("か\u{3099}"), "が");
        assert_eq!(normalize("ｶﾞ"), "が");
    }

    #[test]
    fn long_vowel_mark_is_noise() {
        assert_eq!(normalize("センター"), normalize("センタ"));
        assert_eq!(normalize("ｾﾝﾀｰ"), "せんた");
    }

    #[test]
    fn separators_split_words() {
        assert_eq!(normalize("支出・滞納・借金"), "支出 滞納 借金");
        assert_eq!(normalize("介護　保険"), "介護 保険");
        assert_eq!(normalize("（地域包括支援センター）"), "地域包括支援せんた");
        assert_eq!(normalize("DV・虐待"), "dv 虐待");
    }

    #[test]
    fn digits_and_enclosed_forms() {
        assert_eq!(normalize("０８６"), "086");
        assert_eq!(normalize("①"), "1");
        assert_eq!(normalize("㈱"), "株");
        assert_eq!(normalize("㍻"), "平成");
    }

    #[test]
    fn small_ke_folds() {
        assert_eq!(normalize("霞ヶ関"), normalize("霞ケ関"));
    }

    #[test]
    fn kanji_is_untouched() {
        assert_eq!(normalize("社会福祉協議会"), "社会福祉協議会");
        assert_eq!(normalize("𠮷野"), "𠮷野");
    }

    #[test]
    fn unsupported_scripts_are_separators() {
        assert_eq!(normalize("abc한국def"), "abc def");
        assert_eq!(normalize("😀"), "");
        assert_eq!(normalize(""), "");
    }
}
