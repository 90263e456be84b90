//! Ids become file names and URLs: they must be safe in both, and unique even
//! on case-insensitive file systems (staff open copies on Windows shares).

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg};
use crate::model::{Content, Sourced};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

struct Id<'a> {
    id: &'a str,
    file: &'a Path,
    span: Option<Range<usize>>,
}

pub fn check(c: &Content, d: &mut Diagnostics) {
    let topics = c.topics.iter().map(|t| Id {
        id: t.value.id.get_ref(),
        file: &t.file,
        span: Some(t.value.id.span()),
    });
    check_kind("topic", topics.collect(), d);
    check_kind(
        "agency",
        one_per_file("agency", &c.agencies, |a| &a.id, d),
        d,
    );
    check_kind(
        "program",
        one_per_file("program", &c.programs, |p| &p.id, d),
        d,
    );
    check_kind(
        "roster",
        one_per_file("roster", &c.rosters, |r| &r.id, d),
        d,
    );
    check_kind("sheet", one_per_file("sheet", &c.sheets, |s| &s.id, d), d);
    check_kind(
        "resource",
        one_per_file("resource", &c.resources, |r| &r.id, d),
        d,
    );
    check_kind(
        "meeting",
        one_per_file("meeting", &c.meetings, |m| &m.id, d),
        d,
    );
    let pages = c.pages.iter().map(|p| Id {
        id: &p.value.slug,
        file: &p.file,
        span: None,
    });
    check_kind("page", pages.collect(), d);
    index_names(c, d);
}

/// The ids of records kept one per file whose id matches the file name; the
/// others are reported here and left out of the other id checks, where they
/// would only repeat the same mistake in other words.
fn one_per_file<'a, T>(
    kind: &str,
    records: &'a [Sourced<T>],
    id_of: impl Fn(&T) -> &toml::Spanned<String>,
    d: &mut Diagnostics,
) -> Vec<Id<'a>> {
    let mut ok = Vec::new();
    for r in records {
        let id = id_of(&r.value);
        let stem = r.file.file_stem().unwrap_or_default().to_string_lossy();
        if stem == id.get_ref().as_str() {
            ok.push(Id {
                id: id.get_ref(),
                file: &r.file,
                span: Some(id.span()),
            });
            continue;
        }
        let key = normalized(id.get_ref());
        let taken_by = records
            .iter()
            .find(|o| o.file != r.file && normalized(id_of(&o.value).get_ref()) == key)
            .map(|o| o.file.as_path());
        mismatch(kind, &r.file, id, &stem, taken_by, d);
    }
    ok
}

/// A record's file is named after its id, so that a webmaster looking for
/// the page `agencies/shakyo.html` finds `agencies/shakyo.toml`, and so that
/// two files can never silently claim one id.
fn mismatch(
    kind: &str,
    file: &Path,
    id: &toml::Spanned<String>,
    stem: &str,
    taken_by: Option<&Path>,
    d: &mut Diagnostics,
) {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let help = match taken_by {
        Some(other) if is_safe(stem) => Msg::HelpIdTakenWriteStem {
            id: id.get_ref().into(),
            other: other.display().into(),
            stem: stem.into(),
        },
        Some(other) => Msg::HelpIdTakenOwnId {
            id: id.get_ref().into(),
            other: other.display().into(),
        },
        None if is_safe(id.get_ref()) => Msg::HelpRenameFileTo {
            id: id.get_ref().into(),
        },
        None => Msg::HelpOneIdForBoth {
            suggestion: suggestion(id.get_ref(), None).into(),
        },
    };
    d.push(
        Diagnostic::error(
            Code::IdFileMismatch,
            file,
            Msg::IdFileMismatch {
                kind: kind_noun(kind).into(),
                id: id.get_ref().into(),
                name: name.as_ref().into(),
            },
        )
        .at(id.span())
        .label(Msg::LabelIdEqualsFileName {})
        .help(help),
    );
}

/// A kind of record ("agency", "topic" …) as a message.
pub(crate) fn kind_noun(kind: &str) -> Msg {
    match kind {
        "agency" => Msg::NounAgency {},
        "program" => Msg::NounProgram {},
        "roster" => Msg::NounRoster {},
        "topic" => Msg::NounTopic {},
        "sheet" => Msg::NounSheet {},
        "line" => Msg::NounLine {},
        _ => Msg::NounPage {},
    }
}

