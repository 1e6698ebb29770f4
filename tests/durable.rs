//! `durable.wait`: a workflow suspended to a store and resumed in other processes prints what
//! an uninterrupted run prints, under any dispatch strategy and frame allocator; what cannot be
//! suspended is refused at the `wait`, with nothing written.

#[path = "durable/common.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use common::*;

/// The values the example workflow waits for, in order.
const SENT: [&str; 3] = ["true", "3", "\"rush\""];

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/workflow.py")
        .display()
        .to_string()
}

/// What the example prints when `wait` returns the values at once, under rceval.
fn uninterrupted_rceval(dir: &Path) -> String {
    let values = format!("[{}]", SENT.join(", "));
    let out = rceval_in(dir, &["run", "--send-values", &values, &example()]);
    expect_status(&out, 0, "uninterrupted run");
    text(&out.stdout)
}

/// Suspends the example under one variant and resumes it three times, each in a new process
/// under the next variant; returns everything the four processes printed.
fn suspended_and_resumed(dir: &Path, variants: &[(&str, &str)]) -> String {
    let store = dir.join("wf.db").display().to_string();
    let (d, f) = variants[0];
    let out = rceval_in(
        dir,
        &[
            "run",
            "--dispatch",
            d,
            "--frames",
            f,
            "--store",
            &store,
            &example(),
        ],
    );
    expect_status(&out, SUSPENDED, "first run suspends");
    let id = workflow_id(&out.stderr);
    let mut printed = text(&out.stdout);
    for (k, sent) in SENT.iter().enumerate() {
        let (d, f) = variants[k + 1];
        let out = resume_under(dir, &store, &id, sent, (d, f));
        let last = k == SENT.len() - 1;
        expect_status(
            &out,
            if last { 0 } else { SUSPENDED },
            &format!("resume {} under {d}/{f}", k + 1),
        );
        if !last {
            assert_eq!(
                workflow_id(&out.stderr),
                id,
                "the same workflow waits again"
            );
        }
        printed += &text(&out.stdout);
    }
    printed
}

#[test]
fn example_workflow_suspended_three_times_prints_what_an_uninterrupted_run_prints() {
    let dir = scratch("example");
    let expected = uninterrupted_rceval(&dir);
    // Every strategy suspends, and each resume runs under another strategy and allocator
    // (datastack frames rebuilt from heap ones and back).
    let chains = variant_chains(4, 4);
    for (i, chain) in chains.iter().enumerate() {
        let sub = dir.join(format!("chain{i}"));
        std::fs::create_dir_all(&sub).unwrap();
        let printed = suspended_and_resumed(&sub, chain);
        assert_eq!(printed, expected, "chain {chain:?}");
    }
    let listed = text(&rceval_in(&dir, &["workflows", "--store", "chain0/wf.db"]).stdout);
    assert!(listed.contains("finished"), "{listed}");
}

/// CPython runs the same program with a pure-Python `durable` whose `wait` returns the same
/// values: the reference output of the uninterrupted run.
#[test]
fn uninterrupted_run_prints_what_cpython_prints() {
    let dir = scratch("cpython");
    let shim = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/durable");
    let out = Command::new("python3")
        .arg(example())
        .env("PYTHONPATH", &shim)
        .env("DURABLE_SEND_VALUES", format!("[{}]", SENT.join(", ")))
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(uninterrupted_rceval(&dir), text(&out.stdout));
}

