//! Values of the wrong type or outside the allowed set, in a webmaster's
//! words ("must be a list, not text") with the corrected line to write.

use super::backticked;
use super::context::Ctx;
use crate::diagnostics::{did_you_mean, Code, Diagnostic};
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
        Some(k) if in_list => format!("each item of `{k}`"),
        Some(k) => format!("`{k}`"),
        None => "this value".into(),
    };
    let same = found_t == expected_t;
    let message = if same {
        format!("{subject} has a value that is not allowed here: {body}")
    } else {
        format!("{subject} must be {expected_t}, not {found_t}")
    };
    let k = key.as_deref().unwrap_or("key");
    let help = match expected_t {
        "text" if in_list => format!("put each item in double quotes: \"{unquoted}\""),
        "a list" if found_t == "text" => {
            format!("write it as a list, in brackets: {k} = [{value}]")
        }
        "a list" => format!("a list is written in brackets: {k} = [\"…\", \"…\"]"),
        "text" => format!("put the text in double quotes: \"{unquoted}\""),
        "a whole number" if found_t == "text" && unquoted.parse::<i64>().is_ok() => {
            format!("write the number without quotes: {k} = {unquoted}")
        }
        "a whole number" => format!("write a whole number without quotes, e.g. {k} = 1"),
        "true or false" => {
            format!("write true or false, without quotes: {k} = true")
        }
        "a date" if found_t == "text" && toml_date(unquoted) => {
            format!("write the date without quotes: {k} = {unquoted}")
        }
        "a date" => {
            format!("write the date as year-month-day without quotes, e.g. {k} = 2024-04-01")
        }
        "a table" => "write a table: [name] on its own line, or { key = \"…\" } inline".into(),
        _ => "see docs/content.md for the values allowed here".into(),
    };
    Diagnostic::error(Code::WrongType, path, message)
        .at_opt(cx.span.clone())
        .label(format!("this is {found_t}"))
        .help(help)
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
        Some(k) => format!("`{k}`"),
        None => "this value".into(),
    };
    let help = match did_you_mean(value, &allowed) {
        Some(s) => format!("did you mean \"{s}\"?"),
        None => format!(
            "write one of: {}",
            allowed
                .iter()
                .map(|a| format!("\"{a}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Diagnostic::error(
        Code::BadValue,
        path,
        format!("{subject} cannot be \"{value}\""),
    )
    .at_opt(cx.span.clone())
    .label("not one of the allowed values")
    .help(help)
}
