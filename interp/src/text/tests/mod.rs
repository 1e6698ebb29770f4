//! Table-driven tests; expected values are CPython 3.11.7 reprs of the results.

mod cases;
mod unit;

use super::str_methods::*;
use crate::helper_error::HelperError;

fn r(s: &str) -> String {
    str_repr(s)
}

fn r_list(v: &[&str]) -> String {
    format!(
        "[{}]",
        v.iter().map(|s| r(s)).collect::<Vec<_>>().join(", ")
    )
}

fn r_bool(b: bool) -> String {
    if b { "True" } else { "False" }.to_string()
}

fn r_result<T>(res: Result<T, HelperError>, f: impl Fn(&T) -> String) -> String {
    match res {
        Ok(v) => f(&v),
        Err(e) => e.to_string(),
    }
}

fn r_triple(t: &(&str, &str, &str)) -> String {
    format!("({}, {}, {})", r(t.0), r(t.1), r(t.2))
}

use crate::test_tables::check;

#[test]
fn case_conversions() {
    use cases::UNARY;
    check("upper", UNARY, |c| c.1[0].to_string(), |c| r(&upper(c.0)));
    check("lower", UNARY, |c| c.1[1].to_string(), |c| r(&lower(c.0)));
    check(
        "capitalize",
        UNARY,
        |c| c.1[2].to_string(),
        |c| r(&capitalize(c.0)),
    );
    check("title", UNARY, |c| c.1[3].to_string(), |c| r(&title(c.0)));
    check(
        "swapcase",
        UNARY,
        |c| c.1[4].to_string(),
        |c| r(&swapcase(c.0)),
    );
    check(
        "casefold",
        UNARY,
        |c| c.1[5].to_string(),
        |c| r(&casefold(c.0)),
    );
}

#[test]
fn predicates() {
    use cases::UNARY;
    type Pred = fn(&str) -> bool;
    let preds: [(&str, Pred); 12] = [
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isspace", isspace),
        ("isalnum", isalnum),
        ("isupper", isupper),
        ("islower", islower),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isidentifier", isidentifier),
        ("istitle", istitle),
        ("isprintable", isprintable),
        ("isascii", isascii),
    ];
    for (i, (name, f)) in preds.iter().enumerate() {
        check(name, UNARY, |c| c.1[6 + i].to_string(), |c| r_bool(f(c.0)));
    }
}

#[test]
fn repr_and_ascii() {
    use cases::UNARY;
    check("repr", UNARY, |c| c.1[18].to_string(), |c| str_repr(c.0));
    check("ascii", UNARY, |c| c.1[19].to_string(), |c| str_ascii(c.0));
}

#[test]
fn splitlines_and_default_strip() {
    use cases::UNARY;
    check(
        "splitlines",
        UNARY,
        |c| c.1[20].to_string(),
        |c| r_list(&splitlines(c.0, false)),
    );
    check(
        "splitlines(True)",
        UNARY,
        |c| c.1[21].to_string(),
        |c| r_list(&splitlines(c.0, true)),
    );
    check(
        "strip",
        UNARY,
        |c| c.1[22].to_string(),
        |c| r(strip(c.0, None)),
    );
    check(
        "lstrip",
        UNARY,
        |c| c.1[23].to_string(),
        |c| r(lstrip(c.0, None)),
    );
    check(
        "rstrip",
        UNARY,
        |c| c.1[24].to_string(),
        |c| r(rstrip(c.0, None)),
    );
}

#[test]
fn split_and_rsplit() {
    use cases::SPLIT;
    check(
        "split",
        SPLIT,
        |c| c.3.to_string(),
        |c| r_result(split(c.0, c.1, c.2), |v| r_list(v)),
    );
    check(
        "rsplit",
        SPLIT,
        |c| c.4.to_string(),
        |c| r_result(rsplit(c.0, c.1, c.2), |v| r_list(v)),
    );
}

#[test]
fn search_family() {
    use cases::SEARCH;
    check(
        "find",
        SEARCH,
        |c| c.4[0].to_string(),
        |c| find(c.0, c.1, c.2, c.3).to_string(),
    );
    check(
        "rfind",
        SEARCH,
        |c| c.4[1].to_string(),
        |c| rfind(c.0, c.1, c.2, c.3).to_string(),
    );
    check(
        "count",
        SEARCH,
        |c| c.4[2].to_string(),
        |c| count(c.0, c.1, c.2, c.3).to_string(),
    );
    check(
        "startswith",
        SEARCH,
        |c| c.4[3].to_string(),
        |c| r_bool(startswith(c.0, c.1, c.2, c.3)),
    );
    check(
        "endswith",
        SEARCH,
        |c| c.4[4].to_string(),
        |c| r_bool(endswith(c.0, c.1, c.2, c.3)),
    );
}

#[test]
fn replace_cases() {
    check(
        "replace",
        cases::REPLACE,
        |c| c.4.to_string(),
        |c| r(&replace(c.0, c.1, c.2, c.3)),
    );
}

#[test]
fn padding() {
    use cases::PAD;
    check(
        "ljust",
        PAD,
        |c| c.3[0].to_string(),
        |c| r_result(ljust(c.0, c.1, c.2), |s| r(s)),
    );
    check(
        "rjust",
        PAD,
        |c| c.3[1].to_string(),
        |c| r_result(rjust(c.0, c.1, c.2), |s| r(s)),
    );
    check(
        "center",
        PAD,
        |c| c.3[2].to_string(),
        |c| r_result(center(c.0, c.1, c.2), |s| r(s)),
    );
    check(
        "zfill",
        PAD,
        |c| c.3[3].to_string(),
        |c| r_result(zfill(c.0, c.1), |s| r(s)),
    );
}

#[test]
fn partitions() {
    use cases::PARTITION;
    check(
        "partition",
        PARTITION,
        |c| c.2.to_string(),
        |c| r_result(partition(c.0, c.1), r_triple),
    );
    check(
        "rpartition",
        PARTITION,
        |c| c.3.to_string(),
        |c| r_result(rpartition(c.0, c.1), r_triple),
    );
}

#[test]
fn expand_tabs() {
    check(
        "expandtabs",
        cases::EXPANDTABS,
        |c| c.2.to_string(),
        |c| r_result(expandtabs(c.0, c.1), |s| r(s)),
    );
}

#[test]
fn strip_with_chars() {
    use cases::STRIP;
    check(
        "strip",
        STRIP,
        |c| c.2[0].to_string(),
        |c| r(strip(c.0, c.1)),
    );
    check(
        "lstrip",
        STRIP,
        |c| c.2[1].to_string(),
        |c| r(lstrip(c.0, c.1)),
    );
    check(
        "rstrip",
        STRIP,
        |c| c.2[2].to_string(),
        |c| r(rstrip(c.0, c.1)),
    );
}
