//! The search index of one audience, built from that audience's view: the
//! citizen index can only hold what the citizen view has.

use crate::site::{AgencyView, Audience, ProgramView, SiteView, TopicView};
use std::collections::BTreeMap;
use tsunagu_search::{DisplayRecord, DocKind, SearchDoc, SearchError};

/// Hands every search file of the view to `emit` (path relative to the site
/// root, bytes) as it is made.
pub fn search_files<A: Audience, E: From<SearchError>>(
    view: &SiteView<A>,
    mut emit: impl FnMut(String, Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    tsunagu_search::build_into(docs(view), A::SEARCH, |path, script| {
        emit(path, script.into_bytes())
    })?;
    emit(
        tsunagu_search::HOURS_PATH.to_string(),
        hours_js(view).into_bytes(),
    )
}

/// The open-now data of every agency and matter, by the key their display
/// records carry: one entry per distinct set of hours.
fn hours_js<A: Audience>(view: &SiteView<A>) -> String {
    let entries: BTreeMap<&str, &str> = view
        .agencies
        .iter()
        .flat_map(|a| {
            a.matters
                .iter()
                .filter_map(|m| m.hours.as_ref())
                .chain(a.hours.as_ref())
        })
        .filter_map(|h| Some((h.key.as_deref()?, h.json.as_deref()?)))
        .collect();
    let body: Vec<String> = entries
        .iter()
        .map(|(k, json)| format!("{}:{json}", serde_json::Value::String((*k).to_string())))
        .collect();
    tsunagu_search::as_script(
        tsunagu_search::HOURS_GLOBAL,
        &format!("{{{}}}", body.join(",")),
    )
}

/// Every document of the view. Those of topics, agencies and programs are
/// made as the index asks for them: at 100,000 agencies the documents of a
/// staff site, all made at once, were a fifth of the build's peak memory.
/// The few resources and roster members are made at once.
fn docs<A: Audience>(view: &SiteView<A>) -> impl Iterator<Item = SearchDoc> + '_ {
    let count = view.topics.len()
        + view
            .agencies
            .iter()
            .map(|a| 1 + a.matters.len())
            .sum::<usize>()
        + view.programs.len()
        + view.resources.len()
        + A::roster_list(&view.rosters)
            .iter()
            .map(|r| r.members.len())
            .sum::<usize>();
    let docs = view
        .topics
        .iter()
        .map(topic_doc)
        .chain(view.agencies.iter().flat_map(agency_docs::<A>))
        .chain(view.programs.iter().map(program_doc::<A>))
        .chain(resource_docs::<A>(view))
        .chain(roster_docs::<A>(view));
    Counted { docs, left: count }
}

/// Documents that say how many are left, so the index sizes its display
/// rows once: grown by doubling they were twice their size at 100,000
/// agencies, and copied at each step.
struct Counted<I> {
    docs: I,
    left: usize,
}

impl<I: Iterator<Item = SearchDoc>> Iterator for Counted<I> {
    type Item = SearchDoc;

