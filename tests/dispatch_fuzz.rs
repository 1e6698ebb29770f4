//! Differential fuzzing of the dispatch strategies: random valid programs (arithmetic,
//! branches, loops with `break`/`continue`, calls and recursion, exceptions raised, caught,
//! re-raised and escaping, `finally`, comprehensions), each generated from a seed, must print
//! the same stdout and stderr with the same exit status under every strategy, and (for every
//! `PYTHON_EVERY`-th seed) the same stdout, status and final error line as `python3`.
//!
//! A failure names the seed and leaves the program in the target's tmp folder. Other seeds:
//! `RCEVAL_FUZZ_SEEDS=1000..2000 cargo test --test dispatch_fuzz`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rceval::driver::{self, Outcome, RunOptions};
use rceval_dispatch::variants::DISPATCH_STRATEGIES;

const DEFAULT_SEEDS: std::ops::Range<u64> = 0..240;
const PYTHON_EVERY: u64 = 8;

/// Moduli that keep values bounded (so loops never build huge integers).
const MODULI: [&str; 3] = ["97", "1000003", "2147483647"];

struct Generator {
    rng: StdRng,
    out: String,
    indent: usize,
    /// Variables the current scope may read and assign.
    vars: &'static [&'static str],
    /// Functions defined so far that the current one may call.
    callable: usize,
    /// Fresh-name counter for loop variables.
    fresh: usize,
    loop_depth: usize,
    in_function: bool,
    in_try: bool,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        Generator {
            rng: StdRng::seed_from_u64(seed),
            out: String::new(),
            indent: 0,
            vars: &["a", "b", "c", "d"],
            callable: 0,
            fresh: 0,
            loop_depth: 0,
            in_function: false,
            in_try: false,
        }
    }

    fn line(&mut self, text: &str) {
        let _ = writeln!(self.out, "{:width$}{text}", "", width = self.indent * 4);
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.gen_range(0..items.len())]
    }

    fn var(&mut self) -> &'static str {
        let vars = self.vars;
        self.pick(vars)
    }

    fn modulus(&mut self) -> &'static str {
        self.pick(&MODULI)
    }

    /// An integer expression; division only by a divisor that cannot be zero, unless inside a
    /// `try` that catches `ZeroDivisionError`.
    fn expr(&mut self, depth: u32) -> String {
        if depth == 0 || self.rng.gen_bool(0.3) {
            return if self.rng.gen_bool(0.6) {
                self.var().to_string()
            } else {
                self.rng.gen_range(-20..100).to_string()
            };
        }
        let (l, r) = (self.expr(depth - 1), self.expr(depth - 1));
        match self.rng.gen_range(0..9) {
            0 | 1 => format!("({l} + {r})"),
            2 => format!("({l} - {r})"),
            3 => format!("({l} * {r})"),
            4 if self.in_try => format!("({l} // {r})"),
            4 | 5 => format!("({l} // ({r} % 7 + 1))"),
            6 => format!("({l} % ({r} % 11 + 1))"),
            7 => format!("({l} if {} else {r})", self.cond(1)),
            _ => format!("abs({l} ^ {r})"),
        }
    }

    fn cond(&mut self, depth: u32) -> String {
        match self.rng.gen_range(0..if depth == 0 { 4 } else { 7 }) {
            0 => format!("{} < {}", self.expr(1), self.expr(1)),
            1 => format!("{} == {}", self.expr(1), self.expr(1)),
            2 => format!("{} % 3 != 0", self.expr(1)),
            3 => format!("{} >= {}", self.expr(1), self.expr(0)),
            4 => format!("({}) and ({})", self.cond(depth - 1), self.cond(depth - 1)),
            5 => format!("({}) or ({})", self.cond(depth - 1), self.cond(depth - 1)),
            _ => format!("not ({})", self.cond(depth - 1)),
        }
    }

    fn assign(&mut self) {
        let (v, e, m) = (self.var(), self.expr(3), self.modulus());
        let step = self.rng.gen_range(1..10);
        match self.rng.gen_range(0..4) {
            0 => self.line(&format!("{v} += {step}")),
            1 => self.line(&format!("{v} -= {e} % {m}")),
            _ => self.line(&format!("{v} = {e} % {m}")),
        }
    }

    fn block(&mut self, depth: u32) {
        self.indent += 1;
        let n = self.rng.gen_range(1..4);
        for _ in 0..n {
            self.stmt(depth);
        }
        self.indent -= 1;
    }

    fn stmt(&mut self, depth: u32) {
        let choice = if depth == 0 {
            self.rng.gen_range(0..4)
        } else {
            self.rng.gen_range(0..13)
        };
        match choice {
            0 | 1 => self.assign(),
            2 => {
                let (x, y) = (self.expr(2), self.expr(1));
                self.line(&format!("print({x}, {y})"));
            }
            3 => {
                if self.loop_depth > 0 && self.rng.gen_bool(0.5) {
                    let c = self.cond(1);
                    let jump = self.pick(&["break", "continue"]);
                    self.line(&format!("if {c}:"));
                    self.indent += 1;
                    self.line(jump);
                    self.indent -= 1;
                } else {
                    let e = self.expr(2);
                    self.line(&format!("lst.append({e})"));
                }
            }
            4 | 5 => {
                let c = self.cond(2);
                self.line(&format!("if {c}:"));
                self.block(depth - 1);
                if self.rng.gen_bool(0.4) {
                    let c = self.cond(1);
                    self.line(&format!("elif {c}:"));
                    self.block(depth - 1);
                }
                if self.rng.gen_bool(0.5) {
                    self.line("else:");
                    self.block(depth - 1);
                }
            }
            6 | 7 if self.loop_depth < 2 => self.for_or_while(depth),
            8 => self.try_stmt(depth),
            9 if self.callable > 0 && (self.loop_depth == 0 || !self.in_function) => {
                let f = self.rng.gen_range(0..self.callable);
                let (v, x, y, m) = (self.var(), self.expr(2), self.expr(1), self.modulus());
                self.line(&format!("{v} = f{f}({x}, {y}) % {m}"));
            }
            10 => {
                let (v, x, m) = (self.var(), self.expr(2), self.modulus());
                self.line(&format!("{v} = rec({x} % 40) % {m}"));
            }
            11 => {
                let (v, x, y, m) = (self.var(), self.expr(1), self.expr(2), self.modulus());
                let filter = if self.rng.gen_bool(0.5) {
                    format!(" if t % 3 != {}", self.rng.gen_range(0..3))
                } else {
                    String::new()
                };
                self.line(&format!(
                    "{v} = sum([t * ({y}) for t in range({x} % 6){filter}]) % {m}"
                ));
            }
            12 if self.in_try || self.in_function => {
                let (c, e) = (self.cond(1), self.expr(1));
                self.line(&format!("if {c}:"));
                self.indent += 1;
                self.line(&format!("raise Boom({e})"));
                self.indent -= 1;
            }
            _ => self.assign(),
        }
    }

    fn for_or_while(&mut self, depth: u32) {
        self.fresh += 1;
        let k = format!("k{}", self.fresh);
        let bound = self.rng.gen_range(0..5);
        self.loop_depth += 1;
        match self.rng.gen_range(0..3) {
            0 => {
                self.line(&format!("{k} = 0"));
                self.line(&format!("while {k} < {bound}:"));
                self.indent += 1;
                self.line(&format!("{k} += 1"));
                self.indent -= 1;
            }
            1 => self.line(&format!("for {k} in range({bound}):")),
            // A slice copy: appending inside the loop cannot make it endless.
            _ => self.line(&format!("for {k} in lst[-{}:]:", bound + 1)),
        }
        self.block(depth - 1);
        if self.rng.gen_bool(0.2) {
            self.line("else:");
            self.block(0);
        }
        self.loop_depth -= 1;
    }

    fn try_stmt(&mut self, depth: u32) {
        let outer = self.in_try;
        self.line("try:");
        self.in_try = true;
        self.block(depth - 1);
        self.in_try = outer;
        let v = self.var();
        match self.rng.gen_range(0..4) {
            0 => {
                self.line("except ZeroDivisionError:");
                self.indent += 1;
                self.line(&format!("{v} = -1"));
                self.indent -= 1;
            }
            1 => {
                self.line("except Boom as e:");
                self.indent += 1;
                self.line("print('caught', e.args[0])");
                self.indent -= 1;
                self.line("except ArithmeticError:");
                self.indent += 1;
                self.line("print('arith')");
                self.indent -= 1;
            }
            2 => {
                self.line("except (Boom, ZeroDivisionError) as e:");
                self.indent += 1;
                self.line("print(type(e).__name__)");
                if self.rng.gen_bool(0.2) {
                    self.line("raise");
                }
                self.indent -= 1;
                self.line("else:");
                self.indent += 1;
                self.line(&format!("{v} += 2"));
                self.indent -= 1;
            }
            _ => {}
        }
        self.line("finally:");
        self.indent += 1;
        self.line(&format!("print('finally', {v})"));
        self.indent -= 1;
    }

    fn program(mut self) -> String {
        self.line("class Boom(Exception):");
        self.line("    pass");
        self.line("");
        self.line("def rec(n):");
        self.line("    if n <= 0:");
        self.line("        return 1");
        self.line("    return (rec(n - 1) + n % 7) % 1000003");
        self.line("");
        self.line("lst = [1, 2, 3]");
        let functions = self.rng.gen_range(0..4);
        self.in_function = true;
        self.vars = &["p", "q", "r", "s"];
        for f in 0..functions {
            self.callable = f;
            self.line(&format!("def f{f}(p, q):"));
            self.indent += 1;
            self.line("r = p - q");
            self.line("s = 5");
            for _ in 0..self.rng.gen_range(1..5) {
                self.stmt(3);
            }
            let e = self.expr(2);
            self.line(&format!("return {e}"));
            self.indent -= 1;
            self.line("");
        }
        self.in_function = false;
        self.callable = functions;
        self.vars = &["a", "b", "c", "d"];
        self.line("a, b, c, d = 3, -5, 7, 11");
        for _ in 0..self.rng.gen_range(3..9) {
            self.stmt(3);
        }
        self.line("print(a, b, c, d, lst[-5:], len(lst))");
        self.out
    }
}

