//! HSDS 3.0 in its tabular layout: a `datapackage.json` and one CSV per
//! table, made from the same objects as the JSON files, so both always say
//! the same. Nested lists become rows of their own table with the key of
//! their parent (an organization's phones get `organization_id`). The
//! tables, columns and keys are those of the standard's own data package
//! (`hsds-3.0/datapackage.json`); every table is written, empty ones with
//! their header only, so that every foreign key names a table that exists.

use super::{ExportError, Files, HSDS_TABULAR_DIR};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

const DATAPACKAGE: &str = include_str!("hsds-3.0/datapackage.json");

/// Rows per table (by resource name, e.g. `phone`).
#[derive(Default)]
struct Tables(BTreeMap<&'static str, Vec<Map<String, Value>>>);

impl Tables {
    fn add(&mut self, table: &'static str, row: &Value, parent: Option<(&str, &Value)>) {
        let Value::Object(o) = row else { return };
        let mut row = o.clone();
        if let Some((key, id)) = parent {
            row.entry(key).or_insert_with(|| id.clone());
        }
        self.0.entry(table).or_default().push(row);
    }
}

fn list<'a>(o: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    o.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// The tabular package for the HSDS objects of one export. `license` is
/// the site's open-data licence, when it declares one.
pub fn tabular(
    organizations: &[Value],
    services: &[Value],
    locations: &[Value],
    terms: &[Value],
    license: Option<(&str, Option<&str>)>,
) -> Result<Files, ExportError> {
    let mut t = Tables::default();
    for o in organizations {
        t.add("organization", o, None);
        for p in list(o, "phones") {
            t.add("phone", p, Some(("organization_id", &o["id"])));
        }
    }
    for s in services {
        t.add("service", s, None);
        for (key, table) in [
            ("phones", "phone"),
            ("schedules", "schedule"),
            ("service_at_locations", "service_at_location"),
            ("contacts", "contact"),
        ] {
            for x in list(s, key) {
                t.add(table, x, Some(("service_id", &s["id"])));
            }
        }
        for a in list(s, "attributes") {
            t.add("attribute", a, None);
        }
    }
    for l in locations {
        t.add("location", l, None);
        for a in list(l, "addresses") {
            t.add("address", a, Some(("location_id", &l["id"])));
        }
    }
    for term in terms {
        t.add("taxonomy_term", term, None);
    }
    let mut package: Value = serde_json::from_str(DATAPACKAGE)?;
    let mut files = Files::new();
    if let Some(resources) = package["resources"].as_array() {
        for r in resources {
            let (Some(name), Some(path)) = (r["name"].as_str(), r["path"].as_str()) else {
                continue;
            };
            let fields: Vec<&str> = r["schema"]["fields"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f["name"].as_str())
                .collect();
            let rows = t.0.get(name).map(Vec::as_slice).unwrap_or_default();
            files.insert(format!("{HSDS_TABULAR_DIR}/{path}"), csv(&fields, rows)?);
        }
    }
    package["name"] = "tsunagu-soudan-kikan".into();
    package["title"] = "相談機関一覧（Open Referral HSDS 3.0 表形式）".into();
    match license {
        Some((name, url)) => {
            let mut l = Map::new();
            l.insert("title".into(), name.into());
            if let Some(u) = url {
                l.insert("path".into(), u.into());
            }
            package["licenses"] = Value::Array(vec![Value::Object(l)]);
        }
        None => {
            if let Value::Object(p) = &mut package {
                p.remove("licenses");
            }
        }
    }
    // The standard's own licence is the schema's, not the data's.
    if let Value::Object(p) = &mut package {
        p.remove("license");
    }
    let mut bytes = serde_json::to_vec_pretty(&package)?;
    bytes.push(b'\n');
    files.insert(format!("{HSDS_TABULAR_DIR}/datapackage.json"), bytes);
    Ok(files)
}

/// One table: the header, then each row's value per column (numbers as
/// written, text as is, anything absent empty).
fn csv(fields: &[&str], rows: &[Map<String, Value>]) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(fields)?;
    for row in rows {
        w.write_record(fields.iter().map(|f| match row.get(*f) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }))?;
    }
    w.into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))
}
