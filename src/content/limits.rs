//! Caps that keep a hostile or corrupt file from crashing the build: a size
//! limit before anything is parsed, and a nesting limit because TOML parsers
//! recurse on nested arrays and inline tables.

use crate::diagnostics::{Code, Diagnostic, Msg};
use std::path::Path;

pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
pub const MAX_DEPTH: usize = 16;

/// A file that could not be read as text: the problem, and the text as far
/// as it can be shown (a file that is not UTF-8 is shown with replacement
/// characters, so that the diagnostic can point at the first bad byte).
pub struct Unreadable {
    pub diagnostic: Box<Diagnostic>,
    pub lossy: Option<String>,
}

impl From<Box<Diagnostic>> for Unreadable {
    fn from(diagnostic: Box<Diagnostic>) -> Self {
        Unreadable {
            diagnostic,
            lossy: None,
        }
    }
}

pub fn read_capped(path: &Path) -> Result<String, Unreadable> {
    let len = std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| io_error(path, &e))?;
    if len > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                Code::FileTooLarge,
                path,
                Msg::FileTooLarge {
                    size: len.div_ceil(1024).into(),
                    limit: (MAX_FILE_BYTES / 1024).into(),
                },
            )
            .help(Msg::HelpSplitFile {}),
        )
        .into());
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Box::new(
            Diagnostic::error(Code::NotUtf8, path, Msg::Utf16 {})
                .help(Msg::HelpSaveUtf8Encoding {}),
        )
        .into());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let end = lossy[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        Unreadable {
            diagnostic: Box::new(
                Diagnostic::error(Code::NotUtf8, path, Msg::NotUtf8 {})
                    .at(at..end)
                    .label(Msg::LabelFirstNotUtf8 {})
                    .help(Msg::HelpSaveUtf8 {}),
            ),
            lossy: Some(lossy),
        }
    })
}

fn io_error(path: &Path, e: &std::io::Error) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error(
            Code::Unreadable,
            path,
            Msg::CannotReadFile {
                error: e.to_string().into(),
            },
        )
        .help(Msg::HelpCheckReadable {}),
    )
}

/// Finds the first place where nesting (outside strings and comments) goes
/// deeper than [`MAX_DEPTH`]; returns its byte offset. Nesting is `[`/`{`
/// brackets plus the dots of a dotted key (`a.b.c = 1` is three tables deep),
/// both of which the TOML parser follows by recursion.
pub fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    // Dots of the key being read; a key starts a line, or follows `{` or `,`.
    let (mut in_key, mut dots) = (true, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => i = skip_to_eol(bytes, i).saturating_sub(1),
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'[' | b'{' => {
                depth += 1;
                (in_key, dots) = (bytes[i] == b'{' || in_key, 0);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' | b',' => (in_key, dots) = (true, 0),
            b'=' => in_key = false,
            b'.' if in_key => dots += 1,
            _ => {}
        }
        if depth + dots > MAX_DEPTH {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn skip_to_eol(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] != b'\n' {
        i += 1;
    }
    i
}

/// Returns the index of the closing quote (or end of input).
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let triple = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < b.len() {
        if q == b'"' && b[j] == b'\\' {
            j += 2;
            continue;
        }
        if b[j] == q && (!triple || (j + 2 < b.len() && b[j + 1] == q && b[j + 2] == q)) {
            return if triple { j + 2 } else { j };
        }
        if !triple && b[j] == b'\n' {
            return j;
        }
        j += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_beyond_the_cap_is_found() {
        let deep = format!("a = {}1{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(too_deep(&deep), Some(4 + MAX_DEPTH));
        assert_eq!(too_deep("a = [[1, 2], [3]]\n[t]\nb = '[[[['"), None);
    }

    #[test]
    fn dotted_keys_count_as_nesting() {
        let deep = format!("x{} = 1", ".a".repeat(200_000));
        assert_eq!(too_deep(&deep), Some(1 + 2 * MAX_DEPTH));
        let header = format!("[x{}]", ".a".repeat(40));
        assert!(too_deep(&header).is_some());
        // Values with dots are not keys.
        assert_eq!(
            too_deep("a.b.c = 1.5\nd = [1.5, 2.5, 3.5]\nv = 2024-04-01"),
            None
        );
    }

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let s = format!(
            "a = \"{}\" # {}\nb = '''{}'''",
            "[".repeat(50),
            "{".repeat(50),
            "[".repeat(50)
        );
        assert_eq!(too_deep(&s), None);
    }
}
