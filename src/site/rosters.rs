//! Rosters (名簿): staff-only lists of people, with links to their agencies.

use crate::model;
use crate::routes::paths;
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct RosterView {
    pub id: String,
    pub url: String,
    pub title: String,
    pub description: Option<String>,
    pub as_of: Option<String>,
    pub members: Vec<RosterMemberView>,
    /// Linked from every staff topic page (断らない相談マネージャー take any case).
    pub on_topic_pages: bool,
}

#[derive(Serialize, Clone)]
pub struct RosterMemberView {
    pub field: String,
    pub affiliation: String,
    pub title: Option<String>,
    pub name: Option<String>,
    pub qualifications: Vec<String>,
    pub note: Option<String>,
    pub agency_url: Option<String>,
}

impl From<&model::Roster> for RosterView {
    fn from(r: &model::Roster) -> Self {
        RosterView {
            id: r.id.get_ref().clone(),
            url: paths::roster(r.id.get_ref()),
            title: r.title.clone(),
            description: r.description.clone(),
            as_of: r.as_of.clone(),
            on_topic_pages: r.on_topic_pages,
            members: r
                .members
                .iter()
                .map(|m| RosterMemberView {
                    field: m.field.clone(),
                    affiliation: m.affiliation.clone(),
                    title: m.title.clone(),
                    name: m.name.clone(),
                    qualifications: m.qualifications.clone(),
                    note: m.note.clone(),
                    agency_url: m.agency.as_ref().map(|a| paths::agency(a.get_ref())),
                })
                .collect(),
        }
    }
}
