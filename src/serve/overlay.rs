//! The error overlay shown in the browser while the content has errors. It
//! is built here, not from the site's theme, so that it works even when the
//! theme is what is broken.

use crate::diagnostics::{Diagnostics, Severity, Sources};
use crate::render::RenderError;
use std::path::Path;

/// One problem, as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Relative to the site folder where possible.
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    pub source_line: Option<String>,
    pub message: String,
    pub help: Option<String>,
}

/// The errors among `diags` (warnings do not stop a build, so they stay in
/// the terminal).
pub fn from_diagnostics(diags: &Diagnostics, sources: &Sources, root: &Path) -> Vec<Item> {
    diags
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let position = d
                .span
                .as_ref()
                .and_then(|s| sources.line_col(&d.file, s.start));
            let source_line = position.and_then(|(line, _)| {
                let text = sources.get(&d.file)?;
                text.lines().nth(line - 1).map(str::to_string)
            });
            Item {
                file: relative(&d.file, root),
                position,
                source_line,
                message: d.message.clone(),
                help: d.help.clone(),
            }
        })
        .collect()
}

pub fn from_render_error(e: &RenderError, root: &Path) -> Item {
    let file = match e {
        RenderError::Template {
            template, origin, ..
        } => origin
            .as_deref()
            .map_or_else(|| template.clone(), |o| relative(o, root)),
        RenderError::ThemeName(_) => "content/site.toml".to_string(),
        RenderError::ThemeIo { path, .. } => relative(Path::new(path), root),
        RenderError::Search(_) => "(search index)".to_string(),
        RenderError::Export(_) => "(open data)".to_string(),
    };
    Item {
        file,
        position: None,
        source_line: None,
        message: e.to_string(),
        help: Some("テーマのテンプレートを直して保存してください。".into()),
    }
}

fn relative(file: &Path, root: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

const STYLE: &str = include_str!("overlay.css");

/// The overlay element: an accessible modal alert dialog in Japanese.
pub fn render(items: &[Item]) -> String {
    let mut html = String::new();
    html.push_str(
        "<div id=\"tsunagu-overlay\" role=\"alertdialog\" aria-modal=\"true\" \
         aria-labelledby=\"tsunagu-overlay-title\" aria-describedby=\"tsunagu-overlay-note\" lang=\"ja\">",
    );
    html.push_str(&format!("<style>{STYLE}</style>"));
    html.push_str("<div class=\"tsunagu-panel\">");
    html.push_str(&format!(
        "<h2 id=\"tsunagu-overlay-title\">ビルドエラー：{}件</h2>",
        items.len()
    ));
    html.push_str(
        "<p id=\"tsunagu-overlay-note\">内容にエラーがあるため、最後に正しくビルドできたページを表示しています。\
         ファイルを直して保存すると、この表示は消えます。</p><ol>",
    );
    for item in items {
        html.push_str(&render_item(item));
    }
    html.push_str("</ol><button type=\"button\" data-tsunagu-close>閉じる</button></div></div>");
    html
}

fn render_item(item: &Item) -> String {
    let location = match item.position {
        Some((line, col)) => format!("{}:{line}:{col}", item.file),
        None => item.file.clone(),
    };
    let mut li = format!(
        "<li><p class=\"tsunagu-where\"><code>{}</code>",
        escape(&location)
    );
    if let Some((line, col)) = item.position {
        li.push_str(&format!(" <span>（{line}行目 {col}列目）</span>"));
    }
    li.push_str(&format!(
        "</p><p class=\"tsunagu-what\">{}</p>",
        escape(&item.message)
    ));
    if let Some(src) = &item.source_line {
        li.push_str(&format!("<pre>{}</pre>", escape(src)));
    }
    if let Some(help) = &item.help {
        li.push_str(&format!(
            "<p class=\"tsunagu-help\">直し方：{}</p>",
            escape(help)
        ));
    }
    li.push_str("</li>");
    li
}

/// Shown for page requests before the first good build exists.
pub fn placeholder_page() -> String {
    "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">\
     <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
     <title>ビルドを待っています | tsunagu</title></head><body>\
     <main><h1>まだページがありません</h1><p>内容のエラーを直すと、ここにサイトが表示されます。</p></main>\
     </body></html>"
        .to_string()
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Diagnostic};
    use std::path::PathBuf;

    fn sample() -> (Diagnostics, Sources, PathBuf) {
        let root = PathBuf::from("/site");
        let file = root.join("content/agencies/a.toml");
        let mut sources = Sources::default();
        sources.insert(file.clone(), "id = \"a\"\nphone = <oops>\n".into());
        let mut d = Diagnostics::default();
        d.push(
            Diagnostic::error(Code::TomlSyntax, &file, "invalid string")
                .at(17..18)
                .help("quote the value"),
        );
        d.push(Diagnostic::warning(Code::Stale, &file, "not verified"));
        (d, sources, root)
    }

    #[test]
    fn shows_errors_with_file_line_column_and_help() {
        let (d, sources, root) = sample();
        let items = from_diagnostics(&d, &sources, &root);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].file, "content/agencies/a.toml");
        assert_eq!(items[0].position, Some((2, 9)));
        let html = render(&items);
        assert!(html.contains("content/agencies/a.toml:2:9"));
        assert!(html.contains("invalid string"));
        assert!(html.contains("quote the value"));
        assert!(html.contains("phone = &lt;oops&gt;"));
    }

    #[test]
    fn is_an_accessible_japanese_dialog() {
        let html = render(&[]);
        assert!(html.contains("role=\"alertdialog\""));
        assert!(html.contains("lang=\"ja\""));
        assert!(html.contains("<button type=\"button\" data-tsunagu-close>"));
    }

    #[test]
    fn escapes_markup_in_messages() {
        assert_eq!(
            escape("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;"
        );
    }
}
