//! Writes a tiny citizen + staff site around the search box, for the browser tests
//! until they run against the real sample site:
//!   cargo run -p tsunagu-search --example fixture -- OUTDIR
//! Produces OUTDIR/citizen/ and OUTDIR/staff/ with index.html, search.html, the
//! search scripts and a stub page per result URL.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tsunagu_search::{
    build, Audience, DisplayRecord, DocKind, SearchDoc, DISPLAY_PATH, INDEX_PATH,
};

pub const STAFF_CANARY: &str = "STAFF-CANARY-7f3a";

struct Agency {
    slug: &'static str,
    name: &'static str,
    keywords: &'static [&'static str],
    body: &'static str,
    topic: &'static str,
    star: bool,
    phone: &'static str,
    hours: &'static str,
    matters: &'static [&'static str],
    contact: &'static str,
    extension: &'static str,
}

const TOPICS: &[(&str, &str, &[&str])] = &[
    (
        "iryo",
        "病気・医療",
        &["びょうき・いりょう", "病院", "医療費", "入院"],
    ),
    (
        "kokoro",
        "こころの問題",
        &["こころのもんだい", "うつ", "眠れない", "悩み", "メンタル"],
    ),
    (
        "kaigo",
        "介護",
        &[
            "かいご",
            "介護保険",
            "要介護認定",
            "ケアマネジャー",
            "デイサービス",
            "認知症",
        ],
    ),
    (
        "shogai",
        "障害",
        &["しょうがい", "障がい", "障害者手帳", "発達障害"],
    ),
    (
        "kosodate",
        "子育て",
        &["こそだて", "育児", "子ども", "保育園"],
    ),
    (
        "shunyu",
        "収入・仕事",
        &[
            "しゅうにゅう・しごと",
            "仕事がない",
            "失業",
            "就労",
            "生活保護",
        ],
    ),
    (
        "shishutsu",
        "支出・滞納・借金",
        &[
            "ししゅつ・たいのう・しゃっきん",
            "お金がない",
            "生活費が足りない",
            "家賃が払えない",
            "滞納",
            "多重債務",
        ],
    ),
    (
        "sumai",
        "住まい",
        &["すまい", "住宅", "家がない", "引っ越し"],
    ),
    (
        "dv",
        "DV・虐待",
        &[
            "ディーブイ・ぎゃくたい",
            "ドメスティック・バイオレンス",
            "暴力",
            "児童虐待",
            "高齢者虐待",
        ],
    ),
    (
        "kenri",
        "権利擁護",
        &["けんりようご", "成年後見", "日常生活自立支援事業"],
    ),
    ("kenko", "健康", &["けんこう", "健診", "運動"]),
    (
        "hikikomori",
        "ひきこもり・不登校",
        &["ひきこもり・ふとうこう", "引きこもり", "学校に行けない"],
    ),
    ("sonota", "その他", &["そのた"]),
];

