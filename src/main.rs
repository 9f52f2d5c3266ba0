//! The `briefsmith` binary: parse arguments, run, print the error.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

// Typst allocates many small, short-lived objects on several threads;
// mimalloc serves them with far fewer page faults than the system allocator,
// at the cost of a larger resident set (feature `mimalloc`, on by default).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    #[cfg(feature = "mimalloc")]
    briefsmith::keep_freed_memory();
    let cli = briefsmith::cli::Cli::parse();
    let result = briefsmith::run(cli);
    if std::env::var_os("BRIEFSMITH_REPORT_PEAK_MEMORY").is_some() {
        report_peak_memory();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let label = if std::io::stderr().is_terminal() { "\x1b[1;31merror\x1b[0m" } else { "error" };
            eprintln!("{label}: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the process's peak resident memory (Linux), for the benchmarks.
fn report_peak_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(|v| v.trim().trim_end_matches(" kB").trim());
    if let Some(kib) = peak {
        eprintln!("peak memory: {kib} KiB");
    }
}
