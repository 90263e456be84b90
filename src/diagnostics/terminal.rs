use super::{sources::floor_char_boundary, Diagnostic, Diagnostics, Msg, Severity, Sources};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::Buffer};

/// Renders diagnostics rustc-style into a string (ANSI colours when `color`).
pub fn render(diags: &Diagnostics, sources: &Sources, color: bool) -> String {
    let mut out = String::new();
    for d in diags.sorted() {
        out.push_str(&render_one(d, sources, color));
    }
    out
}

/// Warnings of one kind beyond this many are summed up in one line.
const SHOWN_PER_KIND: usize = 2;

/// Like [`render`], for a person reading a terminal: every error in full,
/// but a kind of warning that repeats (the same `stale` for every record of
/// an old edition) shown twice, then summed up with where the others are, so
/// that a real error does not drown. `verbose` shows every one.
pub fn render_grouped(
    diags: &Diagnostics,
    sources: &Sources,
    color: bool,
    verbose: bool,
) -> String {
    if verbose {
        return render(diags, sources, color);
    }
    let sorted = diags.sorted();
    let mut out = String::new();
    let mut rest: std::collections::BTreeMap<super::Code, Vec<&Diagnostic>> = Default::default();
    let mut shown: std::collections::BTreeMap<super::Code, usize> = Default::default();
    for d in sorted {
        let n = shown.entry(d.code).or_default();
        if d.severity == Severity::Warning && *n >= SHOWN_PER_KIND {
            rest.entry(d.code).or_default().push(d);
            continue;
        }
        *n += 1;
        out.push_str(&render_one(d, sources, color));
    }
    for (code, items) in rest {
        out.push_str(&summary(code, &items, sources));
    }
    out
}

/// `warning[stale]: 12 more like this` and where they are.
fn summary(code: super::Code, items: &[&Diagnostic], sources: &Sources) -> String {
    let places: Vec<String> = items
        .iter()
        .map(|d| {
            match d
                .span
                .as_ref()
                .and_then(|s| sources.line_col(&d.file, s.start))
            {
                Some((line, _)) => format!("{}:{line}", d.file.display()),
                None => d.file.display().to_string(),
            }
        })
        .collect();
    let shown = places
        .iter()
        .take(8)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let more = if places.len() > 8 { ", …" } else { "" };
    let head = Msg::MoreLikeAbove {
        count: items.len().into(),
    };
    let places = Msg::SummaryIn {
        places: format!("{shown}{more}").into(),
    };
    let help = Msg::HelpVerbose {};
    let how = Msg::HelpPrefix {};
    format!("warning[{code}]: {head}\n = {places}\n = {how}: {help}\n\n")
}

pub fn render_one(d: &Diagnostic, sources: &Sources, color: bool) -> String {
    let mut files = SimpleFiles::new();
    let text = sources.get(&d.file).unwrap_or("");
    let id = files.add(d.file.display().to_string(), text.to_string());
    let mut cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_code(d.code)
    .with_message(d.message.to_string());
    if let Some(span) = &d.span {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
        let label = Label::primary(id, start..end);
        cs = cs.with_labels(vec![match &d.label {
            Some(l) => label.with_message(l.to_string()),
            None => label,
        }]);
    } else {
        cs = cs.with_notes(vec![Msg::InFile {
            file: d.file.display().into(),
        }
        .to_string()]);
    }
    if let Some(help) = &d.help {
        cs.notes.push(format!("{}: {help}", Msg::HelpPrefix {}));
    }
    let mut buf = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = term::Config::default();
    if term::emit_to_write_style(&mut buf, &config, &files, &cs).is_err() {
        return format!("{}: {}\n", d.file.display(), d.message);
    }
    String::from_utf8_lossy(buf.as_slice()).into_owned()
}
