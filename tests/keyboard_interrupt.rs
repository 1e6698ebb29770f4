//! Ctrl-C during `rceval run`: SIGINT becomes `KeyboardInterrupt` at the next safepoint (loop
//! back-edge or call) or inside `time.sleep`; `finally` and `except KeyboardInterrupt` run;
//! uncaught, the traceback is printed, the output flushed, and the process ends killed by
//! SIGINT, as CPython's does. Each program signals readiness on stdout before the test sends
//! the signal, so no test depends on timing.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

/// Long enough that only a hang reaches it.
const HANG: Duration = Duration::from_secs(120);

const STRATEGIES: [&str; 2] = ["switch", "tailcall"];

struct Ended {
    stdout: String,
    stderr: String,
    signal: Option<i32>,
    code: Option<i32>,
}

/// Runs `source`, sends SIGINT after each line of stdout that starts with `ready`, and returns
/// how the process ended.
fn interrupt(source: &str, dispatch: &str) -> Ended {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("prog.py");
    std::fs::write(&path, source).expect("write program");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(["run", "--dispatch", dispatch])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn rceval");
    let pid = child.id() as libc::pid_t;
    let mut stderr_pipe = child.stderr.take().expect("stderr");
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        stderr_pipe.read_to_string(&mut text).expect("read stderr");
        text
    });
    let mut stdout = String::new();
    for line in BufReader::new(child.stdout.take().expect("stdout")).lines() {
        let line = line.expect("read stdout");
        if line.starts_with("ready") {
            // SAFETY: sending a signal to our own child process.
            assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
        }
        stdout.push_str(&line);
        stdout.push('\n');
    }
    let status = match child.wait_timeout(HANG).expect("wait") {
        Some(status) => status,
        None => {
            let _ = child.kill();
            panic!("rceval did not stop after SIGINT; stdout so far:\n{stdout}");
        }
    };
    Ended {
        stdout,
        stderr: stderr_reader.join().expect("stderr thread"),
        signal: status.signal(),
        code: status.code(),
    }
}

#[test]
fn an_uncaught_interrupt_runs_finally_prints_a_traceback_and_ends_by_sigint() {
    let source = "\
def spin():
    n = 0
    while True:
        n += 1

try:
    print('ready', flush=True)
    print('buffered output is flushed')
    spin()
finally:
    print('finally ran')
";
    for dispatch in STRATEGIES {
        let ended = interrupt(source, dispatch);
        assert_eq!(
            ended.stdout, "ready\nbuffered output is flushed\nfinally ran\n",
            "{dispatch}"
        );
        assert!(
            ended
                .stderr
                .starts_with("Traceback (most recent call last):\n")
                && ended.stderr.contains("in spin\n")
                && ended.stderr.ends_with("\nKeyboardInterrupt\n"),
            "{dispatch}: {}",
            ended.stderr
        );
        assert_eq!(
            (ended.signal, ended.code),
            (Some(libc::SIGINT), None),
            "{dispatch}"
        );
    }
}

#[test]
fn an_interrupt_can_be_caught_in_a_loop_in_a_call_and_in_sleep() {
    let source = "\
import time

def spin():
    while True:
        pass

for where in ['loop', 'call', 'sleep']:
    try:
        print('ready', where, flush=True)
        if where == 'loop':
            while True:
                pass
        elif where == 'call':
            spin()
        else:
            time.sleep(1000)
    except KeyboardInterrupt as e:
        print('caught', where, repr(e), e.args)
print('went on')
";
    for dispatch in STRATEGIES {
        let ended = interrupt(source, dispatch);
        assert_eq!(
            ended.stdout,
            "ready loop\ncaught loop KeyboardInterrupt() ()\n\
             ready call\ncaught call KeyboardInterrupt() ()\n\
             ready sleep\ncaught sleep KeyboardInterrupt() ()\nwent on\n",
            "{dispatch}: {}",
            ended.stderr
        );
        assert_eq!(
            (ended.code, ended.stderr.as_str()),
            (Some(0), ""),
            "{dispatch}"
        );
    }
}

#[test]
fn sys_exit_130_is_a_plain_exit_not_an_interrupt() {
    let ended = interrupt("import sys\nsys.exit(130)\n", "switch");
    assert_eq!((ended.signal, ended.code), (None, Some(130)));
}
