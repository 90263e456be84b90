//! Normalised text with a map back to the original bytes, and a cursor over it.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::error::{Fix, HoursError, Problem};

/// The NFKC form of a notation, one entry per normalised char, each
/// remembering which bytes of the original it came from so errors can
/// point at what the webmaster actually typed.
pub(crate) struct Norm {
    chars: Vec<char>,
    spans: Vec<Range<usize>>,
    len: usize,
}

impl Norm {
    pub(crate) fn new(text: &str) -> Norm {
        let mut chars = Vec::with_capacity(text.len());
        let mut spans = Vec::with_capacity(text.len());
        for (at, ch) in text.char_indices() {
            // Per-char NFKC keeps the span map exact; the compositions it
            // misses (half-width kana + voicing mark) never occur in this
            // notation's vocabulary.
            for n in std::iter::once(ch).nfkc() {
                chars.push(fold(n));
                spans.push(at..at + ch.len_utf8());
            }
        }
        Norm {
            chars,
            spans,
            len: text.len(),
        }
    }
}

/// Spellings that NFKC leaves distinct but which mean the same here.
fn fold(c: char) -> char {
    match c {
        '\r' => '\n',
        '\t' => ' ',
        '〜' | 'ー' | '‐' | '‑' | '–' | '—' | '―' | '−' | '－' | '-' => '~',
        '･' | '·' | '•' => '・',
        '，' | ',' | '､' => '、',
        '｡' => '。',
        '〔' | '［' | '[' | '【' => '(',
        '〕' | '］' | ']' | '】' => ')',
        '：' => ':',
        other => other,
    }
}

pub(crate) struct Cursor<'a> {
    src: &'a Norm,
    pub(crate) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(src: &'a Norm) -> Self {
        Cursor { src, pos: 0 }
    }

    pub(crate) fn peek(&self) -> Option<char> {
        self.src.chars.get(self.pos).copied()
    }

    pub(crate) fn peek_at(&self, offset: usize) -> Option<char> {
        self.src.chars.get(self.pos + offset).copied()
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.src.chars.len()
    }

    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub(crate) fn starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(i, c)| self.peek_at(i) == Some(c))
    }

    pub(crate) fn eat_str(&mut self, s: &str) -> bool {
        if self.starts_with(s) {
            self.pos += s.chars().count();
            true
        } else {
            false
        }
    }

    /// The first of `words` found here; list longer words first.
    pub(crate) fn eat_any(&mut self, words: &[&'static str]) -> Option<&'static str> {
        words.iter().copied().find(|w| self.eat_str(w))
    }

    /// Spaces only: newlines separate clauses.
    pub(crate) fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(' ' | '\u{3000}')) {
            self.pos += 1;
        }
    }

    /// A run of ASCII digits (after NFKC, so full-width ones too).
    pub(crate) fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        let mut value: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            // Saturate instead of overflowing: absurd numbers are rejected
            // by range checks later with a proper message.
            value = value.saturating_mul(10).saturating_add(d);
            self.pos += 1;
        }
        (self.pos > start).then_some(value)
    }

    pub(crate) fn digits_ahead(&self) -> usize {
        (0..)
            .take_while(|&i| self.peek_at(i).is_some_and(|c| c.is_ascii_digit()))
            .count()
    }

    /// Byte span in the original text of normalised chars `from..to`.
    pub(crate) fn span(&self, from: usize, to: usize) -> Range<usize> {
        let start = self.src.spans.get(from).map_or(self.src.len, |r| r.start);
        let end = if to > from {
            self.src.spans.get(to - 1).map_or(self.src.len, |r| r.end)
        } else {
            start
        };
        start..end.max(start)
    }

    pub(crate) fn error_from(&self, from: usize, problem: Problem, fix: Fix) -> HoursError {
        let to = self.pos.max(from + 1).min(self.src.chars.len());
        HoursError::new(problem, self.span(from, to.max(from)), fix)
    }

    /// The rest of the current clause, for "cannot read 「…」" messages.
    pub(crate) fn rest_of_clause(&self) -> (String, usize) {
        let end = (self.pos..self.src.chars.len())
            .find(|&i| matches!(self.src.chars[i], '\n' | '、' | '/' | ';' | '。'))
            .unwrap_or(self.src.chars.len());
        (self.src.chars[self.pos..end].iter().collect(), end)
    }

    pub(crate) fn error_unknown(&self, fix: Fix) -> HoursError {
        let (rest, end) = self.rest_of_clause();
        let text: String = rest.trim().chars().take(20).collect();
        HoursError::new(
            Problem::Unreadable { text },
            self.span(self.pos, end.max(self.pos + 1).min(self.src.chars.len())),
            fix,
        )
    }
}
