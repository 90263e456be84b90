//! schema.org JSON-LD for agency and program pages, rendered from the
//! audience's view: the citizen site's comes from a view that has no staff
//! fields, so it cannot carry any.

use crate::site::{AgencyView, Audience, ProgramView};
use serde::Serialize;

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

/// schema.org GovernmentOffice with opening hours, and the days in the
/// coming year when they do not apply (holidays, closures).
pub fn agency<A: Audience>(a: &AgencyView<A>) -> String {
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
    if let Some(hours) = a.hours.as_ref().and_then(|x| x.schema.as_ref()) {
        v["openingHoursSpecification"] = hours.opening.clone();
        v["specialOpeningHoursSpecification"] = hours.special.clone();
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
    use super::script_json;
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
