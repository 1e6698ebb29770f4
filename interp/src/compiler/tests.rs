//! Code-generation tests: whole programs compiled and their code objects inspected.

use std::rc::Rc;

use super::*;
use crate::code::{Instruction, flags as co};

fn compile(source: &str) -> Rc<CodeObject> {
    compile_module(source, "t.py").unwrap_or_else(|e| panic!("{}", e.render()))
}

fn compile_error(source: &str) -> CompileError {
    match compile_module(source, "t.py") {
        Ok(_) => panic!("expected an error compiling {source:?}"),
        Err(e) => e,
    }
}

/// The code object named `name`, searched depth-first through the constants.
fn find_code(code: &Rc<CodeObject>, name: &str) -> Option<Rc<CodeObject>> {
    if &*code.name == name {
        return Some(code.clone());
    }
    code.consts.iter().find_map(|c| match c {
        Constant::Code(inner) => find_code(inner, name),
        _ => None,
    })
}

fn function(source: &str, name: &str) -> Rc<CodeObject> {
    find_code(&compile(source), name).unwrap_or_else(|| panic!("no code object {name}"))
}

fn ops(code: &CodeObject) -> Vec<Opcode> {
    code.instructions().map(|i| i.opcode).collect()
}

fn names(list: &[Rc<str>]) -> Vec<&str> {
    list.iter().map(|n| &**n).collect()
}

#[test]
fn module_code_shape() {
    let code = compile("x = 1\n");
    assert_eq!(&*code.name, "<module>");
    assert_eq!(code.flags, co::CO_NOFREE);
    assert_eq!(
        ops(&code),
        vec![
            Opcode::LoadConst,
            Opcode::StoreName,
            Opcode::LoadConst,
            Opcode::ReturnValue
        ]
    );
    assert_eq!(code.consts, vec![Constant::Int(1), Constant::None]);
    assert_eq!(code.lines, vec![1, 1, 1, 1]);
    assert_eq!(code.stacksize, 1);
}

#[test]
fn empty_and_trivial_modules() {
    for source in ["", "pass\n", "# comment only\n", "\"doc\"\n"] {
        let code = compile(source);
        assert_eq!(ops(&code).last(), Some(&Opcode::ReturnValue), "{source:?}");
        assert!(code.lines.iter().all(|&l| l >= 1));
    }
}

#[test]
fn function_flags_and_parameters() {
    let f = function("def f(a, /, b, *args, c, d=1, **kw):\n    yield a\n", "f");
    assert_eq!(
        f.flags,
        co::CO_OPTIMIZED
            | co::CO_NEWLOCALS
            | co::CO_VARARGS
            | co::CO_VARKEYWORDS
            | co::CO_GENERATOR
            | co::CO_NOFREE
    );
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 2));
    assert_eq!(names(&f.varnames), vec!["a", "b", "c", "d", "args", "kw"]);
    assert_eq!(f.total_args(), 6);
    assert_eq!(ops(&f)[0], Opcode::GenStart);
    assert_eq!(
        f.consts[0],
        Constant::None,
        "no docstring: None comes first"
    );
}

#[test]
fn docstrings() {
    let f = function("def f():\n    \"doc\"\n    return 1\n", "f");
    assert_eq!(f.consts[0], Constant::Str("doc".into()));
    let module = compile("\"mod doc\"\n");
    assert_eq!(module.names[0].as_ref(), "__doc__");
}

#[test]
fn closures_cells_and_frees() {
    let source =
        "def outer(a):\n    b = 1\n    def inner():\n        return a + b\n    return inner\n";
    let outer = function(source, "outer");
    assert_eq!(names(&outer.cellvars), vec!["a", "b"]);
    assert_eq!(outer.cell2arg, vec![Some(0), None]);
    assert_eq!(outer.flags & co::CO_NOFREE, 0);
    let inner = function(source, "inner");
    assert_eq!(names(&inner.freevars), vec!["a", "b"]);
    assert_ne!(inner.flags & co::CO_NESTED, 0);
    assert_eq!(&*inner.qualname, "outer.<locals>.inner");
    let loads: Vec<Instruction> = inner
        .instructions()
        .filter(|i| i.opcode == Opcode::LoadDeref)
        .collect();
    assert_eq!(loads.iter().map(|i| i.arg).collect::<Vec<_>>(), vec![0, 1]);
}

