use crate::import;
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
    for p in &problems {
        eprintln!("取り込めない行: {p}");
    }
    for c in &plan.changes {
        println!("{}: {}", c.file, c.what);
    }
    eprintln!(
        "{} 行を読み、{} 件の変更（{} ファイル）、取り込めない行 {} 件{}",
        rows.len(),
        plan.changes.len(),
        plan.files_changed(),
        problems.len(),
        if args.dry_run {
            "。--dry-run のため何も書いていません"
        } else {
            ""
        }
    );
    if !args.dry_run {
        plan.write()?;
        eprintln!("書き込みました。`tsunagu check` で確かめてください");
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
