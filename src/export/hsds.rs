//! Open Referral HSDS 3.0: an agency is an organization, each of its
//! matters (相談項目 rows) a service, its address and its offices
//! locations, the topics a taxonomy. Files are JSON arrays of the standard's
//! objects: `organizations.json`, `services.json` (with their phones,
//! schedules, service_at_locations, attributes and, for staff, contacts),
//! `locations.json` and `taxonomy_terms.json`; and the same records as the
//! standard's tabular data package in `tabular/` ([`super::tabular`]).

use super::ids::Ids;
use super::tabular::Tabular;
use super::{append, ExportError, Out, HSDS_DIR, STAFF_NOTICE};
use crate::site::{AgencyView, Audience, MatterView, PhoneView, SiteView};
use serde_json::{json, Map, Value};
use tsunagu_hours::{DaySet, Hm, WeeklyHours};

const ICAL_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

pub fn hsds<A: Audience>(view: &SiteView<A>, out: &dyn Out) -> Result<(), ExportError> {
    let ids = Ids::new(&format!("{}#{}", view.dates.uid_host, view.municipality));
    let taxonomy = format!("{} 相談項目", view.municipality);
    let mut tabular = Tabular::new(out)?;
    let array = |name: &str| PrettyArray::new(out, format!("{HSDS_DIR}/{name}"));
    let mut terms = array("taxonomy_terms.json");
    for t in &view.topics {
        let term = json!({
            "id": ids.id("taxonomy_term", &t.id),
            "code": t.id,
            "name": t.label,
            "description": t.description,
            "taxonomy": taxonomy,
            "language": "ja",
        });
        tabular.term(&term)?;
        terms.push(&term)?;
    }
    terms.finish()?;
    let mut organizations = array("organizations.json");
    let mut locations = array("locations.json");
    let mut services = array("services.json");
    for a in &view.agencies {
        let org_id = ids.id("organization", &a.id);
        let org = organization(a, &org_id, &ids);
        tabular.organization(&org)?;
        organizations.push(&org)?;
        let mut locate = |id: String, name: &str, addr: &str| {
            let l = location(&id, &org_id, name, addr, &view.municipality, &ids);
            tabular.location(&l)?;
            locations.push(&l)?;
            Ok::<_, ExportError>(id)
        };
        let main = match &a.address {
            Some(addr) => Some(locate(ids.id("location", &a.id), &a.name, addr)?),
            None => None,
        };
        let mut offices: Vec<String> = Vec::new();
        for (i, o) in a.offices.iter().enumerate() {
            if let Some(addr) = &o.address {
                let id = ids.id("location", &format!("{}/office/{i}", a.id));
                offices.push(locate(id, &format!("{} {}", a.name, o.name), addr)?);
            }
        }
        for (i, m) in a.matters.iter().enumerate() {
            // A <別紙> row is answered at the offices, not at the head office.
            let at: Vec<&String> = match (&m.separate_sheet, &main) {
                (Some(_), _) | (None, None) => offices.iter().collect(),
                (None, Some(main)) => vec![main],
            };
            let s = service::<A>(a, m, i, &org_id, &at, &ids);
            tabular.service(&s)?;
            services.push(&s)?;
        }
    }
    let license = view
        .open_data
        .as_ref()
        .map(|o| (o.license.as_str(), o.license_url.as_deref()));
    tabular.finish(license)?;
    for list in [organizations, services, locations] {
        list.finish()?;
    }
    Ok(())
}

/// A JSON array written into its file one element at a time: byte for
/// byte what `serde_json::to_vec_pretty` makes of the whole array, and a
/// newline.
struct PrettyArray<'o> {
    out: &'o dyn Out,
    path: String,
    empty: bool,
    one: Vec<u8>,
    indented: Vec<u8>,
}

impl<'o> PrettyArray<'o> {
    fn new(out: &'o dyn Out, path: String) -> Self {
        PrettyArray {
            out,
            path,
            empty: true,
            one: Vec::new(),
            indented: Vec::new(),
        }
    }

    fn push(&mut self, v: &Value) -> Result<(), ExportError> {
        self.one.clear();
        serde_json::to_writer_pretty(&mut self.one, v)?;
        self.indented.clear();
        self.indented
            .extend_from_slice(if self.empty { b"[\n  " } else { b",\n  " });
        self.empty = false;
        // Pretty JSON has a newline only between tokens (strings escape
        // theirs), so indenting each line nests the element one level.
        for line in self.one.split_inclusive(|&b| b == b'\n') {
            self.indented.extend_from_slice(line);
            if line.ends_with(b"\n") {
                self.indented.extend_from_slice(b"  ");
            }
        }
        self.append(&self.indented)
    }

