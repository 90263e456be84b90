//! Fallback lines as pages show them: ready to dial, with the topics they
//! serve, so that a topic page, the search page or a household plan can pick
//! the ones that fit.

use super::refs::PhoneView;
use crate::model::{Content, Line};
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct LineView {
    pub id: String,
    pub name: String,
    pub reading: Option<String>,
    pub phone: PhoneView,
    pub purpose: String,
    pub easy: Option<String>,
    pub hours: String,
    pub free: bool,
    pub always_open: bool,
    pub operator: Option<String>,
    /// Topic ids; empty when `all_topics`.
    pub topics: Vec<String>,
    /// Serves every topic: a line to call when nothing fits.
    pub all_topics: bool,
    pub crisis: bool,
    pub source: String,
    /// `YYYY-MM-DD`
    pub verified: String,
}

impl LineView {
    pub fn serves(&self, topic: &str) -> bool {
        self.all_topics || self.topics.iter().any(|t| t == topic)
    }
}

fn line_view(l: &Line) -> LineView {
    LineView {
        id: l.id.get_ref().clone(),
        name: l.name.clone(),
        reading: l.reading.clone(),
        phone: PhoneView::new(l.number.get_ref(), None),
        purpose: l.purpose.clone(),
        easy: l.easy.clone(),
        hours: l.hours.clone(),
        free: l.free,
        always_open: l.always_open,
        operator: l.operator.clone(),
        topics: l
            .topics
            .iter()
            .map(|t| t.get_ref().clone())
            .filter(|t| t != crate::model::ALL_TOPICS)
            .collect(),
        all_topics: l.serves_all(),
        crisis: l.crisis,
        source: l.source.clone(),
        verified: l.verified_date().map(|d| d.to_string()).unwrap_or_default(),
    }
}

/// Every line, crisis lines first, then lines for particular topics before
/// the ones for everything, in file order otherwise.
pub(super) fn line_views(c: &Content) -> Vec<LineView> {
    let mut v: Vec<LineView> = c.lines.iter().map(|l| line_view(&l.value)).collect();
    v.sort_by_key(|l| (!l.crisis, l.all_topics));
    v
}

/// The lines serving `topic`, in the order of `all`.
pub(super) fn for_topic(all: &[LineView], topic: &str) -> Vec<LineView> {
    all.iter().filter(|l| l.serves(topic)).cloned().collect()
}
