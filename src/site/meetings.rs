//! Case meetings (staff site only): each meeting, and the answer to
//! Morioka's question 「具体的にどういう時に重層事業につなぐのか」 drawn from
//! the records — with the person's consent, which meeting and who leads;
//! without it, which one.

use super::refs::{AgencyRef, Index};
use super::resources::{series_view, SeriesView};
use crate::model;
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct MeetingView {
    pub id: String,
    pub name: String,
    pub reading: Option<String>,
    pub aliases: Vec<String>,
    pub legal_basis: Option<String>,
    /// 「必要」「不要」「事例を扱わない」
    pub consent: &'static str,
    pub roles: Vec<String>,
    pub when_to_use: Option<String>,
    pub frequency: Option<String>,
    pub schedule: Option<String>,
    pub convenor: Option<String>,
    pub convenor_agency: Option<AgencyRef>,
    pub leads: Option<String>,
    pub who_may_ask: Vec<String>,
    pub participants: Vec<String>,
    pub series: Vec<SeriesView>,
    pub note: Option<String>,
    pub source: Option<String>,
    #[serde(skip)]
    pub consent_kind: model::Consent,
    /// For the staff calendar.
    #[serde(skip)]
    pub parsed_schedule: Option<tsunagu_hours::Schedule>,
}

/// The meetings answered by consent: the staff page's first table.
#[derive(Serialize, Clone, Default)]
pub struct MeetingGuide {
    /// Meeting ids (in file order) usable with the person's consent.
    pub with_consent: Vec<usize>,
    /// Usable without it (支援会議: bound by confidentiality by law).
    pub without_consent: Vec<usize>,
    /// Meetings about the system, not about one household.
    pub no_cases: Vec<usize>,
}

pub(super) fn meeting_view(m: &model::Meeting, idx: &Index) -> MeetingView {
    MeetingView {
        id: m.id.get_ref().clone(),
        name: m.name.clone(),
        reading: m.reading.clone(),
        aliases: m.aliases.clone(),
        legal_basis: m.legal_basis.clone(),
        consent: match m.consent {
            model::Consent::Needed => "必要",
            model::Consent::NotNeeded => "不要",
            model::Consent::NoCases => "事例を扱わない",
        },
        consent_kind: m.consent,
        roles: m.roles.clone(),
        when_to_use: m.when_to_use.clone(),
        frequency: m.frequency.clone(),
        schedule: m.schedule.as_ref().map(|s| s.get_ref().clone()),
        convenor: m.convenor.clone(),
        convenor_agency: m
            .convenor_agency
            .as_ref()
            .map(|a| idx.agency_ref(a.get_ref())),
        leads: m.leads.clone(),
        who_may_ask: m.who_may_ask.clone(),
        participants: m.participants.clone(),
        series: m.series.iter().map(|s| series_view(s.get_ref())).collect(),
        note: m.note.clone(),
        source: m.source.clone(),
        parsed_schedule: m
            .schedule
            .as_ref()
            .and_then(|s| tsunagu_hours::parse_schedule(s.get_ref()).ok()),
    }
}

pub fn guide(meetings: &[MeetingView]) -> MeetingGuide {
    let mut g = MeetingGuide::default();
    for (i, m) in meetings.iter().enumerate() {
        match m.consent_kind {
            model::Consent::Needed => g.with_consent.push(i),
            model::Consent::NotNeeded => g.without_consent.push(i),
            model::Consent::NoCases => g.no_cases.push(i),
        }
    }
    g
}
