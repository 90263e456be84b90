//! Reading a site folder: TOML records and Markdown pages become the plain
//! structs of [`crate::model`]. Every file is read even when an earlier one
//! failed, so that one run reports every problem.

mod characters;
mod entries;
mod front_matter;
mod limits;
mod placeholder;
mod toml_file;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg, Sources};
use crate::model::{
    Agency, AreaFile, Content, Line, LineFile, Meeting, Page, PageMeta, Program, Resource, Roster,
    Sheet, SiteSettings, Sourced, Topic, TopicFile, TownFile,
};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

pub use limits::{MAX_DEPTH, MAX_FILE_BYTES};

/// The folders of a site, relative to its root.
pub const AGENCIES_DIR: &str = "agencies";
pub const PROGRAMS_DIR: &str = "programs";
pub const ROSTERS_DIR: &str = "rosters";
pub const SHEETS_DIR: &str = "sheets";
pub const PAGES_DIR: &str = "pages";
pub const RESOURCES_DIR: &str = "resources";
pub const MEETINGS_DIR: &str = "meetings";

/// What reading a site folder produced: the problems found, the text of every
/// file, and the content.
///
/// `content` is given whenever `site.toml` and `topics.toml` exist, even when
/// some files had errors: a record that could not be read is replaced by a
/// placeholder that carries only its id (when one can be found), so that the
/// checks of the other files still run and report every problem in one run,
/// without follow-on errors such as "unknown agency" for the broken one.
/// Content read with errors must never be rendered: check
/// `diagnostics.has_errors()` first (as `pipeline::check` does).
pub struct Loaded {
    pub content: Option<Content>,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

struct Reader<'a> {
    root: &'a Path,
    /// The site folder: nothing outside it is ever read.
    site: &'a Path,
    diagnostics: Diagnostics,
    sources: Sources,
}

pub fn load(root: &Path) -> Loaded {
    let mut r = Reader::new(root);
    let settings = r.read_required::<Sourced<SiteSettings>>("site.toml");
    let topics = r.read_required::<Vec<Sourced<Topic>>>("topics.toml");
    let agencies = r.read_dir::<Agency>(AGENCIES_DIR);
    let programs = r.read_dir::<Program>(PROGRAMS_DIR);
    let rosters = r.read_dir::<Roster>(ROSTERS_DIR);
    let sheets = r.read_dir::<Sheet>(SHEETS_DIR);
    let pages = r.read_pages();
    let lines = r.read_lines("lines.toml");
    let areas = r.read_optional::<AreaFile>("areas.toml");
    let towns = r.read_optional::<TownFile>("towns.toml");
    let resources = r.read_dir::<Resource>(RESOURCES_DIR);
    let meetings = r.read_dir::<Meeting>(MEETINGS_DIR);
    let content = match (settings, topics) {
        (Some(settings), Some(topics)) => Some(Content {
            settings,
            topics,
            agencies,
            programs,
            rosters,
            sheets,
            pages,
            lines,
            areas,
            towns,
            resources,
            meetings,
        }),
        _ => None,
    };
    Loaded {
        content,
        diagnostics: r.diagnostics,
        sources: r.sources,
    }
}

/// Reads the record file at `path` (below the content folder `root`) again,
/// in place of the record `content` read from it, for the preview server.
/// Returns `false`, leaving `content` and `sources` as they were, unless
/// `path` is a plain file `content` already holds a record from and it reads
/// without a single diagnostic: anything else (a new file, a symlink, a
/// syntax error) needs [`load`] to be reported as a full run reports it.
pub fn reload_record(
    root: &Path,
    content: &mut Content,
    sources: &mut Sources,
    path: &Path,
) -> bool {
    let Some(dir) = path
        .strip_prefix(root)
        .ok()
        .and_then(|rel| rel.components().next())
        .and_then(|c| c.as_os_str().to_str())
    else {
        return false;
    };
    if path.extension().and_then(|x| x.to_str()) != Some("toml") {
        return false;
    }
    let mut r = Reader::new(root);
    match dir {
        AGENCIES_DIR => r.replace(&mut content.agencies, path, sources),
        PROGRAMS_DIR => r.replace(&mut content.programs, path, sources),
        ROSTERS_DIR => r.replace(&mut content.rosters, path, sources),
        SHEETS_DIR => r.replace(&mut content.sheets, path, sources),
        RESOURCES_DIR => r.replace(&mut content.resources, path, sources),
        MEETINGS_DIR => r.replace(&mut content.meetings, path, sources),
        _ => false,
    }
}

