//! Parsing one TOML file into a model struct, turning the toml crate's errors
//! into diagnostics that say, in plain words, what is wrong and how to fix it.
//!
//! The toml crate stops at the first problem in a file and words it for
//! programmers ("invalid type: string, expected a sequence"); this module
//! rewrites the message for a webmaster, narrows the span to the offending key
//! or value, and recognises the mistakes that typing Japanese brings with it
//! (full-width spaces, `＝`, `、`, curly quotes, Japanese keys and dates).

use super::limits;
use crate::diagnostics::{did_you_mean, Diagnostic};
use serde::de::DeserializeOwned;
use std::ops::Range;
use std::path::Path;

/// Parses a whole file.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Box<Diagnostic>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank(body) {
        return Err(Box::new(
            Diagnostic::error("empty-file", path, format!("{} is empty", what(path)))
                .at(0..0)
                .label("nothing here")
                .help(format!(
                    "write the {} (see docs/content.md), or delete the file",
                    record_noun(path)
                )),
        ));
    }
    parse_at(path, text, 0)
}

/// Parses `text`, which starts at byte `offset` of the file (front matter).
pub fn parse_at<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    offset: usize,
) -> Result<T, Box<Diagnostic>> {
    // The toml crate skips a byte order mark (Windows Notepad) itself and
    // gives spans in the text as it is, so the text is passed unchanged.
    if let Some(at) = limits::too_deep(text) {
        return Err(Box::new(
            Diagnostic::error(
                "too-deep",
                path,
                format!(
                    "values are nested more than {} levels deep",
                    limits::MAX_DEPTH
                ),
            )
            .at(offset + at..offset + at + 1)
            .label("too deep")
            .help("records never need this much nesting; the file may be corrupt"),
        ));
    }
    toml::from_str::<T>(text).map_err(|e| {
        let mut d = explain::<T>(path, text, e.message().trim(), e.span());
        if let Some(s) = &mut d.span {
            *s = offset + s.start..offset + s.end;
        }
        Box::new(d)
    })
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// "agency", "program" … from the folder a record file sits in.
fn record_noun(path: &Path) -> &'static str {
    let dir = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str());
    match dir {
        Some(super::AGENCIES_DIR) => "agency",
        Some(super::PROGRAMS_DIR) => "program",
        Some(super::ROSTERS_DIR) => "roster",
        Some(super::PAGES_DIR) => "page's front matter",
        _ => match path.file_name().and_then(|n| n.to_str()) {
            Some("topics.toml") => "list of topics",
            _ => "settings",
        },
    }
}

/// How to name the file in a message: "this agency file", "site.toml".
fn what(path: &Path) -> String {
    match record_noun(path) {
        n @ ("agency" | "program" | "roster") => format!("this {n} file"),
        "page's front matter" => "the front matter".into(),
        _ => format!(
            "`{}`",
            path.file_name().unwrap_or_default().to_string_lossy()
        ),
    }
}

/// Everything known about one error, to explain it.
struct Ctx<'a> {
    text: &'a str,
    message: &'a str,
    span: Option<Range<usize>>,
}

impl Ctx<'_> {
    /// The source line holding `at`, and where it starts.
    fn line_at(&self, at: usize) -> (usize, &str) {
        let at = crate::diagnostics::floor_char_boundary(self.text, at.min(self.text.len()));
        let start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i);
        (start, self.text[start..end].trim_end_matches('\r'))
    }

    /// The key of the `key = value` line a value span sits on.
    fn key_before(&self, at: usize) -> Option<String> {
        self.key_of(at).map(|(k, _)| k)
    }

    /// The key a value belongs to, and whether the value is an item of a list
    /// (`areas = ["a", 1]`).
    fn key_of(&self, at: usize) -> Option<(String, bool)> {
        let (start, line) = self.line_at(at);
        let before =
            &line[..crate::diagnostics::floor_char_boundary(line, (at - start).min(line.len()))];
        let (key, between) = before.rsplit_once('=')?;
        let in_list = between.contains('[');
        let key = key.trim().trim_start_matches('{').trim();
        let key = key.rsplit([',', '{', '.']).next().unwrap_or(key).trim();
        let key = key.trim_matches('"');
        (!key.is_empty() && !key.contains(['[', ']', ' '])).then(|| (key.to_string(), in_list))
    }

    /// The table header (`[staff]`, `[[matter]]`) above `at`, with its line number.
    fn table_above(&self, at: usize) -> Option<(usize, String)> {
        let at = crate::diagnostics::floor_char_boundary(self.text, at.min(self.text.len()));
        let before = &self.text[..at];
        let mut line_no = before.matches('\n').count() + 1;
        for line in before.rsplit('\n').skip(1) {
            line_no -= 1;
            let t = line.trim();
            if t.starts_with('[') {
                let header = t.split('#').next().unwrap_or(t).trim();
                return Some((line_no, header.to_string()));
            }
        }
        None
    }

    fn snippet(&self, r: &Range<usize>) -> &str {
        let s = crate::diagnostics::floor_char_boundary(self.text, r.start.min(self.text.len()));
        let e =
            crate::diagnostics::floor_char_boundary(self.text, r.end.min(self.text.len())).max(s);
        &self.text[s..e]
    }
}

