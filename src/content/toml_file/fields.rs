//! Unknown and missing fields: say which field, suggest the one meant, and
//! notice a field written below the wrong `[table]` header.

use super::context::{first_line, id_span, id_value, Ctx};
use super::{backticked, noun, what};
use crate::diagnostics::{did_you_mean, Code, Diagnostic, Msg};
use serde::de::DeserializeOwned;
use std::path::Path;

pub(super) fn unknown_field<T: DeserializeOwned>(path: &Path, cx: &Ctx, rest: &str) -> Diagnostic {
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
        (Some((line, header)), _) => Msg::HelpFieldBelongsToRecord {
            field: field.into(),
            noun: noun(path).into(),
            header: header.into(),
            line: (*line).into(),
        },
        (None, Some(s)) => Msg::HelpDidYouMean {
            suggestion: s.into(),
        },
        (None, None) if candidates.is_empty() => Msg::HelpRemoveField {},
        (None, None) => Msg::HelpRemoveOrCorrect {
            allowed: candidates.join(", ").into(),
        },
    };
    let message = match cx.table_above(at) {
        Some((_, header)) if !on_header => Msg::UnknownFieldIn {
            field: field.into(),
            header: header.into(),
        },
        _ => Msg::UnknownField {
            field: field.into(),
        },
    };
    Diagnostic::error(Code::UnknownField, path, message)
        .at_opt(cx.span.clone())
        .label(if on_header {
            Msg::LabelUnknownTable {}
        } else if moved.is_some() {
            Msg::LabelWrongTable {}
        } else {
            Msg::LabelUnknownField {}
        })
        .help(help)
}

/// The fields allowed at the top of a record of type `T`, found by feeding it
/// a key it cannot know and reading the list serde answers with.
pub(super) fn root_fields<T: DeserializeOwned>() -> Vec<String> {
    match toml::from_str::<T>("__tsunagu_probe__ = 0") {
        Err(e) => backticked(e.message().split_once("expected").map_or("", |x| x.1))
            .into_iter()
            .map(str::to_string)
            .collect(),
        Ok(_) => Vec::new(),
    }
}

pub(super) fn missing_field(path: &Path, cx: &Ctx, field: &str) -> Diagnostic {
    let noun = noun(path);
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
            Msg::MissingFieldInTable {
                header: h.clone().into(),
                field: field.into(),
            },
            Msg::LabelRequiredInTable {
                field: field.into(),
            },
            Msg::HelpAddBelowHeader {
                example: example.clone().into(),
                header: h.into(),
            },
        )
    } else if inline {
        (
            cx.span.clone(),
            Msg::MissingFieldInline {
                field: field.into(),
            },
            Msg::LabelRequiredHere {
                field: field.into(),
            },
            Msg::HelpAddInsideBraces {
                example: example.clone().into(),
            },
        )
    } else {
        // The record itself: point at its id (or first line), not at the
        // whole file.
        let span = id_span(cx.text).or_else(|| first_line(cx.text));
        let message = if is_table {
            Msg::MissingTable {
                what: what(path).into(),
                field: field.into(),
            }
        } else {
            match id_value(cx.text) {
                Some(id) => Msg::MissingFieldOfId {
                    noun: noun.clone().into(),
                    id: id.into(),
                    field: field.into(),
                },
                None => Msg::MissingFieldOf {
                    what: what(path).into(),
                    field: field.into(),
                },
            }
        };
        let help = if is_table {
            Msg::HelpAddTableAtEnd {
                example: example.clone().into(),
            }
        } else {
            Msg::HelpAddAboveHeader {
                example: example.clone().into(),
            }
        };
        (
            span,
            message,
            Msg::LabelRequiredInRecord {
                field: field.into(),
                noun: noun.into(),
            },
            help,
        )
    };
    Diagnostic::error(Code::MissingField, path, message)
        .at_opt(span)
        .label(label)
        .help(help)
}

/// An example line for a required field.
pub(super) fn example_of(field: &str) -> String {
    match field {
        "citizen" | "staff" => format!("[{field}] title = \"…\" base_url = \"https://…/\""),
        "webmaster" => "[webmaster] name = \"…\"".into(),
        "order" | "no" => format!("{field} = 1"),
        "number" => "number = \"086-000-0000\"".into(),
        "base_url" => "base_url = \"https://example.jp/\"".into(),
        "reading" => "reading = \"ひらがなのよみ\"".into(),
        "topic" => "topic = \"<topic id>\"".into(),
        "phones" => "phones = [{ number = \"0XX-XXX-XXXX\" }]".into(),
        "areas" | "topics" | "aliases" | "synonyms" => format!("{field} = [\"…\"]"),
        "verified" => "verified = 2024-04-01".into(),
        _ => format!("{field} = \"…\""),
    }
}

/// `key =` with nothing after it. The parser calls it an unquoted string;
/// the webmaster needs to hear that the value is missing, and, when the key
/// is not a field at all, which field was meant.
pub(super) fn no_value<T: DeserializeOwned>(path: &Path, cx: &Ctx) -> Option<Diagnostic> {
    if !cx.message.starts_with("string values must be quoted") {
        return None;
    }
    let at = cx.span.as_ref()?.start;
    let (start, line) = cx.line_at(at);
    let (key_part, value) = line.split_once('=')?;
    if !value.split('#').next().unwrap_or("").trim().is_empty() {
        return None;
    }
    let key = key_part.trim();
    let key_start = start + (key_part.len() - key_part.trim_start().len());
    let top_level = cx.table_above(at).is_none();
    let fields = if top_level {
        root_fields::<T>()
    } else {
        Vec::new()
    };
    let known = !top_level || fields.iter().any(|f| f == key);
    let candidates: Vec<&str> = fields.iter().map(String::as_str).collect();
    let (message, label, help) = if known {
        (
            Msg::NoValueAfterEquals { key: key.into() },
            Msg::LabelValueMissing {},
            Msg::HelpWriteValue {
                example: example_of(key).into(),
            },
        )
    } else {
        let help = match did_you_mean(key, &candidates) {
            Some(s) => Msg::HelpDidYouMeanExample {
                suggestion: s.into(),
                example: example_of(s).into(),
            },
            None => Msg::HelpDeleteLineAllowed {
                allowed: candidates.join(", ").into(),
            },
        };
        (
            Msg::UnknownFieldNoValue { key: key.into() },
            Msg::LabelUnknownField {},
            help,
        )
    };
    Some(
        Diagnostic::error(
            if known {
                Code::TomlSyntax
            } else {
                Code::UnknownField
            },
            path,
            message,
        )
        .at(key_start..key_start + key.len().max(1))
        .label(label)
        .help(help),
    )
}
