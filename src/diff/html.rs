//! The review page for staff: the changes of a new edition grouped the way
//! a desk reads an edition (R4 → R5): agencies added and removed, names,
//! desks, phones/hours/addresses, then contacts. Rendered from the theme's
//! `diff.html` (its style is the theme's `diff.css`, included so that the
//! page is one file that opens from a shared drive); every word on it comes
//! from the message catalogue, so it follows `--lang`.

use super::{Change, Field};
use crate::messages::{Lang, Msg};
use crate::render::{RenderError, Theme};
use serde::Serialize;

#[derive(Serialize)]
struct Row<'a> {
    agency: &'a str,
    agency_id: &'a str,
    desk: &'a str,
    what: String,
    before: &'a str,
    after: &'a str,
}

#[derive(Serialize)]
struct Section<'a> {
    id: &'static str,
    title: String,
    rows: Vec<Row<'a>>,
}

/// Where each field is shown on the page.
fn section_of(f: Field) -> (&'static str, Msg) {
    match f {
        Field::AgencyAdded => ("added", Msg::DiffSectionAdded {}),
        Field::AgencyRemoved => ("removed", Msg::DiffSectionRemoved {}),
        Field::Name => ("renamed", Msg::DiffSectionRenamed {}),
        Field::DeskAdded | Field::DeskRemoved | Field::Description | Field::Topic | Field::Star => {
            ("desks", Msg::DiffSectionDesks {})
        }
        Field::Phones | Field::Hours | Field::Address => ("contact", Msg::DiffSectionContact {}),
        Field::Primary | Field::Secondary | Field::Extensions | Field::DirectLines => {
            ("staff", Msg::DiffSectionStaff {})
        }
    }
}

/// The page for `changes` from edition `old` to `new` (their names as
/// shown: a folder, or a revision and its commit).
pub fn page(
    theme: &Theme,
    changes: &[Change],
    old: &str,
    new: &str,
    staff: bool,
) -> Result<String, RenderError> {
    let mut sections: Vec<Section> = Vec::new();
    let mut sorted: Vec<&Change> = changes.iter().collect();
    sorted.sort_by_key(|c| (c.field_order(), c.agency.clone()));
    for c in sorted {
        let (id, title) = section_of(c.field);
        if sections.last().is_none_or(|s| s.id != id) {
            sections.push(Section {
                id,
                title: title.to_string(),
                rows: Vec::new(),
            });
        }
        if let Some(s) = sections.last_mut() {
            s.rows.push(Row {
                agency: &c.agency_name,
                agency_id: &c.agency,
                desk: c.desk.as_deref().unwrap_or(""),
                what: c.field.label().to_string(),
                before: &c.before,
                after: &c.after,
            });
        }
    }
    let mut cx = tera::Context::new();
    cx.insert("lang", Lang::current().html());
    cx.insert("sections", &sections);
    cx.insert("old", old);
    cx.insert("new", new);
    cx.insert("staff", &staff);
    let text: std::collections::BTreeMap<&str, String> = [
        ("title", Msg::DiffPageTitle {}),
        (
            "between",
            Msg::DiffPageBetween {
                old: old.into(),
                new: new.into(),
            },
        ),
        (
            "audience",
            if staff {
                Msg::DiffPageStaff {}
            } else {
                Msg::DiffPageCitizen {}
            },
        ),
        (
            "count",
            Msg::DiffCount {
                count: changes.len().into(),
            },
        ),
        ("no_changes", Msg::DiffPageNoChanges {}),
        ("agency", Msg::DiffColAgency {}),
        ("desk", Msg::DiffColDesk {}),
        ("what", Msg::DiffColWhat {}),
        ("before", Msg::DiffColBefore {}),
        ("after", Msg::DiffColAfter {}),
        ("none", Msg::DiffNone {}),
        ("contents", Msg::DiffPageContents {}),
    ]
    .into_iter()
    .map(|(k, m)| (k, m.to_string()))
    .collect();
    cx.insert("text", &text);
    theme
        .tera
        .render("diff.html", &cx)
        .map_err(|e| RenderError::template("diff.html", &e))
}

impl Change {
    fn field_order(&self) -> (u8, Field) {
        let order = match section_of(self.field).0 {
            "added" => 0,
            "removed" => 1,
            "renamed" => 2,
            "desks" => 3,
            "contact" => 4,
            _ => 5,
        };
        (order, self.field)
    }
}
