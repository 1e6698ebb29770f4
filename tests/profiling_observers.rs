//! The observers other than DXP, each tested in a build that has it: lltrace's output against
//! CPython 3.11's format, the call profile's kinds and paths, stack checks and per-opcode
//! timing. (`cargo test --features profiling,stackcheck --test profiling_observers`.)

#![allow(dead_code, unused_imports)]

use rceval::driver::{self, Outcome, RunOptions};
use rceval_profiling::session::ProfileOptions;

fn run_source(name: &str, source: &str, profile: ProfileOptions) -> Outcome {
    let dir = std::env::temp_dir().join(format!("rceval-obs-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, source).unwrap();
    let outcome = driver::run_profiled(
        RunOptions {
            path: path.display().to_string(),
            args: Vec::new(),
            dispatch: "switch".into(),
            frames: "heap".into(),
            capture: true,
            frame_stats: false,
        },
        profile,
    );
    std::fs::remove_dir_all(&dir).unwrap();
    outcome
}

/// CPython 3.11's `lltrace_resume_frame` and `lltrace_instruction` print exactly these three
/// line shapes (`printf("\nResuming frame for %R in module %R\n")`, `"    stack=[...]"`,
/// `"%d: %s %d"` / `"%d: %s"`), and nothing else.
#[cfg(feature = "lltrace")]
mod lltrace {
    use std::path::Path;

    use super::*;

    const PROGRAM: &str = "\
def add(a, b):
    return a + b

__lltrace__ = True
print(add(2, 40))
";

    /// What CPython 3.11 prints for the same program with `__lltrace__` set, except the
    /// opcode lines, whose bytecode differs (3.11 has RESUME, PRECALL, CALL and caches; rceval
    /// has 3.10's instruction set). The frame and stack lines match CPython's line by line.
    const EXPECTED: &str = "
Resuming frame for 'add' in module '__main__'
    stack=[]
0: LOAD_FAST 0
    stack=[2]
2: LOAD_FAST 1
    stack=[2, 40]
4: BINARY_ADD
    stack=[42]
6: RETURN_VALUE

Resuming frame for '<module>' in module '__main__'
    stack=[<built-in function print>, 42]
22: CALL_FUNCTION 1
42
    stack=[None]
24: POP_TOP
    stack=[]
26: LOAD_CONST 5
    stack=[None]
28: RETURN_VALUE
";

    #[test]
    fn trace_of_a_module_with_lltrace_set() {
        let outcome = run_source("lltrace", PROGRAM, ProfileOptions::default());
        assert_eq!(outcome.exit_code, 0);
        assert_eq!(String::from_utf8_lossy(&outcome.stdout), EXPECTED);
    }

    #[test]
    fn every_line_has_a_cpython_shape() {
        let outcome = run_source(
            "forced",
            "class P:\n    def __init__(self, x):\n        self.x = x\nxs = [P(i).x for i in range(3)]\nprint(xs)\n",
            ProfileOptions {
                lltrace: true,
                ..ProfileOptions::default()
            },
        );
        assert_eq!(outcome.exit_code, 0);
        let text = String::from_utf8_lossy(&outcome.stdout).into_owned();
        let mut resumes = 0;
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if line.is_empty() {
                let next = lines.next().expect("a resume line after the blank line");
                assert!(
                    next.starts_with("Resuming frame for '") && next.contains("' in module '"),
                    "{next}"
                );
                resumes += 1;
            } else if let Some(stack) = line.strip_prefix("    stack=[") {
                assert!(stack.ends_with(']'), "{line}");
                let op = lines.next().expect("an instruction line after the stack");
                let (offset, rest) = op.split_once(": ").unwrap_or_else(|| panic!("{op}"));
                assert!(offset.parse::<u32>().is_ok_and(|o| o % 2 == 0), "{op}");
                let mut words = rest.split(' ');
                let name = words.next().unwrap();
                assert!(
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                    "{op}"
                );
                if let Some(arg) = words.next() {
                    assert!(arg.parse::<u8>().is_ok(), "{op}");
                }
                assert!(words.next().is_none(), "{op}");
            } else {
                assert_eq!(line, "[0, 1, 2]", "only the program's own output is left");
            }
        }
        // <module>, then the class body, P.__init__ three times, the comprehension, and
        // <module> again after each of those returns.
        assert!(resumes >= 8, "{resumes} resumes:\n{text}");
        assert!(text.starts_with("\nResuming frame for '<module>' in module '"));
    }

    /// A `__repr__` written in Python runs while the stack is printed: it is not traced, and
    /// coming back from it is not a resumption of the traced frame.
    #[test]
    fn python_reprs_on_the_stack() {
        let source = "class P:\n    def __repr__(self):\n        return 'P!'\ndef f():\n    return 0\n__lltrace__ = 1\np = P()\nf()\nx = [p]\ny = (p, p)\n";
        let outcome = run_source("reprs", source, ProfileOptions::default());
        let text = String::from_utf8_lossy(&outcome.stdout).into_owned();
        assert!(text.contains("    stack=[P!]\n"), "{text}");
        assert!(text.contains("    stack=[[P!]]\n"), "{text}");
        assert!(!text.contains("__repr__"), "{text}");
        assert!(text.contains("    stack=[P!, P!]\n"), "{text}");
        // The module started untraced (CPython 3.11 checks `__lltrace__` at frame starts and
        // resumptions): traced are f, and the module once f returns to it.
        assert_eq!(text.matches("Resuming frame").count(), 2, "{text}");
    }

    /// tests/profiling/lltrace/switches.py (traced) and quiet.py (untraced) pass control to
    /// each other at every kind of frame switch: inline calls and returns, generator
    /// resumptions and yields (through `FOR_ITER` and through builtins), exceptions caught in
    /// a caller and in a caller's caller, builtins calling back into Python, and an import.
    /// A switch the eval loop failed to report would leave the previous frame's decision in
    /// force: a traced frame's instructions would go missing, or an untraced one's appear.
    const SWITCHES: &str = "tests/profiling/lltrace/switches.py";

    /// Every frame start or resumption in a traced module, in order (CPython 3.11 announces
    /// each with this line); untraced frames announce nothing.
    const SWITCHES_RESUMED: &[&str] = &[
        // `import quiet` ends: the module body is resumed, now with `__lltrace__` set (it was
        // not when the body started).
        "<module>",
        "main",
        // quiet.twice (untraced) calls inc inline twice, then returns to main.
        "inc",
        "inc",
        "main",
        // The comprehension starts, then resumes after each time quiet.countdown yields to
        // its `FOR_ITER`, and after it finishes.
        "main.<locals>.<listcomp>",
        "main.<locals>.<listcomp>",
        "main.<locals>.<listcomp>",
        "main.<locals>.<listcomp>",
        "main",
        // quiet.total resumes gen: two yields and the return.
        "gen",
        "gen",
        "gen",
        "main",
        // quiet.fail raises into main's handler.
        "main",
        // boom raises through quiet.call_each (which has no handler) into main.
        "boom",
        "main",
        // boom raises into quiet.guard's handler; guard returns to main.
        "boom",
        "main",
        // sorted calls inc for each key, then returns to main.
        "inc",
        "inc",
        "main",
        // sorted calls quiet.neg: nothing to announce until main resumes.
        "main",
        // quiet.sort_by's sorted calls inc back.
        "inc",
        "inc",
        "main",
        // list() resumes gen three times.
        "gen",
        "gen",
        "gen",
        "main",
        "<module>",
    ];

    fn run_file(path: &str, dispatch: &str, frames: &str, profile: ProfileOptions) -> Outcome {
        driver::run_profiled(
            RunOptions {
                path: Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(path)
                    .display()
                    .to_string(),
                args: Vec::new(),
                dispatch: dispatch.into(),
                frames: frames.into(),
                capture: true,
                frame_stats: false,
            },
            profile,
        )
    }

    /// The trace with object addresses (`<function f at 0x…>`) blanked, as they depend on how
    /// many objects the runtime allocated before (not what this checks), and file names
    /// relative to the repository, wherever it is.
    fn portable_trace(outcome: &Outcome) -> String {
        let root = format!("{}/", env!("CARGO_MANIFEST_DIR"));
        let text = String::from_utf8_lossy(&outcome.stdout).replace(&root, "");
        let mut out = String::with_capacity(text.len());
        let mut rest = &*text;
        while let Some(at) = rest.find(" at 0x") {
            out.push_str(&rest[..at + " at 0x".len()]);
            rest = rest[at + " at 0x".len()..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
            out.push('…');
        }
        out.push_str(rest);
        out
    }

    fn resumed_frames(trace: &str) -> Vec<&str> {
        trace
            .lines()
            .filter_map(|l| l.strip_prefix("Resuming frame for '"))
            .map(|l| l.split_once("' in module").expect("module name").0)
            .collect()
    }

    /// The same trace under every strategy and allocator, each switch announced, and the
    /// instructions traced exactly those of the traced frames (the golden file).
    #[test]
    fn frame_switches_between_traced_and_untraced_modules() {
        let mut first: Option<String> = None;
        for (dispatch, frames) in rceval_dispatch::variants::all_variants() {
            let outcome = run_file(SWITCHES, dispatch, frames, ProfileOptions::default());
            assert_eq!(outcome.exit_code, 0, "{dispatch}/{frames}");
            let trace = portable_trace(&outcome);
            match &first {
                None => {
                    assert_eq!(resumed_frames(&trace), SWITCHES_RESUMED, "{trace}");
                    // The program's own output (CPython's for the same program).
                    assert!(
                        trace.contains(
                            "\n(3, [2, 1], 3, 'caught', [1, 3], [2, 1], [1, 2], [1, 2])\n"
                        ),
                        "{trace}"
                    );
                    check_golden("lltrace_switches.txt", &trace);
                    first = Some(trace);
                }
                Some(first) => assert!(
                    *first == trace,
                    "{dispatch}/{frames} traces differently from the first variant:\n{trace}"
                ),
            }
        }
    }

    /// `--lltrace` traces the untraced module's frames too, at the same switches.
    #[test]
    fn forced_trace_announces_every_frame() {
        let mut first: Option<String> = None;
        for (dispatch, frames) in rceval_dispatch::variants::all_variants() {
            let forced = ProfileOptions {
                lltrace: true,
                ..ProfileOptions::default()
            };
            let trace = portable_trace(&run_file(SWITCHES, dispatch, frames, forced));
            match &first {
                None => {
                    let resumed = resumed_frames(&trace);
                    for quiet in ["twice", "countdown", "total", "fail", "call_each", "guard"] {
                        assert!(resumed.contains(&quiet), "{quiet} not traced:\n{trace}");
                    }
                    check_golden("lltrace_switches_forced.txt", &trace);
                    first = Some(trace);
                }
                Some(first) => assert!(
                    *first == trace,
                    "{dispatch}/{frames} traces differently from the first variant:\n{trace}"
                ),
            }
        }
    }

    /// Compares with tests/profiling/golden/NAME; `UPDATE_GOLDEN=1` rewrites it.
    fn check_golden(name: &str, actual: &str) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/profiling/golden")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, actual).unwrap();
            return;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} ({e}); run with UPDATE_GOLDEN=1", path.display()));
        assert!(
            expected == actual,
            "{name} differs from its golden; run with UPDATE_GOLDEN=1 if the change is intended.\n--- actual ---\n{actual}"
        );
    }

    #[test]
    fn untraced_without_lltrace() {
        let outcome = run_source("quiet", "print(1 + 1)\n", ProfileOptions::default());
        assert_eq!(String::from_utf8_lossy(&outcome.stdout), "2\n");
    }
}

