//! `tsunagu diff`: what changed between two editions, as text or as a
//! review page for staff. The editions are two site folders, or two git
//! revisions of the site folder `--root` (read from git's objects; the
//! working tree is not touched).

use crate::content;
use crate::diff::{self, git, Audience};
use crate::messages::Msg;
use crate::model::Content;
use crate::pipeline::CONTENT_DIR;
use crate::render::{find_theme, Theme, ThemeSource};
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The older edition: a site folder, or a git revision (HEAD~1, a tag…)
    pub old: Option<String>,
    /// The newer edition: a site folder or a git revision; without it, the
    /// site folder as it is now
    pub new: Option<String>,
    /// Two git revisions as OLD..NEW (instead of OLD NEW)
    #[arg(long, value_name = "OLD..NEW", conflicts_with_all = ["old", "new"])]
    pub rev: Option<String>,
    /// The site folder whose git history the revisions are read from
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Include contacts (担当者) and 内線: for staff only
    #[arg(long)]
    pub staff: bool,
    /// Also write the review page for staff as HTML to FILE
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// One edition, loaded; a git edition keeps its temporary folder alive.
struct Loaded {
    content: Content,
    name: String,
    _from_git: Option<git::Edition>,
}

fn load_folder(root: &Path) -> anyhow::Result<Content> {
    content::load(&root.join(CONTENT_DIR))
        .content
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{}",
                Msg::DiffUnreadable {
                    root: root.display().into()
                }
            )
        })
}

/// `spec` is a folder when one exists by that name, else a git revision.
fn load(spec: &str, root: &Path) -> anyhow::Result<Loaded> {
    let path = Path::new(spec);
    if path.is_dir() {
        return Ok(Loaded {
            content: load_folder(path)?,
            name: spec.to_string(),
            _from_git: None,
        });
    }
    let edition = git::edition(root, spec)?;
    let content = load_folder(edition.root()).with_context(|| Msg::DiffEditionRev {
        rev: spec.into(),
        commit: edition.commit.chars().take(10).collect::<String>().into(),
    })?;
    Ok(Loaded {
        content,
        name: Msg::DiffEditionRev {
            rev: spec.into(),
            commit: edition.commit.chars().take(10).collect::<String>().into(),
        }
        .to_string(),
        _from_git: Some(edition),
    })
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (old, new) = match (&args.rev, &args.old, &args.new) {
        (Some(range), _, _) => {
            let (a, b) = git::split_range(range).ok_or_else(|| {
                anyhow::anyhow!(
                    "{}",
                    Msg::DiffBadRange {
                        range: range.into()
                    }
                )
            })?;
            (load(a, &args.root)?, load(b, &args.root)?)
        }
        (None, Some(a), Some(b)) => (load(a, &args.root)?, load(b, &args.root)?),
        (None, Some(a), None) => (
            load(a, &args.root)?,
            Loaded {
                content: load_folder(&args.root)?,
                name: args.root.display().to_string(),
                _from_git: None,
            },
        ),
        (None, None, _) => anyhow::bail!("{}", Msg::DiffWhat {}),
    };
    let who = if args.staff {
        Audience::Staff
    } else {
        Audience::Citizen
    };
    let changes = diff::diff(&old.content, &new.content, who);
    print!("{}", diff::to_text(&changes));
    if let Some(file) = &args.html {
        let theme = theme_for(&args.root, &new.content)?;
        let page = diff::html::page(&theme, &changes, &old.name, &new.name, args.staff)?;
        std::fs::write(file, page).with_context(|| Msg::CannotWrite {
            path: file.display().into(),
        })?;
        eprintln!(
            "{}",
            Msg::DiffWroteHtml {
                path: file.display().into()
            }
        );
        if args.staff {
            eprintln!("{}", Msg::StaffExportNotice {});
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The site's theme when it has a review page template, else the built-in one.
fn theme_for(root: &Path, content: &Content) -> anyhow::Result<Theme> {
    let name = content.settings.value.theme.as_ref().map(|t| t.get_ref());
    if let Ok(source) = find_theme(root, name.map(String::as_str)) {
        if let Ok(theme) = Theme::load(root, &source) {
            if theme.template_origins.contains_key("diff.html") {
                return Ok(theme);
            }
        }
    }
    Ok(Theme::load(root, &ThemeSource::BuiltIn)?)
}
