use crate::model::{
    Agency, Matter, Page, Program, Resource, Roster, Sheet, SiteSettings, SiteTarget,
};
use crate::routes::Site;
use serde::Serialize;

/// Stands where staff data would be in the citizen view. It serialises to
/// nothing useful (`null`) and cannot hold a value.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct NoStaff;

/// Decides what each audience's view carries in place of staff-only data.
/// Send + Sync: the pages of a site render on all cores.
pub trait Audience: Clone + Send + Sync {
    /// `citizen` or `staff`: the output folder and a flag for templates.
    const NAME: &'static str;
    type AgencyExtra: Serialize + Clone + Send + Sync;
    type MatterExtra: Serialize + Clone + Send + Sync;
    type ProgramExtra: Serialize + Clone + Send + Sync;
    /// Staff-only part of a 社会資源 (contact, 空き状況).
    type ResourceExtra: Serialize + Clone + Send + Sync;
    /// Case meetings: staff only.
    type Meetings: Serialize + Clone + Send + Sync;
    type Rosters: Serialize + Clone + Send + Sync;
    /// The plan page's rule between desks: staff only.
    type PlanExtra: Serialize + Clone + Send + Sync;
    /// Referral sheets: staff only.
    type Sheets: Serialize + Clone + Send + Sync;

    /// The search index this audience gets.
    const SEARCH: tsunagu_search::Audience;
    /// Staff pages are marked internal and kept out of search engines.
    const STAFF: bool;
    /// Which site's pages and links this audience gets.
    const SITE: Site;

    /// Whether a record with this status is on this audience's site: closed
    /// and suspended desks stay visible to staff only.
    fn shows(s: crate::model::Status) -> bool;
    /// Title and address of this audience's site.
    fn site(s: &SiteSettings) -> &SiteTarget;
    /// Whether a Markdown page is published on this audience's site.
    fn sees(page: &Page) -> bool {
        Self::SITE.sees(page)
    }
    /// The roster pages to render: none for the citizen site.
    fn roster_list(r: &Self::Rosters) -> &[super::rosters::RosterView];

    fn agency(a: &Agency) -> Self::AgencyExtra;
    fn matter(m: &Matter) -> Self::MatterExtra;
    fn program(p: &Program) -> Self::ProgramExtra;
    fn resource(r: &Resource) -> Self::ResourceExtra;
    fn meetings(m: Vec<super::meetings::MeetingView>) -> Self::Meetings;
    /// The meetings to render: none for the citizen site.
    fn meeting_list(m: &Self::Meetings) -> &[super::meetings::MeetingView];
    /// The meeting records as read, for the staff view only; the citizen
    /// view never looks at them.
    fn wants_meetings() -> bool;
    fn rosters(r: &[&Roster]) -> Self::Rosters;
    fn plan(s: Option<super::plan::PlanStaffView>) -> Self::PlanExtra;
    fn sheets(s: &[&Sheet]) -> Self::Sheets;
    /// The sheets to render: none for the citizen site.
    fn sheet_list(s: &Self::Sheets) -> &[super::sheets::SheetView];

    /// Text the search index may hold beyond the public fields: contact
    /// names, 内線 and notes. Only the staff audience has any to give.
    fn search_staff(x: &Self::MatterExtra) -> StaffSearch;
    fn search_agency_staff(x: &Self::AgencyExtra) -> Option<String>;
    fn search_program_staff(x: &Self::ProgramExtra) -> Option<String>;
    fn search_resource_staff(x: &Self::ResourceExtra) -> Option<String>;
}

/// Staff-only text of one matter for the search index and result rows.
#[derive(Default)]
pub struct StaffSearch {
    pub text: Option<String>,
    pub contact: Option<String>,
    pub extension: Option<String>,
}

/// The public site: gets nothing from any `staff` table, nor rosters.
#[derive(Clone, Copy)]
pub struct Citizen;

/// The staff site: everything.
#[derive(Clone, Copy)]
pub struct Staff;

impl Audience for Citizen {
    const NAME: &'static str = "citizen";
    type AgencyExtra = NoStaff;
    type MatterExtra = NoStaff;
    type ProgramExtra = NoStaff;
    type ResourceExtra = NoStaff;
    type Meetings = NoStaff;
    type Rosters = NoStaff;
    type PlanExtra = NoStaff;
    type Sheets = NoStaff;

    fn sheets(_: &[&Sheet]) -> NoStaff {
        NoStaff
    }
    fn sheet_list(_: &NoStaff) -> &[super::sheets::SheetView] {
        &[]
    }

    fn plan(_: Option<super::plan::PlanStaffView>) -> NoStaff {
        NoStaff
    }
    fn agency(_: &Agency) -> NoStaff {
        NoStaff
    }
    fn matter(_: &Matter) -> NoStaff {
        NoStaff
    }
    fn program(_: &Program) -> NoStaff {
        NoStaff
    }
    fn resource(_: &Resource) -> NoStaff {
        NoStaff
    }
    fn meetings(_: Vec<super::meetings::MeetingView>) -> NoStaff {
        NoStaff
    }
    fn meeting_list(_: &NoStaff) -> &[super::meetings::MeetingView] {
        &[]
    }
    fn wants_meetings() -> bool {
        false
    }
    fn rosters(_: &[&Roster]) -> NoStaff {
        NoStaff
    }
    const SEARCH: tsunagu_search::Audience = tsunagu_search::Audience::Citizen;
    const STAFF: bool = false;
    const SITE: Site = Site::Citizen;
    fn shows(s: crate::model::Status) -> bool {
        s.public()
    }
    fn site(s: &SiteSettings) -> &SiteTarget {
        &s.citizen
    }
    fn roster_list(_: &NoStaff) -> &[super::rosters::RosterView] {
        &[]
    }
    fn search_staff(_: &NoStaff) -> StaffSearch {
        StaffSearch::default()
    }
    fn search_agency_staff(_: &NoStaff) -> Option<String> {
        None
    }
    fn search_program_staff(_: &NoStaff) -> Option<String> {
        None
    }
    fn search_resource_staff(_: &NoStaff) -> Option<String> {
        None
    }
}