#[cfg(feature = "callprofile")]
mod callprofile {
    use rceval_profiling::callprofile::{CallKind, CallPath};

    use super::*;

    #[test]
    fn calls_by_kind_and_path() {
        let source = "\
def f(x):
    return x
class C:
    def m(self):
        return 1
def gen():
    yield 1
    yield 2
c = C()
for _ in range(3):
    f(1)
    c.m()
len([])
'a'.upper()
sorted([3, 1], key=f)
for v in gen():
    pass
print(sum(gen()))
";
        let outcome = run_source(
            "calls",
            source,
            ProfileOptions {
                callprofile: true,
                ..ProfileOptions::default()
            },
        );
        assert_eq!(String::from_utf8_lossy(&outcome.stdout), "3\n");
        let calls = outcome.profile.calls.expect("call counts");
        // f(1) and c.m() three times each inline (LOAD_METHOD/CALL_METHOD calls the plain
        // function with self). sorted's key calls come from native code, not a CALL_*
        // instruction, so they are not calls of the eval loop. The two gen() calls push no
        // frame (they make a generator), so they are not fast-path calls.
        assert_eq!(calls.get(CallKind::PythonFunction, CallPath::Fast), 6);
        assert_eq!(calls.get(CallKind::PythonFunction, CallPath::General), 2);
        // C() and range(3): range is a class too.
        assert_eq!(
            calls.get(CallKind::ClassInstantiation, CallPath::General),
            2
        );
        assert!(calls.get(CallKind::BuiltinFunction, CallPath::General) >= 4);
        // The two generators run: 3 resumptions each (two yields and the final return), the
        // for loop's inside the loop (FOR_ITER), sum's through the runtime.
        assert_eq!(calls.get(CallKind::GeneratorResume, CallPath::Fast), 3);
        assert_eq!(calls.get(CallKind::GeneratorResume, CallPath::General), 3);
        assert_eq!(calls.get(CallKind::BuiltinFunction, CallPath::Fast), 0);
    }
}

