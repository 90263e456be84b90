//! Referral sheets are forms printed and signed: a field that cannot be
//! filled in (a choice with no boxes, consent with no wording, a table with
//! no columns) or a section on a page the paper does not have would print a
//! broken form. Topic references are checked in `references`.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
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
            Diagnostic::error(Code::SheetPages, file, format!("a sheet of {pages} pages"))
                .at(s.pages.span())
                .label("between 1 and 4")
                .help("write how many A4 pages the paper form has, e.g. `pages = 2`"),
        );
    }
    for sec in &s.sections {
        let page = *sec.page.get_ref();
        if page == 0 || page > pages.max(1) {
            d.push(
                Diagnostic::error(
                    Code::SheetPage,
                    file,
                    format!("section on page {page} of a {pages}-page sheet"),
                )
                .at(sec.page.span())
                .label("no such page")
                .help(format!(
                    "use a page from 1 to {pages}, or raise `pages` at the top of the file"
                )),
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
                        format!("field 「{label}」 has fewer than two boxes to tick"),
                    )
                    .at(span.clone())
                    .label("needs `options`")
                    .help("list the boxes as printed, e.g. `options = [\"同意する\", \"同意しない\"]`"),
                ),
                _ => {}
            }
            if kind == FieldKind::Consent && f.wording.as_deref().is_none_or(str::is_empty) {
                d.push(
                    Diagnostic::error(
                        Code::SheetConsent,
                        file,
                        format!("consent field 「{label}」 has no wording"),
                    )
                    .at(span.clone())
                    .label("the person agrees to this sentence")
                    .help("copy the sentence from the paper form into `wording = \"…\"`"),
                );
            }
            if kind == FieldKind::Table && f.columns.is_empty() {
                d.push(
                    Diagnostic::error(
                        Code::SheetTable,
                        file,
                        format!("table 「{label}」 has no columns"),
                    )
                    .at(span.clone())
                    .label("needs `columns`")
                    .help("list the column headings, e.g. `columns = [\"氏名\", \"年齢\", \"続柄\", \"備考\"]`"),
                );
            }
            if kind == FieldKind::Topics && s.topics.is_empty() {
                d.push(
                    Diagnostic::error(
                        Code::SheetTopics,
                        file,
                        format!("field 「{label}」 lists the worries, but the sheet has none"),
                    )
                    .at(span.clone())
                    .label("no [[topic]] in this file")
                    .help(
                        "add the sheet's worry list as `[[topic]]` tables with `label` and `topic`",
                    ),
                );
            }
            for x in &f.fill {
                if !FILLS.contains(&x.get_ref().as_str()) {
                    d.push(
                        Diagnostic::error(
                            Code::SheetFill,
                            file,
                            format!("field 「{label}」 cannot be filled with `{}`", x.get_ref()),
                        )
                        .at(x.span())
                        .label("not a directory value")
                        .help(format!(
                            "use one of: \"\" (leave blank), {}",
                            FILLS[1..].join(", ")
                        )),
                    );
                }
            }
            if kind == FieldKind::Handover && f.fill.len() > f.row_headings.len() {
                d.push(
                    Diagnostic::error(
                        Code::SheetFill,
                        file,
                        format!("field 「{label}」 has more `fill` values than `row_headings`"),
                    )
                    .at(span.clone())
                    .label("one `fill` per row")
                    .help("give `fill` one value per row heading, `\"\"` for a row left blank"),
                );
            }
            if let Some(rows) = &f.rows {
                let n = *rows.get_ref();
                if n == 0 || n > 40 {
                    d.push(
                        Diagnostic::error(
                            Code::SheetRows,
                            file,
                            format!("field 「{label}」 has {n} rows"),
                        )
                        .at(rows.span())
                        .label("between 1 and 40")
                        .help("write how many lines the paper form leaves for it"),
                    );
                }
            }
        }
    }
}
