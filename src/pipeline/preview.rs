//! Builds for the preview server, which keeps what the last build produced
//! and, on a change, reads and renders again only what it must.
//!
//! A saved record file is read alone and put in place of its old record;
//! the whole content is validated again (cross-references included, so an
//! edit that breaks a reference elsewhere is reported as `check` reports
//! it). Both views are built again, and every page's fingerprint (its
//! template and context, see [`crate::render::Prints`]) is compared with
//! the last good render: only pages whose inputs changed are rendered. A
//! change that is not a plain edit of existing records (site.toml,
//! topics.toml, a new or removed file, a syntax error) reads everything
//! again; a template or static file change renders every page again.
//!
//! The search index, the open-data files and a large plan's per-topic
//! files are made in a second step ([`Preview::later`]), so that the pages
//! can be shown first. That step owns what it needs and may run on another
//! thread, to be cancelled when the next save arrives.

use super::{theme_source, CONTENT_DIR, TREES};
use crate::content;
use crate::diagnostics::{Diagnostics, Sources};
use crate::model::Content;
use crate::render::{
    self, diagnose, Files, Incremental, Memory, Part, Prints, RenderError, RenderOptions, Theme,
    ThemeSource,
};
use crate::site::{build_view_sharing, Citizen, Shared, SiteView, Staff};
use crate::timing::stage;
use crate::validate;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What changed since the last build.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// Anything: read every file. `theme`: templates or static files may
    /// have changed too.
    Full { theme: bool },
    /// Templates or static files only.
    Theme,
    /// These files below the site folder, all of them under `content/`.
    Records(&'a [PathBuf]),
}

/// The files of one tree that differ from the last good build.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TreePatch {
    pub tree: &'static str,
    /// New or changed files.
    pub changed: Files,
    /// Files the tree no longer has.
    pub removed: Vec<String>,
}

impl TreePatch {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

pub enum Outcome {
    /// A good build: what changed, and the warnings.
    Built {
        patch: Vec<TreePatch>,
        diagnostics: Diagnostics,
        /// Only the changed records were read again.
        incremental: bool,
    },
    /// The content has errors (or a template failed); the last good build
    /// stands.
    Invalid { diagnostics: Diagnostics },
}

/// The content as last read.
struct Current {
    content: Content,
    /// What reading every file reported (warnings only: content that did not
    /// read cleanly is not kept).
    load_diagnostics: Diagnostics,
}

struct LoadedTheme {
    source: ThemeSource,
    /// Shared with a [`Later`] step still running.
    theme: Arc<Theme>,
    /// The dot-files of static/ that are left out, reported on every build.
    skipped: Vec<PathBuf>,
}

/// Both views of the last good build, until their search index is made.
type Views = Box<(SiteView<Citizen>, SiteView<Staff>)>;

/// The second step of a good build (the search index, the open data and a
/// large plan's per-topic files), with everything it needs, so that it can
/// run on another thread while the preview takes the next save.
pub struct Later {
    views: Views,
    theme: Arc<Theme>,
    served: Served,
    themes: u64,
}

/// The fingerprints of the second step's files as served, per tree, and
/// the theme they were made with (see [`Preview::themes`]); shared with
/// the steps, which may end after the preview has moved on.
#[derive(Default)]
struct ServedLater {
    prints: [Prints; 2],
    themes: u64,
}

type Served = Arc<Mutex<ServedLater>>;

fn lock(served: &Served) -> std::sync::MutexGuard<'_, ServedLater> {
    served.lock().unwrap_or_else(|e| e.into_inner())
}

/// What a [`Later`] step made.
pub struct LaterFiles {
    /// The files that differ from those last served.
    pub patch: Vec<TreePatch>,
    /// Kept with [`LaterPrints::keep`] once `patch` is served.
    pub prints: LaterPrints,
}

/// The fingerprints of the files a [`Later`] step made.
pub struct LaterPrints {
    prints: [Prints; 2],
    themes: u64,
    served: Served,
}

impl LaterPrints {
    /// Records that the step's files are now served: the next step makes
    /// what differs from them.
    pub fn keep(self) {
        let mut served = lock(&self.served);
        let same_theme = served.themes == self.themes;
        served.prints = self
            .prints
            .map(|p| if same_theme { p } else { p.invalidated() });
    }
}

