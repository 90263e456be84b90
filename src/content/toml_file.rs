//! Parsing one TOML file into a model struct, turning the toml crate's errors
//! into diagnostics that say how to fix the problem.

use super::limits;
use crate::diagnostics::{did_you_mean, Diagnostic};
use serde::de::DeserializeOwned;
use std::path::Path;

pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Box<Diagnostic>> {
    parse_at(path, text, 0)
}

/// Parses `text`, which starts at byte `offset` of the file (front matter).
pub fn parse_at<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    offset: usize,
) -> Result<T, Box<Diagnostic>> {
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
    toml::from_str::<T>(text).map_err(|e| Box::new(to_diagnostic(path, &e, offset)))
}

fn to_diagnostic(path: &Path, e: &toml::de::Error, offset: usize) -> Diagnostic {
    let message = e.message().trim().to_string();
    let span = e
        .span()
        .map(|s| offset + s.start..offset + s.end.max(s.start + 1));
    let (code, label, help) = explain(&message);
    let mut d = Diagnostic::error(code, path, first_sentence(&message))
        .at_opt(span)
        .help(help);
    if let Some(label) = label {
        d = d.label(label);
    }
    d
}

fn first_sentence(message: &str) -> String {
    // The expected-fields list is long; the help line carries the useful part.
    match message.split_once(", expected one of") {
        Some((head, _)) => head.to_string(),
        None => message.to_string(),
    }
}

/// Maps a serde/toml message to (code, label, help).
fn explain(message: &str) -> (&'static str, Option<String>, String) {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates = backticked(expected);
        let help = match did_you_mean(field, &candidates) {
            Some(s) => format!("did you mean `{s}`?"),
            None if candidates.is_empty() => "remove this field".to_string(),
            None => format!(
                "remove it; the fields allowed here are: {}",
                candidates.join(", ")
            ),
        };
        return ("unknown-field", Some("unknown field".into()), help);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return (
            "missing-field",
            Some(format!("`{field}` is required in this table")),
            format!("add `{field} = …` to this record (see docs/content.md)"),
        );
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return (
            "wrong-type",
            Some("wrong type".into()),
            "text needs double quotes (\"…\"), lists need [ … ], dates are written 2024-04-01, true/false without quotes".into(),
        );
    }
    if message.starts_with("duplicate key") {
        return (
            "duplicate-key",
            Some("set twice".into()),
            "remove one of the two lines".into(),
        );
    }
    (
        "toml-syntax",
        None,
        "check the TOML syntax near here: text needs double quotes, tables are written [name], lists [a, b]".into(),
    )
}

fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_message_is_explained() {
        let (code, _, help) = explain("unknown field `adress`, expected one of `id`, `address`");
        assert_eq!(code, "unknown-field");
        assert_eq!(help, "did you mean `address`?");
    }
}
