//! Caps that keep a hostile or corrupt file from crashing the build: a size
//! limit before anything is parsed, and a nesting limit because TOML parsers
//! recurse on nested arrays and inline tables.

use crate::diagnostics::Diagnostic;
use std::path::Path;

pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
pub const MAX_DEPTH: usize = 16;

pub fn read_capped(path: &Path) -> Result<String, Box<Diagnostic>> {
    let len = std::fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| io_error(path, &e))?;
    if len > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                "file-too-large",
                path,
                format!("file is {len} bytes; the limit is {MAX_FILE_BYTES} bytes"),
            )
            .help("split the records into several files (one agency or program per file)"),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Box::new(
            Diagnostic::error(
                "not-utf8",
                path,
                format!("file is not valid UTF-8 (byte {at})"),
            )
            .help("save the file as UTF-8; Excel exports are often Shift_JIS"),
        )
    })
}

fn io_error(path: &Path, e: &std::io::Error) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::error("unreadable", path, format!("cannot read file: {e}"))
            .help("check that the file exists and can be read"),
    )
}

/// Finds the first place where `[`/`{` nesting (outside strings and comments)
/// goes deeper than [`MAX_DEPTH`]; returns its byte offset.
pub fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => i = skip_to_eol(bytes, i),
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
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
