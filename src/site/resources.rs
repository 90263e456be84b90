//! 社会資源 and 支援メニュー: the view of each resource, the lists by kind,
//! topic and area, and the pages of desks and resources by communication
//! support. Staff-only parts sit in `A::ResourceExtra`.

use super::refs::{phones, AgencyRef, Index, PhoneView, TopicRef};
use super::{AgencyView, Audience};
use crate::model::{self, ResourceKind, Support};
use crate::routes::paths;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct ResourceView<A: Audience> {
    pub id: String,
    pub url: String,
    pub name: String,
    pub reading: String,
    pub kind: &'static str,
    pub kind_slug: &'static str,
    pub summary: String,
    pub easy: Option<String>,
    pub target: Option<TargetView>,
    /// 「専門分野以外の受け入れ」: `None` when the source does not say.
    pub open_to_all: Option<bool>,
    pub operator: Option<String>,
    /// 「直営・委託」
    pub method: Option<String>,
    pub places: Option<u32>,
    pub place: Option<String>,
    pub areas: Vec<String>,
    pub when: Option<String>,
    /// An event's date, ISO and Japanese style.
    pub date: Option<String>,
    pub date_ja: Option<String>,
    /// The event's day has gone: the page says so instead of inviting.
    pub past: bool,
    pub capacity: Option<u32>,
    pub how_to_join: Option<String>,
    pub cost: Option<String>,
    pub agency: Option<AgencyRef>,
    /// The asked agency's public numbers, so a phone can call from here.
    pub agency_phones: Vec<PhoneView>,
    pub phones: Vec<PhoneView>,
    pub fax: Option<String>,
    pub website: Option<String>,
    pub topics: Vec<TopicRef>,
    /// Topic ids, for templates that pick the resources of one topic.
    pub topic_ids: Vec<String>,
    pub communication: Option<CommunicationView>,
    pub series: Vec<SeriesView>,
    pub source: Option<String>,
    pub verified_ja: Option<String>,
    pub staff: A::ResourceExtra,
}

#[derive(Serialize, Clone)]
pub struct TargetView {
    pub text: String,
    /// 「65歳以上」「0～2歳」, when the source gives ages.
    pub ages: Option<String>,
}

/// Communication support as a list of short labels: 「手話」「FAX」「外国語（英語・中国語）」.
#[derive(Serialize, Clone)]
pub struct CommunicationView {
    pub labels: Vec<String>,
    pub languages: Vec<String>,
    pub note: Option<String>,
}

