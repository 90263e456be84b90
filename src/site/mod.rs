//! The site model: one view of the content per audience. The citizen view is
//! its own type with no staff fields ([`NoStaff`] in their place), so no
//! template can leak what it never receives.

mod audience;
pub mod hours;
mod view;

pub use audience::{Audience, Citizen, NoStaff, Staff, StaffSearch};
pub use view::{
    build_view, AgencyRef, AgencyView, MatterView, PageView, PhoneView, ProgramView, RosterView,
    SiteView, TopicEntry, TopicRef, TopicView, WebmasterView,
};