impl Later {
    /// Makes the files, or `None` when `cancel` is set on the way (no
    /// further part is started once it is). The step before it must have
    /// ended: this one makes what differs from the files then served.
    pub fn run(self, cancel: &AtomicBool) -> Option<Result<LaterFiles, RenderError>> {
        let (citizen, staff) = &*self.views;
        let theme = &*self.theme;
        let opts = |inc| RenderOptions {
            part: Part::Later,
            incremental: Some(inc),
            cancel: Some(cancel),
        };
        let [c_prev, s_prev] = lock(&self.served).prints.clone();
        let (c_prev, s_prev) = (&c_prev, &s_prev);
        let (c_inc, s_inc) = (Incremental::new(c_prev), Incremental::new(s_prev));
        let (c_sink, s_sink) = (Memory::default(), Memory::default());
        let (c, s) = rayon::join(
            || render::render_site_with(citizen, theme, &c_sink, opts(&c_inc)),
            || render::render_site_with(staff, theme, &s_sink, opts(&s_inc)),
        );
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        if let Err(e) = c.and(s) {
            return Some(Err(e));
        }
        let [(c, c_patch), (s, s_patch)] = finish([(c_inc, c_sink), (s_inc, s_sink)]);
        Some(Ok(LaterFiles {
            patch: vec![c_patch, s_patch],
            prints: LaterPrints {
                prints: [c, s],
                themes: self.themes,
                served: self.served,
            },
        }))
    }
}

pub struct Preview {
    root: PathBuf,
    /// `None` until a full read succeeds, and again after one that failed.
    current: Option<Current>,
    /// What the last full read reported when it failed.
    load_failed: Option<Diagnostics>,
    /// The text of every file read, for diagnostics.
    sources: Sources,
    theme: Option<LoadedTheme>,
    /// Fingerprints of the last good build's pages, per tree ([`TREES`]
    /// order).
    prints: [Prints; 2],
    /// Those of the second step's files.
    served_later: Served,
    pending_search: Option<Views>,
    /// Counts the themes loaded, so that fingerprints made with an older
    /// one are not trusted.
    themes: u64,
}

impl Preview {
    pub fn new(root: PathBuf) -> Self {
        Preview {
            root,
            current: None,
            load_failed: None,
            sources: Sources::default(),
            theme: None,
            prints: Default::default(),
            served_later: Served::default(),
            pending_search: None,
            themes: 0,
        }
    }

    /// The text of the files last read, for showing diagnostics.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Builds the pages of both trees after `step`; the search index waits
    /// for [`Preview::search_index`].
    pub fn update(&mut self, step: Step, today: NaiveDate) -> Outcome {
        // Views waiting for their index are out of date now.
        self.pending_search = None;
        let (incremental, theme_changed) = match step {
            Step::Records(paths) => (self.reload(paths), false),
            Step::Theme => (self.current.is_some(), true),
            Step::Full { theme } => (false, theme),
        };
        if !incremental {
            self.load_all();
        }
        let Some(current) = &self.current else {
            return Outcome::Invalid {
                diagnostics: self.load_failed.take().unwrap_or_default(),
            };
        };
        let mut diagnostics = current.load_diagnostics.clone();
        let content = &current.content;
        diagnostics.extend(stage("validate", || {
            validate::validate(content, &self.sources, today)
        }));
        let source = match theme_source(&self.root, content) {
            Ok(s) => Some(s),
            Err(e) => {
                let theme = content.settings.value.theme.as_ref().map(|t| t.span());
                diagnostics.push(diagnose::theme_name(&content.settings.file, theme, &e));
                None
            }
        };
        let Some(source) = source.filter(|_| !diagnostics.has_errors()) else {
            return Outcome::Invalid { diagnostics };
        };
        if let Err(e) = self.use_theme(source, theme_changed) {
            diagnostics.push(diagnose::render_error(&e, &mut self.sources));
            return Outcome::Invalid { diagnostics };
        }
        if let Some(t) = &self.theme {
            for path in &t.skipped {
                diagnostics.push(diagnose::hidden_static(&self.root, path.clone()));
            }
        }
        match self.render_pages(today) {
            Ok(patch) => Outcome::Built {
                patch,
                diagnostics,
                incremental,
            },
            Err(e) => {
                diagnostics.push(diagnose::render_error(&e, &mut self.sources));
                Outcome::Invalid { diagnostics }
            }
        }
    }

    /// The second step of the last good build, when it is still to be
    /// made. Its files must be served before its fingerprints are kept
    /// ([`LaterPrints::keep`]); a step that is dropped instead leaves the
    /// fingerprints as they were.
    pub fn later(&mut self) -> Option<Later> {
        let views = self.pending_search.take()?;
        let theme = Arc::clone(&self.theme.as_ref()?.theme);
        Some(Later {
            views,
            theme,
            served: Arc::clone(&self.served_later),
            themes: self.themes,
        })
    }

    /// The second step made at once, on this thread: the files that differ
    /// from those last made.
    pub fn search_index(&mut self) -> Option<Result<Vec<TreePatch>, RenderError>> {
        let never = AtomicBool::new(false);
        match self.later()?.run(&never)? {
            Ok(made) => {
                made.prints.keep();
                Some(Ok(made.patch))
            }
            Err(e) => Some(Err(e)),
        }
    }