#[test]
fn class_bodies_use_name_ops_and_classderef() {
    let source = "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return __class__\n";
    let class = function(source, "C");
    assert!(ops(&class).contains(&Opcode::LoadClassderef));
    assert!(ops(&class).contains(&Opcode::StoreName));
    assert_eq!(names(&class.cellvars), vec!["__class__"]);
    assert_eq!(&*class.qualname, "f.<locals>.C");
    assert_eq!(&*function(source, "m").qualname, "f.<locals>.C.m");
}

#[test]
fn many_constants_need_extended_args() {
    let body: String = (0..300).map(|i| format!("    x = {i}\n")).collect();
    let f = function(&format!("def f():\n{body}"), "f");
    assert_eq!(f.consts.len(), 301);
    let loads: Vec<u32> = f
        .instructions()
        .filter(|i| i.opcode == Opcode::LoadConst)
        .map(|i| i.arg)
        .collect();
    assert_eq!(loads[299], 300);
    let wide = f
        .instructions()
        .find(|i| i.arg == 256)
        .expect("a wide load");
    assert_eq!(wide.start + 1, wide.index, "one EXTENDED_ARG prefix");
    assert_eq!(f.code[wide.start as usize * 2], Opcode::ExtendedArg as u8);
    assert_eq!(f.lines.len(), f.len());
}

#[test]
fn far_jumps_are_encoded_with_extended_args() {
    let body: String = (0..300)
        .map(|i| format!("        y{} = x\n", i % 3))
        .collect();
    let f = function(&format!("def f(x):\n    if x:\n{body}    return 7\n"), "f");
    let jump = f
        .instructions()
        .find(|i| i.opcode == Opcode::PopJumpIfFalse)
        .expect("the if's jump");
    assert!(jump.arg > 255);
    assert!(jump.start < jump.index);
    // The target is the `return 7`.
    let target = f
        .instructions()
        .find(|i| i.index == jump.arg || i.start == jump.arg)
        .expect("target");
    assert_eq!(target.opcode, Opcode::LoadConst);
    assert_eq!(f.consts[target.arg as usize], Constant::Int(7));
    // A relative backward-free loop: FOR_ITER counts from the next instruction.
    let g = function("def g(xs):\n    for x in xs:\n        pass\n", "g");
    let for_iter = g
        .instructions()
        .find(|i| i.opcode == Opcode::ForIter)
        .expect("a loop");
    let exit = for_iter.index + 1 + for_iter.arg;
    assert_eq!(
        g.instructions().find(|i| i.index == exit).map(|i| i.opcode),
        Some(Opcode::LoadConst)
    );
}

#[test]
fn stack_sizes_match_cpython() {
    assert_eq!(
        function("def f(g):\n    return g(1, 2, 3)\n", "f").stacksize,
        4
    );
    assert_eq!(function("def f(a, b):\n    a[b] += 1\n", "f").stacksize, 4);
    // An except handler is entered with six values pushed.
    assert_eq!(
        function(
            "def f():\n    try:\n        pass\n    except E:\n        pass\n",
            "f"
        )
        .stacksize,
        8
    );
    assert_eq!(
        function("def f():\n    with m as x:\n        pass\n", "f").stacksize,
        8
    );
}

#[test]
fn while_true_loops_have_no_test() {
    let f = function("def f():\n    while True:\n        g()\n", "f");
    let ops = ops(&f);
    assert!(
        !ops.contains(&Opcode::PopJumpIfFalse) && !ops.contains(&Opcode::PopJumpIfTrue),
        "{ops:?}"
    );
    assert!(
        !f.consts.contains(&Constant::Bool(true)) || ops.iter().all(|o| *o != Opcode::LoadConst)
    );
}

