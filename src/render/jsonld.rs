//! schema.org JSON-LD for agency and program pages, rendered from the
//! audience's view: the citizen site's comes from a view that has no staff
//! fields, so it cannot carry any.

use crate::site::{AgencyView, Audience, Dates, ProgramView};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tsunagu_hours::{ClosureConfig, WeeklyHours};

/// An agency page's `agency`: the view plus its JSON-LD, so templates keep
/// writing `{{ agency.jsonld | safe }}`.
#[derive(Serialize)]
#[serde(bound(serialize = ""))]
pub struct AgencyPage<'a, A: Audience> {
    #[serde(flatten)]
    pub agency: &'a AgencyView<A>,
    /// schema.org GovernmentOffice, ready for a script element.
    pub jsonld: String,
}

/// A program page's `program`: the view plus its JSON-LD.
#[derive(Serialize)]
#[serde(bound(serialize = ""))]
pub struct ProgramPage<'a, A: Audience> {
    #[serde(flatten)]
    pub program: &'a ProgramView<A>,
    /// schema.org Event, ready for a script element.
    pub jsonld: String,
}

/// The hours part of agencies' JSON-LD, made once per distinct weekly
/// hours and closures of a render: most desks of a directory keep the same
/// hours, and the year of holidays behind them is the costly part.
#[derive(Default)]
pub struct HoursLd {
    made: Mutex<HashMap<String, Arc<(Value, Value)>>>,
}

impl HoursLd {
    /// `openingHoursSpecification` and `specialOpeningHoursSpecification`.
    fn get(
        &self,
        w: &WeeklyHours,
        closures: Option<&ClosureConfig>,
        dates: &Dates,
    ) -> Arc<(Value, Value)> {
        let key = format!("{w:?}|{closures:?}");
        if let Some(found) = self.lock().get(&key) {
            return Arc::clone(found);
        }
        let calendar = match closures {
            Some(c) => dates.calendar.clone().extended(c),
            None => dates.calendar.clone(),
        };
        let until = dates.today + chrono::Duration::days(365);
        let made = Arc::new((
            tsunagu_hours::opening_hours_specification(w),
            tsunagu_hours::special_opening_hours(w, &calendar, dates.today, until),
        ));
        self.lock().insert(key, Arc::clone(&made));
        made
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<(Value, Value)>>> {
        // A panic elsewhere cannot leave a half-made entry: entries are
        // inserted whole, so a poisoned map is still right.
        self.made.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// schema.org GovernmentOffice with opening hours, and the days in the
/// coming year when they do not apply (holidays, closures).
pub fn agency<A: Audience>(a: &AgencyView<A>, dates: &Dates, hours: &HoursLd) -> String {
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": a.name,
    });
    if let Some(addr) = &a.address {
        v["address"] = serde_json::json!({ "@type": "PostalAddress", "streetAddress": addr, "addressCountry": "JP" });
    }
    if let Some(p) = a.phones.first() {
        v["telephone"] = serde_json::json!(p.number);
    }
    if let Some(w) = a.hours.as_ref().and_then(|x| x.weekly.as_ref()) {
        let made = hours.get(w, a.closures.as_ref(), dates);
        v["openingHoursSpecification"] = made.0.clone();
        v["specialOpeningHoursSpecification"] = made.1.clone();
    }
    script_json(&v)
}

/// schema.org Event with its recurring schedule.
pub fn program<A: Audience>(p: &ProgramView<A>) -> String {
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
        v["organizer"] = serde_json::json!({ "@type": "Organization", "name": o.name });
    }
    if let Some(s) = &p.parsed_schedule {
        v["eventSchedule"] = tsunagu_hours::event_schedule(s);
    }
    script_json(&v)
}

/// JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are
/// written as escapes so no content can close the element or open a comment.
pub fn script_json(v: &serde_json::Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::{script_json, HoursLd};
    use crate::site::Dates;
    use std::sync::Arc;
    use tsunagu_hours::{Calendar, ClosureConfig};

    fn dates() -> Dates {
        Dates {
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date"),
            calendar: Calendar::new(),
            uid_host: "example.jp".into(),
        }
    }

    #[test]
    fn hours_shared_by_desks_are_made_once_and_closures_keep_them_apart() {
        let (ld, dates) = (HoursLd::default(), dates());
        let weekdays = tsunagu_hours::parse_hours("平日 8:30~17:15").expect("hours");
        let first = ld.get(&weekdays, None, &dates);
        assert!(Arc::ptr_eq(&first, &ld.get(&weekdays, None, &dates)));
        let names = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .expect("array")
                .iter()
                .map(|s| s["name"].as_str().unwrap_or("").to_string())
                .collect()
        };
        // 年末年始 (12-29..01-03) falls in the coming year of every desk.
        assert!(
            names(&first.1).iter().any(|n| n.contains("年末年始")),
            "{:?}",
            first.1
        );
        let closed: ClosureConfig =
            toml::from_str(r#"dates = [{ date = 2026-12-07, name = "施設点検" }]"#)
                .expect("closures");
        let own = ld.get(&weekdays, Some(&closed), &dates);
        assert!(
            names(&own.1).contains(&"施設点検".to_string()),
            "{:?}",
            own.1
        );
        assert!(!names(&first.1).contains(&"施設点検".to_string()));
        let saturdays = tsunagu_hours::parse_hours("土曜 9:00~12:00").expect("hours");
        assert_ne!(ld.get(&saturdays, None, &dates).0, first.0);
    }

    #[test]
    fn script_json_cannot_close_or_comment_out_its_element() {
        let v = serde_json::json!({ "name": "</script><!--<script> & more" });
        let out = script_json(&v);
        assert!(
            !out.contains('<') && !out.contains('>') && !out.contains('&'),
            "{out}"
        );
        let back: serde_json::Value = serde_json::from_str(&out).expect("still JSON");
        assert_eq!(back, v);
    }
}
