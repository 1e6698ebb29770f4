//! Hand-written edge cases (values checked against CPython 3.11.7).

use super::*;
use crate::num::float_repr::{DtoaFlags, double_to_string};
use crate::num::format_spec::{FormatSpec, parse_format_spec};
use crate::num::int_ops::{MAX_INT_BITS, PowResult, TOO_MANY_DIGITS};
use crate::num::int_text::{parse_int, to_decimal};
use crate::num::printf_format::*;
use crate::num::{float_ops, float_parse};

fn too_many() -> NumError {
    NumError::Overflow(TOO_MANY_DIGITS.to_string())
}

#[test]
fn long_int_strings() {
    let ok = "1".repeat(4300);
    assert_eq!(
        parse_int(&ok, 10).map(|v| to_decimal(&v)),
        Ok(Ok(ok.clone()))
    );
    let limit = |n: usize| {
        NumError::Value(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    assert_eq!(parse_int(&"1".repeat(4301), 10), Err(limit(4301)));
    assert_eq!(parse_int(&"0".repeat(5000), 10), Err(limit(5000)));
    // The digit limit is checked before trailing garbage.
    assert_eq!(parse_int(&("1".repeat(5000) + "x"), 10), Err(limit(5000)));
    // Power-of-two bases have no limit.
    assert!(parse_int(&"1".repeat(5000), 16).is_ok());
    // The message quotes at most 200 characters of the repr.
    let Err(NumError::Value(msg)) = parse_int(&"x".repeat(300), 10) else {
        panic!("expected ValueError");
    };
    assert_eq!(msg.len(), 240);
    assert!(msg.starts_with("invalid literal for int() with base 10: 'xxx"));
    assert!(msg.ends_with("xxxxxxxxxx"));
    // float() quotes the whole repr.
    let Err(NumError::Value(msg)) = float_parse::parse_float(&"x".repeat(300)) else {
        panic!("expected ValueError");
    };
    assert_eq!(msg.len(), 337);
}

#[test]
fn resource_limits_return_errors() {
    let one = PyInt::Small(1);
    assert_eq!(one.lshift(&int("100000000000000000000")), Err(too_many()));
    assert_eq!(
        one.lshift(&PyInt::Small(MAX_INT_BITS as i64 + 1)),
        Err(too_many())
    );
    assert_eq!(
        PyInt::Small(0).lshift(&int("100000000000000000000")),
        Ok(PyInt::Small(0))
    );
    assert_eq!(
        PyInt::Small(-1).rshift(&int("100000000000000000000")),
        Ok(PyInt::Small(-1))
    );
    assert_eq!(
        int("-100000000000000000000000").rshift(&PyInt::Small(1000)),
        Ok(PyInt::Small(-1))
    );
    assert_eq!(
        PyInt::Small(2).pow(&int("100000000000000000000")),
        Err(too_many())
    );
    assert_eq!(PyInt::Small(2).pow(&PyInt::Small(1 << 40)), Err(too_many()));
    assert_eq!(
        PyInt::Small(-1).pow(&int("100000000000000000001")),
        Ok(PowResult::Int(PyInt::Small(-1)))
    );
    assert_eq!(
        PyInt::Small(0).pow(&int("100000000000000000001")),
        Ok(PowResult::Int(PyInt::Small(0)))
    );
    // Huge exponents are fine in modular pow.
    assert_eq!(
        PyInt::Small(3).pow_mod(
            &int("100000000000000000000000000000"),
            &PyInt::Small(1_000_000_007)
        ),
        Ok(PyInt::from_bigint(num_bigint::BigInt::from(3).modpow(
            &"100000000000000000000000000000".parse().unwrap(),
            &1_000_000_007.into()
        )))
    );
}

#[test]
fn small_int_edges() {
    let min = PyInt::Small(i64::MIN);
    let m1 = PyInt::Small(-1);
    assert_eq!(
        min.floor_div(&m1).map(|v| v.to_string()),
        Ok("9223372036854775808".to_string())
    );
    assert_eq!(min.modulo(&m1), Ok(PyInt::Small(0)));
    assert_eq!(min.neg().to_string(), "9223372036854775808");
    assert_eq!(min.abs().neg(), min);
    assert_eq!(min.invert(), PyInt::Small(i64::MAX));
    assert_eq!(min.bit_length(), 64);
    assert_eq!(
        PyInt::Small(i64::MAX)
            .add(&PyInt::Small(1))
            .sub(&PyInt::Small(1)),
        PyInt::Small(i64::MAX)
    );
    assert_eq!(
        PyInt::Big(num_bigint::BigInt::from(5)).normalize(),
        PyInt::Small(5)
    );
    assert!(int("9223372036854775808") > PyInt::Small(i64::MAX));
    assert!(int("-9223372036854775809") < PyInt::Small(i64::MIN));
}

#[test]
fn int_to_float_is_correctly_rounded() {
    // Rust's decimal parser is correctly rounded, so it is an oracle here.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..3000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let digits = 1 + (x % 330) as usize;
        let mut s: String = (0..digits)
            .map(|k| char::from(b'0' + ((x >> (k % 60)) % 10) as u8))
            .collect();
        if s.starts_with('0') {
            s.replace_range(0..1, "7");
        }
        if i % 3 == 0 {
            s.insert(0, '-');
        }
        let expected: f64 = s.parse().unwrap();
        let got = int(&s).to_f64();
        if expected.is_infinite() {
            assert!(got.is_err(), "{s}");
        } else {
            assert_eq!(got.map(f64::to_bits), Ok(expected.to_bits()), "{s}");
        }
    }
}

#[test]
fn small_true_division_matches_hardware() {
    let vals = [
        1i64,
        -1,
        3,
        7,
        -10,
        1 << 52,
        (1 << 53) - 1,
        1 << 53,
        -(1 << 53),
        123_456_789,
    ];
    for &a in &vals {
        for &b in &vals {
            let got = PyInt::Small(a).true_div(&PyInt::Small(b)).unwrap();
            assert_eq!(got.to_bits(), (a as f64 / b as f64).to_bits(), "{a}/{b}");
            // Same values through the big-int path.
            let big_a = PyInt::Small(a).mul(&int("18446744073709551616"));
            let big_b = PyInt::Small(b).mul(&int("18446744073709551616"));
            assert_eq!(
                big_a.true_div(&big_b).unwrap().to_bits(),
                got.to_bits(),
                "{a}/{b} scaled"
            );
        }
    }
}

#[test]
fn dtoa_flags() {
    let sign = DtoaFlags {
        always_sign: true,
        ..DtoaFlags::default()
    };
    assert_eq!(double_to_string(1.5, 'f', 2, sign), "+1.50");
    assert_eq!(double_to_string(f64::NAN, 'f', 2, sign), "+nan");
    assert_eq!(
        double_to_string(-f64::NAN, 'F', 2, DtoaFlags::default()),
        "NAN"
    );
    assert_eq!(double_to_string(f64::NEG_INFINITY, 'E', 2, sign), "-INF");
    assert_eq!(
        double_to_string(1e-300, 'e', 0, DtoaFlags::default()),
        "1e-300"
    );
    assert_eq!(double_to_string(0.0, 'r', 0, DtoaFlags::default()), "0");
    let z = DtoaFlags {
        no_neg_0: true,
        ..DtoaFlags::default()
    };
    assert_eq!(double_to_string(-0.004, 'f', 2, z), "0.00");
    assert_eq!(double_to_string(-0.005, 'f', 2, z), "-0.01");
    assert_eq!(double_to_string(-0.0, 'e', 2, z), "0.00e+00");
}

#[test]
fn float_pow_complex_sentinel() {
    assert_eq!(
        float_ops::pow(-8.0, 1.0 / 3.0),
        Err(NumError::Value(
            float_ops::NEGATIVE_FRACTIONAL_POW.to_string()
        ))
    );
    assert_eq!(float_ops::pow(-8.0, 3.0), Ok(-512.0));
}

#[test]
fn format_spec_fields() {
    let spec = parse_format_spec("*^+z#012_.3f", "float").unwrap();
    assert_eq!(
        spec,
        FormatSpec {
            fill: Some('*'),
            align: Some('^'),
            sign: Some('+'),
            no_neg_zero: true,
            alternate: true,
            zero: false,
            width: Some(12),
            grouping: Some('_'),
            precision: Some(3),
            ty: Some('f'),
        }
    );
    // With an explicit fill the '0' is part of the width, not a flag.
    let spec = parse_format_spec("x<010", "int").unwrap();
    assert!(!spec.zero);
    assert_eq!(spec.width, Some(10));
    assert_eq!(parse_format_spec("", "int"), Ok(FormatSpec::default()));
}

fn directive(fmt: &str) -> Result<(PercentDirective, usize), NumError> {
    let chars: Vec<char> = fmt.chars().collect();
    parse_percent_directive(&chars, 1)
}

#[test]
fn percent_directive_parsing() {
    let (d, end) = directive("%(na(m)e)-08.3f rest").unwrap();
    assert_eq!(d.key.as_deref(), Some("na(m)e"));
    assert!(d.flags.left && d.flags.zero && !d.flags.sign);
    assert_eq!(d.width, Some(PercentCount::Value(8)));
    assert_eq!(d.precision, Some(PercentCount::Value(3)));
    assert_eq!((d.conv, d.conv_index, end), ('f', 14, 15));
    assert!(!d.literal_percent);

    let (d, end) = directive("%%").unwrap();
    assert!(d.literal_percent);
    assert_eq!(end, 2);
    let (d, _) = directive("%5%").unwrap();
    assert!(!d.literal_percent && d.conv == '%');

    let (mut d, _) = directive("%*.*d").unwrap();
    assert_eq!(
        (d.width, d.precision),
        (Some(PercentCount::Star), Some(PercentCount::Star))
    );
    d.set_star_width(-5);
    d.set_star_precision(-2);
    assert!(d.flags.left);
    assert_eq!(
        (d.width, d.precision),
        (Some(PercentCount::Value(5)), Some(PercentCount::Value(0)))
    );

    let (d, _) = directive("%.f").unwrap();
    assert_eq!(d.precision, Some(PercentCount::Value(0)));
    let (d, _) = directive("%ld").unwrap();
    assert_eq!(d.conv, 'd');
    let (d, _) = directive("%lld").unwrap();
    assert_eq!(d.conv, 'l');

    assert_eq!(
        directive("%(a").unwrap_err(),
        NumError::Value("incomplete format key".into())
    );
    assert_eq!(
        directive("%").unwrap_err(),
        NumError::Value("incomplete format".into())
    );
    assert_eq!(
        directive("%5").unwrap_err(),
        NumError::Value("incomplete format".into())
    );
    assert_eq!(
        directive("%.").unwrap_err(),
        NumError::Value("incomplete format".into())
    );
    assert_eq!(
        directive("%99999999999999999999d").unwrap_err(),
        NumError::Value("width too big".into())
    );
    assert_eq!(
        directive("%.9999999999d").unwrap_err(),
        NumError::Value("precision too big".into())
    );
    assert_eq!(
        unsupported_format_character('y', 5),
        NumError::Value("unsupported format character 'y' (0x79) at index 5".into())
    );
    assert_eq!(
        unsupported_format_character('é', 1),
        NumError::Value("unsupported format character '?' (0xe9) at index 1".into())
    );
    assert!(is_supported_conversion('r') && !is_supported_conversion('%'));
}

#[test]
fn percent_c_of_int() {
    let f = PercentFlags::default();
    assert_eq!(
        percent_format_int(&PyInt::Small(0x100000), f, 0, None, 'c').as_deref(),
        Ok("\u{100000}")
    );
    assert_eq!(
        percent_format_int(&PyInt::Small(-1), f, 0, None, 'c'),
        Err(NumError::Overflow("%c arg not in range(0x110000)".into()))
    );
    assert_eq!(
        percent_format_str("é", f, 5, Some(1)).as_deref(),
        Ok("    é")
    );
    assert!(percent_format_str("é", f, usize::MAX, None).is_err());
    assert!(percent_format_int(&PyInt::Small(1), f, 1 << 62, None, 'd').is_err());
    assert!(percent_format_float(1.0, f, 0, Some(usize::MAX), 'e').is_err());
}

#[test]
fn huge_widths_are_errors() {
    assert!(
        crate::num::format_spec::format_int_str(&PyInt::Small(1), "0999999999999999999").is_err()
    );
    assert!(crate::num::format_spec::format_float_str(1.0, "999999999999999999").is_err());
    assert!(crate::num::format_spec::format_str_str("a", "999999999999999999").is_err());
    assert!(
        crate::num::format_spec::format_int_str(&PyInt::Small(1), ",09999999999999999").is_err()
    );
    // Beyond Rust's u16 precision cap (CPython accepts up to i32::MAX).
    let long = double_to_string(0.1, 'f', 100_000, DtoaFlags::default());
    assert_eq!(long.len(), 100_002);
    assert!(long.starts_with("0.1000000000000000055511151231257827"));
    assert_eq!(
        double_to_string(1.5, 'e', 70_000, DtoaFlags::default()).len(),
        70_006
    );
    assert_eq!(
        double_to_string(0.1, 'g', 70_000, DtoaFlags::default()).len(),
        57
    );
}

#[test]
fn error_display() {
    assert_eq!(NumError::Type("x".into()).to_string(), "TypeError: x");
    assert_eq!(
        NumError::Overflow("y".into()).to_string(),
        "OverflowError: y"
    );
}
