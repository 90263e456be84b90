use super::{use_color, Common};
use crate::diagnostics::{self, Msg, Severity};
use crate::pipeline;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Output format of the diagnostics
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let checked = pipeline::check(&args.common.root, args.common.today());
    let d = &checked.diagnostics;
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&diagnostics::to_json(d, &checked.sources))?
        ),
        Format::Human => {
            eprint!(
                "{}",
                diagnostics::render_grouped(d, &checked.sources, use_color(), args.common.verbose)
            );
            let (errors, warnings) = (
                d.count(Severity::Error).into(),
                d.count(Severity::Warning).into(),
            );
            let summary = if d.has_errors() {
                Msg::CheckFailed { errors, warnings }
            } else {
                Msg::CheckPassed { errors, warnings }
            };
            eprintln!("{summary}");
        }
    }
    Ok(if d.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
