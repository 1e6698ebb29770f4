import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from common import *
random.seed(11)
V = [0, 1, -1, 2, -2, 3, -7, 10, 255, -256, 2**31 - 1, 2**53 + 1, -(2**53) - 1, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
     2**64, -(2**64) + 3, 10**20, -(3**50), 2**100 + 12345, -(10**30) - 7]
lines = ['//! Generated from CPython 3.11.7; do not edit.', '', 'use super::*;', 'use crate::num::int_float::cmp_int_float;',
         'use crate::num::int_ops::PowResult;', 'use crate::num::int_text::*;', 'use crate::num::hash::hash_int;', '']
rows = []
V2 = [0, 1, -1, 2, -7, 10, 2**31 - 1, 2**53 + 1, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, -(3**50), 2**100 + 12345, -(10**30) - 7]
for a in V2:
    for b in V2:
        res = [run(lambda: a + b, show_num), run(lambda: a - b, show_num), run(lambda: a * b, show_num),
               run(lambda: a // b, show_num), run(lambda: a % b, show_num), run(lambda: divmod(a, b), show_num),
               run(lambda: a & b, show_num), run(lambda: a | b, show_num), run(lambda: a ^ b, show_num),
               run(lambda: a / b, show_num)]
        rows.append('(%s, %s, [%s])' % (rs(str(a)), rs(str(b)), ', '.join(rs(x) for x in res)))
# Extra division cases: correctly rounded true division of big ints.
for _ in range(60):
    a = random.getrandbits(random.randint(1, 700)) * random.choice([1, -1])
    b = random.getrandbits(random.randint(1, 700)) * random.choice([1, -1]) or 3
    rows.append('(%s, %s, [%s])' % (rs(str(a)), rs(str(b)), ', '.join(rs(x) for x in ['-'] * 9 + [run(lambda: a / b, show_num)])))
for (a, b) in [(1, 10**400), (3, 2**1075), (1, 2**1075), (2**1075 + 1, 2**2150), (10**400, 3), (2**1024, 1), (2**1024 - 1, 1),
               (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1), (-(2**1024 - 2**970 - 1), -1), (0, -5), (0, 10**30), (-(10**30), 10**30),
               (2**53 + 1, 1), (2**54 + 3, 2), (2**60 + 1, 2**7), (10**22, 10**11), (7, 2**1074), (7, 2**1076), (1, 3 * 2**1072), (1, 2**1074 + 1)]:
    rows.append('(%s, %s, [%s])' % (rs(str(a)), rs(str(b)), ', '.join(rs(x) for x in ['-'] * 9 + [run(lambda: a / b, show_num)])))
lines.append(table('BINARY', '(&str, &str, [&str; 10])', rows))
rows = []
for a in V + [5, -5, 12345678901]:
    exps = list(range(-3, 12)) + [31, 62, 63, 64, 100]
    if abs(a) > 2**64: exps = list(range(-3, 6))
    for e in exps:
        if e > 0 and abs(a) > 1 and e * abs(a).bit_length() > 1300: continue
        rows.append('(%s, %s, %s)' % (rs(str(a)), rs(str(e)), rs(run(lambda: a ** e, show_num))))
for (a, e) in [(0, 0), (0, -1), (0, 10**30), (1, 10**30), (-1, 10**30 + 1), (-1, 10**30), (2, -1075), (2, -1074), (10, -400), (2**2000, -1), (3, 400), (-3, 401)]:
    rows.append('(%s, %s, %s)' % (rs(str(a)), rs(str(e)), rs(run(lambda: a ** e, show_num))))
lines.append(table('POW', '(&str, &str, &str)', rows))
rows = []
for a in [0, 1, -1, 2, 3, -7, 12, 2**64 + 1, -(10**25)]:
    for e in [-5, -1, 0, 1, 2, 5, 100, 2**70]:
        for m in [-7, -1, 1, 2, 7, 10, 0, 2**64 + 13, -(2**61 - 1)]:
            rows.append('(%s, %s, %s, %s)' % (rs(str(a)), rs(str(e)), rs(str(m)), rs(run(lambda: pow(a, e, m), show_num))))
lines.append(table('POW_MOD', '(&str, &str, &str, &str)', rows))
rows = []
for a in V:
    for n in [-1, 0, 1, 5, 31, 62, 63, 64, 65, 100, 200, 10**20]:
        ls = run(lambda: a << n, show_num) if n < 1000 else run(lambda: a << n if a == 0 else (_ for _ in ()).throw(MemoryError()), show_num)
        rows.append('(%s, %s, %s, %s)' % (rs(str(a)), rs(str(n)), rs(ls), rs(run(lambda: a >> n, show_num))))
lines.append(table('SHIFTS', '(&str, &str, &str, &str)', rows))
rows = []
U = V + [2**1023, 2**1024, -(2**1024) - 1, 2**1024 - 2**970 - 1, 2**1024 - 2**970, 2**61 - 1, 2**61, -(2**61) + 1, -(2**61), 2**122, 10**100, 3**200]
for a in U:
    res = [show_num(-a), show_num(abs(a)), show_num(~a), str(a.bit_length()), str(hash(a)), run(lambda: float(a), show_num), hex(a), oct(a), bin(a), 'str:' + str(a)]
    rows.append('(%s, [%s])' % (rs(str(a)), ', '.join(rs(x) for x in res)))
lines.append(table('UNARY', '(&str, [&str; 10])', rows))
rows = []
for a in V + [25, 35, -25, 15, 5, 1234, 1250, 1350, -1350, 10**30 + 5 * 10**9, 5 * 10**19]:
    for n in [-1, -2, -3, -5, -10, -19, -20, -25, -40, 0, 3]:
        rows.append('(%s, %d, %s)' % (rs(str(a)), n, rs(show_num(round(a, n)))))
lines.append(table('ROUND', '(&str, i64, &str)', rows))
rows = []
FL = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, 7.0, -7.0, 2.0**53, 2.0**53 + 2, 2.0**63, -2.0**63, 2.0**64, 1e20, -1e20, 1e300, 1.5e-300,
      float('inf'), float('-inf'), float('nan'), 9007199254740993.0, 2.0**100, 1.2676506002282294e30]
