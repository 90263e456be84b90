use crate::import;
use crate::messages::Msg;
use crate::pipeline::CONTENT_DIR;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The list: .xlsx (or .xls/.ods) or .csv in UTF-8 or Shift_JIS
    pub file: PathBuf,
    /// The site folder (holds content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Show what would change, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let sheets = import::read_sheets(&args.file)?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for sheet in &sheets {
        let (r, p) = import::parse_sheet(sheet);
        // A workbook's other sheets (notes, a cover) need not be the list.
        if r.is_empty() && sheets.len() > 1 {
            continue;
        }
        rows.extend(r);
        problems.extend(p);
    }
    let mut plan = import::plan(&args.root.join(CONTENT_DIR), &rows)?;
    problems.append(&mut plan.problems);
    for r in rows.iter().filter(|r| r.agency_carried) {
        eprintln!(
            "{}",
            Msg::ImportCarried {
                place: format!("{}!{}", r.sheet, r.row).into(),
                agency: r.agency.as_str().into(),
            }
        );
    }
    for p in &problems {
        eprintln!(
            "{}",
            Msg::ImportProblem {
                problem: p.to_string().into()
            }
        );
    }
    for c in &plan.changes {
        println!("{}: {}", c.file, c.what);
    }
    eprintln!(
        "{}",
        Msg::ImportSummary {
            rows: rows.len().into(),
            changes: plan.changes.len().into(),
            files: plan.files_changed().into(),
            problems: problems.len().into(),
        }
    );
    if args.dry_run {
        eprintln!("{}", Msg::ImportDryRun {});
    } else {
        plan.write()?;
        eprintln!("{}", Msg::ImportWritten {});
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
