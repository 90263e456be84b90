//! The site model: one view of the content per audience. The citizen view is
//! its own type with no staff fields ([`NoStaff`] in their place), so no
//! template can leak what it never receives.

mod agencies;
mod areas;
mod audience;
pub mod brief;
pub mod hours;
mod lines;
mod meetings;
pub mod pager;
mod pages;
mod plan;
mod programs;
mod refs;
mod resources;
mod rosters;
mod sheets;
mod topics;
mod view;

pub use agencies::{
    AgencyCommon, AgencyStaffView, AgencyView, MatterStaffView, MatterView, OfficeView,
};
pub use areas::{LookupArea, LookupKind, LookupOffice, LookupTopic, LookupView};
pub use hours::Dates;
pub use lines::LineView;
pub use meetings::{guide as meeting_guide, MeetingGuide, MeetingView};
pub use pages::PageView;
pub use plan::{PlanStaffView, PlanView};
pub use programs::{FigureView, ProgramStaffView, ProgramView};
pub use refs::{AgencyRef, PhoneView, ProgramRef, TopicRef};
pub use resources::{
    CommunicationView, ResourceGroup, ResourceLists, ResourceStaffView, ResourceView, SeriesView,
    SupportPage,
};
pub use rosters::{RosterMemberView, RosterView};
pub use sheets::{FieldView, SectionView, SheetTopicView, SheetView};
pub use topics::{TopicEntry, TopicPageView, TopicView};

pub use audience::{Audience, Citizen, NoStaff, Staff, StaffSearch};
pub use view::{build_view, build_view_sharing, QuickExitView, Shared, SiteView, WebmasterView};
