//! What changed between two editions of the content (R4 → R5): agencies
//! added, removed or renamed; desks added, removed or renamed; phones,
//! hours and addresses changed; and, for staff only, contacts and 内線.
//! Agencies are matched by id, desks by No. (or position). The editions are
//! two site folders or two git revisions ([`git`]); the result is text or an
//! HTML page for staff ([`html`]).

pub mod git;
pub mod html;

use crate::messages::Msg;
use crate::model::{Agency, Content, Matter, Phone};
use std::collections::BTreeMap;

/// Who the diff is for. A citizen diff never reads a staff field, so no
/// contact name or 内線 can reach it, whatever is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Citizen,
    Staff,
}

/// What one change is about; the order is the order of the review page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    AgencyAdded,
    AgencyRemoved,
    Name,
    DeskAdded,
    DeskRemoved,
    Description,
    Topic,
    Star,
    Phones,
    Hours,
    Address,
    Primary,
    Secondary,
    Extensions,
    DirectLines,
}

impl Field {
    /// Contacts, 内線 and direct lines: in the staff diff only.
    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Field::Primary | Field::Secondary | Field::Extensions | Field::DirectLines
        )
    }

    pub fn label(self) -> Msg {
        match self {
            Field::AgencyAdded => Msg::DiffAgencyAdded {},
            Field::AgencyRemoved => Msg::DiffAgencyRemoved {},
            Field::Name => Msg::DiffName {},
            Field::DeskAdded => Msg::DiffDeskAdded {},
            Field::DeskRemoved => Msg::DiffDeskRemoved {},
            Field::Description => Msg::DiffDescription {},
            Field::Topic => Msg::DiffTopic {},
            Field::Star => Msg::DiffStar {},
            Field::Phones => Msg::DiffPhones {},
            Field::Hours => Msg::DiffHours {},
            Field::Address => Msg::DiffAddress {},
            Field::Primary => Msg::DiffPrimary {},
            Field::Secondary => Msg::DiffSecondary {},
            Field::Extensions => Msg::DiffExtensions {},
            Field::DirectLines => Msg::DiffDirectLines {},
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Agency id.
    pub agency: String,
    /// The agency's name in the newer edition (the older one if removed).
    pub agency_name: String,
    /// The desk, `No.2` (or `#3` by position), when the change is a desk's.
    pub desk: Option<String>,
    pub field: Field,
    pub before: String,
    pub after: String,
}

impl Change {
    /// What changed, e.g. 「No.2 電話番号」.
    pub fn what(&self) -> String {
        match &self.desk {
            Some(d) => format!("{d} {}", self.field.label()),
            None => self.field.label().to_string(),
        }
    }
}

fn phones(p: &[Phone]) -> String {
    p.iter()
        .map(|p| p.number.get_ref().as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or("").to_string()
}

fn desk_key(m: &Matter, i: usize) -> String {
    match m.no {
        Some(n) => format!("No.{n}"),
        None => format!("#{}", i + 1),
    }
}

/// Every change from `old` to `new` that `who` may see.
pub fn diff(old: &Content, new: &Content, who: Audience) -> Vec<Change> {
    let index = |c: &Content| -> BTreeMap<String, Agency> {
        c.agencies
            .iter()
            .map(|a| (a.value.id.get_ref().clone(), a.value.clone()))
            .collect()
    };
    let (before, after) = (index(old), index(new));
    let staff = who == Audience::Staff;
    let mut out = Vec::new();
    let mut push = |a: &Agency, desk: Option<&str>, field: Field, b: String, n: String| {
        if b != n {
            out.push(Change {
                agency: a.id.get_ref().clone(),
                agency_name: a.name.clone(),
                desk: desk.map(str::to_string),
                field,
                before: b,
                after: n,
            });
        }
    };
    for (id, a) in &before {
        if !after.contains_key(id) {
            push(a, None, Field::AgencyRemoved, a.name.clone(), String::new());
        }
    }
    for (id, n) in &after {
        let Some(o) = before.get(id) else {
            push(n, None, Field::AgencyAdded, String::new(), n.name.clone());
            continue;
        };
        push(n, None, Field::Name, o.name.clone(), n.name.clone());
        push(
            n,
            None,
            Field::Address,
            opt(o.address.as_deref()),
            opt(n.address.as_deref()),
        );
        push(n, None, Field::Phones, phones(&o.phones), phones(&n.phones));
        let hours = |a: &Agency| opt(a.hours.as_ref().map(|h| h.get_ref().text()));
        push(n, None, Field::Hours, hours(o), hours(n));
        if staff {
            let s = |a: &Agency, f: fn(&crate::model::AgencyStaff) -> String| {
                a.staff.as_ref().map(f).unwrap_or_default()
            };
            push(
                n,
                None,
                Field::Extensions,
                s(o, |s| s.extensions.join("、")),
                s(n, |s| s.extensions.join("、")),
            );
            push(
                n,
                None,
                Field::DirectLines,
                s(o, |s| phones(&s.direct_lines)),
                s(n, |s| phones(&s.direct_lines)),
            );
        }
        let desks = |a: &Agency| -> BTreeMap<String, Matter> {
            a.matters
                .iter()
                .enumerate()
                .map(|(i, m)| (desk_key(m, i), m.clone()))
                .collect()
        };
        let (od, nd) = (desks(o), desks(n));
        for (k, m) in &od {
            if !nd.contains_key(k) {
                push(
                    n,
                    Some(k),
                    Field::DeskRemoved,
                    m.description.clone(),
                    String::new(),
                );
            }
        }
        for (key, m) in &nd {
            let k = Some(key.as_str());
            let Some(om) = od.get(key) else {
                push(n, k, Field::DeskAdded, String::new(), m.description.clone());
                continue;
            };
            push(
                n,
                k,
                Field::Topic,
                om.topic.get_ref().clone(),
                m.topic.get_ref().clone(),
            );
            push(
                n,
                k,
                Field::Description,
                om.description.clone(),
                m.description.clone(),
            );
            let star = |m: &Matter| if m.star { "★" } else { "" }.to_string();
            push(n, k, Field::Star, star(om), star(m));
            push(n, k, Field::Phones, phones(&om.phones), phones(&m.phones));
            let hours = |m: &Matter| opt(m.hours.as_ref().map(|h| h.get_ref().text()));
            push(n, k, Field::Hours, hours(om), hours(m));
            if !staff {
                continue;
            }
            let s = |m: &Matter, f: fn(&crate::model::MatterStaff) -> String| {
                m.staff.as_ref().map(f).unwrap_or_default()
            };
            push(
                n,
                k,
                Field::Primary,
                s(om, |s| opt(s.primary.as_deref())),
                s(m, |s| opt(s.primary.as_deref())),
            );
            push(
                n,
                k,
                Field::Secondary,
                s(om, |s| opt(s.secondary.as_deref())),
                s(m, |s| opt(s.secondary.as_deref())),
            );
            push(
                n,
                k,
                Field::Extensions,
                s(om, |s| s.extensions.join("、")),
                s(m, |s| s.extensions.join("、")),
            );
            push(
                n,
                k,
                Field::DirectLines,
                s(om, |s| phones(&s.direct_lines)),
                s(m, |s| phones(&s.direct_lines)),
            );
        }
    }
    out
}

/// One line per change, then the count.
pub fn to_text(changes: &[Change]) -> String {
    let none = Msg::DiffNone {}.to_string();
    let mut out = String::new();
    for c in changes {
        let b = if c.before.is_empty() {
            &none
        } else {
            &c.before
        };
        let a = if c.after.is_empty() { &none } else { &c.after };
        out.push_str(&format!("{}: {}: {b} → {a}\n", c.agency, c.what()));
    }
    out.push_str(&format!(
        "{}\n",
        Msg::DiffCount {
            count: changes.len().into()
        }
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(agency: &str) -> Content {
        let dir = tempfile::tempdir().expect("temp");
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/canary/content");
        let copy = dir.path().join("content");
        for e in walkdir::WalkDir::new(&root)
            .into_iter()
            .filter_map(Result::ok)
        {
            let dest = copy.join(e.path().strip_prefix(&root).expect("inside"));
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&dest).expect("mkdir");
            } else {
                std::fs::copy(e.path(), &dest).expect("copy");
            }
        }
        std::fs::write(copy.join("agencies/extra.toml"), agency).expect("write");
        crate::content::load(&copy).content.expect("loads")
    }

    #[test]
    fn phone_hours_and_contact_changes_are_found_and_contacts_stay_staff_only() {
        let r4 = content("id = \"extra\"\nname = \"旧名\"\nreading = \"えくすとら\"\nphones = [{ number = \"086-803-1254\" }]\nhours = \"平日 8:30~17:15\"\n\n[[matter]]\nno = 2\ntopic = \"kaigo\"\ndescription = \"相談\"\n\n[matter.staff]\nprimary = \"CONTACT_OLD\"\n");
        let r5 = content("id = \"extra\"\nname = \"新名\"\nreading = \"えくすとら\"\nphones = [{ number = \"086-803-9999\" }]\nhours = \"平日 9:00~17:00\"\n\n[[matter]]\nno = 2\ntopic = \"kaigo\"\ndescription = \"相談\"\n\n[matter.staff]\nprimary = \"CONTACT_NEW\"\n\n[[matter]]\nno = 3\ntopic = \"kaigo\"\ndescription = \"新しい窓口\"\n");
        let changes = diff(&r4, &r5, Audience::Staff);
        let whats: Vec<String> = changes.iter().map(Change::what).collect();
        assert_eq!(
            whats,
            [
                "名称",
                "電話番号",
                "受付時間",
                "No.2 担当者（主）",
                "No.3 窓口の追加"
            ]
        );
        let public = to_text(&diff(&r4, &r5, Audience::Citizen));
        assert!(!public.contains("CONTACT_"));
        assert!(public.contains("extra: 電話番号: 086-803-1254 → 086-803-9999"));
        assert!(public.contains("4 件の変更"), "{public}");
        assert!(to_text(&changes).contains("CONTACT_OLD → CONTACT_NEW"));
        assert!(diff(&r5, &r5, Audience::Staff).is_empty());
        let en = crate::messages::in_lang(crate::messages::Lang::En, || to_text(&changes));
        assert!(
            en.contains("extra: No.2 contact (primary): CONTACT_OLD → CONTACT_NEW"),
            "{en}"
        );
        assert!(
            en.contains("extra: No.3 desk added: (none) → 新しい窓口"),
            "{en}"
        );
    }
}
