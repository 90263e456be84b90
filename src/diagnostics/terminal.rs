use super::{sources::floor_char_boundary, Diagnostic, Diagnostics, Severity, Sources};
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

pub fn render_one(d: &Diagnostic, sources: &Sources, color: bool) -> String {
    let mut files = SimpleFiles::new();
    let text = sources.get(&d.file).unwrap_or("");
    let id = files.add(d.file.display().to_string(), text.to_string());
    let mut cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_code(d.code)
    .with_message(&d.message);
    if let Some(span) = &d.span {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
        let label = Label::primary(id, start..end);
        cs = cs.with_labels(vec![match &d.label {
            Some(l) => label.with_message(l),
            None => label,
        }]);
    } else {
        cs = cs.with_notes(vec![format!("in {}", d.file.display())]);
    }
    if let Some(help) = &d.help {
        cs.notes.push(format!("help: {help}"));
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
