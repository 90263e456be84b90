//! The error overlay shown in the browser while the content has errors. It
//! is built here, not from the site's theme, so that it works even when the
//! theme is what is broken.

use crate::diagnostics::{Diagnostics, Msg, Severity, Sources};
use crate::messages::Lang;
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
                message: d.message.to_string(),
                help: d.help.as_ref().map(Msg::to_string),
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
        RenderError::Search(_) => Msg::OverlaySearchIndex {}.to_string(),
        RenderError::Export(_) => Msg::OverlayOpenData {}.to_string(),
        RenderError::Write { path, .. } => path.clone(),
    };
    Item {
        file,
        position: None,
        source_line: None,
        message: e.to_string(),
        help: Some(Msg::OverlayFixTheme {}.to_string()),
    }
}

fn relative(file: &Path, root: &Path) -> String {
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

const STYLE: &str = include_str!("overlay.css");

/// The overlay element: an accessible modal alert dialog, in the language
/// of the messages (Japanese unless `--lang en`).
pub fn render(items: &[Item]) -> String {
    let mut html = String::new();
    html.push_str(&format!(
        "<div id=\"tsunagu-overlay\" role=\"alertdialog\" aria-modal=\"true\" \
         aria-labelledby=\"tsunagu-overlay-title\" aria-describedby=\"tsunagu-overlay-note\" lang=\"{}\">",
        Lang::current().html()
    ));
    html.push_str(&format!("<style>{STYLE}</style>"));
    html.push_str("<div class=\"tsunagu-panel\">");
    html.push_str(&format!(
        "<h2 id=\"tsunagu-overlay-title\">{}</h2>",
        escape(
            &Msg::OverlayTitle {
                count: items.len().into()
            }
            .to_string()
        )
    ));
    html.push_str(&format!(
        "<p id=\"tsunagu-overlay-note\">{}</p><ol>",
        escape(&Msg::OverlayNote {}.to_string())
    ));
    for item in items {
        html.push_str(&render_item(item));
    }
    html.push_str(&format!(
        "</ol><button type=\"button\" data-tsunagu-close>{}</button></div></div>",
        escape(&Msg::OverlayClose {}.to_string())
    ));
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
        li.push_str(&format!(
            " <span>{}</span>",
            Msg::OverlayLineCol {
                line: line.into(),
                col: col.into()
            }
        ));
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
            "<p class=\"tsunagu-help\">{}</p>",
            escape(&Msg::OverlayHelp { help: help.into() }.to_string())
        ));
    }
    li.push_str("</li>");
    li
}

/// Shown for page requests before the first good build exists.
pub fn placeholder_page() -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} | tsunagu</title></head><body>\
         <main><h1>{}</h1><p>{}</p></main></body></html>",
        Lang::current().html(),
        escape(&Msg::WaitingTitle {}.to_string()),
        escape(&Msg::WaitingHeading {}.to_string()),
        escape(&Msg::WaitingText {}.to_string()),
    )
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
            Diagnostic::error(Code::TomlSyntax, &file, Msg::TextNeedsQuotes {})
                .at(17..18)
                .help(Msg::HelpWriteQuoted {
                    value: "<oops>".into(),
                }),
        );
        d.push(Diagnostic::warning(
            Code::Stale,
            &file,
            Msg::Stale {
                name: "a".into(),
                date: "2020-01-01".into(),
            },
        ));
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
        assert!(
            html.contains("文字列はダブルクォートで囲む必要があります"),
            "{html}"
        );
        assert!(
            html.contains("直し方：&quot;&lt;oops&gt;&quot; と書いてください"),
            "{html}"
        );
        assert!(html.contains("phone = &lt;oops&gt;"));
        assert!(html.contains("（2行目 9列目）"));
    }

    #[test]
    fn speaks_english_with_lang_en() {
        let (d, sources, root) = sample();
        let html =
            crate::messages::in_lang(Lang::En, || render(&from_diagnostics(&d, &sources, &root)));
        assert!(html.contains("lang=\"en\""));
        assert!(html.contains("Build errors: 1"));
        assert!(html.contains("text must be in double quotes"));
        assert!(html.contains("How to fix: write it as &quot;&lt;oops&gt;&quot;"));
        assert!(html.contains(">Close</button>"));
        assert!(!html.contains("行目"), "{html}");
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