IV = [0, 1, -1, 2, 7, -7, 2**53, 2**53 + 1, 2**53 + 2, 2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64, 10**20, -(10**20), 2**100, 2**100 + 1, 10**300, -(10**400)]
def cmpf(a, f):
    if f != f: return 'none'
    return 'lt' if a < f else ('gt' if a > f else 'eq')
for a in IV:
    for f in FL:
        rows.append('(%s, 0x%016x, %s)' % (rs(str(a)), fbits(f), rs(cmpf(a, f))))
lines.append(table('CMP_INT_FLOAT', '(&str, u64, &str)', rows))
rows = []
S = ['0', '-0', '+0', ' 12 ', '1_2', '_12', '12_', '1__2', '0x_1f', '0x1F', '0X1f', '0b101', '0B1_0', '0o17', '0O17', '017', '010', '00', '0_0', '0_1',
     '', '  ', '+', '-', '- 1', '+_1', 'abc', 'z', 'Z', '-Zz', '١٢٣', '١٢٣ ', '\u2003 12 \u2003', '1\u00a0', '1\x1c', '1\x85', '\x7f1', '１２', '12é', '9' * 30,
     '-' + '9' * 30, '123456789012345678901234567890', 'a\n', '\t-42\n', '0x', '0b', '0o',
     '0x-1', '1e5', '1.0', '99999999999999999999', '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', 'ffffffffffffffffffff', '1 2', '٣_٤']
B = [10, 0, 16, 2, 8, 36, 7]
for s in S:
    for b in B:
        if len(s) > 400 and b != 10 and not (b == 16 and s.startswith('1')): continue
        r = run(lambda: int(s, b), show_num)
        if len(r) > 300: r = r  # keep
        rows.append('(%s, %d, %s)' % (rs(s), b, rs(r)))
for (s, b) in [('12', 1), ('12', 37), ('12', -1), ('0', 1)]:
    rows.append('(%s, %d, %s)' % (rs(s), b, rs(run(lambda: int(s, b), show_num))))
lines.append(table('PARSE_INT', '(&str, i64, &str)', rows))
rows = []
for a in [10**4299, -(10**4299), 10**4300, -(10**4300)]:
    rows.append('(%s, %s)' % (rs(hex(a)), rs(run(lambda: 'str:' + str(a)[:20], lambda v: v))))