    fn finish(self) -> Result<(), ExportError> {
        self.append(if self.empty { b"[]\n" } else { b"\n]\n" })
    }

    fn append(&self, bytes: &[u8]) -> Result<(), ExportError> {
        append(self.out, &self.path, bytes)
    }
}

fn organization<A: Audience>(a: &AgencyView<A>, id: &str, ids: &Ids) -> Value {
    let mut o = obj(json!({
        "id": id,
        "name": a.name,
        "description": a.summary.clone().unwrap_or_else(|| a.name.clone()),
        "phones": phones(&a.phones, &format!("organization/{}", a.id), ids, None),
    }));
    if !a.aliases.is_empty() {
        o.insert("alternate_name".into(), a.aliases.join("、").into());
    }
    if let Some(e) = &a.email {
        o.insert("email".into(), e.clone().into());
    }
    if let Some(w) = &a.website {
        o.insert("website".into(), w.clone().into());
    }
    Value::Object(o)
}

/// The address is one line in the list (「北区鹿田町1-1-1」): it goes whole
/// into `address_1`; HSDS requires the other fields, which the list does
/// not have, so they are empty rather than guessed.
fn location(id: &str, org: &str, name: &str, address: &str, city: &str, ids: &Ids) -> Value {
    json!({
        "id": id,
        "location_type": "physical",
        "organization_id": org,
        "name": name,
        "addresses": [{
            "id": ids.id("address", id),
            "location_id": id,
            "address_1": address,
            "city": city,
            "state_province": "",
            "postal_code": "",
            "country": "JP",
            "address_type": "physical",
        }],
    })
}

/// HSDS 3.0 service status for a desk's status.
fn hsds_status(s: crate::model::Status) -> &'static str {
    use crate::model::Status;
    match s {
        Status::Open => "active",
        Status::Planned => "inactive",
        Status::Suspended => "temporarily closed",
        Status::Closed => "defunct",
    }
}

fn service<A: Audience>(
    a: &AgencyView<A>,
    m: &MatterView<A>,
    index: usize,
    org: &str,
    at: &[&String],
    ids: &Ids,
) -> Value {
    let key = format!("{}/{index}", a.id);
    let id = ids.id("service", &key);
    let staff = A::search_staff(&m.staff);
    let mut s = obj(json!({
        "id": id,
        "organization_id": org,
        "name": format!("{}（{}）", m.topic.label, a.name),
        "description": m.description,
        "status": hsds_status(a.lifecycle),
        "phones": phones(&m.phones, &key, ids, staff.extension.as_deref()),
        "schedules": m.hours.as_ref().map(|h| schedules(&h.text, h.weekly.as_deref(), &id, &key, ids)).unwrap_or_default(),
        "service_at_locations": at.iter().map(|loc| json!({
            "id": ids.id("service_at_location", &format!("{key}@{loc}")),
            "service_id": id,
            "location_id": loc,
        })).collect::<Vec<_>>(),
        "attributes": [{
            "id": ids.id("attribute", &key),
            "link_id": id,
            "link_type": "topic",
            "link_entity": "service",
            "taxonomy_term_id": ids.id("taxonomy_term", &m.topic.id),
            "label": m.topic.label,
            "value": if m.star { "★" } else { "" },
        }],
    }));
    if let Some(w) = &a.website {
        s.insert("url".into(), w.clone().into());
    }
    if let Some(note) = &m.separate_sheet {
        s.insert("application_process".into(), note.clone().into());
    }
    // Contact names are a public field in HSDS: only the staff view has any.
    if let Some(name) = staff.contact {
        s.insert(
            "contacts".into(),
            json!([{ "id": ids.id("contact", &key), "service_id": id, "name": name }]),
        );
    }
    if A::STAFF {
        s.insert("alert".into(), STAFF_NOTICE.into());
    }
    Value::Object(s)
}

