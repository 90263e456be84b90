//! Views: what the templates and the search index of one audience receive.
//! URLs are relative to the site root; templates prefix them with `root`.

use super::audience::Audience;
use super::hours::{hours_view, script_json, sessions, HoursContext, HoursView, SessionView};
use crate::model::{self, Content};
use crate::routes::links::{render_markdown, Targets};
use crate::routes::paths;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct SiteView<A: Audience> {
    pub audience: &'static str,
    pub municipality: String,
    pub title: String,
    pub description: Option<String>,
    pub base_url: String,
    pub edition: Option<String>,
    pub webmaster: WebmasterView,
    pub closed_days_note: Option<String>,
    pub topics: Vec<TopicView<A>>,
    pub agencies: Vec<AgencyView<A>>,
    pub programs: Vec<ProgramView<A>>,
    pub pages: Vec<PageView>,
    pub rosters: A::Rosters,
    /// iCalendar feed of every program with a schedule.
    #[serde(skip)]
    pub programs_ics: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct WebmasterView {
    pub name: String,
    pub phone: Option<PhoneView>,
    pub email: Option<String>,
}

#[derive(Serialize, Clone, PartialEq, Eq)]
pub struct PhoneView {
    pub number: String,
    pub label: Option<String>,
    /// `tel:` URI with digits only, so phones can dial it.
    pub tel: String,
}

#[derive(Serialize, Clone)]
pub struct TopicRef {
    pub id: String,
    pub label: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct AgencyRef {
    pub id: String,
    pub name: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct TopicView<A: Audience> {
    pub id: String,
    pub url: String,
    pub label: String,
    pub reading: String,
    pub description: String,
    pub synonyms: Vec<String>,
    /// ★ rows first, then in list order.
    pub entries: Vec<TopicEntry<A>>,
    pub programs: Vec<ProgramRef>,
    /// Open-now data for the hours on this page, by key.
    pub hours_data: BTreeMap<String, String>,
}

/// One row of a topic page: a matter and the agency that handles it.
#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct TopicEntry<A: Audience> {
    pub agency: AgencyRef,
    pub address: Option<String>,
    pub matter: MatterView<A>,
}

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct MatterView<A: Audience> {
    pub no: Option<u32>,
    pub topic: TopicRef,
    pub star: bool,
    pub description: String,
    /// The matter's own hours, or the agency's.
    pub hours: Option<HoursView>,
    /// The matter's own numbers, or the agency's unless the row is <別紙>.
    pub phones: Vec<PhoneView>,
    /// <別紙>: the row's or, failing that, the agency's note.
    pub separate_sheet: Option<String>,
    pub staff: A::MatterExtra,
}

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct AgencyView<A: Audience> {
    pub id: String,
    pub url: String,
    pub name: String,
    pub reading: String,
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub address: Option<String>,
    pub phones: Vec<PhoneView>,
    pub fax: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<HoursView>,
    pub hours_data: BTreeMap<String, String>,
    /// schema.org GovernmentOffice, ready for a script element.
    pub jsonld: String,
    pub areas: Vec<String>,
    pub verified: Option<String>,
    pub separate_sheet: Option<String>,
    pub offices: Vec<OfficeView>,
    pub topics: Vec<TopicRef>,
    pub matters: Vec<MatterView<A>>,
    pub programs: Vec<ProgramRef>,
    pub staff: A::AgencyExtra,
}

#[derive(Serialize, Clone)]
pub struct OfficeView {
    pub name: String,
    pub areas: Vec<String>,
    pub address: Option<String>,
    pub phones: Vec<PhoneView>,
    pub hours: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct ProgramRef {
    pub id: String,
    pub name: String,
    pub url: String,
    pub summary: String,
}

#[derive(Serialize, Clone)]
#[serde(bound(serialize = ""))]
pub struct ProgramView<A: Audience> {
    pub id: String,
    pub url: String,
    pub name: String,
    pub reading: String,
    pub summary: String,
    pub audience: Option<String>,
    pub place: Option<String>,
    pub schedule: Option<String>,
    pub how_to_join: Option<String>,
    pub cost: Option<String>,
    pub organiser: Option<AgencyRef>,
    pub topics: Vec<TopicRef>,
    pub website: Option<String>,
    pub figures: Vec<model::Figure>,
    pub body_html: Option<String>,
    pub sessions: Vec<SessionView>,
    /// Relative URL of the program's .ics file, when it has a schedule.
    pub ics_url: Option<String>,
    pub jsonld: String,
    #[serde(skip)]
    pub ics: Option<String>,
    pub staff: A::ProgramExtra,
}

#[derive(Serialize, Clone)]
pub struct PageView {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub summary: Option<String>,
    pub html: String,
    pub staff_only: bool,
}

#[derive(Serialize, Clone)]
pub struct AgencyStaffView {
    pub direct_lines: Vec<PhoneView>,
    pub extensions: Vec<String>,
    pub note: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct MatterStaffView {
    pub primary: Option<String>,
    pub secondary: Option<String>,
    pub direct_lines: Vec<PhoneView>,
    pub extensions: Vec<String>,
    pub note: Option<String>,
    pub separate_sheet: bool,
}

#[derive(Serialize, Clone)]
pub struct ProgramStaffView {
    pub contact: Option<String>,
    pub extensions: Vec<String>,
    pub note: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct RosterView {
    pub id: String,
    pub url: String,
    pub title: String,
    pub description: Option<String>,
    pub as_of: Option<String>,
    pub members: Vec<RosterMemberView>,
}

#[derive(Serialize, Clone)]
pub struct RosterMemberView {
    pub field: String,
    pub affiliation: String,
    pub title: Option<String>,
    pub name: Option<String>,
    pub qualifications: Vec<String>,
    pub note: Option<String>,
    pub agency_url: Option<String>,
}

impl From<&model::Phone> for PhoneView {
    fn from(p: &model::Phone) -> Self {
        PhoneView::new(p.number.get_ref(), p.label.clone())
    }
}

impl PhoneView {
    pub fn new(number: &str, label: Option<String>) -> Self {
        let digits: String = number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        PhoneView {
            number: number.to_string(),
            label,
            tel: format!("tel:{digits}"),
        }
    }
}

fn phones(list: &[model::Phone]) -> Vec<PhoneView> {
    list.iter().map(PhoneView::from).collect()
}

impl From<&model::AgencyStaff> for AgencyStaffView {
    fn from(s: &model::AgencyStaff) -> Self {
        AgencyStaffView {
            direct_lines: phones(&s.direct_lines),
            extensions: s.extensions.clone(),
            note: s.note.clone(),
        }
    }
}

impl From<&model::MatterStaff> for MatterStaffView {
    fn from(s: &model::MatterStaff) -> Self {
        MatterStaffView {
            primary: s.primary.clone(),
            secondary: s.secondary.clone(),
            direct_lines: phones(&s.direct_lines),
            extensions: s.extensions.clone(),
            note: s.note.clone(),
            separate_sheet: s.separate_sheet,
        }
    }
}

impl From<&model::ProgramStaff> for ProgramStaffView {
    fn from(s: &model::ProgramStaff) -> Self {
        ProgramStaffView {
            contact: s.contact.clone(),
            extensions: s.extensions.clone(),
            note: s.note.clone(),
        }
    }
}

impl From<&model::Roster> for RosterView {
    fn from(r: &model::Roster) -> Self {
        RosterView {
            id: r.id.get_ref().clone(),
            url: paths::roster(r.id.get_ref()),
            title: r.title.clone(),
            description: r.description.clone(),
            as_of: r.as_of.clone(),
            members: r
                .members
                .iter()
                .map(|m| RosterMemberView {
                    field: m.field.clone(),
                    affiliation: m.affiliation.clone(),
                    title: m.title.clone(),
                    name: m.name.clone(),
                    qualifications: m.qualifications.clone(),
                    note: m.note.clone(),
                    agency_url: m.agency.as_ref().map(|a| paths::agency(a.get_ref())),
                })
                .collect(),
        }
    }
}

/// Lookups shared while building one view.
struct Index<'a> {
    topics: BTreeMap<&'a str, &'a model::Topic>,
    agencies: BTreeMap<&'a str, &'a model::Agency>,
    hours: HoursContext,
}

impl Index<'_> {
    fn topic_ref(&self, id: &str) -> TopicRef {
        TopicRef {
            id: id.to_string(),
            label: self
                .topics
                .get(id)
                .map_or_else(|| id.to_string(), |t| t.label.clone()),
            url: paths::topic(id),
        }
    }

    fn agency_ref(&self, id: &str) -> AgencyRef {
        AgencyRef {
            id: id.to_string(),
            name: self
                .agencies
                .get(id)
                .map_or_else(|| id.to_string(), |a| a.name.clone()),
            url: paths::agency(id),
        }
    }
}

/// Builds the view of `content` for audience `A` as of `today` (the open-now
/// data and next sessions start there). Content must have passed validation:
/// references are assumed to resolve.
pub fn build_view<A: Audience>(content: &Content, today: NaiveDate) -> SiteView<A> {
    let idx = Index {
        topics: content
            .topics
            .iter()
            .map(|t| (t.value.id.get_ref().as_str(), &t.value))
            .collect(),
        agencies: content
            .agencies
            .iter()
            .map(|a| (a.value.id.get_ref().as_str(), &a.value))
            .collect(),
        hours: HoursContext::new(
            today,
            content.settings.value.closures.as_ref(),
            content.settings.value.citizen.base_url.get_ref(),
        ),
    };
    let targets = crate::routes::targets(content, A::SITE);
    let s = &content.settings.value;
    let site = A::site(s);
    let programs: Vec<ProgramView<A>> = sorted_by_reading(&content.programs, |p| &p.reading)
        .into_iter()
        .map(|p| program_view::<A>(p, &idx, &targets))
        .collect();
    let agencies: Vec<AgencyView<A>> = sorted_by_reading(&content.agencies, |a| &a.reading)
        .into_iter()
        .map(|a| agency_view::<A>(a, &idx, &programs))
        .collect();
    let topics = topic_views::<A>(content, &idx, &agencies, &programs);
    let rosters: Vec<&model::Roster> = content.rosters.iter().map(|r| &r.value).collect();
    SiteView {
        audience: A::NAME,
        municipality: s.municipality.clone(),
        title: site.title.clone(),
        description: site.description.clone(),
        base_url: with_trailing_slash(site.base_url.get_ref()),
        edition: s.edition.clone(),
        webmaster: WebmasterView {
            name: s.webmaster.name.clone(),
            phone: s
                .webmaster
                .phone
                .as_deref()
                .map(|p| PhoneView::new(p, None)),
            email: s.webmaster.email.clone(),
        },
        closed_days_note: s.closed_days_note.clone(),
        topics,
        agencies,
        programs,
        programs_ics: programs_feed(&content.programs, &idx.hours),
        pages: page_views::<A>(content, &targets),
        rosters: A::rosters(&rosters),
    }
}

fn with_trailing_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

fn sorted_by_reading<T>(items: &[model::Sourced<T>], reading: impl Fn(&T) -> &String) -> Vec<&T> {
    let mut v: Vec<&T> = items.iter().map(|s| &s.value).collect();
    v.sort_by(|a, b| reading(a).cmp(reading(b)));
    v
}

fn matter_view<A: Audience>(m: &model::Matter, a: &model::Agency, idx: &Index) -> MatterView<A> {
    let hours = m
        .hours
        .as_ref()
        .or(a.hours.as_ref())
        .map(|h| hours_view(h.get_ref(), a.closures.as_ref(), &idx.hours));
    let phones = match (&m.separate_sheet, m.phones.is_empty()) {
        (_, false) => phones(&m.phones),
        (Some(_), true) => Vec::new(),
        (None, true) => phones(&a.phones),
    };
    MatterView {
        no: m.no,
        topic: idx.topic_ref(m.topic.get_ref()),
        star: m.star,
        description: m.description.clone(),
        hours,
        phones,
        separate_sheet: m
            .separate_sheet
            .clone()
            .or_else(|| a.separate_sheet.clone()),
        staff: A::matter(m),
    }
}

fn agency_view<A: Audience>(
    a: &model::Agency,
    idx: &Index,
    programs: &[ProgramView<A>],
) -> AgencyView<A> {
    let id = a.id.get_ref();
    let mut topic_ids: Vec<&str> = Vec::new();
    for m in &a.matters {
        if !topic_ids.contains(&m.topic.get_ref().as_str()) {
            topic_ids.push(m.topic.get_ref());
        }
    }
    let hours = a
        .hours
        .as_ref()
        .map(|h| hours_view(h.get_ref(), a.closures.as_ref(), &idx.hours));
    let matters: Vec<MatterView<A>> = a
        .matters
        .iter()
        .map(|m| matter_view::<A>(m, a, idx))
        .collect();
    AgencyView {
        id: id.clone(),
        url: paths::agency(id),
        name: a.name.clone(),
        reading: a.reading.clone(),
        aliases: a.aliases.clone(),
        summary: a.summary.clone(),
        address: a.address.clone(),
        phones: phones(&a.phones),
        fax: a.fax.as_ref().map(|f| f.get_ref().clone()),
        email: a.email.as_ref().map(|e| e.get_ref().clone()),
        website: a.website.as_ref().map(|w| w.get_ref().clone()),
        hours_data: matters
            .iter()
            .filter_map(|m| m.hours.as_ref())
            .chain(hours.as_ref())
            .filter_map(hours_entry)
            .collect(),
        jsonld: agency_jsonld(a, hours.as_ref(), &idx.hours),
        hours,
        areas: a.areas.clone(),
        verified: a.verified_date().map(|d| d.format("%Y-%m-%d").to_string()),
        separate_sheet: a.separate_sheet.clone(),
        offices: a
            .offices
            .iter()
            .map(|o| OfficeView {
                name: o.name.clone(),
                areas: o.areas.clone(),
                address: o.address.clone(),
                phones: phones(&o.phones),
                hours: o.hours.as_ref().map(|h| h.get_ref().text().to_string()),
            })
            .collect(),
        topics: topic_ids.iter().map(|t| idx.topic_ref(t)).collect(),
        matters,
        programs: programs
            .iter()
            .filter(|p| p.organiser.as_ref().is_some_and(|o| &o.id == id))
            .map(program_ref)
            .collect(),
        staff: A::agency(a),
    }
}

fn program_ref<A: Audience>(p: &ProgramView<A>) -> ProgramRef {
    ProgramRef {
        id: p.id.clone(),
        name: p.name.clone(),
        url: p.url.clone(),
        summary: p.summary.clone(),
    }
}

fn program_view<A: Audience>(p: &model::Program, idx: &Index, targets: &Targets) -> ProgramView<A> {
    let id = p.id.get_ref();
    let url = paths::program(id);
    let schedule = p
        .schedule
        .as_ref()
        .and_then(|s| tsunagu_hours::parse_schedule(s.get_ref()).ok());
    let h = &idx.hours;
    ProgramView {
        sessions: schedule
            .as_ref()
            .map(|s| sessions(s, p.skip_holidays, h, 5))
            .unwrap_or_default(),
        ics_url: schedule.as_ref().map(|_| paths::program_ics(id)),
        ics: schedule.as_ref().map(|s| {
            tsunagu_hours::to_ics(
                &p.name,
                &[ics_event(p, s, &h.uid(id))],
                &h.calendar,
                h.today,
                dtstamp(h.today),
            )
        }),
        jsonld: program_jsonld(p, schedule.as_ref(), idx),
        id: id.clone(),
        body_html: p
            .body
            .as_ref()
            .map(|b| render_markdown(b.get_ref(), &url, targets)),
        url,
        name: p.name.clone(),
        reading: p.reading.clone(),
        summary: p.summary.clone(),
        audience: p.audience.clone(),
        place: p.place.clone(),
        schedule: p
            .schedule
            .as_ref()
            .map(|s| s.get_ref().clone())
            .or_else(|| p.schedule_note.clone()),
        how_to_join: p.how_to_join.clone(),
        cost: p.cost.clone(),
        organiser: p.organiser.as_ref().map(|o| idx.agency_ref(o.get_ref())),
        topics: p
            .topics
            .iter()
            .map(|t| idx.topic_ref(t.get_ref()))
            .collect(),
        website: p.website.as_ref().map(|w| w.get_ref().clone()),
        figures: p.figures.clone(),
        staff: A::program(p),
    }
}

fn topic_views<A: Audience>(
    content: &Content,
    idx: &Index,
    agencies: &[AgencyView<A>],
    programs: &[ProgramView<A>],
) -> Vec<TopicView<A>> {
    let mut topics: Vec<&model::Topic> = content.topics.iter().map(|t| &t.value).collect();
    topics.sort_by_key(|t| t.order);
    topics
        .into_iter()
        .map(|t| {
            let id = t.id.get_ref();
            let mut entries: Vec<TopicEntry<A>> = agencies
                .iter()
                .flat_map(|a| {
                    a.matters
                        .iter()
                        .filter(|m| &m.topic.id == id)
                        .map(move |m| TopicEntry {
                            agency: idx.agency_ref(&a.id),
                            // A <別紙> row is not at the agency's address.
                            address: match m.separate_sheet {
                                Some(_) => None,
                                None => a.address.clone(),
                            },
                            matter: m.clone(),
                        })
                })
                .collect();
            entries.sort_by_key(|e| (!e.matter.star, e.matter.no.unwrap_or(u32::MAX)));
            TopicView {
                id: id.clone(),
                url: paths::topic(id),
                label: t.label.clone(),
                reading: t.reading.clone(),
                description: t.description.clone(),
                synonyms: t.synonyms.clone(),
                entries,
                programs: programs
                    .iter()
                    .filter(|p| p.topics.iter().any(|pt| &pt.id == id))
                    .map(program_ref)
                    .collect(),
                hours_data: BTreeMap::new(),
            }
        })
        .map(|mut t| {
            t.hours_data = t
                .entries
                .iter()
                .filter_map(|e| e.matter.hours.as_ref())
                .filter_map(hours_entry)
                .collect();
            t
        })
        .collect()
}

fn page_views<A: Audience>(content: &Content, targets: &Targets) -> Vec<PageView> {
    let mut pages: Vec<&model::Page> = content
        .pages
        .iter()
        .map(|p| &p.value)
        .filter(|p| A::sees(p))
        .collect();
    pages.sort_by(|a, b| (a.meta.order, &a.slug).cmp(&(b.meta.order, &b.slug)));
    pages
        .into_iter()
        .map(|p| {
            let url = paths::page(&p.slug);
            PageView {
                slug: p.slug.clone(),
                html: render_markdown(&p.markdown, &url, targets),
                url,
                title: p.meta.title.clone(),
                summary: p.meta.summary.clone(),
                staff_only: p.meta.audience == model::Audience::Staff,
            }
        })
        .collect()
}

fn hours_entry(h: &HoursView) -> Option<(String, String)> {
    Some((h.key.clone()?, h.json.clone()?))
}

/// The iCalendar DTSTAMP: the build date, so two builds on one day agree.
fn dtstamp(today: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

fn ics_event<'a>(
    p: &'a model::Program,
    s: &'a tsunagu_hours::Schedule,
    uid: &'a str,
) -> tsunagu_hours::IcsEvent<'a> {
    tsunagu_hours::IcsEvent {
        uid,
        summary: &p.name,
        description: Some(&p.summary),
        location: p.place.as_deref(),
        url: p.website.as_ref().map(|w| w.get_ref().as_str()),
        schedule: s,
        skip_holidays: p.skip_holidays,
    }
}

fn programs_feed(programs: &[model::Sourced<model::Program>], h: &HoursContext) -> Option<String> {
    let parsed: Vec<(&model::Program, tsunagu_hours::Schedule, String)> = programs
        .iter()
        .filter_map(|p| {
            let s = tsunagu_hours::parse_schedule(p.value.schedule.as_ref()?.get_ref()).ok()?;
            Some((&p.value, s, h.uid(p.value.id.get_ref())))
        })
        .collect();
    if parsed.is_empty() {
        return None;
    }
    let events: Vec<tsunagu_hours::IcsEvent> = parsed
        .iter()
        .map(|(p, s, uid)| ics_event(p, s, uid))
        .collect();
    Some(tsunagu_hours::to_ics(
        "参加できる活動",
        &events,
        &h.calendar,
        h.today,
        dtstamp(h.today),
    ))
}

fn agency_jsonld(a: &model::Agency, hours: Option<&HoursView>, h: &HoursContext) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": a.name,
    });
    if let Some(addr) = &a.address {
        v["address"] = serde_json::json!({ "@type": "PostalAddress", "streetAddress": addr, "addressCountry": "JP" });
    }
    if let Some(p) = a.phones.first() {
        v["telephone"] = serde_json::json!(p.number.get_ref());
    }
    if let Some(w) = hours.and_then(|x| x.weekly.as_ref()) {
        v["openingHoursSpecification"] = tsunagu_hours::opening_hours_specification(w);
        let calendar = match &a.closures {
            Some(c) => h.calendar.clone().extended(c),
            None => h.calendar.clone(),
        };
        let until = h.today + chrono::Duration::days(365);
        v["specialOpeningHoursSpecification"] =
            tsunagu_hours::special_opening_hours(w, &calendar, h.today, until);
    }
    script_json(&v)
}

fn program_jsonld(p: &model::Program, s: Option<&tsunagu_hours::Schedule>, idx: &Index) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": p.name,
        "description": p.summary,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    });
    if let Some(place) = &p.place {
        v["location"] = serde_json::json!({ "@type": "Place", "name": place });
    }
    if let Some(o) = &p.organiser {
        v["organizer"] = serde_json::json!({ "@type": "Organization", "name": idx.agency_ref(o.get_ref()).name });
    }
    if let Some(s) = s {
        v["eventSchedule"] = tsunagu_hours::event_schedule(s);
    }
    script_json(&v)
}
