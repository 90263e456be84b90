//! The whole pipeline for one site folder: load → validate → view → render →
//! write. `check` renders in memory and stops there; `build` writes.

use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics, Sources};
use crate::model::Content;
use crate::output::{self, OutputError, Trees};
use crate::render::{self, RenderError, Theme, ThemeNameError, ThemeSource};
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
        diagnostics.extend(validate::validate(c, today));
        if let Err(e) = theme_source(root, c) {
            diagnostics.push(theme_diagnostic(c, &e));
        }
    }
    let content = if diagnostics.has_errors() {
        None
    } else {
        loaded.content
    };
    let trees = content
        .as_ref()
        .and_then(|c| match render_all(root, c, today) {
            Ok((trees, skipped)) => {
                for path in skipped {
                    diagnostics.push(skipped_diagnostic(root, path));
                }
                Some(trees)
            }
            Err(e) => {
                diagnostics.push(render_diagnostic(&e, &mut loaded.sources));
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

/// An unknown or unsafe `theme` in site.toml, pointing at its value.
fn theme_diagnostic(content: &Content, e: &ThemeNameError) -> Diagnostic {
    let settings = &content.settings;
    let d = Diagnostic::error(
        match e {
            ThemeNameError::NotAName(_) => "theme-path",
            ThemeNameError::NotFound { .. } => "unknown-theme",
        },
        &settings.file,
        e.to_string(),
    )
    .at_opt(settings.value.theme.as_ref().map(|t| t.span()));
    match e {
        ThemeNameError::NotAName(_) => d
            .label("not a folder name")
            .help("put the theme in themes/<name>/ of the site folder and write its name, e.g. theme = \"mytheme\""),
        ThemeNameError::NotFound {
            suggestion,
            available,
            ..
        } => {
            let d = d.label("no such theme");
            match suggestion {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help(format!(
                    "themes here: {}; or remove `theme` for the built-in default",
                    available.join(", ")
                )),
            }
        }
    }
}

/// A template that does not parse or render, or a theme file that cannot be
/// read: what `build` would stop on.
fn render_diagnostic(e: &RenderError, sources: &mut Sources) -> Diagnostic {
    let RenderError::Template {
        origin, template, ..
    } = e
    else {
        return Diagnostic::error("template-error", "themes", e.to_string());
    };
    let file = origin.clone().unwrap_or_else(|| PathBuf::from("templates"));
    let mut d = Diagnostic::error("template-error", &file, e.to_string())
        .help("fix the template; check renders every page in memory, as build does");
    // Tera reports where a template fails to parse as `--> line:column`.
    let message = e.to_string();
    if let (Some((line, col)), Ok(text)) = (tera_position(&message), std::fs::read_to_string(&file))
    {
        if let Some(span) = span_at(&text, line, col) {
            sources.insert(file.clone(), text);
            // Tera's message repeats the source line; the span shows it
            // already, so only its explanation (`= expected …`) is kept.
            let expected = message
                .lines()
                .filter_map(|l| l.trim_start().strip_prefix("= "))
                .collect::<Vec<_>>()
                .join("; ");
            d.message = format!("template `{template}` does not parse");
            d = d.at(span).label(if expected.is_empty() {
                "here".to_string()
            } else {
                expected
            });
        }
    }
    d
}

fn tera_position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.find("--> ")? + 4..];
    let (line, rest) = rest.split_once(':')?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

/// The byte range of the character at 1-based `line`, `col`.
fn span_at(text: &str, line: usize, col: usize) -> Option<std::ops::Range<usize>> {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let line_text = text.get(start_of_line..)?.lines().next()?;
    let (offset, c) = line_text.char_indices().nth(col.checked_sub(1)?)?;
    Some(start_of_line + offset..start_of_line + offset + c.len_utf8())
}

fn skipped_diagnostic(root: &Path, path: PathBuf) -> Diagnostic {
    let shown = path
        .strip_prefix(root)
        .unwrap_or(&path)
        .display()
        .to_string();
    Diagnostic::warning(
        "hidden-static",
        &path,
        format!("`{shown}` is not published: dot-files and dot-folders never are"),
    )
    .help("rename it without the leading `.` to publish it, or keep it out of static/")
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
    render_all(root, content, today).map(|(trees, _)| trees)
}

/// Both trees, and the dot-files of static/ that were left out.
fn render_all(
    root: &Path,
    content: &Content,
    today: NaiveDate,
) -> Result<(Trees, Vec<PathBuf>), RenderError> {
    let mut theme = Theme::load(root, &theme_source(root, content)?)?;
    let trees = vec![
        (
            Citizen::NAME,
            render_tree::<Citizen>(content, &theme, today)?,
        ),
        (Staff::NAME, render_tree::<Staff>(content, &theme, today)?),
    ];
    Ok((trees, std::mem::take(&mut theme.skipped)))
}

fn render_tree<A: Audience>(
    content: &Content,
    theme: &Theme,
    today: NaiveDate,
) -> Result<render::Files, RenderError> {
    let view = build_view::<A>(content, today);
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
