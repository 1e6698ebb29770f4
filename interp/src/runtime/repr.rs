//! `repr()`, `str()` and `format()` of values. (Being written.)

use super::PyResult;
use super::value::Value;
use super::vm::Vm;

impl Vm {
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        Ok(format!("{v:?}"))
    }

    pub fn str(&mut self, v: Value) -> PyResult<String> {
        if let Some(s) = self.as_str(v) {
            return Ok(s.to_string());
        }
        self.repr(v)
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: Value, _spec: &str) -> PyResult<String> {
        self.str(v)
    }
}