#[cfg(feature = "optiming")]
mod optiming {
    use super::*;

    #[test]
    fn every_executed_opcode_is_timed() {
        let outcome = run_source(
            "timed",
            "t = 0\nfor i in range(1000):\n    t += i\nprint(t)\n",
            ProfileOptions {
                optiming: true,
                ..ProfileOptions::default()
            },
        );
        assert_eq!(String::from_utf8_lossy(&outcome.stdout), "499500\n");
        let timing = outcome.profile.optiming.expect("timings");
        let for_iter = timing
            .opcodes
            .iter()
            .find(|o| o.opcode == "FOR_ITER")
            .unwrap();
        assert_eq!(for_iter.count, 1001);
        for o in &timing.opcodes {
            assert!(
                o.p50_ns <= o.p90_ns && o.p90_ns <= o.p99_ns && o.p99_ns <= o.max_ns,
                "{o:?}"
            );
        }
        assert!(timing.hook_ns > 0);
        let text = timing.render();
        assert!(text.contains("p50") && text.contains("instrumentation:"));
    }
}

#[cfg(feature = "stackcheck")]
mod stackcheck {
    use std::rc::Rc;

    use rceval_dispatch::variants;
    use rceval_interp::compiler::compile_module;
    use rceval_interp::opcode::Opcode;
    use rceval_interp::runtime::{FrameAllocator, FrameBox, HeapFrames, Value, Vm};
    use rceval_profiling::stackcheck::check_frame;