#[test]
fn workflows_lists_where_each_program_waits_and_since_when() {
    let dir = scratch("list");
    let store = dir.join("wf.db").display().to_string();
    for _ in 0..2 {
        let out = rceval_in(&dir, &["run", "--store", &store, &example()]);
        expect_status(&out, SUSPENDED, "suspends");
    }
    let out = rceval_in(
        &dir,
        &["resume", "--store", &store, "--id", "2", "--send", "true"],
    );
    expect_status(&out, SUSPENDED, "second workflow waits again");
    let out = rceval_in(&dir, &["workflows", "--store", &store]);
    expect_status(&out, 0, "workflows");
    let listed = text(&out.stdout);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 3, "{listed}");
    assert!(
        lines[1].starts_with("1   waiting")
            && lines[1].contains("wait(\"approval\") in ask() at")
            && lines[1].contains("workflow.py line 59"),
        "{listed}"
    );
    assert!(
        lines[2].starts_with("2   waiting") && lines[2].contains("wait(\"quantity\") in ask()"),
        "{listed}"
    );
    // Since when: an ISO 8601 UTC time.
    let since = lines[1].split_whitespace().nth(2).unwrap();
    assert!(since.len() == 20 && since.ends_with('Z'), "{since}");
}

fn write(dir: &Path, name: &str, source: &str) -> String {
    std::fs::write(dir.join(name), source).unwrap();
    name.to_string()
}

#[test]
fn without_a_store_wait_raises_a_clear_error() {
    let dir = scratch("nostore");
    let prog = write(
        &dir,
        "p.py",
        "import durable\ntry:\n    durable.wait('x')\nexcept RuntimeError as e:\n    print(e)\n",
    );
    let out = rceval_in(&dir, &["run", &prog]);
    expect_status(&out, 0, "no store");
    assert_eq!(
        text(&out.stdout),
        "durable.wait(\"x\"): this program runs without a store; run it with \
         `rceval run --store FILE.db PROGRAM.py` to suspend it here\n"
    );
}

/// Runs `source` with a store, expecting `wait` to refuse with a message containing `needle`,
/// raised as a Python exception the program can catch, and nothing in the store.
fn refused(name: &str, source: &str, needles: &[&str]) {
    let dir = scratch(name);
    let prog = write(&dir, "p.py", source);
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, 0, "the refusal is catchable");
    let printed = text(&out.stdout);
    for needle in needles {
        assert!(printed.contains(needle), "{needle:?} not in:\n{printed}");
    }
    assert!(printed.contains("after"), "{printed}");
    let listed = text(&rceval_in(&dir, &["workflows", "--store", "wf.db"]).stdout);
    assert_eq!(listed, "no workflows\n", "nothing was written");
}

#[test]
fn wait_in_a_callback_from_native_code_is_refused_naming_the_frame() {
    refused(
        "sorted",
        "import durable\n\
         def key(x):\n    return durable.wait('k')\n\
         try:\n    sorted([2, 1], key=key)\nexcept RuntimeError as e:\n    print(e)\n\
         print('after')\n",
        &[
            "cannot suspend: frame key() at p.py line 3 was called from native code",
            "only Python-to-Python calls can be saved",
        ],
    );
}

#[test]
fn wait_called_by_a_builtin_is_refused_naming_it() {
    refused(
        "map",
        "import durable\n\
         try:\n    list(map(durable.wait, ['a']))\nexcept RuntimeError as e:\n    print(e)\n\
         print('after')\n",
        &["wait was called by native code (type 'list')"],
    );
}

#[test]
fn wait_in_a_generator_being_iterated_is_refused_naming_it() {
    refused(
        "generator",
        "import durable\n\
         def gen():\n    yield durable.wait('g')\n\
         try:\n    for x in gen():\n        pass\nexcept RuntimeError as e:\n    print(e)\n\
         print('after')\n",
        &["frame gen() at p.py line 3 is a generator being run by the frame below it"],
    );
}

#[test]
fn wait_in_a_generator_run_by_native_code_is_refused_naming_it() {
    refused(
        "generator-native",
        "import durable\n\
         def gen():\n    yield durable.wait('g')\n\
         try:\n    list(gen())\nexcept RuntimeError as e:\n    print(e)\n\
         print('after')\n",
        &["frame gen() at p.py line 3 is a generator being run by native code"],
    );
}

