use super::Common;
use crate::pipeline;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Prints what is missing; exits 0 whatever it finds (gaps are not
/// errors), 1 only when the content cannot be read at all.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let root = &args.common.root;
    let today = args.common.today();
    let checked = pipeline::check(root, today);
    let (Some(_), Some(report)) = (
        super::valid_content(
            &checked,
            &args.common,
            crate::messages::Msg::ReportFailed {},
        ),
        &checked.report,
    ) else {
        return Ok(ExitCode::FAILURE);
    };
    match args.format {
        Format::Text => print!("{}", report.to_text()),
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
    }
    Ok(ExitCode::SUCCESS)
}