#[test]
fn constant_folding() {
    let f = function(
        "def f(x):\n    return x in [1, 2], (1, -2), -3, not x is None\n",
        "f",
    );
    assert!(f.consts.contains(&Constant::Tuple(
        vec![Constant::Int(1), Constant::Int(2)].into()
    )));
    assert!(f.consts.contains(&Constant::Int(-3)));
    assert!(ops(&f).contains(&Opcode::IsOp));
    assert!(
        !ops(&f).contains(&Opcode::UnaryNot),
        "not-is folds to is-not"
    );
    let big = compile("x = 123456789012345678901234567890\n");
    assert!(matches!(big.consts[0], Constant::BigInt(_)));
}

#[test]
fn augmented_attribute_and_name_ops() {
    let f = function("def f(o):\n    global g\n    g = 1\n    o.x += g\n", "f");
    let ops = ops(&f);
    assert!(ops.contains(&Opcode::StoreGlobal));
    assert!(
        ops.windows(2)
            .any(|w| w == [Opcode::RotTwo, Opcode::StoreAttr])
    );
    let module = compile("def f():\n    global g\n    g = 1\ng = 2\n");
    assert!(
        self::ops(&module).contains(&Opcode::StoreGlobal),
        "explicit globals are global at module level too"
    );
}

#[test]
fn except_as_clears_the_name() {
    let f = function(
        "def f():\n    try:\n        pass\n    except E as e:\n        pass\n",
        "f",
    );
    let ops = ops(&f);
    assert_eq!(ops.iter().filter(|o| **o == Opcode::DeleteFast).count(), 2);
    assert!(ops.contains(&Opcode::JumpIfNotExcMatch));
    assert!(ops.contains(&Opcode::PopExcept));
}

#[test]
fn syntax_errors_have_positions() {
    let error = compile_error("x = 1\nx = = 1\n");
    assert_eq!(error.kind, CompileErrorKind::SyntaxError);
    assert_eq!((error.line, error.column), (2, 5));
    assert!(
        error
            .render()
            .starts_with("  File \"t.py\", line 2\n    x = = 1\n        ^\nSyntaxError: ")
    );

    let error = compile_error("x = 1\nreturn x\n");
    assert_eq!(
        (error.message.as_str(), error.line, error.column),
        ("'return' outside function", 2, 1)
    );
    let error = compile_error("if x:\n    break\n");
    assert_eq!(
        (error.message.as_str(), error.line, error.column),
        ("'break' outside loop", 2, 5)
    );
    assert_eq!(
        compile_error("continue\n").message,
        "'continue' not properly in loop"
    );
    assert_eq!(
        compile_error("yield 1\n").message,
        "'yield' outside function"
    );
    assert_eq!(
        compile_error("class C:\n    yield 1\n").message,
        "'yield' outside function"
    );
    assert_eq!(
        compile_error("def f():\n    for x in y:\n        def g():\n            break\n").message,
        "'break' outside loop"
    );
    assert_eq!(
        compile_error("nonlocal x\n").message,
        "nonlocal declaration not allowed at module level"
    );
    let error = compile_error("def f():\n    nonlocal x\n");
    assert_eq!(
        (error.message.as_str(), error.line, error.column),
        ("no binding for nonlocal 'x' found", 2, 14)
    );
    assert_eq!(
        compile_error("def f():\n    x = 1\n    global x\n").message,
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(
        compile_error("f(a=1, a=2)\n").message,
        "keyword argument repeated: a"
    );
    assert_eq!(
        compile_error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n").message,
        "default 'except:' must be last"
    );
}

#[test]
fn bytes_literals_matmul_and_constant_set_displays_compile() {
    let code = compile("x = b'a\\x00' b'c'\ny = a @ b\nz = {3, 1, 2}\n");
    assert!(
        code.consts
            .contains(&Constant::Bytes(Rc::from(&b"a\x00c"[..])))
    );
    let set_items: Rc<[Constant]> =
        Rc::from(vec![Constant::Int(3), Constant::Int(1), Constant::Int(2)]);
    assert!(code.consts.contains(&Constant::FrozenSet(set_items)));
    let ops = ops(&code);
    assert!(ops.contains(&Opcode::BinaryMatrixMultiply));
    assert!(ops.contains(&Opcode::SetUpdate));
}

#[test]
fn unsupported_constructs_are_named() {
    let cases = [
        ("match x:\n    case 1:\n        pass\n", "'match' statement"),
        ("x = 1j\n", "complex literals"),
        ("def f[T](x):\n    pass\n", "type parameters"),
        ("class C[T]:\n    pass\n", "type parameters"),
        ("type X = int\n", "'type' statement"),
        ("try:\n    pass\nexcept* E:\n    pass\n", "'except*'"),
    ];
    for (source, construct) in cases {
        let error = compile_error(source);
        assert_eq!(error.kind, CompileErrorKind::NotImplemented, "{source}");
        assert_eq!(
            error.message,
            format!("{construct} is not supported by rceval yet"),
            "{source}"
        );
        assert!(error.render().ends_with(&format!(
            "SyntaxError: {construct} is not supported by rceval yet\n"
        )));
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let source = format!("x = {}1\n", "-".repeat(3000));
    let result = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || compile_module(&source, "deep.py").err().map(|e| e.message))
        .expect("thread starts")
        .join()
        .expect("no panic");
    assert_eq!(result.as_deref(), Some("expression nested too deeply"));
}

/// A tiny deterministic generator for the mutation test (no dependency needed).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SEED_PROGRAMS: &[&str] = &[
    "def f(a, b=2, *c, d, **e):\n    for x in a:\n        if x > b:\n            break\n        elif x:\n            continue\n    else:\n        return [y * 2 for y in c if y]\n    return {k: v for k, v in e.items()}\n",
    "class C(B):\n    z = 1\n    def m(self):\n        try:\n            return super().m()\n        except E as err:\n            raise X from err\n        finally:\n            print(f'{self!r:>{self.z}}')\n",
    "def g():\n    x = 0\n    def h():\n        nonlocal x\n        x += 1\n        yield from range(x)\n    with open('f') as f, lock:\n        del x\n    return lambda *a, **k: (a, k)\n",
    "import a.b as c\nfrom . import d\nfrom e import *\nx, *y = 1, 2, 3\nassert x < y <= 3, 'no'\nwhile x and not y or z:\n    x[1:2] = {1, 2, *y}\n    x.a -= (yield)\n",
];