/// A yearly series as a small table: the years as column heads.
#[derive(Serialize, Clone)]
pub struct SeriesView {
    pub label: String,
    pub unit: Option<String>,
    pub cells: Vec<SeriesCell>,
    pub note: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct SeriesCell {
    pub year: String,
    /// Formatted: 「1,234」, 「89.1」.
    pub value: String,
    /// Bar length in percent of the largest value, for the small chart.
    pub percent: u32,
}

#[derive(Serialize, Clone)]
pub struct ResourceStaffView {
    pub contact: Option<String>,
    pub extensions: Vec<String>,
    pub availability: Option<String>,
    pub note: Option<String>,
}

impl From<&model::ResourceStaff> for ResourceStaffView {
    fn from(s: &model::ResourceStaff) -> Self {
        ResourceStaffView {
            contact: s.contact.clone(),
            extensions: s.extensions.clone(),
            availability: s.availability.clone(),
            note: s.note.clone(),
        }
    }
}

pub fn communication_view(c: &model::Communication) -> Option<CommunicationView> {
    let mut labels = Vec::new();
    if !c.languages.is_empty() {
        labels.push(format!("外国語（{}）", c.languages.join("・")));
    }
    if c.fax {
        labels.push("FAX".to_string());
    }
    if c.sign_language {
        labels.push("手話".to_string());
    }
    if c.writing {
        labels.push("筆談".to_string());
    }
    if c.relay_service {
        labels.push("電話リレーサービス".to_string());
    }
    if labels.is_empty() && c.note.is_none() {
        return None;
    }
    Some(CommunicationView {
        labels,
        languages: c.languages.clone(),
        note: c.note.clone(),
    })
}

pub(super) fn series_view(s: &model::Series) -> SeriesView {
    // Percentages are drawn against 100, so 82.8% and 89.1% look close.
    let max = if s.unit.as_deref() == Some("%") {
        100.0
    } else {
        s.values.iter().copied().fold(0.0_f64, f64::max)
    };
    SeriesView {
        label: s.label.clone(),
        unit: s.unit.clone(),
        cells: s
            .years
            .iter()
            .zip(&s.values)
            .map(|(y, v)| SeriesCell {
                year: y.clone(),
                value: number(*v),
                percent: if max > 0.0 {
                    (v / max * 100.0).round().clamp(0.0, 100.0) as u32
                } else {
                    0
                },
            })
            .collect(),
        note: s.note.clone(),
    }
}

/// 「1,234」 for whole numbers, 「89.1」 otherwise.
fn number(v: f64) -> String {
    if v.fract() != 0.0 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

fn ages(t: &model::Target) -> Option<String> {
    match (t.age_min, t.age_max) {
        (Some(a), Some(b)) => Some(format!("{a}～{b}歳")),
        (Some(a), None) => Some(format!("{a}歳以上")),
        (None, Some(b)) => Some(format!("{b}歳まで")),
        (None, None) => None,
    }
}

pub(super) fn resource_view<A: Audience>(r: &model::Resource, idx: &Index) -> ResourceView<A> {
    let id = r.id.get_ref();
    ResourceView {
        id: id.clone(),
        url: paths::resource(id),
        name: r.name.clone(),
        reading: r.reading.clone(),
        kind: r.kind.label(),
        kind_slug: r.kind.slug(),
        summary: r.summary.clone(),
        easy: r.easy.clone(),
        target: r.target.as_ref().map(|t| TargetView {
            text: t.text.clone(),
            ages: ages(t),
        }),
        open_to_all: r.open_to_all,
        operator: r.operator.clone(),
        method: (!r.method.is_empty()).then(|| {
            r.method
                .iter()
                .map(|m| m.label())
                .collect::<Vec<_>>()
                .join("・")
        }),
        places: r.places,
        place: r.place.clone(),
        areas: r.areas.iter().map(|a| a.get_ref().clone()).collect(),
        when: r.when.clone(),
        date: r.date_value().map(|d| d.format("%Y-%m-%d").to_string()),
        date_ja: r.date_value().map(super::refs::japanese_date),
        past: r.date_value().is_some_and(|d| d < idx.hours.today),
        capacity: r.capacity,
        how_to_join: r.how_to_join.clone(),
        cost: r.cost.clone(),
        agency: r.agency.as_ref().map(|a| idx.agency_ref(a.get_ref())),
        agency_phones: r
            .agency
            .as_ref()
            .and_then(|a| idx.agencies.get(a.get_ref().as_str()))
            .map(|(a, _)| phones(&a.phones))
            .unwrap_or_default(),
        phones: phones(&r.phones),
        fax: r.fax.as_ref().map(|f| f.get_ref().clone()),
        website: r.website.as_ref().map(|w| w.get_ref().clone()),
        topics: r
            .topics
            .iter()
            .map(|t| idx.topic_ref(t.get_ref()))
            .collect(),
        topic_ids: r.topics.iter().map(|t| t.get_ref().clone()).collect(),
        communication: r
            .communication
            .as_ref()
            .and_then(|c| communication_view(c.get_ref())),
        series: r.series.iter().map(|s| series_view(s.get_ref())).collect(),
        source: r.source.clone(),
        verified_ja: r.verified_date().map(super::refs::japanese_date),
        staff: A::resource(r),
    }
}

/// Resources grouped under a heading: a kind, a topic or an area.
#[derive(Serialize, Clone)]
pub struct ResourceGroup {
    pub id: String,
    pub label: String,
    pub url: Option<String>,
    /// Indexes into the site's resource list.
    pub items: Vec<usize>,
}

/// The three ways to browse resources.
#[derive(Serialize, Clone, Default)]
pub struct ResourceLists {
    pub by_kind: Vec<ResourceGroup>,
    pub by_topic: Vec<ResourceGroup>,
    pub by_area: Vec<ResourceGroup>,
    /// Resources that name no area.
    pub without_area: Vec<usize>,
}

pub(super) fn resource_lists<A: Audience>(
    resources: &[ResourceView<A>],
    topics: &[super::TopicView<A>],
) -> ResourceLists {
    let by_kind = ResourceKind::ALL
        .iter()
        .map(|k| ResourceGroup {
            id: k.slug().to_string(),
            label: k.label().to_string(),
            url: None,
            items: positions(resources, |r| r.kind_slug == k.slug()),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let by_topic = topics
        .iter()
        .map(|t| ResourceGroup {
            id: t.id.clone(),
            label: t.label.clone(),
            url: Some(t.url.clone()),
            items: positions(resources, |r| r.topic_ids.contains(&t.id)),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let mut areas: Vec<&String> = resources.iter().flat_map(|r| &r.areas).collect();
    areas.sort();
    areas.dedup();
    let by_area = areas
        .into_iter()
        .enumerate()
        .map(|(i, a)| ResourceGroup {
            id: format!("area-{}", i + 1),
            label: a.clone(),
            url: None,
            items: positions(resources, |r| r.areas.contains(a)),
        })
        .collect();
    ResourceLists {
        by_kind,
        by_topic,
        by_area,
        without_area: positions(resources, |r| r.areas.is_empty()),
    }
}

fn positions<T>(items: &[T], keep: impl Fn(&T) -> bool) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, x)| keep(x))
        .map(|(i, _)| i)
        .collect()
}

/// One communication-support page: the desks and resources that offer it.
#[derive(Serialize, Clone)]
pub struct SupportPage {
    pub slug: &'static str,
    pub label: &'static str,
    pub url: String,
    /// Indexes into the site's agency and resource lists.
    pub agencies: Vec<usize>,
    pub resources: Vec<usize>,
}

pub(super) fn support_pages<A: Audience>(
    content: &model::Content,
    agencies: &[AgencyView<A>],
    resources: &[ResourceView<A>],
) -> Vec<SupportPage> {
    // By id: a search of the records per agency made this quadratic.
    let said: HashMap<&str, _> = content
        .agencies
        .iter()
        .filter_map(|a| {
            Some((
                a.value.id.get_ref().as_str(),
                a.value.communication.as_ref()?,
            ))
        })
        .collect();
    let r_said: HashMap<&str, _> = content
        .resources
        .iter()
        .filter_map(|r| {
            Some((
                r.value.id.get_ref().as_str(),
                r.value.communication.as_ref()?,
            ))
        })
        .collect();
    let offers = |id: &str, s: Support| said.get(id).is_some_and(|c| s.offered_by(c.get_ref()));
    let r_offers = |id: &str, s: Support| r_said.get(id).is_some_and(|c| s.offered_by(c.get_ref()));
    Support::ALL
        .iter()
        .map(|&s| SupportPage {
            slug: s.slug(),
            label: s.label(),
            url: paths::support(s.slug()),
            agencies: positions(agencies, |a| offers(&a.id, s)),
            resources: positions(resources, |r| r_offers(&r.id, s)),
        })
        .collect()
}