fn seeds() -> std::ops::Range<u64> {
    match std::env::var("RCEVAL_FUZZ_SEEDS") {
        Ok(spec) => {
            let (a, b) = spec.split_once("..").expect("RCEVAL_FUZZ_SEEDS=START..END");
            a.parse().expect("start seed")..b.parse().expect("end seed")
        }
        Err(_) => DEFAULT_SEEDS,
    }
}

fn run(path: &Path, dispatch: &str) -> Outcome {
    driver::run(RunOptions {
        path: path.display().to_string(),
        args: Vec::new(),
        dispatch: dispatch.into(),
        frames: "heap".into(),
        capture: true,
        frame_stats: false,
    })
}

fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// Checks one seed; `Ok(true)` when the program ran to its end (exit status 0).
fn check_seed(seed: u64, dir: &Path) -> Result<bool, String> {
    let source = Generator::new(seed).program();
    let path: PathBuf = dir.join(format!("fuzz_{seed}.py"));
    std::fs::write(&path, &source).expect("write program");
    let mut reference: Option<(&str, Outcome)> = None;
    for &dispatch in DISPATCH_STRATEGIES {
        let outcome = run(&path, dispatch);
        match &reference {
            None => reference = Some((dispatch, outcome)),
            Some((first, want)) => {
                if (want.exit_code, &want.stdout, &want.stderr)
                    != (outcome.exit_code, &outcome.stdout, &outcome.stderr)
                {
                    return Err(format!(
                        "seed {seed} ({}): {first} and {dispatch} differ\n--- {first} (exit {})\n{}{}\n--- {dispatch} (exit {})\n{}{}",
                        path.display(),
                        want.exit_code,
                        String::from_utf8_lossy(&want.stdout),
                        String::from_utf8_lossy(&want.stderr),
                        outcome.exit_code,
                        String::from_utf8_lossy(&outcome.stdout),
                        String::from_utf8_lossy(&outcome.stderr),
                    ));
                }
            }
        }
    }
    let (_, ours) = reference.expect("at least one strategy");
    if seed.is_multiple_of(PYTHON_EVERY) {
        let python = Command::new("python3")
            .arg(&path)
            .env("PYTHONHASHSEED", "0")
            .output()
            .map_err(|e| format!("running python3: {e}"))?;
        let code = python.status.code().unwrap_or(-1);
        let (their_last, our_last) = (last_line(&python.stderr), last_line(&ours.stderr));
        if python.stdout != ours.stdout || code != ours.exit_code || their_last != our_last {
            return Err(format!(
                "seed {seed} ({}): rceval and python3 differ\n--- python3 (exit {code})\n{}{their_last}\n--- rceval (exit {})\n{}{our_last}",
                path.display(),
                String::from_utf8_lossy(&python.stdout),
                ours.exit_code,
                String::from_utf8_lossy(&ours.stdout),
            ));
        }
    }
    std::fs::remove_file(&path).ok();
    Ok(ours.exit_code == 0)
}

#[test]
fn random_programs_agree_across_strategies_and_with_python() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dispatch_fuzz");
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let (mut completed, mut failures) = (0, Vec::new());
    for seed in seeds() {
        match check_seed(seed, &dir) {
            Ok(ran_to_end) => completed += usize::from(ran_to_end),
            Err(failure) => failures.push(failure),
        }
    }
    // Escaping exceptions are part of the test, but most programs should run to their end.
    assert!(
        completed * 2 > seeds().count(),
        "only {completed} programs ran to their end"
    );
    assert!(
        failures.is_empty(),
        "{} seed(s) failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn generated_programs_exercise_what_they_should() {
    let all: String = (0..40).map(|s| Generator::new(s).program()).collect();
    for needle in [
        "while ",
        "for ",
        "break",
        "continue",
        "try:",
        "except",
        "finally:",
        "raise Boom",
        "def f",
        "rec(",
        " if ",
        "elif",
        "// ",
    ] {
        assert!(
            all.contains(needle),
            "no generated program contains {needle:?}"
        );
    }
}
