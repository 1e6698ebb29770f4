use super::codes::{all_codes, code_hash};
use crate::compiler::compile_module;
use crate::runtime::dict::{Entry, PyDict};
use crate::runtime::value::Value;

fn keys(d: &PyDict) -> Vec<i64> {
    d.iter()
        .map(|e| match e.key {
            Value::Int(i) => i,
            _ => unreachable!(),
        })
        .collect()
}

/// A set's iteration order is its slot table's, which depends on its history (deletions,
/// resizes): the raw parts bring back exactly that table, not just the keys.
#[test]
fn a_set_table_comes_back_with_its_iteration_order_and_lookups() {
    let mut set = PyDict::new_set();
    for i in [5i64, 13, 21, 1, 9, 100, 7, 3, 64, 2] {
        set.insert_new(i, Value::Int(i), Value::None);
    }
    for i in [13i64, 100] {
        let slot = set
            .find(i, |k| matches!(k, Value::Int(j) if j == i))
            .unwrap();
        set.remove_at(slot);
    }
    let (entries, order) = set.raw_parts();
    let copy = PyDict::from_raw_parts(entries.to_vec(), order, set.version).unwrap();
    assert_eq!(keys(&copy), keys(&set));
    assert_eq!(copy.len(), set.len());
    assert_eq!(copy.version, set.version);
    for i in [5i64, 21, 64] {
        assert!(
            copy.find(i, |k| matches!(k, Value::Int(j) if j == i))
                .is_some()
        );
    }
    assert!(copy.find(13, |k| matches!(k, Value::Int(13))).is_none());
    // Deleted entries stay deleted, and the copy keeps working like the original.
    let mut copy = copy;
    let mut set = set;
    for d in [&mut copy, &mut set] {
        d.insert_new(77, Value::Int(77), Value::None);
    }
    assert_eq!(keys(&copy), keys(&set));
}

#[test]
fn a_set_table_that_does_not_fit_its_entries_is_rejected() {
    let mut set = PyDict::new_set();
    set.insert_new(1, Value::Int(1), Value::None);
    let (entries, order) = set.raw_parts();
    let mut order = order.unwrap();
    order.table = vec![7; 8];
    assert!(PyDict::from_raw_parts(entries.to_vec(), Some(order), 0).is_none());
    let entry = Entry {
        hash: 1,
        key: Value::Int(1),
        value: Value::None,
    };
    let (_, order) = set.raw_parts();
    assert!(PyDict::from_raw_parts(vec![entry, entry], order, 0).is_none());
}

#[test]
fn code_hashes_are_stable_and_see_every_change() {
    let src = "def f(a):\n    return a + 1\n\ndef g():\n    return 2\n";
    let hashes = |s: &str| -> Vec<(String, String)> {
        all_codes(&compile_module(s, "m.py").unwrap())
            .into_iter()
            .map(|(c, h)| (c.qualname.to_string(), h))
            .collect()
    };
    let base = hashes(src);
    assert_eq!(base, hashes(src), "same source, same hashes");
    assert_eq!(base.len(), 3, "module, f, g");
    // Another constant changes f (and the module holding f's code) but not g.
    let changed = hashes(&src.replace("a + 1", "a + 2"));
    let by_name =
        |v: &[(String, String)], n: &str| v.iter().find(|(q, _)| q == n).unwrap().1.clone();
    assert_ne!(by_name(&base, "f"), by_name(&changed, "f"));
    assert_eq!(by_name(&base, "g"), by_name(&changed, "g"));
    // A shifted line changes the line table, so the hash.
    let shifted = hashes(&format!("\n{src}"));
    assert_ne!(by_name(&base, "g"), by_name(&shifted, "g"));
    // The file name is not part of the identity.
    let module = compile_module(src, "elsewhere.py").unwrap();
    assert_eq!(code_hash(&module), by_name(&base, "<module>"));
}