#[test]
fn wait_in_a_coroutine_is_refused_naming_it() {
    refused(
        "coroutine",
        "import durable\n\
         async def work():\n    return durable.wait('c')\n\
         try:\n    work().send(None)\nexcept RuntimeError as e:\n    print(e)\n\
         print('after')\n",
        &["frame work() at p.py line 3 is a coroutine being run by native code"],
    );
}

#[test]
fn wait_while_importing_a_module_is_refused() {
    let dir = scratch("import");
    write(
        &dir,
        "helper.py",
        "import durable\nvalue = durable.wait('h')\n",
    );
    let prog = write(
        &dir,
        "p.py",
        "try:\n    import helper\nexcept RuntimeError as e:\n    print(e)\nprint('after')\n",
    );
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, 0, "catchable");
    let printed = text(&out.stdout);
    assert!(
        printed.contains("frame <module>() at") && printed.contains("helper.py line 2"),
        "{printed}"
    );
}

#[test]
fn state_suspended_inside_a_generator_frame_and_closures_comes_back() {
    // A generator suspended at `yield` (not running) is data: it is saved with its frame, and
    // `yield from` delegation, cells shared by two closures, a dict iterator half-way and
    // bound methods come back intact.
    let dir = scratch("misc");
    let source = "import durable\n\
        def inner():\n    yield 1\n    yield 2\n    return 'r'\n\
        def outer():\n    r = yield from inner()\n    yield r\n\
        def pair():\n    c = [0]\n    def inc():\n        c[0] += 1\n        return c[0]\n    def get():\n        return c[0]\n    return inc, get\n\
        class Box:\n    def __init__(self, v):\n        self.v = v\n    def show(self):\n        return f'Box({self.v})'\n\
        g = outer()\nprint(next(g))\ninc, get = pair()\ninc()\n\
        d = {'a': 1, 'b': 2, 'c': 3}\nit = iter(d.items())\nprint(next(it))\n\
        s = {3, 1, 2, 100, 7}\nshow = Box(s).show\nbig = 10 ** 30\n\
        v = durable.wait('w')\n\
        print(v, inc(), get(), list(g), list(it), show(), big + 1, type(Box(1)).__name__)\n";
    let prog = write(&dir, "p.py", source);
    let expected = rceval_in(
        &dir,
        &["run", "--send-values", "[{\"k\": [1, 2.5, null]}]", &prog],
    );
    expect_status(&expected, 0, "uninterrupted");
    let out = rceval_in(
        &dir,
        &["run", "--store", "wf.db", "--frames", "datastack", &prog],
    );
    expect_status(&out, SUSPENDED, "suspends");
    let id = workflow_id(&out.stderr);
    let resumed = rceval_in(
        &dir,
        &[
            "resume",
            "--store",
            "wf.db",
            "--id",
            &id,
            "--send",
            "{\"k\": [1, 2.5, null]}",
            "--dispatch",
            "tailcall",
        ],
    );
    expect_status(&resumed, 0, "resumes");
    assert_eq!(
        text(&out.stdout) + &text(&resumed.stdout),
        text(&expected.stdout)
    );
}

#[test]
fn suspended_coroutines_and_async_generators_come_back_as_themselves() {
    // A coroutine suspended in an `await` and an async generator between yields are saved with
    // their kind: resumed, they are still a coroutine and an async generator.
    let dir = scratch("coroutines");
    let source = "import durable\n\
        class Pause:\n    def __await__(self):\n        got = yield 'paused'\n        return got\n\
        async def work(n):\n    return n + await Pause()\n\
        async def gen():\n    yield 1\n    yield 2\n\
        c = work(40)\nprint(c.send(None))\nag = gen()\n\
        try:\n    ag.__anext__().send(None)\nexcept StopIteration as e:\n    print('first', e.value)\n\
        v = durable.wait('go')\n\
        try:\n    c.send(v)\nexcept StopIteration as e:\n    print('result', e.value, type(c).__name__)\n\
        try:\n    ag.__anext__().send(None)\nexcept StopIteration as e:\n    print('second', e.value, type(ag).__name__)\n";
    let prog = write(&dir, "p.py", source);
    let expected = rceval_in(&dir, &["run", "--send-values", "[2]", &prog]);
    expect_status(&expected, 0, "uninterrupted");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, SUSPENDED, "suspends");
    let id = workflow_id(&out.stderr);
    let resumed = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", &id, "--send", "2"],
    );
    expect_status(&resumed, 0, "resumes");
    let whole = text(&out.stdout) + &text(&resumed.stdout);
    assert_eq!(whole, text(&expected.stdout));
    assert!(whole.contains("result 42 coroutine"), "{whole}");
    assert!(whole.contains("second 2 async_generator"), "{whole}");
}

