//! Generates the shared Rust ↔ JS parity vectors (`tests/search_vectors.json`).
//! Regenerate with:
//!   cargo run -p tsunagu-search --example gen_vectors -- tests/search_vectors.json

use serde::Serialize;
use tsunagu_search::{normalize, query_words, term_hash, tokenize, QueryWord, TOKENIZER_VERSION};

pub const SEED: u64 = 0x7473_756e_6167_7521; // "tsunagu!"
pub const RANDOM_CASES: usize = 400;

pub const HAND_PICKED: &[&str] = &[
    "夫に殴られる",
    "親が認知症かもしれない",
    "息子が部屋から出てこない",
    "家賃が払えない",
    "家賃が払えません",
    "家賃が払えなくて",
    "介護と借金が重なって困っている",
    "子育てとお金の悩み",
    "どこに相談したらいいかわからない",
    "おかねがない",
    "にんちしょう",
    "kaigo",
    "KAIGO",
    "ｋａｉｇｏ",
    "shakkin",
    "syakkin",
    "hikikomori",
    "ninchishou",
    "konnichiwa",
    "kannkyou",
    "matcha",
    "hiv adhd npo",
    "DVD",
    "ＤＶを受けている",
    "eスポーツ",
    "R4年度版",
    "ひきこもいr",
    "ごきんじょ",
    "ご近所とお付き合い",
    "お",
    "夫",
    "n",
    "nn",
    "xyz",
    "ＤＶ",
    "DV",
    "ｄｖ",
    "dv・虐待",
    "ＤＶ相談",
    "ｶｲｺﾞ",
    "カイゴ",
    "かいご",
    "介護",
    "介護保険",
    "社会福祉協議会",
    "社協",
    "地域包括支援センター",
    "ｾﾝﾀｰ",
    "センタ",
    "センター",
    "お金がない",
    "支出・滞納・借金",
    "介護　保険",
    "介護 保険 申請",
    "ひきこもり・不登校",
    "こころの問題",
    "OKAYAMAハレ活プロジェクト",
    "あっ晴れ！もも太郎体操",
    "Book and Bookenergy in Morioka（BBM）",
    "平日 8:30~17:15",
    "086-803-1234",
    "０８６－８０３－１２３４",
    "①②③",
    "㈱つなぐ",
    "㍻",
    "㋿",
    "霞ヶ関",
    "霞ケ関",
    "か\u{3099}",
    "ｶﾞｯｺｳ",
    "ヴァイオリン",
    "ゔ",
    "々",
    "佐々木",
    "〆切",
    "𠮷野家",
    "髙橋",
    "神",
    "\u{FA19}",
    "Ⅲ",
    "İstanbul",
    "Straße",
    "ÉCOLE",
    "Việt Nam",
    "café",
    "cafe\u{301}",
    "q\u{301}",
    "µ",
    "½",
    "ー",
    "ーー",
    "・",
    "　",
    "",
    " 　\t\n",
    "ＡＢＣ１２３",
    "ﾊﾟｿｺﾝ",
    "ﾞ",
    "゛",
    "ゟ",
    "ヿ",
    "ヽヾ",
    "ゝゞ",
    "ㇰ",
    "한국어",
    "Ελληνικά",
    "Русский",
    "😀👍🏽",
    "<script>alert(1)</script>",
    "a-b_c/d",
    "～〜~",
    "「相談」『シート』",
    "★",
];

#[derive(Serialize)]
pub struct Case {
    pub input: String,
    pub normalized: String,
    pub tokens: Vec<String>,
    pub query: Vec<QueryWord>,
    /// Where the query's terms live: `term_hash` of each (FNV-1a over code points).
    pub hashes: Vec<u32>,
}

#[derive(Serialize)]
pub struct Vectors {
    pub tokenizer: &'static str,
    pub generated_by: &'static str,
    pub seed: u64,
    pub cases: Vec<Case>,
}

/// SplitMix64: tiny, seedable, identical everywhere; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Code point pools, weighted toward text near the edges of the allow-list.
const JAPANESE_POOL: &[(u32, u32)] = &[
    (0x3000, 0x30FF),
    (0x31F0, 0x31FF),
    (0x3200, 0x33FF),
    (0x4E00, 0x4FFF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x0300, 0x036F),
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x2150, 0x24FF),
    (0x20000, 0x200FF),
];

fn random_char(rng: &mut Rng) -> char {
    loop {
        let cp = if rng.below(10) < 6 {
            let (lo, hi) = JAPANESE_POOL[rng.below(JAPANESE_POOL.len() as u64) as usize];
            lo + rng.below(u64::from(hi - lo + 1)) as u32
        } else if rng.below(10) < 7 {
            rng.below(0x1_0000) as u32
        } else {
            rng.below(0x11_0000) as u32
        };
        if let Some(c) = char::from_u32(cp) {
            return c;
        }
    }
}

pub fn case(input: &str) -> Case {
    Case {
        input: input.to_string(),
        normalized: normalize(input),
        tokens: tokenize(input),
        query: query_words(input),
        hashes: query_words(input)
            .iter()
            .flat_map(|w| w.terms.iter().map(|t| term_hash(t)))
            .chain([term_hash(&normalize(input).replace(' ', ""))])
            .collect(),
    }
}

pub fn generate() -> Vectors {
    let mut rng = Rng(SEED);
    let mut cases: Vec<Case> = HAND_PICKED.iter().map(|s| case(s)).collect();
    for _ in 0..RANDOM_CASES {
        let len = 1 + rng.below(16) as usize;
        let input: String = (0..len).map(|_| random_char(&mut rng)).collect();
        cases.push(case(&input));
    }
    Vectors {
        tokenizer: TOKENIZER_VERSION,
        generated_by:
            "cargo run -p tsunagu-search --example gen_vectors -- tests/search_vectors.json",
        seed: SEED,
        cases,
    }
}

pub fn to_json() -> String {
    let mut s = serde_json::to_string_pretty(&generate()).unwrap_or_default();
    s.push('\n');
    s
}
