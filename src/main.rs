use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = tsunagu::cmd::help::parse(std::env::args_os());
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