/// A span covering at least one character but never running past the line.
fn on_one_line(text: &str, span: Range<usize>) -> Range<usize> {
    let start = crate::diagnostics::floor_char_boundary(text, span.start.min(text.len()));
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let end = span.end.min(line_end);
    if end > start {
        return start..crate::diagnostics::floor_char_boundary(text, end).max(start);
    }
    match text[start..line_end].chars().next() {
        Some(c) => start..start + c.len_utf8(),
        None => start..start,
    }
}

fn explain<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    message: &str,
    span: Option<Range<usize>>,
) -> Diagnostic {
    let cx = Ctx {
        text,
        message,
        span: span.map(|s| on_one_line(text, s)),
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_field::<T>(path, &cx, rest);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return missing_field(path, &cx, rest.split('`').next().unwrap_or(rest));
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return wrong_type(path, &cx);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        return bad_value(path, &cx, rest);
    }
    if message.starts_with("duplicate key") {
        return duplicate_key(path, &cx);
    }
    syntax(path, &cx)
}

fn unknown_field<T: DeserializeOwned>(path: &Path, cx: &Ctx, rest: &str) -> Diagnostic {
    let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
    let candidates = backticked(expected);
    let at = cx.span.as_ref().map_or(0, |s| s.start);
    // A record field written below a `[table]` header belongs to that table:
    // the commonest TOML surprise.
    let on_header = cx.line_at(at).1.trim_start().starts_with('[');
    let moved = cx
        .table_above(at)
        .filter(|_| !on_header)
        .filter(|_| root_fields::<T>().iter().any(|f| f == field));
    let help = match (&moved, did_you_mean(field, &candidates)) {
        (Some((line, header)), _) => format!(
            "`{field}` belongs to the {} itself, but this line is inside the `{header}` table that starts on line {line}: move it above the first `[…]` header",
            record_noun(path)
        ),
        (None, Some(s)) => format!("did you mean `{s}`?"),
        (None, None) if candidates.is_empty() => "remove this field".to_string(),
        (None, None) => format!(
            "remove it or correct it; the fields allowed here are: {}",
            candidates.join(", ")
        ),
    };
    let place = match cx.table_above(at) {
        Some((_, header)) if !on_header => format!(" in `{header}`"),
        _ => String::new(),
    };
    Diagnostic::error(
        "unknown-field",
        path,
        format!("unknown field `{field}`{place}"),
    )
    .at_opt(cx.span.clone())
    .label(if on_header {
        "unknown table"
    } else if moved.is_some() {
        "in the wrong table"
    } else {
        "unknown field"
    })
    .help(help)
}

/// The fields allowed at the top of a record of type `T`, found by feeding it
/// a key it cannot know and reading the list serde answers with.
fn root_fields<T: DeserializeOwned>() -> Vec<String> {
    match toml::from_str::<T>("__tsunagu_probe__ = 0") {
        Err(e) => backticked(e.message().split_once("expected").map_or("", |x| x.1))
            .into_iter()
            .map(str::to_string)
            .collect(),
        Ok(_) => Vec::new(),
    }
}

fn missing_field(path: &Path, cx: &Ctx, field: &str) -> Diagnostic {
    let noun = record_noun(path);
    let example = example_of(field);
    let is_table = example.starts_with('[');
    let header = cx.span.as_ref().and_then(|s| {
        let (_, line) = cx.line_at(s.start);
        line.trim_start().starts_with('[').then(|| {
            line.trim()
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
    });
    let inline = cx
        .span
        .as_ref()
        .is_some_and(|s| cx.snippet(s).starts_with('{'));
    let (span, message, label, help) = if let Some(h) = header {
        (
            cx.span.clone(),
            format!("`{h}` has no `{field}`"),
            format!("`{field}` is required in this table"),
            format!("add `{example}` on a line below `{h}`"),
        )
    } else if inline {
        (
            cx.span.clone(),
            format!("this table has no `{field}`"),
            format!("`{field}` is required here"),
            format!("add `{example}` inside the braces"),
        )
    } else {
        // The record itself: point at its id (or first line), not at the
        // whole file.
        let span = id_span(cx.text).or_else(|| first_line(cx.text));
        let message = if is_table {
            format!("{} has no `[{field}]` table", what(path))
        } else {
            match id_value(cx.text) {
                Some(id) => format!("{noun} `{id}` has no `{field}`"),
                None => format!("{} has no `{field}`", what(path)),
            }
        };
        let help = if is_table {
            format!("add a table at the end of the file: `{example}`")
        } else {
            format!("add `{example}` above the first `[…]` header")
        };
        (
            span,
            message,
            format!("`{field}` is required in this {noun}"),
            help,
        )
    };
    Diagnostic::error("missing-field", path, message)
        .at_opt(span)
        .label(label)
        .help(help)
}

/// An example line for a required field.
fn example_of(field: &str) -> String {
    match field {
        "citizen" | "staff" => format!("[{field}] title = \"…\" base_url = \"https://…/\""),
        "webmaster" => "[webmaster] name = \"…\"".into(),
        "order" | "no" => format!("{field} = 1"),
        "number" => "number = \"086-000-0000\"".into(),
        "base_url" => "base_url = \"https://example.jp/\"".into(),
        "reading" => "reading = \"ひらがなのよみ\"".into(),
        "topic" => "topic = \"<topic id>\"".into(),
        _ => format!("{field} = \"…\""),
    }
}

/// The span of the value of a top-level `id = "…"` line.
fn id_span(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            return None;
        }
        if let Some(rest) = t.strip_prefix("id") {
            if rest.trim_start().starts_with('=') {
                let start = offset + (line.len() - t.len());
                let end = offset + line.trim_end().len();
                return Some(start..end);
            }
        }
        offset += line.len();
    }
    None
}

