//! One function per kind of page; each picks its template and the part of
//! the view it needs.

use super::{calendar, jsonld, sitemap, Files, RenderError, Theme};
use crate::routes::paths;
use crate::site::{Audience, SiteView};
use serde::Serialize;
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
    meta: SiteMeta<'a>,
    files: Files,
}

pub fn render_site<A: Audience>(view: &SiteView<A>, theme: &Theme) -> Result<Files, RenderError> {
    let mut r = Renderer {
        theme,
        meta: meta(view),
        files: Files::new(),
    };
    r.render(paths::HOME, "index.html", |c| {
        c.insert("topics", &view.topics);
        c.insert("programs", &view.programs);
        c.insert("pages", &view.pages);
    })?;
    r.render(paths::SEARCH, "search.html", |_| {})?;
    // Every topic's and agency's open-now data once: the plan shows them all.
    let plan_hours: std::collections::BTreeMap<&String, &String> = view
        .topics
        .iter()
        .flat_map(|t| &t.hours_data)
        .chain(view.agencies.iter().flat_map(|a| &a.hours_data))
        .collect();
    r.render(paths::PLAN, "plan.html", |c| {
        c.insert("topics", &view.topics);
        c.insert("agencies", &view.agencies);
        c.insert("plan", &view.plan);
        c.insert("hours_data", &plan_hours);
        c.insert("sheets", A::sheet_list(&view.sheets));
    })?;
    r.render(paths::OPEN_TODAY, "open-today.html", |c| {
        c.insert("agencies", &view.agencies);
    })?;
    for t in &view.topics {
        r.render(&t.url, "topic.html", |c| c.insert("topic", t))?;
    }
    r.render(paths::AGENCY_INDEX, "agencies.html", |c| {
        c.insert("agencies", &view.agencies)
    })?;
    for a in &view.agencies {
        let page = jsonld::AgencyPage {
            agency: a,
            jsonld: jsonld::agency(a, &view.dates),
        };
        r.render(&a.url, "agency.html", |c| c.insert("agency", &page))?;
    }
    let feed = calendar::feed(&view.programs, &view.dates);
    r.render(paths::PROGRAM_INDEX, "programs.html", |c| {
        c.insert("programs", &view.programs);
        let calendar = feed.as_ref().map(|_| paths::PROGRAMS_ICS);
        c.insert("calendar_url", &calendar);
    })?;
    for p in &view.programs {
        let page = jsonld::ProgramPage {
            program: p,
            jsonld: jsonld::program(p),
        };
        r.render(&p.url, "program.html", |c| c.insert("program", &page))?;
    }
    for p in &view.programs {
        if let (Some(url), Some(ics)) = (&p.ics_url, calendar::program(p, &view.dates)) {
            r.files.insert(url.clone(), ics.into_bytes());
        }
    }
    if let Some(feed) = feed {
        r.files
            .insert(paths::PROGRAMS_ICS.to_string(), feed.into_bytes());
    }
    for p in &view.pages {
        r.render(&p.url, "page.html", |c| c.insert("page", p))?;
    }
    r.rosters(view)?;
    r.sheets(view)?;
    r.open_data(view)?;
    r.files.extend(super::search::search_files(view)?);
    r.render(paths::NOT_FOUND, "404.html", |_| {})?;
    Ok(r.finish(A::STAFF))
}

/// Where the data-quality report is on the staff site.
pub const REPORT_PAGE: &str = "report.html";

