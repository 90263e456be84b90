//! One function per kind of page; each picks its template and the part of
//! the view it needs.

use super::{calendar, jsonld, sitemap, RenderError, Sink, Theme};
use crate::routes::paths;
use crate::site::{pager, Audience, SiteView};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;
use tera::Context;

/// What every page gets as `site`: small, so rendering stays linear in the
/// number of records.
#[derive(Serialize)]
struct SiteMeta<'a> {
    audience: &'static str,
    staff: bool,
    title: &'a str,
    municipality: &'a str,
    description: Option<&'a str>,
    base_url: &'a str,
    /// Path part of `base_url`, for the 404 page, which a server shows at
    /// arbitrary depths where relative links cannot work.
    base_path: &'a str,
    edition: Option<&'a str>,
    newest_verified: Option<&'a str>,
    webmaster: &'a crate::site::WebmasterView,
    closed_days_note: Option<&'a str>,
    nav_topics: Vec<NavItem<'a>>,
    nav_pages: Vec<NavItem<'a>>,
    /// Fallback lines, crisis lines first: any page may show them (the
    /// `lines_for_topics` macro picks the ones for a set of topics).
    lines: &'a [crate::site::LineView],
    quick_exit: Option<&'a crate::site::QuickExitView>,
    /// Map service address with `{address}`, from site.toml.
    map_url: Option<&'a str>,
    /// The site has the lookup page 「お住まいの地域の窓口」.
    lookup: bool,
    /// Crisis topics, for the search page's crisis blocks.
    crisis_topics: Vec<CrisisTopic<'a>>,
}

#[derive(Serialize)]
struct CrisisTopic<'a> {
    id: &'a str,
    label: &'a str,
    url: &'a str,
    lines: Vec<&'a crate::site::LineView>,
}

#[derive(Serialize)]
struct NavItem<'a> {
    label: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct OpenDataFile {
    url: String,
    name: String,
    format: &'static str,
    kib: usize,
}

struct Renderer<'a> {
    theme: &'a Theme,
    /// The `site` variable, serialised once: every page clones this small
    /// context instead of serialising the site again.
    base: Context,
    base_url: &'a str,
    sink: &'a dyn Sink,
    /// HTML pages handed to the sink, for the sitemap and the page count.
    html: Mutex<Vec<String>>,
}

/// A unit of work of [`render_site`]; the list runs on all cores.
type Job<'a> = (
    &'static str,
    Box<dyn Fn(&Renderer) -> Result<(), RenderError> + Send + Sync + 'a>,
);

