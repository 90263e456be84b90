//! Topic pages: one per worry (相談項目), listing the matters of every agency
//! that handles it, ★ rows first.

use super::agencies::{hours_entry, AgencyView, MatterView};
use super::lines::{for_topic, LineView};
use super::programs::ProgramView;
use super::refs::{program_ref, AgencyRef, Index, ProgramRef};
use super::Audience;
use crate::model::{self, Content};
use crate::routes::paths;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct TopicView<A: Audience> {
    pub id: String,
    pub url: String,
    pub label: String,
    pub reading: String,
    pub description: String,
    pub synonyms: Vec<String>,
    /// ★ rows first, then in list order.
    pub entries: Vec<TopicEntry<A>>,
    pub programs: Vec<ProgramRef>,
    pub easy: Option<String>,
    pub crisis: bool,
    pub quick_exit: bool,
    /// Fallback lines serving this topic (crisis lines first).
    pub lines: Vec<LineView>,
    /// Open-now data for the hours on this page, by key.
    pub hours_data: BTreeMap<String, String>,
}

/// One row of a topic page: a matter and the agency that handles it.
#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct TopicEntry<A: Audience> {
    pub agency: AgencyRef,
    pub address: Option<String>,
    /// 「2022年4月1日」 when the agency's entry is older than the site's
    /// `stale_after_days`.
    pub stale_since: Option<String>,
    pub matter: MatterView<A>,
}

pub(super) fn topic_views<A: Audience>(
    content: &Content,
    idx: &Index,
    agencies: &[AgencyView<A>],
    programs: &[ProgramView<A>],
    lines: &[LineView],
) -> Vec<TopicView<A>> {
    let mut topics: Vec<&model::Topic> = content.topics.iter().map(|t| &t.value).collect();
    topics.sort_by_key(|t| t.order);
    topics
        .into_iter()
        .map(|t| {
            let id = t.id.get_ref();
            let mut entries: Vec<TopicEntry<A>> = agencies
                .iter()
                .flat_map(|a| {
                    a.matters
                        .iter()
                        .filter(|m| &m.topic.id == id)
                        .map(move |m| TopicEntry {
                            agency: idx.agency_ref(&a.id),
                            // A <別紙> row is not at the agency's address.
                            address: match m.separate_sheet {
                                Some(_) => None,
                                None => a.address.clone(),
                            },
                            stale_since: a.stale.then(|| a.verified_ja.clone()).flatten(),
                            matter: m.clone(),
                        })
                })
                .collect();
            entries.sort_by_key(|e| (!e.matter.star, e.matter.no.unwrap_or(u32::MAX)));
            TopicView {
                id: id.clone(),
                url: paths::topic(id),
                label: t.label.clone(),
                reading: t.reading.clone(),
                description: t.description.clone(),
                synonyms: t.synonyms.clone(),
                easy: t.easy.clone(),
                crisis: t.crisis,
                quick_exit: t.quick_exit,
                lines: for_topic(lines, id),
                entries,
                programs: programs
                    .iter()
                    .filter(|p| p.topics.iter().any(|pt| &pt.id == id))
                    .map(program_ref)
                    .collect(),
                hours_data: BTreeMap::new(),
            }
        })
        .map(|mut t| {
            t.hours_data = t
                .entries
                .iter()
                .filter_map(|e| e.matter.hours.as_ref())
                .filter_map(hours_entry)
                .collect();
            t
        })
        .collect()
}
