//! Pieces shared by the hours and schedule notations: times, day lists,
//! labels and separators.

use chrono::Weekday;

use crate::error::{Fix, HoursError, Problem};
use crate::lex::Cursor;
use crate::time::Hm;
use crate::weekly::{DaySet, WeekSet, WEEK};

/// Days with an optional 第N restriction: 「第1・3水曜」 is one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DayGroup {
    pub days: DaySet,
    pub weeks: WeekSet,
}

pub(crate) fn is_separator(c: char) -> bool {
    matches!(c, '、' | '/' | ';' | '\n' | '。')
}

/// Words after a day list that say those days are closed: 「水曜休み」.
pub(crate) const CLOSED_WORDS: &[&str] = &[
    "定休日",
    "定休",
    "休み",
    "休館",
    "休所",
    "休業",
    "休診",
    "閉所",
    "閉庁",
    "閉館",
];

/// Labels such as 「受付時間」「時 間：」「実施日：」 in front of the value.
pub(crate) fn skip_label(c: &mut Cursor) -> bool {
    const LABELS: &[&str] = &[
        "受付時間",
        "相談時間",
        "開所時間",
        "開館時間",
        "営業時間",
        "利用時間",
        "開催時間",
        "実施時間",
        "開催日時",
        "実施日時",
        "開催日",
        "実施日",
        "開催日程",
        "日時",
        "日程",
        "時 間",
        "時間",
        "曜日",
    ];
    let start = c.pos;
    let Some(label) = c.eat_any(LABELS) else {
        return false;
    };
    c.skip_spaces();
    if c.eat(':') {
        return true;
    }
    // Without a colon only unmistakable labels count; 「時間」 alone could be
    // part of 「24時間」 and 「曜日」 could start a day list.
    let long = label.chars().count() >= 4 && !c.at_end();
    if !long {
        c.pos = start;
    }
    long
}

/// 「平日」「月～金」「土日祝」「月・水・金」「月曜日～金曜日」「第1・3水曜日」…
/// Leaves the cursor untouched and returns `None` when no day list starts here.
pub(crate) fn day_groups(c: &mut Cursor) -> Result<Option<Vec<DayGroup>>, HoursError> {
    let start = c.pos;
    c.eat_str("毎週");
    let monthly = c.eat_str("毎月");
    let mut groups = Vec::new();
    loop {
        let before = c.pos;
        let weeks = week_numbers(c)?;
        let Some(days) = day_run(c)? else {
            c.pos = before;
            break;
        };
        groups.push(DayGroup { days, weeks });
        // 「第1水曜・第3金曜」: another group follows.
        let sep_at = c.pos;
        if (c.eat('・') || c.eat('、')) && c.peek() == Some('第') {
            continue;
        }
        c.pos = sep_at;
        break;
    }
    if groups.is_empty() {
        if monthly {
            return Err(c.error_from(start, Problem::MonthlyWithoutDay, Fix::MonthlyExample));
        }
        c.pos = start;
        return Ok(None);
    }
    Ok(Some(groups))
}

/// 「第1・3」「第1・第3」「第2週の」; empty when there is no 第.
fn week_numbers(c: &mut Cursor) -> Result<WeekSet, HoursError> {
    let mut weeks = WeekSet::EVERY;
    if c.peek() != Some('第') {
        return Ok(weeks);
    }
    loop {
        let at = c.pos;
        c.eat('第');
        let Some(n) = c.number() else {
            return Err(c.error_from(at, Problem::WeekWithoutNumber, Fix::NthExample));
        };
        if !(1..=5).contains(&n) {
            return Err(c.error_from(at, Problem::NoSuchWeek { n }, Fix::WeekRange));
        }
        weeks = weeks.with(n);
        let sep_at = c.pos;
        if (c.eat('・') || c.eat('、')) && (c.peek() == Some('第') || c.digits_ahead() > 0) {
            continue;
        }
        c.pos = sep_at;
        break;
    }
    c.eat_str("週目");
    c.eat('週');
    c.eat('の');
    Ok(weeks)
}

/// Day items joined by ・, ～ or nothing (「土日祝」).
fn day_run(c: &mut Cursor) -> Result<Option<DaySet>, HoursError> {
    let Some(mut days) = day_item(c) else {
        return Ok(None);
    };
    loop {
        let at = c.pos;
        if c.eat('・') || c.eat('と') || c.eat_str("及び") || c.eat_str("および") {
            match day_item(c) {
                Some(d) => days = days.union(d),
                None => {
                    c.pos = at;
                    break;
                }
            }
        } else if c.eat('~') || c.eat_str("から") {
            c.skip_spaces();
            let to_at = c.pos;
            let Some(to) = day_item(c) else {
                c.pos = at;
                break;
            };
            days = days.union(expand_range(c, days, to, to_at)?);
            c.eat_str("まで");
        } else if let Some(d) = day_item(c) {
            days = days.union(d);
        } else {
            break;
        }
    }
    Ok(Some(days))
}

