//! Program schedules, iCalendar output read back by real parsers, and schema.org.

use chrono::{NaiveDate, TimeZone, Utc, Weekday};
use tsunagu_hours::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

fn sched(text: &str) -> Schedule {
    parse_schedule(text).unwrap_or_else(|e| panic!("{text}: {} ({})", e.message(), e.help()))
}

fn dates(occ: &[Occurrence]) -> Vec<NaiveDate> {
    occ.iter().map(|o| o.date).collect()
}

/// (as written, canonical form)
const SCHEDULES: &[(&str, &str)] = &[
    ("第1・3水曜日 10:00～15:00", "第1・3水 10:00～15:00"),
    (
        "実施日：第1・3水曜日\n時 間：10：00～15：00",
        "第1・3水 10:00～15:00",
    ),
    ("毎週木曜 10:00～", "毎週木 10:00～"),
    ("毎週木曜日 10時から", "毎週木 10:00～"),
    ("毎月第2土曜日 13:30~15:00", "第2土 13:30～15:00"),
    (
        "2024年6月1日～7月31日の毎週月曜 10:00~11:30",
        "2024年6月1日～2024年7月31日の毎週月 10:00～11:30",
    ),
    ("令和6年8月28日(水)14時~16時", "2024年8月28日 14:00～16:00"),
    ("2026年12月5日 13:30～15:00", "2026年12月5日 13:30～15:00"),
    ("2026/12/5 13:30-15:00", "2026年12月5日 13:30～15:00"),
    ("第2土曜・第4日曜 9:00～12:00", "第2土・第4日 9:00～12:00"),
    (
        "毎週火曜・金曜 14:00～15:00（祝日を除く）",
        "毎週火・金 14:00～15:00（祝日を除く）",
    ),
    (
        "2027年4月1日から毎週水曜 10:00～11:00",
        "2027年4月1日から毎週水 10:00～11:00",
    ),
];

#[test]
fn reads_schedules() {
    for (text, canonical) in SCHEDULES {
        let s = sched(text);
        assert_eq!(s.format(), *canonical, "canonical form of {text:?}");
        let again = sched(&s.format());
        assert_eq!(again.recurrence, s.recurrence, "round trip of {text:?}");
        assert_eq!(
            (again.start, again.end, again.valid_from, again.valid_until),
            (s.start, s.end, s.valid_from, s.valid_until)
        );
    }
    assert_eq!(
        sched("第1・3水曜日 10:00～15:00").recurrence,
        Recurrence::MonthlyNth(vec![(1, Weekday::Wed), (3, Weekday::Wed)])
    );
    assert_eq!(sched("毎週木曜 10:00～").end, None);
}

#[test]
fn rejects_schedules() {
    let cases = [
        ("8月28日 14時~16時", "年が書かれていません"),
        ("令和6年8月29日(水)14時~16時", "2024年8月29日は木曜日です"),
        ("第1・3水曜日", "開始時刻が書かれていません"),
        ("10:00~12:00", "曜日か日付が書かれていません"),
        ("隔週水曜 10:00~", "隔週は書けません"),
        ("毎週水曜 10:00~12:00 要申込", "「要申込」を読み取れません"),
    ];
    for (text, message) in cases {
        let got = parse_schedule(text).err().map(|e| e.message());
        assert_eq!(got.as_deref(), Some(message), "{text:?}");
    }
}

#[test]
fn next_sessions_of_bbm() {
    let bbm = sched("第1・3水曜日 10:00～15:00");
    let cal = Calendar::new();
    let next = next_occurrences(&bbm, &cal, d(2026, 11, 23), 3, false);
    assert_eq!(
        dates(&next),
        [d(2026, 12, 2), d(2026, 12, 16), d(2027, 1, 6)]
    );
    assert_eq!(next[0].start.to_hhmm(), "10:00");
}

#[test]
fn skipping_holidays_is_opt_in() {
    // 2027-01-06 is not a holiday; the 1st Wednesday of 2026-09 is 09-02, and
    // 3rd is 09-16; 2026-09-23 (秋分の日) is the 4th. Use Mondays instead:
    let monday = sched("毎週月曜 10:00～11:30");
    let cal = Calendar::new();
    let all = next_occurrences(&monday, &cal, d(2026, 11, 16), 3, false);
    assert_eq!(
        dates(&all),
        [d(2026, 11, 16), d(2026, 11, 23), d(2026, 11, 30)]
    );
    let skip = next_occurrences(&monday, &cal, d(2026, 11, 16), 3, true);
    assert_eq!(
        dates(&skip),
        [d(2026, 11, 16), d(2026, 11, 30), d(2026, 12, 7)]
    );
    let range = sched("2024年6月1日～7月31日の毎週月曜 10:00~11:30");
    let in_range = next_occurrences(&range, &cal, d(2024, 1, 1), 100, true);
    // 9 Mondays from 6/3 to 7/29, minus 海の日 7/15.
    assert_eq!(in_range.len(), 8);
    assert_eq!(in_range.first().map(|o| o.date), Some(d(2024, 6, 3)));
    assert_eq!(in_range.last().map(|o| o.date), Some(d(2024, 7, 29)));
}

