use super::Common;
use crate::export::{self, Format as ExportFormat};
use crate::messages::Msg;
use crate::pipeline;
use crate::site::{build_view, Citizen, Staff};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// hsds: Open Referral HSDS 3.0 JSON; csv-ja: 公共施設一覧-style CSV
    #[arg(long, value_enum)]
    pub format: Format,
    /// citizen: public data only; staff: with contact names and 内線 (internal use)
    #[arg(long, value_enum, default_value_t = Who::Citizen)]
    pub audience: Who,
    /// Folder to write into [default: <root>/export]
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Hsds,
    CsvJa,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Who {
    Citizen,
    Staff,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let root = &args.common.root;
    let today = args.common.today();
    let checked = pipeline::check(root, today);
    let Some(content) = super::valid_content(&checked, &args.common, Msg::ExportFailed {}) else {
        return Ok(ExitCode::FAILURE);
    };
    let format = match args.format {
        Format::Hsds => ExportFormat::Hsds,
        Format::CsvJa => ExportFormat::CsvJa,
    };
    // Each audience's export is made from that audience's view: the citizen
    // view has no field that could hold a name or a 内線.
    let files = match args.audience {
        Who::Citizen => export::files(&build_view::<Citizen>(content, today), format)?,
        Who::Staff => export::files(&build_view::<Staff>(content, today), format)?,
    };
    let out = args.out.clone().unwrap_or_else(|| root.join("export"));
    for (path, bytes) in &files {
        let target = out.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).with_context(|| Msg::CannotCreate {
                path: dir.display().into(),
            })?;
        }
        std::fs::write(&target, bytes).with_context(|| Msg::CannotWrite {
            path: target.display().into(),
        })?;
        eprintln!(
            "{}",
            Msg::Wrote {
                path: target.display().into()
            }
        );
    }
    if args.audience == Who::Staff {
        eprintln!("{}", Msg::StaffExportNotice {});
    }
    Ok(ExitCode::SUCCESS)
}
