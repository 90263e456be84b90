//! Rows into the content folder. Re-importing next year's sheet is a merge:
//! an agency is found by its name (or an alias), a desk by its No. (or its
//! topic and 相談内容), and only the fields the sheet has are compared and
//! set. Everything else in a file — reading, synonyms, notes, comments,
//! offices — is kept, and ids never change. Desks the sheet no longer has
//! are listed, not deleted.

use super::table::{ListRow, Problem};
use super::ImportError;
use crate::messages::Msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml_edit::{value, Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Relative to the content folder, e.g. `agencies/kaigo-hoken-ka.toml`.
    pub file: String,
    pub what: String,
}

pub struct Plan {
    pub changes: Vec<Change>,
    pub problems: Vec<Problem>,
    /// New text of every file that changes.
    files: BTreeMap<PathBuf, String>,
}

impl Plan {
    pub fn files_changed(&self) -> usize {
        self.files.len()
    }

    pub fn write(&self) -> Result<(), ImportError> {
        for (path, text) in &self.files {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|source| ImportError::Write {
                    path: dir.display().to_string(),
                    source,
                })?;
            }
            std::fs::write(path, text).map_err(|source| ImportError::Write {
                path: path.display().to_string(),
                source,
            })?;
        }
        Ok(())
    }
}

struct AgencyFile {
    path: PathBuf,
    rel: String,
    doc: DocumentMut,
    original: String,
    names: Vec<String>,
    /// Desks the sheet had, by position in `[[matter]]`.
    seen: Vec<usize>,
}

/// What importing `rows` into the content folder `content` would change.
pub fn plan(content: &Path, rows: &[ListRow]) -> Result<Plan, ImportError> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| ImportError::Read {
            path: p.display().to_string(),
            message: e.to_string(),
        })
    };
    let topics_text = read(&content.join("topics.toml"))?;
    let topics: Vec<(String, String)> = topics_text
        .parse::<DocumentMut>()
        .ok()
        .and_then(|d| {
            d.as_table()
                .get("topic")
                .and_then(Item::as_array_of_tables)
                .cloned()
        })
        .map(|t| {
            t.iter()
                .filter_map(|t| Some((s(t, "label")?, s(t, "id")?)))
                .collect()
        })
        .unwrap_or_default();
    let municipality = read(&content.join("site.toml"))
        .ok()
        .and_then(|t| t.parse::<DocumentMut>().ok())
        .and_then(|d| s(d.as_table(), "municipality"))
        .unwrap_or_default();
    let mut agencies: Vec<AgencyFile> = Vec::new();
    let dir = content.join("agencies");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|it| it.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for path in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let original = read(&path)?;
        let Ok(doc) = original.parse::<DocumentMut>() else {
            continue; // `check` reports it; the import does not guess.
        };
        let mut names: Vec<String> = s(doc.as_table(), "name").into_iter().collect();
        if let Some(a) = doc.as_table().get("aliases").and_then(|v| v.as_array()) {
            names.extend(a.iter().filter_map(|v| v.as_str().map(String::from)));
        }
        let rel = format!(
            "agencies/{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        agencies.push(AgencyFile {
            path,
            rel,
            doc,
            original,
            names,
            seen: Vec::new(),
        });
    }
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for row in rows {
        let wanted = row.topic.trim_end_matches("について").trim();
        let Some((_, topic)) = topics
            .iter()
            .find(|(label, _)| label == wanted || *label == row.topic)
        else {
            problems.push(Problem {
                sheet: row.sheet.clone(),
                row: row.row,
                column: None,
                what: Msg::ImportUnknownTopic {
                    topic: row.topic.as_str().into(),
                }
                .to_string(),
            });
            continue;
        };
        let i = match agencies.iter().position(|a| a.names.contains(&row.agency)) {
            Some(i) => i,
            None => {
                let id = new_id(&agencies, row);
                let path = dir.join(format!("{id}.toml"));
                let text = match &row.reading {
                    Some(r) => format!(
                        "# {} の取り込みで作成（{}!{}）。reading はシートのふりがなです。\nid = \"{id}\"\nname = {}\nreading = {}\n",
                        row.sheet,
                        row.sheet,
                        row.row,
                        toml_edit::Value::from(row.agency.as_str()),
                        toml_edit::Value::from(r.as_str())
                    ),
                    None => format!(
                        "# {} の取り込みで作成（{}!{}）。reading（よみ）を書いてください。\nid = \"{id}\"\nname = {}\nreading = \"\"\n",
                        row.sheet,
                        row.sheet,
                        row.row,
                        toml_edit::Value::from(row.agency.as_str())
                    ),
                };
                let doc = text.parse::<DocumentMut>().map_err(|e| ImportError::Read {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })?;
                changes.push(Change {
                    file: format!("agencies/{id}.toml"),
                    what: Msg::ImportNewAgency {
                        name: row.agency.as_str().into(),
                    }
                    .to_string(),
                });
                agencies.push(AgencyFile {
                    rel: format!("agencies/{id}.toml"),
                    path,
                    doc,
                    original: String::new(),
                    names: vec![row.agency.clone()],
                    seen: Vec::new(),
                });
                agencies.len() - 1
            }
        };
        let a = &mut agencies[i];
        let rel = a.rel.clone();
        let mut log = |what: String| {
            changes.push(Change {
                file: rel.clone(),
                what,
            })
        };
        merge_row(&mut a.doc, &mut a.seen, row, topic, &municipality, &mut log);
    }
    let mut files = BTreeMap::new();
    for a in &agencies {
        let text = a.doc.to_string();
        if let Some(list) = a
            .doc
            .as_table()
            .get("matter")
            .and_then(Item::as_array_of_tables)
        {
            for (i, m) in list.iter().enumerate() {
                if !a.seen.contains(&i) && !a.original.is_empty() {
                    let no = m
                        .get("no")
                        .and_then(|v| v.as_integer())
                        .map_or("-".into(), |n| n.to_string());
                    changes.push(Change {
                        file: a.rel.clone(),
                        what: Msg::ImportDeskNotInSheet { no: no.into() }.to_string(),
                    });
                }
            }
        }
        if text != a.original {
            files.insert(a.path.clone(), text);
        }
    }
    Ok(Plan {
        changes,
        problems,
        files,
    })
}

