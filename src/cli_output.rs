//! What the subcommands print on stdout. `print!` panics when stdout is a closed pipe
//! (`rceval workflows | head`) or a full disk; these helpers do not.

use std::io::Write;
use std::process::ExitCode;

/// Writes a subcommand's output and returns `status`. A reader that went away is not an
/// error: the rest of the output is dropped quietly, as a reader that stopped early wants. Any
/// other failure (a full disk) is reported on stderr and fails the command with status 1.
pub fn print_then(text: &str, status: ExitCode) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => status,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
        Err(e) => {
            // eprintln! could itself panic if stderr is a closed pipe too.
            let _ = writeln!(std::io::stderr(), "rceval: can't write to stdout: {e}");
            ExitCode::from(1)
        }
    }
}
