//! Stand-ins for records that could not be read. A file with an error still
//! declares an id that other records refer to; keeping a placeholder with that
//! id lets the rest of the site be checked in the same run without reporting
//! "unknown agency" for every reference to the broken one.
//!
//! Placeholders are built by deserializing a minimal record, so that they keep
//! up with the model; they never reach rendering, because content read with
//! errors is not built.

use crate::model::{Agency, Audience, Meeting, PageMeta, Program, Resource, Roster, Sheet, Topic};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// A record type with an `id`.
pub trait Record: DeserializeOwned {
    /// The smallest valid record, with `id = ""`.
    const MINIMAL: &'static str;
    fn set_id(&mut self, id: Spanned<String>);
}

impl Record for Agency {
    const MINIMAL: &'static str = "id = \"\"\nname = \"\"\nreading = \"\"";
    fn set_id(&mut self, id: Spanned<String>) {
        self.id = id;
    }
}

impl Record for Program {
    const MINIMAL: &'static str = "id = \"\"\nname = \"\"\nreading = \"\"\nsummary = \"\"";
    fn set_id(&mut self, id: Spanned<String>) {
        self.id = id;
    }
}

impl Record for Resource {
    const MINIMAL: &'static str =
        "id = \"\"\nname = \"\"\nreading = \"\"\nkind = \"居場所\"\nsummary = \"\"";
    fn set_id(&mut self, id: Spanned<String>) {
        self.id = id;
    }
}

impl Record for Meeting {
    const MINIMAL: &'static str = "id = \"\"\nname = \"\"\nconsent = \"不要\"";
    fn set_id(&mut self, id: Spanned<String>) {
        self.id = id;
    }
}

impl Record for Roster {
    const MINIMAL: &'static str = "id = \"\"\ntitle = \"\"";
    fn set_id(&mut self, id: Spanned<String>) {
        self.id = id;
    }
}

impl Record for Sheet {
    const MINIMAL: &'static str = "id = \"\"\ntitle = \"\"";
    fn set_id(&mut self, id: Spanned<String>) {
        self.id = id;
    }
}

impl Record for Topic {
    const MINIMAL: &'static str =
        "id = \"\"\nlabel = \"\"\nreading = \"\"\ndescription = \"\"\norder = 0";
    fn set_id(&mut self, id: Spanned<String>) {
        self.id = id;
    }
}

pub const SETTINGS: &str = "municipality = \"\"\n[citizen]\ntitle = \"\"\nbase_url = \"https://placeholder.invalid/\"\n[staff]\ntitle = \"\"\nbase_url = \"https://placeholder.invalid/\"\n[webmaster]\nname = \"\"";

pub fn record<T: Record>(id: Spanned<String>) -> Option<T> {
    let mut r: T = toml::from_str(T::MINIMAL).ok()?;
    r.set_id(id);
    Some(r)
}

#[derive(Deserialize)]
struct IdOnly {
    id: Spanned<String>,
}

#[derive(Deserialize)]
struct TopicIds {
    #[serde(default)]
    topic: Vec<IdOnly>,
}

/// The id a broken record file declares: read leniently when the TOML is
/// valid, else from its `id = "…"` line, else the file name when that is a
/// valid id (ids and file names agree by convention).
pub fn id_of(text: &str, path: &Path) -> Option<Spanned<String>> {
    if let Ok(r) = toml::from_str::<IdOnly>(text) {
        return Some(r.id);
    }
    if let Some(id) = id_lines(text).into_iter().next() {
        return Some(id);
    }
    let stem = path.file_stem()?.to_str()?;
    let safe = !stem.is_empty()
        && stem
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    safe.then(|| Spanned::new(0..0, stem.to_string()))
}

/// The ids of `topics.toml`, leniently.
pub fn topic_ids(text: &str) -> Vec<Spanned<String>> {
    match toml::from_str::<TopicIds>(text) {
        Ok(t) => t.topic.into_iter().map(|t| t.id).collect(),
        Err(_) => id_lines(text),
    }
}

/// Every `id = "…"` line, with the span of the quoted value.
fn id_lines(text: &str) -> Vec<Spanned<String>> {
    let mut ids = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("id") {
            let rest_trim = rest.trim_start();
            if let Some(value) = rest_trim.strip_prefix('=') {
                let v = value.trim_start();
                if let Some(inner) = v.strip_prefix('"') {
                    if let Some(end) = inner.find('"') {
                        let start = offset + (line.len() - v.len());
                        ids.push(Spanned::new(
                            start..start + end + 2,
                            inner[..end].to_string(),
                        ));
                    }
                }
            }
        }
        offset += line.len();
    }
    ids
}

/// Front matter for a page that has errors: its audience if it can be seen.
pub fn page_meta(text: &str) -> Option<PageMeta> {
    let mut meta: PageMeta = toml::from_str("title = \"\"").ok()?;
    let staff = text.lines().any(|l| {
        let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        l == "audience=\"staff\"" || l == "audience='staff'"
    });
    if staff {
        meta.audience = Audience::Staff;
    }
    Some(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_build() {
        let id = Spanned::new(0..1, "a".to_string());
        assert!(record::<Agency>(id.clone()).is_some());
        assert!(record::<Program>(id.clone()).is_some());
        assert!(record::<Roster>(id.clone()).is_some());
        assert!(record::<Resource>(id.clone()).is_some());
        assert!(record::<Meeting>(id.clone()).is_some());
        assert!(record::<Topic>(id).is_some());
        assert!(toml::from_str::<crate::model::SiteSettings>(SETTINGS).is_ok());
    }

    #[test]
    fn ids_are_found_in_broken_files() {
        let t = "id = \"houkatsu\"\nname = 包括\n";
        let id = id_of(t, Path::new("x.toml")).unwrap();
        assert_eq!((id.get_ref().as_str(), id.span()), ("houkatsu", 5..15));
        assert_eq!(
            id_of("name = \"", Path::new("kaigo-ka.toml"))
                .unwrap()
                .get_ref(),
            "kaigo-ka"
        );
        assert!(id_of("", Path::new("介護.toml")).is_none());
    }
}