/// Reads the .ics with the `icalendar` crate's parser and expands each
/// VEVENT's DTSTART/RRULE/EXDATE with the `rrule` crate.
fn expand(ics: &str, n: u16) -> Vec<Vec<String>> {
    let unfolded = icalendar::parser::unfold(ics);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap_or_else(|e| panic!("{e}"));
    let events = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT");
    events
        .map(|ev| {
            let mut spec = String::new();
            for p in ev
                .properties
                .iter()
                .filter(|p| matches!(p.name.as_str(), "DTSTART" | "RRULE" | "EXDATE"))
            {
                let params: String = p
                    .params
                    .iter()
                    .map(|x| {
                        format!(
                            ";{}={}",
                            x.key.as_str(),
                            x.val.as_ref().map(|v| v.as_str()).unwrap_or("")
                        )
                    })
                    .collect();
                spec.push_str(&format!(
                    "{}{}:{}\n",
                    p.name.as_str(),
                    params,
                    p.val.as_str()
                ));
            }
            // A VEVENT without RRULE occurs once, at DTSTART (RFC 5545 §3.8.5.3).
            if !spec.contains("RRULE:") {
                let dtstart = spec
                    .lines()
                    .next()
                    .unwrap_or("")
                    .replacen("DTSTART", "RDATE", 1);
                spec.push_str(&dtstart);
            }
            let set: rrule::RRuleSet = spec
                .trim()
                .parse()
                .unwrap_or_else(|e| panic!("{spec}: {e}"));
            set.all(n)
                .dates
                .iter()
                .map(|t| t.format("%Y-%m-%d %H:%M %z").to_string())
                .collect()
        })
        .collect()
}

