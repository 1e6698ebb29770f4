//! The program generator of `tests/lang_fuzz.rs`: random valid Python programs made of
//! independent chunks, each printing what it computes and, if it raises, the exception's type
//! and message. Expressions are typed (int, float, str, list of ints, dict str -> int, bool), so
//! a program is valid by construction; what it raises at run time (an index out of range, a
//! division by zero, an unsupported operand) is part of what is compared.
//!
//! Determinism: output never depends on hashing of strings (sets hold ints; sets of strings are
//! printed sorted), on `id()` or on platform float formatting (only IEEE-exact arithmetic, no
//! transcendental functions).

use std::fmt::Write as _;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Chunks per program: enough that python3's start-up does not dominate.
pub const CHUNKS: usize = 24;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Int,
    Float,
    Str,
    List,
    Dict,
    Bool,
}

const ALL_TYPES: [Ty; 6] = [Ty::Int, Ty::Float, Ty::Str, Ty::List, Ty::Dict, Ty::Bool];

const STR_LITERALS: &[&str] = &[
    "''",
    "'abc'",
    "'Hello World'",
    "'a,b,,c'",
    "'  pad me  '",
    "'xyzzy'",
    "'MiXeD cAsE'",
    "'123'",
    "'-42'",
    "'a-b-c'",
    "'tab\\there'",
    "'line\\nbreak'",
    "'q\"uote'",
    "\"it's\"",
    "'ünï'",
];
const FLOAT_LITERALS: &[&str] = &[
    "0.5",
    "1.25",
    "-3.0",
    "2.5e-3",
    "1e10",
    "0.1",
    "3.75",
    "-0.0",
    "100.0",
    "7.125",
    "1e-7",
    "123456.789",
];
const INT_SPECS: &[&str] = &[
    "", "d", "5d", "<6", ">6", "^7", "08", "+", " ", "x", "X", "#x", "o", "#o", "b", "#b", ",",
    "_", "*^9", "=+8", "e", ".2f", "%", "c",
];
const FLOAT_SPECS: &[&str] = &[
    "", ".2f", ".0f", "10.3f", "<10.1f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", "+.2f",
    ",.2f", "012.4f", "^12", "#.0f", "n",
];
const STR_SPECS: &[&str] = &["", "10", "<10", ">10", "^10", "*^11", ".2", "5.3", "-<8"];

