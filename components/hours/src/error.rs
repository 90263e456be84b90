//! Why a notation could not be read, as data: tsunagu phrases it in the
//! webmaster's language from its message catalogue. The Japanese `Display`
//! here is for this crate's own uses (serde errors of the `[hours]` table,
//! tests, the examples).

use std::fmt;
use std::ops::Range;

use chrono::{NaiveDate, Weekday};

use crate::time::Hm;

/// Why a notation could not be understood, pointing into the original text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{problem}")]
pub struct HoursError {
    /// What is wrong.
    pub problem: Problem,
    /// Byte range in the text that was passed to the parser.
    pub span: Range<usize>,
    /// How to fix it.
    pub fix: Fix,
}

impl HoursError {
    pub(crate) fn new(problem: Problem, span: Range<usize>, fix: Fix) -> Self {
        HoursError { problem, span, fix }
    }

    /// What is wrong, in Japanese.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }

    /// How to fix it, in Japanese.
    pub fn help(&self) -> String {
        self.fix.to_string()
    }
}

/// What is wrong with a notation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Words the notation does not know, as they were written (up to 20 chars).
    Unreadable { text: String },
    /// 「毎月」 not followed by a day.
    MonthlyWithoutDay,
    /// 「第」 not followed by a number.
    WeekWithoutNumber,
    /// 第6 and beyond.
    NoSuchWeek { n: u32 },
    /// 「月～」 followed by something that is not a day.
    BadDayRange,
    /// 「午後」 not followed by a time.
    NoTimeAfterAmPm,
    /// 「8:3」.
    MinutesNotTwoDigits,
    /// 「17:75」.
    MinuteOver59 { hour: u32, minute: u32 },
    /// 「25:00」.
    TimeOutOfRange { hour: u32, minute: u32 },
    /// 「8時30」 without 分.
    MinuteMarkMissing,
    /// 「8:30」 with no end.
    NoCloseTime,
    /// 「17:15~8:30」.
    CloseBeforeOpen { open: Hm, close: Hm },
    /// A time before any day.
    NoDays,
    /// 「休み」 without the days that are closed.
    NoClosedDays,
    /// 「第2水曜休み」.
    NthDayClosed,
    /// 「（祝日を除く」.
    UnclosedParenthesis,
    /// A parenthesised note that is not about closed days.
    UnknownNote,
    /// Days at the end with no time after them.
    NoTimeAfterDays,
    /// Nothing but labels and separators.
    NoHours,
    /// A schedule with two time ranges.
    OneTimeRangeOnly,
    /// 「隔週」.
    EveryOtherWeek,
    /// 「8月28日」 without a year.
    NoYear,
    /// 「2024年2月30日」.
    NoSuchDate { year: i32, month: u32, day: u32 },
    /// 「令和X年」 that cannot be read.
    BadEraYear,
    /// 「2024年8月29日(水)」 when that day is a Thursday.
    WrongWeekday { date: NaiveDate, actual: Weekday },
    /// A schedule without a start time.
    NoStartTime,
    /// A schedule with both dates and days of the week.
    DatesWithDays,
    /// A schedule with neither days of the week nor dates.
    NoDaysOrDates,
    /// A schedule on holidays only.
    HolidaysOnly,
    /// 「毎週水曜・第1金曜」 in one schedule.
    WeeklyWithNth,
}

