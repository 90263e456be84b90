//! What changed between two editions of the content (R4 → R5): agencies
//! added, removed or renamed; desks added or removed; phones, hours,
//! addresses and 相談内容 changed; and, in the staff report only, contacts
//! and 内線. Agencies are matched by id, desks by No. (or position).

use crate::model::{Agency, Content, Matter, Phone};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Agency id.
    pub agency: String,
    /// What changed, e.g. 「No.2 電話番号」.
    pub what: String,
    pub before: String,
    pub after: String,
    /// Contacts and 内線: only in the staff report.
    pub staff: bool,
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

/// Every change from `old` to `new`; staff-only ones are marked.
pub fn diff(old: &Content, new: &Content) -> Vec<Change> {
    let index = |c: &Content| -> BTreeMap<String, Agency> {
        c.agencies
            .iter()
            .map(|a| (a.value.id.get_ref().clone(), a.value.clone()))
            .collect()
    };
    let (before, after) = (index(old), index(new));
    let mut out = Vec::new();
    let mut push = |agency: &str, what: &str, b: String, a: String, staff: bool| {
        if b != a {
            out.push(Change {
                agency: agency.to_string(),
                what: what.to_string(),
                before: b,
                after: a,
                staff,
            });
        }
    };
    for (id, a) in &before {
        if !after.contains_key(id) {
            push(id, "機関の削除", a.name.clone(), String::new(), false);
        }
    }
    for (id, n) in &after {
        let Some(o) = before.get(id) else {
            push(id, "機関の追加", String::new(), n.name.clone(), false);
            continue;
        };
        push(id, "名称", o.name.clone(), n.name.clone(), false);
        push(
            id,
            "所在地",
            opt(o.address.as_deref()),
            opt(n.address.as_deref()),
            false,
        );
        push(id, "電話番号", phones(&o.phones), phones(&n.phones), false);
        let hours = |a: &Agency| opt(a.hours.as_ref().map(|h| h.get_ref().text()));
        push(id, "受付時間", hours(o), hours(n), false);
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
                    id,
                    &format!("{k} 窓口の削除"),
                    m.description.clone(),
                    String::new(),
                    false,
                );
            }
        }
        for (k, m) in &nd {
            let Some(om) = od.get(k) else {
                push(
                    id,
                    &format!("{k} 窓口の追加"),
                    String::new(),
                    m.description.clone(),
                    false,
                );
                continue;
            };
            push(
                id,
                &format!("{k} 相談項目"),
                om.topic.get_ref().clone(),
                m.topic.get_ref().clone(),
                false,
            );
            push(
                id,
                &format!("{k} 相談内容"),
                om.description.clone(),
                m.description.clone(),
                false,
            );
            let star = |m: &Matter| if m.star { "★" } else { "" }.to_string();
            push(id, &format!("{k} ★"), star(om), star(m), false);
            push(
                id,
                &format!("{k} 電話番号"),
                phones(&om.phones),
                phones(&m.phones),
                false,
            );
            let hours = |m: &Matter| opt(m.hours.as_ref().map(|h| h.get_ref().text()));
            push(id, &format!("{k} 受付時間"), hours(om), hours(m), false);
            let staff = |m: &Matter, f: fn(&crate::model::MatterStaff) -> String| {
                m.staff.as_ref().map(f).unwrap_or_default()
            };
            push(
                id,
                &format!("{k} 担当者（主）"),
                staff(om, |s| opt(s.primary.as_deref())),
                staff(m, |s| opt(s.primary.as_deref())),
                true,
            );
            push(
                id,
                &format!("{k} 担当者（副）"),
                staff(om, |s| opt(s.secondary.as_deref())),
                staff(m, |s| opt(s.secondary.as_deref())),
                true,
            );
            push(
                id,
                &format!("{k} 内線"),
                staff(om, |s| s.extensions.join("、")),
                staff(m, |s| s.extensions.join("、")),
                true,
            );
        }
    }
    out
}

/// One line per change; staff-only changes only when `staff`.
pub fn to_text(changes: &[Change], staff: bool) -> String {
    let mut out = String::new();
    let shown: Vec<&Change> = changes.iter().filter(|c| staff || !c.staff).collect();
    for c in &shown {
        let b = if c.before.is_empty() {
            "（なし）"
        } else {
            &c.before
        };
        let a = if c.after.is_empty() {
            "（なし）"
        } else {
            &c.after
        };
        out.push_str(&format!("{}: {}: {b} → {a}\n", c.agency, c.what));
    }
    out.push_str(&format!("{} 件の変更\n", shown.len()));
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
        let changes = diff(&r4, &r5);
        let whats: Vec<&str> = changes.iter().map(|c| c.what.as_str()).collect();
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
        let public = to_text(&changes, false);
        assert!(!public.contains("CONTACT_"));
        assert!(public.contains("extra: 電話番号: 086-803-1254 → 086-803-9999"));
        assert!(to_text(&changes, true).contains("CONTACT_OLD → CONTACT_NEW"));
        assert!(diff(&r5, &r5).is_empty());
    }
}
