use crate::model::{Agency, Matter, Program, Roster};
use serde::Serialize;

/// Stands where staff data would be in the citizen view. It serialises to
/// nothing useful (`null`) and cannot hold a value.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct NoStaff;

/// Decides what each audience's view carries in place of staff-only data.
pub trait Audience: Clone {
    /// `citizen` or `staff`: the output folder and a flag for templates.
    const NAME: &'static str;
    type AgencyExtra: Serialize + Clone;
    type MatterExtra: Serialize + Clone;
    type ProgramExtra: Serialize + Clone;
    type Rosters: Serialize + Clone;

    fn agency(a: &Agency) -> Self::AgencyExtra;
    fn matter(m: &Matter) -> Self::MatterExtra;
    fn program(p: &Program) -> Self::ProgramExtra;
    fn rosters(r: &[&Roster]) -> Self::Rosters;
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
    type Rosters = NoStaff;

    fn agency(_: &Agency) -> NoStaff {
        NoStaff
    }
    fn matter(_: &Matter) -> NoStaff {
        NoStaff
    }
    fn program(_: &Program) -> NoStaff {
        NoStaff
    }
    fn rosters(_: &[&Roster]) -> NoStaff {
        NoStaff
    }
}

impl Audience for Staff {
    const NAME: &'static str = "staff";
    type AgencyExtra = Option<super::view::AgencyStaffView>;
    type MatterExtra = Option<super::view::MatterStaffView>;
    type ProgramExtra = Option<super::view::ProgramStaffView>;
    type Rosters = Vec<super::view::RosterView>;

    fn agency(a: &Agency) -> Self::AgencyExtra {
        a.staff.as_ref().map(super::view::AgencyStaffView::from)
    }
    fn matter(m: &Matter) -> Self::MatterExtra {
        m.staff.as_ref().map(super::view::MatterStaffView::from)
    }
    fn program(p: &Program) -> Self::ProgramExtra {
        p.staff.as_ref().map(super::view::ProgramStaffView::from)
    }
    fn rosters(r: &[&Roster]) -> Self::Rosters {
        r.iter()
            .map(|r| super::view::RosterView::from(*r))
            .collect()
    }
}
