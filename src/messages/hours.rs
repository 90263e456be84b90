//! The hours reader (`tsunagu-hours`) says what it found wrong as data; this
//! phrases it in the catalogue, so `bad-hours` and `bad-schedule` read in the
//! webmaster's language like every other diagnostic.

use super::Msg;
use chrono::{Datelike, Weekday};
use tsunagu_hours::{Fix, Problem};

/// What is wrong: the label under the words in question.
pub fn problem(p: &Problem) -> Msg {
    match p {
        Problem::Unreadable { text } => Msg::HoursUnreadable { text: text.into() },
        Problem::MonthlyWithoutDay => Msg::HoursMonthlyWithoutDay {},
        Problem::WeekWithoutNumber => Msg::HoursWeekWithoutNumber {},
        Problem::NoSuchWeek { n } => Msg::HoursNoSuchWeek { n: (*n).into() },
        Problem::BadDayRange => Msg::HoursBadDayRange {},
        Problem::NoTimeAfterAmPm => Msg::HoursNoTimeAfterAmPm {},
        Problem::MinutesNotTwoDigits => Msg::HoursMinutesNotTwoDigits {},
        Problem::MinuteOver59 { hour, minute } => Msg::HoursMinuteOver59 {
            time: format!("{hour}:{minute:02}").into(),
        },
        Problem::TimeOutOfRange { hour, minute } => Msg::HoursTimeOutOfRange {
            time: format!("{hour}:{minute:02}").into(),
        },
        Problem::MinuteMarkMissing => Msg::HoursMinuteMarkMissing {},
        Problem::NoCloseTime => Msg::HoursNoCloseTime {},
        Problem::CloseBeforeOpen { open, close } => Msg::HoursCloseBeforeOpen {
            open: open.to_string().into(),
            close: close.to_string().into(),
        },
        Problem::NoDays => Msg::HoursNoDays {},
        Problem::NoClosedDays => Msg::HoursNoClosedDays {},
        Problem::NthDayClosed => Msg::HoursNthDayClosed {},
        Problem::UnclosedParenthesis => Msg::HoursUnclosedParenthesis {},
        Problem::UnknownNote => Msg::HoursUnknownNote {},
        Problem::NoTimeAfterDays => Msg::HoursNoTimeAfterDays {},
        Problem::NoHours => Msg::HoursNoHours {},
        Problem::OneTimeRangeOnly => Msg::HoursOneTimeRangeOnly {},
        Problem::EveryOtherWeek => Msg::HoursEveryOtherWeek {},
        Problem::NoYear => Msg::HoursNoYear {},
        Problem::NoSuchDate { year, month, day } => Msg::HoursNoSuchDate {
            year: (*year).into(),
            month: (*month).into(),
            day: (*day).into(),
        },
        Problem::BadEraYear => Msg::HoursBadEraYear {},
        Problem::WrongWeekday { date, actual } => Msg::HoursWrongWeekday {
            year: date.year().into(),
            month: date.month().into(),
            day: date.day().into(),
            weekday: weekday(*actual).into(),
        },
        Problem::NoStartTime => Msg::HoursNoStartTime {},
        Problem::DatesWithDays => Msg::HoursDatesWithDays {},
        Problem::NoDaysOrDates => Msg::HoursNoDaysOrDates {},
        Problem::HolidaysOnly => Msg::HoursHolidaysOnly {},
        Problem::WeeklyWithNth => Msg::HoursWeeklyWithNth {},
    }
}

/// How to fix it: the help line.
pub fn fix(f: Fix) -> Msg {
    match f {
        Fix::TimeExample => Msg::FixTimeExample {},
        Fix::DaysFirst => Msg::FixDaysFirst {},
        Fix::HoursExample => Msg::FixHoursExample {},
        Fix::MonthlyExample => Msg::FixMonthlyExample {},
        Fix::NthExample => Msg::FixNthExample {},
        Fix::WeekRange => Msg::FixWeekRange {},
        Fix::DayRangeExample => Msg::FixDayRangeExample {},
        Fix::MinuteRange => Msg::FixMinuteRange {},
        Fix::Overnight => Msg::FixOvernight {},
        Fix::MinuteMark => Msg::FixMinuteMark {},
        Fix::ClosedDayExample => Msg::FixClosedDayExample {},
        Fix::OpenNthDays => Msg::FixOpenNthDays {},
        Fix::CloseParenthesis => Msg::FixCloseParenthesis {},
        Fix::HoursNotes => Msg::FixHoursNotes {},
        Fix::TimeAfterDays => Msg::FixTimeAfterDays {},
        Fix::SeparateSchedules => Msg::FixSeparateSchedules {},
        Fix::UseNth => Msg::FixUseNth {},
        Fix::YearExample => Msg::FixYearExample {},
        Fix::CheckDate => Msg::FixCheckDate {},
        Fix::EraExample => Msg::FixEraExample {},
        Fix::CheckDateOrWeekday => Msg::FixCheckDateOrWeekday {},
        Fix::ScheduleNotes => Msg::FixScheduleNotes {},
        Fix::ScheduleExample => Msg::FixScheduleExample {},
    }
}

