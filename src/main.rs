//! The `briefsmith` binary: parse arguments, run, print the error.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = briefsmith::cli::Cli::parse();
    match briefsmith::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let label = if std::io::stderr().is_terminal() { "\x1b[1;31merror\x1b[0m" } else { "error" };
            eprintln!("{label}: {err}");
            ExitCode::FAILURE
        }
    }
}
