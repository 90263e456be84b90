use crate::diagnostics::{Code, Diagnostic, Msg};
use std::path::Path;

const FENCE: &str = "+++";

/// Splits a Markdown page into its TOML front matter and the offset where the
/// body starts. The front matter sits between two `+++` lines at the top.
pub fn split<'a>(path: &Path, text: &'a str) -> Result<(&'a str, usize), Box<Diagnostic>> {
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_no_bom.len();
    let first_line_end = text_no_bom.find('\n').unwrap_or(text_no_bom.len());
    if text_no_bom[..first_line_end].trim_end() != FENCE {
        return Err(Box::new(
            Diagnostic::error(Code::FrontMatter, path, Msg::NoFrontMatter {})
                .at(0..first_line_end.min(text.len()))
                .label(Msg::LabelExpectedFence {})
                .help(Msg::HelpStartWithFence {}),
        ));
    }
    let start = bom + first_line_end + 1;
    let mut offset = start;
    for line in text.get(start..).unwrap_or("").split_inclusive('\n') {
        if line.trim_end() == FENCE {
            return Ok((&text[start..offset], offset + line.len()));
        }
        offset += line.len();
    }
    Err(Box::new(
        Diagnostic::error(Code::FrontMatter, path, Msg::FrontMatterNotClosed {})
            .at(0..first_line_end)
            .label(Msg::LabelOpenedHere {})
            .help(Msg::HelpCloseFence {}),
    ))
}
