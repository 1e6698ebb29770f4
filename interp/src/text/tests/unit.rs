//! Hand-written edge cases for the str helpers.

use super::*;
use crate::text::index::{adjust_indices, byte_offset, char_index, char_len, slice_chars};

#[test]
fn index_helpers() {
    let s = "héllo😀";
    assert_eq!(char_len(s), 6);
    assert_eq!(byte_offset(s, 2), 3);
    assert_eq!(byte_offset(s, 99), s.len());
    assert_eq!(char_index(s, 3), 2);
    assert_eq!(slice_chars(s, 1, 5), "éllo");
    assert_eq!(adjust_indices(None, None, 5), (0, 5));
    assert_eq!(adjust_indices(Some(-2), Some(-1), 5), (3, 4));
    assert_eq!(adjust_indices(Some(i64::MIN), Some(i64::MAX), 5), (0, 5));
    assert_eq!(adjust_indices(Some(i64::MAX), Some(i64::MIN), 5).1, 0);
}

#[test]
fn extreme_arguments_do_not_panic() {
    assert_eq!(find("abc", "", Some(i64::MAX), None), -1);
    assert_eq!(rfind("abc", "", Some(i64::MIN), Some(i64::MAX)), 3);
    assert_eq!(count("abc", "", Some(i64::MIN), Some(i64::MAX)), 4);
    assert!(!startswith("abc", "", Some(i64::MAX), None));
    assert_eq!(replace("ab", "", "-", i64::MAX), "-a-b-");
    assert_eq!(split("a b", None, i64::MAX).unwrap(), ["a", "b"]);
    assert_eq!(rsplit("a,b", Some(","), i64::MIN).unwrap(), ["a", "b"]);
    // Results too large to allocate are errors, not aborts.
    assert!(ljust("a", i64::MAX, 'x').is_err());
    assert!(center("a", 1 << 62, 'é').is_err());
    assert!(zfill("-1", i64::MAX).is_err());
    assert!(expandtabs("\t\t", i64::MAX).is_err());
    assert_eq!(expandtabs("a\tb", i64::MIN).as_deref(), Ok("ab"));
}

#[test]
fn final_sigma_context() {
    assert_eq!(lower("ΑΣ"), "ας");
    assert_eq!(lower("ΑΣ\u{301}"), "ας\u{301}");
    assert_eq!(lower("ΑΣ\u{301}α"), "ασ\u{301}α");
    assert_eq!(lower("Σ"), "σ");
    assert_eq!(lower(".Σ"), ".σ");
    assert_eq!(title("ΣΑΣ ΣΑΣ"), "Σας Σας");
    assert_eq!(swapcase("αΣ"), "Ας");
    assert_eq!(casefold("ΑΣ"), "ασ");
}

#[test]
fn quote_choice() {
    assert_eq!(str_repr("it's"), "\"it's\"");
    assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
    assert_eq!(
        str_repr("\u{7f}\u{85}\u{a0}\u{ad}é"),
        "'\\x7f\\x85\\xa0\\xadé'"
    );
    assert_eq!(str_ascii("é€😀"), "'\\xe9\\u20ac\\U0001f600'");
}