/// Renders every file of one site into `sink`, on all cores; returns the
/// number of HTML pages.
pub fn render_site<A: Audience>(
    view: &SiteView<A>,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<usize, RenderError> {
    let r = Renderer::new(theme, meta(view), sink);
    let feed = calendar::feed(&view.programs, &view.dates);
    let feed = &feed;
    let jobs: Vec<Job> = vec![
        (
            "home, search, 404",
            Box::new(|r| {
                // The home page links the topics; their rows (every desk
                // of the directory) would be serialised for nothing.
                let topics: Vec<_> = view.topics.iter().map(|t| t.page(0..0)).collect();
                r.render(paths::HOME, "index.html", |c| {
                    c.insert("topics", &topics);
                    c.insert("programs", &view.programs);
                    c.insert("pages", &view.pages);
                })?;
                r.render(paths::SEARCH, "search.html", |_| {})?;
                r.render(paths::NOT_FOUND, "404.html", |_| {})
            }),
        ),
        ("plan", Box::new(|r| r.plan(view))),
        ("open today", Box::new(|r| r.open_today(view))),
        (
            "topics",
            Box::new(|r| {
                let topic_rosters: Vec<&crate::site::RosterView> = A::roster_list(&view.rosters)
                    .iter()
                    .filter(|r| r.on_topic_pages)
                    .collect();
                view.topics.par_iter().try_for_each(|t| {
                    let resources: Vec<_> = view
                        .resources
                        .iter()
                        .filter(|r| r.topic_ids.contains(&t.id))
                        .collect();
                    let rows = pager::split(t.entries.len(), t.stars(), pager::PER_PAGE);
                    let pagers = pager::pagers(rows.len(), |n| paths::topic_page(&t.id, n));
                    rows.into_par_iter().zip(pagers).try_for_each(|(rows, p)| {
                        let url = paths::topic_page(&t.id, p.number);
                        r.render(&url, "topic.html", |c| {
                            c.insert("topic", &t.page(rows));
                            c.insert("pager", &p);
                            c.insert("topic_rosters", &topic_rosters);
                            c.insert("topic_resources", &resources);
                        })
                    })
                })
            }),
        ),
        (
            "agency list",
            Box::new(|r| {
                let rows = pager::split(view.agencies.len(), 0, pager::PER_PAGE);
                let pagers = pager::pagers(rows.len(), paths::agency_index_page);
                rows.into_par_iter().zip(pagers).try_for_each(|(rows, p)| {
                    let url = paths::agency_index_page(p.number);
                    r.render(&url, "agencies.html", |c| {
                        c.insert("agencies", &view.agencies[rows]);
                        c.insert("total", &view.agencies.len());
                        c.insert("support", &view.support);
                        c.insert("pager", &p);
                    })
                })
            }),
        ),
        (
            "agencies",
            Box::new(|r| {
                view.agencies.par_iter().try_for_each(|a| {
                    let page = jsonld::AgencyPage {
                        agency: a,
                        jsonld: jsonld::agency(a, &view.dates),
                    };
                    r.render(&a.url, "agency.html", |c| c.insert("agency", &page))
                })
            }),
        ),
        (
            "programs",
            Box::new(|r| {
                r.render(paths::PROGRAM_INDEX, "programs.html", |c| {
                    c.insert("programs", &view.programs);
                    let calendar = feed.as_ref().map(|_| paths::PROGRAMS_ICS);
                    c.insert("calendar_url", &calendar);
                })?;
                if let Some(feed) = feed {
                    r.put(paths::PROGRAMS_ICS, feed.clone().into_bytes())?;
                }
                view.programs.par_iter().try_for_each(|p| {
                    let page = jsonld::ProgramPage {
                        program: p,
                        jsonld: jsonld::program(p),
                    };
                    r.render(&p.url, "program.html", |c| c.insert("program", &page))?;
                    if let (Some(url), Some(ics)) = (&p.ics_url, calendar::program(p, &view.dates))
                    {
                        r.put(url, ics.into_bytes())?;
                    }
                    Ok(())
                })
            }),
        ),
        (
            "pages, rosters, sheets",
            Box::new(|r| {
                for p in &view.pages {
                    r.render(&p.url, "page.html", |c| c.insert("page", p))?;
                }
                r.rosters(view)?;
                r.sheets(view)
            }),
        ),
        (
            "resources, meetings, lookup",
            Box::new(|r| {
                r.resources(view)?;
                r.meetings(view)?;
                r.lookup(view)
            }),
        ),
        ("open data", Box::new(|r| r.open_data(view))),
        (
            "search index",
            Box::new(|r| {
                let files = crate::timing::stage(&format!("search index ({})", A::NAME), || {
                    super::search::search_files(view)
                })?;
                for (path, bytes) in files {
                    r.put(&path, bytes)?;
                }
                Ok(())
            }),
        ),
    ];
    jobs.par_iter().try_for_each(|(name, job)| {
        crate::timing::stage(&format!("{name} ({})", A::NAME), || job(&r))
    })?;
    r.finish(A::STAFF)
}

/// Where the data-quality report is on the staff site.
pub const REPORT_PAGE: &str = "report.html";

/// The data-quality report as a page of the staff site. A theme without a
/// `report.html` template gets no page (the `report` command still works).
/// Returns the number of pages (0 or 1).
pub fn report_page(
    view: &SiteView<crate::site::Staff>,
    report: &crate::report::Report,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<usize, RenderError> {
    let r = Renderer::new(theme, meta(view), sink);
    if theme.template_origins.contains_key("report.html") {
        r.render(REPORT_PAGE, "report.html", |c| c.insert("report", report))?;
    }
    Ok(r.pages().len())
}

fn meta<A: Audience>(view: &SiteView<A>) -> SiteMeta<'_> {
    SiteMeta {
        audience: A::NAME,
        staff: A::STAFF,
        title: &view.title,
        municipality: &view.municipality,
        description: view.description.as_deref(),
        base_url: view.base_url.as_str(),
        base_path: view.base_url.path(),
        edition: view.edition.as_deref(),
        newest_verified: view.newest_verified.as_deref(),
        webmaster: &view.webmaster,
        closed_days_note: view.closed_days_note.as_deref(),
        nav_topics: view
            .topics
            .iter()
            .map(|t| NavItem {
                label: &t.label,
                url: &t.url,
            })
            .collect(),
        lines: &view.lines,
        quick_exit: view.quick_exit.as_ref(),
        map_url: view.map_url.as_deref(),
        lookup: view.lookup.is_some(),
        crisis_topics: view
            .topics
            .iter()
            .filter(|t| t.crisis)
            .map(|t| CrisisTopic {
                id: &t.id,
                label: &t.label,
                url: &t.url,
                lines: t.lines.iter().filter(|l| l.crisis).collect(),
            })
            .collect(),
        nav_pages: view
            .pages
            .iter()
            .map(|p| NavItem {
                label: &p.title,
                url: &p.url,
            })
            .collect(),
    }
}

impl<'a> Renderer<'a> {
    fn new(theme: &'a Theme, meta: SiteMeta<'a>, sink: &'a dyn Sink) -> Self {
        let mut base = Context::new();
        base.insert("site", &meta);
        Renderer {
            theme,
            base,
            base_url: meta.base_url,
            sink,
            html: Mutex::default(),
        }
    }

    fn render(
        &self,
        path: &str,
        template: &str,
        fill: impl FnOnce(&mut Context),
    ) -> Result<(), RenderError> {
        let mut ctx = self.base.clone();
        ctx.insert("root", &paths::root_prefix(path));
        ctx.insert("path", path);
        ctx.insert("canonical", &format!("{}{}", self.base_url, path));
        fill(&mut ctx);
        let html = self.theme.tera.render(template, &ctx).map_err(|e| {
            // A missing template has no file: point at where it belongs.
            let origin = self.theme.template_origins.get(template);
            let file = origin.unwrap_or(&self.theme.templates_dir);
            RenderError::template(template, &e).in_file(Some(file))
        })?;
        self.put(path, html.into_bytes())?;
        self.html
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.to_string());
        Ok(())
    }

    /// Renders `template` as if it were the page at `path` (for its links),
    /// into a string that is not a page of its own.
    fn fragment(
        &self,
        path: &str,
        template: &str,
        fill: impl FnOnce(&mut Context),
    ) -> Result<String, RenderError> {
        let mut ctx = self.base.clone();
        ctx.insert("root", &paths::root_prefix(path));
        ctx.insert("path", path);
        fill(&mut ctx);
        self.theme.tera.render(template, &ctx).map_err(|e| {
            let origin = self.theme.template_origins.get(template);
            let file = origin.unwrap_or(&self.theme.templates_dir);
            RenderError::template(template, &e).in_file(Some(file))
        })
    }

    /// Hands a finished file to the sink.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), RenderError> {
        self.sink
            .put(path, bytes)
            .map_err(|source| RenderError::Write {
                path: path.to_string(),
                source,
            })
    }

    fn pages(&self) -> Vec<String> {
        let mut pages = self.html.lock().unwrap_or_else(|e| e.into_inner()).clone();
        pages.sort();
        pages
    }

    /// 社会資源 and 支援メニュー: a page each, the lists by kind, topic and
    /// area, and the desks and resources by communication support.
    fn resources<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let lists = &view.resource_lists;
        for (path, groups, by) in [
            (paths::RESOURCE_INDEX, &lists.by_kind, "kind"),
            (paths::RESOURCES_BY_TOPIC, &lists.by_topic, "topic"),
            (paths::RESOURCES_BY_AREA, &lists.by_area, "area"),
        ] {
            self.render(path, "resources.html", |c| {
                c.insert("resources", &view.resources);
                c.insert("groups", groups);
                c.insert("by", by);
                c.insert("without_area", &lists.without_area);
                c.insert("support", &view.support);
            })?;
        }
        for r in &view.resources {
            self.render(&r.url, "resource.html", |c| c.insert("resource", r))?;
        }
        for s in &view.support {
            self.render(&s.url, "support.html", |c| {
                c.insert("page", s);
                c.insert("support", &view.support);
                c.insert("agencies", &view.agencies);
                c.insert("resources", &view.resources);
            })?;
        }
        Ok(())
    }

    /// Case meetings are staff-only: the citizen view has `NoStaff` in
    /// their place and renders neither the page nor the calendar.
    fn meetings<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let list = A::meeting_list(&view.meetings);
        if list.is_empty() {
            return Ok(());
        }
        let ics = calendar::meetings(list, &view.dates);
        let guide = crate::site::meeting_guide(list);
        self.render(paths::MEETINGS, "meetings.html", |c| {
            c.insert("meetings", list);
            c.insert("guide", &guide);
            c.insert("calendar_url", &ics.as_ref().map(|_| paths::MEETINGS_ICS));
        })?;
        if let Some(ics) = ics {
            self.put(paths::MEETINGS_ICS, ics.into_bytes())?;
        }
        Ok(())
    }

    /// 「お住まいの地域の窓口」: the lookup page and its data file.
    fn lookup<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let Some(lookup) = &view.lookup else {
            return Ok(());
        };
        self.render(paths::LOOKUP, "lookup.html", |c| c.insert("lookup", lookup))?;
        self.put(
            paths::LOOKUP_DATA,
            super::lookup::lookup_js(lookup).into_bytes(),
        )
    }

    /// Rosters are staff-only: the citizen view carries `NoStaff` in their
    /// place, which serialises to `null` and renders no page.
    fn rosters<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let list = A::roster_list(&view.rosters);
        if list.is_empty() {
            return Ok(());
        }
        let fields = roster_fields(list);
        self.render(paths::ROSTER_INDEX, "rosters.html", |c| {
            c.insert("rosters", list);
            c.insert("fields", &fields);
        })?;
        for r in list {
            self.render(&r.url, "roster.html", |c| c.insert("roster", r))?;
        }
        Ok(())
    }

    /// The household plan. A small directory has every topic's desks on
    /// the page, shown by ticking even without JavaScript; a large one
    /// keeps each topic's desks in `plan/<topic>.js`, loaded when ticked,
    /// so the page stays the same size whatever the directory's.
    fn plan<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let rows: usize = view.topics.iter().map(|t| t.entries.len()).sum();
        if rows <= pager::PLAN_INLINE_ROWS {
            let hours: BTreeMap<&String, &String> = view
                .topics
                .iter()
                .flat_map(|t| &t.hours_data)
                .chain(view.agencies.iter().flat_map(|a| &a.hours_data))
                .collect();
            return self.render(paths::PLAN, "plan.html", |c| {
                c.insert("topics", &view.topics);
                c.insert("agencies", &view.agencies);
                c.insert("plan", &view.plan);
                c.insert("hours_data", &hours);
                c.insert("sheets", A::sheet_list(&view.sheets));
                c.insert("plan_load", &false);
            });
        }
        let topics: Vec<_> = view.topics.iter().map(|t| t.page(0..0)).collect();
        let none: [(); 0] = [];
        self.render(paths::PLAN, "plan.html", |c| {
            c.insert("topics", &topics);
            c.insert("agencies", &none);
            c.insert("plan", &view.plan);
            c.insert("hours_data", &BTreeMap::<String, String>::new());
            c.insert("sheets", A::sheet_list(&view.sheets));
            c.insert("plan_load", &true);
        })?;
        view.topics.par_iter().try_for_each(|t| {
            // The rows of the topic's own page 1 (★ first), and every desk
            // handling it: the desks covering several ticked topics are
            // found among those.
            let first = pager::split(t.entries.len(), t.stars(), pager::PER_PAGE)
                .into_iter()
                .next()
                .unwrap_or(0..0);
            let page = t.page(first);
            let agencies: Vec<_> = view
                .agencies
                .iter()
                .filter(|a| a.topics.iter().any(|x| x.id == t.id))
                .collect();
            let mut hours: BTreeMap<&str, &str> = page.hours_data.clone();
            for a in &agencies {
                hours.extend(a.hours_data.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            }
            let html = self.fragment(paths::PLAN, "plan-topic.html", |c| {
                c.insert("topic", &page);
                c.insert("agencies", &agencies);
                c.insert("hours_data", &hours);
            })?;
            self.put(
                &paths::plan_topic_data(&t.id),
                plan_topic_js(&t.id, &html).into_bytes(),
            )
        })
    }

    /// 今日開いている窓口. A small directory is one list; a large one asks
    /// for the worry first and lists each topic's desks on pages.
    fn open_today<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let no_pager: Option<pager::Pager> = None;
        if view.agencies.len() <= pager::OPEN_TODAY_WHOLE {
            return self.render(paths::OPEN_TODAY, "open-today.html", |c| {
                c.insert("agencies", &view.agencies);
                c.insert("by_topic", &Vec::<TopicLink>::new());
                c.insert("topic", &None::<TopicLink>);
                c.insert("pager", &no_pager);
            });
        }
        let by_id: HashMap<&str, &crate::site::AgencyView<A>> =
            view.agencies.iter().map(|a| (a.id.as_str(), a)).collect();
        // Each topic's agencies once, in the topic's order (★ first).
        let lists: Vec<(TopicLink, Vec<&crate::site::AgencyView<A>>)> = view
            .topics
            .iter()
            .map(|t| {
                let mut seen = HashSet::new();
                let agencies: Vec<_> = t
                    .entries
                    .iter()
                    .filter(|e| seen.insert(e.agency.id.as_str()))
                    .filter_map(|e| by_id.get(e.agency.id.as_str()).copied())
                    .collect();
                let link = TopicLink {
                    id: t.id.clone(),
                    label: t.label.clone(),
                    url: paths::open_today_topic_page(&t.id, 1),
                    count: agencies.len(),
                    pages: Vec::new(),
                };
                (link, agencies)
            })
            .collect();
        let links: Vec<&TopicLink> = lists.iter().map(|(l, _)| l).collect();
        self.render(paths::OPEN_TODAY, "open-today.html", |c| {
            c.insert("agencies", &Vec::<()>::new());
            c.insert("by_topic", &links);
            c.insert("topic", &None::<TopicLink>);
            c.insert("pager", &no_pager);
        })?;
        lists.par_iter().try_for_each(|(link, agencies)| {
            let rows = pager::split(agencies.len(), 0, pager::PER_PAGE);
            let pagers = pager::pagers(rows.len(), |n| paths::open_today_topic_page(&link.id, n));
            rows.into_par_iter().zip(pagers).try_for_each(|(rows, p)| {
                let url = paths::open_today_topic_page(&link.id, p.number);
                self.render(&url, "open-today.html", |c| {
                    c.insert("agencies", &agencies[rows]);
                    c.insert("by_topic", &Vec::<TopicLink>::new());
                    c.insert("topic", link);
                    c.insert("pager", &Some(&p));
                })
            })
        })
    }

    /// The printable 相談機関一覧 (staff only). A small directory is the one
    /// table the cities print; a large one is an index page and a table
    /// per topic, paged.
    fn directory<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let rows: usize = view.topics.iter().map(|t| t.entries.len()).sum();
        let no_pager: Option<pager::Pager> = None;
        if rows <= pager::DIRECTORY_ROWS {
            return self.render(paths::DIRECTORY, "directory.html", |c| {
                c.insert("topics", &view.topics);
                c.insert("directory_index", &Vec::<TopicLink>::new());
                c.insert("part", &None::<TopicLink>);
                c.insert("pager", &no_pager);
            });
        }
        let parts: Vec<(TopicLink, Vec<std::ops::Range<usize>>)> = view
            .topics
            .iter()
            .map(|t| {
                let split = pager::split(t.entries.len(), 0, pager::DIRECTORY_ROWS);
                let link = TopicLink {
                    id: t.id.clone(),
                    label: t.label.clone(),
                    url: paths::directory_topic_page(&t.id, 1),
                    count: t.entries.len(),
                    pages: (1..=split.len())
                        .map(|n| paths::directory_topic_page(&t.id, n))
                        .collect(),
                };
                (link, split)
            })
            .collect();
        let index: Vec<&TopicLink> = parts.iter().map(|(l, _)| l).collect();
        self.render(paths::DIRECTORY, "directory.html", |c| {
            c.insert("topics", &Vec::<()>::new());
            c.insert("directory_index", &index);
            c.insert("part", &None::<TopicLink>);
            c.insert("pager", &no_pager);
        })?;
        parts
            .par_iter()
            .zip(&view.topics)
            .try_for_each(|((link, split), t)| {
                let pagers = pager::pagers(split.len(), |n| paths::directory_topic_page(&t.id, n));
                split.par_iter().zip(pagers).try_for_each(|(rows, p)| {
                    self.render(&link.pages[p.number - 1], "directory.html", |c| {
                        c.insert("topics", &[t.page(rows.clone())]);
                        c.insert("directory_index", &Vec::<TopicLink>::new());
                        c.insert("part", link);
                        c.insert("pager", &Some(&p));
                    })
                })
            })
    }

    /// Referral sheets and the printable directory are staff-only: the
    /// citizen view has `NoStaff` for sheets and renders neither.
    fn sheets<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let list = A::sheet_list(&view.sheets);
        if !A::STAFF {
            return Ok(());
        }
        self.directory(view)?;
        if list.is_empty() {
            return Ok(());
        }
        // A sheet prefills its 紹介先 rows from the directory: embedded when
        // small, else per topic in scripts the sheet adds for the topics in
        // its address (the plan only refers desks of the ticked topics).
        let rows: usize = view.topics.iter().map(|t| t.entries.len()).sum();
        let embed = rows <= pager::PLAN_INLINE_ROWS;
        let directory = if embed {
            directory_json(view.agencies.iter())
        } else {
            "[]".to_string()
        };
        for s in list {
            self.render(&s.url, "sheet.html", |c| {
                c.insert("sheet", s);
                c.insert("directory_json", &directory);
                c.insert("sheet_load", &!embed);
            })?;
        }
        if !embed {
            view.topics.par_iter().try_for_each(|t| {
                let agencies = view
                    .agencies
                    .iter()
                    .filter(|a| a.topics.iter().any(|x| x.id == t.id));
                let js = format!(
                    "(window.tsunaguSheetTopics = window.tsunaguSheetTopics || {{}})[{}] = {};\n",
                    serde_json::to_string(&t.id).unwrap_or_default(),
                    directory_json(agencies)
                );
                self.put(&paths::sheet_topic_data(&t.id), js.into_bytes())
            })?;
        }
        Ok(())
    }

    /// The citizen site offers its records as open data, made from the
    /// citizen view (so without names or 内線), with a page that lists the
    /// files and the license the site declares.
    fn open_data<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        if A::STAFF {
            return Ok(());
        }
        let files = crate::export::all(view)?;
        // The tabular package is listed by its datapackage.json, which
        // names its CSV files; they sit beside it.
        let tabular = format!("{}/", crate::export::HSDS_TABULAR_DIR);
        let list: Vec<OpenDataFile> = files
            .iter()
            .filter(|(path, _)| !path.starts_with(&tabular) || path.ends_with("datapackage.json"))
            .map(|(path, bytes)| OpenDataFile {
                url: path.clone(),
                name: path.rsplit('/').next().unwrap_or(path).to_string(),
                format: if path.starts_with(&tabular) {
                    "Open Referral HSDS 3.0 表形式（datapackage.json と同じフォルダーの CSV 21 ファイル）"
                } else if path.ends_with(".csv") {
                    "CSV（公共施設一覧の形式）"
                } else {
                    "JSON（Open Referral HSDS 3.0）"
                },
                kib: bytes.len().div_ceil(1024),
            })
            .collect();
        // A theme made before this page existed still builds: the files
        // are published, the page is left out.
        if self.theme.template_origins.contains_key("opendata.html") {
            let desks: usize = view.agencies.iter().map(|a| a.matters.len()).sum();
            self.render(crate::export::PAGE, "opendata.html", |c| {
                c.insert("files", &list);
                c.insert("license", &view.open_data);
                c.insert("agencies", &view.agencies.len());
                c.insert("desks", &desks);
            })?;
        }
        for (path, bytes) in files {
            self.put(&path, bytes)?;
        }
        Ok(())
    }

    /// The files that list or accompany the pages: sitemap, robots.txt and
    /// the theme's static files.
    fn finish(self, staff: bool) -> Result<usize, RenderError> {
        let pages = self.pages();
        for (path, xml) in sitemap::sitemaps(self.base_url, pages.iter(), sitemap::MAX_URLS) {
            self.put(&path, xml.into_bytes())?;
        }
        self.put(
            "robots.txt",
            sitemap::robots(staff, self.base_url).into_bytes(),
        )?;
        for (p, bytes) in &self.theme.static_files {
            self.put(&format!("static/{p}"), bytes.clone())?;
        }
        // static/staff/ holds files for staff only (a form, the PDF of a
        // 別紙): the citizen tree never gets them.
        if staff {
            for (p, bytes) in &self.theme.staff_static_files {
                self.put(&format!("static/{p}"), bytes.clone())?;
            }
        }
        Ok(pages.len())
    }
}