/// `extension` is the staff view's 内線 (「5443、5444」): HSDS has one
/// number per phone, so the first goes there and all of them into the
/// description.
fn phones(list: &[PhoneView], key: &str, ids: &Ids, extension: Option<&str>) -> Vec<Value> {
    list.iter()
        .enumerate()
        .map(|(i, p)| {
            let mut v = obj(json!({
                "id": ids.id("phone", &format!("{key}/{i}")),
                "number": p.number,
                "type": "voice",
            }));
            if let Some(l) = &p.label {
                v.insert("description".into(), l.clone().into());
            }
            if let Some(ext) = extension {
                let first: String = ext.chars().take_while(char::is_ascii_digit).collect();
                if let Ok(n) = first.parse::<u64>() {
                    v.insert("extension".into(), n.into());
                }
                let d = match &p.label {
                    Some(l) => format!("{l} 内線 {ext}"),
                    None => format!("内線 {ext}"),
                };
                v.insert("description".into(), d.into());
            }
            Value::Object(v)
        })
        .collect()
}

/// One schedule per (days, weeks, time range) of the parsed hours, in
/// iCalendar terms with Japan's offset; hours that could not be parsed keep
/// their text in `description` only. National holidays have no iCalendar
/// day, so a holiday rule is said in `notes`.
fn schedules(
    text: &str,
    weekly: Option<&WeeklyHours>,
    service: &str,
    key: &str,
    ids: &Ids,
) -> Vec<Value> {
    let base = |n: usize| {
        obj(json!({
            "id": ids.id("schedule", &format!("{key}/{n}")),
            "service_id": service,
            "description": text,
        }))
    };
    let Some(w) = weekly else {
        return vec![Value::Object(base(0))];
    };
    let mut out = Vec::new();
    for rule in &w.rules {
        let days: Vec<&str> = rule
            .days
            .weekdays()
            .map(|d| ICAL_DAYS[d.num_days_from_monday() as usize])
            .collect();
        let byday = if rule.weeks.is_every() {
            days.join(",")
        } else {
            rule.weeks
                .nths()
                .flat_map(|n| days.iter().map(move |d| format!("{n}{d}")))
                .collect::<Vec<_>>()
                .join(",")
        };
        for r in &rule.ranges {
            let mut s = base(out.len());
            if !days.is_empty() {
                let freq = if rule.weeks.is_every() {
                    "WEEKLY"
                } else {
                    "MONTHLY"
                };
                s.insert("freq".into(), freq.into());
                s.insert("byday".into(), byday.clone().into());
                s.insert("wkst".into(), "MO".into());
            }
            s.insert("opens_at".into(), jst(r.open).into());
            s.insert("closes_at".into(), jst(r.close).into());
            s.insert("timezone".into(), 9.into());
            if rule.days.has_holiday() {
                let note = if rule.days == DaySet::HOLIDAY {
                    "祝日のみ"
                } else {
                    "祝日も受付"
                };
                s.insert("notes".into(), note.into());
            }
            out.push(Value::Object(s));
        }
    }
    if out.is_empty() {
        out.push(Value::Object(base(0)));
    }
    out
}

/// HH:MM with Japan's offset, as HSDS asks; 24:00 and later wrap.
fn jst(t: Hm) -> String {
    let m = t.minutes() % (24 * 60);
    format!("{:02}:{:02}+09:00", m / 60, m % 60)
}

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::PrettyArray;
    use crate::export::Collect;
    use serde_json::{json, Value};

    /// The file written element by element is the file `to_vec_pretty`
    /// makes of the whole array, and a newline.
    fn same_as_whole(list: Vec<Value>) {
        let out = Collect::default();
        let mut a = PrettyArray::new(&out, "a.json".to_string());
        for v in &list {
            a.push(v).expect("serialise");
        }
        a.finish().expect("finish");
        let mut files = out.into_files();
        let mut whole = serde_json::to_vec_pretty(&Value::Array(list)).expect("serialise");
        whole.push(b'\n');
        assert_eq!(
            String::from_utf8(files.remove("a.json").expect("the file")).expect("utf-8"),
            String::from_utf8(whole).expect("utf-8")
        );
    }

    #[test]
    fn an_array_written_element_by_element_is_the_pretty_array() {
        same_as_whole(vec![]);
        same_as_whole(vec![json!({})]);
        same_as_whole(vec![json!([])]);
        same_as_whole(vec![
            json!({ "id": "a", "phones": [{ "number": "086-803-1234" }], "n": 1 }),
            // A newline inside a string is escaped, so it is not indented.
            json!({ "description": "一行目\n二行目", "empty": [], "nested": { "x": [1, 2] } }),
            json!("text"),
            json!(null),
        ]);
    }
}
