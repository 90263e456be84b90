//! Program pages: activities to join, their next sessions and the
//! staff-only extras. Their iCalendar files and JSON-LD are rendered from
//! this view in [`crate::render`].

use super::hours::{sessions, SessionView};
use super::refs::{AgencyRef, Index, TopicRef};
use super::Audience;
use crate::model;
use crate::routes::links::{render_markdown, Targets};
use crate::routes::paths;
use serde::Serialize;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct ProgramView<A: Audience> {
    pub id: String,
    pub url: String,
    pub name: String,
    pub reading: String,
    pub summary: String,
    pub easy: Option<String>,
    pub audience: Option<String>,
    pub place: Option<String>,
    pub schedule: Option<String>,
    pub how_to_join: Option<String>,
    pub cost: Option<String>,
    pub organiser: Option<AgencyRef>,
    pub topics: Vec<TopicRef>,
    pub website: Option<String>,
    pub figures: Vec<FigureView>,
    pub body_html: Option<String>,
    pub sessions: Vec<SessionView>,
    /// Relative URL of the program's .ics file, when it has a schedule.
    pub ics_url: Option<String>,
    /// The schedule, when it could be understood: for iCalendar and JSON-LD.
    #[serde(skip)]
    pub parsed_schedule: Option<tsunagu_hours::Schedule>,
    #[serde(skip)]
    pub skip_holidays: bool,
    /// Position among the program files: the feed of all programs lists
    /// them in that order, not in the reading order of the pages.
    #[serde(skip)]
    pub file_order: usize,
    pub staff: A::ProgramExtra,
}

/// A number worth showing, e.g. 421 groups as of R5.4.
#[derive(Serialize, Clone)]
pub struct FigureView {
    pub label: String,
    pub value: String,
    pub as_of: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct ProgramStaffView {
    pub contact: Option<String>,
    pub extensions: Vec<String>,
    pub note: Option<String>,
}

impl From<&model::ProgramStaff> for ProgramStaffView {
    fn from(s: &model::ProgramStaff) -> Self {
        ProgramStaffView {
            contact: s.contact.clone(),
            extensions: s.extensions.clone(),
            note: s.note.clone(),
        }
    }
}

pub(super) fn program_view<A: Audience>(
    p: &model::Program,
    file_order: usize,
    idx: &Index,
    targets: &Targets,
) -> ProgramView<A> {
    let id = p.id.get_ref();
    let url = paths::program(id);
    let schedule = p
        .schedule
        .as_ref()
        .and_then(|s| tsunagu_hours::parse_schedule(s.get_ref()).ok());
    ProgramView {
        sessions: schedule
            .as_ref()
            .map(|s| sessions(s, p.skip_holidays, &idx.hours, 5))
            .unwrap_or_default(),
        ics_url: schedule.as_ref().map(|_| paths::program_ics(id)),
        parsed_schedule: schedule,
        skip_holidays: p.skip_holidays,
        file_order,
        id: id.clone(),
        body_html: p
            .body
            .as_ref()
            .map(|b| render_markdown(b.get_ref(), &url, targets)),
        url,
        name: p.name.clone(),
        reading: p.reading.clone(),
        summary: p.summary.clone(),
        easy: p.easy.clone(),
        audience: p.audience.clone(),
        place: p.place.clone(),
        schedule: p
            .schedule
            .as_ref()
            .map(|s| s.get_ref().clone())
            .or_else(|| p.schedule_note.clone()),
        how_to_join: p.how_to_join.clone(),
        cost: p.cost.clone(),
        organiser: p
            .organiser
            .as_ref()
            .filter(|o| idx.agencies.contains_key(o.get_ref().as_str()))
            .map(|o| idx.agency_ref(o.get_ref())),
        topics: p
            .topics
            .iter()
            .map(|t| idx.topic_ref(t.get_ref()))
            .collect(),
        website: p.website.as_ref().map(|w| w.get_ref().clone()),
        figures: p
            .figures
            .iter()
            .map(|f| FigureView {
                label: f.label.clone(),
                value: f.value.clone(),
                as_of: f.as_of.clone(),
            })
            .collect(),
        staff: A::program(p),
    }
}