/// A required file at the root of the content folder.
trait Required: Sized {
    type File: DeserializeOwned;
    fn from_file(file: PathBuf, value: Self::File) -> Self;
    /// What stands in for the file when it could not be read.
    fn placeholder(file: PathBuf, text: Option<&str>) -> Option<Self>;
}

impl Required for Sourced<SiteSettings> {
    type File = SiteSettings;
    fn from_file(file: PathBuf, value: SiteSettings) -> Self {
        Sourced { file, value }
    }
    fn placeholder(file: PathBuf, _: Option<&str>) -> Option<Self> {
        let value = toml::from_str(placeholder::SETTINGS).ok()?;
        Some(Sourced { file, value })
    }
}

impl Required for Vec<Sourced<Topic>> {
    type File = TopicFile;
    fn from_file(file: PathBuf, value: TopicFile) -> Self {
        value
            .topic
            .into_iter()
            .map(|t| Sourced {
                file: file.clone(),
                value: t,
            })
            .collect()
    }
    fn placeholder(file: PathBuf, text: Option<&str>) -> Option<Self> {
        // Without the ids of the topics every reference to a topic would be
        // reported as unknown: better check nothing else.
        let ids = placeholder::topic_ids(text?);
        if ids.is_empty() {
            return None;
        }
        Some(
            ids.into_iter()
                .filter_map(placeholder::record::<Topic>)
                .map(|value| Sourced {
                    file: file.clone(),
                    value,
                })
                .collect(),
        )
    }
}

impl<'a> Reader<'a> {
    fn new(root: &'a Path) -> Self {
        Reader {
            root,
            site: root
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(root),
            diagnostics: Diagnostics::default(),
            sources: Sources::default(),
        }
    }

