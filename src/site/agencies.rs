//! Agency pages: an agency, its matters (相談項目 rows) and offices, and the
//! staff-only extras of both. Their JSON-LD is rendered from this view in
//! [`crate::render`].

use super::hours::{hours_view, HoursData, HoursView};
use super::programs::ProgramView;
use super::refs::{phones, program_ref, Index, PhoneView, ProgramRef, TopicRef};
use super::Audience;
use crate::model;
use crate::routes::paths;
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct MatterView<A: Audience> {
    pub no: Option<u32>,
    pub topic: TopicRef,
    pub star: bool,
    pub description: String,
    /// The matter's own hours, or the agency's.
    pub hours: Option<HoursView>,
    /// The matter's own numbers, or the agency's (shared) unless the row is
    /// <別紙>.
    pub phones: Arc<[PhoneView]>,
    /// <別紙>: the row's or, failing that, the agency's note.
    pub separate_sheet: Option<String>,
    pub staff: A::MatterExtra,
}

/// What an agency's page says alike on both sites. A build makes it once
/// and both views share it: a copy per view was a sixth of a
/// 100,000-agency build's peak memory.
#[derive(Serialize)]
pub struct AgencyCommon {
    pub id: String,
    pub url: String,
    pub name: String,
    pub reading: String,
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub easy: Option<String>,
    pub address: Option<String>,
    pub phones: Arc<[PhoneView]>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<HoursView>,
    pub hours_data: HoursData,
    /// The agency's own closed days, on top of the site's. The JSON-LD's
    /// special opening hours come from them (`hours.schema`); an
    /// incremental render's fingerprint reads them here.
    #[serde(skip)]
    pub closures: Option<tsunagu_hours::ClosureConfig>,
    pub areas: Vec<String>,
    /// 手話・筆談・FAX・外国語・電話リレーサービス.
    pub communication: Option<super::resources::CommunicationView>,
    pub verified: Option<String>,
    /// `verified` in Japanese date style: 「2022年4月1日」.
    pub verified_ja: Option<String>,
    /// Verified longer ago than the site's `stale_after_days`: citizens are
    /// told to call before going.
    pub stale: bool,
    pub separate_sheet: Option<String>,
    /// 「2027年4月開設予定」, 「休止中」, 「廃止」; `None` when open.
    pub status: Option<String>,
    /// The status itself, for open data.
    #[serde(skip)]
    pub lifecycle: model::Status,
}

/// An agency as its page shows it to audience `A`: the shared part (read
/// through `Deref`) and what differs per site. It serialises as one flat
/// object, the shared fields first, as it did before the split.
#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct AgencyView<A: Audience> {
    #[serde(flatten)]
    common: Arc<AgencyCommon>,
    /// Only the offices this audience sees.
    pub offices: Vec<OfficeView>,
    pub topics: Vec<TopicRef>,
    /// Shared with the rows of the topic pages (a copy per row held a
    /// second directory in memory).
    pub matters: Vec<Arc<MatterView<A>>>,
    pub programs: Vec<ProgramRef>,
    pub staff: A::AgencyExtra,
}

impl<A: Audience> AgencyView<A> {
    /// The part both sites share.
    pub(super) fn common(&self) -> &Arc<AgencyCommon> {
        &self.common
    }
}

impl<A: Audience> std::ops::Deref for AgencyView<A> {
    type Target = AgencyCommon;

    fn deref(&self) -> &AgencyCommon {
        &self.common
    }
}

