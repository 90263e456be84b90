//! Opening hours and schedules in the views: the text as written, a weekly
//! timetable for people without JavaScript, the compact JSON the open-now
//! badge reads, the next sessions of a program, and the dates that
//! iCalendar files and JSON-LD are rendered from.

use crate::model::HoursSpec;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tsunagu_hours::{Calendar, ClosureConfig, Schedule, WeeklyHours};

/// What building hours needs: the build date (so output is reproducible)
/// and the site's closure calendar.
pub struct HoursContext {
    pub today: NaiveDate,
    pub calendar: Calendar,
    /// Browser data covers today until this date.
    pub until: NaiveDate,
    /// Most desks share a handful of notations (平日 8:30~17:15): compute
    /// each distinct one once. Behind a lock, as desks are viewed on all
    /// cores.
    cache: Mutex<HashMap<String, HoursView>>,
}

/// What the calendar outputs of a site (iCalendar files, opening hours in
/// JSON-LD) need beyond the records.
#[derive(Clone, Debug)]
pub struct Dates {
    /// The build date, so that output is reproducible.
    pub today: NaiveDate,
    /// National holidays and the site's closures.
    pub calendar: Calendar,
    /// Makes iCalendar UIDs (`<id>@<host>`) globally unique.
    pub uid_host: String,
}

impl HoursContext {
    pub fn new(today: NaiveDate, closures: Option<&ClosureConfig>) -> Self {
        let base = Calendar::new();
        let calendar = match closures {
            Some(c) => base.extended(c),
            None => base,
        };
        // Closures are known for any year; only the holiday list stops where
        // its data does (and `check` warns well before that).
        HoursContext {
            today,
            calendar,
            until: today + chrono::Duration::days(400),
            cache: Mutex::default(),
        }
    }

    fn calendar_for(&self, extra: Option<&ClosureConfig>) -> Calendar {
        match extra {
            Some(c) => self.calendar.clone().extended(c),
            None => self.calendar.clone(),
        }
    }
}

/// A desk's hours as pages show them: shared by every desk and row with the
/// same schedule (a copy per matter row was a tenth of a large view).
pub type HoursView = Arc<Hours>;

pub struct Hours {
    /// As written, e.g. 「平日 8:30~17:15」.
    pub text: String,
    /// Id of the page's `<script type="application/json">` with the data
    /// for the open-now badge; absent when the text could not be understood.
    pub key: Option<String>,
    /// 月…日, 祝日: one row each.
    /// Shared: the same few tables stand on thousands of desks.
    pub table: Arc<[DayRow]>,
    /// The open-now badge's data (not in a page's context).
    pub json: Option<Arc<str>>,
    /// The same hours for schema.org JSON-LD (not in a page's context).
    pub schema: Option<Arc<SchemaHours>>,
    pub weekly: Option<Arc<WeeklyHours>>,
    /// Stands for the table in a fingerprint.
    print: u64,
}

/// The open-now data of a desk's hours, by key, each key once. A sorted
/// list of shared hours: a map per desk held a tree node (half a kilobyte)
/// and a copy of each key, 90 MB at 100,000 desks. Serialised as the map
/// it stands for.
#[derive(Clone, Default)]
pub struct HoursData(Vec<HoursView>);

impl HoursData {
    pub fn new(hours: impl IntoIterator<Item = HoursView>) -> HoursData {
        let mut list: Vec<HoursView> = hours
            .into_iter()
            .filter(|h| h.key.is_some() && h.json.is_some())
            .collect();
        list.sort_by(|a, b| a.key.cmp(&b.key));
        list.dedup_by(|a, b| a.key == b.key);
        list.shrink_to_fit();
        HoursData(list)
    }

    /// Key and data, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .filter_map(|h| Some((h.key.as_deref()?, h.json.as_deref()?)))
    }
}

impl Serialize for HoursData {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl Serialize for Hours {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("HoursView", 3)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("key", &self.key)?;
        if super::brief::is_brief() {
            st.serialize_field("table", &self.print)?;
        } else {
            st.serialize_field("table", &self.table[..])?;
        }
        st.end()
    }
}