    fn next(&mut self) -> Option<SearchDoc> {
        let doc = self.docs.next()?;
        self.left = self.left.saturating_sub(1);
        Some(doc)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

fn topic_doc<A: Audience>(t: &TopicView<A>) -> SearchDoc {
    let mut keywords = vec![t.reading.clone()];
    keywords.extend(t.synonyms.iter().cloned());
    SearchDoc {
        id: format!("topic:{}", t.id),
        kind: DocKind::Topic,
        url: t.url.clone(),
        title: t.label.clone(),
        keywords,
        body: t.description.clone(),
        staff_text: None,
        display: DisplayRecord {
            reading: Some(t.reading.clone()),
            ..DisplayRecord::default()
        },
        parent: None,
        boost: 2.0,
    }
}

/// An agency, then its matters.
fn agency_docs<A: Audience>(a: &AgencyView<A>) -> Vec<SearchDoc> {
    let mut docs = Vec::with_capacity(1 + a.matters.len());
    let star = a.matters.iter().any(|m| m.star);
    let topics: Vec<&str> = a.topics.iter().map(|t| t.label.as_str()).collect();
    let mut keywords = vec![a.reading.clone()];
    keywords.extend(a.aliases.iter().cloned());
    // 「北区中央福祉事務所」 finds the group 各福祉事務所.
    keywords.extend(a.offices.iter().map(|o| o.name.clone()));
    let body = [
        a.summary.clone().unwrap_or_default(),
        a.address.clone().unwrap_or_default(),
        a.areas.join(" "),
        topics.join(" "),
    ]
    .join(" ");
    docs.push(SearchDoc {
        id: format!("agency:{}", a.id),
        kind: DocKind::Agency,
        url: a.url.clone(),
        title: a.name.clone(),
        keywords,
        body,
        staff_text: A::search_agency_staff(&a.staff),
        display: DisplayRecord {
            topic: (!topics.is_empty()).then(|| topics.join("、")),
            star,
            phone: a.phones.first().map(|p| p.number.clone()),
            hours: a.hours.as_ref().map(|h| h.text.clone()),
            open: a.hours.as_ref().and_then(|h| h.key.clone()),
            reading: Some(a.reading.clone()),
            ..DisplayRecord::default()
        },
        parent: None,
        boost: if star { 1.5 } else { 1.0 },
    });
    for (i, m) in a.matters.iter().enumerate() {
        let staff = A::search_staff(&m.staff);
        docs.push(SearchDoc {
            id: format!("matter:{}:{i}", a.id),
            kind: DocKind::Matter,
            url: a.url.clone(),
            title: m.description.clone(),
            keywords: Vec::new(),
            body: m.topic.label.clone(),
            staff_text: staff.text,
            display: DisplayRecord {
                topic: Some(m.topic.label.clone()),
                agency: Some(a.name.clone()),
                star: m.star,
                phone: m.phones.first().map(|p| p.number.clone()),
                hours: m.hours.as_ref().map(|h| h.text.clone()),
                contact: staff.contact,
                extension: staff.extension,
                open: m.hours.as_ref().and_then(|h| h.key.clone()),
                reading: None,
            },
            parent: Some(format!("agency:{}", a.id)),
            boost: if m.star { 1.5 } else { 1.0 },
        });
    }
    docs
}

fn program_doc<A: Audience>(p: &ProgramView<A>) -> SearchDoc {
    let topics: Vec<&str> = p.topics.iter().map(|t| t.label.as_str()).collect();
    let body = [
        p.summary.clone(),
        p.audience.clone().unwrap_or_default(),
        p.place.clone().unwrap_or_default(),
        topics.join(" "),
    ]
    .join(" ");
    SearchDoc {
        id: format!("program:{}", p.id),
        kind: DocKind::Program,
        url: p.url.clone(),
        title: p.name.clone(),
        keywords: vec![p.reading.clone()],
        body,
        staff_text: A::search_program_staff(&p.staff),
        display: DisplayRecord {
            topic: (!topics.is_empty()).then(|| topics.join("、")),
            agency: p.organiser.as_ref().map(|o| o.name.clone()),
            hours: p.schedule.clone(),
            ..DisplayRecord::default()
        },
        parent: None,
        boost: 1.0,
    }
}

/// 社会資源 and 支援メニュー go in as documents of the kind programs use
/// (something to join or use, not a desk to call), so the index format and
/// the search page need nothing new.
fn resource_docs<A: Audience>(view: &SiteView<A>) -> Vec<SearchDoc> {
    view.resources
        .iter()
        .map(|r| {
            let topics: Vec<&str> = r.topics.iter().map(|t| t.label.as_str()).collect();
            let body = [
                r.summary.clone(),
                r.kind.to_string(),
                r.target
                    .as_ref()
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
                r.operator.clone().unwrap_or_default(),
                r.place.clone().unwrap_or_default(),
                r.areas.join(" "),
                r.communication
                    .as_ref()
                    .map(|c| c.labels.join(" "))
                    .unwrap_or_default(),
                topics.join(" "),
            ]
            .join(" ");
            SearchDoc {
                id: format!("resource:{}", r.id),
                kind: DocKind::Program,
                url: r.url.clone(),
                title: r.name.clone(),
                keywords: vec![r.reading.clone()],
                body,
                staff_text: A::search_resource_staff(&r.staff),
                display: DisplayRecord {
                    topic: (!topics.is_empty()).then(|| topics.join("、")),
                    agency: r
                        .agency
                        .as_ref()
                        .map(|a| a.name.clone())
                        .or_else(|| r.operator.clone()),
                    phone: r.phones.first().map(|p| p.number.clone()),
                    hours: r.date_ja.clone().or_else(|| r.when.clone()),
                    ..DisplayRecord::default()
                },
                parent: None,
                boost: 1.0,
            }
        })
        .collect()
}

/// One document per roster member, found by roster, field, affiliation, title or
/// name (「推進員」, 「アドバイザー 住まい」). Only the staff view has rosters; the
/// text goes in `staff_text` too, so a citizen build would refuse it outright.
fn roster_docs<A: Audience>(view: &SiteView<A>) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    for r in A::roster_list(&view.rosters) {
        for (i, m) in r.members.iter().enumerate() {
            let text = [
                Some(r.title.clone()),
                Some(m.field.clone()),
                Some(m.affiliation.clone()),
                m.title.clone(),
                m.name.clone(),
                Some(m.qualifications.join(" ")),
                m.note.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            docs.push(SearchDoc {
                id: format!("roster:{}:{i}", r.id),
                kind: DocKind::Roster,
                url: r.url.clone(),
                title: format!("{}（{}）", r.title, m.field),
                keywords: Vec::new(),
                body: String::new(),
                staff_text: Some(text),
                display: DisplayRecord {
                    agency: Some(m.affiliation.clone()),
                    contact: m.name.clone(),
                    ..DisplayRecord::default()
                },
                parent: None,
                boost: 1.0,
            });
        }
    }
    docs
}
