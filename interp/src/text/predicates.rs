//! Whole-string `str.is*()` predicates.

use super::unicode;

fn all_nonempty(s: &str, pred: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(pred)
}

pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, unicode::is_alpha)
}

pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, unicode::is_decimal)
}

pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, unicode::is_digit)
}

pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, unicode::is_numeric)
}

pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, unicode::is_alnum)
}

pub fn isspace(s: &str) -> bool {
    all_nonempty(s, unicode::is_space)
}

pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}

/// True for the empty string, like CPython.
pub fn isprintable(s: &str) -> bool {
    s.chars().all(unicode::is_printable)
}

/// No uppercase or titlecase characters, and at least one lowercase one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}

/// No lowercase or titlecase characters, and at least one uppercase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if unicode::is_lower(c) || unicode::is_titlecase(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}

/// Uppercase/titlecase characters only start words, lowercase ones only follow
/// cased characters, and there is at least one cased character.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// XID_Start (or `_`) followed by XID_Continue characters. Keywords count.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || unicode::is_xid_start(c) => chars.all(unicode::is_xid_continue),
        _ => false,
    }
}
