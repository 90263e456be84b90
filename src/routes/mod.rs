//! Routing: where each record is written on a site and how Markdown links
//! reach it. Below both `validate` (which checks links) and `site` (which
//! renders them), so neither has to import the other.

pub mod links;
pub mod paths;
mod targets;

pub use targets::{targets, Site};
