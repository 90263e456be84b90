//! Problems found in content, reported the way rustc does: file, line and
//! column, the source line with the span underlined, what is wrong and how to
//! fix it. Every stage (reading, validation) adds to one [`Diagnostics`] list
//! so a single run reports every problem, not just the first.

mod codes;
mod json;
mod sources;
mod terminal;

pub use codes::Code;
pub use json::to_json;
pub(crate) use sources::floor_char_boundary;
pub use sources::Sources;
pub use terminal::{render, render_grouped, render_one};

pub use crate::messages::Msg;
use std::ops::Range;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable identifier of the kind of problem, e.g. `unknown-field`.
    pub code: Code,
    pub file: PathBuf,
    /// Byte range in the file; `None` when the problem concerns the whole file.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: Msg,
    /// Short text shown under the underlined span.
    pub label: Option<Msg>,
    /// How to fix it.
    pub help: Option<Msg>,
}

impl Diagnostic {
    /// Messages come only from the catalogue ([`Msg`]), never a free string,
    /// so every diagnostic can be shown in Japanese and English.
    pub fn error(code: Code, file: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.into(),
            span: None,
            message,
            label: None,
            help: None,
        }
    }

    pub fn warning(code: Code, file: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    pub fn at_opt(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn label(mut self, label: Msg) -> Self {
        self.label = Some(label);
        self
    }

    pub fn help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }
}

/// The closest allowed name, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
#[test]
fn a_typo_gets_a_suggestion() {
    assert_eq!(
        did_you_mean("adress", &["id", "address", "areas"]),
        Some("address")
    );
    assert_eq!(did_you_mean("zzzz", &["id", "address"]), None);
}

/// All problems found in one run, in the order they were found.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, then position, so output is stable whatever order the
    /// checks ran in.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (&a.file, a.span.as_ref().map(|s| s.start), a.severity).cmp(&(
                &b.file,
                b.span.as_ref().map(|s| s.start),
                b.severity,
            ))
        });
        v
    }
}
