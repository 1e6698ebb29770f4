//! Constant folding, as CPython 3.10's AST optimizer (`ast_opt.c`) does it: literals, unary
//! and binary operators on constants (within the same size limits), tuples of constants and
//! `__debug__`. [`constant_of`] answers "is this expression a constant after folding, and
//! which?"; the code generator asks wherever CPython checks for `Constant_kind`.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

use crate::code::Constant;

/// Largest int (in bits) a folded `*`, `**` or `<<` may produce.
const MAX_INT_SIZE: u64 = 128;
/// Largest tuple a folded `*` may produce.
const MAX_COLLECTION_SIZE: usize = 256;
/// Largest string a folded `*` may produce.
const MAX_STR_SIZE: usize = 4096;

/// The value of `expr` if it is a constant once folded.
pub(crate) fn constant_of(expr: &Expr) -> Option<Constant> {
    match expr {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => int_literal(i),
            Number::Float(x) => Some(Constant::Float(*x)),
            Number::Complex { .. } => None,
        },
        Expr::StringLiteral(s) => Some(Constant::Str(s.value.to_str().into())),
        Expr::BooleanLiteral(b) => Some(Constant::Bool(b.value)),
        Expr::NoneLiteral(_) => Some(Constant::None),
        Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ast::ExprContext::Load => {
            Some(Constant::Bool(true))
        }
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let items: Option<Vec<Constant>> = t.elts.iter().map(constant_of).collect();
            items.map(|items| Constant::Tuple(items.into()))
        }
        Expr::UnaryOp(u) => fold_unary(u.op, &constant_of(&u.operand)?),
        Expr::BinOp(b) => fold_binary(b.op, &constant_of(&b.left)?, &constant_of(&b.right)?),
        _ => None,
    }
}

/// An int literal: small ones stay `i64`, the rest become big ints.
fn int_literal(literal: &ast::Int) -> Option<Constant> {
    if let Some(small) = literal.as_i64() {
        return Some(Constant::Int(small));
    }
    if let Some(unsigned) = literal.as_u64() {
        return Some(normalize(BigInt::from(unsigned)));
    }
    // Big literals keep their source spelling (prefix and underscores included).
    let text: String = literal.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = match lower.get(..2) {
        Some("0x") => (&lower[2..], 16),
        Some("0o") => (&lower[2..], 8),
        Some("0b") => (&lower[2..], 2),
        _ => (lower.as_str(), 10),
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).map(normalize)
}

/// A big int that fits in `i64` is stored as a small one, so equal values compare equal.
pub(crate) fn normalize(value: BigInt) -> Constant {
    match value.to_i64() {
        Some(small) => Constant::Int(small),
        None => Constant::BigInt(Rc::new(value)),
    }
}