pub fn weekday(w: Weekday) -> Msg {
    match w {
        Weekday::Mon => Msg::Monday {},
        Weekday::Tue => Msg::Tuesday {},
        Weekday::Wed => Msg::Wednesday {},
        Weekday::Thu => Msg::Thursday {},
        Weekday::Fri => Msg::Friday {},
        Weekday::Sat => Msg::Saturday {},
        Weekday::Sun => Msg::Sunday {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    /// Notations the reader rejects, one per kind of problem it can find.
    const BAD_HOURS: &[&str] = &[
        "平日 8:30~17:15、要予約",
        "毎月 10:00~12:00",
        "第 水曜 10:00~12:00",
        "第6水曜 10:00~12:00",
        "月~祝日 9:00~17:00",
        "平日 午後",
        "平日 8:3~17:15",
        "平日 8:30~17:75",
        "平日 8:30~25:00",
        "平日 8時30～17時",
        "平日 8:30",
        "平日 17:15~8:30",
        "8:30~17:15",
        "休み",
        "第2水曜休み",
        "平日 8:30~17:15（祝日を除く",
        "平日 8:30~17:15（受付は16:30まで）",
        "平日",
        "受付時間：",
    ];
    const BAD_SCHEDULES: &[&str] = &[
        "毎週水曜 10:00~12:00 13:00~14:00",
        "隔週水曜 10:00~",
        "8月28日 14時~16時",
        "2024年2月30日 10:00~",
        "令和X年8月28日 10:00~",
        "令和6年8月29日(水)14時~16時",
        "第1・3水曜日",
        "2024年8月28日 毎週水曜 10:00~",
        "10:00~12:00",
        "祝日 10:00~12:00",
        "毎週水曜・第1金曜 10:00~12:00",
        "毎週水曜 10:00~（雨天中止）",
    ];

    /// The catalogue's Japanese is the reader's own wording, and the
    /// English differs from it: a problem phrased only in Japanese, or
    /// drifting from the reader, fails here.
    #[test]
    fn problems_read_as_the_reader_says_them_in_japanese_and_in_english() {
        let errors = BAD_HOURS
            .iter()
            .map(|t| (t, tsunagu_hours::parse_hours(t).err()))
            .chain(
                BAD_SCHEDULES
                    .iter()
                    .map(|t| (t, tsunagu_hours::parse_schedule(t).err())),
            );
        let mut kinds = std::collections::BTreeSet::new();
        for (text, e) in errors {
            let e = e.unwrap_or_else(|| panic!("{text} was accepted"));
            kinds.insert(format!("{:?}", std::mem::discriminant(&e.problem)));
            let (p, f) = (problem(&e.problem), fix(e.fix));
            assert_eq!(p.text(Lang::Ja), e.message(), "{text}");
            assert_eq!(f.text(Lang::Ja), e.help(), "{text}");
            for m in [&p, &f] {
                let en = m.text(Lang::En);
                assert_ne!(en, m.text(Lang::Ja), "{text}");
                assert!(!japanese_outside_quotes(&en), "{text}: {en}");
            }
        }
        assert!(kinds.len() >= 28, "only these kinds were tried: {kinds:?}");
    }

    /// Japanese in an English message outside 「quotes」 and (parentheses),
    /// where only examples of the notation and glosses belong.
    fn japanese_outside_quotes(text: &str) -> bool {
        let mut depth = 0i32;
        text.chars().any(|c| {
            match c {
                '「' | '（' | '(' => depth += 1,
                '」' | '）' | ')' => depth -= 1,
                _ => {}
            }
            depth == 0 && matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
        })
    }

    #[test]
    fn a_wrong_weekday_names_the_real_one() {
        let e = tsunagu_hours::parse_schedule("令和6年8月29日(水)14時~16時").err();
        let p = e.map(|e| problem(&e.problem));
        assert_eq!(
            p.as_ref().map(|p| p.text(Lang::En)).as_deref(),
            Some("2024-08-29 is a Thursday")
        );
        assert_eq!(
            p.map(|p| p.text(Lang::Ja)).as_deref(),
            Some("2024年8月29日は木曜日です")
        );
    }
}
