//! Topic pages: one per worry (相談項目), listing the matters of every agency
//! that handles it, ★ rows first.

use super::agencies::{hours_entry, AgencyCommon, AgencyView, MatterView, OfficeView};
use super::lines::{for_topic, LineView};
use super::pager;
use super::programs::ProgramView;
use super::refs::{program_ref, AgencyRef, Index, ProgramRef};
use super::Audience;
use crate::model::{self, Content};
use crate::routes::paths;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

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
    pub hours_data: BTreeMap<String, Arc<str>>,
}

/// One row of a topic page: a matter and the agency that handles it.
/// Serialised as `agency`, `address`, `stale_since`, `matter`, `status`,
/// `offices`, `group`; the agency's part is read from the shared view of
/// its page instead of copied into every row.
#[derive(Clone)]
pub struct TopicEntry<A: Audience> {
    /// One per agency, shared by its rows in every topic.
    pub agency: AgencyRef,
    /// The agency's page, for the address, the status and the date.
    pub(super) page: Arc<AgencyCommon>,
    pub matter: Arc<MatterView<A>>,
    /// The district offices of a group (各福祉事務所 …), on the group's first
    /// row of the page only, so a page shows each group once.
    pub offices: Vec<OfficeView>,
    /// The agency is a group of district offices.
    pub group: bool,
}

impl<A: Audience> TopicEntry<A> {
    /// Where to go; `None` for a <別紙> row, which is not at the agency's
    /// address.
    pub fn address(&self) -> Option<&str> {
        match self.matter.separate_sheet {
            Some(_) => None,
            None => self.page.address.as_deref(),
        }
    }

    /// 「2022年4月1日」 when the agency's entry is older than the site's
    /// `stale_after_days`.
    pub fn stale_since(&self) -> Option<&str> {
        self.page
            .stale
            .then_some(self.page.verified_ja.as_deref())?
    }

    /// The agency's status when it is not open (「開設予定」 …).
    pub fn status(&self) -> Option<&str> {
        self.page.status.as_deref()
    }
}

impl<A: Audience> Serialize for TopicEntry<A> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut row = s.serialize_struct("TopicEntry", 7)?;
        row.serialize_field("agency", &self.agency)?;
        row.serialize_field("address", &self.address())?;
        row.serialize_field("stale_since", &self.stale_since())?;
        row.serialize_field("matter", &self.matter)?;
        row.serialize_field("status", &self.status())?;
        row.serialize_field("offices", &self.offices)?;
        row.serialize_field("group", &self.group)?;
        row.end()
    }
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
    // Found by key: scans of every agency per row were quadratic.
    let by_id: HashMap<&str, &AgencyView<A>> =
        agencies.iter().map(|a| (a.id.as_str(), a)).collect();
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
                            page: Arc::clone(a.common()),
                            matter: m.clone(),
                            offices: Vec::new(),
                            group: !a.offices.is_empty(),
                        })
                })
                .collect();
            entries.sort_by_key(|e| (!e.matter.star, e.matter.no.unwrap_or(u32::MAX)));
            let mut shown: HashSet<String> = HashSet::new();
            for e in entries.iter_mut().filter(|e| e.group) {
                if !shown.insert(e.agency.id.clone()) {
                    continue;
                }
                if let Some(a) = by_id.get(e.agency.id.as_str()) {
                    e.offices = a.offices.clone();
                }
            }
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

/// One page of a topic: the topic with only the rows of that page and the
/// open-now data those rows use.
#[derive(Serialize)]
#[serde(bound(serialize = ""))]
pub struct TopicPageView<'a, A: Audience> {
    pub id: &'a str,
    pub url: &'a str,
    pub label: &'a str,
    pub reading: &'a str,
    pub description: &'a str,
    pub synonyms: &'a [String],
    pub entries: &'a [TopicEntry<A>],
    /// How many rows the whole topic has, on every page.
    pub count: usize,
    /// The topic's programs, on its first page only and at most
    /// [`pager::PER_PAGE`] of them (see [`TopicView::page_with_programs`]);
    /// `program_count`, all of them, on every page.
    pub programs: &'a [ProgramRef],
    pub program_count: usize,
    /// How many of the topic's programs `programs` leaves out.
    pub programs_more: usize,
    pub easy: Option<&'a str>,
    pub crisis: bool,
    pub quick_exit: bool,
    pub lines: &'a [LineView],
    pub hours_data: BTreeMap<&'a str, &'a str>,
}

impl<A: Audience> TopicView<A> {
    /// The page holding `rows` of this topic's entries.
    pub fn page(&self, rows: std::ops::Range<usize>) -> TopicPageView<'_, A> {
        let entries = &self.entries[rows];
        let hours_data = entries
            .iter()
            .filter_map(|e| e.matter.hours.as_ref()?.key.as_deref())
            .filter_map(|k| self.hours_data.get_key_value(k))
            .map(|(k, v)| (k.as_str(), &**v))
            .collect();
        TopicPageView {
            id: &self.id,
            url: &self.url,
            label: &self.label,
            reading: &self.reading,
            description: &self.description,
            synonyms: &self.synonyms,
            entries,
            count: self.entries.len(),
            programs: &[],
            program_count: self.programs.len(),
            programs_more: 0,
            easy: self.easy.as_deref(),
            crisis: self.crisis,
            quick_exit: self.quick_exit,
            lines: &self.lines,
            hours_data,
        }
    }

    /// [`TopicView::page`] with the topic's programs listed. Only the first
    /// page of a topic lists them: a list on every page made the topic pages
    /// grow as pages × programs (at 100,000 agencies, each of 子育て's 376
    /// pages carried the same 992 programs); later pages link to it. Past
    /// [`pager::PER_PAGE`] programs the page lists that many and says how
    /// many more the program list holds.
    pub fn page_with_programs(&self, rows: std::ops::Range<usize>) -> TopicPageView<'_, A> {
        let shown = self.programs.len().min(pager::PER_PAGE);
        TopicPageView {
            programs: &self.programs[..shown],
            programs_more: self.programs.len() - shown,
            ..self.page(rows)
        }
    }
}
