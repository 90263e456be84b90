use super::{use_color, Common};
use crate::diagnostics::{self, Severity};
use crate::pipeline::{self, BuildError};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Output folder [default: <root>/public]
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let root = &args.common.root;
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    match pipeline::build(root, &out, args.common.today()) {
        Ok(report) => {
            eprint!(
                "{}",
                diagnostics::render_grouped(
                    &report.warnings,
                    &report.sources,
                    use_color(),
                    args.common.verbose
                )
            );
            let pages: Vec<String> = report
                .pages
                .iter()
                .map(|(tree, n)| format!("{n} pages in {}", out.join(tree).display()))
                .collect();
            eprintln!(
                "built {}; {} warning(s) in {:.2?}",
                pages.join(", "),
                report.warnings.count(Severity::Warning),
                report.elapsed
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(BuildError::Invalid {
            diagnostics: d,
            sources,
        }) => {
            eprint!(
                "{}",
                diagnostics::render_grouped(&d, &sources, use_color(), args.common.verbose)
            );
            eprintln!(
                "build failed: {} error(s), {} warning(s); {} was left as it was",
                d.count(Severity::Error),
                d.count(Severity::Warning),
                out.display()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(anyhow::Error::new(e).context(format!(
            "build failed; {} was left as it was",
            out.display()
        ))),
    }
}
