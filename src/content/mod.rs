//! Reading a site folder: TOML records and Markdown pages become the plain
//! structs of [`crate::model`]. Every file is read even when an earlier one
//! failed, so that one run reports every problem.

mod front_matter;
mod limits;
mod toml_file;

use crate::diagnostics::{Diagnostic, Diagnostics, Sources};
use crate::model::{
    Agency, Content, Page, PageMeta, Program, Roster, SiteSettings, Sourced, TopicFile,
};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

pub use limits::{MAX_DEPTH, MAX_FILE_BYTES};

/// The folders of a site, relative to its root.
pub const AGENCIES_DIR: &str = "agencies";
pub const PROGRAMS_DIR: &str = "programs";
pub const ROSTERS_DIR: &str = "rosters";
pub const PAGES_DIR: &str = "pages";

/// What reading a site folder produced: the content if every file could be
/// read, and in any case the problems found and the text of every file.
pub struct Loaded {
    pub content: Option<Content>,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

struct Reader<'a> {
    root: &'a Path,
    diagnostics: Diagnostics,
    sources: Sources,
}

pub fn load(root: &Path) -> Loaded {
    let mut r = Reader {
        root,
        diagnostics: Diagnostics::default(),
        sources: Sources::default(),
    };
    let settings = r.read_required::<SiteSettings>("site.toml");
    let topics = r.read_required::<TopicFile>("topics.toml");
    let agencies = r.read_dir::<Agency>(AGENCIES_DIR);
    let programs = r.read_dir::<Program>(PROGRAMS_DIR);
    let rosters = r.read_dir::<Roster>(ROSTERS_DIR);
    let pages = r.read_pages();
    let content = match (settings, topics) {
        (Some(settings), Some(topics)) if !r.diagnostics.has_errors() => Some(Content {
            settings,
            topics: topics
                .value
                .topic
                .into_iter()
                .map(|t| Sourced {
                    file: topics.file.clone(),
                    value: t,
                })
                .collect(),
            agencies,
            programs,
            rosters,
            pages,
        }),
        _ => None,
    };
    Loaded {
        content,
        diagnostics: r.diagnostics,
        sources: r.sources,
    }
}

impl Reader<'_> {
    fn read_required<T: DeserializeOwned>(&mut self, name: &str) -> Option<Sourced<T>> {
        let path = self.root.join(name);
        if !path.is_file() {
            self.diagnostics.push(
                Diagnostic::error("missing-file", &path, format!("`{name}` is missing")).help(
                    format!("every site folder needs `{name}`; see docs/content.md for an example"),
                ),
            );
            return None;
        }
        self.read_toml(path)
    }

    fn read_toml<T: DeserializeOwned>(&mut self, path: PathBuf) -> Option<Sourced<T>> {
        let text = self.read_text(&path)?;
        let parsed = toml_file::parse::<T>(&path, &text);
        self.sources.insert(path.clone(), text);
        match parsed {
            Ok(value) => Some(Sourced { file: path, value }),
            Err(d) => {
                self.diagnostics.push(*d);
                None
            }
        }
    }

    fn read_text(&mut self, path: &Path) -> Option<String> {
        match limits::read_capped(path) {
            Ok(text) => Some(text),
            Err(d) => {
                self.diagnostics.push(*d);
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
                Ok(e) if e.file_type().is_file() => {
                    let p = e.path();
                    if p.extension().and_then(|x| x.to_str()) == Some(ext) {
                        files.push(p.to_path_buf());
                    } else if !is_hidden(p) {
                        self.diagnostics.push(
                            Diagnostic::warning(
                                "stray-file",
                                p,
                                format!("ignored: not a .{ext} file"),
                            )
                            .help(format!(
                                "records in `{dir}/` must end in .{ext}; rename or move this file"
                            )),
                        );
                    }
                }
                Ok(_) => {}
                Err(e) => self.diagnostics.push(
                    Diagnostic::error("unreadable", &base, format!("cannot list folder: {e}"))
                        .help("check the folder's permissions"),
                ),
            }
        }
        files
    }

    fn read_dir<T: DeserializeOwned>(&mut self, dir: &str) -> Vec<Sourced<T>> {
        self.files_in(dir, "toml")
            .into_iter()
            .filter_map(|p| self.read_toml(p))
            .collect()
    }

    fn read_pages(&mut self) -> Vec<Sourced<Page>> {
        let mut pages = Vec::new();
        for path in self.files_in(PAGES_DIR, "md") {
            let Some(text) = self.read_text(&path) else {
                continue;
            };
            let slug = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match front_matter::split(&path, &text) {
                Ok((fm, body_offset)) => {
                    match toml_file::parse_at::<PageMeta>(&path, fm, fm_offset(&text)) {
                        Ok(meta) => pages.push(Sourced {
                            file: path.clone(),
                            value: Page {
                                slug,
                                meta,
                                markdown: text[body_offset..].to_string(),
                                body_offset,
                            },
                        }),
                        Err(d) => self.diagnostics.push(*d),
                    }
                }
                Err(d) => self.diagnostics.push(*d),
            }
            self.sources.insert(path, text);
        }
        pages
    }
}

fn fm_offset(text: &str) -> usize {
    text.find('\n').map_or(text.len(), |i| i + 1)
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') || n.ends_with('~'))
}