/// An agency as a list of agencies shows it (相談窓口の一覧, 今日開いている窓口):
/// the agency page's view without its matters and offices. Those are most
/// of an agency's size, no list shows them, and a list page copied them
/// into its context for every agency it holds.
#[derive(Serialize)]
#[serde(bound(serialize = ""))]
pub struct AgencyRow<'a, A: Audience> {
    pub id: &'a str,
    pub url: &'a str,
    pub name: &'a str,
    pub reading: &'a str,
    pub aliases: &'a [String],
    pub summary: Option<&'a str>,
    pub easy: Option<&'a str>,
    pub address: Option<&'a str>,
    pub phones: &'a [PhoneView],
    pub fax: Option<&'a str>,
    pub email: Option<&'a str>,
    pub website: Option<&'a str>,
    pub hours: Option<&'a HoursView>,
    pub hours_data: &'a HoursData,
    pub areas: &'a [String],
    pub communication: Option<&'a super::resources::CommunicationView>,
    pub verified: Option<&'a str>,
    pub verified_ja: Option<&'a str>,
    pub stale: bool,
    pub separate_sheet: Option<&'a str>,
    pub status: Option<&'a str>,
    pub topics: &'a [TopicRef],
    pub programs: &'a [ProgramRef],
    pub staff: &'a A::AgencyExtra,
}

impl<A: Audience> AgencyView<A> {
    /// This agency as a row of a list.
    pub fn row(&self) -> AgencyRow<'_, A> {
        AgencyRow {
            id: &self.id,
            url: &self.url,
            name: &self.name,
            reading: &self.reading,
            aliases: &self.aliases,
            summary: self.summary.as_deref(),
            easy: self.easy.as_deref(),
            address: self.address.as_deref(),
            phones: &self.phones,
            fax: self.fax.as_deref(),
            email: self.email.as_deref(),
            website: self.website.as_deref(),
            hours: self.hours.as_ref(),
            hours_data: &self.hours_data,
            areas: &self.areas,
            communication: self.communication.as_ref(),
            verified: self.verified.as_deref(),
            verified_ja: self.verified_ja.as_deref(),
            stale: self.stale,
            separate_sheet: self.separate_sheet.as_deref(),
            status: self.status.as_deref(),
            topics: &self.topics,
            programs: &self.programs,
            staff: &self.staff,
        }
    }
}

