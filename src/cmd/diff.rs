use crate::content;
use crate::pipeline::CONTENT_DIR;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The earlier site folder (e.g. a checkout of last year's edition)
    pub old: PathBuf,
    /// The later site folder
    pub new: PathBuf,
    /// Also show contacts and 内線 (staff report)
    #[arg(long)]
    pub staff: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let load = |root: &PathBuf| {
        content::load(&root.join(CONTENT_DIR))
            .content
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{} cannot be read; run `tsunagu check --root {}`",
                    root.display(),
                    root.display()
                )
            })
    };
    let (old, new) = (load(&args.old)?, load(&args.new)?);
    print!(
        "{}",
        crate::diff::to_text(&crate::diff::diff(&old, &new), args.staff)
    );
    Ok(ExitCode::SUCCESS)
}
