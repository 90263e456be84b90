//! HSDS 3.0 in its tabular layout: a `datapackage.json` and one CSV per
//! table, made from the same objects as the JSON files, so both always say
//! the same. Nested lists become rows of their own table with the key of
//! their parent (an organization's phones get `organization_id`). The
//! tables, columns and keys are those of the standard's own data package
//! (`hsds-3.0/datapackage.json`); every table is written, empty ones with
//! their header only, so that every foreign key names a table that exists.
//!
//! Rows are written to the [`Out`] as the objects are made, one agency at a
//! time, so the export never holds the directory, as JSON values or as CSV:
//! at 100,000 agencies those were gigabytes. A table's rows are in the order
//! of the agencies (an organization's phones, then its services' phones).

use super::{append, Appender, ExportError, Out, HSDS_TABULAR_DIR};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashMap;

const DATAPACKAGE: &str = include_str!("hsds-3.0/datapackage.json");

struct Table<'o> {
    fields: Vec<String>,
    rows: csv::Writer<Appender<'o>>,
}

/// The tabular package being written.
pub struct Tabular<'o> {
    out: &'o dyn Out,
    package: Value,
    tables: Vec<Table<'o>>,
    by_name: HashMap<String, usize>,
}

fn list<'a>(o: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    o.get(key).and_then(Value::as_array).into_iter().flatten()
}

impl<'o> Tabular<'o> {
    /// Starts every table's CSV with its header, so that an empty table
    /// is there too.
    pub fn new(out: &'o dyn Out) -> Result<Self, ExportError> {
        let package: Value = serde_json::from_str(DATAPACKAGE)?;
        let mut tables = Vec::new();
        let mut by_name = HashMap::new();
        for r in package["resources"].as_array().into_iter().flatten() {
            let (Some(name), Some(path)) = (r["name"].as_str(), r["path"].as_str()) else {
                continue;
            };
            let fields = r["schema"]["fields"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f["name"].as_str().map(str::to_string))
                .collect();
            by_name.insert(name.to_string(), tables.len());
            let mut rows = csv::Writer::from_writer(Appender {
                out,
                path: format!("{HSDS_TABULAR_DIR}/{path}"),
            });
            rows.write_record(&fields)?;
            tables.push(Table { fields, rows });
        }
        Ok(Tabular {
            out,
            package,
            tables,
            by_name,
        })
    }

    pub fn organization(&mut self, o: &Value) -> Result<(), ExportError> {
        self.row("organization", o, None)?;
        for p in list(o, "phones") {
            self.row("phone", p, Some(("organization_id", &o["id"])))?;
        }
        Ok(())
    }

    pub fn service(&mut self, s: &Value) -> Result<(), ExportError> {
        self.row("service", s, None)?;
        for (key, table) in [
            ("phones", "phone"),
            ("schedules", "schedule"),
            ("service_at_locations", "service_at_location"),
            ("contacts", "contact"),
        ] {
            for x in list(s, key) {
                self.row(table, x, Some(("service_id", &s["id"])))?;
            }
        }
        for a in list(s, "attributes") {
            self.row("attribute", a, None)?;
        }
        Ok(())
    }

    pub fn location(&mut self, l: &Value) -> Result<(), ExportError> {
        self.row("location", l, None)?;
        for a in list(l, "addresses") {
            self.row("address", a, Some(("location_id", &l["id"])))?;
        }
        Ok(())
    }

    pub fn term(&mut self, t: &Value) -> Result<(), ExportError> {
        self.row("taxonomy_term", t, None)
    }

    /// One row: each column's value (numbers as written, text as is,
    /// anything absent empty); a nested object gets its parent's key.
    fn row(
        &mut self,
        table: &str,
        row: &Value,
        parent: Option<(&str, &Value)>,
    ) -> Result<(), ExportError> {
        let (Value::Object(o), Some(&i)) = (row, self.by_name.get(table)) else {
            return Ok(());
        };
        let t = &mut self.tables[i];
        t.rows.write_record(t.fields.iter().map(|f| {
            let v = o.get(f).or(match parent {
                Some((key, id)) if key == f => Some(id),
                _ => None,
            });
            cell(v)
        }))?;
        Ok(())
    }

    /// Ends every table's CSV and writes the `datapackage.json`.
    /// `license` is the site's open-data licence, when it declares one.
    pub fn finish(self, license: Option<(&str, Option<&str>)>) -> Result<(), ExportError> {
        for mut t in self.tables {
            t.rows.flush().map_err(csv::Error::from)?;
        }
        let mut package = self.package;
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
        let path = format!("{HSDS_TABULAR_DIR}/datapackage.json");
        append(self.out, &path, &bytes)
    }
}

fn cell(v: Option<&Value>) -> Cow<'_, [u8]> {
    match v {
        Some(Value::String(s)) => Cow::Borrowed(s.as_bytes()),
        Some(Value::Number(n)) => Cow::Owned(n.to_string().into_bytes()),
        Some(Value::Bool(b)) => Cow::Owned(b.to_string().into_bytes()),
        _ => Cow::Borrowed(b""),
    }
}
