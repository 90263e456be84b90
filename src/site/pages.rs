//! Markdown pages: those this audience may see, in their order.

use super::Audience;
use crate::model::{self, Content};
use crate::routes::links::{render_markdown, Targets};
use crate::routes::paths;
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct PageView {
    pub slug: String,
    pub url: String,
    pub title: String,
    pub summary: Option<String>,
    pub html: String,
    pub staff_only: bool,
}

pub(super) fn page_views<A: Audience>(content: &Content, targets: &Targets) -> Vec<PageView> {
    let mut pages: Vec<&model::Page> = content
        .pages
        .iter()
        .map(|p| &p.value)
        .filter(|p| A::sees(p))
        .collect();
    pages.sort_by(|a, b| (a.meta.order, &a.slug).cmp(&(b.meta.order, &b.slug)));
    pages
        .into_iter()
        .map(|p| {
            let url = paths::page(&p.slug);
            PageView {
                slug: p.slug.clone(),
                html: render_markdown(&p.markdown, &url, targets),
                url,
                title: p.meta.title.clone(),
                summary: p.meta.summary.clone(),
                staff_only: p.meta.audience == model::Audience::Staff,
            }
        })
        .collect()
}
