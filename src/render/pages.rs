//! One function per kind of page; each picks its template and the part of
//! the view it needs.

use super::prints::{self, Fill, Incremental, Memo, PrintHasher};
use super::{calendar, jsonld, sitemap, OpenFile, RenderError, Sink, Theme};
use crate::routes::paths;
use crate::site::{pager, Audience, SiteView};
use crate::timing::tally;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
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
    /// The fingerprint of `site`, which every page shows.
    base_print: u64,
    base_url: &'a str,
    sink: &'a dyn Sink,
    /// HTML pages handed to the sink, for the sitemap and the page count.
    html: Mutex<Vec<String>>,
    /// When set, files as last rendered are skipped.
    incremental: Option<&'a Incremental<'a>>,
    /// Prints shared by many pages, when `incremental` is set.
    memo: Memo,
}

/// Which files of a site [`render_site_with`] makes. The preview server
/// shows the pages first and adds the search index, the open-data files
/// (and their page) and a large plan's per-topic files right after: a
/// person editing a record waits for none of them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    All,
    /// Everything but the [`Part::Later`] files.
    Pages,
    /// The search index, the open data and the plan's per-topic files.
    Later,
}

/// How [`render_site_with`] renders.
#[derive(Clone, Copy)]
pub struct RenderOptions<'a> {
    pub part: Part,
    /// Renders only the files whose fingerprint differs from the last render.
    pub incremental: Option<&'a Incremental<'a>>,
    /// Once set, no further job starts: the result is about to be thrown
    /// away (the preview's later step, after a new save).
    pub cancel: Option<&'a AtomicBool>,
}

impl Default for RenderOptions<'_> {
    fn default() -> Self {
        RenderOptions {
            part: Part::All,
            incremental: None,
            cancel: None,
        }
    }
}

/// A unit of work of [`render_site`]; the list runs on all cores.
type Job<'a> = (
    &'static str,
    Box<dyn Fn(&Renderer) -> Result<(), RenderError> + Send + Sync + 'a>,
);

/// The name of the job that builds the search index.
const SEARCH_JOB: &str = "search index";
/// The name of the job that makes the open-data files and their page.
const OPEN_DATA_JOB: &str = "open data";
/// The name of the job that makes a large plan's per-topic files.
const PLAN_DATA_JOB: &str = "plan data";
/// The jobs of [`Part::Later`]: files no page shows when it loads.
const LATER_JOBS: [&str; 3] = [SEARCH_JOB, OPEN_DATA_JOB, PLAN_DATA_JOB];

