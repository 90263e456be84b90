//! The opening-hours notation: 「平日 8:30~17:15」 and friends.

use crate::atoms::{self, DayGroup, CLOSED_WORDS};
use crate::error::{Fix, HoursError, Problem};
use crate::lex::{Cursor, Norm};
use crate::time::Hm;
use crate::weekly::{DaySet, Rule, TimeRange, WeekSet, WeeklyHours};

/// Reads the notation municipal lists use for opening hours.
///
/// Closed on national holidays and during site closures unless the text
/// says otherwise (「土日祝」「毎日」 open on holidays; 「24時間365日」「年中無休」
/// ignore closures), as is the convention in these lists.
pub fn parse_hours(text: &str) -> Result<WeeklyHours, HoursError> {
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
    st.finish(text, &c)
}

#[derive(Default)]
struct State {
    rules: Vec<Rule>,
    /// Days read but not yet given a time.
    pending: Vec<DayGroup>,
    pending_at: usize,
    /// Days of the last rule, for 「平日 8:30～12:00、13:00～17:15」.
    last: Vec<DayGroup>,
    closed: DaySet,
    closures: Option<bool>,
    holidays_too: bool,
}

fn step(c: &mut Cursor, st: &mut State) -> Result<(), HoursError> {
    // 「月、水、金 9:00~」 keeps collecting days: only a time ends the list.
    if c.peek()
        .is_some_and(|ch| atoms::is_separator(ch) || ch == '・')
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
    if around_the_clock(c) {
        // 「土日祝 24時間」: all day on those days; alone it means 24時間365日.
        if !st.pending.is_empty() {
            let all_day = TimeRange {
                open: Hm::MIDNIGHT,
                close: Hm::END_OF_DAY,
            };
            return add_range(c, st, at, all_day);
        }
        st.rules.push(Rule {
            days: DaySet::EVERY_DAY,
            weeks: WeekSet::EVERY,
            ranges: vec![TimeRange {
                open: Hm::MIDNIGHT,
                close: Hm::END_OF_DAY,
            }],
        });
        st.closures = Some(false);
        return Ok(());
    }
    if c.eat_str("年中無休") {
        mark_pending(st, at);
        st.pending.push(DayGroup {
            days: DaySet::EVERY_DAY,
            weeks: WeekSet::EVERY,
        });
        st.closures = Some(false);
        return Ok(());
    }
    if let Some(groups) = atoms::day_groups(c)? {
        mark_pending(st, at);
        st.pending.extend(groups);
        return Ok(());
    }
    if let Some((open, close)) = atoms::time_range(c, false)? {
        let close = close.unwrap_or(open);
        return add_range(c, st, at, TimeRange { open, close });
    }
    if c.eat_any(CLOSED_WORDS).is_some() {
        return close_pending(c, st, at);
    }
    if c.eat_str("24時間") || c.number().is_some() {
        c.pos = at;
        return Err(c.error_unknown(Fix::TimeExample));
    }
    Err(c.error_unknown(Fix::DaysFirst))
}

fn mark_pending(st: &mut State, at: usize) {
    if st.pending.is_empty() {
        st.pending_at = at;
    }
}

/// 「24時間365日」「24時間年中無休」「24時間受付」「24時間」.
fn around_the_clock(c: &mut Cursor) -> bool {
    if !c.eat_str("24時間") {
        return false;
    }
    c.skip_spaces();
    c.eat_any(&["365日", "年中無休", "受付", "対応", "体制"]);
    c.eat_any(&["受付", "対応"]);
    true
}

fn add_range(c: &Cursor, st: &mut State, at: usize, range: TimeRange) -> Result<(), HoursError> {
    if !st.pending.is_empty() {
        st.last = std::mem::take(&mut st.pending);
    }
    if st.last.is_empty() {
        return Err(c.error_from(at, Problem::NoDays, Fix::DaysFirst));
    }
    for g in &st.last {
        st.rules.push(Rule {
            days: g.days,
            weeks: g.weeks,
            ranges: vec![range],
        });
    }
    Ok(())
}

