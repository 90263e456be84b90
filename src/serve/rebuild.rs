//! Rebuilding in memory after a change, and reporting it in the terminal.

use super::overlay;
use super::watch::{Change, Scope};
use crate::diagnostics::{self, Diagnostics, Severity, Sources};
use crate::pipeline::preview::{Later, Outcome, Preview, Step, TreePatch};
use crate::render::RenderError;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

pub struct Builder {
    root: PathBuf,
    today: Option<NaiveDate>,
    color: bool,
    /// What the last builds produced, so that a change is rendered alone.
    preview: Preview,
    /// Warnings last printed, so that an unchanged list is not repeated on
    /// every save.
    warnings_shown: String,
}

/// What a failed build shows: the overlay HTML (the terminal already has the
/// details).
pub type Failure = String;

/// A good build: the files that changed.
pub struct Built {
    pub patch: Vec<TreePatch>,
}

impl Builder {
    pub fn new(root: PathBuf, today: Option<NaiveDate>, color: bool) -> Self {
        Builder {
            preview: Preview::new(root.clone()),
            root,
            today,
            color,
            warnings_shown: String::new(),
        }
    }

    /// Builds the pages after `change` (everything when `None`); the search
    /// index waits for [`Builder::search_index`].
    pub fn build(&mut self, change: Option<&Change>) -> Result<Built, Failure> {
        let records: Vec<PathBuf>;
        let step = match change {
            None => Step::Full { theme: true },
            Some(c) if c.scope == Scope::Theme => Step::Theme,
            Some(c) if c.paths.iter().all(|p| p.starts_with("content/")) => {
                records = c.paths.iter().map(|p| self.root.join(p)).collect();
                Step::Records(&records)
            }
            Some(_) => Step::Full { theme: true },
        };
        let today = self.today();
        match self.preview.update(step, today) {
            Outcome::Built {
                patch, diagnostics, ..
            } => {
                let sources = self.preview.sources();
                let text = diagnostics::render(&diagnostics, sources, self.color);
                self.show_warnings(text, diagnostics.count(Severity::Warning));
                Ok(Built { patch })
            }
            Outcome::Invalid { diagnostics } => Err(self.failure(&diagnostics)),
        }
    }

    /// The second step of the last good build (search index, open data,
    /// plan data), when it is still to be made.
    pub fn later(&mut self) -> Option<Later> {
        self.preview.later()
    }

    fn failure(&mut self, d: &Diagnostics) -> Failure {
        let sources: &Sources = self.preview.sources();
        // The warnings would bury the errors when repeated on every save.
        let errors = only_errors(d);
        eprint!("{}", diagnostics::render(&errors, sources, self.color));
        eprintln!(
            "{}",
            crate::messages::Msg::ServeErrorsNotShown {
                errors: errors.len().into(),
                warnings: d.count(Severity::Warning).into(),
            }
        );
        let html = overlay::render(&overlay::from_diagnostics(d, sources, &self.root));
        self.warnings_shown.clear();
        html
    }

    fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| tsunagu_hours::jst_now().date())
    }

    fn show_warnings(&mut self, text: String, warnings: usize) {
        if text != self.warnings_shown {
            eprint!("{text}");
            if warnings > 0 {
                eprintln!(
                    "{}",
                    crate::messages::Msg::ServeWarnings {
                        warnings: warnings.into()
                    }
                );
            }
            self.warnings_shown = text;
        }
    }
}

/// What a failed second step shows; the terminal gets the message too.
pub fn later_failure(e: &RenderError, root: &Path) -> Failure {
    eprintln!(
        "{}",
        crate::messages::Msg::CliError {
            detail: e.to_string().into()
        }
    );
    overlay::render(&[overlay::from_render_error(e, root)])
}

fn only_errors(d: &Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::default();
    for e in d.iter().filter(|e| e.severity == Severity::Error) {
        out.push(e.clone());
    }
    out
}

/// "N citizen pages, M staff pages", for the terminal.
pub fn summary(trees: &super::state::Served) -> String {
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
