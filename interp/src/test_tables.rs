//! The table-driven test runner shared by `num`'s and `text`'s tests; it lives at the crate
//! root so that `text`'s tests need not reach into `num`.

/// Runs every case and reports all mismatches at once.
pub(crate) fn check<C: std::fmt::Debug>(
    name: &str,
    cases: &[C],
    expected: impl Fn(&C) -> String,
    actual: impl Fn(&C) -> String,
) {
    let mut failures = Vec::new();
    for c in cases {
        let (e, a) = (expected(c), actual(c));
        if e != a {
            failures.push(format!("{c:?}\n   expected {e}\n   actual   {a}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
