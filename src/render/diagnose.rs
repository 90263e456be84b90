//! Problems found while rendering, as diagnostics: `check` reports them
//! with everything else, so it fails wherever `build` would.

use super::{RenderError, ThemeNameError};
use crate::diagnostics::{Code, Diagnostic, Msg, Sources};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// An unknown or unsafe `theme` in site.toml, pointing at its value.
pub fn theme_name(site_toml: &Path, value: Option<Range<usize>>, e: &ThemeNameError) -> Diagnostic {
    let d = Diagnostic::error(
        match e {
            ThemeNameError::NotAName(_) | ThemeNameError::OutsideSite(_) => Code::ThemePath,
            ThemeNameError::NotFound { .. } => Code::UnknownTheme,
        },
        site_toml,
        theme_message(e),
    )
    .at_opt(value);
    match e {
        ThemeNameError::OutsideSite(_) => d
            .label(Msg::LabelLeadsOutside {})
            .help(Msg::HelpCopyTheme {}),
        ThemeNameError::NotAName(_) => d
            .label(Msg::LabelNotFolderName {})
            .help(Msg::HelpThemeName {}),
        ThemeNameError::NotFound {
            suggestion,
            available,
            ..
        } => {
            let d = d.label(Msg::LabelNoSuchTheme {});
            match suggestion {
                Some(s) => d.help(Msg::HelpDidYouMean {
                    suggestion: s.into(),
                }),
                None => d.help(Msg::HelpThemesHere {
                    available: available.join(", ").into(),
                }),
            }
        }
    }
}

/// What is wrong with a theme name, from the catalogue.
pub fn theme_message(e: &ThemeNameError) -> Msg {
    match e {
        ThemeNameError::NotAName(n) => Msg::ThemeNotAName { name: n.into() },
        ThemeNameError::OutsideSite(n) => Msg::ThemeOutsideSite { name: n.into() },
        ThemeNameError::NotFound { name, .. } => Msg::UnknownTheme { name: name.into() },
    }
}

/// A template that does not parse or render, or a theme file that cannot be
/// read: what `build` would stop on.
pub fn render_error(e: &RenderError, sources: &mut Sources) -> Diagnostic {
    let RenderError::Template {
        origin, template, ..
    } = e
    else {
        // A page that rendered but could not be written is not the theme's
        // fault: point at the output folder instead.
        let (file, help) = match e {
            RenderError::Write { .. } => ("public", Msg::HelpCheckOutputFolder {}),
            _ => ("themes", Msg::HelpFixTemplate {}),
        };
        return Diagnostic::error(
            Code::TemplateError,
            file,
            Msg::TemplateError {
                detail: e.to_string().into(),
            },
        )
        .help(help);
    };
    let file = origin.clone().unwrap_or_else(|| PathBuf::from("templates"));
    let mut d = Diagnostic::error(
        Code::TemplateError,
        &file,
        Msg::TemplateError {
            detail: e.to_string().into(),
        },
    )
    .help(Msg::HelpFixTemplate {});
    // Tera reports where a template fails to parse as `--> line:column`.
    let message = e.to_string();
    if let (Some((line, col)), Ok(text)) = (tera_position(&message), std::fs::read_to_string(&file))
    {
        if let Some(span) = span_at(&text, line, col) {
            sources.insert(file.clone(), text);
            // Tera's message repeats the source line; the span shows it
            // already, so only its explanation (`= expected …`) is kept.
            let expected = message
                .lines()
                .filter_map(|l| l.trim_start().strip_prefix("= "))
                .collect::<Vec<_>>()
                .join("; ");
            d.message = Msg::TemplateNotParsed {
                template: template.into(),
            };
            d = d.at(span).label(if expected.is_empty() {
                Msg::LabelHere {}
            } else {
                Msg::TemplateExpected {
                    detail: expected.into(),
                }
            });
        }
    }
    d
}

fn tera_position(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.find("--> ")? + 4..];
    let (line, rest) = rest.split_once(':')?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

/// The byte range of the character at 1-based `line`, `col`.
fn span_at(text: &str, line: usize, col: usize) -> Option<Range<usize>> {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let line_text = text.get(start_of_line..)?.lines().next()?;
    let col = col.checked_sub(1)?;
    match line_text.char_indices().nth(col) {
        Some((offset, c)) => Some(start_of_line + offset..start_of_line + offset + c.len_utf8()),
        // Just after the last character: the end of the line.
        None if col == line_text.chars().count() => {
            Some(start_of_line + line_text.len()..start_of_line + line_text.len())
        }
        None => None,
    }
}

/// A dot-file or dot-folder of `static/` that was left out.
pub fn hidden_static(root: &Path, path: PathBuf) -> Diagnostic {
    let shown = path
        .strip_prefix(root)
        .unwrap_or(&path)
        .display()
        .to_string();
    if path.is_symlink() {
        return Diagnostic::warning(
            Code::HiddenStatic,
            &path,
            Msg::HiddenStaticLink { path: shown.into() },
        )
        .help(Msg::HelpCopyStatic {});
    }
    Diagnostic::warning(
        Code::HiddenStatic,
        &path,
        Msg::HiddenStatic { path: shown.into() },
    )
    .help(Msg::HelpRenameDotFile {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tera_positions_become_spans() {
        let msg = "Failed to parse 'a.html'\n --> 2:4\n  |\n2 | x{{ y\n  |    ^---\n  = expected";
        assert_eq!(tera_position(msg), Some((2, 4)));
        let text = "一行目\nab{{ y\n";
        // Line 2 starts at byte 10; its column 4 is the second `{`.
        assert_eq!(span_at(text, 2, 4), Some(13..14));
        assert_eq!(span_at(text, 2, 7), Some(16..16), "end of line");
        assert_eq!(span_at(text, 2, 9), None);
        assert_eq!(span_at(text, 0, 1), None);
        assert_eq!(span_at("あ", 1, 1), Some(0..3));
    }
}
