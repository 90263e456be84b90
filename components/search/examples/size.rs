//! Index size for a generated 1,000-agency directory (~5 matters each):
//!   cargo run --release -p tsunagu-search --example size [AGENCIES]
//! Prints the build time, the number of search files and their raw and gzip sizes
//! (all term shards, all display chunks, the manifest, the largest term shard) for
//! both audiences (docs/search.md, "Sizes"). With a folder after the count, also
//! writes the citizen search files there (`DIR/search/…`), for
//! `benches/search/lazy.mjs`.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use tsunagu_search::{build, Audience, DisplayRecord, DocKind, SearchDoc, MANIFEST_PATH};

/// SplitMix64, fixed seed: the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const KANJI: &str = "山川田中村本小林森井上下木石松竹梅花岡原野口古新高橋長宮島北南東西大内谷沢池浜清水和平安明光春秋泉丘里町坂富吉福幸栄緑桜青白赤金銀";
const KANA: &str =
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん";
const DISTRICTS: &[&str] = &["北区", "中区", "東区", "南区"];
const KINDS: &[(&str, &str, &str)] = &[
    (
        "地域包括支援センター",
        "ちいきほうかつしえんせんたー",
        "介護",
    ),
    (
        "障害者相談支援事業所",
        "しょうがいしゃそうだんしえんじぎょうしょ",
        "障害",
    ),
    ("子育て支援センター", "こそだてしえんせんたー", "子育て"),
    ("保健センター", "ほけんせんたー", "健康"),
    ("福祉事務所", "ふくしじむしょ", "収入・仕事"),
    (
        "社会福祉協議会支所",
        "しゃかいふくしきょうぎかいししょ",
        "支出・滞納・借金",
    ),
    (
        "居宅介護支援事業所",
        "きょたくかいごしえんじぎょうしょ",
        "介護",
    ),
    (
        "訪問看護ステーション",
        "ほうもんかんごすてーしょん",
        "病気・医療",
    ),
    ("就労支援センター", "しゅうろうしえんせんたー", "収入・仕事"),
    ("こころの相談室", "こころのそうだんしつ", "こころの問題"),
];
const MATTERS: &[&str] = &[
    "介護保険の申請",
    "要介護認定の相談",
    "認知症の相談",
    "高齢者虐待の通報",
    "介護予防教室",
    "障害福祉サービスの利用",
    "障害者手帳の申請",
    "発達障害の相談",
    "就労継続支援",
    "子育ての悩み",
    "乳幼児健診",
    "児童手当",
    "ひとり親家庭の相談",
    "不登校の相談",
    "生活保護の相談",
    "生活福祉資金の貸付",
    "家計の見直し",
    "多重債務の相談",
    "家賃の支援",
    "こころの健康相談",
    "依存症の相談",
    "自殺予防の相談",
    "ひきこもりの家族相談",
    "健康診断",
    "がん検診",
    "栄養相談",
    "訪問看護",
    "在宅医療の相談",
    "成年後見制度の利用",
    "日常生活自立支援事業",
    "DV被害の相談",
    "住まい探しの支援",
    "仕事探しの支援",
];
const BODIES: &[&str] = &[
    "高齢者の介護・福祉・健康・医療に関する総合相談に応じます",
    "障害のある人やその家族の相談に応じ、必要なサービスにつなぎます",
    "子育て中の親子が気軽に集える場を提供し、子育ての悩みに応じます",
    "生活に困っている人の自立に向けた相談支援を行います",
    "地域の関係機関と連携し、複合的な課題を抱える世帯を支援します",
    "電話・来所・訪問による相談を受け付けています。予約をおすすめします",
];

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn corpus(agencies: usize, staff: bool) -> Vec<SearchDoc> {
    let mut rng = Rng(0x5eed);
    let kanji = chars(KANJI);
    let kana = chars(KANA);
    let pick_kanji = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| kanji[rng.below(kanji.len() as u64) as usize])
            .collect()
    };
    let mut docs = Vec::new();
    for (i, topic) in [
        "病気・医療",
        "こころの問題",
        "介護",
        "障害",
        "子育て",
        "収入・仕事",
        "支出・滞納・借金",
        "住まい",
        "DV・虐待",
        "権利擁護",
        "健康",
        "ひきこもり・不登校",
        "食べるものがない",
        "家族との関係",
        "その他",
    ]
    .iter()
    .enumerate()
    {
        docs.push(SearchDoc {
            id: format!("topic:{i}"),
            kind: DocKind::Topic,
            url: format!("topics/t{i}.html"),
            title: topic.to_string(),
            keywords: vec!["そうだん".into(), "お金がない".into(), "困りごと".into()],
            body: String::new(),
            staff_text: None,
            display: DisplayRecord::default(),
            parent: None,
            boost: 2.0,
        });
    }
    for a in 0..agencies {
        let (kind, reading, topic) = KINDS[rng.below(KINDS.len() as u64) as usize];
        let place = pick_kanji(&mut rng, 2);
        let district = rng.pick(DISTRICTS);
        let name = format!("{place}{kind}");
        let reading_prefix: String = (0..4)
            .map(|_| kana[rng.below(kana.len() as u64) as usize])
            .collect();
        let town = pick_kanji(&mut rng, 2);
        let address = format!(
            "岡山市{district}{town}町{}丁目{}-{}",
            1 + rng.below(5),
            1 + rng.below(30),
            1 + rng.below(20)
        );
        let area = format!(
            "{}中学校区、{}小学校区",
            pick_kanji(&mut rng, 2),
            pick_kanji(&mut rng, 2)
        );
        let body = format!("{} {address} {area}", rng.pick(BODIES));
        let star = rng.below(10) == 0;
        let contact = format!(
            "主 {}{} / 副 {}{}",
            pick_kanji(&mut rng, 2),
            pick_kanji(&mut rng, 2),
            pick_kanji(&mut rng, 2),
            pick_kanji(&mut rng, 1)
        );
        let extension = format!("{}", 1000 + rng.below(9000));
        let display = DisplayRecord {
            topic: Some(topic.to_string()),
            agency: None,
            star,
            phone: Some(format!(
                "086-{:03}-{:04}",
                rng.below(1000),
                rng.below(10000)
            )),
            hours: Some("平日 8:30~17:15".to_string()),
            contact: staff.then(|| contact.clone()),
            extension: staff.then(|| extension.clone()),
            open: None,
            reading: None,
        };
        // Drawn for both audiences so the two corpora hold the same documents.
        let note = rng.pick(BODIES);
        let staff_text = staff.then(|| format!("{contact} 内線{extension} 連携メモ：{note}"));
        let keywords = vec![format!("{reading_prefix}{reading}")];
        docs.push(SearchDoc {
            id: format!("agency:a{a}"),
            kind: DocKind::Agency,
            url: format!("agencies/a{a}.html"),
            title: name.clone(),
            keywords: keywords.clone(),
            body: body.clone(),
            staff_text: staff_text.clone(),
            // As the renderer does: an agency's written reading ranks like its name
            // (and spares the indexer a dictionary reading of it).
            display: DisplayRecord {
                reading: Some(keywords[0].clone()),
                ..display.clone()
            },
            parent: None,
            boost: if star { 1.5 } else { 1.0 },
        });
        let matters = 3 + rng.below(5);
        for m in 0..matters {
            docs.push(SearchDoc {
                id: format!("matter:a{a}:{m}"),
                kind: DocKind::Matter,
                url: format!("agencies/a{a}.html#m{m}"),
                title: rng.pick(MATTERS).to_string(),
                keywords: Vec::new(),
                body: topic.to_string(),
                staff_text: None,
                display: DisplayRecord {
                    agency: Some(name.clone()),
                    star: false,
                    ..display.clone()
                },
                parent: Some(format!("agency:a{a}")),
                boost: 1.0,
            });
        }
    }
    docs
}

