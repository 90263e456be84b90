//! A theme is a folder with `templates/` (Tera) and `static/` (CSS, JS,
//! images). The default theme is built into the binary, so any site folder
//! builds; a site's own `themes/<name>/` replaces it, and a site's
//! `templates/` and `static/` override single files, as in Zola.

use super::{Files, RenderError};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub struct Theme {
    pub tera: Tera,
    pub static_files: Files,
}

impl Theme {
    /// Loads the theme for the site folder `root`.
    pub fn load(root: &Path, name: &str) -> Result<Theme, RenderError> {
        let folder = root.join("themes").join(name);
        let (mut templates, mut statics) = if folder.is_dir() {
            (
                read_tree(&folder.join("templates"))?,
                read_tree(&folder.join("static"))?,
            )
        } else {
            (embedded("templates"), embedded("static"))
        };
        templates.extend(read_tree(&root.join("templates"))?);
        statics.extend(read_tree(&root.join("static"))?);
        let mut tera = Tera::default();
        let raw: Vec<(String, String)> = templates
            .into_iter()
            .map(|(k, v)| (k, String::from_utf8_lossy(&v).into_owned()))
            .collect();
        tera.add_raw_templates(raw)
            .map_err(|e| RenderError::template("(theme)", &e))?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        Ok(Theme {
            tera,
            static_files: statics,
        })
    }
}

/// Tera's default escaper also escapes `/`, which turns every relative link
/// into `..&#x2F;`; correct but unreadable. These five are what HTML needs.
fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn embedded(sub: &str) -> Files {
    let mut out = Files::new();
    if let Some(dir) = DEFAULT_THEME.get_dir(sub) {
        collect_embedded(dir, sub, &mut out);
    }
    out
}

fn collect_embedded(dir: &Dir<'_>, prefix: &str, out: &mut Files) {
    for f in dir.files() {
        if let Ok(rel) = f.path().strip_prefix(prefix) {
            out.insert(slash_path(rel), f.contents().to_vec());
        }
    }
    for d in dir.dirs() {
        collect_embedded(d, prefix, out);
    }
}

/// Every file under `dir` keyed by its `/`-separated relative path; an absent
/// folder is simply empty.
fn read_tree(dir: &Path) -> Result<Files, RenderError> {
    let mut out = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| RenderError::ThemeIo {
            path: dir.display().to_string(),
            source: e.into(),
        })?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| RenderError::ThemeIo {
            path: entry.path().display().to_string(),
            source: e,
        })?;
        if let Ok(rel) = entry.path().strip_prefix(dir) {
            out.insert(slash_path(rel), bytes);
        }
    }
    Ok(out)
}

fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
