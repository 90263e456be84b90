mod common;
use common::*;

fn sample(audience: Audience) -> Vec<SearchDoc> {
    let staff = audience == Audience::Staff;
    let mut docs = vec![
        {
            let mut d = doc(
                "topic:kaigo",
                DocKind::Topic,
                "介護",
                &["かいご", "介護保険", "ケアマネ"],
                "介護が必要になったとき",
            );
            d.boost = 2.0;
            d
        },
        {
            let mut d = doc(
                "topic:shishutsu",
                DocKind::Topic,
                "支出・滞納・借金",
                &["ししゅつ", "お金がない", "生活費が足りない", "借金"],
                "税金や家賃の滞納、借金の相談",
            );
            d.boost = 2.0;
            d
        },
        {
            let mut d = doc(
                "agency:shakyo",
                DocKind::Agency,
                "社会福祉協議会",
                &["しゃかいふくしきょうぎかい", "社協"],
                "地域福祉 生活福祉資金の貸付",
            );
            d.display.star = true;
            d.display.phone = Some("086-000-0000".into());
            d.boost = 1.5;
            d
        },
        doc(
            "agency:houkatsu",
            DocKind::Agency,
            "地域包括支援センター",
            &["ちいきほうかつしえんせんたー", "ほうかつ"],
            "高齢者の介護・福祉・健康の総合相談",
        ),
        doc(
            "agency:dv",
            DocKind::Agency,
            "配偶者暴力相談支援センター",
            &["DV", "ドメスティック・バイオレンス"],
            "DV被害の相談、一時保護",
        ),
        {
            let mut d = doc(
                "matter:houkatsu:1",
                DocKind::Matter,
                "介護保険の申請",
                &[],
                "要介護認定の申請手続き",
            );
            d.parent = Some("agency:houkatsu".into());
            d
        },
        doc(
            "program:taiso",
            DocKind::Program,
            "あっ晴れ！もも太郎体操",
            &["ももたろうたいそう"],
            "週1回 5人以上で集まって体操",
        ),
    ];
    if staff {
        docs[2].staff_text = Some(STAFF_CANARY.to_string());
        docs[2].display.contact = Some("主 山田花子".into());
        docs[2].display.extension = Some("9999".into());
    }
    docs
}

fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    index.search(q).into_iter().map(|h| h.id).collect()
}

fn citizen() -> SearchIndex {
    let files = build(&sample(Audience::Citizen), Audience::Citizen).expect("build");
    SearchIndex::from_files(&files).expect("parse")
}

#[test]
fn scripts_and_all_spellings_find_kaigo() {
    let idx = citizen();
    for q in ["介護", "かいご", "カイゴ", "ｶｲｺﾞ"] {
        let got = ids(&idx, q);
        assert_eq!(
            got.first().map(String::as_str),
            Some("topic:kaigo"),
            "{q}: {got:?}"
        );
    }
}

#[test]
fn full_width_latin_finds_dv() {
    let idx = citizen();
    assert!(ids(&idx, "ＤＶ").contains(&"agency:dv".to_string()));
    assert!(ids(&idx, "dv").contains(&"agency:dv".to_string()));
}

#[test]
fn synonyms_and_abbreviations() {
    let idx = citizen();
    assert_eq!(ids(&idx, "お金がない")[0], "topic:shishutsu");
    assert_eq!(ids(&idx, "社協")[0], "agency:shakyo");
}

#[test]
fn long_vowel_noise() {
    let idx = citizen();
    assert!(ids(&idx, "センタ").contains(&"agency:houkatsu".to_string()));
    assert!(ids(&idx, "ｾﾝﾀｰ").contains(&"agency:houkatsu".to_string()));
}

#[test]
fn documents_matching_every_word_come_first() {
    let idx = citizen();
    // 介護 is in the body, 包括 in the name of the same document.
    let hits = idx.search("包括　介護");
    let mut full: Vec<&str> = hits
        .iter()
        .take_while(|h| h.coverage >= 1.0)
        .map(|h| h.id.as_str())
        .collect();
    full.sort();
    // The matter mentions 介護 itself and inherits 包括 from its agency.
    assert_eq!(full, ["agency:houkatsu", "matter:houkatsu:1"]);
    // Documents holding only one of the words still follow, below them.
    assert!(hits.len() > 2 && hits[2..].iter().all(|h| h.coverage < 1.0));
    // No document holds both 包括 and 借金: each word still finds its own.
    let hits = idx.search("包括 借金");
    assert!(hits.iter().all(|h| h.coverage < 1.0));
    assert!(hits.iter().any(|h| h.id == "agency:houkatsu"));
}