/// `openingHoursSpecification` and `specialOpeningHoursSpecification`:
/// the weekly hours, and the days of the coming year when they do not apply
/// (holidays, closures). Made with the rest of a distinct schedule's view,
/// so the year of holidays is checked once per schedule, not per desk.
pub struct SchemaHours {
    pub opening: serde_json::Value,
    pub special: serde_json::Value,
}

#[derive(Serialize, Clone)]
pub struct DayRow {
    pub day: &'static str,
    pub hours: String,
}

const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "月曜"),
    (Weekday::Tue, "火曜"),
    (Weekday::Wed, "水曜"),
    (Weekday::Thu, "木曜"),
    (Weekday::Fri, "金曜"),
    (Weekday::Sat, "土曜"),
    (Weekday::Sun, "日曜"),
];

pub fn hours_view(
    spec: &HoursSpec,
    closures: Option<&ClosureConfig>,
    ctx: &HoursContext,
) -> HoursView {
    // The text is the spec in nearly every record; the table form and a
    // desk's own closed days are rare enough to key by their whole value.
    let key = match (spec, closures) {
        (HoursSpec::Text(t), None) => t.clone(),
        _ => format!("\0{spec:?}{closures:?}"),
    };
    let cache = || ctx.cache.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(v) = cache().get(&key) {
        return v.clone();
    }
    // Computed outside the lock; when two cores meet the same new notation,
    // the first one stored is the one every desk shares.
    let view = compute(spec, closures, ctx);
    cache().entry(key).or_insert(view).clone()
}

fn compute(spec: &HoursSpec, closures: Option<&ClosureConfig>, ctx: &HoursContext) -> HoursView {
    let weekly = spec.weekly();
    let (key, json, schema, table) = match &weekly {
        Some(w) => {
            let calendar = ctx.calendar_for(closures);
            let json = tsunagu_hours::browser_json(w, &calendar, ctx.today, ctx.until);
            let year = ctx.today + chrono::Duration::days(365);
            let schema = SchemaHours {
                opening: tsunagu_hours::opening_hours_specification(w),
                special: tsunagu_hours::special_opening_hours(w, &calendar, ctx.today, year),
            };
            (
                Some(format!("hours-{:016x}", fnv1a(json.as_bytes()))),
                Some(json.into()),
                Some(Arc::new(schema)),
                timetable(w),
            )
        }
        None => (None, None, None, Vec::new()),
    };
    let weekly = weekly.map(Arc::new);
    Arc::new(Hours {
        text: spec.text().to_string(),
        key,
        print: table_print(&table),
        table: table.into(),
        json,
        schema,
        weekly,
    })
}

fn table_print(table: &[DayRow]) -> u64 {
    let mut bytes = Vec::new();
    for row in table {
        bytes.extend_from_slice(row.day.as_bytes());
        bytes.push(0xff);
        bytes.extend_from_slice(row.hours.as_bytes());
        bytes.push(0xfe);
    }
    fnv1a(&bytes)
}

fn timetable(w: &WeeklyHours) -> Vec<DayRow> {
    let mut rows: Vec<DayRow> = DAYS
        .iter()
        .map(|(d, label)| DayRow {
            day: label,
            hours: describe(w.rules.iter().filter(|r| r.days.contains(*d))),
        })
        .collect();
    rows.push(DayRow {
        day: "祝日",
        hours: describe(w.rules.iter().filter(|r| r.days.has_holiday())),
    });
    rows
}

fn describe<'a>(rules: impl Iterator<Item = &'a tsunagu_hours::Rule>) -> String {
    let parts: Vec<String> = rules
        .map(|r| {
            let ranges: Vec<String> = r
                .ranges
                .iter()
                .map(|t| format!("{}～{}", short(t.open), short(t.close)))
                .collect();
            if r.weeks.is_every() {
                ranges.join("、")
            } else {
                let nths: Vec<String> = r.weeks.nths().map(|n| n.to_string()).collect();
                format!("第{}週 {}", nths.join("・"), ranges.join("、"))
            }
        })
        .collect();
    if parts.is_empty() {
        "休み".to_string()
    } else {
        parts.join("／")
    }
}