fn gzip_len(s: &str) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    if enc.write_all(s.as_bytes()).is_err() {
        return 0;
    }
    enc.finish().map(|v| v.len()).unwrap_or(0)
}

fn kib(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

/// Size of an index over the same citizen fields under another tokeniser.
fn main() {
    let agencies: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let out = std::env::args().nth(2).map(std::path::PathBuf::from);
    for audience in [Audience::Citizen, Audience::Staff] {
        let docs = corpus(agencies, audience == Audience::Staff);
        let started = std::time::Instant::now();
        let files = match build(&docs, audience) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("build failed: {e}");
                std::process::exit(1);
            }
        };
        println!(
            "{audience:?}: build {:.2} s",
            started.elapsed().as_secs_f64()
        );
        if let (Some(dir), Audience::Citizen) = (&out, audience) {
            for (path, script) in &files.files {
                let path = dir.join(path);
                let written = path
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::write(&path, script));
                if let Err(e) = written {
                    eprintln!("{}: {e}", path.display());
                    std::process::exit(1);
                }
            }
        }
        let shards: Vec<&str> = files
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("search/t/"))
            .map(|(_, s)| s.as_str())
            .collect();
        let largest = shards.iter().map(|s| gzip_len(s)).max().unwrap_or(0);
        let manifest = files.get(MANIFEST_PATH).unwrap_or("");
        let index = files.index_text();
        let display = files.display_text();
        println!(
            "{audience:?}: {agencies} agencies, {} documents, {} files ({} term shards)\n  term shards + manifest {:>10} raw {:>10} gzip\n  display chunks         {:>10} raw {:>10} gzip\n  manifest               {:>10} raw {:>10} gzip\n  largest term shard     {:>10} gzip",
            files.doc_count,
            files.files.len(),
            shards.len(),
            kib(index.len()),
            kib(gzip_len(&index)),
            kib(display.len()),
            kib(gzip_len(&display)),
            kib(manifest.len()),
            kib(gzip_len(manifest)),
            kib(largest),
        );
    }
}
