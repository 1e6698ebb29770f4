//! One timed run: a fresh process (`rceval run --dispatch D --frames F prog args`, or
//! `python3 prog args`), its wall time from spawn to exit and its peak resident set size, its
//! output kept in files so that a chatty program cannot block on a full pipe while it is timed.

use std::ffi::OsString;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What runs a program: an rceval binary with a dispatch strategy and frame allocator, or a
/// Python interpreter.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// Shown in tables and used as the JSON file's stem: `switch-heap`, `python3`,
    /// `lltrace.switch-heap` (a build's variant).
    pub name: String,
    pub kind: VariantKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum VariantKind {
    Rceval {
        exe: PathBuf,
        dispatch: String,
        frames: String,
        /// The `compare-builds` build it belongs to, if any.
        build: Option<String>,
    },
    Python {
        exe: PathBuf,
    },
}

impl Variant {
    pub fn rceval(exe: &Path, dispatch: &str, frames: &str, build: Option<&str>) -> Variant {
        let base = format!("{dispatch}-{frames}");
        Variant {
            name: match build {
                Some(build) => format!("{build}.{base}"),
                None => base,
            },
            kind: VariantKind::Rceval {
                exe: exe.to_path_buf(),
                dispatch: dispatch.to_string(),
                frames: frames.to_string(),
                build: build.map(str::to_string),
            },
        }
    }

    pub fn python(name: &str, exe: &Path) -> Variant {
        Variant {
            name: name.to_string(),
            kind: VariantKind::Python {
                exe: exe.to_path_buf(),
            },
        }
    }

    pub fn is_python(&self) -> bool {
        matches!(self.kind, VariantKind::Python { .. })
    }

    /// The command line that runs `program` with `args`.
    pub fn command_line(&self, program: &Path, args: &[String]) -> Vec<OsString> {
        let mut line: Vec<OsString> = match &self.kind {
            VariantKind::Rceval {
                exe,
                dispatch,
                frames,
                ..
            } => vec![
                exe.into(),
                "run".into(),
                "--dispatch".into(),
                dispatch.into(),
                "--frames".into(),
                frames.into(),
            ],
            VariantKind::Python { exe } => vec![exe.into()],
        };
        line.push(program.into());
        line.extend(args.iter().map(OsString::from));
        line
    }
}

/// What one run did.
#[derive(Clone, Debug)]
pub struct RunOutcome {
    /// Spawn to exit, in seconds.
    pub seconds: f64,
    /// The process's peak resident set size in bytes (`wait4`'s `ru_maxrss`), when it exited
    /// by itself.
    pub max_rss: Option<u64>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The exit code; `None` if a signal ended it or it timed out.
    pub exit_code: Option<i32>,
    pub timed_out: bool,
    /// Stopped because the suite was interrupted (killed by us, or by the terminal's SIGINT):
    /// neither a result nor a failure of the program.
    pub interrupted: bool,
}

impl RunOutcome {
    /// Why this run does not count, if it does not: a non-zero exit, a signal, a timeout.
    pub fn failure(&self) -> Option<String> {
        if self.timed_out {
            return Some(format!("timed out after {:.0} s", self.seconds));
        }
        match self.exit_code {
            Some(0) => None,
            Some(code) => Some(format!("exit code {code}: {}", last_line(&self.stderr))),
            None => Some(format!("killed by a signal: {}", last_line(&self.stderr))),
        }
    }
}

fn last_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("(no output on stderr)")
        .to_string()
}

/// How often a running process is checked for a stop request: short enough that Ctrl-C feels
/// immediate, long enough to cost nothing measurable (the wait is in another process).
const STOP_POLL: Duration = Duration::from_millis(50);

/// Runs `line` once, timed, with its output captured in `scratch`; killed if `stop()` turns
/// true meanwhile. Python gets `PYTHONHASHSEED=0`, the seed the suite's expected outputs were
/// made with.
pub fn run_once(
    line: &[OsString],
    scratch: &Path,
    timeout: Duration,
    stop: &dyn Fn() -> bool,
) -> std::io::Result<RunOutcome> {
    let stdout_path = scratch.join("stdout");
    let stderr_path = scratch.join("stderr");
    let mut command = Command::new(&line[0]);
    command
        .args(&line[1..])
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path)?)
        .stderr(File::create(&stderr_path)?);
    let start = Instant::now();
    let mut child = command.spawn()?;
    let reaped = reaper(child.id());
    let mut stopped = false;
    let mut exited = loop {
        let left = timeout.saturating_sub(start.elapsed());
        match reaped.recv_timeout(left.min(STOP_POLL)) {
            Ok(exit) => break Some(exit?),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(std::io::Error::other("the reaper thread ended"));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if left <= STOP_POLL {
            break None;
        }
        if stop() {
            stopped = true;
            break None;
        }
    };
    let seconds = match &exited {
        Some(exit) => exit.at.duration_since(start).as_secs_f64(),
        None => start.elapsed().as_secs_f64(),
    };
    let timed_out = exited.is_none() && !stopped;
    let killed_by_sigint = exited.as_ref().is_some_and(|e| {
        use std::os::unix::process::ExitStatusExt;
        e.status.signal() == Some(SIGINT)
    });
    if exited.is_none() {
        // Not reaped yet, so the pid is still this child's.
        let _ = child.kill();
        exited = reaped.recv().ok().and_then(Result::ok);
    }
    let status = exited.as_ref().map(|e| e.status);
    let max_rss = match &exited {
        Some(e) if !timed_out && !stopped => Some(e.max_rss),
        _ => None,
    };
    Ok(RunOutcome {
        seconds,
        max_rss,
        stdout: std::fs::read(&stdout_path)?,
        stderr: std::fs::read(&stderr_path)?,
        exit_code: if timed_out {
            None
        } else {
            status.and_then(|s| s.code())
        },
        timed_out,
        interrupted: stopped || killed_by_sigint,
    })
}

