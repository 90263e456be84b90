//! The lookup 「お住まいの地域の窓口」: towns and areas from `areas.toml` and
//! `towns.toml`, and per topic the desks and district offices with the areas
//! they serve. Built from an audience's topic and agency views, so it holds
//! only what that audience's pages show (a closed office is not in the
//! citizen lookup; no staff field is in either).

use super::agencies::{AgencyView, OfficeView};
use super::refs::PhoneView;
use super::topics::TopicView;
use super::Audience;
use crate::model::{self, Content};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize, Clone)]
pub struct LookupView {
    pub kinds: Vec<LookupKind>,
    pub areas: Vec<LookupArea>,
    /// `[name, reading, postal digits, area index]`: arrays, not objects,
    /// because a city has hundreds of towns and the file loads on a phone.
    pub towns: Vec<(String, String, String, usize)>,
    /// Where the town list comes from (Japan Post's list).
    pub source: Option<String>,
    pub topics: Vec<LookupTopic>,
}

#[derive(Serialize, Clone)]
pub struct LookupKind {
    pub name: String,
    pub count: Option<u32>,
    pub note: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct LookupArea {
    pub name: String,
    pub reading: String,
    pub kind: String,
    /// Index of the wider area.
    pub parent: Option<usize>,
    /// The whole municipality.
    pub whole: bool,
    pub note: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct LookupTopic {
    pub id: String,
    pub label: String,
    pub url: String,
    pub offices: Vec<LookupOffice>,
}

/// A desk, or one office of a group, with the areas it serves.
#[derive(Serialize, Clone)]
pub struct LookupOffice {
    /// The agency, or for an office the group it belongs to.
    pub agency: String,
    pub url: String,
    /// The office's own name when it is one office of a group.
    pub office: Option<String>,
    pub areas: Vec<usize>,
    pub phones: Vec<PhoneView>,
    pub hours: Option<String>,
    pub status: Option<String>,
}

pub(super) fn lookup_view<A: Audience>(
    content: &Content,
    topics: &[TopicView<A>],
    agencies: &[AgencyView<A>],
) -> Option<LookupView> {
    let file = &content.areas.as_ref()?.value;
    let index: BTreeMap<&str, usize> = file
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name.get_ref().as_str(), i))
        .collect();
    let at = |name: &str| index.get(name).copied();
    let areas = file
        .areas
        .iter()
        .map(|a| LookupArea {
            name: a.name.get_ref().clone(),
            reading: a.reading.clone(),
            kind: a.kind.get_ref().clone(),
            parent: a.parent.as_ref().and_then(|p| at(p.get_ref())),
            whole: a.whole,
            note: a.note.clone(),
        })
        .collect();
    let inline = file.areas.iter().flat_map(|a| {
        a.towns
            .iter()
            .map(move |t| (t, t.area.as_ref().map_or(a.name.get_ref(), |r| r.get_ref())))
    });
    let listed = content.towns.iter().flat_map(|f| {
        f.value
            .towns
            .iter()
            .filter_map(|t| Some((t, t.area.as_ref()?.get_ref())))
    });
    let towns = inline
        .chain(listed)
        .filter_map(|(t, area)| Some((t, at(area)?)))
        .map(|(t, i)| {
            (
                t.name.clone(),
                t.reading.as_deref().map(hiragana).unwrap_or_default(),
                t.postal
                    .as_ref()
                    .and_then(|p| model::postal_digits(p.get_ref()))
                    .unwrap_or_default(),
                i,
            )
        })
        .collect();
    let by_id: BTreeMap<&str, &AgencyView<A>> =
        agencies.iter().map(|a| (a.id.as_str(), a)).collect();
    let topics = topics
        .iter()
        .map(|t| {
            let mut offices: Vec<LookupOffice> = Vec::new();
            let mut seen: Vec<&str> = Vec::new();
            for e in &t.entries {
                let Some(a) = by_id.get(e.agency.id.as_str()) else {
                    continue;
                };
                if seen.contains(&a.id.as_str()) {
                    continue;
                }
                seen.push(&a.id);
                if a.offices.is_empty() {
                    offices.push(LookupOffice {
                        agency: a.name.clone(),
                        url: a.url.clone(),
                        office: None,
                        areas: a.areas.iter().filter_map(|n| at(n)).collect(),
                        phones: e.matter.phones.to_vec(),
                        hours: e.matter.hours.as_ref().map(|h| h.text.clone()),
                        status: a.status.clone(),
                    });
                }
                offices.extend(a.offices.iter().map(|o| office(a, o, &at)));
            }
            LookupTopic {
                id: t.id.clone(),
                label: t.label.clone(),
                url: t.url.clone(),
                offices,
            }
        })
        .collect();
    Some(LookupView {
        kinds: file
            .kinds
            .iter()
            .map(|k| LookupKind {
                name: k.name.get_ref().clone(),
                count: k.count,
                note: k.note.clone(),
            })
            .collect(),
        areas,
        towns,
        source: content.towns.as_ref().and_then(|t| t.value.source.clone()),
        topics,
    })
}

fn office<A: Audience>(
    a: &AgencyView<A>,
    o: &OfficeView,
    at: &impl Fn(&str) -> Option<usize>,
) -> LookupOffice {
    LookupOffice {
        agency: a.name.clone(),
        url: a.url.clone(),
        office: Some(o.name.clone()),
        areas: o.areas.iter().filter_map(|n| at(n)).collect(),
        phones: o.phones.clone(),
        hours: o.hours.clone(),
        status: o.status.clone(),
    }
}

/// Japan Post writes readings in katakana; people type hiragana or
/// katakana, and the lookup compares in hiragana.
fn hiragana(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc()
        .map(|c| match c {
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
#[test]
fn katakana_readings_become_hiragana() {
    assert_eq!(hiragana("イズミチョウ"), "いずみちょう");
    assert_eq!(hiragana("ｲｽﾞﾐ"), "いずみ");
}
