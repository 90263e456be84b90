//! Where each record is written, relative to a site's root. One place, so
//! links, the sitemap, the search index and collision checks agree.

pub fn topic(id: &str) -> String {
    format!("topics/{id}.html")
}
pub fn agency(id: &str) -> String {
    format!("agencies/{id}.html")
}
pub fn program(id: &str) -> String {
    format!("programs/{id}.html")
}
/// iCalendar file of one program.
pub fn program_ics(id: &str) -> String {
    format!("programs/{id}.ics")
}
/// iCalendar feed of all programs.
/// `index` is reserved for program ids, so this cannot collide with one.
pub const PROGRAMS_ICS: &str = "programs/index.ics";
pub fn page(slug: &str) -> String {
    format!("pages/{slug}.html")
}
/// A referral sheet's form (staff site only).
pub fn sheet(id: &str) -> String {
    format!("sheets/{id}.html")
}
pub fn roster(id: &str) -> String {
    format!("rosters/{id}.html")
}

pub const HOME: &str = "index.html";
pub const SEARCH: &str = "search.html";
/// The household plan: several worries at once (`?topics=a,b&main=a`).
pub const PLAN: &str = "plan.html";
/// 今日開いている窓口: every desk with its hours, filtered in the browser.
pub const OPEN_TODAY: &str = "open-today.html";
pub const AGENCY_INDEX: &str = "agencies/index.html";
pub const PROGRAM_INDEX: &str = "programs/index.html";
pub const ROSTER_INDEX: &str = "rosters/index.html";
/// The whole directory as the one printable table (staff site only).
pub const DIRECTORY: &str = "directory.html";
pub const NOT_FOUND: &str = "404.html";

/// The prefix that leads from a file at `path` back to the site root, so
/// links work from `file://` as well as from a web server.
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}
