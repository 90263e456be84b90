//! Every sentence tsunagu says to a person — diagnostics, command-line
//! messages, the serve overlay — comes from one catalogue
//! ([`catalogue.rs`](catalogue)), in Japanese (the default: webmasters are
//! municipal staff) or English (`--lang en`, or `LANG`/`LC_ALL` starting with
//! `en`).
//!
//! A message is a [`Msg`] value: an enum variant per catalogue entry, whose
//! fields are the entry's named arguments. Code that reports something can
//! only build a `Msg`, never pass a free string, so a sentence cannot be
//! written outside the catalogue, and a missing or misspelt argument is a
//! compile error. The text is made only when shown, in the language of the
//! moment, so one run can show both (the corpus snapshots do).

mod catalogue;
pub mod hours;

pub use catalogue::Msg;

use std::cell::Cell;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    // No doc comments: clap would show them under an English "Possible
    // values:" heading; `--lang`'s help names both.
    Ja,
    En,
}

/// The language chosen for this process (one person at one terminal).
static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// Set while a message is being written in a given language, so that the
    /// messages nested in its arguments follow it.
    static SCOPED: Cell<Option<Lang>> = const { Cell::new(None) };
}

impl Lang {
    /// The language messages are shown in now.
    pub fn current() -> Lang {
        SCOPED
            .get()
            .unwrap_or(match PROCESS.load(Ordering::Relaxed) {
                1 => Lang::En,
                _ => Lang::Ja,
            })
    }

    /// Chooses the language of this process; called once at the CLI edge.
    pub fn set_for_process(lang: Lang) {
        PROCESS.store(lang as u8, Ordering::Relaxed);
    }

    /// `--lang` when given, else the locale: English when `LC_ALL`,
    /// `LC_MESSAGES` or `LANG` (the first one set, as POSIX reads them)
    /// starts with `en`; Japanese otherwise.
    pub fn from_args_or_env(arg: Option<Lang>) -> Lang {
        arg.unwrap_or_else(|| {
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|k| std::env::var(k).ok())
                .find(|v| !v.is_empty())
                .unwrap_or_default();
            Lang::from_locale(&locale)
        })
    }

    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Ja
        }
    }

    /// The value of an HTML `lang` attribute.
    pub fn html(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// Runs `f` with messages shown in `lang` on this thread.
pub fn in_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = SCOPED.replace(Some(lang));
    let out = f();
    SCOPED.set(before);
    out
}

/// One named argument of a message: a value from the content (a field name,
/// a number), or another message shown in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Msg(Box<Msg>),
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) => f.pad(s),
            Arg::Msg(m) => f.pad(&m.text(Lang::current())),
        }
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

macro_rules! arg_from_display {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Text(v.to_string())
            }
        })*
    };
}
arg_from_display!(
    String,
    &str,
    &String,
    char,
    usize,
    u64,
    u32,
    i64,
    i32,
    chrono::NaiveDate,
    std::path::Display<'_>
);

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        in_lang(lang, || self.write())
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::current()))
    }
}

impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text(Lang::current()))
    }
}

/// Messages that only quote the content (a file name, a key), and so read
/// the same in both languages.
pub const QUOTES_ONLY: &[&str] = &["LabelQuoted", "LabelHtml", "NamedFile", "SubjectKey"];

/// One entry of the catalogue as written: for tests and docs/check.md.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub id: &'static str,
    /// The diagnostic code this message is the headline of, if any.
    pub code: Option<crate::diagnostics::Code>,
    pub args: &'static [&'static str],
    pub ja: &'static str,
    pub en: &'static str,
}

/// The `{name}` placeholders of a template (`{{` is a literal brace).
pub fn placeholders(template: &str) -> std::collections::BTreeSet<&str> {
    let mut out = std::collections::BTreeSet::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            rest = &tail[2..];
        } else if let Some(stripped) = tail.strip_prefix('{') {
            let end = stripped.find('}').unwrap_or(stripped.len());
            let name = stripped[..end].split(':').next().unwrap_or("");
            out.insert(name);
            rest = &stripped[end.min(stripped.len())..];
        } else {
            rest = &tail[1..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_arguments() {
        let mut problems = Vec::new();
        let mut ids = std::collections::BTreeSet::new();
        for e in Msg::ENTRIES {
            if !ids.insert(e.id) {
                problems.push(format!("{}: id twice", e.id));
            }
            for (lang, t) in [("ja", e.ja), ("en", e.en)] {
                if t.trim().is_empty() {
                    problems.push(format!("{}: no {lang} text", e.id));
                }
                let args: std::collections::BTreeSet<&str> = e.args.iter().copied().collect();
                if placeholders(t) != args {
                    problems.push(format!(
                        "{}: {lang} uses {:?}, the entry declares {:?}",
                        e.id,
                        placeholders(t),
                        args
                    ));
                }
            }
            // Japanese text in the Japanese column, and none in the English
            // one (a slip of copy and paste), apart from the domain words
            // English messages quote on purpose.
            if !e.ja.chars().any(is_japanese) && !QUOTES_ONLY.contains(&e.id) {
                problems.push(format!("{}: ja text has no Japanese", e.id));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    fn is_japanese(c: char) -> bool {
        matches!(c, '\u{3000}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
    }

    #[test]
    fn every_code_has_a_headline_in_the_catalogue() {
        for code in crate::diagnostics::Code::ALL {
            assert!(
                Msg::ENTRIES.iter().any(|e| e.code == Some(*code)),
                "no message is the headline of `{code}`"
            );
        }
    }

    #[test]
    fn nested_messages_follow_the_language_of_the_outer_one() {
        let m = Msg::WrongTypeMustBe {
            subject: Msg::SubjectThisValue {}.into(),
            expected: Msg::TypeList {}.into(),
            found: Msg::TypeText {}.into(),
        };
        assert!(m.text(Lang::Ja).contains("リスト"), "{}", m.text(Lang::Ja));
        assert!(m.text(Lang::En).contains("a list"), "{}", m.text(Lang::En));
    }

    #[test]
    fn the_locale_picks_english_only_when_it_says_so() {
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Lang::Ja);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::Ja);
        assert_eq!(Lang::from_locale(""), Lang::Ja);
    }

    #[test]
    fn placeholders_skip_escaped_braces_and_formats() {
        let p: Vec<&str> = placeholders("{a} {{x}} {n:>4}").into_iter().collect();
        assert_eq!(p, ["a", "n"]);
    }
}