const AGENCIES: &[Agency] = &[
    Agency {
        slug: "shakyo",
        name: "岡山市社会福祉協議会",
        keywords: &[
            "おかやましやかいふくしきょうぎかい",
            "しゃかいふくしきょうぎかい",
            "社協",
        ],
        body: "地域福祉の推進、ボランティア、生活福祉資金の貸付。北区",
        topic: "支出・滞納・借金",
        star: true,
        phone: "086-000-0001",
        hours: "平日 8:30~17:15",
        matters: &["生活福祉資金の貸付", "日常生活自立支援事業"],
        contact: "主 山田花子 / 副 佐藤一郎",
        extension: "1001",
    },
    Agency {
        slug: "houkatsu-kita",
        name: "北区地域包括支援センター",
        keywords: &["きたくちいきほうかつしえんせんたー", "包括", "ほうかつ"],
        body: "高齢者の介護・福祉・健康・医療の総合相談。介護予防ケアマネジメント",
        topic: "介護",
        star: true,
        phone: "086-000-0002",
        hours: "平日 8:30~17:15",
        matters: &["介護保険の申請", "認知症の相談", "高齢者虐待の相談"],
        contact: "主 鈴木次郎",
        extension: "2002",
    },
    Agency {
        slug: "dv-center",
        name: "配偶者暴力相談支援センター",
        keywords: &["はいぐうしゃぼうりょくそうだんしえんせんたー", "DV"],
        body: "DV（ドメスティック・バイオレンス）被害の相談、一時保護",
        topic: "DV・虐待",
        star: true,
        phone: "086-000-0003",
        hours: "平日 9:00~16:00",
        matters: &["DV被害の相談", "保護命令の手続き"],
        contact: "主 高橋三郎",
        extension: "3003",
    },
    Agency {
        slug: "jiritsu",
        name: "生活自立支援センターおかやま",
        keywords: &["せいかつじりつしえんせんたーおかやま"],
        body: "生活困窮者の自立相談支援、家計改善支援、住居確保給付金",
        topic: "支出・滞納・借金",
        star: false,
        phone: "086-000-0004",
        hours: "平日 8:30~17:15",
        matters: &["家計の見直し", "家賃の支援", "仕事探しの支援"],
        contact: "主 田中四郎",
        extension: "4004",
    },
    Agency {
        slug: "shohi",
        name: "消費生活センター",
        keywords: &["しょうひせいかつせんたー"],
        body: "多重債務、悪質商法、契約トラブルの相談",
        topic: "支出・滞納・借金",
        star: false,
        phone: "086-000-0005",
        hours: "平日 9:00~16:30",
        matters: &["多重債務の相談", "契約トラブル"],
        contact: "主 伊藤五月",
        extension: "5005",
    },
    Agency {
        slug: "kikan-shogai",
        name: "障害者基幹相談支援センター",
        keywords: &["しょうがいしゃきかんそうだんしえんせんたー"],
        body: "障害のある人の総合相談、障害福祉サービスの利用相談",
        topic: "障害",
        star: true,
        phone: "086-000-0006",
        hours: "平日 8:30~17:15",
        matters: &["障害福祉サービスの利用"],
        contact: "主 渡辺六子",
        extension: "6006",
    },
    Agency {
        slug: "hikikomori",
        name: "ひきこもり地域支援センター",
        keywords: &["ひきこもりちいきしえんせんたー"],
        body: "ひきこもりの本人・家族の相談、居場所づくり",
        topic: "ひきこもり・不登校",
        star: true,
        phone: "086-000-0007",
        hours: "平日 9:00~17:00",
        matters: &["ひきこもりの家族相談"],
        contact: "主 中村七海",
        extension: "7007",
    },
    Agency {
        slug: "kodomo",
        name: "こども総合相談所",
        keywords: &["こどもそうごうそうだんじょ", "児童相談所"],
        body: "子育ての悩み、児童虐待の通告、不登校の相談",
        topic: "子育て",
        star: true,
        phone: "086-000-0008",
        hours: "24時間",
        matters: &["児童虐待の通告", "子育ての悩み"],
        contact: "主 小林八重",
        extension: "8008",
    },
];

const PROGRAMS: &[(&str, &str, &[&str], &str, &str)] = &[
    (
        "hare-katsu",
        "OKAYAMAハレ活プロジェクト",
        &["おかやまはれかつぷろじぇくと", "ハレ活", "健康ポイント"],
        "歩いてポイントをためる健康づくり",
        "健康",
    ),
    (
        "momotaro",
        "あっ晴れ！もも太郎体操",
        &["あっぱれももたろうたいそう", "体操"],
        "5人以上で週1回集まる介護予防の体操",
        "健康",
    ),
    (
        "bbm",
        "Book and Bookenergy in Morioka",
        &["ぶっくあんどぶっくえなじー", "BBM", "居場所"],
        "本の仕分けを通じた居場所。第1・第3水曜 10:00~15:00",
        "ひきこもり・不登校",
    ),
];

