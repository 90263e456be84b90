//! The command line: one module per subcommand, each a thin layer over the
//! library that turns results into terminal output and an exit code.

pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod help;
pub mod import;
pub mod report;
pub mod serve;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// The command line. The help texts clap shows are set from the message
/// catalogue in [`help::command`]; the doc comments here are for readers of
/// the code.
#[derive(Parser)]
#[command(name = "tsunagu", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages: ja (default) or en; without it, English when
    /// LC_ALL / LC_MESSAGES / LANG starts with "en"
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::messages::Lang>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check the content and write public/citizen and public/staff
    Build(build::Args),
    /// Check the content without writing anything
    Check(check::Args),
    /// Write open data (HSDS 3.0 JSON or a 公共施設一覧-style CSV) from the citizen view
    Export(export::Args),
    /// List what is missing: topics without a desk or ★, desks without phone, hours or address…
    Report(report::Args),
    /// Read the 相談機関一覧 from Excel or CSV and merge it into content/agencies
    Import(import::Args),
    /// What changed between two site folders (an old and a new edition)
    Diff(diff::Args),
    /// Preview both sites on localhost, rebuilding and reloading on change
    Serve(serve::Args),
}

/// Options every subcommand shares.
#[derive(clap::Args, Clone)]
pub struct Common {
    /// The site folder (holds content/, optional themes/ and templates/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Treat this date as today (YYYY-MM-DD) when checking dates
    #[arg(long, value_name = "DATE")]
    pub today: Option<chrono::NaiveDate>,
    /// Show every warning, also when one kind repeats many times
    #[arg(long)]
    pub verbose: bool,
}

impl Common {
    pub fn today(&self) -> chrono::NaiveDate {
        // Dates in the content are Japanese dates, wherever the build runs.
        self.today
            .unwrap_or_else(|| tsunagu_hours::jst_now().date())
    }
}

pub fn run(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    crate::messages::Lang::set_for_process(crate::messages::Lang::from_args_or_env(cli.lang));
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Serve(args) => serve::run(&args),
    }
}

/// Whether to colour diagnostics: only for a terminal, and never when
/// NO_COLOR is set.
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// The checked content, or `None` after printing why there is none (the
/// diagnostics, then `failed`): commands that need valid content start here.
pub fn valid_content<'a>(
    checked: &'a crate::pipeline::Checked,
    common: &Common,
    failed: crate::messages::Msg,
) -> Option<&'a crate::model::Content> {
    if let Some(content) = &checked.content {
        return Some(content);
    }
    eprint!(
        "{}",
        crate::diagnostics::render_grouped(
            &checked.diagnostics,
            &checked.sources,
            use_color(),
            common.verbose
        )
    );
    eprintln!("{failed}");
    None
}