lines.append(table('DECIMAL_LIMIT', '(&str, &str)', rows))
lines.append('''
fn pick(c: &(&str, &str, [&str; 10]), i: usize) -> String {
    c.2[i].to_string()
}

fn applicable(c: &(&str, &str, [&str; 10]), i: usize) -> bool {
    c.2[i] != "-"
}

#[test]
fn add_sub_mul() {
    check("add", BINARY, |c| pick(c, 0), |c| if applicable(c, 0) { show_int(&int(c.0).add(&int(c.1))) } else { "-".into() });
    check("sub", BINARY, |c| pick(c, 1), |c| if applicable(c, 1) { show_int(&int(c.0).sub(&int(c.1))) } else { "-".into() });
    check("mul", BINARY, |c| pick(c, 2), |c| if applicable(c, 2) { show_int(&int(c.0).mul(&int(c.1))) } else { "-".into() });
}

#[test]
fn division_family() {
    check("floordiv", BINARY, |c| pick(c, 3), |c| if applicable(c, 3) { show(int(c.0).floor_div(&int(c.1)), show_int) } else { "-".into() });
    check("mod", BINARY, |c| pick(c, 4), |c| if applicable(c, 4) { show(int(c.0).modulo(&int(c.1)), show_int) } else { "-".into() });
    check("divmod", BINARY, |c| pick(c, 5), |c| {
        if !applicable(c, 5) {
            return "-".into();
        }
        show(int(c.0).divmod(&int(c.1)), |(q, r)| format!("({}, {})", show_int(q), show_int(r)))
    });
    check("truediv", BINARY, |c| pick(c, 9), |c| show(int(c.0).true_div(&int(c.1)), |f| show_float(*f)));
}

#[test]
fn bitwise() {
    check("and", BINARY, |c| pick(c, 6), |c| if applicable(c, 6) { show_int(&int(c.0).bitand(&int(c.1))) } else { "-".into() });
    check("or", BINARY, |c| pick(c, 7), |c| if applicable(c, 7) { show_int(&int(c.0).bitor(&int(c.1))) } else { "-".into() });
    check("xor", BINARY, |c| pick(c, 8), |c| if applicable(c, 8) { show_int(&int(c.0).bitxor(&int(c.1))) } else { "-".into() });
}

fn show_pow(p: &PowResult) -> String {
    match p {
        PowResult::Int(i) => show_int(i),
        PowResult::Float(f) => show_float(*f),
    }
}

#[test]
fn pow() {
    check("pow", POW, |c| c.2.to_string(), |c| show(int(c.0).pow(&int(c.1)), show_pow));
}

#[test]
fn pow_mod() {
    check("pow_mod", POW_MOD, |c| c.3.to_string(), |c| show(int(c.0).pow_mod(&int(c.1), &int(c.2)), show_int));
}

#[test]
fn shifts() {
    check("lshift", SHIFTS, |c| c.2.to_string(), |c| show(int(c.0).lshift(&int(c.1)), show_int));
    check("rshift", SHIFTS, |c| c.3.to_string(), |c| show(int(c.0).rshift(&int(c.1)), show_int));
}

#[test]
fn unary_and_conversions() {
    check("neg", UNARY, |c| c.1[0].to_string(), |c| show_int(&int(c.0).neg()));
    check("abs", UNARY, |c| c.1[1].to_string(), |c| show_int(&int(c.0).abs()));
    check("invert", UNARY, |c| c.1[2].to_string(), |c| show_int(&int(c.0).invert()));
    check("bit_length", UNARY, |c| c.1[3].to_string(), |c| int(c.0).bit_length().to_string());
    check("hash", UNARY, |c| c.1[4].to_string(), |c| hash_int(&int(c.0)).to_string());
    check("to_f64", UNARY, |c| c.1[5].to_string(), |c| show(int(c.0).to_f64(), |f| show_float(*f)));
    check("hex", UNARY, |c| c.1[6].to_string(), |c| to_hex(&int(c.0)));
    check("oct", UNARY, |c| c.1[7].to_string(), |c| to_oct(&int(c.0)));
    check("bin", UNARY, |c| c.1[8].to_string(), |c| to_bin(&int(c.0)));
    check("str", UNARY, |c| c.1[9].to_string(), |c| show_str(to_decimal(&int(c.0))));
}

#[test]
fn round_int() {
    check("round", ROUND, |c| c.2.to_string(), |c| show_int(&int(c.0).round(c.1)));
}

#[test]
fn compare_with_float() {
    check("cmp", CMP_INT_FLOAT, |c| c.2.to_string(), |c| {
        match cmp_int_float(&int(c.0), f64::from_bits(c.1)) {
            None => "none",
            Some(std::cmp::Ordering::Less) => "lt",
            Some(std::cmp::Ordering::Equal) => "eq",
            Some(std::cmp::Ordering::Greater) => "gt",
        }
        .to_string()
    });
}

#[test]
fn parse() {
    check("parse_int", PARSE_INT, |c| c.2.to_string(), |c| show(parse_int(c.0, c.1), show_int));
}

#[test]
fn decimal_digit_limit() {
    check("to_decimal", DECIMAL_LIMIT, |c| c.1.to_string(), |c| {
        let v = parse_int(c.0, 16).expect("hex literal");
        show(to_decimal(&v), |s| format!("str:{}", s.chars().take(20).collect::<String>()))
    });
}
''')
open('interp/src/num/tests/int_cases.rs', 'w').write('\n'.join(lines) + '\n')
print('ok')