#[test]
fn mutated_programs_never_panic() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let tokens = [
        "(",
        ")",
        ":",
        "\n",
        "    ",
        "=",
        "*",
        "**",
        "yield",
        "return",
        "break",
        "continue",
        "nonlocal x",
        "global y",
        "lambda",
        "for",
        "in",
        "if",
        "else",
        "async",
        "await",
        "[",
        "]",
        "{",
        "}",
        ",",
        ".",
        "'",
        "f'{",
        "class",
        "def",
        "try",
        "except",
        "finally",
        "with",
        "as",
        ":=",
        "del",
        "@",
        "->",
        "0x_1",
        "1e9",
        "\\",
    ];
    let mut compiled = 0;
    for round in 0..600 {
        let seed = SEED_PROGRAMS[round % SEED_PROGRAMS.len()];
        let mut text: Vec<char> = seed.chars().collect();
        for _ in 0..1 + rng.below(2) {
            let at = rng.below(text.len() + 1);
            match rng.below(4) {
                0 if !text.is_empty() => {
                    let end = (at + 1 + rng.below(6)).min(text.len());
                    text.drain(at.min(end)..end);
                }
                1 => {
                    let token = tokens[rng.below(tokens.len())];
                    text.splice(at..at, token.chars());
                }
                2 if !text.is_empty() => {
                    let from = rng.below(text.len());
                    let end = (from + rng.below(20)).min(text.len());
                    let copy: Vec<char> = text[from..end].to_vec();
                    text.splice(at.min(text.len())..at.min(text.len()), copy);
                }
                _ => {
                    let b = rng.below(text.len() + 1);
                    if at < text.len() && b < text.len() {
                        text.swap(at, b);
                    }
                }
            }
        }
        let source: String = text.into_iter().collect();
        if let Ok(code) = compile_module(&source, "fuzz.py") {
            compiled += 1;
            // Whatever compiles must also disassemble.
            let _ = crate::dis::disassemble(&code);
        }
    }
    assert!(
        compiled > 10,
        "the mutations should leave some programs valid ({compiled} compiled)"
    );
}
