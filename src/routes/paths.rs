//! Where each record is written, relative to a site's root. One place, so
//! links, the sitemap, the search index and collision checks agree.

pub fn topic(id: &str) -> String {
    format!("topics/{id}.html")
}
/// Page `n` (from 1) of a topic: page 1 is the topic's own address, later
/// pages sit in a folder of its name, which no record address can take.
pub fn topic_page(id: &str, n: usize) -> String {
    if n <= 1 {
        topic(id)
    } else {
        format!("topics/{id}/{n}.html")
    }
}
/// Page `n` (from 1) of the agency list, the same way.
pub fn agency_index_page(n: usize) -> String {
    if n <= 1 {
        AGENCY_INDEX.to_string()
    } else {
        format!("agencies/index/{n}.html")
    }
}
/// Page `n` (from 1) of the program list, the same way.
pub fn program_index_page(n: usize) -> String {
    if n <= 1 {
        PROGRAM_INDEX.to_string()
    } else {
        format!("programs/index/{n}.html")
    }
}
/// The desks of one topic for the household plan of a large directory, a
/// script so that it loads from `file://` too (no fetch of JSON).
pub fn plan_topic_data(id: &str) -> String {
    format!("plan/{id}.js")
}
/// Page `n` (from 1) of 今日開いている窓口 narrowed to one topic, used when
/// the directory is too long for one list.
pub fn open_today_topic_page(id: &str, n: usize) -> String {
    if n <= 1 {
        format!("open-today/{id}.html")
    } else {
        format!("open-today/{id}/{n}.html")
    }
}
/// Page `n` (from 1) of one topic of the printable directory, used when the
/// directory is too long for one table.
pub fn directory_topic_page(id: &str, n: usize) -> String {
    if n <= 1 {
        format!("directory/{id}.html")
    } else {
        format!("directory/{id}/{n}.html")
    }
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
/// A 社会資源 or 支援メニュー.
pub fn resource(id: &str) -> String {
    format!("resources/{id}.html")
}
/// Resources by kind, by topic and by area; these names are reserved.
pub const RESOURCE_INDEX: &str = "resources/index.html";
pub const RESOURCES_BY_TOPIC: &str = "resources/by-topic.html";
pub const RESOURCES_BY_AREA: &str = "resources/by-area.html";
pub const RESOURCE_LIST_NAMES: [&str; 3] = ["index", "by-topic", "by-area"];
/// Desks and resources offering one kind of communication support.
pub fn support(slug: &str) -> String {
    format!("support/{slug}.html")
}
/// Case meetings and when to use which (staff site only), and their
/// regular sessions as a calendar.
pub const MEETINGS: &str = "meetings.html";
pub const MEETINGS_ICS: &str = "meetings.ics";
pub fn page(slug: &str) -> String {
    format!("pages/{slug}.html")
}
/// A referral sheet's form (staff site only).
pub fn sheet(id: &str) -> String {
    format!("sheets/{id}.html")
}
/// The desks of one topic as a referral sheet prefills them, for a
/// directory too large to embed in each sheet (staff site only).
pub fn sheet_topic_data(topic: &str) -> String {
    format!("sheets/data/{topic}.js")
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
/// 「お住まいの地域の窓口」: town or postal code → offices per topic.
pub const LOOKUP: &str = "lookup.html";
/// The lookup's data, a script so that it loads from `file://` too.
pub const LOOKUP_DATA: &str = "static/lookup-data.js";
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
