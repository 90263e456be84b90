//! Japanese national holidays, shipped as data (see docs/hours.md for the
//! source and the update command).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

/// The Cabinet Office's syukujitsu.csv layout, in UTF-8:
/// `国民の祝日・休日月日,国民の祝日・休日名称` then `2025/5/6,振替休日`.
const DATA: &str = include_str!("../data/holidays.csv");

fn table() -> &'static BTreeMap<NaiveDate, &'static str> {
    static TABLE: OnceLock<BTreeMap<NaiveDate, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(DATA))
}

/// The data is compiled in and validated by a unit test, so a malformed
/// line can only come from a bad update and must fail that test loudly;
/// at run time such a line is skipped rather than taking the site down.
fn parse_table(data: &'static str) -> BTreeMap<NaiveDate, &'static str> {
    data.lines().skip(1).filter_map(parse_line).collect()
}

fn parse_line(line: &'static str) -> Option<(NaiveDate, &'static str)> {
    let (date, name) = line.trim_end_matches('\r').split_once(',')?;
    let mut parts = date.split('/').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some((date, name))
}

/// The holiday's name (「元日」「振替休日」「国民の休日」…) if `date` is one.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    table().get(&date).copied()
}

/// National holidays in `from..=until`, in date order.
pub fn holidays_between(from: NaiveDate, until: NaiveDate) -> Vec<(NaiveDate, &'static str)> {
    if from > until {
        return Vec::new();
    }
    table().range(from..=until).map(|(d, n)| (*d, *n)).collect()
}

/// Last day the shipped data is known to cover: 31 December of its last
/// year (every year has 勤労感謝の日, so a year present is a year complete).
pub fn holidays_covered_until() -> NaiveDate {
    table()
        .keys()
        .next_back()
        .and_then(|d| NaiveDate::from_ymd_opt(chrono::Datelike::year(d), 12, 31))
        .unwrap_or(NaiveDate::MIN)
}

/// The first day of the holiday data.
pub fn holidays_covered_from() -> NaiveDate {
    table().keys().next().copied().unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        let lines = DATA.lines().skip(1).filter(|l| !l.trim().is_empty());
        for line in lines {
            assert!(
                parse_line(line).is_some(),
                "bad line in holidays.csv: {line:?}"
            );
        }
        assert_eq!(
            DATA.lines().next().map(|l| l.trim_end_matches('\r')),
            Some("国民の祝日・休日月日,国民の祝日・休日名称")
        );
    }
}
