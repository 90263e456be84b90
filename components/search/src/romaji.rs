//! Romaji → hiragana for query words typed in Latin letters (kaigo → かいご), mirrored
//! by `romajiToKana` in `search-core.js`. Hepburn, Kunrei and the spellings IMEs
//! accept (shi/si, tsu/tu, sha/sya, ja/zya/jya), double consonants (kk → っk) and n.

#[rustfmt::skip]
/// Syllables, longest first within each starting letter; the JS twin has the same list.
pub(crate) const SYLLABLES: &[(&str, &str)] = &[
    ("a", "あ"), ("i", "い"), ("u", "う"), ("e", "え"), ("o", "お"),
    ("ka", "か"), ("ki", "き"), ("ku", "く"), ("ke", "け"), ("ko", "こ"),
    ("kya", "きゃ"), ("kyu", "きゅ"), ("kyo", "きょ"),
    ("sa", "さ"), ("si", "し"), ("shi", "し"), ("su", "す"), ("se", "せ"), ("so", "そ"),
    ("sha", "しゃ"), ("shu", "しゅ"), ("she", "しぇ"), ("sho", "しょ"),
    ("sya", "しゃ"), ("syu", "しゅ"), ("syo", "しょ"),
    ("ta", "た"), ("ti", "ち"), ("chi", "ち"), ("tu", "つ"), ("tsu", "つ"), ("te", "て"),
    ("to", "と"), ("cha", "ちゃ"), ("chu", "ちゅ"), ("che", "ちぇ"), ("cho", "ちょ"),
    ("tya", "ちゃ"), ("tyu", "ちゅ"), ("tyo", "ちょ"),
    ("na", "な"), ("ni", "に"), ("nu", "ぬ"), ("ne", "ね"), ("no", "の"),
    ("nya", "にゃ"), ("nyu", "にゅ"), ("nyo", "にょ"),
    ("ha", "は"), ("hi", "ひ"), ("hu", "ふ"), ("fu", "ふ"), ("he", "へ"), ("ho", "ほ"),
    ("hya", "ひゃ"), ("hyu", "ひゅ"), ("hyo", "ひょ"),
    ("fa", "ふぁ"), ("fi", "ふぃ"), ("fe", "ふぇ"), ("fo", "ふぉ"),
    ("ma", "ま"), ("mi", "み"), ("mu", "む"), ("me", "め"), ("mo", "も"),
    ("mya", "みゃ"), ("myu", "みゅ"), ("myo", "みょ"),
    ("ya", "や"), ("yu", "ゆ"), ("yo", "よ"),
    ("ra", "ら"), ("ri", "り"), ("ru", "る"), ("re", "れ"), ("ro", "ろ"),
    ("rya", "りゃ"), ("ryu", "りゅ"), ("ryo", "りょ"),
    ("wa", "わ"), ("wo", "を"),
    ("ga", "が"), ("gi", "ぎ"), ("gu", "ぐ"), ("ge", "げ"), ("go", "ご"),
    ("gya", "ぎゃ"), ("gyu", "ぎゅ"), ("gyo", "ぎょ"),
    ("za", "ざ"), ("zi", "じ"), ("ji", "じ"), ("zu", "ず"), ("ze", "ぜ"), ("zo", "ぞ"),
    ("ja", "じゃ"), ("ju", "じゅ"), ("je", "じぇ"), ("jo", "じょ"),
    ("zya", "じゃ"), ("zyu", "じゅ"), ("zyo", "じょ"),
    ("jya", "じゃ"), ("jyu", "じゅ"), ("jyo", "じょ"),
    ("da", "だ"), ("di", "ぢ"), ("du", "づ"), ("de", "で"), ("do", "ど"),
    ("ba", "ば"), ("bi", "び"), ("bu", "ぶ"), ("be", "べ"), ("bo", "ぼ"),
    ("bya", "びゃ"), ("byu", "びゅ"), ("byo", "びょ"),
    ("pa", "ぱ"), ("pi", "ぴ"), ("pu", "ぷ"), ("pe", "ぺ"), ("po", "ぽ"),
    ("pya", "ぴゃ"), ("pyu", "ぴゅ"), ("pyo", "ぴょ"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'i' | b'u' | b'e' | b'o')
}

/// The hiragana spelling of `word` (lowercase ASCII letters), or `None` when it is not
/// romaji all the way through (dv, npo, hiv stay Latin).
pub fn romaji_to_kana(word: &str) -> Option<String> {
    let s = word.as_bytes();
    if s.is_empty() || !s.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let mut out = String::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        if c == b'n' && next.is_none_or(|n| !is_vowel(n) && n != b'y') {
            out.push('ん');
            // "nn" is ん when no vowel follows the second n (konnichi = こ ん に ち).
            i += if next == Some(b'n') && s.get(i + 2).is_none_or(|&n| !is_vowel(n) && n != b'y') {
                2
            } else {
                1
            };
            continue;
        }
        if !is_vowel(c) && (next == Some(c) || (c == b't' && next == Some(b'c'))) {
            out.push('っ');
            i += 1;
            continue;
        }
        let mut matched = false;
        for len in [3, 2, 1] {
            let Some(piece) = word.get(i..i + len) else {
                continue;
            };
            if let Some((_, kana)) = SYLLABLES.iter().find(|(r, _)| *r == piece) {
                out.push_str(kana);
                i += len;
                matched = true;
                break;
            }
        }
        if !matched {
            return None;
        }
    }
    // No Japanese word starts with ん: npo, nhk are abbreviations.
    (!out.starts_with('ん')).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::romaji_to_kana as r;

    #[test]
    fn hepburn_kunrei_and_ime_spellings() {
        assert_eq!(r("kaigo").as_deref(), Some("かいご"));
        assert_eq!(r("shakkin").as_deref(), Some("しゃっきん"));
        assert_eq!(r("syakkin").as_deref(), Some("しゃっきん"));
        assert_eq!(r("hikikomori").as_deref(), Some("ひきこもり"));
        assert_eq!(r("ninchishou").as_deref(), Some("にんちしょう"));
        assert_eq!(r("konnichiwa").as_deref(), Some("こんにちわ"));
        assert_eq!(r("kannkyou").as_deref(), Some("かんきょう"));
        assert_eq!(r("matcha").as_deref(), Some("まっちゃ"));
        assert_eq!(r("genki").as_deref(), Some("げんき"));
    }

    #[test]
    fn latin_words_stay_latin() {
        assert_eq!(r("dv"), None);
        assert_eq!(r("hiv"), None);
        assert_eq!(r("npo"), None);
        assert_eq!(r("adhd"), None);
        assert_eq!(r("k2"), None);
        assert_eq!(r(""), None);
    }
}