/// 「8:30」 rather than 「08:30」, as municipal lists write it.
fn short(t: tsunagu_hours::Hm) -> String {
    format!("{}:{:02}", t.hour(), t.minute())
}

/// A stable id for identical data, so pages share one script element per
/// distinct set of hours.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

#[derive(Serialize, Clone)]
pub struct SessionView {
    pub date: String,
    pub label: String,
}

/// The next sessions of a program, for its page.
pub fn sessions(
    schedule: &Schedule,
    skip_holidays: bool,
    ctx: &HoursContext,
    n: usize,
) -> Vec<SessionView> {
    tsunagu_hours::next_occurrences(schedule, &ctx.calendar, ctx.today, n, skip_holidays)
        .into_iter()
        .map(|o| {
            let end = o
                .end
                .map(|e| format!("～{}", short(e)))
                .unwrap_or_else(|| "～".into());
            SessionView {
                date: o.date.to_string(),
                label: format!(
                    "{}年{}月{}日（{}）{}{}",
                    o.date.year(),
                    o.date.month(),
                    o.date.day(),
                    weekday_ja(o.date.weekday()),
                    short(o.start),
                    end
                ),
            }
        })
        .collect()
}

fn weekday_ja(d: Weekday) -> &'static str {
    ["月", "火", "水", "木", "金", "土", "日"][d.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(hours: &str) -> HoursView {
        let table = vec![DayRow {
            day: "月曜",
            hours: hours.to_string(),
        }];
        Arc::new(Hours {
            text: "平日".into(),
            key: Some("hours-1".into()),
            print: table_print(&table),
            table: table.into(),
            json: None,
            schema: None,
            weekly: None,
        })
    }

    #[test]
    fn schema_hours_are_made_once_per_schedule_and_closures_keep_them_apart() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date");
        let ctx = HoursContext::new(today, None);
        let weekdays = HoursSpec::Text("平日 8:30~17:15".into());
        let schema = |v: &HoursView| v.schema.clone().expect("understood hours");
        let first = schema(&hours_view(&weekdays, None, &ctx));
        assert!(Arc::ptr_eq(
            &first,
            &schema(&hours_view(&weekdays, None, &ctx))
        ));
        let names = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .expect("array")
                .iter()
                .map(|s| s["name"].as_str().unwrap_or("").to_string())
                .collect()
        };
        // 年末年始 (12-29..01-03) falls in the coming year of every desk.
        assert!(
            names(&first.special).iter().any(|n| n.contains("年末年始")),
            "{:?}",
            first.special
        );
        let closed: ClosureConfig =
            toml::from_str(r#"dates = [{ date = 2026-12-07, name = "施設点検" }]"#)
                .expect("closures");
        let own = schema(&hours_view(&weekdays, Some(&closed), &ctx));
        assert!(
            names(&own.special).contains(&"施設点検".to_string()),
            "{:?}",
            own.special
        );
        assert!(!names(&first.special).contains(&"施設点検".to_string()));
        let saturdays = HoursSpec::Text("土曜 9:00~12:00".into());
        assert_ne!(
            schema(&hours_view(&saturdays, None, &ctx)).opening,
            first.opening
        );
    }

    #[test]
    fn in_brief_a_table_counts_by_its_print_and_still_tells_tables_apart() {
        let (a, b) = (view("9:00～17:00"), view("9:00～12:00"));
        let json = |v: &HoursView| serde_json::to_string(v).expect("json");
        let brief = |v: &HoursView| super::super::brief::in_brief(|| json(v));
        assert!(json(&a).contains("9:00～17:00"), "pages get the table");
        assert!(!brief(&a).contains("月曜"), "a fingerprint gets its print");
        assert_ne!(brief(&a), brief(&b));
        assert_eq!(brief(&a), brief(&view("9:00～17:00")));
        assert!(
            !super::super::brief::is_brief(),
            "the mode ends with the call"
        );
    }
}
