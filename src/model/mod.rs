//! The content model: plain serde structs, one per record type, exactly as the
//! webmaster writes them in `content/`. Staff-only data always sits in a table
//! named `staff` so that it is visible at a glance in the TOML and can be dropped
//! structurally when the citizen view is built (see `crate::site`).

mod agency;
mod hours;
mod line;
mod page;
mod program;
mod roster;
mod settings;
mod sheet;
mod topic;

pub use agency::{Agency, AgencyStaff, Matter, MatterStaff, Office, Phone};
pub use hours::HoursSpec;
pub use line::{Line, LineFile, ALL_TOPICS};
pub use page::{Audience, Page, PageMeta};
pub use program::{Figure, Program, ProgramStaff};
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
