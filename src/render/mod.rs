//! Rendering: a site view and a theme in, a map of files out. Nothing here
//! touches the output folder; [`crate::output`] writes the result atomically.

mod calendar;
pub mod diagnose;
mod jsonld;
mod lookup;
mod pages;
mod prints;
mod search;
mod sink;
mod sitemap;
mod theme;

pub use pages::{render_site, render_site_with, report_page, Part, RenderOptions, REPORT_PAGE};
pub use prints::{Incremental, Prints};
pub use sink::{Discard, Memory, OpenFile, Sink};
pub use theme::{find as find_theme, Theme, ThemeNameError, ThemeSource, STAFF_STATIC};

use std::collections::BTreeMap;

/// The files of one site tree: path relative to the tree root → bytes.
/// A BTreeMap so that output order, and so the output, is deterministic.
pub type Files = BTreeMap<String, Vec<u8>>;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{}", self.msg())]
    Template {
        template: String,
        message: String,
        /// The file the template was read from, when known.
        origin: Option<std::path::PathBuf>,
    },
    #[error("{}", self.msg())]
    Search(#[from] tsunagu_search::SearchError),
    #[error(transparent)]
    ThemeName(#[from] ThemeNameError),
    #[error("{}", self.msg())]
    Export(#[from] crate::export::ExportError),
    #[error("{}", self.msg())]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{}", self.msg())]
    ThemeIo {
        path: String,
        source: std::io::Error,
    },
}

impl RenderError {
    fn msg(&self) -> crate::messages::Msg {
        use crate::messages::Msg;
        match self {
            RenderError::Template {
                template, message, ..
            } => Msg::ErrTemplate {
                template: template.into(),
                detail: message.into(),
            },
            RenderError::Search(e) => Msg::ErrSearchIndex {
                detail: e.to_string().into(),
            },
            RenderError::ThemeName(e) => super::render::diagnose::theme_message(e),
            RenderError::Export(e) => Msg::ErrOpenData {
                detail: e.to_string().into(),
            },
            RenderError::Write { path, source } => Msg::ErrWriteOutput {
                path: path.into(),
                detail: source.to_string().into(),
            },
            RenderError::ThemeIo { path, source } => Msg::ErrThemeFile {
                path: path.into(),
                detail: source.to_string().into(),
            },
        }
    }

    /// The same error, saying which file the template came from.
    pub(crate) fn in_file(mut self, file: Option<&std::path::Path>) -> Self {
        if let (RenderError::Template { origin, .. }, Some(f)) = (&mut self, file) {
            *origin = Some(f.to_path_buf());
        }
        self
    }

    pub(crate) fn template(template: &str, e: &tera::Error) -> Self {
        // Tera nests the useful message in its source chain.
        let mut message = e.to_string();
        let mut src = std::error::Error::source(e);
        while let Some(s) = src {
            message.push_str(": ");
            message.push_str(&s.to_string());
            src = s.source();
        }
        RenderError::Template {
            template: template.to_string(),
            message,
            origin: None,
        }
    }
}