const SIGINT: i32 = 2;

/// How a child ended, as `wait4` saw it.
struct Exit {
    status: ExitStatus,
    /// When `wait4` returned.
    at: Instant,
    max_rss: u64,
}

/// Waits for process `pid` on a thread of its own with `wait4`, which reports the child's
/// resource usage (`std`'s wait does not), and sends how it ended. The child is reaped there:
/// its `Child` handle must only be used to kill it before that.
fn reaper(pid: u32) -> mpsc::Receiver<std::io::Result<Exit>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(wait4(pid));
    });
    rx
}

fn wait4(pid: u32) -> std::io::Result<Exit> {
    use std::os::unix::process::ExitStatusExt;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero `rusage` is a valid value of the plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live locals of the types `wait4` writes.
        let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
        if r == pid as libc::pid_t {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            return Err(err);
        }
    }
    Ok(Exit {
        status: ExitStatus::from_raw(status),
        at: Instant::now(),
        // Linux reports kibibytes.
        max_rss: (usage.ru_maxrss.max(0) as u64) * 1024,
    })
}

/// The interpreter a `python3` command really runs: `sys.executable`, so a version manager's
/// shim (pyenv's adds tens of milliseconds of start-up) is not timed. `None` if it does not
/// run.
pub fn resolve_python(command: &str) -> Option<(PathBuf, String)> {
    let out = Command::new(command)
        .args([
            "-c",
            "import sys, platform; print(sys.executable); print(platform.python_version())",
        ])
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let exe = PathBuf::from(lines.next()?.trim());
    let version = lines.next().unwrap_or("").trim().to_string();
    exe.exists().then_some((exe, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_name_the_variant() {
        let v = Variant::rceval(Path::new("/bin/rceval"), "tailcall", "zombie", None);
        assert_eq!(v.name, "tailcall-zombie");
        let line = v.command_line(Path::new("p.py"), &["7".into()]);
        assert_eq!(
            line,
            [
                "/bin/rceval",
                "run",
                "--dispatch",
                "tailcall",
                "--frames",
                "zombie",
                "p.py",
                "7"
            ]
            .map(OsString::from)
        );
        let b = Variant::rceval(Path::new("x"), "switch", "heap", Some("dxp"));
        assert_eq!(b.name, "dxp.switch-heap");
        let p = Variant::python("python3", Path::new("/usr/bin/python3.11"));
        assert_eq!(
            p.command_line(Path::new("p.py"), &[]),
            ["/usr/bin/python3.11", "p.py"].map(OsString::from)
        );
    }

    #[test]
    fn a_run_is_timed_and_its_output_and_failure_kept() {
        let scratch = tempfile::tempdir().unwrap();
        let sh =
            |script: &str| -> Vec<OsString> { ["sh", "-c", script].map(OsString::from).to_vec() };
        let go_on = || false;
        let ok = run_once(
            &sh("echo hi"),
            scratch.path(),
            Duration::from_secs(60),
            &go_on,
        )
        .unwrap();
        assert_eq!(ok.stdout, b"hi\n");
        assert!(ok.seconds > 0.0);
        assert!(ok.max_rss.is_some_and(|b| b > 0));
        assert_eq!(ok.failure(), None);
        let bad = run_once(
            &sh("echo oops >&2; exit 3"),
            scratch.path(),
            Duration::from_secs(60),
            &go_on,
        )
        .unwrap();
        assert_eq!(bad.failure().as_deref(), Some("exit code 3: oops"));
        let slow = run_once(
            &sh("sleep 5"),
            scratch.path(),
            Duration::from_millis(100),
            &go_on,
        )
        .unwrap();
        assert!(slow.timed_out && !slow.interrupted && slow.max_rss.is_none());
        assert!(slow.failure().unwrap().starts_with("timed out"));
        let stopped = run_once(
            &sh("sleep 5"),
            scratch.path(),
            Duration::from_secs(60),
            &|| true,
        )
        .unwrap();
        assert!(stopped.interrupted && !stopped.timed_out);
    }
}