/// A value the resumed program rejects (it raises) fails that resume only: the snapshot stays,
/// the failure is recorded with its traceback, and the workflow is resumed again with another
/// value.
#[test]
fn a_rejected_value_fails_the_resume_and_the_workflow_waits_again() {
    let dir = scratch("fails");
    let prog = write(
        &dir,
        "p.py",
        "import durable\ndef f():\n    print('before')\n    return 1 / durable.wait('x')\nprint(f())\n",
    );
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, SUSPENDED, "suspends");
    let resume = |value: &str| {
        rceval_in(
            &dir,
            &["resume", "--store", "wf.db", "--id", "1", "--send", value],
        )
    };
    for _ in 0..2 {
        let out = resume("0");
        expect_status(&out, 1, "fails");
        let err = text(&out.stderr);
        assert!(
            err.contains("line 4, in f") && err.contains("ZeroDivisionError: division by zero"),
            "{err}"
        );
    }
    let listed = text(&rceval_in(&dir, &["workflows", "--store", "wf.db"]).stdout);
    assert!(
        listed.contains("1   waiting") && listed.contains("2 failed resumes (--history 1)"),
        "{listed}"
    );
    let out = resume("4");
    expect_status(&out, 0, "the same snapshot, another value");
    assert_eq!(text(&out.stdout), "0.25\n");
    let listed = text(&rceval_in(&dir, &["workflows", "--store", "wf.db"]).stdout);
    assert!(listed.contains("1   finished"), "{listed}");
    let history = rceval_in(&dir, &["workflows", "--store", "wf.db", "--history", "1"]);
    expect_status(&history, 0, "history");
    let history = text(&history.stdout);
    let attempts: Vec<&str> = history
        .lines()
        .filter(|l| l.starts_with("attempt "))
        .collect();
    assert_eq!(attempts.len(), 3, "{history}");
    assert!(attempts[0].contains(": failed -- sent 0"), "{history}");
    assert!(attempts[1].contains(": failed -- sent 0"), "{history}");
    assert!(attempts[2].contains(": finished -- sent 4"), "{history}");
    assert!(
        history.contains("    Traceback (most recent call last):")
            && history.contains("    ZeroDivisionError: division by zero"),
        "{history}"
    );
    let again = resume("1");
    expect_status(&again, 2, "nothing left to resume");
    assert!(text(&again.stderr).contains("workflow 1 is finished, not waiting"));
}

#[test]
fn bad_send_values_are_usage_errors() {
    let dir = scratch("badsend");
    let prog = write(&dir, "p.py", "import durable\ndurable.wait('x')\n");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, SUSPENDED, "suspends");
    let out = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "{nope"],
    );
    expect_status(&out, 2, "not JSON");
    assert!(text(&out.stderr).contains("--send is not JSON"));
    let out = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "7", "--send", "1"],
    );
    expect_status(&out, 2, "no such workflow");
    assert!(text(&out.stderr).contains("no workflow 7 in 'wf.db'"));
}

