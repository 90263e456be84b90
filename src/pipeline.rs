//! The whole pipeline for one site folder: load → validate → view → render →
//! write. `check` renders every page and drops the result; `build` streams
//! the pages into the staging folder and swaps it into place.

use crate::content;
use crate::diagnostics::{Diagnostics, Sources};
use crate::model::Content;
use crate::output::{self, OutputError, Trees};
use crate::render::{
    self, diagnose, Discard, Memory, RenderError, Sink, Theme, ThemeNameError, ThemeSource,
};
use crate::report::Report;
use crate::site::{build_view_sharing, Audience, Citizen, Shared, SiteView, Staff};
use crate::timing::stage;
use crate::validate;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub mod preview;

/// Where the content records live inside a site folder.
pub const CONTENT_DIR: &str = "content";

/// The trees a build writes, in this order.
const TREES: [&str; 2] = [Citizen::NAME, Staff::NAME];

pub struct Checked {
    pub content: Option<Content>,
    /// Both trees, when asked for with [`check_in_memory`] and there are no
    /// errors.
    pub trees: Option<Trees>,
    /// The data-quality report, made before the text of the files without
    /// a diagnostic was let go (when the content is valid, `sources` keeps
    /// only the quoted files).
    pub report: Option<Report>,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

/// Reads, validates and renders the site folder at `root`. Every page is
/// rendered as `build` renders it, so a template that `build` would fail on
/// fails `check` too; the pages themselves are dropped.
pub fn check(root: &Path, today: NaiveDate) -> Checked {
    checked(root, today, false)
}

/// [`check`], keeping both trees in memory (for the preview server).
pub fn check_in_memory(root: &Path, today: NaiveDate) -> Checked {
    checked(root, today, true)
}

fn checked(root: &Path, today: NaiveDate, keep: bool) -> Checked {
    let Validated {
        content,
        theme,
        mut diagnostics,
        mut sources,
    } = validated(root, today);
    let report = content
        .as_ref()
        .map(|c| report_then_forget(c, root, &mut sources, &diagnostics, today));
    let trees = content
        .as_ref()
        .zip(report.as_ref())
        .and_then(|(c, report)| {
            let theme = theme.unwrap_or_else(|| load_theme(root, c));
            let memory = [Memory::default(), Memory::default()];
            let discard = [Discard, Discard];
            let sinks: [&dyn Sink; 2] = if keep {
                [&memory[0], &memory[1]]
            } else {
                [&discard[0], &discard[1]]
            };
            match render_all(Records::Lent(c), theme, report, today, sinks) {
                Ok(rendered) => {
                    for path in rendered.skipped {
                        diagnostics.push(diagnose::hidden_static(root, path));
                    }
                    let [citizen, staff] = memory;
                    keep.then(|| {
                        vec![
                            (TREES[0], citizen.into_files()),
                            (TREES[1], staff.into_files()),
                        ]
                    })
                }
                Err(e) => {
                    diagnostics.push(diagnose::render_error(&e, &mut sources));
                    None
                }
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
        report,
        diagnostics,
        sources,
    }
}

struct Validated {
    /// `None` when there are errors.
    content: Option<Content>,
    /// Loaded while the content was checked; `None` when the content could
    /// not be read.
    theme: Option<Result<Theme, RenderError>>,
    diagnostics: Diagnostics,
    sources: Sources,
}

/// Load and validate, without rendering.
fn validated(root: &Path, today: NaiveDate) -> Validated {
    let loaded = stage("load", || content::load(&root.join(CONTENT_DIR)));
    let mut diagnostics = loaded.diagnostics;
    let mut theme = None;
    if let Some(c) = &loaded.content {
        // Parsing the templates needs only the settings: it runs beside the
        // checks, which leave a core idle now and then.
        let (found, loaded_theme) = rayon::join(
            || stage("validate", || validate::validate(c, &loaded.sources, today)),
            || stage("theme", || load_theme(root, c)),
        );
        diagnostics.extend(found);
        theme = Some(loaded_theme);
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
    Validated {
        content,
        theme,
        diagnostics,
        sources: loaded.sources,
    }
}

fn load_theme(root: &Path, content: &Content) -> Result<Theme, RenderError> {
    Theme::load(root, &theme_source(root, content)?)
}

fn theme_source(root: &Path, content: &Content) -> Result<ThemeSource, ThemeNameError> {
    let name = content.settings.value.theme.as_ref().map(|t| t.get_ref());
    render::find_theme(root, name.map(String::as_str))
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{}", crate::messages::Msg::ErrContentInvalid {})]
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
    let [citizen, staff] = [Memory::default(), Memory::default()];
    // Without the sources the staff report names files but not lines.
    let report = crate::report::report(content, root, &Sources::default(), today);
    render_all(
        Records::Lent(content),
        load_theme(root, content),
        &report,
        today,
        [&citizen, &staff],
    )?;
    Ok(vec![
        (TREES[0], citizen.into_files()),
        (TREES[1], staff.into_files()),
    ])
}

/// The data-quality report, made while every file's text is at hand for
/// its line numbers; then the text of the files no diagnostic quotes is let
/// go. It was a tenth of a 100,000-agency build's peak memory, held
/// through both sites for nothing.
fn report_then_forget(
    content: &Content,
    root: &Path,
    sources: &mut Sources,
    diagnostics: &Diagnostics,
    today: NaiveDate,
) -> Report {
    let report = crate::report::report(content, root, sources, today);
    let quoted: HashSet<&Path> = diagnostics.iter().map(|d| d.file.as_path()).collect();
    sources.retain(|path| quoted.contains(path));
    report
}

struct Rendered {
    /// HTML pages per tree, in the order of [`TREES`].
    pages: [usize; 2],
    /// The dot-files of static/ that were left out.
    skipped: Vec<PathBuf>,
}

/// The records a render reads. A build owns them and lets them go once both
/// views are made; `check` lends them, for its caller reads them after.
enum Records<'a> {
    Owned(Box<Content>),
    Lent(&'a Content),
}

/// The staff view: made beside the citizen one when the records are let go
/// early, else made from them after the citizen site.
enum StaffView<'a> {
    Made(Box<SiteView<Staff>>),
    Later(&'a Content, Shared),
}

/// Renders both trees (citizen, staff) into their sinks; `report` is the
/// staff site's data-quality page.
fn render_all(
    records: Records<'_>,
    theme: Result<Theme, RenderError>,
    report: &Report,
    today: NaiveDate,
    [citizen, staff]: [&dyn Sink; 2],
) -> Result<Rendered, RenderError> {
    let mut theme = theme?;
    let skipped = std::mem::take(&mut theme.skipped);
    let theme = &theme;
    // One site after the other, each on all cores: the pages of one site
    // already keep every core busy, and the peak memory is that of one
    // site's pages and search index instead of both at once. A build makes
    // both views first and lets the records go: the staff view is half the
    // records' size, and the records were held through both sites.
    let (citizen_view, staff_view) = match records {
        Records::Owned(content) => {
            let shared = stage("view (shared)", || Shared::new(&content, today));
            let (c, s) = rayon::join(
                || view::<Citizen>(&content, today, &shared),
                || view::<Staff>(&content, today, &shared),
            );
            (c, StaffView::Made(Box::new(s)))
        }
        Records::Lent(content) => {
            let shared = Shared::new(content, today);
            let c = view::<Citizen>(content, today, &shared);
            (c, StaffView::Later(content, shared))
        }
    };
    let c = render_tree(&citizen_view, theme, citizen)?;
    drop(citizen_view);
    crate::timing::report_tally(Citizen::NAME);
    let view = match staff_view {
        StaffView::Made(v) => *v,
        StaffView::Later(content, shared) => view::<Staff>(content, today, &shared),
    };
    let pages = render_tree(&view, theme, staff)?;
    // The data-quality report is a page of the staff site only.
    let s = pages + render::report_page(&view, report, theme, staff, None)?;
    crate::timing::report_tally(Staff::NAME);
    Ok(Rendered {
        pages: [c, s],
        skipped,
    })
}

fn view<A: Audience>(content: &Content, today: NaiveDate, shared: &Shared) -> SiteView<A> {
    stage(&format!("view ({})", A::NAME), || {
        build_view_sharing::<A>(content, today, shared)
    })
}

fn render_tree<A: Audience>(
    view: &SiteView<A>,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<usize, RenderError> {
    output::crash::point("render");
    stage(&format!("render ({})", A::NAME), || {
        render::render_site(view, theme, sink)
    })
}

/// What can stop a build once its content is valid.
enum Staged {
    Render(RenderError),
    Output(OutputError),
}

impl From<OutputError> for Staged {
    fn from(e: OutputError) -> Self {
        Staged::Output(e)
    }
}

/// Checks the site at `root`, renders it into a staging folder and swaps
/// that into `out` atomically.
pub fn build(root: &Path, out: &Path, today: NaiveDate) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let Validated {
        content,
        theme,
        mut diagnostics,
        mut sources,
    } = validated(root, today);
    let Some(content) = content else {
        return Err(BuildError::Invalid {
            diagnostics,
            sources,
        });
    };
    let report = report_then_forget(&content, root, &mut sources, &diagnostics, today);
    let rendered = output::stream_atomically(out, &TREES, |sinks| {
        let [citizen, staff] = sinks;
        let theme = theme.unwrap_or_else(|| load_theme(root, &content));
        render_all(
            Records::Owned(Box::new(content)),
            theme,
            &report,
            today,
            [citizen, staff],
        )
        .map_err(Staged::Render)
    });
    let rendered = match rendered {
        Ok(r) => r,
        Err(Staged::Output(e)) => return Err(e.into()),
        Err(Staged::Render(e)) => {
            diagnostics.push(diagnose::render_error(&e, &mut sources));
            return Err(BuildError::Invalid {
                diagnostics,
                sources,
            });
        }
    };
    for path in rendered.skipped {
        diagnostics.push(diagnose::hidden_static(root, path));
    }
    Ok(BuildReport {
        out: out.to_path_buf(),
        pages: TREES.iter().copied().zip(rendered.pages).collect(),
        warnings: diagnostics,
        sources,
        elapsed: started.elapsed(),
    })
}