/// The form two ids are compared in: what a case-insensitive file system sees.
pub fn normalized(id: &str) -> String {
    id.nfkc().collect::<String>().to_lowercase()
}

fn check_kind(kind: &str, ids: Vec<Id>, d: &mut Diagnostics) {
    let mut seen: BTreeMap<String, &Id> = BTreeMap::new();
    for id in &ids {
        let key = normalized(id.id);
        if let Some(first) = seen.get(&key) {
            let message = if first.id == id.id && first.file == id.file {
                Msg::DuplicateIdInFile {
                    kind: kind_noun(kind).into(),
                    id: id.id.into(),
                }
            } else if first.id == id.id {
                Msg::DuplicateIdUsedBy {
                    kind: kind_noun(kind).into(),
                    id: id.id.into(),
                    other: first.file.display().into(),
                }
            } else {
                Msg::DuplicateIdFolded {
                    kind: kind_noun(kind).into(),
                    id: id.id.into(),
                    first: first.id.into(),
                    other: first.file.display().into(),
                }
            };
            d.push(
                Diagnostic::error(Code::DuplicateId, id.file, message)
                    .at_opt(id.span.clone())
                    .label(Msg::LabelDuplicate {})
                    .help(Msg::HelpOwnId {
                        kind: kind_noun(kind).into(),
                    }),
            );
            continue;
        }
        seen.insert(key, id);
        if is_safe(id.id) {
            continue;
        }
        if id.span.is_none() {
            // Pages take their id from the file name.
            let name = id.file.file_name().unwrap_or_default().to_string_lossy();
            d.push(
                Diagnostic::error(
                    Code::BadPageName,
                    id.file,
                    Msg::BadPageName {
                        name: name.as_ref().into(),
                    },
                )
                .help(Msg::HelpRenamePage {
                    suggestion: suggestion(id.id, None).into(),
                }),
            );
            continue;
        }
        d.push(
            Diagnostic::error(
                Code::BadId,
                id.file,
                Msg::BadId {
                    kind: kind_noun(kind).into(),
                    id: id.id.into(),
                },
            )
            .at_opt(id.span.clone())
            .label(Msg::LabelUseAz09 {})
            .help(Msg::HelpIdRomaji {
                suggestion: suggestion(id.id, (kind != "topic").then_some(id.file)).into(),
            }),
        );
    }
}

/// `index` is taken by the generated list pages (agencies/index.html …).
fn index_names(c: &Content, d: &mut Diagnostics) {
    let taken = c
        .agencies
        .iter()
        .map(|a| {
            (
                &a.file,
                a.value.id.get_ref(),
                a.value.id.span(),
                "agencies/index.html",
            )
        })
        .chain(c.programs.iter().map(|p| {
            (
                &p.file,
                p.value.id.get_ref(),
                p.value.id.span(),
                "programs/index.html",
            )
        }))
        .chain(c.sheets.iter().map(|s| {
            (
                &s.file,
                s.value.id.get_ref(),
                s.value.id.span(),
                "sheets/index.html",
            )
        }))
        .chain(c.rosters.iter().map(|r| {
            (
                &r.file,
                r.value.id.get_ref(),
                r.value.id.span(),
                "rosters/index.html",
            )
        }));
    for (file, id, span, path) in taken {
        if normalized(id) == "index" {
            d.push(
                Diagnostic::error(
                    Code::PathCollision,
                    file,
                    Msg::PathCollision {
                        id: id.into(),
                        path: path.into(),
                    },
                )
                .at(span)
                .label(Msg::LabelReservedListPage {})
                .help(Msg::HelpChooseAnotherId {}),
            );
        }
    }
}

fn is_safe(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with('-')
}

/// A safe id to suggest: the id made safe, or else the file name.
fn suggestion(id: &str, file: Option<&Path>) -> String {
    let s: String = normalized(id)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut s = s.trim_matches('-').to_string();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    if is_safe(&s) && s.chars().any(|c| c.is_ascii_alphabetic()) {
        return s;
    }
    let stem = file
        .and_then(|f| f.file_stem())
        .and_then(|s| s.to_str())
        .filter(|s| is_safe(s));
    match stem {
        Some(stem) => stem.to_string(),
        None => "soudan-center".into(),
    }
}
