//! The household plan (plan.html): several worries ticked at once, the desks
//! for each, and where to start. The page is rendered from the topic and
//! agency views; this adds the site's own rule for multi-problem cases.

use super::refs::{AgencyRef, Index};
use super::Audience;
use crate::model;
use serde::Serialize;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct PlanView<A: Audience> {
    /// The rule as the city states it, for both sites.
    pub start: Option<String>,
    pub start_agencies: Vec<AgencyRef>,
    /// The rule between desks: staff only.
    pub staff: A::PlanExtra,
}

/// The staff part of the rule.
#[derive(Serialize, Clone)]
pub struct PlanStaffView {
    pub start: Option<String>,
    pub start_agencies: Vec<AgencyRef>,
}

pub(super) fn plan_view<A: Audience>(rule: Option<&model::PlanRule>, idx: &Index) -> PlanView<A> {
    PlanView {
        start: rule.and_then(|r| r.start.clone()),
        start_agencies: rule
            .map(|r| refs(&r.start_agencies, idx))
            .unwrap_or_default(),
        // Built for both audiences; the citizen's `plan` drops it unread.
        staff: A::plan(
            rule.and_then(|r| r.staff.as_ref())
                .map(|s| PlanStaffView::new(s, idx)),
        ),
    }
}

pub(super) fn refs(ids: &[toml::Spanned<String>], idx: &Index) -> Vec<AgencyRef> {
    // An agency missing from the index is not on this audience's site
    // (closed): no link to a page that does not exist.
    ids.iter()
        .filter(|a| idx.agencies.contains_key(a.get_ref().as_str()))
        .map(|a| idx.agency_ref(a.get_ref()))
        .collect()
}

impl PlanStaffView {
    pub(super) fn new(s: &model::PlanRuleStaff, idx: &Index) -> Self {
        PlanStaffView {
            start: s.start.clone(),
            start_agencies: refs(&s.start_agencies, idx),
        }
    }
}
