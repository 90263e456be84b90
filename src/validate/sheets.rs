//! Referral sheets are forms printed and signed: a field that cannot be
//! filled in (a choice with no boxes, consent with no wording, a table with
//! no columns) or a section on a page the paper does not have would print a
//! broken form. Topic references are checked in `references`.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg};
use crate::model::{Content, FieldKind, Sheet};
use std::path::Path;

/// What the directory can fill into a sheet (see docs/content.md).
pub const FILLS: [&str; 10] = [
    "",
    "agency",
    "matter",
    "primary",
    "secondary",
    "phone",
    "direct",
    "extension",
    "fax",
    "hours",
];

pub fn check(c: &Content, d: &mut Diagnostics) {
    for s in &c.sheets {
        sheet(&s.file, &s.value, d);
    }
}

fn sheet(file: &Path, s: &Sheet, d: &mut Diagnostics) {
    let pages = *s.pages.get_ref();
    if pages == 0 || pages > 4 {
        d.push(
            Diagnostic::error(
                Code::SheetPages,
                file,
                Msg::SheetPages {
                    pages: pages.into(),
                },
            )
            .at(s.pages.span())
            .label(Msg::LabelOneToFour {})
            .help(Msg::HelpSheetPages {}),
        );
    }
    for sec in &s.sections {
        let page = *sec.page.get_ref();
        if page == 0 || page > pages.max(1) {
            d.push(
                Diagnostic::error(
                    Code::SheetPage,
                    file,
                    Msg::SheetPage {
                        page: page.into(),
                        pages: pages.into(),
                    },
                )
                .at(sec.page.span())
                .label(Msg::LabelNoSuchPage {})
                .help(Msg::HelpSheetPage {
                    pages: pages.into(),
                }),
            );
        }
        for f in &sec.fields {
            let kind = *f.kind.get_ref();
            let span = f.kind.span();
            let label = &f.label;
            match kind {
                FieldKind::Choice | FieldKind::Consent if f.options.len() < 2 => d.push(
                    Diagnostic::error(
                        Code::SheetOptions,
                        file,
                        Msg::SheetOptions {
                            label: label.into(),
                        },
                    )
                    .at(span.clone())
                    .label(Msg::LabelNeedsOptions {})
                    .help(Msg::HelpSheetOptions {}),
                ),
                _ => {}
            }
            if kind == FieldKind::Consent && f.wording.as_deref().is_none_or(str::is_empty) {
                d.push(
                    Diagnostic::error(
                        Code::SheetConsent,
                        file,
                        Msg::SheetConsent {
                            label: label.into(),
                        },
                    )
                    .at(span.clone())
                    .label(Msg::LabelAgreesTo {})
                    .help(Msg::HelpSheetConsent {}),
                );
            }
            if kind == FieldKind::Table && f.columns.is_empty() {
                d.push(
                    Diagnostic::error(
                        Code::SheetTable,
                        file,
                        Msg::SheetTable {
                            label: label.into(),
                        },
                    )
                    .at(span.clone())
                    .label(Msg::LabelNeedsColumns {})
                    .help(Msg::HelpSheetColumns {}),
                );
            }
            if kind == FieldKind::Topics && s.topics.is_empty() {
                d.push(
                    Diagnostic::error(
                        Code::SheetTopics,
                        file,
                        Msg::SheetTopics {
                            label: label.into(),
                        },
                    )
                    .at(span.clone())
                    .label(Msg::LabelNoTopicTables {})
                    .help(Msg::HelpSheetTopics {}),
                );
            }
            for x in &f.fill {
                if !FILLS.contains(&x.get_ref().as_str()) {
                    d.push(
                        Diagnostic::error(
                            Code::SheetFill,
                            file,
                            Msg::SheetFill {
                                label: label.into(),
                                value: x.get_ref().into(),
                            },
                        )
                        .at(x.span())
                        .label(Msg::LabelNotDirectoryValue {})
                        .help(Msg::HelpSheetFill {
                            allowed: FILLS[1..].join(", ").into(),
                        }),
                    );
                }
            }
            if kind == FieldKind::Handover && f.fill.len() > f.row_headings.len() {
                d.push(
                    Diagnostic::error(
                        Code::SheetFill,
                        file,
                        Msg::SheetFillRows {
                            label: label.into(),
                        },
                    )
                    .at(span.clone())
                    .label(Msg::LabelOneFillPerRow {})
                    .help(Msg::HelpSheetFillRows {}),
                );
            }
            if let Some(rows) = &f.rows {
                let n = *rows.get_ref();
                if n == 0 || n > 40 {
                    d.push(
                        Diagnostic::error(
                            Code::SheetRows,
                            file,
                            Msg::SheetRows {
                                label: label.into(),
                                rows: n.into(),
                            },
                        )
                        .at(rows.span())
                        .label(Msg::LabelOneToForty {})
                        .help(Msg::HelpSheetRows {}),
                    );
                }
            }
        }
    }
}
