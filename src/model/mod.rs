//! The content model: plain serde structs, one per record type, exactly as the
//! webmaster writes them in `content/`. Staff-only data always sits in a table
//! named `staff` so that it is visible at a glance in the TOML and can be dropped
//! structurally when the citizen view is built (see `crate::site`).

mod agency;
mod area;
mod communication;
mod hours;
mod line;
mod meeting;
mod page;
mod program;
mod resource;
mod roster;
mod settings;
mod sheet;
mod topic;

pub use agency::{Agency, AgencyStaff, Matter, MatterStaff, Office, Phone};
pub use area::{opening_text, postal_digits, Area, AreaFile, AreaKind, Status, Town, TownFile};
pub use communication::{Communication, Support};
pub use hours::HoursSpec;
pub use line::{Line, LineFile, ALL_TOPICS};
pub use meeting::{Consent, Meeting};
pub use page::{Audience, Page, PageMeta};
pub use program::{Figure, Program, ProgramStaff};
pub use resource::{Method, Resource, ResourceKind, ResourceStaff, Series, Target};
pub use roster::{Roster, RosterMember};
pub use settings::{
    BaseUrl, OpenData, PlanRule, PlanRuleStaff, QuickExit, SiteSettings, SiteTarget, Webmaster,
};
pub use sheet::{FieldKind, Sheet, SheetField, SheetSection, SheetTopic};
pub use topic::{Topic, TopicFile};

use std::path::PathBuf;

/// A value together with the file it was read from, so that checks made after
/// parsing can still point at the source.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub file: PathBuf,
    pub value: T,
}

/// Everything read from a site folder, before validation.
#[derive(Debug, Clone)]
pub struct Content {
    pub settings: Sourced<SiteSettings>,
    pub topics: Vec<Sourced<Topic>>,
    pub agencies: Vec<Sourced<Agency>>,
    pub programs: Vec<Sourced<Program>>,
    pub rosters: Vec<Sourced<Roster>>,
    pub sheets: Vec<Sourced<Sheet>>,
    pub pages: Vec<Sourced<Page>>,
    /// Fallback phone lines from `lines.toml`; empty when there is none.
    pub lines: Vec<Sourced<Line>>,
    /// `areas.toml`; `None` when there is none or it could not be read (then
    /// `areas` values are not checked).
    pub areas: Option<Sourced<AreaFile>>,
    /// `towns.toml`; `None` when there is none.
    pub towns: Option<Sourced<TownFile>>,
    /// 社会資源 and 支援メニュー from `resources/`.
    pub resources: Vec<Sourced<Resource>>,
    /// Case meetings from `meetings/`: staff-only records.
    pub meetings: Vec<Sourced<Meeting>>,
}

impl Content {
    /// Every topic id, for checking references to topics.
    pub fn topic_ids(&self) -> Vec<&str> {
        self.topics
            .iter()
            .map(|t| t.value.id.get_ref().as_str())
            .collect()
    }

    /// Every agency id, for checking references to agencies.
    pub fn agency_ids(&self) -> Vec<&str> {
        self.agencies
            .iter()
            .map(|a| a.value.id.get_ref().as_str())
            .collect()
    }
}

/// A TOML date without time or offset; `None` otherwise (a time is a
/// mistake `check` reports, not a date to round).
pub fn plain_date(dt: &toml::value::Datetime) -> Option<chrono::NaiveDate> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}
