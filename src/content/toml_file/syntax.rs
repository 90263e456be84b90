//! TOML syntax errors, and the mistakes typing Japanese brings with it:
//! full-width `＝`, `、`, curly and 「」 quotes, Japanese keys and dates.

use super::context::Ctx;
use super::first_clause;
use crate::diagnostics::{Code, Diagnostic};
use std::ops::Range;
use std::path::Path;

pub(super) fn duplicate_key(path: &Path, cx: &Ctx) -> Diagnostic {
    let mut span = cx.span.clone();
    let at = span.as_ref().map_or(0, |s| s.start);
    let (line_start, line) = cx.line_at(at);
    let name = span
        .as_ref()
        .map(|s| cx.snippet(s).trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_default();
    let is_table = line.trim_start().starts_with('[');
    let header = line.trim().split('#').next().unwrap_or("").trim();
    let first = first_occurrence(cx.text, at, if is_table { header } else { &name }, is_table);
    if is_table {
        // The whole header, not only its last key.
        let s = line_start + (line.len() - line.trim_start().len());
        span = Some(s..s + header.len());
    }
    let (message, help) = if is_table {
        (
            format!("the table `{header}` appears twice"),
            format!(
                "merge the two `{header}` tables into one{}",
                first
                    .map(|l| format!(" (the first is on line {l})"))
                    .unwrap_or_default()
            ),
        )
    } else {
        (
            format!("`{name}` is set twice in the same table"),
            format!(
                "keep one of the two lines{}",
                first
                    .map(|l| format!(" (the first is line {l})"))
                    .unwrap_or_default()
            ),
        )
    };
    Diagnostic::error(Code::DuplicateKey, path, message)
        .at_opt(span)
        .label("set again here")
        .help(help)
}

/// The line number of an earlier `name = …` line (or `[header]`) before `at`.
pub(super) fn first_occurrence(text: &str, at: usize, name: &str, is_table: bool) -> Option<usize> {
    if name.is_empty() {
        return None;
    }
    let before = &text[..crate::diagnostics::floor_char_boundary(text, at.min(text.len()))];
    before.split('\n').enumerate().find_map(|(i, l)| {
        let t = l.trim();
        let hit = if is_table {
            t.split('#').next().unwrap_or("").trim() == name
        } else {
            t.strip_prefix(name)
                .is_some_and(|r| r.trim_start().starts_with('='))
        };
        (hit && i + 1 < before.split('\n').count()).then_some(i + 1)
    })
}

/// Japanese headings webmasters use for fields, from the yearly Excel list.
pub(super) const JAPANESE_KEYS: &[(&str, &str)] = &[
    ("住所", "address"),
    ("所在地", "address"),
    ("電話", "phones"),
    ("電話番号", "phones"),
    ("名前", "name"),
    ("名称", "name"),
    ("機関名", "name"),
    ("よみ", "reading"),
    ("ふりがな", "reading"),
    ("よみがな", "reading"),
    ("受付時間", "hours"),
    ("時間", "hours"),
    ("ファックス", "fax"),
    ("メール", "email"),
    ("担当", "staff"),
    ("内線", "extensions"),
    ("相談内容", "description"),
    ("相談項目", "topic"),
    ("確認日", "verified"),
];

/// Characters typed with the Japanese IME on where TOML needs ASCII, with
/// what to type instead.
pub(super) const FULL_WIDTH: &[(char, &str, &str)] = &[
    ('\u{3000}', "full-width space", "a half-width space"),
    ('＝', "full-width ＝", "a half-width ="),
    (
        '：',
        "full-width colon",
        "a half-width = (TOML uses = between key and value)",
    ),
    ('“', "curly quote", "a straight double quote \""),
    ('”', "curly quote", "a straight double quote \""),
    ('＂', "full-width quote", "a straight double quote \""),
    (
        '「',
        "Japanese quote 「",
        "a straight double quote \" (「」 may stay inside the text)",
    ),
    (
        '」',
        "Japanese quote 」",
        "a straight double quote \" (「」 may stay inside the text)",
    ),
    ('、', "Japanese comma 、", "a half-width comma ,"),
    ('，', "full-width comma", "a half-width comma ,"),
    ('［', "full-width bracket", "a half-width ["),
    ('］', "full-width bracket", "a half-width ]"),
    ('｛', "full-width brace", "a half-width {"),
    ('｝', "full-width brace", "a half-width }"),
    ('＃', "full-width ＃", "a half-width # for comments"),
];

/// The first full-width character in TOML syntax on the error's line: outside
/// strings, and at or before the error.
pub(super) fn full_width_on_line(
    cx: &Ctx,
    at: usize,
) -> Option<(Range<usize>, &'static str, &'static str)> {
    let (start, line) = cx.line_at(at);
    let mut in_string: Option<char> = None;
    for (i, c) in line.char_indices() {
        match in_string {
            Some(q) if c == q => in_string = None,
            Some(_) => continue,
            None if c == '"' || c == '\'' => in_string = Some(c),
            None if c == '#' => break,
            None => {
                if let Some((_, what, instead)) = FULL_WIDTH.iter().find(|(f, ..)| *f == c) {
                    return Some((start + i..start + i + c.len_utf8(), what, instead));
                }
            }
        }
    }
    None
}

pub(super) fn syntax(path: &Path, cx: &Ctx) -> Diagnostic {
    let at = cx.span.as_ref().map_or(0, |s| s.start);
    let headline = first_clause(cx.message);
    let error = |message: String, span: Option<Range<usize>>, label: &str, help: String| {
        Diagnostic::error(Code::TomlSyntax, path, message)
            .at_opt(span)
            .label(label)
            .help(help)
    };
    if let Some((span, what, instead)) = full_width_on_line(cx, at) {
        return error(
            format!("a {what} is used in the TOML syntax"),
            Some(span),
            what,
            format!("type {instead} here, with the Japanese input (IME) turned off"),
        );
    }
    let (line_start, line) = cx.line_at(at);
    let key_part = line.split('=').next().unwrap_or("").trim();
    if cx.message.starts_with("invalid unquoted key") && !key_part.is_ascii() {
        let help = match JAPANESE_KEYS.iter().find(|(j, _)| *j == key_part) {
            Some((_, en)) => format!("field names are written in English: did you mean `{en}`?"),
            None => "field names are the English words listed in docs/content.md".into(),
        };
        let s = line_start + (line.len() - line.trim_start().len());
        return error(
            format!("`{key_part}` cannot be a field name"),
            Some(s..s + key_part.len()),
            "Japanese field name",
            help,
        );
    }
    if cx.message.starts_with("string values must be quoted") {
        let value = cx.span.as_ref().map_or("", |s| cx.snippet(s)).trim();
        let key = cx.key_before(at);
        if key.as_deref() == Some("verified") || looks_like_date(value) {
            return error(
                format!("`{value}` is not a date TOML understands"),
                cx.span.clone(),
                "not a date",
                "write the date as year-month-day with hyphens and no quotes, e.g. verified = 2024-04-01".into(),
            );
        }
        return error(
            "text must be in double quotes".into(),
            cx.span.clone(),
            "text without quotes",
            match key {
                Some(k) => format!("write it as {k} = \"{value}\""),
                None => format!("write it as \"{value}\""),
            },
        );
    }
    if cx.message.starts_with("invalid date") || cx.message.starts_with("invalid time") {
        return error(
            format!(
                "this date does not exist ({})",
                cx.message.split(", ").nth(1).unwrap_or(headline)
            ),
            cx.span.clone(),
            "no such date",
            "check the month and day; dates are written year-month-day, e.g. 2024-04-01".into(),
        );
    }
    if cx.message.starts_with("invalid basic string")
        || cx.message.starts_with("invalid literal string")
    {
        let q = if cx.message.contains("basic") {
            '"'
        } else {
            '\''
        };
        return error(
            "text is not closed".into(),
            cx.span.clone(),
            &format!("closing {q} missing"),
            format!("add {q} at the end of the text; text over several lines is written between \"\"\" and \"\"\""),
        );
    }
    if cx.message.starts_with("key with no value") {
        return error(
            "`=` and a value are missing after the key".into(),
            cx.span.clone(),
            "expected `=` here",
            "write key = value, e.g. name = \"…\"".into(),
        );
    }
    if cx.message.starts_with("missing comma") {
        return error(
            "list items must be separated by commas".into(),
            cx.span.clone(),
            "expected `,` here",
            "write the list as [\"a\", \"b\"] with half-width commas".into(),
        );
    }
    error(
        format!("TOML syntax error: {headline}"),
        cx.span.clone(),
        "here",
        "check the TOML syntax near here: text needs double quotes, tables are written [name], lists [a, b]".into(),
    )
}

pub(super) fn looks_like_date(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    digits >= 4 && (v.contains('/') || v.contains('年') || v.contains('.'))
}
