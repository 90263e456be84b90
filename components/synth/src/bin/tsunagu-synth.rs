//! `tsunagu-synth N OUT_DIR [--seed S]`: writes a synthetic site folder with
//! N agencies (fictional city, fictional 0XX-555-XXXX phone numbers).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: tsunagu-synth N OUT_DIR [--seed S]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse(&args) {
        Ok((opts, out)) => match tsunagu_synth::generate(&out, &opts) {
            Ok(s) => {
                println!(
                    "{}: {} agencies, {} matters, {} programs (seed {})",
                    out.display(),
                    s.agencies,
                    s.matters,
                    s.programs,
                    opts.seed
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("tsunagu-synth: cannot write {}: {e}", out.display());
                ExitCode::FAILURE
            }
        },
        Err(msg) => {
            eprintln!("tsunagu-synth: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> Result<(tsunagu_synth::Options, PathBuf), String> {
    let mut positional = Vec::new();
    let mut seed = 1;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--seed" {
            let s = it.next().ok_or("--seed needs a number")?;
            seed = s
                .parse()
                .map_err(|_| format!("--seed: `{s}` is not a whole number"))?;
        } else {
            positional.push(a);
        }
    }
    let [n, out] = positional[..] else {
        return Err("expected N and OUT_DIR".into());
    };
    let agencies = n
        .parse()
        .map_err(|_| format!("N: `{n}` is not a whole number of agencies"))?;
    Ok((
        tsunagu_synth::Options { agencies, seed },
        PathBuf::from(out),
    ))
}