pub struct Gen {
    rng: StdRng,
    out: String,
    indent: usize,
    /// Variables of the chunk being written, by type.
    vars: Vec<(Ty, String)>,
    fresh: usize,
}

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: StdRng::seed_from_u64(seed),
            out: String::new(),
            indent: 0,
            vars: Vec::new(),
            fresh: 0,
        }
    }

    fn line(&mut self, text: &str) {
        for l in text.lines() {
            let _ = writeln!(self.out, "{:w$}{l}", "", w = self.indent * 4);
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.rng.gen_range(0..items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p)
    }

    fn small(&mut self, lo: i64, hi: i64) -> i64 {
        self.rng.gen_range(lo..=hi)
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    fn var_of(&mut self, ty: Ty) -> Option<String> {
        let names: Vec<String> = self
            .vars
            .iter()
            .filter(|(t, _)| *t == ty)
            .map(|(_, n)| n.clone())
            .collect();
        if names.is_empty() {
            None
        } else {
            Some(names[self.rng.gen_range(0..names.len())].clone())
        }
    }

    fn expr(&mut self, ty: Ty, depth: u32) -> String {
        if depth == 0 || self.chance(0.25) {
            if self.chance(0.6)
                && let Some(v) = self.var_of(ty)
            {
                return v;
            }
            return self.literal(ty);
        }
        match ty {
            Ty::Int => self.int_expr(depth - 1),
            Ty::Float => self.float_expr(depth - 1),
            Ty::Str => self.str_expr(depth - 1),
            Ty::List => self.list_expr(depth - 1),
            Ty::Dict => self.dict_expr(depth - 1),
            Ty::Bool => self.bool_expr(depth - 1),
        }
    }

    fn literal(&mut self, ty: Ty) -> String {
        match ty {
            Ty::Int => match self.rng.gen_range(0..10) {
                0 => self
                    .pick(&["(2**70)", "(-(3**45))", "(10**20 + 7)", "0"])
                    .to_string(),
                1..=3 => self.small(-9, 9).to_string(),
                _ => self.small(-50, 300).to_string(),
            },
            Ty::Float => self.pick(FLOAT_LITERALS).to_string(),
            Ty::Str => self.pick(STR_LITERALS).to_string(),
            Ty::List => {
                let n = self.small(0, 6);
                let items: Vec<String> = (0..n).map(|_| self.small(-20, 40).to_string()).collect();
                format!("[{}]", items.join(", "))
            }
            Ty::Dict => {
                let n = self.small(0, 4);
                let keys = ["'a'", "'b'", "'cc'", "'key'", "'z'", "'x1'"];
                let items: Vec<String> = (0..n)
                    .map(|_| format!("{}: {}", self.pick(&keys), self.small(-5, 50)))
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            Ty::Bool => self.pick(&["True", "False"]).to_string(),
        }
    }

    fn int_expr(&mut self, d: u32) -> String {
        let a = self.expr(Ty::Int, d);
        match self.rng.gen_range(0..30) {
            0 => format!("({a} + {})", self.expr(Ty::Int, d)),
            1 => format!("({a} - {})", self.expr(Ty::Int, d)),
            2 => format!("({a} * {})", self.expr(Ty::Int, d)),
            3 => format!("({a} // {})", self.expr(Ty::Int, d)),
            4 => format!("({a} % {})", self.expr(Ty::Int, d)),
            5 => format!("({a} ** {})", self.small(0, 5)),
            6 => format!("(-{a})"),
            7 => format!("abs({a})"),
            8 => format!("len({})", self.expr(Ty::Str, d)),
            9 => format!("len({})", self.expr(Ty::List, d)),
            10 => format!("({a} << {})", self.small(0, 70)),
            11 => format!("({a} >> {})", self.small(0, 8)),
            12 => format!("({a} & {})", self.expr(Ty::Int, d)),
            13 => format!("({a} | {})", self.expr(Ty::Int, d)),
            14 => format!("({a} ^ {})", self.expr(Ty::Int, d)),
            15 => format!("(~{a})"),
            16 => format!("max({a}, {})", self.expr(Ty::Int, d)),
            17 => format!(
                "min({a}, {}, {})",
                self.expr(Ty::Int, d),
                self.expr(Ty::Int, d)
            ),
            18 => format!("sum({})", self.expr(Ty::List, d)),
            19 => format!("{}[{a}]", self.expr(Ty::List, d)),
            20 => format!("{}[{}]", self.expr(Ty::Dict, d), self.expr(Ty::Str, d)),
            21 => format!("{}.find({})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            22 => format!("{}.count({})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            23 => format!("int({})", self.expr(Ty::Float, d)),
            24 => format!("round({})", self.expr(Ty::Float, d)),
            25 => format!("int({})", self.expr(Ty::Str, d)),
            26 => format!(
                "divmod({a}, {})[{}]",
                self.expr(Ty::Int, d),
                self.small(0, 1)
            ),
            27 => format!("pow({a}, {}, {})", self.small(0, 20), self.expr(Ty::Int, d)),
            28 => format!(
                "({a} if {} else {})",
                self.expr(Ty::Bool, d),
                self.expr(Ty::Int, d)
            ),
            _ => format!(
                "{}.get({}, {a})",
                self.expr(Ty::Dict, d),
                self.expr(Ty::Str, d)
            ),
        }
    }

    fn float_expr(&mut self, d: u32) -> String {
        let a = self.expr(Ty::Float, d);
        match self.rng.gen_range(0..14) {
            0 => format!("({a} + {})", self.expr(Ty::Float, d)),
            1 => format!("({a} - {})", self.expr(Ty::Int, d)),
            2 => format!("({a} * {})", self.expr(Ty::Float, d)),
            3 => format!("({a} / {})", self.expr(Ty::Float, d)),
            4 => format!("({} / {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            5 => format!("({a} % {})", self.expr(Ty::Float, d)),
            6 => format!("({a} // {})", self.expr(Ty::Float, d)),
            7 => format!("float({})", self.expr(Ty::Int, d)),
            8 => format!("round({a}, {})", self.small(-2, 4)),
            9 => format!("abs({a})"),
            10 => format!("max({a}, {})", self.expr(Ty::Float, d)),
            11 => format!("({a} ** 2)"),
            12 => format!(
                "float({})",
                self.pick(&[
                    "'1.5'", "'-2e3'", "' 7 '", "'inf'", "'nan'", "'x'", "'1_0.5'"
                ])
            ),
            _ => format!("(-{a})"),
        }
    }

    fn str_expr(&mut self, d: u32) -> String {
        let a = self.expr(Ty::Str, d);
        match self.rng.gen_range(0..32) {
            0 => format!("({a} + {})", self.expr(Ty::Str, d)),
            1 => format!("({a} * {})", self.small(-1, 3)),
            2 => format!("{a}.upper()"),
            3 => format!("{a}.lower()"),
            4 => format!("{a}.strip()"),
            5 => format!("{a}[{}]", self.expr(Ty::Int, d)),
            6 => format!("{a}[{}]", self.slice(d)),
            7 => format!(
                "{a}.replace({}, {})",
                self.expr(Ty::Str, d),
                self.expr(Ty::Str, d)
            ),
            8 => format!(
                "{}.join({})",
                self.pick(&["''", "', '", "'-'"]),
                self.str_list(d)
            ),
            9 => format!("str({})", self.expr(Ty::Int, d)),
            10 => format!("repr({})", self.any_expr(d)),
            11 => self.fstring(d),
            12 => format!("{a}.title()"),
            13 => format!("{a}.center({}, '*')", self.small(0, 15)),
            14 => format!("{a}.zfill({})", self.small(0, 10)),
            15 => format!("{a}.ljust({})", self.small(0, 12)),
            16 => format!("{a}.rjust({}, '.')", self.small(0, 12)),
            17 => format!("chr(65 + {} % 26)", self.expr(Ty::Int, d)),
            18 => format!("''.join(sorted({a}))"),
            19 => format!(
                "{a}.split({})[{}]",
                self.pick(&["','", "' '", "'-'", ""]),
                self.small(-2, 2)
            ),
            20 => format!(
                "{}({})",
                self.pick(&["hex", "bin", "oct"]),
                self.expr(Ty::Int, d)
            ),
            21 => {
                let spec = self.pick(INT_SPECS);
                format!("format({}, {spec:?})", self.expr(Ty::Int, d))
            }
            22 => format!("str({})", self.any_expr(d)),
            23 => self.percent_format(d),
            24 => format!("{a}.swapcase()"),
            25 => format!("{a}.capitalize()"),
            26 => format!(
                "{a}.partition({})[{}]",
                self.expr(Ty::Str, d),
                self.small(0, 2)
            ),
            27 => format!("{a}.removeprefix({})", self.expr(Ty::Str, d)),
            28 => format!(
                "'{{}}|{{!r}}|{{:>6}}'.format({}, {}, {})",
                self.expr(Ty::Str, d),
                self.expr(Ty::Str, d),
                self.expr(Ty::Int, d)
            ),
            29 => format!("{a}.rsplit(None, 1)[0]"),
            30 => format!("ascii({a})"),
            _ => format!("{a}.expandtabs(4)"),
        }
    }

    fn str_list(&mut self, d: u32) -> String {
        match self.rng.gen_range(0..4) {
            0 => format!("{}.split()", self.expr(Ty::Str, d)),
            1 => format!("[str(x) for x in {}]", self.expr(Ty::List, d)),
            2 => format!("sorted({})", self.expr(Ty::Dict, d)),
            _ => format!("list({})", self.expr(Ty::Str, d)),
        }
    }

    fn slice(&mut self, d: u32) -> String {
        let part = |g: &mut Gen| -> String {
            if g.chance(0.35) {
                String::new()
            } else if g.chance(0.5) {
                g.small(-7, 7).to_string()
            } else {
                g.expr(Ty::Int, d.min(1))
            }
        };
        let (a, b) = (part(self), part(self));
        if self.chance(0.4) {
            let step = self.pick(&["1", "2", "-1", "-2", "3", "0"]);
            format!("{a}:{b}:{step}")
        } else {
            format!("{a}:{b}")
        }
    }

    fn fstring(&mut self, d: u32) -> String {
        let mut parts = Vec::new();
        for _ in 0..self.small(1, 3) {
            let (value, spec) = match self.rng.gen_range(0..4) {
                0 => (self.expr(Ty::Int, d), self.pick(INT_SPECS)),
                1 => (self.expr(Ty::Float, d), self.pick(FLOAT_SPECS)),
                2 => (self.expr(Ty::Str, d), self.pick(STR_SPECS)),
                _ => (self.any_expr(d), ""),
            };
            // CPython 3.11 allows neither backslashes nor the f-string's own quote inside a
            // replacement field, and `{{` right after `{` would be an escaped brace.
            let value = if value.contains(['"', '\\', '{', '}']) {
                self.literal(Ty::Int)
            } else {
                value
            };
            let conv = self.pick(&["", "", "", "!r", "!s"]);
            let value = value.replace('\'', "\"");
            let colon = if spec.is_empty() { "" } else { ":" };
            parts.push(format!("<{{{value}{conv}{colon}{spec}}}>"));
        }
        format!("f'{}'", parts.join(" "))
    }

    fn percent_format(&mut self, d: u32) -> String {
        let i = self.expr(Ty::Int, d);
        let s = self.expr(Ty::Str, d);
        let f = self.expr(Ty::Float, d);
        let spec = self.pick(&[
            "'%d|%s|%.2f'",
            "'%5d|%-6s|%e'",
            "'%x|%r|%g'",
            "'%+04d|%10s|%8.3f'",
            "'%o|%.1s|%%|%G'",
        ]);
        format!("{spec} % ({i}, {s}, {f})")
    }

    fn list_expr(&mut self, d: u32) -> String {
        let a = self.expr(Ty::List, d);
        match self.rng.gen_range(0..20) {
            0 => format!("({a} + {})", self.expr(Ty::List, d)),
            1 => format!("({a} * {})", self.small(0, 3)),
            2 => format!("{a}[{}]", self.slice(d)),
            3 => format!(
                "list(range({}, {}, {}))",
                self.small(-5, 5),
                self.small(-10, 20),
                self.pick(&["1", "2", "-1", "3", "-3"])
            ),
            4 => format!("sorted({a})"),
            5 => format!("sorted({a}, reverse=True)"),
            6 => format!(
                "sorted({a}, key=lambda x: ({}, x))",
                self.pick(&["x % 3", "-x", "abs(x)", "str(x)", "x // 4"])
            ),
            7 => format!(
                "[{} for x in {a} if {}]",
                self.pick(&["x", "x * 2", "x % 7", "-x", "x // 3"]),
                self.pick(&["x > 0", "x % 2 == 0", "True", "x != 3"])
            ),
            8 => format!("list(reversed({a}))"),
            9 => format!("list(map(lambda v: v + {}, {a}))", self.small(-3, 3)),
            10 => format!("list(filter(lambda v: v % 3, {a}))"),
            11 => format!("[len(w) for w in {}.split()]", self.expr(Ty::Str, d)),
            12 => format!("list({}.values())", self.expr(Ty::Dict, d)),
            13 => format!(
                "[i * j for i in {a} for j in {} if i < j]",
                self.expr(Ty::List, d)
            ),
            14 => format!("sorted(set({a}))"),
            15 => format!("[x for x, _ in zip({a}, {})]", self.expr(Ty::List, d)),
            16 => format!("[i for i, _ in enumerate({a}, {})]", self.small(-2, 3)),
            17 => format!(
                "list(divmod({}, {}))",
                self.expr(Ty::Int, d),
                self.expr(Ty::Int, d)
            ),
            18 => format!("[ord(c) % 50 for c in {}]", self.expr(Ty::Str, d)),
            _ => format!("list({{*{a}, *{}}})", self.expr(Ty::List, d)),
        }
    }

    fn dict_expr(&mut self, d: u32) -> String {
        let a = self.expr(Ty::Dict, d);
        match self.rng.gen_range(0..7) {
            0 => format!("{{**{a}, **{}}}", self.expr(Ty::Dict, d)),
            1 => format!("{{w: len(w) for w in {}.split()}}", self.expr(Ty::Str, d)),
            2 => format!(
                "dict(zip({}, {}))",
                self.str_list(d),
                self.expr(Ty::List, d)
            ),
            3 => format!("{{k: v * 2 for k, v in {a}.items() if v % 2}}"),
            4 => format!("dict({a}, extra={})", self.expr(Ty::Int, d)),
            5 => format!("({a} | {})", self.expr(Ty::Dict, d)),
            _ => format!("dict(sorted({a}.items()))"),
        }
    }

    fn bool_expr(&mut self, d: u32) -> String {
        match self.rng.gen_range(0..12) {
            0 => format!("({} < {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            1 => format!("({} == {})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            2 => format!("({} in {})", self.expr(Ty::Int, d), self.expr(Ty::List, d)),
            3 => format!("({} in {})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            4 => format!("(not {})", self.expr(Ty::Bool, d)),
            5 => format!(
                "({} and {})",
                self.expr(Ty::Bool, d),
                self.expr(Ty::Bool, d)
            ),
            6 => format!("({} or {})", self.expr(Ty::Bool, d), self.expr(Ty::Bool, d)),
            7 => format!("any({})", self.expr(Ty::List, d)),
            8 => format!("all({})", self.expr(Ty::List, d)),
            9 => format!(
                "{}.startswith({})",
                self.expr(Ty::Str, d),
                self.expr(Ty::Str, d)
            ),
            10 => format!(
                "({} <= {})",
                self.expr(Ty::Float, d),
                self.expr(Ty::Float, d)
            ),
            _ => format!("({} < {})", self.expr(Ty::List, d), self.expr(Ty::List, d)),
        }
    }

    fn any_expr(&mut self, d: u32) -> String {
        let ty = self.pick(&ALL_TYPES);
        self.expr(ty, d)
    }

    /// Chunk-local variables of every type, so expressions have something to read.
    fn declare_vars(&mut self) {
        self.vars.clear();
        for ty in ALL_TYPES {
            for _ in 0..self.small(1, 2) {
                let name = self.fresh(match ty {
                    Ty::Int => "i",
                    Ty::Float => "f",
                    Ty::Str => "s",
                    Ty::List => "l",
                    Ty::Dict => "d",
                    Ty::Bool => "b",
                });
                let value = self.expr(ty, 1);
                {
                    let t = format!("{name} = {value}");
                    self.line(&t)
                };
                self.vars.push((ty, name));
            }
        }
    }

    // ----- statement templates -----

    fn prints(&mut self, n: usize) {
        for _ in 0..n {
            let e = self.any_expr(3);
            {
                let t = format!("print({e})");
                self.line(&t)
            };
        }
    }

    fn mutate_list(&mut self) {
        let l = self.var_of(Ty::List).expect("declared");
        for _ in 0..self.small(2, 6) {
            let i = self.expr(Ty::Int, 1);
            let stmt = match self.rng.gen_range(0..12) {
                0 => format!("{l}.append({i})"),
                1 => format!("{l}.insert({}, {i})", self.small(-3, 8)),
                2 => format!("print({l}.pop({}))", self.small(-3, 3)),
                3 => format!("{l}.remove({i})"),
                4 => format!("{l}[{}] = {i}", self.small(-3, 3)),
                5 => format!("{l}[{}] = {}", self.slice(1), self.expr(Ty::List, 1)),
                6 => format!("del {l}[{}]", self.slice(1)),
                7 => format!(
                    "{l}.sort(key=lambda v: (v % 5, v), reverse={})",
                    self.pick(&["True", "False"])
                ),
                8 => format!("{l}.extend({})", self.expr(Ty::List, 1)),
                9 => format!("print({l}.index({i}))"),
                10 => format!("{l} += {}", self.expr(Ty::List, 1)),
                _ => format!("{l}.reverse()"),
            };
            self.line(&stmt);
        }
        {
            let t = format!("print({l})");
            self.line(&t)
        };
    }

    fn mutate_dict(&mut self) {
        let d = self.var_of(Ty::Dict).expect("declared");
        for _ in 0..self.small(2, 6) {
            let k = self.expr(Ty::Str, 1);
            let i = self.expr(Ty::Int, 1);
            let stmt = match self.rng.gen_range(0..9) {
                0 => format!("{d}[{k}] = {i}"),
                1 => format!("print({d}.pop({k}))"),
                2 => format!("print({d}.pop({k}, None))"),
                3 => format!("print({d}.setdefault({k}, {i}))"),
                4 => format!("del {d}[{k}]"),
                5 => format!("{d}.update({})", self.expr(Ty::Dict, 1)),
                6 => format!("{d}[{k}] = {d}.get({k}, 0) + {i}"),
                7 => format!("print(sorted({d}.items(), key=lambda kv: (kv[1], kv[0])))"),
                _ => format!("print({k} in {d}, len({d}))"),
            };
            self.line(&stmt);
        }
        {
            let t = format!("print({d}, list({d}.keys()))");
            self.line(&t)
        };
    }

    fn loop_chunk(&mut self) {
        let acc = self.fresh("acc");
        let x = self.fresh("x");
        {
            let t = format!("{acc} = []");
            self.line(&t)
        };
        let head = match self.rng.gen_range(0..4) {
            0 => format!("for {x} in {}:", self.expr(Ty::List, 2)),
            1 => format!("for {x} in range({}):", self.small(-1, 12)),
            2 => format!("for {x}, _c in enumerate({}):", self.expr(Ty::Str, 2)),
            _ => format!("for {x} in sorted({}, key=len):", self.str_list(1)),
        };
        self.line(&head);
        self.indent += 1;
        if self.chance(0.4) {
            {
                let t = format!("if {x} == {}:", self.small(0, 5));
                self.line(&t)
            };
            {
                let t = format!("    {}", self.pick(&["break", "continue"]));
                self.line(&t)
            };
        }
        {
            let t = format!("{acc}.append({x})");
            self.line(&t)
        };
        self.indent -= 1;
        if self.chance(0.5) {
            self.line("else:");
            {
                let t = format!("    print('no break', len({acc}))");
                self.line(&t)
            };
        }
        {
            let t = format!("print({acc})");
            self.line(&t)
        };
        let n = self.fresh("n");
        {
            let t = format!("{n} = {}", self.small(0, 30));
            self.line(&t)
        };
        {
            let t = format!("while {n} > 1:");
            self.line(&t)
        };
        {
            let t = format!("    {n} = {n} // 2 if {n} % 2 == 0 else 3 * {n} + 1");
            self.line(&t)
        };
        {
            let t = format!("    {acc}.append({n})");
            self.line(&t)
        };
        {
            let t = format!("print(len({acc}), {acc}[-3:])");
            self.line(&t)
        };
    }

    fn functions_chunk(&mut self) {
        let f = self.fresh("fn");
        // The body reads the parameters, not the chunk's variables.
        let saved = std::mem::replace(
            &mut self.vars,
            vec![(Ty::Int, "a".into()), (Ty::Int, "b".into())],
        );
        let body = self.expr(Ty::Int, 2);
        self.vars = saved;
        {
            let t = format!("def {f}(a, b={}, *rest, scale=1, **kw):", self.small(-3, 3));
            self.line(&t)
        };
        {
            let t = format!("    return ({body} + b + sum(rest)) * scale, sorted(kw.items())");
            self.line(&t)
        };
        for _ in 0..self.small(2, 4) {
            let call = match self.rng.gen_range(0..6) {
                0 => format!("{f}({})", self.expr(Ty::Int, 1)),
                1 => format!("{f}({}, {})", self.expr(Ty::Int, 1), self.expr(Ty::Int, 1)),
                2 => format!("{f}(1, 2, 3, 4, scale={})", self.small(-2, 3)),
                3 => format!("{f}(b=2, a={}, z=9, y=8)", self.expr(Ty::Int, 1)),
                4 => format!(
                    "{f}(*{}, **{})",
                    self.expr(Ty::List, 1),
                    self.expr(Ty::Dict, 1)
                ),
                _ => format!("{f}()"),
            };
            {
                let t = format!("print({call})");
                self.line(&t)
            };
        }
        // A closure with nonlocal state, and a lambda over a loop variable.
        let mk = self.fresh("make");
        {
            let t = format!("def {mk}(start):");
            self.line(&t)
        };
        self.line("    count = start");
        self.line("    def step(k=1):");
        self.line("        nonlocal count");
        self.line("        count += k");
        self.line("        return count");
        self.line("    return step");
        let c = self.fresh("ctr");
        {
            let t = format!("{c} = {mk}({})", self.small(-5, 5));
            self.line(&t)
        };
        {
            let t = format!(
                "print({c}(), {c}({}), {c}(k={}))",
                self.small(-3, 3),
                self.small(0, 9)
            );
            self.line(&t)
        };
        {
            let t = format!(
                "print([g({}) for g in [lambda v, m=m: v * m for m in range({})]])",
                self.small(-3, 3),
                self.small(0, 5)
            );
            self.line(&t)
        };
        let r = self.fresh("rec");
        {
            let t = format!("def {r}(n):");
            self.line(&t)
        };
        {
            let t = format!("    return n if n < 2 else {r}(n - 1) + {r}(n - 2)");
            self.line(&t)
        };
        {
            let t = format!("print({r}({}))", self.small(0, 15));
            self.line(&t)
        };
    }

    fn class_chunk(&mut self) {
        let c = self.fresh("Vec");
        let lt_key = self.pick(&["self.total()", "len(self.items)", "self.items"]);
        {
            let t = format!(
                "class {c}:
    def __init__(self, *items):
        self.items = list(items)
    def total(self):
        return sum(self.items)
    def __repr__(self):
        return '{c}(' + ', '.join(map(repr, self.items)) + ')'
    def __eq__(self, other):
        if not isinstance(other, {c}):
            return NotImplemented
        return self.items == other.items
    def __lt__(self, other):
        if not isinstance(other, {c}):
            return NotImplemented
        return {lt_key} < {}
    def __add__(self, other):
        if isinstance(other, int):
            return {c}(*[x + other for x in self.items])
        if not isinstance(other, {c}):
            return NotImplemented
        return {c}(*[a + b for a, b in zip(self.items, other.items)])
    __radd__ = __add__
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __hash__(self):
        return hash(tuple(self.items))
    def __bool__(self):
        return {}",
                lt_key.replace("self", "other"),
                self.pick(&["bool(self.items)", "self.total() > 0"])
            );
            self.line(&t)
        };
        let sub = self.fresh("Sub");
        {
            let t = format!(
                "class {sub}({c}):
    label = 'sub'
    def __init__(self, *items, tag='t'):
        super().__init__(*items)
        self.tag = tag
    def __repr__(self):
        return self.tag + ':' + super().__repr__()
    @property
    def first(self):
        return self.items[0]
    @classmethod
    def of(cls, n):
        return cls(*range(n))
    @staticmethod
    def twice(v):
        return v * 2
    def __getattr__(self, name):
        return name.upper()"
            );
            self.line(&t)
        };
        let mut objs = Vec::new();
        for _ in 0..3 {
            let o = self.fresh("o");
            let items: Vec<String> = (0..self.small(0, 4))
                .map(|_| self.small(-5, 9).to_string())
                .collect();
            let ctor = if self.chance(0.5) { &c } else { &sub };
            {
                let t = format!("{o} = {ctor}({})", items.join(", "));
                self.line(&t)
            };
            objs.push(o);
        }
        for _ in 0..self.small(3, 7) {
            let a = objs[self.rng.gen_range(0..objs.len())].clone();
            let b = objs[self.rng.gen_range(0..objs.len())].clone();
            let e = match self.rng.gen_range(0..18) {
                0 => format!("{a} + {b}"),
                1 => format!("{a} + {}", self.small(-3, 3)),
                2 => format!("{} + {a}", self.small(-3, 3)),
                3 => format!("{a} == {b}, {a} != {b}"),
                4 => format!("{a} < {b}, {a} > {b}"),
                5 => format!("sorted([{}])", objs.join(", ")),
                6 => format!("{a}[{}]", self.small(-3, 3)),
                7 => format!("{} in {a}", self.small(-2, 5)),
                8 => format!("len({a}), bool({a})"),
                9 => format!("{{{a}: 1, {b}: 2}}"),
                10 => format!("max([{}])", objs.join(", ")),
                11 => format!("{a} < 3"),
                12 => format!("{a} - {b}"),
                13 => format!("{sub}.of({}), {sub}.twice({a})", self.small(0, 4)),
                14 => format!("{a}.first"),
                15 => format!("{a}.missing_attr"),
                16 => format!("list({a}), [*{a}]"),
                _ => format!("str({a}), f'{{{a}!r:>20}}', type({a}).__name__"),
            };
            {
                let t = format!("print({e})");
                self.line(&t)
            };
        }
    }

    fn exceptions_chunk(&mut self) {
        let err = self.fresh("Err");
        {
            let t = format!(
                "class {err}(ValueError):\n    def __init__(self, code):\n        super().__init__(f'code {{code}}')\n        self.code = code"
            );
            self.line(&t)
        };
        let f = self.fresh("risky");
        let raise = match self.rng.gen_range(0..7) {
            0 => format!("raise {err}(n)"),
            1 => "raise KeyError(n)".to_string(),
            2 => "return [1, 2][n]".to_string(),
            3 => "return 10 // (n - n)".to_string(),
            4 => "raise TypeError('bad %d' % n)".to_string(),
            5 => format!("raise RuntimeError('wrapped') from {err}(n)"),
            _ => "return {}['k%d' % n]".to_string(),
        };
        {
            let t = format!(
                "def {f}(n):\n    if n % {} == 0:\n        {raise}\n    return n * 2",
                self.small(2, 4)
            );
            self.line(&t)
        };
        let log = self.fresh("log");
        {
            let t = format!("{log} = []");
            self.line(&t)
        };
        {
            let t = format!("for n in range({}):", self.small(1, 6));
            self.line(&t)
        };
        self.indent += 1;
        self.line("try:");
        {
            let t = format!("    {log}.append({f}(n))");
            self.line(&t)
        };
        let handlers = [
            format!("except {err} as e:\n    {log}.append(('err', e.code, str(e)))"),
            "except (KeyError, IndexError) as e:\n    print('lookup', type(e).__name__, e, repr(e))"
                .to_string(),
            "except ZeroDivisionError as e:\n    print('zero', e.args)".to_string(),
            "except RuntimeError as e:\n    print('cause', type(e.__cause__).__name__, e.__cause__)"
                .to_string(),
        ];
        let n = self.small(1, handlers.len() as i64) as usize;
        for h in &handlers[..n] {
            self.line(h);
        }
        if self.chance(0.5) {
            {
                let t = format!("else:\n    {log}.append('ok')");
                self.line(&t)
            };
        }
        if self.chance(0.6) {
            {
                let t = format!("finally:\n    {log}.append('fin')");
                self.line(&t)
            };
        }
        self.indent -= 1;
        {
            let t = format!("print({log})");
            self.line(&t)
        };
        // finally that overrides a return, and an exception replaced inside a handler.
        let g = self.fresh("g");
        {
            let t = format!(
                "def {g}(v):\n    try:\n        if v:\n            return 'try'\n        raise ValueError('inner')\n    except ValueError:\n        raise KeyError('outer')\n    finally:\n        if v > 1:\n            return 'finally'"
            );
            self.line(&t)
        };
        {
            let t = format!("print({g}({}))", self.small(0, 2));
            self.line(&t)
        };
    }

    fn generator_chunk(&mut self) {
        let g = self.fresh("gen");
        {
            let t = format!(
                "def {g}(seq, limit):
    total = 0
    for x in seq:
        if x > limit:
            return total
        total += x
        got = yield x * 2
        if got is not None:
            yield 'got ' + str(got)
    yield from range({})",
                self.small(0, 3)
            );
            self.line(&t)
        };
        let list = self.expr(Ty::List, 1);
        let limit = self.small(-2, 20);
        match self.rng.gen_range(0..5) {
            0 => {
                let t = format!("print(list({g}({list}, {limit})))");
                self.line(&t)
            }
            1 => {
                let it = self.fresh("it");
                {
                    let t = format!("{it} = {g}({list}, {limit})");
                    self.line(&t)
                };
                {
                    let t = format!(
                        "print(next({it}, 'end'), next({it}, 'end'), {it}.send({}), next({it}, 'end'))",
                        self.small(0, 9)
                    );
                    self.line(&t)
                };
                {
                    let t = format!("print(next({it}))");
                    self.line(&t)
                };
            }
            2 => {
                let t = format!(
                    "print(sum(v for v in {g}({list}, {limit}) if v % 3), max({g}({list}, {limit}), default=-1))"
                );
                self.line(&t)
            }
            3 => {
                let t = format!(
                    "print(list(zip({g}({list}, {limit}), 'abcdef')), sorted({g}({list}, 99), reverse=True))"
                );
                self.line(&t)
            }
            _ => {
                let it = self.fresh("it");
                {
                    let t = format!("{it} = {g}({list}, {limit})");
                    self.line(&t)
                };
                {
                    let t = format!("print(next({it}))");
                    self.line(&t)
                };
                {
                    let t = format!("print({it}.throw(ValueError('thrown')))");
                    self.line(&t)
                };
            }
        }
    }

    fn unpack_chunk(&mut self) {
        let l = self.expr(Ty::List, 2);
        let stmt = match self.rng.gen_range(0..5) {
            0 => format!("p, *q, r = {l}\nprint(p, q, r)"),
            1 => format!("p, q = {l}\nprint(p, q)"),
            2 => format!(
                "(p, q), r = divmod({}, 7), {l}\nprint(p, q, r)",
                self.expr(Ty::Int, 1)
            ),
            3 => format!("*p, = {l}\nprint(p)"),
            _ => format!("p, q, r = {}\nprint(p, q, r)", self.expr(Ty::Str, 1)),
        };
        self.line(&stmt);
    }

    fn sets_chunk(&mut self) {
        let a = self.expr(Ty::List, 2);
        let b = self.expr(Ty::List, 2);
        {
            let t = format!("sa, sb = set({a}), set({b})");
            self.line(&t)
        };
        self.line("print(sa | sb, sa & sb, sa - sb, sa ^ sb)");
        self.line("print(sa <= sb, len(sa), sorted(sa, reverse=True), {x % 5 for x in sa})");
        let w = self.expr(Ty::Str, 1);
        {
            let t = format!("print(sorted(set({w}.split())), sorted(frozenset({w})))");
            self.line(&t)
        };
        self.line("sa.discard(3); sa.add(100)\nprint(sa.pop() in sa, len(sa))");
    }

    fn chunk(&mut self, n: usize) {
        let in_function = self.chance(0.4);
        {
            let t = format!("print('-- {n}')");
            self.line(&t)
        };
        let fname = format!("chunk_{n}");
        if in_function {
            {
                let t = format!("def {fname}():");
                self.line(&t)
            };
            self.indent += 1;
        } else {
            self.line("try:");
            self.indent += 1;
        }
        self.declare_vars();
        match self.rng.gen_range(0..14) {
            0..=3 => self.prints(4),
            4 => self.mutate_list(),
            5 => self.mutate_dict(),
            6 => self.loop_chunk(),
            7 => self.functions_chunk(),
            8 | 9 => self.class_chunk(),
            10 => self.exceptions_chunk(),
            11 => self.generator_chunk(),
            12 => self.unpack_chunk(),
            _ => self.sets_chunk(),
        }
        self.prints(1);
        self.indent -= 1;
        if in_function {
            {
                let t = format!("try:\n    {fname}()");
                self.line(&t)
            };
        }
        self.line("except Exception as e:");
        self.line("    print(type(e).__name__, e)");
    }

    pub fn program(mut self) -> String {
        for n in 0..CHUNKS {
            self.chunk(n);
        }
        self.out
    }
}
