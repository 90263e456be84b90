//! Holidays, closures and "open now".

use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use tsunagu_hours::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN)
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap_or_default()
}

fn hours(text: &str) -> WeeklyHours {
    parse_hours(text).unwrap_or_else(|e| panic!("{text}: {}", e.message()))
}

#[test]
fn known_holidays() {
    assert_eq!(holiday_name(d(2025, 5, 6)), Some("振替休日"));
    assert_eq!(holiday_name(d(2026, 9, 22)), Some("国民の休日"));
    assert_eq!(holiday_name(d(2027, 1, 1)), Some("元日"));
    assert_eq!(holiday_name(d(2026, 9, 23)), Some("秋分の日"));
    assert_eq!(holiday_name(d(2026, 11, 24)), None);
    assert!(holidays_covered_until() >= d(2027, 12, 31));
    assert_eq!(holidays_between(d(2026, 5, 3), d(2026, 5, 6)).len(), 4);
}

#[test]
fn year_end_closure_default_and_configurable() {
    let cal = Calendar::new();
    assert_eq!(
        cal.day_kind(d(2026, 12, 30)),
        DayKind::Closure("年末年始".into())
    );
    assert_eq!(
        cal.day_kind(d(2027, 1, 1)),
        DayKind::Closure("年末年始".into())
    );
    assert_eq!(cal.day_kind(d(2027, 1, 4)), DayKind::Regular);
    assert_eq!(cal.day_kind(d(2026, 12, 28)), DayKind::Regular);
    let h = hours("平日 8:30~17:15");
    assert!(opening_ranges(&h, &cal, d(2026, 12, 30)).is_empty());
    assert_eq!(opening_ranges(&h, &cal, d(2027, 1, 4)).len(), 1);

    let config: ClosureConfig = toml::from_str(
        r#"
        year_end = { from = "12-28", to = "01-04" }
        annual = [{ date = "06-23", name = "慰霊の日" }]
        dates = [{ date = 2026-08-14, name = "施設点検" }]
        "#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let okinawa = Calendar::new().extended(&config);
    assert_eq!(
        okinawa.day_kind(d(2027, 1, 4)),
        DayKind::Closure("年末年始".into())
    );
    assert_eq!(
        okinawa.day_kind(d(2027, 6, 23)),
        DayKind::Closure("慰霊の日".into())
    );
    assert_eq!(
        okinawa.day_kind(d(2026, 8, 14)),
        DayKind::Closure("施設点検".into())
    );
    let off: ClosureConfig = toml::from_str("year_end = false").unwrap_or_default();
    assert_eq!(
        Calendar::new().extended(&off).day_kind(d(2026, 12, 30)),
        DayKind::Regular
    );
    assert!(toml::from_str::<ClosureConfig>("yearend = false").is_err());
}

#[test]
fn open_now_on_a_weekday_with_lunch_break() {
    let h = hours("平日 8:30～12:00、13:00～17:15");
    let cal = Calendar::new();
    // 2026-11-25 is a Wednesday.
    assert_eq!(
        status_at(&h, &cal, at(2026, 11, 25, 10, 0)),
        OpenStatus::Open {
            until: at(2026, 11, 25, 12, 0)
        }
    );
    assert_eq!(
        status_at(&h, &cal, at(2026, 11, 25, 12, 30)),
        OpenStatus::ClosedNow {
            next_open: Some(at(2026, 11, 25, 13, 0))
        }
    );
    assert_eq!(
        status_at(&h, &cal, at(2026, 11, 25, 17, 15)),
        OpenStatus::ClosedNow {
            next_open: Some(at(2026, 11, 26, 8, 30))
        }
    );
}

#[test]
fn closed_on_weekend_holiday_and_year_end() {
    let h = hours("平日 8:30~17:15");
    let cal = Calendar::new();
    // Saturday 2026-11-28 → Monday 11-30.
    assert_eq!(
        status_at(&h, &cal, at(2026, 11, 28, 10, 0)),
        OpenStatus::ClosedToday {
            reason: ClosedReason::DayOff,
            next_open: Some(at(2026, 11, 30, 8, 30))
        }
    );
    // 勤労感謝の日 2026-11-23 (Monday) → Tuesday.
    assert_eq!(
        status_at(&h, &cal, at(2026, 11, 23, 10, 0)),
        OpenStatus::ClosedToday {
            reason: ClosedReason::Holiday("勤労感謝の日".into()),
            next_open: Some(at(2026, 11, 24, 8, 30))
        }
    );
    // 12/30 → first weekday after 1/3 is Monday 2027-01-04.
    assert_eq!(
        status_at(&h, &cal, at(2026, 12, 30, 10, 0)),
        OpenStatus::ClosedToday {
            reason: ClosedReason::Closure("年末年始".into()),
            next_open: Some(at(2027, 1, 4, 8, 30))
        }
    );
}

#[test]
fn holiday_hours_and_around_the_clock() {
    let cal = Calendar::new();
    let weekend = hours("平日 9:00～17:00、土日祝 10:00～16:00");
    assert_eq!(
        status_at(&weekend, &cal, at(2026, 11, 23, 9, 30)).next_open(),
        Some(at(2026, 11, 23, 10, 0))
    );
    let always = hours("24時間365日");
    assert!(status_at(&always, &cal, at(2027, 1, 1, 3, 0)).is_open());
    let night = hours("平日 17:00～翌9:00");
    // Thursday 02:00 is inside Wednesday night's range.
    assert_eq!(
        status_at(&night, &cal, at(2026, 11, 26, 2, 0)),
        OpenStatus::Open {
            until: at(2026, 11, 26, 9, 0)
        }
    );
    // Monday 11-23 is a holiday, so its night range never started.
    assert!(!status_at(&night, &cal, at(2026, 11, 24, 2, 0)).is_open());
}

#[test]
fn jst_is_utc_plus_nine() {
    let utc = Utc
        .with_ymd_and_hms(2026, 11, 24, 23, 30, 0)
        .single()
        .unwrap_or_default();
    assert_eq!(to_jst(utc), at(2026, 11, 25, 8, 30));
}
