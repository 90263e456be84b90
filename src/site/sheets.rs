//! Referral sheets (つなぐシート, 相談シート): staff-only forms. The citizen
//! view has `NoStaff` where these are, so no citizen page can render one.

use crate::model::{self, FieldKind};
use crate::routes::paths;
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct SheetView {
    pub id: String,
    pub url: String,
    pub title: String,
    pub version: Option<String>,
    pub pages: u32,
    pub source: Option<String>,
    pub topics: Vec<SheetTopicView>,
    pub sections: Vec<SectionView>,
}

#[derive(Serialize, Clone)]
pub struct SheetTopicView {
    pub label: String,
    /// The site topic, for ticking it when the sheet is opened from the plan.
    pub topic: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct SectionView {
    pub heading: Option<String>,
    pub page: u32,
    /// The section starts a new printed page.
    pub new_page: bool,
    pub note: Option<String>,
    pub fields: Vec<FieldView>,
}

#[derive(Serialize, Clone)]
pub struct FieldView {
    /// A control name unique on the sheet, `f1`, `f2` …: never personal data.
    pub name: String,
    pub label: String,
    pub kind: FieldKind,
    pub options: Vec<String>,
    pub rows: u32,
    pub columns: Vec<String>,
    pub wording: Option<String>,
    pub hint: Option<String>,
    pub row_headings: Vec<String>,
    pub fill: Vec<String>,
}

impl From<&model::Sheet> for SheetView {
    fn from(s: &model::Sheet) -> Self {
        let mut n = 0;
        let mut last_page = 1;
        let sections = s
            .sections
            .iter()
            .map(|sec| {
                let page = *sec.page.get_ref();
                let new_page = page > last_page;
                last_page = page;
                SectionView {
                    heading: sec.heading.clone(),
                    page,
                    new_page,
                    note: sec.note.clone(),
                    fields: sec
                        .fields
                        .iter()
                        .map(|f| {
                            n += 1;
                            let kind = *f.kind.get_ref();
                            FieldView {
                                name: format!("f{n}"),
                                label: f.label.clone(),
                                kind,
                                options: f.options.clone(),
                                rows: f.rows.as_ref().map_or(default_rows(kind), |r| *r.get_ref()),
                                columns: f.columns.clone(),
                                wording: f.wording.clone(),
                                hint: f.hint.clone(),
                                row_headings: f.row_headings.clone(),
                                fill: f.fill.iter().map(|x| x.get_ref().clone()).collect(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        SheetView {
            id: s.id.get_ref().clone(),
            url: paths::sheet(s.id.get_ref()),
            title: s.title.clone(),
            version: s.version.clone(),
            pages: *s.pages.get_ref(),
            source: s.source.clone(),
            topics: s
                .topics
                .iter()
                .map(|t| SheetTopicView {
                    label: t.label.clone(),
                    topic: t.topic.as_ref().map(|t| t.get_ref().clone()),
                })
                .collect(),
            sections,
        }
    }
}

fn default_rows(kind: FieldKind) -> u32 {
    match kind {
        FieldKind::Textarea => 3,
        FieldKind::Table => 4,
        FieldKind::Referral => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::SheetView;
    use crate::model::{FieldKind, Sheet};

    fn sheet(text: &str) -> SheetView {
        let s: Sheet = toml::from_str(text).expect("the sample sheet parses");
        SheetView::from(&s)
    }

    #[test]
    fn a_sheet_starts_each_paper_page_once_and_names_every_field_uniquely() {
        for (text, pages) in [
            (include_str!("../../content/sheets/tsunagu-sheet.toml"), 2),
            (
                include_str!("../../examples/morioka/content/sheets/soudan-sheet.toml"),
                2,
            ),
        ] {
            let v = sheet(text);
            assert_eq!(v.pages, pages);
            let breaks = v.sections.iter().filter(|s| s.new_page).count();
            assert_eq!(breaks as u32, pages - 1, "{}", v.title);
            let mut names: Vec<&str> = v
                .sections
                .iter()
                .flat_map(|s| &s.fields)
                .map(|f| f.name.as_str())
                .collect();
            let n = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), n, "field names are unique");
            let consent: Vec<_> = v
                .sections
                .iter()
                .flat_map(|s| &s.fields)
                .filter(|f| f.kind == FieldKind::Consent)
                .collect();
            assert_eq!(consent.len(), 1);
        }
    }

    #[test]
    fn the_consent_forms_are_the_cities_own() {
        let okayama = sheet(include_str!("../../content/sheets/tsunagu-sheet.toml"));
        let morioka = sheet(include_str!(
            "../../examples/morioka/content/sheets/soudan-sheet.toml"
        ));
        let options = |v: &SheetView| {
            v.sections
                .iter()
                .flat_map(|s| &s.fields)
                .find(|f| f.kind == FieldKind::Consent)
                .map(|f| f.options.clone())
                .unwrap_or_default()
        };
        assert_eq!(options(&okayama), ["同意する", "同意しない"]);
        assert_eq!(options(&morioka), ["同意する", "同意しない", "不明"]);
        assert_eq!(okayama.topics.len(), 12);
        assert_eq!(morioka.topics.len(), 16);
    }
}
