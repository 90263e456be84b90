//! TOML syntax errors, and the mistakes typing Japanese brings with it:
//! full-width `＝`, `、`, curly and 「」 quotes, Japanese keys and dates.

use super::context::Ctx;
use super::first_clause;
use crate::diagnostics::{Code, Diagnostic, Msg};
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
            Msg::DuplicateTable {
                header: header.into(),
            },
            match first {
                Some(l) => Msg::HelpMergeTablesFirstOn {
                    header: header.into(),
                    line: l.into(),
                },
                None => Msg::HelpMergeTables {
                    header: header.into(),
                },
            },
        )
    } else {
        (
            Msg::DuplicateKey { name: name.into() },
            match first {
                Some(l) => Msg::HelpKeepOneLineFirstOn { line: l.into() },
                None => Msg::HelpKeepOneLine {},
            },
        )
    };
    Diagnostic::error(Code::DuplicateKey, path, message)
        .at_opt(span)
        .label(Msg::LabelSetAgain {})
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
pub(super) const FULL_WIDTH: &[(char, Msg, Msg)] = &[
    ('\u{3000}', Msg::FwSpace {}, Msg::HwSpace {}),
    ('＝', Msg::FwEquals {}, Msg::HwEquals {}),
    ('：', Msg::FwColon {}, Msg::HwEqualsForColon {}),
    ('“', Msg::FwCurlyQuote {}, Msg::HwDoubleQuote {}),
    ('”', Msg::FwCurlyQuote {}, Msg::HwDoubleQuote {}),
    ('＂', Msg::FwQuote {}, Msg::HwDoubleQuote {}),
    ('「', Msg::FwKagiOpen {}, Msg::HwDoubleQuoteKagi {}),
    ('」', Msg::FwKagiClose {}, Msg::HwDoubleQuoteKagi {}),
    ('、', Msg::FwTouten {}, Msg::HwComma {}),
    ('，', Msg::FwComma {}, Msg::HwComma {}),
    ('［', Msg::FwBracket {}, Msg::HwOpenBracket {}),
    ('］', Msg::FwBracket {}, Msg::HwCloseBracket {}),
    ('｛', Msg::FwBrace {}, Msg::HwOpenBrace {}),
    ('｝', Msg::FwBrace {}, Msg::HwCloseBrace {}),
    ('＃', Msg::FwHash {}, Msg::HwHash {}),
];

/// The first full-width character in TOML syntax on the error's line: outside
/// strings, and at or before the error.
pub(super) fn full_width_on_line(
    cx: &Ctx,
    at: usize,
) -> Option<(Range<usize>, &'static Msg, &'static Msg)> {
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
    let error = |message: Msg, span: Option<Range<usize>>, label: Msg, help: Msg| {
        Diagnostic::error(Code::TomlSyntax, path, message)
            .at_opt(span)
            .label(label)
            .help(help)
    };
    if let Some((span, what, instead)) = full_width_on_line(cx, at) {
        return error(
            Msg::FullWidthInSyntax {
                what: what.clone().into(),
            },
            Some(span),
            what.clone(),
            Msg::HelpTypeInstead {
                instead: instead.clone().into(),
            },
        );
    }
    let (line_start, line) = cx.line_at(at);
    let key_part = line.split('=').next().unwrap_or("").trim();
    if cx.message.starts_with("invalid unquoted key") && !key_part.is_ascii() {
        let help = match JAPANESE_KEYS.iter().find(|(j, _)| *j == key_part) {
            Some((_, en)) => Msg::HelpFieldInEnglish {
                field: (*en).into(),
            },
            None => Msg::HelpFieldNamesInDocs {},
        };
        let s = line_start + (line.len() - line.trim_start().len());
        return error(
            Msg::JapaneseFieldName {
                key: key_part.into(),
            },
            Some(s..s + key_part.len()),
            Msg::LabelJapaneseFieldName {},
            help,
        );
    }
    if cx.message.starts_with("string values must be quoted") {
        let value = cx.span.as_ref().map_or("", |s| cx.snippet(s)).trim();
        let key = cx.key_before(at);
        if key.as_deref() == Some("verified") || looks_like_date(value) {
            return error(
                Msg::NotATomlDate {
                    value: value.into(),
                },
                cx.span.clone(),
                Msg::LabelNotADate {},
                Msg::HelpTomlDate {},
            );
        }
        return error(
            Msg::TextNeedsQuotes {},
            cx.span.clone(),
            Msg::LabelTextWithoutQuotes {},
            match key {
                Some(k) => Msg::HelpWriteKeyQuoted {
                    key: k.into(),
                    value: value.into(),
                },
                None => Msg::HelpWriteQuoted {
                    value: value.into(),
                },
            },
        );
    }
    if cx.message.starts_with("invalid date") || cx.message.starts_with("invalid time") {
        return error(
            Msg::NoSuchDate {
                detail: cx.message.split(", ").nth(1).unwrap_or(headline).into(),
            },
            cx.span.clone(),
            Msg::LabelNoSuchDate {},
            Msg::HelpCheckMonthDay {},
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
            Msg::TextNotClosed {},
            cx.span.clone(),
            Msg::LabelClosingQuoteMissing { quote: q.into() },
            Msg::HelpCloseText { quote: q.into() },
        );
    }
    if cx.message.starts_with("key with no value") {
        return error(
            Msg::KeyWithoutValue {},
            cx.span.clone(),
            Msg::LabelExpectedEquals {},
            Msg::HelpKeyValue {},
        );
    }
    if cx.message.starts_with("missing comma") {
        return error(
            Msg::MissingComma {},
            cx.span.clone(),
            Msg::LabelExpectedComma {},
            Msg::HelpListCommas {},
        );
    }
    error(
        Msg::TomlSyntax {
            detail: headline.into(),
        },
        cx.span.clone(),
        Msg::LabelHere {},
        Msg::HelpTomlSyntax {},
    )
}

pub(super) fn looks_like_date(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    digits >= 4 && (v.contains('/') || v.contains('年') || v.contains('.'))
}
