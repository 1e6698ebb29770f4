//! PLACEHOLDER until the number-semantics module lands (being written in parallel).
pub mod float_ops {
    pub fn float_repr(x: f64) -> String {
        format!("{x:?}")
    }
}
