//! The parsers never panic, and canonical text reads back as the same structure.

use proptest::prelude::*;
use tsunagu_hours::{
    parse_hours, parse_schedule, DaySet, Hm, Rule, TimeRange, WeekSet, WeeklyHours,
};

/// Characters the notation uses, so random strings often get deep into the parser.
const ALPHABET: &[&str] = &[
    "平日",
    "月",
    "火",
    "水",
    "木",
    "金",
    "土",
    "日",
    "祝",
    "曜",
    "曜日",
    "第",
    "毎週",
    "毎月",
    "年",
    "時",
    "分",
    "半",
    "翌",
    "年中無休",
    "24時間",
    "365日",
    "（",
    "）",
    "(",
    ")",
    "、",
    "・",
    "／",
    "\n",
    " ",
    "　",
    "~",
    "～",
    "〜",
    "-",
    "－",
    "ー",
    ":",
    "：",
    "0",
    "1",
    "2",
    "3",
    "5",
    "8",
    "9",
    "１",
    "３",
    "令和",
    "元",
    "を除く",
    "年末年始",
    "休み",
    "から",
    "まで",
    "午後",
    "正午",
];

fn notation_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..24).prop_map(|parts| parts.concat())
}

fn range() -> impl Strategy<Value = TimeRange> {
    (0u32..(24 * 4), 1u32..(24 * 4)).prop_filter_map("inside two days", |(open_q, len_q)| {
        let open = open_q * 15;
        let close = open + len_q * 15;
        Some(TimeRange {
            open: Hm::from_minutes(open)?,
            close: Hm::from_minutes(close)?,
        })
    })
}

fn rule() -> impl Strategy<Value = Rule> {
    (
        1u8..=255,
        prop_oneof![Just(0u8), 1u8..31],
        prop::collection::vec(range(), 1..3),
    )
        .prop_map(|(days, weeks, ranges)| Rule {
            days: DaySet::from_bits(days),
            weeks: WeekSet::from_bits(weeks),
            ranges,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn hours_parser_never_panics(text in any::<String>()) {
        let _ = parse_hours(&text);
    }

    #[test]
    fn schedule_parser_never_panics(text in any::<String>()) {
        let _ = parse_schedule(&text);
    }

    #[test]
    fn parsers_never_panic_on_notation_like_text(text in notation_like()) {
        if let Err(e) = parse_hours(&text) {
            prop_assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
        if let Err(e) = parse_schedule(&text) {
            prop_assert!(e.span.end <= text.len() && text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
    }

    #[test]
    fn format_then_parse_gives_the_same_structure(rules in prop::collection::vec(rule(), 1..4), observe in any::<bool>()) {
        let hours = WeeklyHours::from_rules("", &rules, observe);
        prop_assume!(!hours.rules.is_empty());
        let text = hours.format();
        let back = parse_hours(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {}", e.message())))?;
        prop_assert!(back.same_hours(&hours), "{text:?} read back as {:?}", back.format());
    }
}
