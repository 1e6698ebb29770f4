import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from common import *
random.seed(7)
lines = ['//! Generated from CPython 3.11.7; do not edit.', '', 'use super::*;', 'use crate::num::float_ops::*;',
         'use crate::num::float_parse::parse_float;', 'use crate::num::float_repr::float_repr;', '']
inf = float('inf'); nan = float('nan')
# repr
R = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 9999999999999998.0, 1e17, 123456789012345.6, 1234567890123456.7, 0.0001, 0.00001, 1.5e-5,
     1e-5, 1e-4, 0.001, 1e22, 1e23, 1e-7, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, inf, -inf, nan,
     100.0, 1e100, 123.456, 2.0**53, 2.0**53 + 2.0, 2.0**63, 2.0**64, 1e300, 4.35, 0.5, 2.675, 9.995, 1e-300, 3.141592653589793, 2.718281828459045,
     1.1, 2.2, 3.3000000000000003, 0.30000000000000004, 5e-5, 12345678.9, 1e21, 1.0000000000000002, 0.9999999999999999]
for _ in range(700):
    R.append(ffrom(random.getrandbits(64)))
for _ in range(350):
    R.append(round(random.uniform(-1000, 1000), random.randint(0, 12)) * 10.0 ** random.randint(-30, 30))
# Exact binary fractions: ties between two shortest candidates must go to even.
R += [944523631799354.25, 0.5, 2.5e-1, 1.125, 12345678901234.125]
for _ in range(150):
    R.append(random.randint(0, 2**random.randint(40, 60)) / 2**random.randint(1, 12))
for _ in range(100):
    R.append(float(random.randint(-10**18, 10**18)))
R = [x for x in R if x == x or True]
rows = ['(0x%016x, %s)' % (fbits(x), rs(repr(x))) for x in R]
lines.append(table('REPR', '(u64, &str)', rows))
# parse
P = ['1', '-1', '+1.5', ' 1.5 ', '\t-2.5e3\n', '1_0', '1__0', '_1', '1_', '1_.0', '1._0', '1.0_1', '1e1_0', '1_e5', '1e_5', ' -Infinity ', 'infinit', 'inf', '-inf', '+inf', 'INF',
     'iNfInItY', 'nan', '-nan', '+NaN', 'nAn ', 'na', '.', '1.', '.5', '-.5', '+.5e-3', '0x10', '1e', '1e+', '1e-', 'e5', '.e5', '١٢', '١٫٢', '١.٢', '\u2003 1.5 \u2003', '', '  ',
     '1\x1c', '1\x85', '\x851', '1e400', '-1e400', '1e-400', '-1e-400', '4.9e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '1.7976931348623158e308',
     '1.7976931348623159e308', '0.1', '123456789012345678901234567890', '0.' + '0' * 300 + '1', '1' + '0' * 400, '9007199254740993', '1 2', '1.5.', '--1', '+-1', 'abc',
     'x', '1,5', '１.５', '1e5.5', '1E5', '1.5E+05', '00012', '0e0', '-0', '-0.0', '1_000.000_1', '\x00', '1\x00', '+', '-', 'infinityx', 'nan1', '1f', '1d']
