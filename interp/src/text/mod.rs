//! PLACEHOLDER until the str-semantics module lands (being written in parallel).
pub fn str_repr(s: &str) -> String {
    format!("'{s}'")
}
