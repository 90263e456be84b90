use super::{use_color, Common};
use crate::serve::{self, Options};
use std::net::IpAddr;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Address to listen on; the default keeps the preview on this machine
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Port to listen on; 0 picks a free one
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    serve::run(Options {
        root: args.common.root.clone(),
        bind: args.bind,
        port: args.port,
        today: args.common.today,
        color: use_color(),
    })?;
    Ok(ExitCode::SUCCESS)
}
