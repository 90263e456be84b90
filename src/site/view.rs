//! Views: what the templates and the search index of one audience receive.
//! URLs are relative to the site root; templates prefix them with `root`.
//! This module builds the whole view of a site from its parts.

use super::agencies::{agency_common, agency_view, AgencyCommon, AgencyView};
use super::areas::{lookup_view, LookupView};
use super::audience::Audience;
use super::hours::{Dates, HoursContext};
use super::lines::{line_views, LineView};
use super::meetings::{meeting_view, MeetingView};
use super::pages::{page_views, PageView};
use super::plan::{plan_view, PlanView};
use super::programs::{program_view, ProgramView};
use super::refs::{AgencyLink, AgencyRef, Index, PhoneView};
use super::resources::{
    resource_lists, resource_view, support_pages, ResourceLists, ResourceView, SupportPage,
};
use super::topics::{topic_views, TopicView};
use crate::model::{self, Content};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct SiteView<A: Audience> {
    pub audience: &'static str,
    pub municipality: String,
    pub title: String,
    pub description: Option<String>,
    /// The site's address, ending in `/`.
    pub base_url: url::Url,
    pub edition: Option<String>,
    /// The newest `verified` date of any agency or line, Japanese style.
    pub newest_verified: Option<String>,
    pub webmaster: WebmasterView,
    pub closed_days_note: Option<String>,
    /// The license the site declares for its open data, if any.
    pub open_data: Option<model::OpenData>,
    pub topics: Vec<TopicView<A>>,
    pub agencies: Vec<AgencyView<A>>,
    pub programs: Vec<ProgramView<A>>,
    /// 社会資源 and 支援メニュー, by reading.
    pub resources: Vec<ResourceView<A>>,
    pub resource_lists: ResourceLists,
    /// Desks and resources by communication support.
    pub support: Vec<SupportPage>,
    /// Case meetings: staff only.
    pub meetings: A::Meetings,
    pub pages: Vec<PageView>,
    pub rosters: A::Rosters,
    pub plan: PlanView<A>,
    pub sheets: A::Sheets,
    /// Fallback lines, crisis lines first.
    pub lines: Vec<LineView>,
    /// Towns, areas and the offices serving them, for the lookup page;
    /// `None` when the site has no `areas.toml`.
    pub lookup: Option<LookupView>,
    /// Where the quick-exit button leaves to, and its text.
    pub quick_exit: Option<QuickExitView>,
    pub map_url: Option<String>,
    /// For the iCalendar files and the opening hours in JSON-LD.
    #[serde(skip)]
    pub dates: Dates,
}

#[derive(Serialize, Clone)]
pub struct QuickExitView {
    pub url: String,
    pub label: String,
}

#[derive(Serialize, Clone)]
pub struct WebmasterView {
    pub name: String,
    pub phone: Option<PhoneView>,
    pub email: Option<String>,
}

/// What both views of one build share, made once: the audience-free part
/// of every agency page, in the order of the records.
pub struct Shared {
    agencies: Vec<Arc<AgencyCommon>>,
    /// The link to each agency, for the rows that name it.
    links: Vec<AgencyRef>,
}

impl Shared {
    pub fn new(content: &Content, today: NaiveDate) -> Shared {
        let hours = HoursContext::new(today, content.settings.value.closures.as_ref());
        let stale_after_days = i64::from(content.settings.value.stale_after_days.unwrap_or(365));
        Shared {
            agencies: content
                .agencies
                .par_iter()
                .map(|a| Arc::new(agency_common(&a.value, &hours, stale_after_days)))
                .collect(),
            links: content
                .agencies
                .par_iter()
                .map(|a| Arc::new(AgencyLink::new(&a.value)))
                .collect(),
        }
    }
}

/// Builds the view of `content` for audience `A` as of `today` (the open-now
/// data and next sessions start there). Content must have passed validation:
/// references are assumed to resolve.
pub fn build_view<A: Audience>(content: &Content, today: NaiveDate) -> SiteView<A> {
    build_view_sharing(content, today, &Shared::new(content, today))
}

