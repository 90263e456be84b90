//! The content model: plain serde structs, one per record type, exactly as the
//! webmaster writes them in `content/`. Staff-only data always sits in a table
//! named `staff` so that it is visible at a glance in the TOML and can be dropped
//! structurally when the citizen view is built (see `crate::site`).

mod agency;
mod hours;
mod page;
mod program;
mod roster;
mod settings;
mod topic;

pub use agency::{Agency, AgencyStaff, Matter, MatterStaff, Office, Phone};
pub use hours::HoursSpec;
pub use page::{Audience, Page, PageMeta};
pub use program::{Figure, Program, ProgramStaff};
pub use roster::{Roster, RosterMember};
pub use settings::{BaseUrl, OpenData, SiteSettings, SiteTarget, Webmaster};
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
    pub pages: Vec<Sourced<Page>>,
}
