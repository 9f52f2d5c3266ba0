//! The `briefsmith` binary: parse arguments, run, print the error.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = briefsmith::cli::Cli::parse();
    match briefsmith::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