/// The data-quality report as a page of the staff site. A theme without a
/// `report.html` template gets no page (the `report` command still works).
pub fn report_page(
    view: &SiteView<crate::site::Staff>,
    report: &crate::report::Report,
    theme: &Theme,
) -> Result<Files, RenderError> {
    let mut r = Renderer {
        theme,
        meta: meta(view),
        files: Files::new(),
    };
    if theme.template_origins.contains_key("report.html") {
        r.render(REPORT_PAGE, "report.html", |c| c.insert("report", report))?;
    }
    Ok(r.files)
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

impl Renderer<'_> {
    fn render(
        &mut self,
        path: &str,
        template: &str,
        fill: impl FnOnce(&mut Context),
    ) -> Result<(), RenderError> {
        let mut ctx = Context::new();
        ctx.insert("site", &self.meta);
        ctx.insert("root", &paths::root_prefix(path));
        ctx.insert("path", path);
        ctx.insert("canonical", &format!("{}{}", self.meta.base_url, path));
        fill(&mut ctx);
        let html = self.theme.tera.render(template, &ctx).map_err(|e| {
            // A missing template has no file: point at where it belongs.
            let origin = self.theme.template_origins.get(template);
            let file = origin.unwrap_or(&self.theme.templates_dir);
            RenderError::template(template, &e).in_file(Some(file))
        })?;
        self.files.insert(path.to_string(), html.into_bytes());
        Ok(())
    }

    /// Rosters are staff-only: the citizen view carries `NoStaff` in their
    /// place, which serialises to `null` and renders no page.
    fn rosters<A: Audience>(&mut self, view: &SiteView<A>) -> Result<(), RenderError> {
        let list = A::roster_list(&view.rosters);
        if list.is_empty() {
            return Ok(());
        }
        self.render(paths::ROSTER_INDEX, "rosters.html", |c| {
            c.insert("rosters", list)
        })?;
        for r in list {
            self.render(&r.url, "roster.html", |c| c.insert("roster", r))?;
        }
        Ok(())
    }

    /// Referral sheets and the printable directory are staff-only: the
    /// citizen view has `NoStaff` for sheets and renders neither.
    fn sheets<A: Audience>(&mut self, view: &SiteView<A>) -> Result<(), RenderError> {
        let list = A::sheet_list(&view.sheets);
        if !A::STAFF {
            return Ok(());
        }
        self.render(paths::DIRECTORY, "directory.html", |c| {
            c.insert("topics", &view.topics);
            c.insert("sheets", list);
        })?;
        if list.is_empty() {
            return Ok(());
        }
        let directory = directory_json(view);
        for s in list {
            self.render(&s.url, "sheet.html", |c| {
                c.insert("sheet", s);
                c.insert("directory_json", &directory);
            })?;
        }
        Ok(())
    }

    /// The citizen site offers its records as open data, made from the
    /// citizen view (so without names or 内線), with a page that lists the
    /// files and the license the site declares.
    fn open_data<A: Audience>(&mut self, view: &SiteView<A>) -> Result<(), RenderError> {
        if A::STAFF {
            return Ok(());
        }
        let files = crate::export::all(view)?;
        let list: Vec<OpenDataFile> = files
            .iter()
            .map(|(path, bytes)| OpenDataFile {
                url: path.clone(),
                name: path.rsplit('/').next().unwrap_or(path).to_string(),
                format: if path.ends_with(".csv") {
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
        self.files.extend(files);
        Ok(())
    }

    fn finish(mut self, staff: bool) -> Files {
        let sitemap = sitemap::sitemap(self.meta.base_url, self.files.keys());
        self.files
            .insert("sitemap.xml".into(), sitemap.into_bytes());
        self.files.insert(
            "robots.txt".into(),
            sitemap::robots(staff, self.meta.base_url).into_bytes(),
        );
        for (p, bytes) in &self.theme.static_files {
            self.files.insert(format!("static/{p}"), bytes.clone());
        }
        // static/staff/ holds files for staff only (a form, the PDF of a
        // 別紙): the citizen tree never gets them.
        if staff {
            for (p, bytes) in &self.theme.staff_static_files {
                self.files.insert(format!("static/{p}"), bytes.clone());
            }
        }
        self.files
    }
}

/// The directory a sheet prefills its 紹介先 rows from, as JSON for an inline
/// script: `<` escaped so no value can close the script element.
fn directory_json<A: Audience>(view: &SiteView<A>) -> String {
    serde_json::to_string(&view.agencies)
        .unwrap_or_else(|_| "[]".to_string())
        .replace('<', "\\u003c")
}
