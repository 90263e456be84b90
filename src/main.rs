use std::process::ExitCode;

// glibc malloc spent about a quarter of a 10k build's CPU in free lists and
// consolidation (perf, benches/scale.py); mimalloc's per-thread pages fit the
// many short-lived strings and maps of rendering.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
