//! Rebuilding in memory after a change, and reporting it in the terminal.

use super::overlay;
use super::watch::Scope;
use crate::diagnostics::{self, Diagnostics, Severity, Sources};
use crate::model::Content;
use crate::output::Trees;
use crate::pipeline;
use chrono::NaiveDate;
use std::path::PathBuf;

pub struct Builder {
    root: PathBuf,
    today: Option<NaiveDate>,
    color: bool,
    /// Content of the last check that passed. A change to templates or
    /// static files cannot make it wrong, so such a change only renders again.
    content: Option<Content>,
    /// Warnings last printed, so that an unchanged list is not repeated on
    /// every save.
    warnings_shown: String,
}

/// What a failed build shows: the overlay HTML (the terminal already has the
/// details).
pub type Failure = String;

impl Builder {
    pub fn new(root: PathBuf, today: Option<NaiveDate>, color: bool) -> Self {
        Builder {
            root,
            today,
            color,
            content: None,
            warnings_shown: String::new(),
        }
    }

    pub fn build(&mut self, scope: Scope) -> Result<Trees, Failure> {
        if scope == Scope::Content || self.content.is_none() {
            self.content = None;
            // check renders both trees as part of checking.
            return self.check();
        }
        let Some(content) = &self.content else {
            return Err(overlay::render(&[]));
        };
        pipeline::render_trees(&self.root, content, self.today()).map_err(|e| {
            eprintln!(
                "{}",
                crate::messages::Msg::CliError {
                    detail: e.to_string().into()
                }
            );
            overlay::render(&[overlay::from_render_error(&e, &self.root)])
        })
    }

    fn check(&mut self) -> Result<Trees, Failure> {
        let checked = pipeline::check_in_memory(&self.root, self.today());
        let d = &checked.diagnostics;
        if d.has_errors() {
            // The warnings would bury the errors when repeated on every save.
            let errors = only_errors(d);
            eprint!(
                "{}",
                diagnostics::render(&errors, &checked.sources, self.color)
            );
            eprintln!(
                "{}",
                crate::messages::Msg::ServeErrorsNotShown {
                    errors: errors.len().into(),
                    warnings: d.count(Severity::Warning).into(),
                }
            );
            self.warnings_shown.clear();
            return Err(overlay::render(&overlay::from_diagnostics(
                d,
                &checked.sources,
                &self.root,
            )));
        }
        self.show_warnings(d, &checked.sources);
        self.content = checked.content;
        checked.trees.ok_or_else(|| overlay::render(&[]))
    }

    fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| tsunagu_hours::jst_now().date())
    }

    fn show_warnings(&mut self, d: &Diagnostics, sources: &Sources) {
        let text = diagnostics::render(d, sources, self.color);
        if text != self.warnings_shown {
            eprint!("{text}");
            if d.count(Severity::Warning) > 0 {
                eprintln!(
                    "{}",
                    crate::messages::Msg::ServeWarnings {
                        warnings: d.count(Severity::Warning).into()
                    }
                );
            }
            self.warnings_shown = text;
        }
    }
}

fn only_errors(d: &Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::default();
    for e in d.iter().filter(|e| e.severity == Severity::Error) {
        out.push(e.clone());
    }
    out
}

/// "N citizen pages, M staff pages", for the terminal.
pub fn summary(trees: &Trees) -> String {
    trees
        .iter()
        .map(|(name, files)| {
            let pages = files.keys().filter(|k| k.ends_with(".html")).count();
            crate::messages::Msg::ServeTreePages {
                pages: pages.into(),
                tree: (*name).into(),
            }
            .to_string()
        })
        .collect::<Vec<_>>()
        .join(", ")
}