#[test]
fn children_inherit_parent_words_only_alongside_their_own() {
    let idx = citizen();
    // 包括 is only in the agency; 申請 only in the matter.
    for q in ["包括 申請", "ほうかつ 申請"] {
        let hits = idx.search(q);
        assert_eq!(hits[0].id, "matter:houkatsu:1", "{q}");
        assert_eq!(hits[0].coverage, 1.0, "{q}");
    }
    // The parent alone never pulls in its children.
    assert!(!ids(&idx, "ほうかつ").contains(&"matter:houkatsu:1".to_string()));
}

#[test]
fn children_inherit_display_fields() {
    let mut docs = sample(Audience::Citizen);
    docs[3].display.phone = Some("086-111-1111".into());
    docs[3].display.hours = Some("平日 9:00~17:00".into());
    docs[5].display.phone = Some("086-111-1111".into());
    docs[5].display.agency = Some(docs[3].title.clone());
    let files = build(&docs, Audience::Citizen).expect("build");
    assert_eq!(files.display_text().matches("086-111-1111").count(), 1);
    let idx = SearchIndex::from_files(&files).expect("parse");
    let hit = &idx.search("介護保険の申請")[0];
    assert_eq!(hit.display.phone.as_deref(), Some("086-111-1111"));
    assert_eq!(hit.display.hours.as_deref(), Some("平日 9:00~17:00"));
    assert_eq!(hit.display.agency.as_deref(), Some("地域包括支援センター"));
}

#[test]
fn parent_must_exist() {
    let mut docs = sample(Audience::Citizen);
    docs[5].parent = Some("agency:nowhere".into());
    assert!(matches!(
        build(&docs, Audience::Citizen),
        Err(SearchError::UnknownParent { .. })
    ));
    docs[5].parent = Some(docs[5].id.clone());
    assert!(matches!(
        build(&docs, Audience::Citizen),
        Err(SearchError::UnknownParent { .. })
    ));
}

#[test]
fn a_child_before_its_parent_is_refused_before_any_file_is_made() {
    // The documents are read a block at a time: a parent must already have
    // been read when its child comes.
    let mut docs = sample(Audience::Citizen);
    let parent = docs[5].parent.clone().expect("a matter of the sample");
    let at = docs.iter().position(|d| d.id == parent).expect("parent");
    assert!(at < 5);
    let child = docs.remove(5);
    docs.insert(at, child);
    let mut emitted = 0;
    let built = tsunagu_search::build_into(docs, Audience::Citizen, |_, _| {
        emitted += 1;
        Ok::<_, SearchError>(())
    });
    assert!(matches!(built, Err(SearchError::UnknownParent { .. })));
    assert_eq!(emitted, 0);
}

#[test]
fn exact_name_first() {
    let idx = citizen();
    let hits = idx.search("介護保険の申請");
    assert_eq!(hits[0].id, "matter:houkatsu:1");
    assert_eq!(hits[0].tier, 4);
}

#[test]
fn single_character_query_uses_prefix_and_last_char() {
    let idx = citizen();
    assert!(ids(&idx, "護").contains(&"topic:kaigo".to_string()));
    assert!(ids(&idx, "介").contains(&"topic:kaigo".to_string()));
}

#[test]
fn no_result() {
    let idx = citizen();
    assert!(ids(&idx, "宇宙旅行").is_empty());
    assert!(ids(&idx, "").is_empty());
    assert!(ids(&idx, "・・・").is_empty());
}

#[test]
fn citizen_index_has_no_staff_trace() {
    let files = build(&sample(Audience::Citizen), Audience::Citizen).expect("build");
    for needle in ["山田", "花子", "9999", "CANARY", "canary", "staff\""] {
        assert!(!files.index_text().contains(needle), "index leaks {needle}");
        assert!(
            !files.display_text().contains(needle),
            "display leaks {needle}"
        );
    }
    // No term (山田, 花子, 田花 …) nor prefix entry (山*) starts with a staff character.
    for c in ["\"山", "\"花", "\"田", "\"子"] {
        assert!(
            !files.index_text().contains(c),
            "index holds a term starting {c}"
        );
    }
}

