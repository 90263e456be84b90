//! Areas: every `areas` value must name an area of `areas.toml`, so that the
//! lookup can tell which office serves a town; and a record's `status` must
//! agree with its opening date.

use crate::diagnostics::{did_you_mean, Code, Diagnostic, Diagnostics};
use crate::messages::Msg;
use crate::model::{AreaFile, Content, Status};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::path::Path;
use toml::Spanned;

pub fn check(c: &Content, today: NaiveDate, d: &mut Diagnostics) {
    for a in &c.agencies {
        status(&a.file, a.value.status, a.value.opens.as_ref(), today, d);
        for o in &a.value.offices {
            status(&a.file, o.status, o.opens.as_ref(), today, d);
        }
    }
    let Some(areas) = &c.areas else {
        return;
    };
    let file = &areas.file;
    let f = &areas.value;
    let kinds = names(
        file,
        f.kinds.iter().map(|k| &k.name),
        &Msg::WhatAreaKind {},
        d,
    );
    let known = names(file, f.areas.iter().map(|a| &a.name), &Msg::WhatArea {}, d);
    for k in &f.kinds {
        if let Some(p) = &k.parent {
            unknown(file, p, &kinds, &Msg::WhatAreaKind {}, d);
        }
    }
    check_areas(file, f, &kinds, &known, d);
    for a in &c.agencies {
        let offices = a.value.offices.iter().flat_map(|o| &o.areas);
        for r in a.value.areas.iter().chain(offices) {
            unknown(&a.file, r, &known, &Msg::WhatArea {}, d);
        }
    }
    for r in &c.resources {
        for a in &r.value.areas {
            unknown(&r.file, a, &known, &Msg::WhatArea {}, d);
        }
    }
    if let Some(t) = &c.towns {
        for town in &t.value.towns {
            match &town.area {
                Some(r) => unknown(&t.file, r, &known, &Msg::WhatArea {}, d),
                None => d.push(
                    Diagnostic::error(
                        Code::UnknownArea,
                        &t.file,
                        Msg::TownWithoutArea {
                            town: town.name.clone().into(),
                        },
                    )
                    .help(Msg::HelpTownArea {}),
                ),
            }
            if let Some(p) = &town.postal {
                postal(&t.file, p, d);
            }
        }
    }
}

fn check_areas(file: &Path, f: &AreaFile, kinds: &[&str], known: &[&str], d: &mut Diagnostics) {
    for a in &f.areas {
        unknown(file, &a.kind, kinds, &Msg::WhatAreaKind {}, d);
        if let Some(p) = &a.parent {
            unknown(file, p, known, &Msg::WhatArea {}, d);
        }
        for t in &a.towns {
            if let Some(r) = &t.area {
                unknown(file, r, known, &Msg::WhatArea {}, d);
            }
            if let Some(p) = &t.postal {
                postal(file, p, d);
            }
        }
    }
}

/// The names, each once; a second area of the same name is an error,
/// because a record naming it could mean either.
fn names<'a>(
    file: &Path,
    it: impl Iterator<Item = &'a Spanned<String>>,
    what: &Msg,
    d: &mut Diagnostics,
) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for n in it {
        if !seen.insert(n.get_ref().as_str()) {
            d.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    file,
                    Msg::DefinedTwice {
                        what: what.clone().into(),
                        name: n.get_ref().clone().into(),
                    },
                )
                .at(n.span())
                .label(Msg::LabelDuplicate {})
                .help(Msg::HelpOwnName {
                    what: what.clone().into(),
                }),
            );
            continue;
        }
        out.push(n.get_ref().as_str());
    }
    out
}

fn unknown(file: &Path, r: &Spanned<String>, known: &[&str], what: &Msg, d: &mut Diagnostics) {
    if known.contains(&r.get_ref().as_str()) {
        return;
    }
    d.push(unknown_area(file, r, known, what));
}

/// `unknown-area`: a name that areas.toml does not define.
fn unknown_area(file: &Path, r: &Spanned<String>, known: &[&str], what: &Msg) -> Diagnostic {
    let name = r.get_ref();
    let help = match did_you_mean(name, known).or_else(|| contained(name, known)) {
        Some(s) => Msg::HelpDidYouMean {
            suggestion: s.into(),
        },
        None if known.is_empty() => Msg::HelpAreasNoneYet {
            what: what.clone().into(),
        },
        None => Msg::HelpUseDefinedArea {
            what: what.clone().into(),
            known: preview(known).into(),
        },
    };
    let message = Msg::UnknownArea {
        what: what.clone().into(),
        name: name.clone().into(),
    };
    Diagnostic::error(Code::UnknownArea, file, message)
        .at(r.span())
        .label(Msg::LabelNoSuchArea {
            what: what.clone().into(),
        })
        .help(help)
}

/// 「北区中央福祉区」 for 「北区中央」: a known name inside the one written.
/// Japanese names are short, so string distance alone misses these.
fn contained<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .filter(|k| name.contains(**k) || k.contains(name))
        .max_by_key(|k| k.chars().count())
        .copied()
}

fn preview(known: &[&str]) -> String {
    if known.len() > 12 {
        format!("{} …", known[..12].join(", "))
    } else {
        known.join(", ")
    }
}

/// `bad-postal-code`: seven digits, with or without the hyphen.
fn postal(file: &Path, p: &Spanned<String>, d: &mut Diagnostics) {
    if crate::model::postal_digits(p.get_ref()).is_some() {
        return;
    }
    d.push(
        Diagnostic::error(
            Code::BadPostalCode,
            file,
            Msg::BadPostalCode {
                value: p.get_ref().clone().into(),
            },
        )
        .at(p.span())
        .label(Msg::LabelSevenDigits {})
        .help(Msg::HelpPostalCode {}),
    );
}

/// `bad-status`: an opening date that does not fit the status.
fn status(
    file: &Path,
    s: Status,
    opens: Option<&Spanned<toml::value::Datetime>>,
    today: NaiveDate,
    d: &mut Diagnostics,
) {
    let Some(o) = opens else {
        return;
    };
    let date = crate::model::plain_date(o.get_ref());
    if s != Status::Planned {
        d.push(
            Diagnostic::error(
                Code::BadStatus,
                file,
                Msg::OpensButNotPlanned {
                    status: s.label().into(),
                },
            )
            .at(o.span())
            .label(Msg::LabelOnlyPlannedOpens {})
            .help(Msg::HelpPlannedOrRemoveOpens {}),
        );
    } else if date.is_none() {
        d.push(
            Diagnostic::error(Code::BadStatus, file, Msg::OpensNotDate {})
                .at(o.span())
                .help(Msg::HelpPlainDate {}),
        );
    } else if date.is_some_and(|day| day <= today) {
        d.push(
            Diagnostic::warning(
                Code::BadStatus,
                file,
                Msg::OpeningDatePassed {
                    date: o.get_ref().to_string().into(),
                },
            )
            .at(o.span())
            .label(Msg::LabelStillPlanned {})
            .help(Msg::HelpDeskOpened {}),
        );
    }
}
