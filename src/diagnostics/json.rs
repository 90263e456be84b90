use super::{Diagnostics, Sources};
use serde_json::{json, Value};

/// The same diagnostics as machine-readable JSON for editors and CI.
pub fn to_json(diags: &Diagnostics, sources: &Sources) -> Value {
    let items: Vec<Value> = diags
        .sorted()
        .into_iter()
        .map(|d| {
            let pos = |offset: usize| {
                sources.line_col(&d.file, offset).map(
                    |(line, column)| json!({ "line": line, "column": column, "offset": offset }),
                )
            };
            json!({
                "severity": d.severity,
                "code": d.code,
                "file": d.file.display().to_string(),
                "start": d.span.as_ref().and_then(|s| pos(s.start)),
                "end": d.span.as_ref().and_then(|s| pos(s.end)),
                "message": d.message,
                "message_id": d.message.id(),
                "label": d.label,
                "help": d.help,
            })
        })
        .collect();
    json!({
        "errors": diags.count(super::Severity::Error),
        "warnings": diags.count(super::Severity::Warning),
        "diagnostics": items,
    })
}
