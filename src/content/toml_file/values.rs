//! Values of the wrong type or outside the allowed set, in a webmaster's
//! words ("must be a list, not text") with the corrected line to write.

use super::backticked;
use super::context::Ctx;
use crate::diagnostics::{did_you_mean, Code, Diagnostic, Msg};
use std::path::Path;

/// serde's words for a type, in a webmaster's words.
pub(super) fn plain_type(t: &str) -> &'static str {
    let t = t.trim();
    if t.starts_with("string") || t == "a string" || t.starts_with("a borrowed string") {
        "text"
    } else if t.starts_with("integer")
        || t.starts_with("i64")
        || t.starts_with("u32")
        || t.starts_with("u64")
        || t.starts_with("i32")
        || t.starts_with("u8")
        || t.starts_with("u16")
        || t.starts_with("usize")
    {
        "a whole number"
    } else if t.starts_with("floating point") || t.starts_with("f64") || t.starts_with("f32") {
        "a number with a decimal point"
    } else if t.starts_with("boolean") || t == "a boolean" {
        "true or false"
    } else if t.starts_with("sequence")
        || t == "a sequence"
        || t.starts_with("array")
        || t.starts_with("a vec")
    {
        "a list"
    } else if t.contains("datetime") || t.contains("date") {
        "a date"
    } else if t.starts_with("map")
        || t.starts_with("struct")
        || t.contains("map")
        || t.starts_with("table")
    {
        "a table"
    } else {
        "something else"
    }
}

pub(super) fn wrong_type(path: &Path, cx: &Ctx) -> Diagnostic {
    let body = cx
        .message
        .strip_prefix("invalid type: ")
        .or_else(|| cx.message.strip_prefix("invalid value: "))
        .unwrap_or(cx.message);
    let (found, expected) = body.split_once(", expected ").unwrap_or((body, ""));
    let (found_t, expected_t) = (plain_type(found), plain_type(expected));
    let at = cx.span.as_ref().map_or(0, |s| s.start);
    let (key, in_list) = match cx.key_of(at) {
        Some((k, l)) => (Some(k), l),
        None => (None, false),
    };
    let value = cx.span.as_ref().map_or("", |s| cx.snippet(s)).trim();
    let unquoted = value.trim_matches('"').trim_matches('\'');
    let subject = match &key {
        Some(k) if in_list => Msg::SubjectEachItemOf { key: k.into() },
        Some(k) => Msg::SubjectKey { key: k.into() },
        None => Msg::SubjectThisValue {},
    };
    let same = found_t == expected_t;
    let message = if same {
        Msg::WrongTypeNotAllowed {
            subject: subject.into(),
            detail: body.into(),
        }
    } else {
        Msg::WrongTypeMustBe {
            subject: subject.into(),
            expected: type_msg(expected_t).into(),
            found: type_msg(found_t).into(),
        }
    };
    let k = key.as_deref().unwrap_or("key");
    let help = match expected_t {
        "text" if in_list => Msg::HelpQuoteEachItem {
            value: unquoted.into(),
        },
        "a list" if found_t == "text" => Msg::HelpWriteAsList {
            key: k.into(),
            value: value.into(),
        },
        "a list" => Msg::HelpListInBrackets { key: k.into() },
        "text" => Msg::HelpQuoteText {
            value: unquoted.into(),
        },
        "a whole number" if found_t == "text" && unquoted.parse::<i64>().is_ok() => {
            Msg::HelpNumberNoQuotes {
                key: k.into(),
                value: unquoted.into(),
            }
        }
        "a whole number" => Msg::HelpWholeNumber { key: k.into() },
        "true or false" => Msg::HelpTrueFalse { key: k.into() },
        "a date" if found_t == "text" && toml_date(unquoted) => Msg::HelpDateNoQuotes {
            key: k.into(),
            value: unquoted.into(),
        },
        "a date" => Msg::HelpDateFormat { key: k.into() },
        "a table" => Msg::HelpWriteTable {},
        _ => Msg::HelpSeeContentDocs {},
    };
    Diagnostic::error(Code::WrongType, path, message)
        .at_opt(cx.span.clone())
        .label(Msg::LabelThisIs {
            found: type_msg(found_t).into(),
        })
        .help(help)
}

/// A type named by [`plain_type`], as a message.
fn type_msg(t: &str) -> Msg {
    match t {
        "text" => Msg::TypeText {},
        "a whole number" => Msg::TypeWholeNumber {},
        "a number with a decimal point" => Msg::TypeDecimal {},
        "true or false" => Msg::TypeBool {},
        "a list" => Msg::TypeList {},
        "a date" => Msg::TypeDate {},
        "a table" => Msg::TypeTable {},
        _ => Msg::TypeOther {},
    }
}

pub(super) fn toml_date(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

pub(super) fn bad_value(path: &Path, cx: &Ctx, rest: &str) -> Diagnostic {
    let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let allowed = backticked(expected);
    let at = cx.span.as_ref().map_or(0, |s| s.start);
    let subject = match cx.key_before(at) {
        Some(k) => Msg::SubjectKey { key: k.into() },
        None => Msg::SubjectThisValue {},
    };
    let help = match did_you_mean(value, &allowed) {
        Some(s) => Msg::HelpDidYouMeanQuoted {
            suggestion: s.into(),
        },
        None => Msg::HelpWriteOneOf {
            allowed: allowed
                .iter()
                .map(|a| format!("\"{a}\""))
                .collect::<Vec<_>>()
                .join(", ")
                .into(),
        },
    };
    Diagnostic::error(
        Code::BadValue,
        path,
        Msg::BadValue {
            subject: subject.into(),
            value: value.into(),
        },
    )
    .at_opt(cx.span.clone())
    .label(Msg::LabelNotAllowedValue {})
    .help(help)
}