#[test]
fn staff_index_covers_staff_text() {
    let files = build(&sample(Audience::Staff), Audience::Staff).expect("build");
    assert!(files.display_text().contains("山田花子"));
    assert!(files.display_text().contains("9999"));
    let idx = SearchIndex::from_files(&files).expect("parse");
    assert_eq!(ids(&idx, "山田花子"), ["agency:shakyo"]);
    assert_eq!(ids(&idx, "canary"), ["agency:shakyo"]);
}

#[test]
fn citizen_build_rejects_staff_data() {
    let err = build(&sample(Audience::Staff), Audience::Citizen).unwrap_err();
    assert!(
        matches!(err, SearchError::StaffDataInCitizenIndex { .. }),
        "{err}"
    );
    let mut docs = sample(Audience::Citizen);
    docs[0].display.extension = Some("1".into());
    let err = build(&docs, Audience::Citizen).unwrap_err();
    assert!(err.to_string().contains("display.extension"), "{err}");
}

#[test]
fn invalid_documents_are_errors() {
    let mut docs = sample(Audience::Citizen);
    docs[1].id = docs[0].id.clone();
    assert!(matches!(
        build(&docs, Audience::Citizen),
        Err(SearchError::DuplicateId { .. })
    ));

    let mut docs = sample(Audience::Citizen);
    docs[0].url = "javascript:alert(1)".into();
    assert!(matches!(
        build(&docs, Audience::Citizen),
        Err(SearchError::BadUrl { .. })
    ));

    let mut docs = sample(Audience::Citizen);
    docs[0].boost = f64::NAN;
    assert!(matches!(
        build(&docs, Audience::Citizen),
        Err(SearchError::BadBoost { .. })
    ));

    let mut docs = sample(Audience::Citizen);
    docs[0].title = " ".into();
    assert!(matches!(
        build(&docs, Audience::Citizen),
        Err(SearchError::EmptyTitle { .. })
    ));
}

#[test]
fn index_names_its_tokenizer() {
    let files = build(&sample(Audience::Citizen), Audience::Citizen).expect("build");
    let manifest = files.get(MANIFEST_PATH).expect("manifest");
    assert!(manifest.starts_with("TsunaguSearchLoad(\"manifest\",JSON.parse('{"));
    assert!(manifest.contains(&format!("\"tokenizer\":\"{TOKENIZER_VERSION}\"")));
    let mut tampered = files.clone();
    for (path, script) in &mut tampered.files {
        if path == MANIFEST_PATH {
            *script = script.replace(TOKENIZER_VERSION, "tsunagu-ja-bigram-0");
        }
    }
    assert!(matches!(
        SearchIndex::from_files(&tampered),
        Err(SearchError::TokenizerMismatch { .. })
    ));
}

#[test]
fn every_file_is_a_registration_script() {
    let files = build(&sample(Audience::Staff), Audience::Staff).expect("build");
    assert!(
        files.files.len() >= 3,
        "manifest, a term shard, a display chunk"
    );
    for (path, script) in &files.files {
        let name = path
            .strip_prefix("search/")
            .and_then(|p| p.strip_suffix(".js"))
            .expect("search/NAME.js");
        assert!(
            script.starts_with(&format!("{LOAD_FUNCTION}(\"{name}\",JSON.parse('")),
            "{path}"
        );
        assert!(script.ends_with("'));\n"), "{path}");
    }
    // Any order parses; a missing shard is an error, not fewer results.
    let mut reversed = files.clone();
    reversed.files.reverse();
    assert!(SearchIndex::from_files(&reversed).is_ok());
    let mut missing = files.clone();
    missing.files.retain(|(p, _)| !p.starts_with("search/t/"));
    assert!(SearchIndex::from_files(&missing).is_err());
}