fn as_int(constant: &Constant) -> Option<BigInt> {
    match constant {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(i) => Some((**i).clone()),
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}

/// Floats, and ints that convert to float exactly.
fn as_float(constant: &Constant) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    match constant {
        Constant::Float(x) => Some(*x),
        Constant::Int(i) if (-EXACT..=EXACT).contains(i) => Some(*i as f64),
        Constant::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

pub(crate) fn is_truthy(constant: &Constant) -> bool {
    match constant {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(i) => !i.is_zero(),
        Constant::Float(x) => *x != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
        Constant::Code(_) | Constant::Ellipsis => true,
    }
}

fn fold_unary(op: UnaryOp, operand: &Constant) -> Option<Constant> {
    match (op, operand) {
        (UnaryOp::Not, c) => Some(Constant::Bool(!is_truthy(c))),
        (UnaryOp::USub, Constant::Float(x)) => Some(Constant::Float(-x)),
        (UnaryOp::UAdd, Constant::Float(x)) => Some(Constant::Float(*x)),
        (UnaryOp::USub, c) => Some(normalize(-as_int(c)?)),
        (UnaryOp::UAdd, c) => Some(normalize(as_int(c)?)),
        (UnaryOp::Invert, c) => Some(normalize(!as_int(c)?)),
    }
}

fn bits(value: &BigInt) -> u64 {
    value.bits()
}

fn fold_binary(op: Operator, left: &Constant, right: &Constant) -> Option<Constant> {
    use Operator::*;
    // bool & bool stays a bool, as in Python.
    if let (Constant::Bool(a), Constant::Bool(b)) = (left, right) {
        match op {
            BitAnd => return Some(Constant::Bool(a & b)),
            BitOr => return Some(Constant::Bool(a | b)),
            BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    if let (Some(a), Some(b)) = (as_int(left), as_int(right)) {
        return fold_int(op, a, b);
    }
    if matches!(left, Constant::Float(_)) || matches!(right, Constant::Float(_)) {
        let (a, b) = (as_float(left)?, as_float(right)?);
        return match op {
            Add => Some(Constant::Float(a + b)),
            Sub => Some(Constant::Float(a - b)),
            Mult => Some(Constant::Float(a * b)),
            Div if b != 0.0 => Some(Constant::Float(a / b)),
            _ => None,
        };
    }
    match (op, left, right) {
        (Add, Constant::Str(a), Constant::Str(b)) => Some(Constant::Str(format!("{a}{b}").into())),
        (Add, Constant::Tuple(a), Constant::Tuple(b)) => Some(Constant::Tuple(
            a.iter().chain(b.iter()).cloned().collect::<Vec<_>>().into(),
        )),
        (Mult, Constant::Str(_) | Constant::Tuple(_), n) => repeat(left, as_int(n)?),
        (Mult, n, Constant::Str(_) | Constant::Tuple(_)) => repeat(right, as_int(n)?),
        _ => None,
    }
}

fn repeat(sequence: &Constant, count: BigInt) -> Option<Constant> {
    let count = count.to_i64()?.max(0) as usize;
    match sequence {
        Constant::Str(s) => {
            let len = s.chars().count();
            (len == 0 || count <= MAX_STR_SIZE / len).then(|| Constant::Str(s.repeat(count).into()))
        }
        Constant::Tuple(items) => (items.is_empty() || count <= MAX_COLLECTION_SIZE / items.len())
            .then(|| {
                let repeated: Vec<Constant> =
                    (0..count).flat_map(|_| items.iter().cloned()).collect();
                Constant::Tuple(repeated.into())
            }),
        _ => None,
    }
}

fn fold_int(op: Operator, a: BigInt, b: BigInt) -> Option<Constant> {
    use Operator::*;
    let result = match op {
        Add => a + b,
        Sub => a - b,
        Mult => {
            if !a.is_zero() && !b.is_zero() && bits(&a) + bits(&b) > MAX_INT_SIZE {
                return None;
            }
            a * b
        }
        FloorDiv | Mod => {
            if b.is_zero() {
                return None;
            }
            // Python rounds the quotient toward negative infinity.
            let (q, r) = num_integer::Integer::div_mod_floor(&a, &b);
            if op == FloorDiv { q } else { r }
        }
        Div => {
            let (a, b) = (a.to_i64()?, b.to_i64()?);
            let exact = -(1i64 << 53)..=(1i64 << 53);
            if b == 0 || !exact.contains(&a) || !exact.contains(&b) {
                return None;
            }
            return Some(Constant::Float(a as f64 / b as f64));
        }
        Pow => {
            let exponent = b.to_u64()?; // negative powers make floats: left alone
            if !a.is_zero() && bits(&a).saturating_mul(exponent) > MAX_INT_SIZE {
                return None;
            }
            num_traits::pow::Pow::pow(a, exponent)
        }
        LShift => {
            let shift = b.to_u64()?;
            if shift > MAX_INT_SIZE || bits(&a) > MAX_INT_SIZE - shift {
                return None;
            }
            a << shift
        }
        RShift => {
            if b.is_negative() {
                return None;
            }
            let shift = b.to_u64().unwrap_or(u64::MAX).min(bits(&a) + 1);
            a >> shift
        }
        BitAnd => a & b,
        BitOr => a | b,
        BitXor => a ^ b,
        MatMult => return None,
    };
    Some(normalize(result))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(source: &str) -> Option<Constant> {
        let parsed = ruff_python_parser::parse_expression(source).expect("valid expression");
        constant_of(parsed.expr())
    }

    fn tuple(items: Vec<Constant>) -> Constant {
        Constant::Tuple(items.into())
    }

    #[test]
    fn literals_and_unary_minus() {
        assert_eq!(fold("-5"), Some(Constant::Int(-5)));
        assert_eq!(fold("-2.5"), Some(Constant::Float(-2.5)));
        assert_eq!(fold("-9223372036854775808"), Some(Constant::Int(i64::MIN)));
        assert_eq!(fold("~0"), Some(Constant::Int(-1)));
        assert_eq!(fold("not 0"), Some(Constant::Bool(true)));
    }

    #[test]
    fn big_ints() {
        let big = BigInt::parse_bytes(b"123456789012345678901", 10).unwrap();
        assert_eq!(
            fold("123_456_789_012_345_678_901"),
            Some(Constant::BigInt(Rc::new(big)))
        );
        let hex = BigInt::parse_bytes(b"ffffffffffffffffff", 16).unwrap();
        assert_eq!(
            fold("0xFF_FFFF_FFFF_FFFF_FFFF"),
            Some(Constant::BigInt(Rc::new(hex)))
        );
        assert_eq!(fold("2**64 - 2**64"), Some(Constant::Int(0)));
    }

    #[test]
    fn tuples_and_operators() {
        assert_eq!(
            fold("(1, -2, 'a')"),
            Some(tuple(vec![
                Constant::Int(1),
                Constant::Int(-2),
                Constant::Str("a".into())
            ]))
        );
        assert_eq!(fold("(1, x)"), None);
        assert_eq!(fold("2 * 3 + 1"), Some(Constant::Int(7)));
        assert_eq!(fold("-7 // 2"), Some(Constant::Int(-4)));
        assert_eq!(fold("-7 % 2"), Some(Constant::Int(1)));
        assert_eq!(fold("1 / 0"), None);
        assert_eq!(fold("2 ** 200"), None, "too big to fold, as in CPython");
        assert_eq!(fold("'ab' * 2"), Some(Constant::Str("abab".into())));
        assert_eq!(fold("True & False"), Some(Constant::Bool(false)));
        assert_eq!(fold("__debug__"), Some(Constant::Bool(true)));
    }
}