fn id_value(text: &str) -> Option<String> {
    let span = id_span(text)?;
    let line = &text[span];
    let (_, v) = line.split_once('=')?;
    let v = v.trim().trim_matches('"').trim_matches('\'');
    (!v.is_empty()).then(|| v.to_string())
}

fn first_line(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() && !t.starts_with('#') {
            let start = offset + (line.len() - line.trim_start().len());
            return Some(start..offset + line.trim_end().len());
        }
        offset += line.len();
    }
    None
}

/// serde's words for a type, in a webmaster's words.
fn plain_type(t: &str) -> &'static str {
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

fn wrong_type(path: &Path, cx: &Ctx) -> Diagnostic {
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
    Diagnostic::error("wrong-type", path, message)
        .at_opt(cx.span.clone())
        .label(format!("this is {found_t}"))
        .help(help)
}

fn toml_date(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn bad_value(path: &Path, cx: &Ctx, rest: &str) -> Diagnostic {
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
        "bad-value",
        path,
        format!("{subject} cannot be \"{value}\""),
    )
    .at_opt(cx.span.clone())
    .label("not one of the allowed values")
    .help(help)
}

fn duplicate_key(path: &Path, cx: &Ctx) -> Diagnostic {
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
    Diagnostic::error("duplicate-key", path, message)
        .at_opt(span)
        .label("set again here")
        .help(help)
}

/// The line number of an earlier `name = …` line (or `[header]`) before `at`.
fn first_occurrence(text: &str, at: usize, name: &str, is_table: bool) -> Option<usize> {
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
const JAPANESE_KEYS: &[(&str, &str)] = &[
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
const FULL_WIDTH: &[(char, &str, &str)] = &[
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
fn full_width_on_line(cx: &Ctx, at: usize) -> Option<(Range<usize>, &'static str, &'static str)> {
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

fn syntax(path: &Path, cx: &Ctx) -> Diagnostic {
    let at = cx.span.as_ref().map_or(0, |s| s.start);
    let headline = first_clause(cx.message);
    let error = |message: String, span: Option<Range<usize>>, label: &str, help: String| {
        Diagnostic::error("toml-syntax", path, message)
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

fn looks_like_date(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    digits >= 4 && (v.contains('/') || v.contains('年') || v.contains('.'))
}

fn first_clause(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        id: String,
        address: Option<String>,
        areas: Option<Vec<String>>,
    }

    fn err(text: &str) -> Diagnostic {
        *parse::<Rec>(&PathBuf::from("agencies/a.toml"), text).unwrap_err()
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let d = err("id = \"a\"\nadress = \"x\"");
        assert_eq!(d.code, "unknown-field");
        assert_eq!(d.help.as_deref(), Some("did you mean `address`?"));
        assert_eq!(d.span, Some(9..15));
    }

    #[test]
    fn the_probe_lists_root_fields() {
        assert_eq!(root_fields::<Rec>(), ["id", "address", "areas"]);
    }

    #[test]
    fn no_input_panics() {
        for t in [
            "",
            "\u{feff}",
            "=",
            "[",
            "[[",
            "a = \"",
            "id = '''",
            "\r",
            "\u{3000}",
            "id = 「",
            "x = {",
            "id = \"a\"\n[x]\n[x]",
            "areas = \"\"",
            "a.b.c = 1",
            "\"\" = 1",
            "id = 1979-05-27T07:32:00Z",
        ] {
            let _ = parse::<Rec>(&PathBuf::from("a.toml"), t);
            let _ = parse_at::<Rec>(&PathBuf::from("a.md"), t, 4);
        }
    }
}
