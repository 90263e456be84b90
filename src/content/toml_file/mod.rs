//! Parsing one TOML file into a model struct, turning the toml crate's errors
//! into diagnostics that say, in plain words, what is wrong and how to fix it.
//!
//! The toml crate stops at the first problem in a file and words it for
//! programmers ("invalid type: string, expected a sequence"); this module
//! rewrites the message for a webmaster, narrows the span to the offending key
//! or value, and recognises the mistakes that typing Japanese brings with it
//! (full-width spaces, `＝`, `、`, curly quotes, Japanese keys and dates).

mod context;
mod fields;
mod syntax;
mod values;

use super::limits;
use crate::diagnostics::{Code, Diagnostic, Msg};
use context::{on_one_line, Ctx};
use serde::de::DeserializeOwned;
use std::ops::Range;
use std::path::Path;

/// Parses a whole file.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Vec<Diagnostic>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank(body) {
        return Err(vec![Diagnostic::error(
            Code::EmptyFile,
            path,
            Msg::EmptyFile {
                what: what(path).into(),
            },
        )
        .at(0..0)
        .label(Msg::LabelNothingHere {})
        .help(Msg::HelpWriteRecord {
            noun: noun(path).into(),
        })]);
    }
    parse_at(path, text, 0)
}

/// Parses `text`, which starts at byte `offset` of the file (front matter).
pub fn parse_at<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    offset: usize,
) -> Result<T, Vec<Diagnostic>> {
    // The toml crate skips a byte order mark (Windows Notepad) itself and
    // gives spans in the text as it is, so the text is passed unchanged.
    if let Some(at) = limits::too_deep(text) {
        return Err(vec![Diagnostic::error(
            Code::TooDeep,
            path,
            Msg::TooDeep {
                depth: limits::MAX_DEPTH.into(),
            },
        )
        .at(offset + at..offset + at + 1)
        .label(Msg::LabelTooDeep {})
        .help(Msg::HelpTooDeep {})]);
    }
    let at_offset = |mut d: Diagnostic| {
        if let Some(s) = &mut d.span {
            *s = offset + s.start..offset + s.end;
        }
        d
    };
    // Every syntax error of the file at once, so a webmaster fixes them in
    // one go; the parser recovers after each. Field and type errors come
    // from the typed pass below, one at a time, as before.
    let (_, syntax) = toml::de::DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        let mut seen = Vec::new();
        return Err(syntax
            .iter()
            .map(|e| explain::<T>(path, text, e.message().trim(), e.span()))
            .filter(|d| {
                let new = !seen.contains(&d.span);
                seen.push(d.span.clone());
                new
            })
            .map(at_offset)
            .collect());
    }
    toml::from_str::<T>(text).map_err(|e| {
        vec![at_offset(explain::<T>(
            path,
            text,
            e.message().trim(),
            e.span(),
        ))]
    })
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    })
}

/// "agency", "program" … from the folder a record file sits in.
pub(super) fn record_noun(path: &Path) -> &'static str {
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

/// The kind of record, as a message: "agency", "program" …
pub(super) fn noun(path: &Path) -> Msg {
    match record_noun(path) {
        "agency" => Msg::NounAgency {},
        "program" => Msg::NounProgram {},
        "roster" => Msg::NounRoster {},
        "page's front matter" => Msg::NounFrontMatter {},
        "list of topics" => Msg::NounTopics {},
        _ => Msg::NounSettings {},
    }
}

/// How to name the file in a message: "this agency file", "site.toml".
pub(super) fn what(path: &Path) -> Msg {
    match record_noun(path) {
        "agency" | "program" | "roster" => Msg::ThisRecordFile {
            noun: noun(path).into(),
        },
        "page's front matter" => Msg::TheFrontMatter {},
        _ => Msg::NamedFile {
            name: path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .as_ref()
                .into(),
        },
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
        return fields::unknown_field::<T>(path, &cx, rest);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return fields::missing_field(path, &cx, rest.split('`').next().unwrap_or(rest));
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return values::wrong_type(path, &cx);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        return values::bad_value(path, &cx, rest);
    }
    if message.starts_with("duplicate key") {
        return syntax::duplicate_key(path, &cx);
    }
    if let Some(d) = fields::no_value::<T>(path, &cx) {
        return d;
    }
    syntax::syntax(path, &cx)
}

pub(super) fn first_clause(message: &str) -> &str {
    message.lines().next().unwrap_or(message)
}

pub(super) fn backticked(s: &str) -> Vec<&str> {
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
        parse::<Rec>(&PathBuf::from("agencies/a.toml"), text)
            .unwrap_err()
            .remove(0)
    }

    #[test]
    fn unknown_field_gets_a_suggestion() {
        let d = err("id = \"a\"\nadress = \"x\"");
        assert_eq!(d.code, "unknown-field");
        assert_eq!(
            d.help,
            Some(Msg::HelpDidYouMean {
                suggestion: "address".into()
            })
        );
        assert_eq!(d.span, Some(9..15));
    }

    #[test]
    fn the_probe_lists_root_fields() {
        assert_eq!(fields::root_fields::<Rec>(), ["id", "address", "areas"]);
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
