//! Writes the Rust ↔ JS parity vectors. Run from the workspace root:
//!   cargo run -p tsunagu-search --example gen_vectors -- tests/search_vectors.json

#[path = "../tests/common/vectors.rs"]
mod vectors;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: gen_vectors OUTPUT.json");
        return std::process::ExitCode::FAILURE;
    };
    match std::fs::write(&path, vectors::to_json()) {
        Ok(()) => {
            println!("wrote {path}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
