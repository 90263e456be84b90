//! The whole pipeline for one site folder: load → validate → view → render →
//! write. `check` stops after validation; `build` and `serve` go on.

use crate::content;
use crate::diagnostics::{Diagnostics, Sources};
use crate::model::Content;
use crate::output::{self, OutputError, Trees};
use crate::render::{self, RenderError, Theme};
use crate::site::{build_view, Audience, Citizen, Staff};
use crate::validate;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where the content records live inside a site folder.
pub const CONTENT_DIR: &str = "content";

pub struct Checked {
    pub content: Option<Content>,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

/// Reads and validates the site folder at `root`.
pub fn check(root: &Path, today: NaiveDate) -> Checked {
    let loaded = content::load(&root.join(CONTENT_DIR));
    let mut diagnostics = loaded.diagnostics;
    if let Some(c) = &loaded.content {
        diagnostics.extend(validate::validate(c, &loaded.sources, today));
    }
    let content = if diagnostics.has_errors() {
        None
    } else {
        loaded.content
    };
    Checked {
        content,
        diagnostics,
        sources: loaded.sources,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the content has errors; nothing was written")]
    Invalid {
        diagnostics: Diagnostics,
        sources: Sources,
    },
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(transparent)]
    Output(#[from] OutputError),
}

pub struct BuildReport {
    pub out: PathBuf,
    /// HTML pages written per tree.
    pub pages: Vec<(&'static str, usize)>,
    pub warnings: Diagnostics,
    pub sources: Sources,
    pub elapsed: Duration,
}

/// Renders both trees in memory.
pub fn render_trees(
    root: &Path,
    content: &Content,
    today: NaiveDate,
) -> Result<Trees, RenderError> {
    let theme_name = content.settings.value.theme.as_deref().unwrap_or("default");
    let theme = Theme::load(root, theme_name)?;
    Ok(vec![
        (
            Citizen::NAME,
            render_tree::<Citizen>(content, &theme, today)?,
        ),
        (Staff::NAME, render_tree::<Staff>(content, &theme, today)?),
    ])
}

fn render_tree<A: Audience>(
    content: &Content,
    theme: &Theme,
    today: NaiveDate,
) -> Result<render::Files, RenderError> {
    let view = build_view::<A>(content, today);
    output::crash::point("render");
    render::render_site(&view, theme)
}

/// Checks, renders and atomically writes the site at `root` into `out`.
pub fn build(root: &Path, out: &Path, today: NaiveDate) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let checked = check(root, today);
    let Some(content) = checked.content else {
        return Err(BuildError::Invalid {
            diagnostics: checked.diagnostics,
            sources: checked.sources,
        });
    };
    let trees = render_trees(root, &content, today)?;
    output::write_atomically(out, &trees)?;
    Ok(BuildReport {
        out: out.to_path_buf(),
        pages: trees
            .iter()
            .map(|(name, files)| (*name, files.keys().filter(|k| k.ends_with(".html")).count()))
            .collect(),
        warnings: checked.diagnostics,
        sources: checked.sources,
        elapsed: started.elapsed(),
    })
}
