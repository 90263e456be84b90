//! tsunagu: TOML records of consultation agencies in, two static sites out.
//!
//! The pipeline runs one way: [`content`] reads the site folder into the
//! [`model`], [`validate`] checks it, [`site`] builds one view per audience
//! (the citizen view has no staff fields at all), [`render`] turns a view into
//! files, and [`output`] swaps them into place atomically. [`routes`] (where
//! each page lives, how links reach it) sits below both `validate` and `site`.

pub mod cmd;
pub mod content;
pub mod diagnostics;
pub mod diff;
pub mod export;
pub mod import;
pub mod messages;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod routes;
pub mod serve;
pub mod site;
pub mod timing;
pub mod validate;
