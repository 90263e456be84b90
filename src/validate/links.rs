//! Markdown links must lead somewhere on the site they are published on: a
//! citizen page may not point into the staff site, which it cannot reach.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Msg, Sources};
use crate::model::{Audience, Content};
use crate::routes::links::{links, raw_html, resolve, Resolved, Targets};
use crate::routes::{targets, Site};
use std::ops::Range;
use std::path::Path;

pub fn check(c: &Content, sources: &Sources, d: &mut Diagnostics) {
    let citizen = targets(c, Site::Citizen);
    let staff = targets(c, Site::Staff);
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
        no_raw_html(&p.file, &p.value.markdown, Some(p.value.body_offset), d);
    }
    for p in &c.programs {
        let Some(body) = &p.value.body else { continue };
        let text = body.get_ref();
        let start = super::text_start(sources.get(&p.file), body.span(), text);
        no_raw_html(&p.file, text, start, d);
        match start {
            Some(offset) => check_text(&p.file, text, offset, "programs", &citizen, &staff, d),
            // Escapes make positions inside the string unknowable: point at
            // the whole value instead.
            None => {
                for (dest, _) in links(text) {
                    report(&p.file, &dest, "programs", &citizen, &staff, body.span(), d);
                }
            }
        }
    }
}

/// Raw HTML in Markdown is refused: a comment can carry staff notes onto
/// the citizen site unseen, a tag can run scripts or load from elsewhere.
fn no_raw_html(file: &Path, md: &str, offset: Option<usize>, d: &mut Diagnostics) {
    for range in raw_html(md) {
        let trimmed = md[range.clone()].trim_end().len();
        let range = range.start..range.start + trimmed.max(1);
        let snippet: String = md[range.clone()].chars().take(40).collect();
        let diag = Diagnostic::error(
            Code::RawHtml,
            file,
            Msg::RawHtml {
                snippet: snippet.trim().into(),
            },
        )
        .label(Msg::LabelHtml {})
        .help(Msg::HelpWriteMarkdown {});
        d.push(match offset {
            Some(o) => diag.at(o + range.start..o + range.end),
            None => diag,
        });
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
        let range = destination(md, &dest, range);
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

/// Narrows the range of a whole link `[text](dest)` to its destination, the
/// part to correct; reference-style links keep the whole range.
fn destination(md: &str, dest: &str, range: Range<usize>) -> Range<usize> {
    let Some(link) = md.get(range.clone()) else {
        return range;
    };
    match link.rfind(dest) {
        Some(i) if !dest.is_empty() => range.start + i..range.start + i + dest.len(),
        _ => range,
    }
}

fn report(
    file: &Path,
    dest: &str,
    dir: &str,
    t: &Targets,
    staff: &Targets,
    span: Range<usize>,
    d: &mut Diagnostics,
) {
    let path = match resolve(dest, dir, t) {
        Resolved::Broken(path) => path,
        Resolved::Unsafe(scheme) => return unsafe_link(file, dest, &scheme, span, d),
        Resolved::External | Resolved::Internal(_) => return,
    };
    let staff_only = matches!(resolve(dest, dir, staff), Resolved::Internal(_));
    let (code, label, message, help) = if staff_only {
        (
            Code::StaffOnlyLink,
            Msg::LabelStaffOnlyPage {},
            Msg::StaffOnlyLink { dest: dest.into() },
            Msg::HelpStaffOnlyLink {},
        )
    } else {
        let help = match closest(dest, &path, t) {
            Some(s) => Msg::HelpDidYouMean {
                suggestion: s.into(),
            },
            None => Msg::HelpLinkForms {},
        };
        (
            Code::BrokenLink,
            Msg::LabelNoSuchPage {},
            Msg::BrokenLink {
                dest: dest.into(),
                path: path.into(),
            },
            help,
        )
    };
    d.push(
        Diagnostic::error(code, file, message)
            .at(span)
            .label(label)
            .help(help),
    );
}

fn unsafe_link(file: &Path, dest: &str, scheme: &str, span: Range<usize>, d: &mut Diagnostics) {
    let shown: String = dest.chars().take(40).collect();
    d.push(
        Diagnostic::error(
            Code::UnsafeLink,
            file,
            Msg::UnsafeLink {
                dest: shown.into(),
                scheme: scheme.into(),
            },
        )
        .at(span)
        .label(Msg::LabelNotAllowed {})
        .help(Msg::HelpSafeLinks {}),
    );
}

/// The existing page a broken link most likely meant, written the way the
/// link was (`@/agencies/<id>` or `<slug>.md`).
fn closest(dest: &str, path: &str, t: &Targets) -> Option<String> {
    let (dir, _) = path.rsplit_once('/')?;
    let candidates: Vec<&str> = t
        .paths
        .iter()
        .filter(|p| p.rsplit_once('/').is_some_and(|(d, _)| d == dir))
        .map(String::as_str)
        .collect();
    let best = crate::diagnostics::did_you_mean(path, &candidates)?;
    let stem = best.strip_suffix(".html").unwrap_or(best);
    Some(if dest.starts_with("@/") {
        format!("@/{stem}")
    } else if dest.ends_with(".md") {
        format!("{}.md", stem.rsplit('/').next().unwrap_or(stem))
    } else {
        stem.rsplit('/').next().unwrap_or(stem).to_string()
    })
}
