//! What views share: phone numbers ready to dial, references from one
//! record to another, and the lookups that resolve them while a view is built.

use super::hours::HoursContext;
use super::programs::ProgramView;
use super::Audience;
use crate::model;
use crate::routes::paths;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

#[derive(Serialize, Clone, PartialEq, Eq)]
pub struct PhoneView {
    pub number: String,
    pub label: Option<String>,
    /// `tel:` URI with digits only, so phones can dial it.
    pub tel: String,
}

/// A link to a topic page. Shared: every matter row of a directory links
/// one of a few dozen topics, and three strings a row added up.
pub type TopicRef = Arc<TopicLink>;

#[derive(Serialize)]
pub struct TopicLink {
    pub id: String,
    pub label: String,
    pub url: String,
}

/// A link to an agency page, shared by the rows that name the agency.
pub type AgencyRef = Arc<AgencyLink>;

#[derive(Serialize)]
pub struct AgencyLink {
    pub id: String,
    pub name: String,
    /// For ふりがな.
    pub reading: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct ProgramRef {
    pub id: String,
    pub name: String,
    pub url: String,
    pub summary: String,
}

impl From<&model::Phone> for PhoneView {
    fn from(p: &model::Phone) -> Self {
        PhoneView::new(p.number.get_ref(), p.label.clone())
    }
}

impl AgencyLink {
    pub(super) fn new(a: &model::Agency) -> AgencyLink {
        let id = a.id.get_ref();
        AgencyLink {
            id: id.clone(),
            name: a.name.clone(),
            reading: a.reading.clone(),
            url: paths::agency(id),
        }
    }
}

impl PhoneView {
    pub fn new(number: &str, label: Option<String>) -> Self {
        // `#` starts a fragment in a URI: short codes like #8008 dial as %23.
        let digits: String = number
            .chars()
            .filter_map(|c| match c {
                '#' => Some("%23".to_string()),
                c if c.is_ascii_digit() || c == '+' => Some(c.to_string()),
                _ => None,
            })
            .collect();
        PhoneView {
            number: number.to_string(),
            label,
            tel: format!("tel:{digits}"),
        }
    }
}

pub(super) fn phones(list: &[model::Phone]) -> Vec<PhoneView> {
    list.iter().map(PhoneView::from).collect()
}

/// Lookups shared while building one view.
pub(super) struct Index<'a> {
    pub(super) topics: BTreeMap<&'a str, &'a model::Topic>,
    /// The agencies this audience sees, with the link both views share.
    pub(super) agencies: HashMap<&'a str, (&'a model::Agency, &'a AgencyRef)>,
    /// The links made so far, handed out again.
    pub(super) topic_refs: RefCell<HashMap<String, TopicRef>>,
    /// Links to agencies the audience does not see, made so far.
    pub(super) agency_refs: RefCell<HashMap<String, AgencyRef>>,
    pub(super) hours: HoursContext,
}

/// 「2022年4月1日」: how citizens read dates.
pub fn japanese_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

impl Index<'_> {
    pub(super) fn topic_ref(&self, id: &str) -> TopicRef {
        if let Some(r) = self.topic_refs.borrow().get(id) {
            return r.clone();
        }
        let r = Arc::new(TopicLink {
            id: id.to_string(),
            label: self
                .topics
                .get(id)
                .map_or_else(|| id.to_string(), |t| t.label.clone()),
            url: paths::topic(id),
        });
        self.topic_refs
            .borrow_mut()
            .insert(id.to_string(), r.clone());
        r
    }

    /// The link to agency `id`; an agency this audience does not see is
    /// named by its id.
    pub(super) fn agency_ref(&self, id: &str) -> AgencyRef {
        if let Some((_, r)) = self.agencies.get(id) {
            return Arc::clone(r);
        }
        if let Some(r) = self.agency_refs.borrow().get(id) {
            return r.clone();
        }
        let r = Arc::new(AgencyLink {
            id: id.to_string(),
            name: id.to_string(),
            reading: String::new(),
            url: paths::agency(id),
        });
        self.agency_refs
            .borrow_mut()
            .insert(id.to_string(), r.clone());
        r
    }
}

pub(super) fn program_ref<A: Audience>(p: &ProgramView<A>) -> ProgramRef {
    ProgramRef {
        id: p.id.clone(),
        name: p.name.clone(),
        url: p.url.clone(),
        summary: p.summary.clone(),
    }
}
