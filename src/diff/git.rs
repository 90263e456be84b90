//! The content of a site as it was at a git revision, read from git's
//! objects with the `git` command (`ls-tree`, `cat-file --batch`) into a
//! temporary folder, so the edition is loaded and checked exactly as a
//! folder is. The working tree, index and HEAD are never touched.
//!
//! The `git` command rather than a library: it is what webmasters already
//! have, it reads every repository format git itself writes (packs,
//! worktrees, partial clones), and it adds no build dependency.

use crate::messages::Msg;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("{}", self.msg())]
    NoGit(String),
    #[error("{}", self.msg())]
    NotARepository(PathBuf),
    #[error("{}", self.msg())]
    UnknownRevision(String),
    #[error("{}", self.msg())]
    NoContent(String, String),
    #[error("{}", self.msg())]
    Failed(String),
}

impl GitError {
    fn msg(&self) -> Msg {
        match self {
            GitError::NoGit(e) => Msg::GitMissing {
                detail: e.as_str().into(),
            },
            GitError::NotARepository(root) => Msg::GitNotARepository {
                root: root.display().into(),
            },
            GitError::UnknownRevision(rev) => Msg::GitUnknownRevision {
                rev: rev.as_str().into(),
            },
            GitError::NoContent(rev, path) => Msg::GitNoContent {
                rev: rev.as_str().into(),
                path: path.as_str().into(),
            },
            GitError::Failed(e) => Msg::GitFailed {
                detail: e.as_str().into(),
            },
        }
    }
}

/// A site folder holding `content/` as it was at one revision; removed when
/// dropped.
pub struct Edition {
    dir: tempfile::TempDir,
    /// The commit the revision named, for the page's heading.
    pub commit: String,
    pub rev: String,
}

impl Edition {
    /// The site folder (it holds `content/`).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

/// Splits `OLD..NEW` (`--rev`).
pub fn split_range(range: &str) -> Option<(&str, &str)> {
    let (a, b) = range.split_once("..")?;
    let b = b.strip_prefix('.').unwrap_or(b);
    (!a.is_empty() && !b.is_empty()).then_some((a, b))
}

fn git(root: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(root);
    // Messages from git are read here, not shown: keep them stable.
    c.env("LC_ALL", "C");
    c
}

fn run(root: &Path, args: &[&str]) -> Result<std::process::Output, GitError> {
    git(root)
        .args(args)
        .output()
        .map_err(|e| GitError::NoGit(e.to_string()))
}

/// The content of the site folder `root` at revision `rev`.
pub fn edition(root: &Path, rev: &str) -> Result<Edition, GitError> {
    let inside = run(root, &["rev-parse", "--is-inside-work-tree"])?;
    if !inside.status.success() {
        return Err(GitError::NotARepository(root.to_path_buf()));
    }
    // A revision is never read as an option (`--output=…`).
    if rev.starts_with('-') {
        return Err(GitError::UnknownRevision(rev.to_string()));
    }
    let verify = run(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )?;
    if !verify.status.success() {
        return Err(GitError::UnknownRevision(rev.to_string()));
    }
    let commit = String::from_utf8_lossy(&verify.stdout).trim().to_string();
    let prefix = run(root, &["rev-parse", "--show-prefix"])?;
    let prefix = String::from_utf8_lossy(&prefix.stdout).trim().to_string();
    let content = format!("{prefix}{}", crate::pipeline::CONTENT_DIR);
    let listed = run(
        root,
        &[
            "ls-tree",
            "-r",
            "-z",
            "--full-tree",
            &commit,
            "--",
            &content,
        ],
    )?;
    if !listed.status.success() {
        return Err(GitError::Failed(
            String::from_utf8_lossy(&listed.stderr).trim().to_string(),
        ));
    }
    let mut files = Vec::new();
    for entry in listed.stdout.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (Some(mode), Some("blob"), Some(oid)) = (meta.next(), meta.next(), meta.next()) else {
            continue;
        };
        let Some(rel) = path.strip_prefix(&prefix) else {
            continue;
        };
        files.push((mode.to_string(), oid.to_string(), rel.to_string()));
    }
    if files.is_empty() {
        return Err(GitError::NoContent(rev.to_string(), content));
    }
    let dir = tempfile::tempdir().map_err(|e| GitError::Failed(e.to_string()))?;
    write_blobs(root, dir.path(), &files)?;
    Ok(Edition {
        dir,
        commit,
        rev: rev.to_string(),
    })
}

/// Writes each blob to `dir/<path>` with one `git cat-file --batch`.
fn write_blobs(
    root: &Path,
    dir: &Path,
    files: &[(String, String, String)],
) -> Result<(), GitError> {
    let failed = |e: std::io::Error| GitError::Failed(e.to_string());
    let mut child = git(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| GitError::NoGit(e.to_string()))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| GitError::Failed("stdin".into()))?;
    let ids: String = files.iter().map(|(_, oid, _)| format!("{oid}\n")).collect();
    // Written from another thread: git answers while it reads, and a full
    // pipe each way would block both.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(ids.as_bytes());
    });
    let mut out = BufReader::new(
        child
            .stdout
            .take()
            .ok_or_else(|| GitError::Failed("stdout".into()))?,
    );
    for (mode, _, rel) in files {
        let mut header = String::new();
        out.read_line(&mut header).map_err(failed)?;
        let size: usize = header
            .split(' ')
            .nth(2)
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| GitError::Failed(header.trim().to_string()))?;
        let mut body = vec![0; size + 1];
        out.read_exact(&mut body).map_err(failed)?;
        body.pop();
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(failed)?;
        }
        if mode == "120000" {
            // A symbolic link stays one, so that the loader refuses a link
            // that leads out of the site as it does in a folder.
            #[cfg(unix)]
            std::os::unix::fs::symlink(String::from_utf8_lossy(&body).as_ref(), &target)
                .map_err(failed)?;
        } else {
            std::fs::write(&target, body).map_err(failed)?;
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::split_range;

    #[test]
    fn ranges_split_on_two_or_three_dots() {
        assert_eq!(split_range("HEAD~1..HEAD"), Some(("HEAD~1", "HEAD")));
        assert_eq!(split_range("r4...r5"), Some(("r4", "r5")));
        assert_eq!(split_range("HEAD"), None);
        assert_eq!(split_range("..HEAD"), None);
    }
}