    use super::*;

    fn frame_for(source: &str) -> (Vm, FrameBox) {
        let mut vm = Vm::new(variants::hooks_for("switch", "heap").unwrap());
        let code = compile_module(source, "checked.py").unwrap();
        let unit = vm.load_code(&Rc::clone(&code));
        let module = vm.new_module("checked", Some("checked.py"));
        let Value::Obj(m) = module else { panic!() };
        let globals = match vm.heap.get(m) {
            rceval_interp::runtime::Object::Module(m) => m.dict,
            _ => panic!(),
        };
        let frame = HeapFrames::alloc(&mut vm.frame_pool, &unit, globals, Value::Null);
        (vm, frame)
    }

    #[test]
    fn a_frame_within_bounds_passes() {
        let (_vm, mut frame) = frame_for("x = (1, 2)\n");
        assert!(check_frame(&frame, Opcode::LoadConst).is_ok());
        let depth = frame.code.code.stacksize;
        frame.sp += depth;
        assert!(check_frame(&frame, Opcode::LoadConst).is_ok());
    }

    #[test]
    fn overflow_names_code_offset_and_opcode() {
        let (_vm, mut frame) = frame_for("x = 1\n");
        frame.sp += frame.code.code.stacksize + 1;
        frame.lasti = 1;
        let violation = check_frame(&frame, Opcode::StoreName).unwrap_err();
        let text = violation.to_string();
        assert!(text.contains("exceeds co_stacksize"), "{text}");
        assert!(text.contains("before 2 STORE_NAME"), "{text}");
        assert!(
            text.contains("<code object <module> at \"checked.py\", line 1>"),
            "{text}"
        );
    }

    #[test]
    fn underflow_and_block_overflow_are_caught() {
        let (_vm, mut frame) = frame_for("x = 1\n");
        frame.stack_base += 1;
        frame.sp = frame.stack_base - 1;
        assert!(
            check_frame(&frame, Opcode::PopTop)
                .unwrap_err()
                .problem
                .contains("underflow")
        );
        frame.sp = frame.stack_base;
        frame.nblocks = 21;
        assert!(
            check_frame(&frame, Opcode::PopBlock)
                .unwrap_err()
                .problem
                .contains("CO_MAXBLOCKS")
        );
    }

    #[test]
    fn runs_are_checked_without_asking() {
        // Stack checks need no run option: the build's default variants carry them.
        let outcome = run_source(
            "deep",
            "print([[[(i, j) for j in range(2)] for i in range(2)]])\n",
            ProfileOptions::default(),
        );
        assert_eq!(outcome.exit_code, 0);
        let installed = variants::hooks_for("switch", "heap").unwrap().eval_frame as usize;
        let plain = variants::hooks_with::<rceval_dispatch::observer::NoObserver>("switch", "heap")
            .unwrap()
            .eval_frame as usize;
        assert_ne!(
            installed, plain,
            "a stackcheck build must run checked variants"
        );
    }
}
