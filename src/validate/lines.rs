//! Fallback lines are what a citizen calls when no desk fits: a wrong digit
//! or a line listed under no topic leaves them with nothing. Also the
//! settings that send a citizen off the site (quick exit, map links), which
//! must be real http(s) addresses.

use super::references::expect;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg};
use crate::model::{Content, ALL_TOPICS};
use chrono::NaiveDate;
use phonenumber::country::Id::JP;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

pub fn check(c: &Content, today: NaiveDate, d: &mut Diagnostics) {
    let mut topics = c.topic_ids();
    topics.push(ALL_TOPICS);
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
                Diagnostic::error(Code::BadId, &l.file, Msg::LineBadId { id: id.into() })
                    .at(v.id.span())
                    .label(Msg::LabelNotAz09 {})
                    .help(Msg::HelpLineId {}),
            );
        }
        if let Some(first) = seen.insert(id, &v.id) {
            let _ = first;
            d.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    &l.file,
                    Msg::LineDuplicateId { id: id.into() },
                )
                .at(v.id.span())
                .label(Msg::LabelUsedBefore {})
                .help(Msg::HelpOwnLineId {}),
            );
        }
        number(&l.file, &v.number, d);
        if v.topics.is_empty() {
            d.push(
                Diagnostic::error(
                    Code::LineWithoutTopic,
                    &l.file,
                    Msg::LineWithoutTopic { id: id.into() },
                )
                .at(v.id.span())
                .label(Msg::LabelNoTopics {})
                .help(Msg::HelpLineTopics {}),
            );
        }
        for t in &v.topics {
            expect(&l.file, t, "topic", &topics, d);
        }
        if v.source.trim().is_empty() {
            d.push(
                Diagnostic::error(
                    Code::MissingSource,
                    &l.file,
                    Msg::MissingSource { id: id.into() },
                )
                .at(v.id.span())
                .label(Msg::LabelNoSource {})
                .help(Msg::HelpLineSource {}),
            );
        }
        match v.verified_date() {
            None => d.push(
                Diagnostic::error(Code::BadDate, &l.file, Msg::VerifiedNotDate {})
                    .at(v.verified.span())
                    .label(Msg::LabelNotPlainDate {})
                    .help(Msg::HelpDateNoTimeLine {}),
            ),
            Some(date) if date > today => d.push(
                Diagnostic::error(
                    Code::FutureDate,
                    &l.file,
                    Msg::FutureDate { date: date.into() },
                )
                .at(v.verified.span())
                .label(Msg::LabelAfterToday {})
                .help(Msg::HelpLineActualDate {
                    today: today.into(),
                }),
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
            Diagnostic::error(
                Code::BadPhone,
                file,
                Msg::LinePhoneInvalid { number: s.into() },
            )
            .at(n.span())
            .label(Msg::LabelNotDialable {})
            .help(Msg::HelpLineNumber {}),
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
                Diagnostic::error(Code::BadMapUrl, file, Msg::MapUrlNoAddress {})
                    .at(m.span())
                    .label(Msg::LabelWhereAddress {})
                    .help(Msg::HelpMapUrl {}),
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
                Msg::FieldNotWebAddress {
                    field: field.into(),
                },
            )
            .at(u.span())
            .label(Msg::LabelNotHttp {})
            .help(Msg::HelpHttpsAddress {}),
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