fn close_pending(c: &Cursor, st: &mut State, at: usize) -> Result<(), HoursError> {
    if st.pending.is_empty() {
        return Err(c.error_from(at, Problem::NoClosedDays, Fix::ClosedDayExample));
    }
    for g in std::mem::take(&mut st.pending) {
        if !g.weeks.is_every() {
            return Err(c.error_from(st.pending_at, Problem::NthDayClosed, Fix::OpenNthDays));
        }
        st.closed = st.closed.union(g.days);
    }
    Ok(())
}

/// A parenthesised note; only notes about closed days are understood,
/// anything else is an error rather than silently ignored.
fn note(c: &mut Cursor, st: &mut State) -> Result<(), HoursError> {
    let start = c.pos;
    c.bump();
    c.skip_spaces();
    let ok = note_body(c, st);
    c.skip_spaces();
    c.eat('。');
    if ok && c.eat(')') {
        return Ok(());
    }
    while c.peek().is_some_and(|ch| ch != ')') {
        c.bump();
    }
    if !c.eat(')') {
        return Err(c.error_from(start, Problem::UnclosedParenthesis, Fix::CloseParenthesis));
    }
    Err(c.error_from(start, Problem::UnknownNote, Fix::HoursNotes))
}

fn note_body(c: &mut Cursor, st: &mut State) -> bool {
    const OPEN_ALL_YEAR: &[&str] = &[
        "年中無休",
        "年末年始も開所",
        "年末年始も受付",
        "年末年始も開館",
        "年末年始も対応",
        "年末年始を含む",
        "年末年始含む",
        "休業日なし",
    ];
    const HOLIDAYS_TOO: &[&str] = &[
        "祝日も開所",
        "祝日も受付",
        "祝日も開館",
        "祝日も対応",
        "祝日を含む",
        "祝日含む",
        "祝日も",
    ];
    if c.eat_any(OPEN_ALL_YEAR).is_some() {
        st.closures = Some(false);
        return true;
    }
    if c.eat_any(HOLIDAYS_TOO).is_some() {
        st.holidays_too = true;
        return true;
    }
    exclusion_note(c, st)
}

/// 「祝日・年末年始を除く」「土日祝休み」「12/29～1/3は休み」.
fn exclusion_note(c: &mut Cursor, st: &mut State) -> bool {
    const YEAR_END: &[&str] = &["年末年始", "12/29~1/3", "12月29日~1月3日"];
    const SUFFIXES: &[&str] = &[
        "を除きます",
        "を除く",
        "は除く",
        "除く",
        "はお休み",
        "は休み",
        "休み",
        "は休館",
        "休館",
        "は閉庁",
        "閉庁",
        "は休所",
        "休所",
        "は休業",
        "休業",
        "は閉所",
        "閉所",
    ];
    let mut days = DaySet::EMPTY;
    let mut year_end = false;
    loop {
        c.skip_spaces();
        if c.eat_any(YEAR_END).is_some() {
            year_end = true;
        } else if let Ok(Some(groups)) = atoms::day_groups(c) {
            if groups.iter().any(|g| !g.weeks.is_every()) {
                return false;
            }
            days = groups.iter().fold(days, |acc, g| acc.union(g.days));
        } else {
            break;
        }
        if !(c.eat('・') || c.eat('、') || c.eat_str("及び") || c.eat('と')) {
            break;
        }
    }
    if (days.is_empty() && !year_end) || c.eat_any(SUFFIXES).is_none() {
        return false;
    }
    st.closed = st.closed.union(days);
    if year_end {
        st.closures = Some(true);
    }
    true
}

impl State {
    fn finish(self, text: &str, c: &Cursor) -> Result<WeeklyHours, HoursError> {
        if !self.pending.is_empty() {
            return Err(c.error_from(
                self.pending_at,
                Problem::NoTimeAfterDays,
                Fix::TimeAfterDays,
            ));
        }
        if self.rules.is_empty() {
            return Err(HoursError::new(
                Problem::NoHours,
                0..text.len(),
                Fix::HoursExample,
            ));
        }
        let rules: Vec<Rule> = self
            .rules
            .into_iter()
            .map(|mut r| {
                if self.holidays_too {
                    r.days = r.days.union(DaySet::HOLIDAY);
                }
                r.days = r.days.minus(self.closed);
                r
            })
            .collect();
        Ok(WeeklyHours::from_rules(
            text,
            &rules,
            self.closures.unwrap_or(true),
        ))
    }
}