#[test]
fn ics_parses_back_with_expected_occurrences() {
    let bbm = sched("第1・3水曜日 10:00～15:00");
    let monday = sched("毎週月曜 10:00～11:30");
    let stamp = Utc
        .with_ymd_and_hms(2026, 11, 23, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let events = [
        IcsEvent {
            uid: "bbm@tsunagu.example.jp",
            summary: "Book and Bookenergy in Morioka（BBM）",
            description: Some("本の仕分け作業, 居場所づくり; 申込不要\n途中参加も可"),
            location: Some("盛岡市内"),
            url: Some("https://example.jp/programs/bbm/"),
            schedule: &bbm,
            skip_holidays: false,
        },
        IcsEvent {
            uid: "taiso@tsunagu.example.jp",
            summary: "もも太郎体操",
            description: None,
            location: None,
            url: None,
            schedule: &monday,
            skip_holidays: true,
        },
    ];
    let ics = to_ics(
        "つなぐ プログラム",
        &events,
        &Calendar::new(),
        d(2026, 11, 23),
        stamp,
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.split("\r\n").all(|l| l.len() <= 75), "folded");
    assert!(!ics.replace("\r\n", "").contains('\n'), "CRLF only");
    assert!(ics.contains("RRULE:FREQ=MONTHLY;BYDAY=1WE,3WE\r\n"));
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO\r\n"));
    assert!(ics.contains("DTSTART;TZID=Asia/Tokyo:20261202T100000\r\n"));
    assert!(ics.contains("DTSTAMP:20261123T000000Z\r\n"));
    assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"));
    assert!(ics
        .replace("\r\n ", "")
        .contains("DESCRIPTION:本の仕分け作業\\, 居場所づくり\\; 申込不要\\n途中参加も可\r\n"));

    let expanded = expand(&ics, 4);
    assert_eq!(
        expanded[0],
        [
            "2026-12-02 10:00 +0900",
            "2026-12-16 10:00 +0900",
            "2027-01-06 10:00 +0900",
            "2027-01-20 10:00 +0900"
        ]
    );
    // Mondays from 11-23 (勤労感謝の日, excluded), 12-28 open, then 1-4; 1-11 is 成人の日.
    let mondays = expand(&ics, 8);
    assert_eq!(
        mondays[1],
        [
            "2026-11-30 10:00 +0900",
            "2026-12-07 10:00 +0900",
            "2026-12-14 10:00 +0900",
            "2026-12-21 10:00 +0900",
            "2026-12-28 10:00 +0900",
            "2027-01-04 10:00 +0900",
            "2027-01-18 10:00 +0900",
            "2027-01-25 10:00 +0900",
        ]
    );
    let ours: Vec<String> = next_occurrences(&monday, &Calendar::new(), d(2026, 11, 23), 8, true)
        .iter()
        .map(|o| format!("{} {} +0900", o.date, o.start.to_hhmm()))
        .collect();
    assert_eq!(mondays[1], ours, "ics and next_occurrences agree");
}

#[test]
fn ics_for_dated_sessions_and_series_with_end() {
    let once = sched("令和6年8月28日(水)14時~16時");
    let series = sched("2024年6月1日～7月31日の毎週月曜 10:00~11:30");
    let stamp = Utc
        .with_ymd_and_hms(2024, 5, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let ev = |uid, schedule| IcsEvent {
        uid,
        summary: "講座",
        description: None,
        location: None,
        url: None,
        schedule,
        skip_holidays: true,
    };
    let ics = to_ics(
        "講座",
        &[ev("once@x", &once), ev("series@x", &series)],
        &Calendar::new(),
        d(2024, 5, 1),
        stamp,
    );
    assert!(ics.contains("UID:once@x-20240828\r\n"));
    assert!(ics.contains("DTEND;TZID=Asia/Tokyo:20240828T160000\r\n"));
    assert!(ics.contains("UNTIL=20240731T145959Z"));
    assert!(ics.contains("EXDATE;TZID=Asia/Tokyo:20240715T100000\r\n"));
    let expanded = expand(&ics, 20);
    assert_eq!(expanded[0], ["2024-08-28 14:00 +0900"]);
    assert_eq!(expanded[1].len(), 8);
}

#[test]
fn schema_org_json_ld() {
    let h = parse_hours("平日 8:30～12:00、13:00～17:15、土日祝 10:00～16:00")
        .unwrap_or_else(|e| panic!("{}", e.message()));
    let spec = opening_hours_specification(&h);
    let text = serde_json::to_string(&spec).unwrap_or_default();
    let back: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    assert_eq!(back[0]["@type"], "OpeningHoursSpecification");
    assert_eq!(back[0]["dayOfWeek"][0], "https://schema.org/Monday");
    assert_eq!(back[0]["opens"], "08:30:00");
    assert_eq!(back[1]["closes"], "17:15:00");
    assert_eq!(back[2]["dayOfWeek"][2], "https://schema.org/PublicHolidays");

    let weekday = parse_hours("平日 8:30~17:15").unwrap_or_else(|e| panic!("{}", e.message()));
    let special = special_opening_hours(&weekday, &Calendar::new(), d(2026, 11, 1), d(2027, 1, 31));
    let special = special.as_array().cloned().unwrap_or_default();
    let ranges: Vec<(String, String, String)> = special
        .iter()
        .map(|v| {
            (
                v["validFrom"].as_str().unwrap_or("").into(),
                v["validThrough"].as_str().unwrap_or("").into(),
                v["name"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        ranges,
        [
            ("2026-11-03".into(), "2026-11-03".into(), "文化の日".into()),
            (
                "2026-11-23".into(),
                "2026-11-23".into(),
                "勤労感謝の日".into()
            ),
            ("2026-12-29".into(), "2027-01-01".into(), "年末年始".into()),
            ("2027-01-11".into(), "2027-01-11".into(), "成人の日".into()),
        ]
    );
    assert!(special
        .iter()
        .all(|v| v["opens"] == "00:00:00" && v["closes"] == "00:00:00"));

    let es = event_schedule(&sched("第1・3水曜日 10:00～15:00"));
    assert_eq!(es[0]["@type"], "Schedule");
    assert_eq!(es[0]["repeatFrequency"], "P1M");
    assert_eq!(es[0]["byDay"], "https://schema.org/Wednesday");
    assert_eq!(es[0]["byMonthWeek"], serde_json::json!([1, 3]));
    assert_eq!(es[0]["startTime"], "10:00:00");
    assert_eq!(es[0]["endTime"], "15:00:00");
    assert_eq!(es[0]["scheduleTimezone"], "Asia/Tokyo");
    let weekly = event_schedule(&sched("毎週木曜 10:00～"));
    assert_eq!(weekly[0]["repeatFrequency"], "P1W");
    assert_eq!(
        weekly[0]["byDay"],
        serde_json::json!(["https://schema.org/Thursday"])
    );
    assert!(weekly[0].get("endTime").is_none());
}