impl Audience for Staff {
    const NAME: &'static str = "staff";
    type AgencyExtra = Option<super::agencies::AgencyStaffView>;
    type MatterExtra = Option<super::agencies::MatterStaffView>;
    type ProgramExtra = Option<super::programs::ProgramStaffView>;
    type ResourceExtra = Option<super::resources::ResourceStaffView>;
    type Meetings = Vec<super::meetings::MeetingView>;
    type Rosters = Vec<super::rosters::RosterView>;
    type PlanExtra = Option<super::plan::PlanStaffView>;
    type Sheets = Vec<super::sheets::SheetView>;

    fn sheets(s: &[&Sheet]) -> Self::Sheets {
        s.iter()
            .map(|s| super::sheets::SheetView::from(*s))
            .collect()
    }
    fn sheet_list(s: &Self::Sheets) -> &[super::sheets::SheetView] {
        s
    }

    fn plan(s: Option<super::plan::PlanStaffView>) -> Self::PlanExtra {
        s
    }

    fn agency(a: &Agency) -> Self::AgencyExtra {
        a.staff.as_ref().map(super::agencies::AgencyStaffView::from)
    }
    fn matter(m: &Matter) -> Self::MatterExtra {
        m.staff.as_ref().map(super::agencies::MatterStaffView::from)
    }
    fn program(p: &Program) -> Self::ProgramExtra {
        p.staff
            .as_ref()
            .map(super::programs::ProgramStaffView::from)
    }
    fn resource(r: &Resource) -> Self::ResourceExtra {
        r.staff
            .as_ref()
            .map(super::resources::ResourceStaffView::from)
    }
    fn meetings(m: Vec<super::meetings::MeetingView>) -> Self::Meetings {
        m
    }
    fn meeting_list(m: &Self::Meetings) -> &[super::meetings::MeetingView] {
        m
    }
    fn wants_meetings() -> bool {
        true
    }
    fn rosters(r: &[&Roster]) -> Self::Rosters {
        r.iter()
            .map(|r| super::rosters::RosterView::from(*r))
            .collect()
    }
    const SEARCH: tsunagu_search::Audience = tsunagu_search::Audience::Staff;
    const STAFF: bool = true;
    const SITE: Site = Site::Staff;
    fn shows(_: crate::model::Status) -> bool {
        true
    }
    fn site(s: &SiteSettings) -> &SiteTarget {
        &s.staff
    }
    fn roster_list(r: &Self::Rosters) -> &[super::rosters::RosterView] {
        r
    }
    fn search_staff(x: &Self::MatterExtra) -> StaffSearch {
        let Some(s) = x else {
            return StaffSearch::default();
        };
        let contact = match (&s.primary, &s.secondary) {
            (Some(p), Some(q)) => Some(format!("主 {p} / 副 {q}")),
            (Some(p), None) => Some(format!("主 {p}")),
            (None, Some(q)) => Some(format!("副 {q}")),
            (None, None) => s.separate_sheet.then(|| "別紙参照".to_string()),
        };
        let extension = (!s.extensions.is_empty()).then(|| s.extensions.join("、"));
        let text = [contact.clone(), extension.clone(), s.note.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        StaffSearch {
            text: (!text.is_empty()).then_some(text),
            contact,
            extension,
        }
    }
    fn search_agency_staff(x: &Self::AgencyExtra) -> Option<String> {
        let s = x.as_ref()?;
        joined(&[s.extensions.join(" "), s.note.clone().unwrap_or_default()])
    }
    fn search_resource_staff(x: &Self::ResourceExtra) -> Option<String> {
        let s = x.as_ref()?;
        joined(&[
            s.contact.clone().unwrap_or_default(),
            s.extensions.join(" "),
            s.availability.clone().unwrap_or_default(),
            s.note.clone().unwrap_or_default(),
        ])
    }
    fn search_program_staff(x: &Self::ProgramExtra) -> Option<String> {
        let s = x.as_ref()?;
        joined(&[
            s.contact.clone().unwrap_or_default(),
            s.extensions.join(" "),
            s.note.clone().unwrap_or_default(),
        ])
    }
}

fn joined(parts: &[String]) -> Option<String> {
    let text = parts.join(" ").trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// Checked by the compiler: every staff slot of the citizen view is
/// `NoStaff`, so nothing rendered from it (pages, search, JSON-LD,
/// iCalendar) can hold staff data. Changing one of these types to carry
/// data stops the build here.
const _: CitizenStaffSlots = |a, m, p, r, s| {
    [
        a.staff,
        m.staff,
        p.staff,
        r.staff,
        s.rosters,
        s.plan.staff,
        s.sheets,
        s.meetings,
    ]
};

type CitizenStaffSlots = fn(
    &super::AgencyView<Citizen>,
    &super::MatterView<Citizen>,
    &super::ProgramView<Citizen>,
    &super::ResourceView<Citizen>,
    &super::SiteView<Citizen>,
) -> [NoStaff; 8];
