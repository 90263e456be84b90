//! The whole pipeline for one site folder: load → validate → view → render →
//! write. `check` renders in memory and stops there; `build` writes.

use crate::content;
use crate::diagnostics::{Diagnostics, Sources};
use crate::model::Content;
use crate::output::{self, OutputError, Trees};
use crate::render::{self, diagnose, RenderError, Theme, ThemeNameError, ThemeSource};
use crate::site::{build_view, Audience, Citizen, Staff};
use crate::validate;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Where the content records live inside a site folder.
pub const CONTENT_DIR: &str = "content";

pub struct Checked {
    pub content: Option<Content>,
    /// Both trees rendered in memory, when there are no errors: `check`
    /// renders every page as `build` does, so a template that `build` would
    /// fail on fails `check` too.
    pub trees: Option<Trees>,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

/// Reads, validates and renders (in memory) the site folder at `root`.
pub fn check(root: &Path, today: NaiveDate) -> Checked {
    let mut loaded = content::load(&root.join(CONTENT_DIR));
    let mut diagnostics = loaded.diagnostics;
    if let Some(c) = &loaded.content {
        diagnostics.extend(validate::validate(c, &loaded.sources, today));
        if let Err(e) = theme_source(root, c) {
            let theme = c.settings.value.theme.as_ref().map(|t| t.span());
            diagnostics.push(diagnose::theme_name(&c.settings.file, theme, &e));
        }
    }
    let content = if diagnostics.has_errors() {
        None
    } else {
        loaded.content
    };
    let trees = content
        .as_ref()
        .and_then(|c| match render_all(root, c, &loaded.sources, today) {
            Ok((trees, skipped)) => {
                for path in skipped {
                    diagnostics.push(diagnose::hidden_static(root, path));
                }
                Some(trees)
            }
            Err(e) => {
                diagnostics.push(diagnose::render_error(&e, &mut loaded.sources));
                None
            }
        });
    let content = if diagnostics.has_errors() {
        None
    } else {
        content
    };
    Checked {
        content,
        trees,
        diagnostics,
        sources: loaded.sources,
    }
}

fn theme_source(root: &Path, content: &Content) -> Result<ThemeSource, ThemeNameError> {
    let name = content.settings.value.theme.as_ref().map(|t| t.get_ref());
    render::find_theme(root, name.map(String::as_str))
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the content has errors; nothing was written")]
    Invalid {
        diagnostics: Diagnostics,
        sources: Sources,
    },
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
    // Without the sources the staff report names files but not lines.
    render_all(root, content, &Sources::default(), today).map(|(trees, _)| trees)
}

/// Both trees, and the dot-files of static/ that were left out.
fn render_all(
    root: &Path,
    content: &Content,
    sources: &Sources,
    today: NaiveDate,
) -> Result<(Trees, Vec<PathBuf>), RenderError> {
    let mut theme = Theme::load(root, &theme_source(root, content)?)?;
    let mut staff = render_tree::<Staff>(content, &theme, today)?;
    // The data-quality report is a page of the staff site only.
    let report = crate::report::report(content, root, sources, today);
    staff.extend(render::report_page(
        &build_view::<Staff>(content, today),
        &report,
        &theme,
    )?);
    let trees = vec![
        (
            Citizen::NAME,
            render_tree::<Citizen>(content, &theme, today)?,
        ),
        (Staff::NAME, staff),
    ];
    Ok((trees, std::mem::take(&mut theme.skipped)))
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
    let Some(trees) = checked.trees.filter(|_| !checked.diagnostics.has_errors()) else {
        return Err(BuildError::Invalid {
            diagnostics: checked.diagnostics,
            sources: checked.sources,
        });
    };
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