#[test]
fn a_term_lives_in_the_shard_its_hash_names() {
    let docs = big_corpus(400);
    let files = build(&docs, Audience::Citizen).expect("build");
    let shards = files
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/t/"))
        .count();
    assert!(shards > 1, "a 400-agency corpus is split, got {shards}");
    for key in ["相談", "相*"] {
        let home = format!("search/t/{}.js", shard_of(key, shards));
        let needle = format!("\"{key}\":");
        for (path, script) in files
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("search/t/"))
        {
            assert_eq!(
                script.contains(&needle),
                *path == home,
                "{key} belongs in {home}, not {path}"
            );
        }
    }
    // The whole corpus still ranks from the pieces.
    let idx = SearchIndex::from_files(&files).expect("parse");
    assert_eq!(ids(&idx, "第7相談所")[0], "agency:a7");
    assert!(
        ids(&idx, "相").len() > 100,
        "a one-character word reads the prefix entry"
    );
}

#[test]
fn a_long_list_is_split_by_weight_and_read_back_whole() {
    let docs = big_corpus(400);
    let files = build(&docs, Audience::Citizen).expect("build");
    let shards = files
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/t/"))
        .count();
    // 相談 is in all 1,600 titles: more than shard.rs SPLIT_OVER (1,024).
    let home = files
        .get(&format!("search/t/{}.js", shard_of("相談", shards)))
        .expect("home shard");
    assert!(
        home.contains("\"相談\":{\"n\":1600,\"u\":1600,"),
        "split entry"
    );
    let chunks: Vec<&str> = files
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/c/"))
        .map(|(p, _)| p.as_str())
        .collect();
    assert!(!chunks.is_empty());
    // Every document has its row of weights in split lists, beside its display row.
    let rows = files
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/w/"))
        .count();
    let display = files
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/d/"))
        .count();
    assert_eq!(rows, display);
    // Rows name a split list by its number: that of 相談 in titles (field 0) is held,
    // with a weight, by the first documents (第0相談所 …).
    let after = &home[home.find("\"相談\":{").expect("相談")..];
    let number: String = after[after.find("\"i\":").expect("list number") + 4..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let w0 = files.get("search/w/0.js").expect("w/0");
    let json = &w0[w0.find("JSON.parse('").expect("script") + 12..w0.rfind("'));").expect("end")];
    let rows: Vec<Vec<u32>> = serde_json::from_str(json).expect("rows");
    assert_eq!(rows.len(), 16);
    let number: u32 = number.parse().expect("number");
    assert!(rows[0]
        .chunks(2)
        .any(|p| p[0] == number && p.get(1).is_some_and(|w| *w > 0)));
    assert!(rows.iter().all(|r| r.chunks(2).is_sorted_by_key(|p| p[0])));
    // The reader ranks from the whole list; a missing chunk is an error, not fewer hits.
    let idx = SearchIndex::from_files(&files).expect("parse");
    assert_eq!(ids(&idx, "相談").len(), 1600);
    let mut missing = files.clone();
    missing.files.retain(|(p, _)| p != chunks[0]);
    assert!(SearchIndex::from_files(&missing).is_err());
}

fn big_corpus(n: usize) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    for a in 0..n {
        let mut agency = doc(
            &format!("agency:a{a}"),
            DocKind::Agency,
            &format!("第{a}相談所"),
            &[],
            &format!("地区{}の総合相談 {}", a % 17, a * 7919 % 1000),
        );
        agency.display.reading = Some(format!("だい{a}そうだんじょ"));
        docs.push(agency);
        for m in 0..3 {
            let mut d = doc(
                &format!("matter:a{a}:{m}"),
                DocKind::Matter,
                &format!("相談内容{m} 番号{}", a * 31 % 97),
                &[],
                "介護",
            );
            d.parent = Some(format!("agency:a{a}"));
            docs.push(d);
        }
    }
    docs
}

#[test]
fn script_escapes_markup() {
    let mut docs = sample(Audience::Citizen);
    docs[0].title = "</script><b>".into();
    let files = build(&docs, Audience::Citizen).expect("build");
    assert!(!files.display_text().contains("</script>"));
    let idx = SearchIndex::from_files(&files).expect("parse");
    assert_eq!(idx.search("script")[0].title, "</script><b>");
}

#[test]
fn a_very_long_worry_is_cut_not_a_crash() {
    let idx = citizen();
    let long: String = "介護と借金と障害の相談を、ｶｲｺﾞ kaigo する。".repeat(40);
    let hits = idx.search(&long);
    assert!(hits.iter().any(|h| h.id == "topic:kaigo"));
    let singles: String = "夫に親で子と金が家を".repeat(30);
    let _ = idx.search(&singles);
}