/// A topic of a list narrowed by topic: 今日開いている窓口 or the
/// printable directory of a large site.
#[derive(Serialize)]
struct TopicLink {
    id: String,
    label: String,
    url: String,
    count: usize,
    /// The pages of the topic, from 1.
    pages: Vec<String>,
}

/// A topic's part of the household plan as a script: the HTML is a string
/// that plan.js finds under the topic's id once the script has run.
fn plan_topic_js(id: &str, html: &str) -> String {
    let json = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
    format!(
        "(window.tsunaguPlanTopics = window.tsunaguPlanTopics || {{}})[{}] = {};\n",
        json(id),
        json(html).replace('<', "\\u003c")
    )
}

/// The directory a sheet prefills its 紹介先 rows from, as JSON for an inline
/// script: `<` escaped so no value can close the script element.
fn directory_json<'a, A: Audience + 'a>(
    agencies: impl Iterator<Item = &'a crate::site::AgencyView<A>>,
) -> String {
    serde_json::to_string(&agencies.collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".to_string())
        .replace('<', "\\u003c")
}

/// One field (分野) across every roster: who to ask about it.
#[derive(Serialize)]
struct RosterField<'a> {
    field: &'a str,
    members: Vec<RosterFieldMember<'a>>,
}

#[derive(Serialize)]
struct RosterFieldMember<'a> {
    roster: &'a str,
    url: &'a str,
    affiliation: &'a str,
    agency_url: Option<&'a str>,
    name: Option<&'a str>,
}

/// The rosters' members by field, fields in order of first appearance, so
/// staff find 「住まい」 or 「障害福祉」 without knowing which roster holds it.
fn roster_fields(list: &[crate::site::RosterView]) -> Vec<RosterField<'_>> {
    let mut fields: Vec<RosterField> = Vec::new();
    for r in list {
        for m in &r.members {
            let member = RosterFieldMember {
                roster: &r.title,
                url: &r.url,
                affiliation: &m.affiliation,
                agency_url: m.agency_url.as_deref(),
                name: m.name.as_deref(),
            };
            match fields.iter_mut().find(|f| f.field == m.field) {
                Some(f) => f.members.push(member),
                None => fields.push(RosterField {
                    field: &m.field,
                    members: vec![member],
                }),
            }
        }
    }
    fields
}
