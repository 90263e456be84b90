//! Rendering: a site view and a theme in, a map of files out. Nothing here
//! touches the output folder; [`crate::output`] writes the result atomically.

mod calendar;
mod jsonld;
mod pages;
mod search;
mod sitemap;
mod theme;

pub use pages::render_site;
pub use theme::Theme;

use std::collections::BTreeMap;

/// The files of one site tree: path relative to the tree root → bytes.
/// A BTreeMap so that output order, and so the output, is deterministic.
pub type Files = BTreeMap<String, Vec<u8>>;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template error in {template}: {message}")]
    Template { template: String, message: String },
    #[error("cannot build the search index: {0}")]
    Search(#[from] tsunagu_search::SearchError),
    #[error("cannot read theme file {path}: {source}")]
    ThemeIo {
        path: String,
        source: std::io::Error,
    },
}

impl RenderError {
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
        }
    }
}
