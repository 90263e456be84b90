//! Characters a person cannot see but a parser trips on. Found before the
//! TOML parser runs, because its own words for them mislead: a file with
//! old Mac line endings (CR only) is one long line, which looked "empty"
//! when it started with a comment, and a control character pasted from
//! another program was reported as an unclosed string.

use crate::diagnostics::{Code, Diagnostic, Msg};
use std::path::Path;

/// The first invisible character that would break the file, as an error.
pub fn check(path: &Path, text: &str) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    if let Some(at) =
        (0..bytes.len()).find(|&i| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
    {
        return Some(
            Diagnostic::error(Code::LineEndings, path, Msg::CrLineEndings {})
                .at(at..at + 1)
                .label(Msg::LabelCrLineBreak {})
                .help(Msg::HelpSaveLineEndings {}),
        );
    }
    let (at, c) = text
        .char_indices()
        .find(|&(_, c)| is_invisible_control(c))?;
    Some(
        Diagnostic::error(
            Code::ControlCharacter,
            path,
            Msg::ControlCharacter {
                codepoint: format!("{:04X}", c as u32).into(),
            },
        )
        .at(at..at + c.len_utf8())
        .label(Msg::LabelInvisible {})
        .help(Msg::HelpDeleteInvisible {}),
    )
}

/// Control characters other than tab and line breaks, which TOML refuses
/// everywhere and which would be invisible in a published page.
fn is_invisible_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::check;
    use std::path::Path;

    fn code(text: &str) -> Option<&'static str> {
        check(Path::new("a.toml"), text).map(|d| d.code.as_str())
    }

    #[test]
    fn bare_carriage_returns_and_control_characters_are_found() {
        assert_eq!(code("# c\rid = \"a\"\r"), Some("line-endings"));
        assert_eq!(code("name = \"地域\u{7}包括\""), Some("control-character"));
        assert_eq!(code("a = 1\u{7f}"), Some("control-character"));
        assert_eq!(code("a = \"x\"\r\nb = \"\ty\"\n"), None);
    }
}