/// A native function this binary has no name for (made here, in the test) cannot be saved:
/// `wait` raises, naming it and the path that reached it, and the store is never called.
#[test]
fn an_object_that_cannot_be_saved_is_named_with_where_it_is_referenced() {
    use std::cell::Cell;
    use std::rc::Rc;

    use rceval_interp::compiler::compile_module;
    use rceval_interp::runtime::snapshot::{DurableMode, SnapshotSink, WaitPoint};
    use rceval_interp::runtime::{Kwargs, PyResult, Value, Vm};

    fn mystery(_vm: &mut Vm, _args: &[Value], _kwargs: Kwargs<'_>) -> PyResult<Value> {
        Ok(Value::None)
    }

    struct CountingSink(Rc<Cell<u32>>);
    impl SnapshotSink for CountingSink {
        fn save(&mut self, _point: &WaitPoint, _snapshot: &[u8]) -> Result<String, String> {
            self.0.set(self.0.get() + 1);
            Ok("1".into())
        }
    }

    let source = "import durable\n\
        def hold(f):\n    keep = [1, f]\n    try:\n        durable.wait('x')\n    except RuntimeError as e:\n        print(e)\n\
        hold(mystery)\nprint('after')\n";
    let saves = Rc::new(Cell::new(0));
    let hooks = rceval_dispatch::variants::hooks_for("switch", "heap").unwrap();
    let mut vm = Vm::new(hooks);
    vm.capture_output();
    vm.sources.insert("m.py".into(), source.into());
    let main = vm.new_module("__main__", Some("m.py"));
    let modules = vm.modules;
    let key = vm.intern("__main__");
    vm.dict_set_str(modules, key, main).unwrap();
    let Value::Obj(m) = main else { unreachable!() };
    let rceval_interp::runtime::Object::Module(module) = vm.heap.get(m) else {
        unreachable!()
    };
    let globals = module.dict;
    let f = vm.new_builtin("mystery", mystery);
    let key = vm.intern("mystery");
    vm.dict_set_str(globals, key, f).unwrap();
    vm.durable.mode = DurableMode::Store {
        sink: Box::new(CountingSink(Rc::clone(&saves))),
        program: "m.py".into(),
    };
    let code = compile_module(source, "m.py").unwrap();
    assert!(
        vm.exec_module(main, &code).is_ok(),
        "the refusal is catchable"
    );
    let printed = text(&vm.stdout.take_buffer());
    assert!(
        printed.contains(
            "durable.wait(\"x\"): cannot save native function 'mystery' (no named function of \
             this binary runs it), referenced from local 'f' of frame hold() at m.py line 5; \
             nothing was saved"
        ),
        "{printed}"
    );
    assert!(printed.ends_with("after\n"), "{printed}");
    assert_eq!(saves.get(), 0, "the store was never called");
}

/// Modules written in Python (`collections`, `random`'s distributions over the native
/// generator, `itertools`, `functools`) are saved by content with their state in flight.
#[test]
fn library_state_in_flight_comes_back() {
    let dir = scratch("library");
    let prog = write(
        &dir,
        "p.py",
        "import durable\n\
         from collections import deque, Counter, namedtuple\n\
         import random, math, itertools, functools\n\
         P = namedtuple('P', 'x y')\n\
         r = random.Random(42)\n\
         d = deque([1, 2, 3])\n\
         c = Counter('abracadabra')\n\
         cyc = itertools.cycle('ab')\n\
         part = functools.partial(max, 10)\n\
         print(r.random(), d.popleft(), c.most_common(2), next(cyc), part(3), P(1, 2), math.sqrt(2))\n\
         v = durable.wait('lib')\n\
         print(v, r.random(), d, c['a'], next(cyc), next(cyc), part(30), P(3, 4)._replace(x=0))\n",
    );
    let expected = rceval_in(&dir, &["run", "--send-values", "[1]", &prog]);
    expect_status(&expected, 0, "uninterrupted");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, SUSPENDED, "suspends");
    let resumed = rceval_in(
        &dir,
        &[
            "resume", "--store", "wf.db", "--id", "1", "--send", "1", "--frames", "zombie",
        ],
    );
    expect_status(&resumed, 0, "resumes");
    assert_eq!(
        text(&out.stdout) + &text(&resumed.stdout),
        text(&expected.stdout)
    );
}

