use super::{use_color, Common};
use crate::diagnostics::{self, Msg, Severity};
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
                .map(|(tree, n)| {
                    Msg::BuiltPages {
                        pages: (*n).into(),
                        folder: out.join(tree).display().into(),
                    }
                    .to_string()
                })
                .collect();
            eprintln!(
                "{}",
                Msg::Built {
                    trees: pages.join(", ").into(),
                    warnings: report.warnings.count(Severity::Warning).into(),
                    elapsed: format!("{:.2?}", report.elapsed).into(),
                }
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
                "{}",
                Msg::BuildFailed {
                    errors: d.count(Severity::Error).into(),
                    warnings: d.count(Severity::Warning).into(),
                    out: out.display().into(),
                }
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(anyhow::Error::new(e).context(
            Msg::BuildFailedLeftAlone {
                out: out.display().into(),
            }
            .to_string(),
        )),
    }
}
