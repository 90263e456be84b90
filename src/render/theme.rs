//! A theme is a folder with `templates/` (Tera) and `static/` (CSS, JS,
//! images). The default theme is built into the binary, so any site folder
//! builds; a site's own `themes/<name>/` replaces it, and a site's
//! `templates/` and `static/` override single files, as in Zola.

use super::{Files, RenderError};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::Tera;

static DEFAULT_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// How messages name the templates built into the binary.
const BUILT_IN_TEMPLATES: &str = "(built-in default theme)/templates";

/// Where the theme's `static/` keeps files for the staff site only.
pub const STAFF_STATIC: &str = "staff";

pub struct Theme {
    pub tera: Tera,
    /// Static files of both sites, keyed by their path under `static/`.
    pub static_files: Files,
    /// `static/staff/…`: published in the staff tree only (same keys).
    pub staff_static_files: Files,
    /// Where each template was read from, for error messages.
    pub template_origins: BTreeMap<String, PathBuf>,
    /// The theme's templates folder: where a missing template belongs.
    pub templates_dir: PathBuf,
    /// Dot-files and dot-folders under a `static/` folder, left out.
    pub skipped: Vec<PathBuf>,
}

/// Which theme a site uses: resolved from `theme` in site.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeSource {
    /// The default theme built into the binary.
    BuiltIn,
    /// `themes/<name>/` of the site folder.
    Folder(PathBuf),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ThemeNameError {
    #[error("{}", super::diagnose::theme_message(self))]
    NotAName(String),
    #[error("{}", super::diagnose::theme_message(self))]
    OutsideSite(String),
    #[error("{}", super::diagnose::theme_message(self))]
    NotFound {
        name: String,
        suggestion: Option<String>,
        available: Vec<String>,
    },
}

/// The theme named `name` (none: `default`) for the site folder `root`.
/// A theme is a folder *name*: a path could publish any folder's `static/`
/// (an absolute path, `../other-site`), so it is refused.
pub fn find(root: &Path, name: Option<&str>) -> Result<ThemeSource, ThemeNameError> {
    let name = name.unwrap_or("default");
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', ':', '\0'])
        && Path::new(name).is_relative();
    if !plain {
        return Err(ThemeNameError::NotAName(name.to_string()));
    }
    let folder = root.join("themes").join(name);
    if folder.is_dir() {
        if !inside(root, &folder) {
            return Err(ThemeNameError::OutsideSite(name.to_string()));
        }
        return Ok(ThemeSource::Folder(folder));
    }
    if name == "default" {
        return Ok(ThemeSource::BuiltIn);
    }
    let mut available = theme_folders(root);
    if !available.iter().any(|a| a == "default") {
        available.push("default".to_string());
    }
    available.sort();
    let candidates: Vec<&str> = available.iter().map(String::as_str).collect();
    let suggestion = crate::diagnostics::did_you_mean(name, &candidates).map(str::to_string);
    Err(ThemeNameError::NotFound {
        name: name.to_string(),
        suggestion,
        available,
    })
}

/// Whether `path`, with every link followed, is still in the site folder.
fn inside(root: &Path, path: &Path) -> bool {
    match (std::fs::canonicalize(root), std::fs::canonicalize(path)) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

fn theme_folders(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join("themes")) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect()
}

