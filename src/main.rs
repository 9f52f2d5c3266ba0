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
    keep_freed_memory();
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

/// Tells mimalloc to keep the memory it frees instead of handing it back to
/// the system a second later (its default). A batch frees each brief's
/// layouts and allocates the next brief's at once: memory handed back is
/// handed out again, and the kernel zeroes every page of it on the way
/// (a tenth of a batch's processor time). Kept, it is simply reused; the
/// resident set stays at its high-water mark, which a batch reaches within
/// its first briefs anyway (BENCHMARKS.md). `MIMALLOC_PURGE_DELAY` in the
/// environment still decides, when set.
#[cfg(feature = "mimalloc")]
#[allow(unsafe_code)]
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    /// `mi_option_purge_delay` in mimalloc.h (the same in mimalloc 2 and 3).
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    /// "No purging at all".
    const NEVER: std::ffi::c_long = -1;
    // SAFETY: `mi_option_set` stores an integer in mimalloc's option table;
    // it takes no pointers and may be called at any time from any thread.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, NEVER) };
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
