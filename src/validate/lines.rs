//! Fallback lines are what a citizen calls when no desk fits: a wrong digit
//! or a line listed under no topic leaves them with nothing. Also the
//! settings that send a citizen off the site (quick exit, map links), which
//! must be real http(s) addresses.

use super::references::expect;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::{Content, ALL_TOPICS};
use chrono::NaiveDate;
use phonenumber::country::Id::JP;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

pub fn check(c: &Content, today: NaiveDate, d: &mut Diagnostics) {
    let topics: Vec<&str> = c
        .topics
        .iter()
        .map(|t| t.value.id.get_ref().as_str())
        .chain([ALL_TOPICS])
        .collect();
    let mut seen: BTreeMap<&str, &Spanned<String>> = BTreeMap::new();
    for l in &c.lines {
        let v = &l.value;
        let id = v.id.get_ref();
        if id.is_empty()
            || !id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        {
            d.push(
                Diagnostic::error(Code::BadId, &l.file, format!("line id `{id}` is not a plain id"))
                    .at(v.id.span())
                    .label("not a-z, 0-9 and -")
                    .help("write the id in lowercase ASCII letters, digits and hyphens, e.g. \"yorisoi-hotline\""),
            );
        }
        if let Some(first) = seen.insert(id, &v.id) {
            let _ = first;
            d.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    &l.file,
                    format!("two lines have the id `{id}`"),
                )
                .at(v.id.span())
                .label("used before in this file")
                .help("give each [[line]] its own id"),
            );
        }
        number(&l.file, &v.number, d);
        if v.topics.is_empty() {
            d.push(
                Diagnostic::error(Code::LineWithoutTopic, &l.file, format!("line `{id}` serves no topic"))
                    .at(v.id.span())
                    .label("no topics")
                    .help("list the topic ids it serves, or topics = [\"*\"] for a line to call when nothing fits"),
            );
        }
        for t in &v.topics {
            expect(&l.file, t, "topic", &topics, d);
        }
        if v.source.trim().is_empty() {
            d.push(
                Diagnostic::error(Code::MissingSource, &l.file, format!("line `{id}` has no source"))
                    .at(v.id.span())
                    .label("no source")
                    .help("write where the number and hours were checked: the address of the operator's page"),
            );
        }
        match v.verified_date() {
            None => d.push(
                Diagnostic::error(Code::BadDate, &l.file, "`verified` must be a date")
                    .at(v.verified.span())
                    .label("not a plain date")
                    .help("write the date without quotes and without a time, e.g. verified = 2026-04-01"),
            ),
            Some(date) if date > today => d.push(
                Diagnostic::error(Code::FutureDate, &l.file, format!("`verified` date {date} is in the future"))
                    .at(v.verified.span())
                    .label("after today")
                    .help(format!("write the date the line was actually checked (today is {today})")),
            ),
            Some(_) => {}
        }
    }
    settings(c, d);
}

/// A line's number: a Japanese number libphonenumber accepts, or a short
/// code that the national lines use (three digits starting with 1, or `#`
/// and four digits), which libphonenumber does not validate.
fn number(file: &Path, n: &Spanned<String>, d: &mut Diagnostics) {
    let s = n.get_ref();
    if is_short_code(s) {
        return;
    }
    let ok = s.chars().all(|c| c.is_ascii_digit() || c == '-')
        && phonenumber::parse(Some(JP), s)
            .map(|p| phonenumber::is_valid(&p))
            .unwrap_or(false);
    if !ok {
        d.push(
            Diagnostic::error(Code::BadPhone, file, format!("`{s}` is not a valid Japanese phone number or short code"))
                .at(n.span())
                .label("not a number a phone can dial")
                .help("write the number as published with half-width digits, e.g. \"0120-279-338\", \"189\" or \"#8008\""),
        );
    }
}

pub(crate) fn is_short_code(s: &str) -> bool {
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    match s.strip_prefix('#') {
        Some(rest) => rest.len() == 4 && digits(rest),
        None => s.len() == 3 && s.starts_with('1') && digits(s),
    }
}

fn settings(c: &Content, d: &mut Diagnostics) {
    let s = &c.settings.value;
    let file = &c.settings.file;
    if let Some(q) = &s.quick_exit {
        web_address(file, &q.url, "quick_exit.url", d);
    }
    if let Some(m) = &s.map_url {
        web_address(file, m, "map_url", d);
        if !m.get_ref().contains("{address}") {
            d.push(
                Diagnostic::error(Code::BadMapUrl, file, "`map_url` has no `{address}`")
                    .at(m.span())
                    .label("where does the address go?")
                    .help("write `{address}` where the map service expects the address, e.g. \"https://www.google.com/maps/search/?api=1&query={address}\""),
            );
        }
    }
}

fn web_address(file: &Path, u: &Spanned<String>, field: &str, d: &mut Diagnostics) {
    let ok = url::Url::parse(u.get_ref())
        .ok()
        .is_some_and(|p| matches!(p.scheme(), "https" | "http") && p.host().is_some());
    if !ok {
        d.push(
            Diagnostic::error(
                Code::BadUrl,
                file,
                format!("`{field}` is not a web address"),
            )
            .at(u.span())
            .label("not an http(s) address")
            .help("write a full address starting with https://"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::is_short_code;

    #[test]
    fn short_codes_of_national_lines() {
        for ok in ["189", "188", "#8008", "#7119"] {
            assert!(is_short_code(ok), "{ok}");
        }
        for bad in ["8008", "#800", "289", "1890", "#80a8", ""] {
            assert!(!is_short_code(bad), "{bad}");
        }
    }
}
