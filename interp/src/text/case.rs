//! Case conversions with CPython's full (multi-character) mappings and its
//! final-sigma rule.

use super::unicode::{
    is_case_ignorable, is_cased, is_lower, is_upper, push_folded, push_lower, push_title,
    push_upper,
};

const CAPITAL_SIGMA: char = '\u{3a3}';

// CPython's handle_capital_sigma: Σ lowercases to ς when a cased letter precedes
// it and none follows, skipping case-ignorable characters on both sides.
fn final_sigma(chars: &[char], i: usize) -> char {
    let cased_before = chars[..i]
        .iter()
        .rev()
        .find(|&&c| !is_case_ignorable(c))
        .is_some_and(|&c| is_cased(c));
    let cased_after = chars[i + 1..]
        .iter()
        .find(|&&c| !is_case_ignorable(c))
        .is_some_and(|&c| is_cased(c));
    if cased_before && !cased_after {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

// lower_ucs4: the lowercase mapping of chars[i] in context.
fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    if chars[i] == CAPITAL_SIGMA {
        out.push(final_sigma(chars, i));
    } else {
        push_lower(chars[i], out);
    }
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(c, &mut out));
    out
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&chars, i, &mut out);
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_folded(c, &mut out));
    out
}

/// `str.capitalize` (3.8+): titlecase the first character, lowercase the rest.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(chars[0], &mut out);
        } else {
            push_lower_at(&chars, i, &mut out);
        }
    }
    out
}

/// `str.title`: a character is titlecased when the previous one is not cased.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for i in 0..chars.len() {
        if previous_is_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            push_title(chars[i], &mut out);
        }
        previous_is_cased = is_cased(chars[i]);
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower_at(&chars, i, &mut out);
        } else if is_lower(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}