fn s(t: &Table, key: &str) -> Option<String> {
    t.get(key).and_then(|v| v.as_str()).map(String::from)
}

fn new_id(agencies: &[AgencyFile], row: &ListRow) -> String {
    let base = match row.no {
        Some(n) => format!("no-{n}"),
        None => format!("row-{}", row.row),
    };
    let taken = |id: &str| {
        agencies
            .iter()
            .any(|a| s(a.doc.as_table(), "id").as_deref() == Some(id))
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn phones_value(list: &[String]) -> Item {
    let mut arr = Array::new();
    for p in list {
        let mut t = InlineTable::new();
        t.insert("number", p.as_str().into());
        arr.push(t);
    }
    value(arr)
}

fn phones_of(t: &Table) -> Vec<String> {
    t.get("phones")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|p| {
                    p.as_inline_table()?
                        .get("number")?
                        .as_str()
                        .map(String::from)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn merge_row(
    doc: &mut DocumentMut,
    seen: &mut Vec<usize>,
    row: &ListRow,
    topic: &str,
    municipality: &str,
    log: &mut dyn FnMut(String),
) {
    let label = match row.no {
        Some(n) => format!("No.{n}"),
        None => format!("{}!{}", row.sheet, row.row),
    };
    let none = Msg::DiffNone {}.to_string();
    let agency_phones = phones_of(doc.as_table());
    let agency_hours = s(doc.as_table(), "hours");
    let agency_address = s(doc.as_table(), "address");
    if !doc.contains_key("matter") {
        doc["matter"] = Item::ArrayOfTables(ArrayOfTables::new());
    }
    let single = doc["matter"].as_array_of_tables().map_or(0, |m| m.len()) <= 1;
    // Address and, for a one-desk agency, phones and hours live on the agency.
    if !row.separate_sheet {
        if let Some(addr) = &row.address {
            let same = agency_address
                .as_deref()
                .is_some_and(|a| a.ends_with(addr.as_str()));
            if !same {
                let full = if addr.starts_with(municipality) {
                    addr.clone()
                } else {
                    format!("{municipality}{addr}")
                };
                log(format!(
                    "{label} {}: {} → {full}",
                    Msg::DiffAddress {},
                    agency_address.as_deref().unwrap_or(&none)
                ));
                doc["address"] = value(full);
            }
        }
    }
    let Some(list) = doc["matter"].as_array_of_tables_mut() else {
        return;
    };
    let found = list.iter().position(|m| match row.no {
        Some(n) => m.get("no").and_then(|v| v.as_integer()) == Some(i64::from(n)),
        None => {
            s(m, "topic").as_deref() == Some(topic)
                && s(m, "description").as_deref() == Some(row.description.as_str())
        }
    });
    let idx = match found {
        Some(i) => i,
        None => {
            let mut t = Table::new();
            if let Some(n) = row.no {
                t["no"] = value(i64::from(n));
            }
            t["topic"] = value(topic);
            list.push(t);
            log(Msg::ImportNewDesk {
                desk: label.as_str().into(),
                description: row.description.as_str().into(),
            }
            .to_string());
            list.len() - 1
        }
    };
    seen.push(idx);
    let Some(m) = list.get_mut(idx) else { return };
    if s(m, "topic").as_deref() != Some(topic) {
        log(format!(
            "{label} {}: {} → {topic}",
            Msg::DiffTopic {},
            s(m, "topic").unwrap_or_default()
        ));
        m["topic"] = value(topic);
    }
    let star = m.get("star").and_then(|v| v.as_bool()).unwrap_or(false);
    if star != row.star {
        let yes_no = |b: bool| {
            if b {
                Msg::ImportYes {}
            } else {
                Msg::ImportNo {}
            }
        };
        log(format!(
            "{label} ★: {} → {}",
            yes_no(star),
            yes_no(row.star)
        ));
        if row.star {
            m["star"] = value(true);
        } else {
            m.remove("star");
        }
    }
    if !row.description.is_empty()
        && s(m, "description").as_deref() != Some(row.description.as_str())
    {
        log(format!(
            "{label} {}: {} → {}",
            Msg::DiffDescription {},
            s(m, "description").unwrap_or_default(),
            row.description
        ));
        m["description"] = value(row.description.as_str());
    }
    if !row.separate_sheet {
        let own = phones_of(m);
        let effective = if own.is_empty() {
            agency_phones.clone()
        } else {
            own.clone()
        };
        if !row.phones.is_empty() && effective != row.phones {
            log(format!(
                "{label} {}: {} → {}",
                Msg::DiffPhones {},
                effective.join(" "),
                row.phones.join(" ")
            ));
            if single && own.is_empty() {
                doc["phones"] = phones_value(&row.phones);
            } else {
                m["phones"] = phones_value(&row.phones);
            }
        }
    }
    let Some(m) = doc["matter"]
        .as_array_of_tables_mut()
        .and_then(|l| l.get_mut(idx))
    else {
        return;
    };
    if let Some(h) = &row.hours {
        let own = s(m, "hours");
        let effective = own.clone().or_else(|| agency_hours.clone());
        if effective.as_deref() != Some(h.as_str()) {
            log(format!(
                "{label} {}: {} → {h}",
                Msg::DiffHours {},
                effective.as_deref().unwrap_or(&none)
            ));
            if single && own.is_none() {
                doc["hours"] = value(h.as_str());
            } else {
                m["hours"] = value(h.as_str());
            }
        }
    }
    let Some(m) = doc["matter"]
        .as_array_of_tables_mut()
        .and_then(|l| l.get_mut(idx))
    else {
        return;
    };
    if !m.contains_key("staff") {
        let mut t = Table::new();
        t.set_implicit(false);
        m.insert("staff", Item::Table(t));
    }
    let Some(st) = m.get_mut("staff").and_then(Item::as_table_mut) else {
        return;
    };
    for (key, name, new) in [
        ("primary", Msg::DiffPrimary {}, &row.primary),
        ("secondary", Msg::DiffSecondary {}, &row.secondary),
    ] {
        let old = s(st, key);
        if old != *new && !(row.separate_sheet && new.is_none()) {
            log(format!(
                "{label} {name}: {} → {}",
                old.as_deref().unwrap_or("-"),
                new.as_deref().unwrap_or("-")
            ));
            match new {
                Some(v) => st[key] = value(v.as_str()),
                None => {
                    st.remove(key);
                }
            }
        }
    }
    let old_ext: Vec<String> = st
        .get("extensions")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    if old_ext != row.extensions && !row.separate_sheet {
        log(format!(
            "{label} {}: {} → {}",
            Msg::DiffExtensions {},
            old_ext.join("、"),
            row.extensions.join("、")
        ));
        if row.extensions.is_empty() {
            st.remove("extensions");
        } else {
            st["extensions"] = value(row.extensions.iter().map(String::as_str).collect::<Array>());
        }
    }
    if row.separate_sheet
        && !st
            .get("separate_sheet")
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    {
        log(Msg::ImportSeparateSheet {
            desk: label.as_str().into(),
        }
        .to_string());
        st["separate_sheet"] = value(true);
    }
    if st.is_empty() {
        m.remove("staff");
    }
}
