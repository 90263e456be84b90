//! Reading program schedules from the notation.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::atoms::{self, DayGroup};
use crate::error::{Fix, HoursError, Problem};
use crate::lex::{Cursor, Norm};
use crate::schedule::{Recurrence, Schedule};
use crate::time::Hm;
use crate::weekly::DaySet;

#[derive(Default)]
struct State {
    groups: Vec<DayGroup>,
    dates: Vec<NaiveDate>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    time: Option<(Hm, Option<Hm>)>,
    skips: bool,
}

/// Reads a recurring or dated program schedule.
pub fn parse_schedule(text: &str) -> Result<Schedule, HoursError> {
    let norm = Norm::new(text);
    let mut c = Cursor::new(&norm);
    let mut st = State::default();
    loop {
        c.skip_spaces();
        if c.at_end() {
            break;
        }
        step(&mut c, &mut st)?;
    }
    finish(st, text)
}

fn step(c: &mut Cursor, st: &mut State) -> Result<(), HoursError> {
    if c.peek()
        .is_some_and(|ch| atoms::is_separator(ch) || ch == '・' || ch == 'の')
    {
        c.bump();
        return Ok(());
    }
    if c.peek() == Some('(') {
        return note(c, st);
    }
    if atoms::skip_label(c) {
        return Ok(());
    }
    let at = c.pos;
    if let Some(date) = date(c, st.from.map(|d| d.year()))? {
        return after_date(c, st, date);
    }
    if let Some(groups) = atoms::day_groups(c)? {
        st.groups.extend(groups);
        return Ok(());
    }
    if let Some(range) = atoms::time_range(c, true)? {
        if st.time.is_some() {
            return Err(c.error_from(at, Problem::OneTimeRangeOnly, Fix::SeparateSchedules));
        }
        st.time = Some(range);
        return Ok(());
    }
    if c.eat_str("隔週") {
        return Err(c.error_from(at, Problem::EveryOtherWeek, Fix::UseNth));
    }
    Err(c.error_unknown(Fix::ScheduleExample))
}

/// A date is a single session, or starts/ends the period of a series.
fn after_date(c: &mut Cursor, st: &mut State, date: NaiveDate) -> Result<(), HoursError> {
    c.skip_spaces();
    let at = c.pos;
    if c.eat('~') || c.eat_str("から") || c.eat_str("より") {
        c.skip_spaces();
        match self::date(c, Some(date.year()))? {
            Some(mut until) => {
                if until < date {
                    until = until.with_year(until.year() + 1).unwrap_or(until);
                }
                st.from = Some(date);
                st.until = Some(until);
                c.eat_str("まで");
            }
            None => st.from = Some(date),
        }
        return Ok(());
    }
    c.pos = at;
    if c.eat_str("まで") {
        st.until = Some(date);
        return Ok(());
    }
    st.dates.push(date);
    Ok(())
}

/// 「2024年6月1日」「令和6年8月28日(水)」「2024/6/1」「2024-06-01」, or
/// 「7月31日」 when the year is known from the start of a period.
fn date(c: &mut Cursor, default_year: Option<i32>) -> Result<Option<NaiveDate>, HoursError> {
    let start = c.pos;
    let year = match year(c)? {
        Some(y) => Some(y),
        None => {
            c.pos = start;
            None
        }
    };
    let numeric = year.is_some() && matches!(c.peek(), Some('/' | '~'));
    let Some((month, day)) = month_day(c, numeric) else {
        c.pos = start;
        return Ok(None);
    };
    let Some(year) = year.or(default_year) else {
        return Err(c.error_from(start, Problem::NoYear, Fix::YearExample));
    };
    let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
        return Err(c.error_from(
            start,
            Problem::NoSuchDate { year, month, day },
            Fix::CheckDate,
        ));
    };
    check_weekday(c, start, date)?;
    Ok(Some(date))
}

fn year(c: &mut Cursor) -> Result<Option<i32>, HoursError> {
    let start = c.pos;
    if let Some(era) = c.eat_any(&["令和", "平成"]) {
        let base = if era == "令和" { 2018 } else { 1988 };
        let n = if c.eat('元') { Some(1) } else { c.number() };
        return match n {
            Some(n) if c.eat('年') => Ok(Some(base + n as i32)),
            _ => Err(c.error_from(start, Problem::BadEraYear, Fix::EraExample)),
        };
    }
    if c.digits_ahead() != 4 {
        return Ok(None);
    }
    let y = c.number().unwrap_or(0) as i32;
    if c.eat('年') {
        return Ok(Some(y));
    }
    // 2024/6/1 and 2024-06-01 keep their separator for month_day.
    Ok(matches!(c.peek(), Some('/' | '~')).then_some(y))
}