/// [`build_view`], taking the shared parts from `shared` (made from the
/// same `content` and `today`).
pub fn build_view_sharing<A: Audience>(
    content: &Content,
    today: NaiveDate,
    shared: &Shared,
) -> SiteView<A> {
    let idx = Index {
        topics: content
            .topics
            .iter()
            .map(|t| (t.value.id.get_ref().as_str(), &t.value))
            .collect(),
        // Only the agencies this audience sees: links to a closed desk are
        // left out of the citizen site rather than left dead.
        agencies: content
            .agencies
            .iter()
            .zip(&shared.links)
            .filter(|(a, _)| A::shows(a.value.status))
            .map(|(a, link)| (a.value.id.get_ref().as_str(), (&a.value, link)))
            .collect(),
        topic_refs: Default::default(),
        agency_refs: Default::default(),
        hours: HoursContext::new(today, content.settings.value.closures.as_ref()),
    };
    let targets = crate::routes::targets(content, A::SITE);
    let s = &content.settings.value;
    let site = A::site(s);
    let mut programs: Vec<ProgramView<A>> = content
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| program_view::<A>(&p.value, i, &idx, &targets))
        .collect();
    programs.sort_by(|a, b| a.reading.cmp(&b.reading));
    // By organiser, found by key: a scan of every program per agency was
    // quadratic (seconds at 100,000 agencies).
    let mut organised: HashMap<&str, Vec<&ProgramView<A>>> = HashMap::new();
    for p in &programs {
        if let Some(o) = &p.organiser {
            organised.entry(o.id.as_str()).or_default().push(p);
        }
    }
    let mut order: Vec<usize> = (0..content.agencies.len()).collect();
    order.sort_by(|&i, &j| {
        let reading = |k: usize| &content.agencies[k].value.reading;
        reading(i).cmp(reading(j))
    });
    let agencies: Vec<AgencyView<A>> = order
        .into_iter()
        .map(|i| (&content.agencies[i].value, &shared.agencies[i]))
        .filter(|(a, _)| A::shows(a.status))
        .map(|(a, common)| {
            let own = organised.get(a.id.get_ref().as_str());
            agency_view::<A>(a, common.clone(), &idx, own.map_or(&[], Vec::as_slice))
        })
        .collect();
    let mut resources: Vec<ResourceView<A>> = content
        .resources
        .iter()
        .map(|r| resource_view::<A>(&r.value, &idx))
        .collect();
    resources.sort_by(|a, b| a.reading.cmp(&b.reading));
    // Only the staff view reads the meeting records at all.
    let meetings: Vec<MeetingView> = if A::wants_meetings() {
        content
            .meetings
            .iter()
            .map(|m| meeting_view(&m.value, &idx))
            .collect()
    } else {
        Vec::new()
    };
    let support = support_pages(content, &agencies, &resources);
    let lines = line_views(content);
    let topics = topic_views::<A>(content, &idx, &agencies, &programs, &lines);
    let lookup = lookup_view(content, &topics, &agencies);
    let resource_lists = resource_lists(&resources, &topics);
    let rosters: Vec<&model::Roster> = content.rosters.iter().map(|r| &r.value).collect();
    let sheets: Vec<&model::Sheet> = content.sheets.iter().map(|s| &s.value).collect();
    SiteView {
        audience: A::NAME,
        municipality: s.municipality.clone(),
        title: site.title.clone(),
        description: site.description.clone(),
        base_url: site_url(site),
        edition: s.edition.clone(),
        newest_verified: content
            .agencies
            .iter()
            .filter_map(|a| a.value.verified_date())
            .chain(content.lines.iter().filter_map(|l| l.value.verified_date()))
            .max()
            .map(super::refs::japanese_date),
        webmaster: WebmasterView {
            name: s.webmaster.name.clone(),
            phone: s
                .webmaster
                .phone
                .as_ref()
                .map(|p| PhoneView::new(p.get_ref(), None)),
            email: s.webmaster.email.as_ref().map(|e| e.get_ref().clone()),
        },
        closed_days_note: s.closed_days_note.clone(),
        open_data: s.open_data.clone(),
        topics,
        agencies,
        programs,
        resources,
        resource_lists,
        support,
        meetings: A::meetings(meetings),
        pages: page_views::<A>(content, &targets),
        rosters: A::rosters(&rosters),
        plan: plan_view::<A>(s.plan.as_ref(), &idx),
        sheets: A::sheets(&sheets),
        lines,
        lookup,
        map_url: s.map_url.as_ref().map(|m| m.get_ref().clone()),
        quick_exit: s.quick_exit.as_ref().map(|q| QuickExitView {
            url: q.url.get_ref().clone(),
            label: q
                .label
                .clone()
                .unwrap_or_else(|| "すぐにこのページを離れる".to_string()),
        }),
        dates: Dates {
            today,
            calendar: idx.hours.calendar.clone(),
            uid_host: uid_host(&site_url(&s.citizen)),
        },
    }
}

/// The site's address as parsed when `site.toml` was read. `check` refuses
/// a site whose address did not parse, so the stand-in is never published.
fn site_url(t: &model::SiteTarget) -> url::Url {
    match t.base_url.get_ref().url() {
        Some(u) => u.clone(),
        None => url::Url::parse("https://tsunagu.invalid/").expect("a constant address parses"),
    }
}

/// The host (and port) of the citizen site's address: it makes calendar
/// UIDs globally unique as RFC 5545 requires, and the same on both sites.
fn uid_host(site: &url::Url) -> String {
    let host = site.host_str().unwrap_or("tsunagu.invalid");
    match site.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}