/// 「月～金」; wraps around the week for 「金～月」.
fn expand_range(c: &Cursor, from: DaySet, to: DaySet, to_at: usize) -> Result<DaySet, HoursError> {
    let last_of = |d: DaySet| d.weekdays().last();
    let first_of = |d: DaySet| d.weekdays().next();
    let (Some(a), Some(b)) = (last_of(from), first_of(to)) else {
        return Err(c.error_from(to_at, Problem::BadDayRange, Fix::DayRangeExample));
    };
    let mut out = DaySet::EMPTY;
    let mut d = a;
    loop {
        out = out.union(DaySet::single(d));
        if d == b {
            break;
        }
        d = d.succ();
    }
    Ok(out.union(to))
}

fn day_item(c: &mut Cursor) -> Option<DaySet> {
    const HOLIDAY_WORDS: &[&str] = &["国民の祝日", "祝休日", "祝祭日", "祝日", "休日", "祝"];
    if c.eat_str("平日") {
        return Some(DaySet::WEEKDAYS);
    }
    if c.eat_str("毎日") {
        return Some(DaySet::EVERY_DAY);
    }
    if c.eat_any(HOLIDAY_WORDS).is_some() {
        return Some(DaySet::HOLIDAY);
    }
    let day = weekday_char(c.peek()?)?;
    c.bump();
    if !c.eat_str("曜日") {
        c.eat('曜');
    }
    Some(DaySet::single(day))
}

pub(crate) fn weekday_char(ch: char) -> Option<Weekday> {
    let i = "月火水木金土日".chars().position(|k| k == ch)?;
    Some(WEEK[i])
}

/// 「8:30」「9時」「8時30分」「9時半」「午後1時」「正午」. `None` (cursor
/// untouched) when no time starts here.
pub(crate) fn time(c: &mut Cursor) -> Result<Option<Hm>, HoursError> {
    let start = c.pos;
    let pm = match c.eat_any(&["午前", "午後"]) {
        Some("午後") => true,
        Some(_) => false,
        None if c.eat_str("正午") => return Ok(Hm::new(12, 0)),
        None => false,
    };
    let had_prefix = c.pos > start;
    let Some(hour) = c.number() else {
        if had_prefix {
            return Err(c.error_from(start, Problem::NoTimeAfterAmPm, Fix::TimeExample));
        }
        return Ok(None);
    };
    let minute = if c.eat(':') {
        if c.digits_ahead() != 2 {
            c.number();
            return Err(c.error_from(start, Problem::MinutesNotTwoDigits, Fix::TimeExample));
        }
        c.number().unwrap_or(0)
    } else if c.eat('時') {
        minutes_after_ji(c, start)?
    } else {
        c.pos = start;
        return Ok(None);
    };
    let hour = if pm && hour < 12 { hour + 12 } else { hour };
    if minute >= 60 {
        return Err(c.error_from(
            start,
            Problem::MinuteOver59 { hour, minute },
            Fix::MinuteRange,
        ));
    }
    if hour > 24 || (hour == 24 && minute > 0) {
        return Err(c.error_from(
            start,
            Problem::TimeOutOfRange { hour, minute },
            Fix::Overnight,
        ));
    }
    Ok(Hm::new(hour, minute))
}

fn minutes_after_ji(c: &mut Cursor, start: usize) -> Result<u32, HoursError> {
    if c.eat('半') {
        return Ok(30);
    }
    let at = c.pos;
    match c.number() {
        Some(m) if c.eat('分') => Ok(m),
        Some(_) => Err(c.error_from(start, Problem::MinuteMarkMissing, Fix::MinuteMark)),
        None => {
            c.pos = at;
            Ok(0)
        }
    }
}

/// 「8:30～17:15」「9時から17時まで」「22:00～翌6:00」, or 「10:00～」 when
/// `open_end` allows it. `None` when no time starts here.
pub(crate) fn time_range(
    c: &mut Cursor,
    open_end: bool,
) -> Result<Option<(Hm, Option<Hm>)>, HoursError> {
    let start = c.pos;
    let Some(open) = time(c)? else {
        return Ok(None);
    };
    c.skip_spaces();
    let has_sep = c.eat('~') || c.eat_str("から") || c.eat_str("より");
    c.skip_spaces();
    let next_day = c.eat_str("翌日") || c.eat('翌');
    let close = if has_sep { time(c)? } else { None };
    let Some(close) = close else {
        c.eat_str("開始");
        c.eat_str("から");
        if open_end && !next_day {
            return Ok(Some((open, None)));
        }
        return Err(c.error_from(start, Problem::NoCloseTime, Fix::TimeExample));
    };
    c.eat_str("まで");
    let close = if next_day {
        Hm::from_minutes(close.minutes() + 24 * 60).unwrap_or(close)
    } else {
        close
    };
    if close <= open {
        return Err(c.error_from(
            start,
            Problem::CloseBeforeOpen { open, close },
            Fix::Overnight,
        ));
    }
    Ok(Some((open, Some(close))))
}
