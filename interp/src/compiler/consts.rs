//! `co_consts` under construction: constants in first-use order, deduplicated through a hash
//! index so that adding one costs the same however many there are (a function with 70,000
//! literals compiled in quadratic time with a linear search).

use std::collections::HashMap;

use crate::code::Constant;

#[derive(Default)]
pub(crate) struct ConstPool {
    items: Vec<Constant>,
    index: HashMap<Constant, u32>,
}

impl ConstPool {
    /// The index of `constant`, added at the end if it is new (equal as `Constant`'s
    /// `PartialEq` says: by type and value).
    pub(crate) fn add(&mut self, constant: Constant) -> u32 {
        if let Some(&i) = self.index.get(&constant) {
            return i;
        }
        let i = self.items.len() as u32;
        self.items.push(constant.clone());
        self.index.insert(constant, i);
        i
    }

    pub(crate) fn get(&self, index: usize) -> Option<&Constant> {
        self.items.get(index)
    }

    /// Drops the constants from `len` on.
    pub(crate) fn truncate(&mut self, len: usize) {
        if len < self.items.len() {
            self.items.truncate(len);
            self.index.retain(|_, &mut i| (i as usize) < len);
        }
    }

    pub(crate) fn into_vec(self) -> Vec<Constant> {
        self.items
    }
}
