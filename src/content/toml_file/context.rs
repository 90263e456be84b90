//! What is known about one error: the file's text, the parser's message
//! and where it points, with helpers to find the key, table and line around it.

use std::ops::Range;

/// Everything known about one error, to explain it.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) message: &'a str,
    pub(super) span: Option<Range<usize>>,
}

impl Ctx<'_> {
    /// The source line holding `at`, and where it starts.
    pub(super) fn line_at(&self, at: usize) -> (usize, &str) {
        let at = crate::diagnostics::floor_char_boundary(self.text, at.min(self.text.len()));
        let start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i);
        (start, self.text[start..end].trim_end_matches('\r'))
    }

    /// The key of the `key = value` line a value span sits on.
    pub(super) fn key_before(&self, at: usize) -> Option<String> {
        self.key_of(at).map(|(k, _)| k)
    }

    /// The key a value belongs to, and whether the value is an item of a list
    /// (`areas = ["a", 1]`).
    pub(super) fn key_of(&self, at: usize) -> Option<(String, bool)> {
        let (start, line) = self.line_at(at);
        let before =
            &line[..crate::diagnostics::floor_char_boundary(line, (at - start).min(line.len()))];
        let (key, between) = before.rsplit_once('=')?;
        let in_list = between.contains('[');
        let key = key.trim().trim_start_matches('{').trim();
        let key = key.rsplit([',', '{', '.']).next().unwrap_or(key).trim();
        let key = key.trim_matches('"');
        (!key.is_empty() && !key.contains(['[', ']', ' '])).then(|| (key.to_string(), in_list))
    }

    /// The table header (`[staff]`, `[[matter]]`) above `at`, with its line number.
    pub(super) fn table_above(&self, at: usize) -> Option<(usize, String)> {
        let at = crate::diagnostics::floor_char_boundary(self.text, at.min(self.text.len()));
        let before = &self.text[..at];
        let mut line_no = before.matches('\n').count() + 1;
        for line in before.rsplit('\n').skip(1) {
            line_no -= 1;
            let t = line.trim();
            if t.starts_with('[') {
                let header = t.split('#').next().unwrap_or(t).trim();
                return Some((line_no, header.to_string()));
            }
        }
        None
    }

    pub(super) fn snippet(&self, r: &Range<usize>) -> &str {
        let s = crate::diagnostics::floor_char_boundary(self.text, r.start.min(self.text.len()));
        let e =
            crate::diagnostics::floor_char_boundary(self.text, r.end.min(self.text.len())).max(s);
        &self.text[s..e]
    }
}

/// A span covering at least one character but never running past the line.
pub(super) fn on_one_line(text: &str, span: Range<usize>) -> Range<usize> {
    let start = crate::diagnostics::floor_char_boundary(text, span.start.min(text.len()));
    let line_end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let end = span.end.min(line_end);
    if end > start {
        return start..crate::diagnostics::floor_char_boundary(text, end).max(start);
    }
    match text[start..line_end].chars().next() {
        Some(c) => start..start + c.len_utf8(),
        None => start..start,
    }
}

/// The span of the value of a top-level `id = "…"` line.
pub(super) fn id_span(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            return None;
        }
        if let Some(rest) = t.strip_prefix("id") {
            if rest.trim_start().starts_with('=') {
                let start = offset + (line.len() - t.len());
                let end = offset + line.trim_end().len();
                return Some(start..end);
            }
        }
        offset += line.len();
    }
    None
}

pub(super) fn id_value(text: &str) -> Option<String> {
    let span = id_span(text)?;
    let line = &text[span];
    let (_, v) = line.split_once('=')?;
    let v = v.trim().trim_matches('"').trim_matches('\'');
    (!v.is_empty()).then(|| v.to_string())
}

pub(super) fn first_line(text: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() && !t.starts_with('#') {
            let start = offset + (line.len() - line.trim_start().len());
            return Some(start..offset + line.trim_end().len());
        }
        offset += line.len();
    }
    None
}