#[derive(Serialize, Clone)]
pub struct OfficeView {
    pub name: String,
    pub reading: Option<String>,
    pub areas: Vec<String>,
    /// As for agencies: 「2027年4月開設予定」 …; `None` when open.
    pub status: Option<String>,
    pub address: Option<String>,
    pub phones: Vec<PhoneView>,
    pub hours: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct AgencyStaffView {
    pub direct_lines: Vec<PhoneView>,
    pub extensions: Vec<String>,
    pub note: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct MatterStaffView {
    pub primary: Option<String>,
    pub secondary: Option<String>,
    pub direct_lines: Vec<PhoneView>,
    pub extensions: Vec<String>,
    pub note: Option<String>,
    pub separate_sheet: bool,
}

impl From<&model::AgencyStaff> for AgencyStaffView {
    fn from(s: &model::AgencyStaff) -> Self {
        AgencyStaffView {
            direct_lines: phones(&s.direct_lines),
            extensions: s.extensions.clone(),
            note: s.note.clone(),
        }
    }
}

impl From<&model::MatterStaff> for MatterStaffView {
    fn from(s: &model::MatterStaff) -> Self {
        MatterStaffView {
            primary: s.primary.clone(),
            secondary: s.secondary.clone(),
            direct_lines: phones(&s.direct_lines),
            extensions: s.extensions.clone(),
            note: s.note.clone(),
            separate_sheet: s.separate_sheet,
        }
    }
}

fn matter_view<A: Audience>(
    m: &model::Matter,
    a: &model::Agency,
    agency_phones: &Arc<[PhoneView]>,
    idx: &Index,
) -> MatterView<A> {
    let hours = m
        .hours
        .as_ref()
        .or(a.hours.as_ref())
        .map(|h| hours_view(h.get_ref(), a.closures.as_ref(), &idx.hours));
    let phones = match (&m.separate_sheet, m.phones.is_empty()) {
        (_, false) => phones(&m.phones).into(),
        (Some(_), true) => Arc::from([]),
        (None, true) => agency_phones.clone(),
    };
    MatterView {
        no: m.no,
        topic: idx.topic_ref(m.topic.get_ref()),
        star: m.star,
        description: m.description.clone(),
        hours,
        phones,
        separate_sheet: m
            .separate_sheet
            .clone()
            .or_else(|| a.separate_sheet.clone()),
        staff: A::matter(m),
    }
}

/// The shared part of `a`'s page. `hours` is the context of whichever view
/// asks first: hours read the same on both sites.
pub(super) fn agency_common(
    a: &model::Agency,
    hours: &super::hours::HoursContext,
    stale_after_days: i64,
) -> AgencyCommon {
    let id = a.id.get_ref();
    let view_of =
        |h: &toml::Spanned<model::HoursSpec>| hours_view(h.get_ref(), a.closures.as_ref(), hours);
    let own = a.hours.as_ref().map(view_of);
    // A matter without hours of its own keeps the agency's.
    let hours_data = HoursData::new(
        a.matters
            .iter()
            .filter_map(|m| m.hours.as_ref().map(view_of).or_else(|| own.clone()))
            .chain(own.clone()),
    );
    AgencyCommon {
        id: id.clone(),
        url: paths::agency(id),
        name: a.name.clone(),
        reading: a.reading.clone(),
        aliases: a.aliases.clone(),
        summary: a.summary.clone(),
        easy: a.easy.clone(),
        address: a.address.clone(),
        phones: phones(&a.phones).into(),
        fax: a.fax.as_ref().map(|f| f.get_ref().clone()),
        email: a.email.as_ref().map(|e| e.get_ref().clone()),
        website: a.website.as_ref().map(|w| w.get_ref().clone()),
        hours_data,
        closures: a.closures.clone(),
        hours: own,
        areas: a.areas.iter().map(|s| s.get_ref().clone()).collect(),
        status: model::opening_text(a.status, a.opens_date()),
        lifecycle: a.status,
        communication: a
            .communication
            .as_ref()
            .and_then(|c| super::resources::communication_view(c.get_ref())),
        verified: a.verified_date().map(|d| d.format("%Y-%m-%d").to_string()),
        verified_ja: a.verified_date().map(super::refs::japanese_date),
        stale: a
            .verified_date()
            .is_some_and(|d| (hours.today - d).num_days() > stale_after_days),
        separate_sheet: a.separate_sheet.clone(),
    }
}

pub(super) fn agency_view<A: Audience>(
    a: &model::Agency,
    common: Arc<AgencyCommon>,
    idx: &Index,
    // The programs this agency organises.
    programs: &[&ProgramView<A>],
) -> AgencyView<A> {
    let mut topic_ids: Vec<&str> = Vec::new();
    for m in &a.matters {
        if !topic_ids.contains(&m.topic.get_ref().as_str()) {
            topic_ids.push(m.topic.get_ref());
        }
    }
    let matters: Vec<Arc<MatterView<A>>> = a
        .matters
        .iter()
        .map(|m| Arc::new(matter_view::<A>(m, a, &common.phones, idx)))
        .collect();
    AgencyView {
        offices: a
            .offices
            .iter()
            .filter(|o| A::shows(o.status))
            .map(|o| OfficeView {
                name: o.name.clone(),
                reading: o.reading.clone(),
                areas: o.areas.iter().map(|s| s.get_ref().clone()).collect(),
                status: model::opening_text(o.status, o.opens_date()),
                address: o.address.clone(),
                phones: phones(&o.phones),
                hours: o.hours.as_ref().map(|h| h.get_ref().text().to_string()),
            })
            .collect(),
        topics: topic_ids.iter().map(|t| idx.topic_ref(t)).collect(),
        matters,
        programs: programs.iter().map(|p| program_ref(p)).collect(),
        staff: A::agency(a),
        common,
    }
}

pub(super) fn hours_entry(h: &HoursView) -> Option<(String, Arc<str>)> {
    Some((h.key.clone()?, h.json.clone()?))
}
