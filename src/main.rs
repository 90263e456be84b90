use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = tsunagu::cmd::Cli::parse();
    match tsunagu::cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "{}",
                tsunagu::messages::Msg::CliError {
                    detail: format!("{e:#}").into()
                }
            );
            ExitCode::FAILURE
        }
    }
}