impl Theme {
    /// Loads the theme `source` for the site folder `root`.
    pub fn load(root: &Path, source: &ThemeSource) -> Result<Theme, RenderError> {
        let mut skipped = Vec::new();
        let mut origins = BTreeMap::new();
        let templates_dir = match source {
            ThemeSource::Folder(folder) => folder.join("templates"),
            ThemeSource::BuiltIn => PathBuf::from(BUILT_IN_TEMPLATES),
        };
        let (mut templates, mut statics) = match source {
            ThemeSource::Folder(folder) => {
                let t = read_tree(&folder.join("templates"), &mut Vec::new())?;
                note_origins(&mut origins, &t, &folder.join("templates"));
                (t, read_tree(&folder.join("static"), &mut skipped)?)
            }
            ThemeSource::BuiltIn => {
                let t = embedded("templates");
                note_origins(&mut origins, &t, Path::new(BUILT_IN_TEMPLATES));
                (t, embedded("static"))
            }
        };
        let own = read_tree(&root.join("templates"), &mut Vec::new())?;
        note_origins(&mut origins, &own, &root.join("templates"));
        templates.extend(own);
        statics.extend(read_tree(&root.join("static"), &mut skipped)?);
        let prefix = format!("{STAFF_STATIC}/");
        let (staff_static_files, static_files) = statics
            .into_iter()
            .partition(|(k, _)| k.starts_with(&prefix));
        let mut tera = Tera::default();
        let raw: Vec<(String, String)> = templates
            .into_iter()
            .map(|(k, v)| (k, String::from_utf8_lossy(&v).into_owned()))
            .collect();
        // Parsed one by one first, so that a syntax error names its file.
        for (name, text) in &raw {
            tera::Template::new(name, None, text).map_err(|e| {
                RenderError::template(name, &e).in_file(origins.get(name).map(|p| p.as_path()))
            })?;
        }
        tera.add_raw_templates(raw)
            .map_err(|e| RenderError::template("(theme)", &e))?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        tera.register_filter("urlencode_strict", urlencode_strict);
        Ok(Theme {
            tera,
            static_files,
            staff_static_files,
            template_origins: origins,
            templates_dir,
            skipped,
        })
    }
}

fn note_origins(origins: &mut BTreeMap<String, PathBuf>, files: &Files, dir: &Path) {
    for name in files.keys() {
        origins.insert(name.clone(), dir.join(name));
    }
}

/// Tera's default escaper also escapes `/`, which turns every relative link
/// into `..&#x2F;`; correct but unreadable. These five are what HTML needs.
fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    let mut copied = 0;
    // The five are ASCII, so every cut falls between characters: runs of
    // text (mostly Japanese) are copied whole instead of char by char.
    for (i, b) in input.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&input[copied..i]);
        out.push_str(escaped);
        copied = i + 1;
    }
    out.push_str(&input[copied..]);
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
/// folder is simply empty. Dot-files and dot-folders (`.git/`, `.DS_Store`,
/// an editor's `.swp`) and symbolic links are never published: they are
/// noted in `skipped`.
fn read_tree(dir: &Path, skipped: &mut Vec<PathBuf>) -> Result<Files, RenderError> {
    let mut out = BTreeMap::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            // A link could publish any file on the machine: never followed.
            let hidden = e.depth() > 0
                && (e.file_name().to_string_lossy().starts_with('.') || e.path_is_symlink());
            if hidden {
                skipped.push(e.path().to_path_buf());
            }
            !hidden
        });
    for entry in walk {
        let entry = entry.map_err(|e| RenderError::ThemeIo {
            path: dir.display().to_string(),
            source: e.into(),
        })?;
        if !entry.file_type().is_file() {
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

/// Tera's own `urlencode_strict` needs its `builtins` feature (and its
/// dependencies); this is the one filter the theme needs from it: every
/// byte but ASCII letters and digits percent-encoded, for an address put
/// into a map service's query.
fn urlencode_strict(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let s = value
        .as_str()
        .ok_or_else(|| tera::Error::msg("urlencode_strict takes a string"))?;
    Ok(tera::Value::String(
        percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_the_five_and_keeps_japanese_and_slashes_as_written() {
        assert_eq!(
            escape_html(r#"<a href='../x'>"相談" & ＤＶ</a>"#),
            "&lt;a href=&#39;../x&#39;&gt;&quot;相談&quot; &amp; ＤＶ&lt;/a&gt;"
        );
        assert_eq!(escape_html("つなぐ市"), "つなぐ市");
        assert_eq!(escape_html("&"), "&amp;");
        assert_eq!(escape_html(""), "");
    }
}
