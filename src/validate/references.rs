//! Records refer to each other by id; a reference to nothing would become a
//! dead link or a matter that appears under no topic.

use super::ids::normalized;
use crate::diagnostics::{did_you_mean, Code, Diagnostic, Diagnostics, Msg};
use crate::model::Content;
use std::collections::BTreeSet;
use std::path::Path;
use toml::Spanned;

pub fn check(c: &Content, d: &mut Diagnostics) {
    let topics = c.topic_ids();
    let agencies = c.agency_ids();
    for a in &c.agencies {
        for m in &a.value.matters {
            expect(&a.file, &m.topic, "topic", &topics, d);
        }
    }
    for p in &c.programs {
        for t in &p.value.topics {
            expect(&p.file, t, "topic", &topics, d);
        }
        if let Some(o) = &p.value.organiser {
            expect(&p.file, o, "agency", &agencies, d);
        }
    }
    if let Some(plan) = &c.settings.value.plan {
        let staff = plan.staff.iter().flat_map(|s| &s.start_agencies);
        for a in plan.start_agencies.iter().chain(staff) {
            expect(&c.settings.file, a, "agency", &agencies, d);
        }
    }
    for s in &c.sheets {
        for t in s.value.topics.iter().filter_map(|t| t.topic.as_ref()) {
            expect(&s.file, t, "topic", &topics, d);
        }
    }
    for r in &c.rosters {
        for m in &r.value.members {
            if let Some(a) = &m.agency {
                expect(&r.file, a, "agency", &agencies, d);
            }
        }
    }
}

pub(super) fn expect(
    file: &Path,
    r: &Spanned<String>,
    kind: &str,
    known: &[&str],
    d: &mut Diagnostics,
) {
    let id = r.get_ref();
    if known.contains(&id.as_str()) {
        return;
    }
    let normal: BTreeSet<String> = known.iter().map(|k| normalized(k)).collect();
    let help = match did_you_mean(id, known) {
        Some(s) => Msg::HelpDidYouMean {
            suggestion: s.into(),
        },
        None if normal.contains(&normalized(id)) => Msg::HelpIdsLowercase {},
        None => Msg::HelpUseExistingId {
            kind: super::ids::kind_noun(kind).into(),
            known: preview(known).into(),
        },
    };
    d.push(
        Diagnostic::error(
            Code::UnknownReference,
            file,
            Msg::UnknownReference {
                kind: super::ids::kind_noun(kind).into(),
                id: id.into(),
            },
        )
        .at(r.span())
        .label(Msg::LabelNoSuchId {
            kind: super::ids::kind_noun(kind).into(),
        })
        .help(help),
    );
}

fn preview(known: &[&str]) -> String {
    let mut v: Vec<&str> = known.to_vec();
    v.sort_unstable();
    v.dedup();
    if v.len() > 12 {
        format!("{} …", v[..12].join(", "))
    } else {
        v.join(", ")
    }
}