/// Renders every file of one site into `sink`, on all cores; returns the
/// number of HTML pages.
pub fn render_site<A: Audience>(
    view: &SiteView<A>,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<usize, RenderError> {
    render_site_with(view, theme, sink, RenderOptions::default())
}

/// [`render_site`], of one part of the site and, with `incremental`, only
/// the files that differ from the last render; returns the number of HTML
/// pages the site has (rendered or not).
pub fn render_site_with<A: Audience>(
    view: &SiteView<A>,
    theme: &Theme,
    sink: &dyn Sink,
    opts: RenderOptions,
) -> Result<usize, RenderError> {
    let memo = match opts.incremental {
        Some(_) => Memo::new(view),
        None => Memo::default(),
    };
    let r = Renderer::new(theme, meta(view), sink, opts.incremental, memo);
    let feed = calendar::feed(&view.programs, &view.dates);
    let feed = &feed;
    // The jobs that run on one thread come first, so they start first and
    // the jobs that split into many (pages) fill the other cores around them:
    // started last, the search index ran alone at the end of each site.
    let jobs: Vec<Job> = vec![
        (OPEN_DATA_JOB, Box::new(|r| r.open_data(view))),
        (
            SEARCH_JOB,
            Box::new(|r| super::search::search_files(view, |path, bytes| r.put(&path, bytes))),
        ),
        (
            "home, search, 404",
            Box::new(|r| {
                // The home page links the topics; their rows (every desk
                // of the directory) would be serialised for nothing.
                let topics: Vec<_> = view.topics.iter().map(|t| t.page(0..0)).collect();
                r.render(paths::HOME, "index.html", |c| {
                    c.insert("topics", &topics);
                    // A handful, then a link to them all: the home page
                    // stays the same size whatever the directory's.
                    let shown = view.programs.len().min(pager::HOME_PROGRAMS);
                    c.insert("programs", &view.programs[..shown]);
                    c.insert("program_count", &view.programs.len());
                    c.insert("pages", &view.pages);
                })?;
                r.render(paths::SEARCH, "search.html", |_| {})?;
                r.render(paths::NOT_FOUND, "404.html", |_| {})
            }),
        ),
        ("plan", Box::new(|r| r.plan(view))),
        (PLAN_DATA_JOB, Box::new(|r| r.plan_data(view))),
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
                    let rows = pager::split(t.entries.len(), pager::PER_PAGE);
                    let pagers = pager::pagers(rows.len(), |n| paths::topic_page(&t.id, n));
                    rows.into_par_iter().zip(pagers).try_for_each(|(rows, p)| {
                        let url = paths::topic_page(&t.id, p.number);
                        r.render(&url, "topic.html", |c| {
                            let page = match p.number {
                                1 => t.page_with_programs(rows.clone()),
                                _ => t.page(rows.clone()),
                            };
                            c.insert("topic", &page);
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
                let rows = pager::split(view.agencies.len(), pager::PER_PAGE);
                let pagers = pager::pagers(rows.len(), paths::agency_index_page);
                rows.into_par_iter().zip(pagers).try_for_each(|(rows, p)| {
                    let url = paths::agency_index_page(p.number);
                    r.render(&url, "agencies.html", |c| {
                        c.agency_rows("agencies", view.agencies[rows.clone()].iter());
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
                    r.render(&a.url, "agency.html", |c| {
                        c.lazy(
                            "agency",
                            |h, memo| {
                                // The JSON-LD also reads what the page does
                                // not show: the hours as understood, the
                                // agency's own closed days, the calendar.
                                h.agency(a, memo);
                                h.bytes(&memo.dates.to_le_bytes());
                                let weekly = a.hours.as_ref().map(|x| &x.weekly);
                                h.bytes(format!("{weekly:?}{:?}", a.closures).as_bytes());
                            },
                            || jsonld::AgencyPage {
                                agency: a,
                                jsonld: jsonld::agency(a),
                            },
                        )
                    })
                })
            }),
        ),
        (
            "programs",
            Box::new(|r| {
                let calendar = feed.as_ref().map(|_| paths::PROGRAMS_ICS);
                let rows = pager::split(view.programs.len(), pager::PER_PAGE);
                let pagers = pager::pagers(rows.len(), paths::program_index_page);
                rows.into_par_iter().zip(pagers).try_for_each(|(rows, p)| {
                    let url = paths::program_index_page(p.number);
                    r.render(&url, "programs.html", |c| {
                        c.insert("programs", &view.programs[rows.clone()]);
                        c.insert("calendar_url", &calendar);
                        c.insert("pager", &p);
                    })
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
    ];
    let wanted = |name: &str| match opts.part {
        Part::All => true,
        Part::Pages => !LATER_JOBS.contains(&name),
        Part::Later => LATER_JOBS.contains(&name),
    };
    if opts.part == Part::Pages {
        // Made later, but listed in this part's sitemap.
        if let Some(page) = r.open_data_page::<A>() {
            r.listed(page);
        }
    }
    let cancelled = || opts.cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    jobs.par_iter()
        .filter(|(name, _)| wanted(name))
        .try_for_each(|(name, job)| {
            if cancelled() {
                return Ok(());
            }
            crate::timing::stage(&format!("{name} ({})", A::NAME), || job(&r))
        })?;
    if opts.part == Part::Later {
        return Ok(0);
    }
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
    incremental: Option<&Incremental>,
) -> Result<usize, RenderError> {
    let r = Renderer::new(theme, meta(view), sink, incremental, Memo::default());
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
    fn new(
        theme: &'a Theme,
        meta: SiteMeta<'a>,
        sink: &'a dyn Sink,
        incremental: Option<&'a Incremental<'a>>,
        memo: Memo,
    ) -> Self {
        let mut base = Context::new();
        base.insert("site", &meta);
        let base_print = match incremental {
            Some(_) => {
                let mut h = PrintHasher::new("site");
                h.value("site", &meta);
                h.finish()
            }
            None => 0,
        };
        Renderer {
            theme,
            base,
            base_print,
            base_url: meta.base_url,
            sink,
            html: Mutex::default(),
            incremental,
            memo,
        }
    }

    /// Renders `template` as the page at `path`, with the values `fill`
    /// puts in; `fill` may be called twice, once to take the page's
    /// fingerprint. `root`, `path` and `canonical` follow from the path and
    /// `site`.
    fn render(
        &self,
        path: &str,
        template: &str,
        fill: impl Fn(&mut Fill),
    ) -> Result<(), RenderError> {
        self.listed(path);
        if self.unchanged(path, path, template, &fill) {
            return Ok(());
        }
        let ctx = tally(template, "context", || {
            let mut ctx = self.context(path);
            ctx.insert("canonical", &format!("{}{}", self.base_url, path));
            fill(&mut Fill::Context(&mut ctx));
            ctx
        });
        let html = tally(template, "render", || self.tera(template, &ctx))?;
        tally(template, "write", || {
            self.hand_over(path, html.into_bytes())
        })
    }

    /// Whether the file `out`, rendered from `template` with links as on
    /// the page at `links`, is as last rendered (always `false` outside an
    /// incremental render). Records its fingerprint for the next render.
    fn unchanged(&self, out: &str, links: &str, template: &str, fill: &impl Fn(&mut Fill)) -> bool {
        let Some(inc) = self.incremental else {
            return false;
        };
        let mut h = PrintHasher::new(template);
        h.value("out", out);
        h.value("links", links);
        h.bytes(&self.base_print.to_le_bytes());
        fill(&mut Fill::Hash(&mut h, &self.memo));
        inc.unchanged(out, h.finish())
    }

    /// `site` and the variables that follow from the page at `links`.
    fn context(&self, links: &str) -> Context {
        let mut ctx = self.base.clone();
        ctx.insert("root", &paths::root_prefix(links));
        ctx.insert("path", links);
        ctx
    }

    fn tera(&self, template: &str, ctx: &Context) -> Result<String, RenderError> {
        self.theme.tera.render(template, ctx).map_err(|e| {
            // A missing template has no file: point at where it belongs.
            let origin = self.theme.template_origins.get(template);
            let file = origin.unwrap_or(&self.theme.templates_dir);
            RenderError::template(template, &e).in_file(Some(file))
        })
    }

    /// Counts `path` as an HTML page of the site (for the sitemap).
    fn listed(&self, path: &str) {
        self.html
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.to_string());
    }

    /// The open-data page, if this site has one. A theme made before the
    /// page existed still builds: the files are published, the page is
    /// left out.
    fn open_data_page<A: Audience>(&self) -> Option<&'static str> {
        let has = !A::STAFF && self.theme.template_origins.contains_key("opendata.html");
        has.then_some(crate::export::PAGE)
    }

    /// Hands a finished file to the sink, unless it is as last rendered.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), RenderError> {
        if let Some(inc) = self.incremental {
            if inc.unchanged(path, prints::of_bytes(&bytes)) {
                return Ok(());
            }
        }
        self.hand_over(path, bytes)
    }

    fn hand_over(&self, path: &str, bytes: Vec<u8>) -> Result<(), RenderError> {
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
            // Only what the page lists: the whole directory in every
            // support page's context would be copied (and fingerprinted)
            // for nothing.
            let agencies: Vec<_> = s
                .agencies
                .iter()
                .filter_map(|&i| view.agencies.get(i))
                .collect();
            let resources: Vec<_> = s
                .resources
                .iter()
                .filter_map(|&i| view.resources.get(i))
                .collect();
            self.render(&s.url, "support.html", |c| {
                c.insert("page", s);
                c.insert("support", &view.support);
                c.agencies("agencies", agencies.iter().copied());
                c.insert("resources", &resources);
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
        if plan_inline(view) {
            let hours: BTreeMap<&str, &str> = view
                .topics
                .iter()
                .flat_map(|t| t.hours_data.iter().map(|(k, v)| (k.as_str(), &**v)))
                .chain(view.agencies.iter().flat_map(|a| a.hours_data.iter()))
                .collect();
            return self.render(paths::PLAN, "plan.html", |c| {
                c.insert("topics", &view.topics);
                c.agencies("agencies", view.agencies.iter());
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
        })
    }

    /// The desks of each topic for a large household plan, `plan/<topic>.js`:
    /// a topic's file lists thousands of desks, so the preview server makes
    /// them after showing the pages, like the search index.
    fn plan_data<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        if plan_inline(view) {
            return Ok(());
        }
        // A desk's item is the same in every topic it handles (about four
        // each): made once, when a topic first needs it, and let go when the
        // last of its topics has taken it (kept for the whole job, the items
        // were the peak memory of a 100,000-agency build).
        // Every desk handling each topic, by position.
        let desks: Vec<Vec<usize>> = view
            .topics
            .iter()
            .map(|t| {
                (0..view.agencies.len())
                    .filter(|&i| view.agencies[i].topics.iter().any(|x| x.id == t.id))
                    .collect()
            })
            .collect();
        let mut uses = vec![0; view.agencies.len()];
        for &i in desks.iter().flatten() {
            uses[i] += 1;
        }
        let items: Vec<Mutex<PlanItem>> = uses
            .into_iter()
            .map(|uses| Mutex::new(PlanItem { html: None, uses }))
            .collect();
        let item = |i: usize, take: &mut dyn FnMut(&str)| -> Result<(), RenderError> {
            let mut slot = items[i].lock().unwrap_or_else(|e| e.into_inner());
            let html = match slot.html.take() {
                Some(html) => html,
                None => {
                    let mut ctx = self.context(paths::PLAN);
                    ctx.insert("agencies", &[&view.agencies[i]]);
                    self.tera("plan-agencies.html", &ctx)?
                }
            };
            take(&html);
            slot.uses = slot.uses.saturating_sub(1);
            if slot.uses > 0 {
                slot.html = Some(html);
            }
            Ok(())
        };
        view.topics.par_iter().zip(&desks).try_for_each(|(t, at)| {
            // The rows of the topic's own page 1 (★ first), and every desk
            // handling it: the desks covering several ticked topics are
            // found among those.
            let first = pager::split(t.entries.len(), pager::PER_PAGE)
                .into_iter()
                .next()
                .unwrap_or(0..0);
            let page = t.page(first);
            let agencies: Vec<_> = at.iter().map(|&i| &view.agencies[i]).collect();
            // The topic's and its agencies' hours: in a fingerprint, `page`
            // and `agencies` stand for them.
            let hours = || {
                let mut hours: BTreeMap<&str, &str> = page.hours_data.clone();
                for a in &agencies {
                    hours.extend(a.hours_data.iter());
                }
                hours
            };
            let out = paths::plan_topic_data(&t.id);
            let fill = |c: &mut Fill| {
                c.insert("topic", &page);
                c.agencies("agencies", agencies.iter().copied());
                c.lazy("hours_data", |_, _| {}, hours);
            };
            if self.unchanged(&out, paths::PLAN, "plan-topic.html", &fill) {
                return Ok(());
            }
            // The page is made around a mark, and the desks' items are
            // written into the script in its place one by one: the list
            // whole, then in the context, the page and the script, was
            // several copies of a topic's thousands of desks at once.
            let mut ctx = self.context(paths::PLAN);
            ctx.insert("topic", &page);
            ctx.insert("agencies_html", PLAN_ITEMS_MARK);
            ctx.insert("hours_data", &hours());
            let html = self.tera("plan-topic.html", &ctx)?;
            drop(ctx);
            let mut js = plan_topic_js_start(&t.id);
            match html.split_once(PLAN_ITEMS_MARK) {
                Some((before, after)) if !after.contains(PLAN_ITEMS_MARK) => {
                    push_js_text(&mut js, before);
                    for &i in at {
                        item(i, &mut |html| push_js_text(&mut js, html))?;
                    }
                    push_js_text(&mut js, after);
                }
                // A theme without the list, or with it twice, or a record
                // holding the mark's text: the page is made with the list.
                _ => {
                    let mut list = String::new();
                    for &i in at {
                        item(i, &mut |html| list.push_str(html))?;
                    }
                    let mut ctx = self.context(paths::PLAN);
                    ctx.insert("topic", &page);
                    ctx.insert("agencies_html", &list);
                    ctx.insert("hours_data", &hours());
                    push_js_text(&mut js, &self.tera("plan-topic.html", &ctx)?);
                }
            }
            js.push_str(PLAN_TOPIC_JS_END);
            self.hand_over(&out, js.into_bytes())
        })
    }

    /// 今日開いている窓口. A small directory is one list; a large one asks
    /// for the worry first and lists each topic's desks on pages.
    fn open_today<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        let no_pager: Option<pager::Pager> = None;
        if view.agencies.len() <= pager::OPEN_TODAY_WHOLE {
            return self.render(paths::OPEN_TODAY, "open-today.html", |c| {
                c.agency_rows("agencies", view.agencies.iter());
                c.insert("hours_data", &hours_data(view.agencies.iter()));
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
            c.insert("hours_data", &BTreeMap::<&str, &str>::new());
            c.insert("by_topic", &links);
            c.insert("topic", &None::<TopicLink>);
            c.insert("pager", &no_pager);
        })?;
        lists.par_iter().try_for_each(|(link, agencies)| {
            let rows = pager::split(agencies.len(), pager::PER_PAGE);
            let pagers = pager::pagers(rows.len(), |n| paths::open_today_topic_page(&link.id, n));
            rows.into_par_iter().zip(pagers).try_for_each(|(rows, p)| {
                let url = paths::open_today_topic_page(&link.id, p.number);
                self.render(&url, "open-today.html", |c| {
                    let page = || agencies[rows.clone()].iter().copied();
                    c.agency_rows("agencies", page());
                    c.insert("hours_data", &hours_data(page()));
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
                let split = pager::split(t.entries.len(), pager::DIRECTORY_ROWS);
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
    /// files and the license the site declares. The files are streamed into
    /// the sink (at 100,000 agencies they were the largest thing a build
    /// held); in an incremental render they are collected and compared.
    fn open_data<A: Audience>(&self, view: &SiteView<A>) -> Result<(), RenderError> {
        if A::STAFF {
            return Ok(());
        }
        let sizes = if self.incremental.is_some() {
            let out = crate::export::Collect::default();
            crate::export::write_all(view, &out)?;
            let mut sizes = BTreeMap::new();
            for (path, bytes) in out.into_files() {
                sizes.insert(path.clone(), bytes.len());
                self.put(&path, bytes)?;
            }
            sizes
        } else {
            let out = OpenDataOut::new(self.sink);
            let written = crate::export::write_all(view, &out);
            out.close(written)?
        };
        let Some(page) = self.open_data_page::<A>() else {
            return Ok(());
        };
        // The tabular package is listed by its datapackage.json, which
        // names its CSV files; they sit beside it.
        let tabular = format!("{}/", crate::export::HSDS_TABULAR_DIR);
        let list: Vec<OpenDataFile> = sizes
            .iter()
            .filter(|(path, _)| !path.starts_with(&tabular) || path.ends_with("datapackage.json"))
            .map(|(path, size)| OpenDataFile {
                url: path.clone(),
                name: path.rsplit('/').next().unwrap_or(path).to_string(),
                format: if path.starts_with(&tabular) {
                    "Open Referral HSDS 3.0 表形式（datapackage.json と同じフォルダーの CSV 21 ファイル）"
                } else if path.ends_with(".csv") {
                    "CSV（公共施設一覧の形式）"
                } else {
                    "JSON（Open Referral HSDS 3.0）"
                },
                kib: size.div_ceil(1024),
            })
            .collect();
        let desks: usize = view.agencies.iter().map(|a| a.matters.len()).sum();
        self.render(page, "opendata.html", |c| {
            c.insert("files", &list);
            c.insert("license", &view.open_data);
            c.insert("agencies", &view.agencies.len());
            c.insert("desks", &desks);
        })
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
/// Whether the household plan holds every topic's desks on its page.
fn plan_inline<A: Audience>(view: &SiteView<A>) -> bool {
    let rows: usize = view.topics.iter().map(|t| t.entries.len()).sum();
    rows <= pager::PLAN_INLINE_ROWS
}

/// Where a topic's desks go in `plan-topic.html`: a text no record or
/// template holds, and that HTML escaping leaves as it is.
const PLAN_ITEMS_MARK: &str = "\u{1}tsunagu:plan-agencies\u{1}";

/// A desk's list item in a large plan's per-topic file, until its last topic.
struct PlanItem {
    html: Option<String>,
    /// Topics still to take it.
    uses: usize,
}

/// `plan/<topic>.js` up to the opening quote of its HTML: the text follows
/// through [`push_js_text`] and the script ends with [`PLAN_TOPIC_JS_END`].
fn plan_topic_js_start(id: &str) -> String {
    let mut js = String::from("(window.tsunaguPlanTopics = window.tsunaguPlanTopics || {})[");
    js.push_str(&json_text(id));
    js.push_str("] = \"");
    js
}

const PLAN_TOPIC_JS_END: &str = "\";\n";

/// `text` as the inside of a JSON string, `<` escaped so that no desk's
/// text can close the script element. Escaping goes character by
/// character, so pieces escaped one by one join to the whole escaped.
fn push_js_text(out: &mut String, text: &str) {
    let quoted = json_text(text);
    let inner = &quoted[1..quoted.len() - 1];
    let mut rest = inner;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        out.push_str("\\u003c");
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

fn json_text(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
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

/// The open-data files as they are written into a sink, each opened on its
/// first piece. Keeps the first write error with its file, for the message.
struct OpenDataOut<'s> {
    sink: &'s dyn Sink,
    /// Each file being written, with its size so far.
    open: Mutex<BTreeMap<String, Opened<'s>>>,
    failed: Mutex<Option<(String, std::io::Error)>>,
}

type Opened<'s> = (Box<dyn OpenFile + 's>, usize);

impl<'s> OpenDataOut<'s> {
    fn new(sink: &'s dyn Sink) -> Self {
        OpenDataOut {
            sink,
            open: Mutex::default(),
            failed: Mutex::default(),
        }
    }

    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if !open.contains_key(path) {
            open.insert(path.to_string(), (self.sink.create(path)?, 0));
        }
        if let Some((piece, size)) = open.get_mut(path) {
            piece.write_all(bytes)?;
            *size += bytes.len();
        }
        Ok(())
    }

    /// Closes every file; their sizes by path.
    fn close(
        self,
        written: Result<(), crate::export::ExportError>,
    ) -> Result<BTreeMap<String, usize>, RenderError> {
        let open = self.open.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut sizes = BTreeMap::new();
        let mut closed = Ok(());
        for (path, (piece, size)) in open {
            if let Err(e) = piece.close() {
                closed = closed.and(Err((path.clone(), e)));
            }
            sizes.insert(path, size);
        }
        let failed = self.failed.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some((path, source)) = failed.or(closed.err()) {
            return Err(RenderError::Write { path, source });
        }
        written?;
        Ok(sizes)
    }
}

impl crate::export::Out for OpenDataOut<'_> {
    /// After the first failure nothing more is written: the build stops
    /// with that error (the export gets a copy of it, the message keeps the
    /// original with its file).
    fn append(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, e)) = failed.as_ref() {
            return Err(std::io::Error::new(e.kind(), e.to_string()));
        }
        self.write(path, bytes).map_err(|e| {
            let copy = std::io::Error::new(e.kind(), e.to_string());
            *failed = Some((path.to_string(), e));
            copy
        })
    }
}

/// The open-now data of a list's agencies, each once: desks of the same
/// hours share one `<script>` (one id per page, not one per desk).
fn hours_data<'v, A: Audience + 'v>(
    agencies: impl Iterator<Item = &'v crate::site::AgencyView<A>>,
) -> BTreeMap<&'v str, &'v str> {
    agencies.flat_map(|a| a.hours_data.iter()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_script_written_piece_by_piece_is_the_whole_escaped_once() {
        let pieces = [
            "<li class=\"a\">北区\n",
            "相談\\窓口\t</li>",
            "",
            "<b>\u{1}</b>",
        ];
        let mut js = plan_topic_js_start("kaigo");
        for p in pieces {
            push_js_text(&mut js, p);
        }
        js.push_str(PLAN_TOPIC_JS_END);
        let whole = serde_json::to_string(&pieces.concat())
            .expect("JSON")
            .replace('<', "\\u003c");
        assert_eq!(
            js,
            format!("(window.tsunaguPlanTopics = window.tsunaguPlanTopics || {{}})[\"kaigo\"] = {whole};\n")
        );
        assert!(!js.contains('<'));
    }
}