pub fn docs(audience: Audience) -> Vec<SearchDoc> {
    let staff = audience == Audience::Staff;
    let mut out = Vec::new();
    for (slug, name, keywords) in TOPICS {
        out.push(SearchDoc {
            id: format!("topic:{slug}"),
            kind: DocKind::Topic,
            url: format!("topics/{slug}.html"),
            title: name.to_string(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            body: String::new(),
            staff_text: None,
            display: DisplayRecord::default(),
            parent: None,
            boost: 2.0,
        });
    }
    for a in AGENCIES {
        let staff_text = staff.then(|| format!("{} {STAFF_CANARY}", a.contact));
        let display = DisplayRecord {
            topic: Some(a.topic.to_string()),
            star: a.star,
            phone: Some(a.phone.to_string()),
            hours: Some(a.hours.to_string()),
            contact: staff.then(|| a.contact.to_string()),
            extension: staff.then(|| a.extension.to_string()),
            ..Default::default()
        };
        out.push(SearchDoc {
            id: format!("agency:{}", a.slug),
            kind: DocKind::Agency,
            url: format!("agencies/{}.html", a.slug),
            title: a.name.to_string(),
            keywords: a.keywords.iter().map(|k| k.to_string()).collect(),
            body: format!("{} {}", a.body, a.topic),
            staff_text: staff_text.clone(),
            display: display.clone(),
            parent: None,
            boost: if a.star { 1.5 } else { 1.0 },
        });
        for (i, m) in a.matters.iter().enumerate() {
            out.push(SearchDoc {
                id: format!("matter:{}:{}", a.slug, i + 1),
                kind: DocKind::Matter,
                url: format!("agencies/{}.html#matter-{}", a.slug, i + 1),
                title: m.to_string(),
                keywords: Vec::new(),
                body: a.topic.to_string(),
                staff_text: None,
                display: DisplayRecord {
                    agency: Some(a.name.to_string()),
                    star: false,
                    ..display.clone()
                },
                parent: Some(format!("agency:{}", a.slug)),
                boost: 1.0,
            });
        }
    }
    for (slug, name, keywords, body, topic) in PROGRAMS {
        out.push(SearchDoc {
            id: format!("program:{slug}"),
            kind: DocKind::Program,
            url: format!("programs/{slug}.html"),
            title: name.to_string(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            body: body.to_string(),
            staff_text: None,
            display: DisplayRecord {
                topic: Some(topic.to_string()),
                ..Default::default()
            },
            parent: None,
            boost: 1.0,
        });
    }
    out
}

fn page(title: &str, base: &str, main: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="{base}css/search.css">
<script src="{base}js/search-core.js" defer></script>
<script src="{base}js/search.js" defer></script>
</head>
<body>
<main>
<h1>{title}</h1>
{main}
</main>
</body>
</html>
"#
    )
}

fn search_box() -> &'static str {
    r#"<form class="search" role="search" action="search.html" method="get" data-search
      data-index-src="search/index.js" data-display-src="search/display.js"
      data-base="" data-results="search-results" data-topics-href="index.html#topics">
  <label for="q">相談したいこと・機関名で探す</label>
  <input id="q" name="q" type="search" autocomplete="off">
  <button type="submit">検索</button>
</form>
<noscript><p>検索には JavaScript が必要です。下の相談項目の一覧から探してください。</p></noscript>
<section id="search-results" class="search-results" aria-labelledby="results-heading" hidden>
  <h2 id="results-heading">検索結果</h2>
  <p class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
  <ol id="search-results-list" class="search-results-list"></ol>
</section>"#
}

fn write(path: &Path, content: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, content)
}

fn write_site(out: &Path, audience: Audience) -> Result<(), Box<dyn std::error::Error>> {
    let docs = docs(audience);
    let files = build(&docs, audience)?;
    write(&out.join(INDEX_PATH), &files.index_js)?;
    write(&out.join(DISPLAY_PATH), &files.display_js)?;

    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/default/static");
    for asset in ["js/search-core.js", "js/search.js", "css/search.css"] {
        write(&out.join(asset), &fs::read_to_string(theme.join(asset))?)?;
    }

    let topic_list: String = TOPICS
        .iter()
        .map(|(slug, name, _)| format!("<li><a href=\"topics/{slug}.html\">{name}</a></li>\n"))
        .collect();
    let home = format!(
        "{}\n<section id=\"topics\" aria-labelledby=\"topics-heading\"><h2 id=\"topics-heading\">相談項目から探す</h2><ul>\n{topic_list}</ul></section>",
        search_box()
    );
    write(
        &out.join("index.html"),
        &page("相談窓口をさがす", "", &home),
    )?;
    write(&out.join("search.html"), &page("検索", "", search_box()))?;
    for doc in &docs {
        let file = doc.url.split('#').next().unwrap_or(&doc.url);
        let path = out.join(file);
        if !path.exists() {
            let depth = file.matches('/').count();
            write(
                &path,
                &page(
                    &doc.title,
                    &"../".repeat(depth),
                    "<p>（テスト用のページ）</p>",
                ),
            )?;
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: fixture OUTDIR");
        return ExitCode::FAILURE;
    };
    for (audience, dir) in [(Audience::Citizen, "citizen"), (Audience::Staff, "staff")] {
        if let Err(e) = write_site(&out.join(dir), audience) {
            eprintln!("fixture {dir}: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!("{}", out.display());
    ExitCode::SUCCESS
}