/// Native `array.array`s (and a subclass instance holding one) are saved as their type code
/// and machine bytes, and come back with their items and type.
#[test]
fn arrays_in_flight_come_back() {
    let dir = scratch("arrays");
    let prog = write(
        &dir,
        "p.py",
        "import durable\n\
         from array import array\n\
         class Row(array):\n\
         \x20   pass\n\
         a = array('d', [0.5, -1.25])\n\
         b = array('Q', [2**64 - 1])\n\
         u = array('u', 'héllo')\n\
         r = Row('h', [1, -2])\n\
         v = durable.wait('arrays')\n\
         a.append(v)\n\
         print(a, b, u, r, type(r).__name__, r.typecode, a.itemsize, a[-1] + a[0])\n",
    );
    let expected = rceval_in(&dir, &["run", "--send-values", "[2]", &prog]);
    expect_status(&expected, 0, "uninterrupted");
    assert!(
        text(&expected.stdout).contains("array('d', [0.5, -1.25, 2.0])"),
        "{}",
        text(&expected.stdout)
    );
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, SUSPENDED, "suspends");
    let resumed = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "2"],
    );
    expect_status(&resumed, 0, "resumes");
    assert_eq!(
        text(&out.stdout) + &text(&resumed.stdout),
        text(&expected.stdout)
    );
}

/// The native `itertools` iterators are saved with their state in flight: index vectors,
/// buffered `tee` links, `groupby`'s current group, and the iterators they wrap.
#[test]
fn itertools_state_in_flight_comes_back() {
    let dir = scratch("itertools");
    let prog = write(
        &dir,
        "p.py",
        "import durable, itertools as it\n\
         perm = it.permutations('abcd', 3)\n\
         comb = it.combinations(range(5), 2)\n\
         cwr = it.combinations_with_replacement('xy', 3)\n\
         prod = it.product('ab', range(3), repeat=1)\n\
         cnt = it.count(5, 0.5)\n\
         rep = it.repeat('r', 4)\n\
         ch = it.chain.from_iterable(['ab', iter([1, 2, 3])])\n\
         isl = it.islice(it.count(), 2, 40, 3)\n\
         zl = it.zip_longest('abc', [1], fillvalue='-')\n\
         acc = it.accumulate([1, 2, 3, 4], initial=10)\n\
         gb = it.groupby('aaabbbcc')\n\
         k, grp = next(gb)\n\
         t1, t2 = it.tee(iter(range(100)))\n\
         pw = it.pairwise('wxyz')\n\
         dw = it.dropwhile(lambda x: x < 3, range(6))\n\
         cyc = it.cycle('pq')\n\
         firsts = [next(x) for x in (perm, comb, cwr, prod, cnt, rep, ch, isl, zl, acc, pw, dw, cyc)]\n\
         print(firsts, k, next(grp), [next(t1) for _ in range(70)][-1], next(t2))\n\
         v = durable.wait('tools')\n\
         print(v, list(perm)[:3], list(comb), list(cwr), list(prod), next(cnt), list(rep), list(ch))\n\
         print(list(isl), list(zl), list(acc), list(grp), [(k, list(g)) for k, g in gb])\n\
         print(next(t1), len(list(t2)), list(pw), list(dw), [next(cyc) for _ in range(3)])\n",
    );
    let expected = rceval_in(&dir, &["run", "--send-values", "[1]", &prog]);
    expect_status(&expected, 0, "uninterrupted");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, SUSPENDED, "suspends");
    let resumed = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "1"],
    );
    expect_status(&resumed, 0, "resumes");
    assert_eq!(
        text(&out.stdout) + &text(&resumed.stdout),
        text(&expected.stdout)
    );
}