/// How to fix it: mostly an example of the notation to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// 「8:30~17:15」.
    TimeExample,
    /// 「平日 8:30~17:15」 with the days first.
    DaysFirst,
    /// 「平日 8:30~17:15」.
    HoursExample,
    /// 「毎月第2土曜日 13:30~15:00」.
    MonthlyExample,
    /// 「第1・3水曜日」.
    NthExample,
    /// 第1 to 第5.
    WeekRange,
    /// 「月～金」.
    DayRangeExample,
    /// 00 to 59.
    MinuteRange,
    /// 「22:00~翌6:00」.
    Overnight,
    /// 「8時30分」.
    MinuteMark,
    /// 「水曜休み」.
    ClosedDayExample,
    /// Write the open days as 「第1・3土曜 9:00~12:00」.
    OpenNthDays,
    /// 「（祝日を除く）」.
    CloseParenthesis,
    /// The notes the hours notation understands.
    HoursNotes,
    /// 「土曜 9:00~12:00」.
    TimeAfterDays,
    /// One schedule per time range.
    SeparateSchedules,
    /// 第N曜日 instead of 隔週.
    UseNth,
    /// 「2024年8月28日」.
    YearExample,
    /// Check the date.
    CheckDate,
    /// 「令和6年8月28日」.
    EraExample,
    /// Check the date or the weekday.
    CheckDateOrWeekday,
    /// The notes the schedule notation understands.
    ScheduleNotes,
    /// 「第1・3水曜日 10:00～15:00」 and other schedules.
    ScheduleExample,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Unreadable { text } => write!(f, "「{text}」を読み取れません"),
            Problem::MonthlyWithoutDay => f.write_str("「毎月」の後に曜日がありません"),
            Problem::WeekWithoutNumber => f.write_str("「第」の後に数字がありません"),
            Problem::NoSuchWeek { n } => write!(f, "第{n}週はありません"),
            Problem::BadDayRange => f.write_str("曜日の範囲が読み取れません"),
            Problem::NoTimeAfterAmPm => f.write_str("午前・午後の後に時刻がありません"),
            Problem::MinutesNotTwoDigits => f.write_str("分は2桁で書いてください"),
            Problem::MinuteOver59 { hour, minute } => {
                write!(f, "時刻「{hour}:{minute:02}」の分は59までです")
            }
            Problem::TimeOutOfRange { hour, minute } => {
                write!(f, "時刻「{hour}:{minute:02}」は範囲外です")
            }
            Problem::MinuteMarkMissing => f.write_str("「分」が抜けています"),
            Problem::NoCloseTime => f.write_str("終了時刻がありません"),
            Problem::CloseBeforeOpen { open, close } => {
                write!(f, "終了時刻 {close} が開始時刻 {open} より前です")
            }
            Problem::NoDays => f.write_str("曜日が書かれていません"),
            Problem::NoClosedDays => f.write_str("どの曜日が休みか書かれていません"),
            Problem::NthDayClosed => f.write_str("第N曜日だけの休みは書けません"),
            Problem::UnclosedParenthesis => f.write_str("括弧が閉じていません"),
            Problem::UnknownNote => f.write_str("括弧内の注記を読み取れません"),
            Problem::NoTimeAfterDays => f.write_str("曜日の後に時間が書かれていません"),
            Problem::NoHours => f.write_str("受付時間が書かれていません"),
            Problem::OneTimeRangeOnly => f.write_str("時間帯は1つだけ書けます"),
            Problem::EveryOtherWeek => f.write_str("隔週は書けません"),
            Problem::NoYear => f.write_str("年が書かれていません"),
            Problem::NoSuchDate { year, month, day } => {
                write!(f, "{year}年{month}月{day}日はありません")
            }
            Problem::BadEraYear => f.write_str("和暦の年を読み取れません"),
            Problem::WrongWeekday { date, actual } => {
                let kanji = crate::weekly::DAY_KANJI[actual.num_days_from_monday() as usize];
                write!(f, "{}は{kanji}曜日です", date.format("%Y年%-m月%-d日"))
            }
            Problem::NoStartTime => f.write_str("開始時刻が書かれていません"),
            Problem::DatesWithDays => f.write_str("日付と曜日は一緒に書けません"),
            Problem::NoDaysOrDates => f.write_str("曜日か日付が書かれていません"),
            Problem::HolidaysOnly => f.write_str("祝日だけの日程は書けません"),
            Problem::WeeklyWithNth => {
                f.write_str("毎週の曜日と第N曜日は一緒に書けません。別々の日程にしてください")
            }
        }
    }
}

impl fmt::Display for Fix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Fix::TimeExample => "時刻は 8:30~17:15 のように書いてください",
            Fix::DaysFirst => "「平日 8:30~17:15」のように曜日を先に書いてください",
            Fix::HoursExample => "「平日 8:30~17:15」のように書いてください",
            Fix::MonthlyExample => "「毎月第2土曜日 13:30~15:00」のように書いてください",
            Fix::NthExample => "「第1・3水曜日」のように書いてください",
            Fix::WeekRange => "第1から第5までで書いてください",
            Fix::DayRangeExample => "「月～金」のように曜日で範囲を書いてください",
            Fix::MinuteRange => "分は00から59で書いてください（例: 17:15）",
            Fix::Overnight => "日をまたぐ場合は 22:00~翌6:00 のように書いてください",
            Fix::MinuteMark => "「8時30分」のように書いてください",
            Fix::ClosedDayExample => "「水曜休み」のように書いてください",
            Fix::OpenNthDays => "開いている日を「第1・3土曜 9:00~12:00」のように書いてください",
            Fix::CloseParenthesis => "「（祝日を除く）」のように括弧を閉じてください",
            Fix::HoursNotes => "括弧内に書けるのは（祝日・年末年始を除く）（土日祝休み）（年中無休）（祝日も開所）のような休みの注記だけです。その他の説明は備考に書いてください",
            Fix::TimeAfterDays => "「土曜 9:00~12:00」のように曜日の後に時間を書いてください",
            Fix::SeparateSchedules => "別の時間帯は別のプログラム日程として書いてください",
            Fix::UseNth => "「第1・3水曜日」のように第N曜日で書いてください",
            Fix::YearExample => "「2024年8月28日」のように年も書いてください",
            Fix::CheckDate => "日付を確かめてください",
            Fix::EraExample => "「令和6年8月28日」のように書いてください",
            Fix::CheckDateOrWeekday => "日付か曜日を確かめてください",
            Fix::ScheduleNotes => "括弧内に書けるのは（祝日を除く）（祝日は休み）のような注記だけです。その他の説明は備考に書いてください",
            Fix::ScheduleExample => "「第1・3水曜日 10:00～15:00」「毎週木曜 10:00～」「2024年6月1日～7月31日の毎週月曜 10:00~11:30」のように書いてください",
        })
    }
}