    /// Puts the records of `paths` in place of their old versions; `false`
    /// when that is not enough (see [`content::reload_record`]).
    fn reload(&mut self, paths: &[PathBuf]) -> bool {
        let Some(current) = &mut self.current else {
            return false;
        };
        let dir = self.root.join(CONTENT_DIR);
        // A file that had a warning when last read may have lost it.
        let warned = |p: &PathBuf| current.load_diagnostics.iter().any(|d| d.file == *p);
        // Editors and `sed -i` save by writing a scratch file and renaming
        // it over the record: gone by now, and never read.
        let scratch = |p: &PathBuf| !warned(p) && self.sources.get(p).is_none() && !p.exists();
        let records: Vec<&PathBuf> = paths.iter().filter(|p| !scratch(p)).collect();
        !paths.is_empty()
            && records.into_iter().all(|p| {
                !warned(p)
                    && content::reload_record(&dir, &mut current.content, &mut self.sources, p)
            })
    }

    fn load_all(&mut self) {
        let loaded = stage("load", || content::load(&self.root.join(CONTENT_DIR)));
        self.sources = loaded.sources;
        let ok = !loaded.diagnostics.has_errors();
        self.current = loaded.content.filter(|_| ok).map(|content| Current {
            content,
            load_diagnostics: loaded.diagnostics.clone(),
        });
        self.load_failed = (!ok).then_some(loaded.diagnostics);
    }

    /// Loads the theme when it is new or may have changed; the fingerprints
    /// of another theme's pages say nothing.
    fn use_theme(&mut self, source: ThemeSource, changed: bool) -> Result<(), RenderError> {
        if !changed && self.theme.as_ref().is_some_and(|t| t.source == source) {
            return Ok(());
        }
        self.theme = None;
        let mut theme = stage("theme", || Theme::load(&self.root, &source))?;
        let skipped = std::mem::take(&mut theme.skipped);
        self.theme = Some(LoadedTheme {
            source,
            theme: Arc::new(theme),
            skipped,
        });
        self.themes += 1;
        for tree in &mut self.prints {
            *tree = tree.invalidated();
        }
        let mut later = lock(&self.served_later);
        later.prints = later.prints.each_ref().map(Prints::invalidated);
        later.themes = self.themes;
        Ok(())
    }

    fn render_pages(&mut self, today: NaiveDate) -> Result<Vec<TreePatch>, RenderError> {
        let (Some(current), Some(theme)) = (&self.current, &self.theme) else {
            return Ok(Vec::new());
        };
        let content = &current.content;
        let theme = &theme.theme;
        let shared = stage("view (shared)", || Shared::new(content, today));
        let (citizen, staff) = rayon::join(
            || {
                stage("view (citizen)", || {
                    build_view_sharing::<Citizen>(content, today, &shared)
                })
            },
            || {
                stage("view (staff)", || {
                    build_view_sharing::<Staff>(content, today, &shared)
                })
            },
        );
        drop(shared);
        let [c_prev, s_prev] = &self.prints;
        let (c_inc, s_inc) = (Incremental::new(c_prev), Incremental::new(s_prev));
        let (c_sink, s_sink) = (Memory::default(), Memory::default());
        let opts = |inc| RenderOptions {
            part: Part::Pages,
            incremental: Some(inc),
            cancel: None,
        };
        let root = &self.root;
        let sources = &self.sources;
        let (c, s) = rayon::join(
            || {
                stage("render (citizen)", || {
                    render::render_site_with(&citizen, theme, &c_sink, opts(&c_inc))
                })
            },
            || {
                stage("render (staff)", || {
                    render::render_site_with(&staff, theme, &s_sink, opts(&s_inc))?;
                    let report = crate::report::report(content, root, sources, today);
                    render::report_page(&staff, &report, theme, &s_sink, Some(&s_inc))
                })
            },
        );
        c.and(s)?;
        let done = finish([(c_inc, c_sink), (s_inc, s_sink)]);
        let patch = self.commit(done);
        self.pending_search = Some(Box::new((citizen, staff)));
        Ok(patch)
    }

    /// Keeps the fingerprints of a successful render of the pages.
    fn commit(&mut self, done: [(Prints, TreePatch); 2]) -> Vec<TreePatch> {
        let mut patch = Vec::new();
        for (i, (prints, p)) in done.into_iter().enumerate() {
            self.prints[i] = prints;
            patch.push(p);
        }
        patch
    }
}

/// The fingerprints and the changed files of a render of both trees.
fn finish(done: [(Incremental, Memory); 2]) -> [(Prints, TreePatch); 2] {
    let mut i = 0;
    done.map(|(inc, sink)| {
        let (prints, removed) = inc.finish();
        let tree = TREES[i];
        i += 1;
        (
            prints,
            TreePatch {
                tree,
                changed: sink.into_files(),
                removed,
            },
        )
    })
}

/// Applies `patch` to `files`.
pub fn apply(files: &mut Files, patch: TreePatch) {
    for path in patch.removed {
        files.remove(&path);
    }
    files.extend(patch.changed);
}
