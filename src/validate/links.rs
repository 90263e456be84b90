//! Markdown links must lead somewhere on the site they are published on: a
//! citizen page may not point into the staff site, which it cannot reach.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Audience, Content};
use crate::site::links::{links, resolve, Resolved, Targets};
use crate::site::{targets, Citizen, Staff};
use std::path::Path;

pub fn check(c: &Content, d: &mut Diagnostics) {
    let citizen = targets::<Citizen>(c);
    let staff = targets::<Staff>(c);
    for p in &c.pages {
        let t = if p.value.meta.audience == Audience::Staff {
            &staff
        } else {
            &citizen
        };
        check_text(
            &p.file,
            &p.value.markdown,
            p.value.body_offset,
            "pages",
            t,
            &staff,
            d,
        );
    }
    for p in &c.programs {
        if let Some(body) = &p.value.body {
            // The body is a TOML string, so its offset in the file is not known
            // exactly; point at the program id instead.
            let at = p.value.id.span().start;
            for (dest, _) in links(body) {
                report(&p.file, &dest, "programs", &citizen, &staff, at..at + 1, d);
            }
        }
    }
}

fn check_text(
    file: &Path,
    md: &str,
    offset: usize,
    dir: &str,
    t: &Targets,
    staff: &Targets,
    d: &mut Diagnostics,
) {
    for (dest, range) in links(md) {
        report(
            file,
            &dest,
            dir,
            t,
            staff,
            offset + range.start..offset + range.end,
            d,
        );
    }
}

fn report(
    file: &Path,
    dest: &str,
    dir: &str,
    t: &Targets,
    staff: &Targets,
    span: std::ops::Range<usize>,
    d: &mut Diagnostics,
) {
    let Resolved::Broken(path) = resolve(dest, dir, t) else {
        return;
    };
    let staff_only = matches!(resolve(dest, dir, staff), Resolved::Internal(_));
    let (message, help) = if staff_only {
        (
            format!("link to `{dest}` points at a staff-only page"),
            "this page is published on the citizen site, which has no staff pages: remove the link or mark this page `audience = \"staff\"`".to_string(),
        )
    } else {
        (
            format!("link to `{dest}` leads to no page (looked for {path})"),
            "link to an existing record with @/agencies/<id>, @/topics/<id>, @/programs/<id> or @/pages/<slug>, or to another page as <slug>.md".to_string(),
        )
    };
    d.push(
        Diagnostic::error("broken-link", file, message)
            .at(span)
            .label("broken link")
            .help(help),
    );
}