fn month_day(c: &mut Cursor, numeric: bool) -> Option<(u32, u32)> {
    if numeric {
        c.bump();
        let m = c.number()?;
        if !(c.eat('/') || c.eat('~')) {
            return None;
        }
        return Some((m, c.number()?));
    }
    let m = c.number()?;
    if !c.eat('月') {
        return None;
    }
    let d = c.number()?;
    c.eat('日').then_some((m, d))
}

/// 「(水)」 after a date must match it: a wrong weekday usually means a wrong date.
fn check_weekday(c: &mut Cursor, start: usize, date: NaiveDate) -> Result<(), HoursError> {
    let at = c.pos;
    if !c.eat('(') {
        return Ok(());
    }
    let Some(day) = c.peek().and_then(atoms::weekday_char) else {
        c.pos = at;
        return Ok(());
    };
    c.bump();
    if !c.eat_str("曜日") {
        c.eat('曜');
    }
    if !c.eat(')') {
        c.pos = at;
        return Ok(());
    }
    if day != date.weekday() {
        return Err(c.error_from(
            start,
            Problem::WrongWeekday {
                date,
                actual: date.weekday(),
            },
            Fix::CheckDateOrWeekday,
        ));
    }
    Ok(())
}

/// Only 「祝日を除く」-style notes: they make the program skip holidays.
fn note(c: &mut Cursor, st: &mut State) -> Result<(), HoursError> {
    const NOTES: &[&str] = &[
        "祝日・年末年始を除く",
        "祝日、年末年始を除く",
        "祝日を除く",
        "祝日除く",
        "祝日は休み",
        "祝日はお休み",
        "祝日の場合は休み",
        "祝日の場合はお休み",
        "祝日は休止",
        "祝日の場合は中止",
        "祝日は中止",
        "祝休日を除く",
        "年末年始を除く",
    ];
    let start = c.pos;
    c.bump();
    c.skip_spaces();
    if c.eat_any(NOTES).is_some() {
        c.skip_spaces();
        c.eat('。');
        if c.eat(')') {
            st.skips = true;
            return Ok(());
        }
    }
    c.pos = start;
    Err(c.error_unknown(Fix::ScheduleNotes))
}

fn finish(st: State, text: &str) -> Result<Schedule, HoursError> {
    let whole = 0..text.len();
    let Some((start, end)) = st.time else {
        return Err(HoursError::new(
            Problem::NoStartTime,
            whole,
            Fix::ScheduleExample,
        ));
    };
    let recurrence =
        recurrence(&st).map_err(|p| HoursError::new(p, whole.clone(), Fix::ScheduleExample))?;
    Ok(Schedule {
        source: text.to_string(),
        recurrence,
        start,
        end,
        valid_from: st.from,
        valid_until: st.until,
        skips_holidays: st.skips,
    })
}

fn recurrence(st: &State) -> Result<Recurrence, Problem> {
    if !st.dates.is_empty() {
        if !st.groups.is_empty() || st.from.is_some() {
            return Err(Problem::DatesWithDays);
        }
        let mut dates = st.dates.clone();
        dates.sort();
        dates.dedup();
        return Ok(Recurrence::Dates(dates));
    }
    if st.groups.is_empty() {
        return Err(Problem::NoDaysOrDates);
    }
    if st.groups.iter().any(|g| g.days.has_holiday())
        && st.groups.iter().all(|g| g.days != DaySet::EVERY_DAY)
    {
        return Err(Problem::HolidaysOnly);
    }
    let weekly: Vec<&DayGroup> = st.groups.iter().filter(|g| g.weeks.is_every()).collect();
    if weekly.len() == st.groups.len() {
        let days = weekly.iter().fold(DaySet::EMPTY, |a, g| a.union(g.days));
        return Ok(Recurrence::Weekly(days.weekdays().collect()));
    }
    if !weekly.is_empty() {
        return Err(Problem::WeeklyWithNth);
    }
    let mut pairs: Vec<(u32, Weekday)> = st
        .groups
        .iter()
        .flat_map(|g| {
            g.weeks
                .nths()
                .flat_map(move |n| g.days.weekdays().map(move |d| (n, d)))
        })
        .collect();
    pairs.sort_by_key(|(n, d)| (d.num_days_from_monday(), *n));
    pairs.dedup();
    Ok(Recurrence::MonthlyNth(pairs))
}