    fn read_required<T: Required>(&mut self, name: &str) -> Option<T> {
        let path = self.root.join(name);
        if std::fs::symlink_metadata(&path).is_err() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::MissingFile,
                    &path,
                    Msg::MissingFile { name: name.into() },
                )
                .help(Msg::HelpEverySiteNeeds { name: name.into() }),
            );
            return None;
        }
        let path = match entries::readable(self.site, &path) {
            Ok(path) => path,
            Err(d) => {
                self.diagnostics.push(*d);
                return None;
            }
        };
        let text = self.read_text(&path);
        let parsed = text
            .as_deref()
            .and_then(|t| self.parse_or_report::<T::File>(&path, t));
        let out = match parsed {
            Some(v) => Some(T::from_file(path.clone(), v)),
            None => T::placeholder(path.clone(), text.as_deref()),
        };
        if let Some(t) = text {
            self.sources.insert(path, t);
        }
        out
    }

    /// An optional file at the root of the content folder; `None` when it
    /// is absent or has errors (which are reported).
    fn read_optional<T: DeserializeOwned>(&mut self, name: &str) -> Option<Sourced<T>> {
        let path = self.root.join(name);
        std::fs::symlink_metadata(&path).ok()?;
        let path = match entries::readable(self.site, &path) {
            Ok(path) => path,
            Err(d) => {
                self.diagnostics.push(*d);
                return None;
            }
        };
        let text = self.read_text(&path)?;
        let parsed = self.parse_or_report::<T>(&path, &text);
        self.sources.insert(path.clone(), text);
        parsed.map(|value| Sourced { file: path, value })
    }

    /// `lines.toml` is optional: a site without fallback lines still builds
    /// (and `check` says so). Nothing refers to a line, so a file with
    /// errors needs no placeholder.
    fn read_lines(&mut self, name: &str) -> Vec<Sourced<Line>> {
        let path = self.root.join(name);
        if std::fs::symlink_metadata(&path).is_err() {
            return Vec::new();
        }
        let path = match entries::readable(self.site, &path) {
            Ok(path) => path,
            Err(d) => {
                self.diagnostics.push(*d);
                return Vec::new();
            }
        };
        let Some(text) = self.read_text(&path) else {
            return Vec::new();
        };
        let parsed = self.parse_or_report::<LineFile>(&path, &text);
        self.sources.insert(path.clone(), text);
        parsed
            .map(|f| f.line)
            .unwrap_or_default()
            .into_iter()
            .map(|value| Sourced {
                file: path.clone(),
                value,
            })
            .collect()
    }

    fn parse_or_report<T: DeserializeOwned>(&mut self, path: &Path, text: &str) -> Option<T> {
        match toml_file::parse::<T>(path, text) {
            Ok(v) => Some(v),
            Err(ds) => {
                ds.into_iter().for_each(|d| self.diagnostics.push(d));
                None
            }
        }
    }

    /// [`reload_record`] for one kind of record.
    fn replace<T: placeholder::Record>(
        &mut self,
        records: &mut [Sourced<T>],
        path: &Path,
        sources: &mut Sources,
    ) -> bool {
        let Some(i) = records.iter().position(|r| r.file == path) else {
            return false;
        };
        // A symlink resolves to another name than the one held.
        if !matches!(entries::readable(self.site, path), Ok(p) if p == path) {
            return false;
        }
        let record = self.read_record::<T>(path.to_path_buf());
        let Some(record) = record.filter(|_| self.diagnostics.is_empty()) else {
            return false;
        };
        records[i] = record;
        if let Some(text) = std::mem::take(&mut self.sources).take(path) {
            sources.insert(path.to_path_buf(), text);
        }
        true
    }

    /// A record file; a placeholder with only its id when it has errors.
    fn read_record<T: placeholder::Record>(&mut self, path: PathBuf) -> Option<Sourced<T>> {
        let text = self.read_text(&path);
        let value = match text.as_deref() {
            Some(t) => self
                .parse_or_report::<T>(&path, t)
                .or_else(|| placeholder::id_of(t, &path).and_then(placeholder::record::<T>)),
            None => placeholder::id_of("", &path).and_then(placeholder::record::<T>),
        };
        if let Some(t) = text {
            self.sources.insert(path.clone(), t);
        }
        value.map(|value| Sourced { file: path, value })
    }

    fn read_text(&mut self, path: &Path) -> Option<String> {
        match limits::read_capped(path) {
            Ok(text) => match characters::check(path, &text) {
                Some(d) => {
                    self.diagnostics.push(d);
                    self.sources.insert(path.to_path_buf(), text);
                    None
                }
                None => Some(text),
            },
            Err(e) => {
                self.diagnostics.push(*e.diagnostic);
                if let Some(lossy) = e.lossy {
                    self.sources.insert(path.to_path_buf(), lossy);
                }
                None
            }
        }
    }

    /// Files with the given extension under `root/dir`, sorted so that output and
    /// diagnostics do not depend on directory order.
    fn files_in(&mut self, dir: &str, ext: &str) -> Vec<PathBuf> {
        let base = self.root.join(dir);
        if !base.is_dir() {
            return Vec::new();
        }
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
            match entry {
                Ok(e) if e.depth() > 0 => {
                    if let Some(p) = self.record_file(e.path(), e.file_type(), dir, ext) {
                        files.push(p);
                    }
                }
                Ok(_) => {}
                Err(e) => self.diagnostics.push(
                    Diagnostic::error(
                        Code::Unreadable,
                        &base,
                        Msg::CannotListFolder {
                            error: e.to_string().into(),
                        },
                    )
                    .help(Msg::HelpFolderPermissions {}),
                ),
            }
        }
        files
    }

    /// The file to read for one entry of a record folder, if any; every
    /// entry that is not read is reported by name.
    fn record_file(
        &mut self,
        p: &Path,
        t: std::fs::FileType,
        dir: &str,
        ext: &str,
    ) -> Option<PathBuf> {
        let has_ext = p.extension().and_then(|x| x.to_str()) == Some(ext);
        if t.is_dir() {
            if has_ext {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::NotAFile,
                        p,
                        Msg::FolderNamedLikeRecord { ext: ext.into() },
                    )
                    .help(Msg::HelpRecordsAreFiles {}),
                );
            }
            return None;
        }
        if is_editor_lock(p) {
            return None;
        }
        if t.is_file() && !has_ext {
            if !is_hidden(p) {
                self.diagnostics.push(
                    Diagnostic::warning(Code::StrayFile, p, Msg::StrayFile { ext: ext.into() })
                        .help(Msg::HelpStrayFile {
                            dir: dir.into(),
                            ext: ext.into(),
                        }),
                );
            }
            return None;
        }
        match entries::readable(self.site, p) {
            Ok(target) if target.extension().and_then(|x| x.to_str()) == Some(ext) || has_ext => {
                Some(target)
            }
            Ok(_) => None,
            Err(d) => {
                self.diagnostics.push(*d);
                None
            }
        }
    }

    /// Every record file of `dir`, read and parsed on all cores (at 10,000
    /// agencies reading one after the other was half a second of a build in
    /// which the other cores waited); diagnostics and sources in file order.
    fn read_dir<T: placeholder::Record + Send>(&mut self, dir: &str) -> Vec<Sourced<T>> {
        let (root, site) = (self.root, self.site);
        let read: Vec<_> = self
            .files_in(dir, "toml")
            .into_par_iter()
            .map(|p| {
                let mut r = Reader {
                    root,
                    site,
                    diagnostics: Diagnostics::default(),
                    sources: Sources::default(),
                };
                let record = r.read_record::<T>(p);
                (record, r.diagnostics, r.sources)
            })
            .collect();
        read.into_iter()
            .filter_map(|(record, diagnostics, sources)| {
                self.diagnostics.extend(diagnostics);
                self.sources.append(sources);
                record
            })
            .collect()
    }

    fn read_pages(&mut self) -> Vec<Sourced<Page>> {
        let mut pages = Vec::new();
        for path in self.files_in(PAGES_DIR, "md") {
            let slug = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = self.read_text(&path);
            let page = text.as_deref().and_then(|text| {
                let (fm, body_offset) = match front_matter::split(&path, text) {
                    Ok(split) => split,
                    Err(d) => {
                        self.diagnostics.push(*d);
                        return None;
                    }
                };
                match toml_file::parse_at::<PageMeta>(&path, fm, fm_offset(text)) {
                    Ok(meta) => Some(Page {
                        slug: slug.clone(),
                        meta,
                        markdown: text[body_offset..].to_string(),
                        body_offset,
                    }),
                    Err(ds) => {
                        ds.into_iter().for_each(|d| self.diagnostics.push(d));
                        None
                    }
                }
            });
            // A page with errors still exists for links to it; its own links
            // are not checked.
            let page = page.or_else(|| {
                Some(Page {
                    slug,
                    meta: placeholder::page_meta(text.as_deref().unwrap_or(""))?,
                    markdown: String::new(),
                    body_offset: 0,
                })
            });
            if let Some(text) = text {
                self.sources.insert(path.clone(), text);
            }
            if let Some(value) = page {
                pages.push(Sourced { file: path, value });
            }
        }
        pages
    }
}

fn fm_offset(text: &str) -> usize {
    text.find('\n').map_or(text.len(), |i| i + 1)
}

/// Emacs marks a file being edited with a dangling symlink `.#name`.
fn is_editor_lock(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".#"))
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}
