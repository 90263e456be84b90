//! The pages that exist on each site, so links can be checked against them
//! before anything is rendered.

use super::links::Targets;
use super::paths;
use crate::model::{self, Content};

/// Which of the two sites a set of paths is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    Citizen,
    Staff,
}

impl Site {
    /// Whether a Markdown page is published on this site.
    pub fn sees(self, page: &model::Page) -> bool {
        match self {
            Site::Citizen => page.meta.audience == model::Audience::All,
            Site::Staff => true,
        }
    }
}

/// The output paths that exist on `site`, for link checks.
pub fn targets(content: &Content, site: Site) -> Targets {
    let mut paths: Vec<String> = vec![
        paths::HOME.into(),
        paths::SEARCH.into(),
        paths::PLAN.into(),
        paths::AGENCY_INDEX.into(),
        paths::PROGRAM_INDEX.into(),
        paths::RESOURCE_INDEX.into(),
        paths::RESOURCES_BY_TOPIC.into(),
        paths::RESOURCES_BY_AREA.into(),
    ];
    if content.areas.is_some() {
        paths.push(paths::LOOKUP.into());
    }
    paths.extend(
        crate::model::Support::ALL
            .iter()
            .map(|s| paths::support(s.slug())),
    );
    paths.extend(
        content
            .resources
            .iter()
            .map(|r| paths::resource(r.value.id.get_ref())),
    );
    paths.extend(
        content
            .topics
            .iter()
            .map(|t| paths::topic(t.value.id.get_ref())),
    );
    paths.extend(
        content
            .agencies
            .iter()
            .filter(|a| site == Site::Staff || a.value.status.public())
            .map(|a| paths::agency(a.value.id.get_ref())),
    );
    paths.extend(
        content
            .programs
            .iter()
            .map(|p| paths::program(p.value.id.get_ref())),
    );
    paths.extend(
        content
            .pages
            .iter()
            .filter(|p| site.sees(&p.value))
            .map(|p| paths::page(&p.value.slug)),
    );
    if site == Site::Staff {
        paths.push(paths::ROSTER_INDEX.into());
        paths.push(paths::DIRECTORY.into());
        paths.push(paths::MEETINGS.into());
        paths.extend(
            content
                .sheets
                .iter()
                .map(|s| paths::sheet(s.value.id.get_ref())),
        );
        paths.extend(
            content
                .rosters
                .iter()
                .map(|r| paths::roster(r.value.id.get_ref())),
        );
    }
    Targets {
        paths: paths.into_iter().collect(),
    }
}
