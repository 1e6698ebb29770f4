//! `_random`: the Mersenne Twister behind `random.Random`, seeded and drawn exactly as
//! CPython 3.11's `_randommodule.c` does. The generator state lives in a Python list of 625
//! ints (624 words and the index) that `random.Random` keeps as `self._mt`: plain data the
//! collector already understands, and `getstate`/`setstate` come for free.
//!
//! The natives here are installed as methods of `random.Random` (a built-in function found on
//! a class binds like a method), so `rng.random()` is one native call.

use num_bigint::{BigInt, BigUint, Sign};
use sha2::{Digest, Sha512};

use super::add_functions;
use super::mt19937::{Mt19937, N};
use crate::num::int_ops::PyInt;
use crate::runtime::object::{NativeFn, Object};
use crate::runtime::types::ExcKind;
use crate::runtime::value::{ObjRef, Value};
use crate::runtime::vm::Vm;
use crate::runtime::{Kwargs, PyResult};

pub fn install(vm: &mut Vm, dict: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[
        ("random", random),
        ("getrandbits", getrandbits),
        ("_seed_state", seed_state),
        ("_getstate", getstate),
        ("_setstate", setstate),
        ("_randbelow", randbelow),
    ];
    add_functions(vm, dict, fns)
}

/// The state list of a `Random` instance (`self._mt`).
fn state_list(vm: &mut Vm, this: Option<&Value>) -> PyResult<ObjRef> {
    let Some(&this) = this else {
        return vm.err(ExcKind::TypeError, "Random method needs an instance");
    };
    let key = vm.intern_static("_mt");
    let state = vm.getattr(this, key)?;
    match state {
        Value::Obj(r) if matches!(vm.heap.get(r), Object::List(l) if l.len() == N + 1) => Ok(r),
        _ => vm.err(ExcKind::TypeError, "Random instance has no generator state"),
    }
}

fn word(v: Value) -> u32 {
    match v {
        Value::Int(i) => i as u32,
        _ => 0,
    }
}

fn load(items: &[Value]) -> Mt19937 {
    let mut mt = Mt19937 {
        state: [0; N],
        index: N,
    };
    for (dst, &src) in mt.state.iter_mut().zip(items) {
        *dst = word(src);
    }
    mt.index = match items[N] {
        Value::Int(i) if (0..=N as i64).contains(&i) => i as usize,
        _ => N,
    };
    mt
}

fn store(mt: &Mt19937, items: &mut [Value]) {
    for (dst, &src) in items.iter_mut().zip(mt.state.iter()) {
        *dst = Value::Int(src as i64);
    }
    items[N] = Value::Int(mt.index as i64);
}

/// Runs `f` over the generator stored in a state list. Draws touch one word each; only the
/// twist, every 624 draws, needs the whole state, so only the words are copied in and out.
fn with_generator<T>(vm: &mut Vm, list: ObjRef, f: impl FnOnce(&mut Mt19937) -> T) -> T {
    let Object::List(items) = vm.heap.get_mut(list) else {
        unreachable!("state_list checked the layout")
    };
    let mut mt = load(items);
    let r = f(&mut mt);
    store(&mt, items);
    r
}

/// One tempered draw straight from the state list (the fast path of `random()`).
fn draw_in_place(items: &mut [Value]) -> u32 {
    let index = match items[N] {
        Value::Int(i) if (0..N as i64).contains(&i) => i as usize,
        _ => {
            let mut mt = load(items);
            mt.index = N;
            let first = mt.next_u32();
            store(&mt, items);
            return first;
        }
    };
    items[N] = Value::Int(index as i64 + 1);
    Mt19937::temper(word(items[index]))
}

fn random(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.len() != 1 {
        let msg = format!("random() takes no arguments ({} given)", args.len() - 1);
        return vm.err(ExcKind::TypeError, msg);
    }
    let list = state_list(vm, args.first())?;
    let Object::List(items) = vm.heap.get_mut(list) else {
        unreachable!("state_list checked the layout")
    };
    let a = draw_in_place(items) >> 5;
    let b = draw_in_place(items) >> 6;
    Ok(Value::Float(
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0),
    ))
}

fn bits_to_value(vm: &mut Vm, words: &[u32]) -> Value {
    let n = BigUint::from_slice(words);
    vm.from_pyint(PyInt::from_bigint(BigInt::from_biguint(Sign::Plus, n)))
}

fn bit_count_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Float(_) => vm.err(
            ExcKind::TypeError,
            "'float' object cannot be interpreted as an integer",
        ),
        _ => match vm.to_pyint(vm.base_value(v)) {
            Some(PyInt::Small(k)) => Ok(k),
            Some(PyInt::Big(_)) => vm.err(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ),
            None => {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                );
                vm.err(ExcKind::TypeError, msg)
            }
        },
    }
}

fn getrandbits(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.len() != 2 {
        let msg = format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        );
        return vm.err(ExcKind::TypeError, msg);
    }
    let list = state_list(vm, args.first())?;
    let k = bit_count_arg(vm, args[1])?;
    if k < 0 {
        return vm.err(ExcKind::ValueError, "number of bits must be non-negative");
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let Object::List(items) = vm.heap.get_mut(list) else {
            unreachable!("state_list checked the layout")
        };
        return Ok(Value::Int((draw_in_place(items) >> (32 - k)) as i64));
    }
    let words = with_generator(vm, list, |mt| mt.random_words(k as u64));
    Ok(bits_to_value(vm, &words))
}