rows = ['(%s, %s)' % (rs(s), rs(run(lambda: float(s), show_num))) for s in P]
lines.append(table('PARSE', '(&str, &str)', rows))
# binary ops
F = [0.0, -0.0, 1.0, -1.0, 2.0, -2.5, 7.5, -7.5, 0.1, 3.0, 1e300, -1e300, 1e-300, 5e-324, inf, -inf, nan, 2.0**53, 10.0, -3.0, 0.5, 1/3]
rows = []
for a in F:
    for b in F:
        res = [run(lambda: a // b, show_num), run(lambda: a % b, show_num), run(lambda: divmod(a, b), show_num), run(lambda: a / b, show_num), run(lambda: a ** b, show_num)]
        rows.append('(0x%016x, 0x%016x, [%s])' % (fbits(a), fbits(b), ', '.join(rs(x) for x in res)))
for _ in range(100):
    a = random.uniform(-100, 100) * 10.0 ** random.randint(-5, 5); b = random.uniform(-100, 100) * 10.0 ** random.randint(-5, 5)
    res = [run(lambda: a // b, show_num), run(lambda: a % b, show_num), run(lambda: divmod(a, b), show_num), run(lambda: a / b, show_num), run(lambda: abs(a) ** (b / 50), show_num)]
    rows.append('(0x%016x, 0x%016x, [%s])' % (fbits(a), fbits(b), ', '.join(rs(x) for x in res)))
extra_pow = [(-8.0, 1/3), (-2.0, 0.5), (10.0, 400.0), (-10.0, 401.0), (-10.0, 400.0), (0.0, -1.0), (-0.0, -1.0), (-0.0, -3.0), (-0.0, 3.0), (-0.0, 2.0), (inf, -1.0), (-inf, 3.0), (-inf, -3.0),
             (-inf, 2.0), (-inf, -2.0), (1.0, nan), (nan, 0.0), (-1.0, inf), (-1.0, -inf), (2.0, 0.5), (10.0, -400.0), (2.0, -1080.0), (-2.0, 3.0), (-2.0, -3.0), (-2.0, 1e300), (-0.5, inf), (1.0000001, 1e10), (-1.0, 3.0), (-1.0, 2.0)]
lines.append(table('BINARY', '(u64, u64, [&str; 5])', rows))
rows = ['(0x%016x, 0x%016x, %s)' % (fbits(a), fbits(b), rs(run(lambda: a ** b, show_num))) for (a, b) in extra_pow]
lines.append(table('POW_EXTRA', '(u64, u64, &str)', rows))
# rounding
X = [0.5, 1.5, 2.5, -0.5, -1.5, 0.4, -0.4, 2.675, 1.005, 0.125, 0.375, -0.125, 1234.5678, -1234.5678, 5e-324, 1e-300, 1e300, 1.7976931348623157e308, 123456789.987654321,
     0.0, -0.0, inf, -inf, nan, 2.0**52 + 0.5, 2.0**53, 1e22, 4.35, 9.995, 0.285, 1.45, 25.0, 35.0, 15.0, 5.0, 0.05, 0.15, 0.25, 0.35, 2.5e-5]
XR = [random.uniform(-1000, 1000) * 10.0 ** random.randint(-8, 8) for _ in range(120)]
N = [-400, -308, -307, -300, -20, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 20, 300, 323, 324, 400]
rows = []
for x in X + XR:
    for n in (N if x in X else random.sample(N, 4)):
        rows.append('(0x%016x, %d, %s)' % (fbits(x), n, rs(run(lambda: round(x, n), show_num))))
lines.append(table('ROUND_NDIGITS', '(u64, i64, &str)', rows))
rows = []
for x in X + XR[:40] + [2.0**63, -2.0**63, 2.0**64, 1e20, -1e20, 0.999999, -0.999999, 9007199254740993.0]:
    rows.append('(0x%016x, [%s])' % (fbits(x), ', '.join(rs(v) for v in [run(lambda: round(x), show_num), run(lambda: int(x), show_num), str(hash(x)) if x == x else '0', str(x.is_integer())])))
lines.append(table('UNARY', '(u64, [&str; 4])', rows))
lines.append('''
#[test]
fn repr_matches_cpython() {
    check("repr", REPR, |c| c.1.to_string(), |c| float_repr(f64::from_bits(c.0)));
}

#[test]
fn parse_matches_cpython() {
    check("parse_float", PARSE, |c| c.1.to_string(), |c| show(parse_float(c.0), |f| show_float(*f)));
}

#[test]
fn division_family() {
    let f = |b: u64| f64::from_bits(b);
    check("floordiv", BINARY, |c| c.2[0].to_string(), |c| show(floor_div(f(c.0), f(c.1)), |x| show_float(*x)));
    check("mod", BINARY, |c| c.2[1].to_string(), |c| show(modulo(f(c.0), f(c.1)), |x| show_float(*x)));
    check("divmod", BINARY, |c| c.2[2].to_string(), |c| {
        show(divmod(f(c.0), f(c.1)), |(q, r)| format!("({}, {})", show_float(*q), show_float(*r)))
    });
    check("truediv", BINARY, |c| c.2[3].to_string(), |c| show(true_div(f(c.0), f(c.1)), |x| show_float(*x)));
}

#[test]
fn power() {
    let f = |b: u64| f64::from_bits(b);
    // Random rows use |a| ** (b / 50) to stay real-valued.
    check("pow", &BINARY[..22 * 22], |c| c.2[4].to_string(), |c| show(pow(f(c.0), f(c.1)), |x| show_float(*x)));
    check("pow random", &BINARY[22 * 22..], |c| c.2[4].to_string(), |c| {
        show(pow(f(c.0).abs(), f(c.1) / 50.0), |x| show_float(*x))
    });
    check("pow extra", POW_EXTRA, |c| c.2.to_string(), |c| show(pow(f(c.0), f(c.1)), |x| show_float(*x)));
}

#[test]
fn round_with_ndigits() {
    check("round", ROUND_NDIGITS, |c| c.2.to_string(), |c| show(round_ndigits(f64::from_bits(c.0), c.1), |x| show_float(*x)));
}

#[test]
fn round_trunc_hash_is_integer() {
    let f = |b: u64| f64::from_bits(b);
    check("round()", UNARY, |c| c.1[0].to_string(), |c| {
        let x = round_half_even(f(c.0));
        show(float_to_int(x), show_int)
    });
    check("int()", UNARY, |c| c.1[1].to_string(), |c| show(float_to_int(f(c.0)), show_int));
    check("hash", UNARY, |c| c.1[2].to_string(), |c| hash_float(f(c.0)).to_string());
    check("is_integer", UNARY, |c| c.1[3].to_string(), |c| if is_integer(f(c.0)) { "True" } else { "False" }.to_string());
}
''')
rows=None
open('interp/src/num/tests/float_cases.rs', 'w').write('\n'.join(lines) + '\n')
print('ok')