/// `Random._randbelow(n)`: CPython's `_randbelow_with_getrandbits`, natively (it is the core
/// of `randrange`, `choice` and `shuffle`).
fn randbelow(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.len() != 2 {
        return vm.err(
            ExcKind::TypeError,
            "_randbelow() takes exactly one argument",
        );
    }
    let list = state_list(vm, args.first())?;
    let Some(n) = vm.to_pyint(vm.base_value(args[1])) else {
        let msg = format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(args[1])
        );
        return vm.err(ExcKind::TypeError, msg);
    };
    match n {
        PyInt::Small(n) if n <= 0 => Ok(Value::Int(0)),
        PyInt::Small(n) if n <= 1 << 32 => {
            let n = n as u64;
            let k = 64 - n.leading_zeros();
            let Object::List(items) = vm.heap.get_mut(list) else {
                unreachable!("state_list checked the layout")
            };
            loop {
                let r = if k == 33 {
                    // 2**32 needs 33 bits: two draws, as getrandbits(33) takes them.
                    let lo = draw_in_place(items) as u64;
                    let hi = (draw_in_place(items) >> 31) as u64;
                    lo | (hi << 32)
                } else {
                    (draw_in_place(items) >> (32 - k)) as u64
                };
                if r < n {
                    return Ok(Value::Int(r as i64));
                }
            }
        }
        n => {
            let n = n.to_bigint();
            let k = n.bits();
            let r = with_generator(vm, list, |mt| {
                loop {
                    let words = mt.random_words(k);
                    let r = BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&words));
                    if r < n {
                        return r;
                    }
                }
            });
            Ok(vm.from_pyint(PyInt::from_bigint(r)))
        }
    }
}

/// The key `init_by_array` gets for a seed: the 32-bit words of |n|, least significant first.
fn int_key(n: &BigInt) -> Vec<u32> {
    let words = n.magnitude().to_u32_digits();
    if words.is_empty() { vec![0] } else { words }
}

/// A seed from the clock and the process id, for `seed(None)`. CPython reads the OS entropy
/// source; only unpredictability matters here, never reproducibility.
fn entropy_key() -> Vec<u32> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let pid = std::process::id();
    vec![
        nanos as u32,
        (nanos >> 32) as u32,
        (nanos >> 64) as u32,
        pid,
    ]
}

/// `_seed_state(self, a)`: seeds `self._mt` from None, an int, a str (CPython 3.11's
/// version-2 seeding: the UTF-8 bytes followed by their SHA-512, read as a big-endian int),
/// or any other hashable object (by its hash, as `_random.Random.seed` does).
fn seed_state(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.len() != 2 {
        return vm.err(
            ExcKind::TypeError,
            "_seed_state() takes exactly one argument",
        );
    }
    let list = state_list(vm, args.first())?;
    let a = args[1];
    let key = match a {
        Value::None => entropy_key(),
        Value::Int(_) => int_key(&vm.to_pyint(a).expect("int").to_bigint()),
        Value::Obj(r) if matches!(vm.heap.get(r), Object::BigInt(_)) => {
            int_key(&vm.to_pyint(a).expect("int").to_bigint())
        }
        _ => match vm.as_str(a) {
            Some(s) => {
                let mut bytes = s.as_bytes().to_vec();
                let digest = Sha512::digest(&bytes);
                bytes.extend_from_slice(&digest);
                int_key(&BigInt::from_bytes_be(Sign::Plus, &bytes))
            }
            None => {
                // CPython converts the hash to size_t, so negative hashes wrap.
                let h = vm.hash(a)? as u64;
                int_key(&BigInt::from(h))
            }
        },
    };
    let mut mt = Mt19937::default();
    mt.init_by_array(&key);
    let Object::List(items) = vm.heap.get_mut(list) else {
        unreachable!("state_list checked the layout")
    };
    store(&mt, items);
    Ok(Value::None)
}

fn getstate(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let list = state_list(vm, args.first())?;
    let Object::List(items) = vm.heap.get(list) else {
        unreachable!("state_list checked the layout")
    };
    let items = items.clone();
    Ok(vm.new_tuple(items))
}

fn setstate(vm: &mut Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    if args.len() != 2 {
        return vm.err(ExcKind::TypeError, "_setstate() takes exactly one argument");
    }
    let list = state_list(vm, args.first())?;
    let state = match args[1] {
        Value::Obj(r) => match vm.heap.get(r) {
            Object::Tuple(t) => Some(t.to_vec()),
            _ => None,
        },
        _ => None,
    };
    let Some(state) = state else {
        return vm.err(ExcKind::TypeError, "state vector must be a tuple");
    };
    if state.len() != N + 1 {
        return vm.err(ExcKind::ValueError, "state vector is the wrong size");
    }
    let mut words = Vec::with_capacity(N + 1);
    for &v in &state {
        match vm.to_pyint(v) {
            Some(PyInt::Small(i)) if (0..=u32::MAX as i64).contains(&i) => words.push(i),
            _ => return vm.err(ExcKind::ValueError, "invalid state"),
        }
    }
    if words[N] > N as i64 {
        return vm.err(ExcKind::ValueError, "invalid state");
    }
    let Object::List(items) = vm.heap.get_mut(list) else {
        unreachable!("state_list checked the layout")
    };
    for (dst, w) in items.iter_mut().zip(words) {
        *dst = Value::Int(w);
    }
    Ok(Value::None)
}
