//! An `array.array`'s items in a typed buffer: one machine value per item (8 bytes for `d`,
//! one for `b`), as CPython's `arrayobject` keeps them, so `tobytes` is the memory itself.

/// The type codes CPython 3.11 accepts, in `array.typecodes` order.
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// An item converted and range-checked for its array, ready to store; also what reading an
/// item gives before it becomes a Python value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    Int(i64),
    UInt(u64),
    Float(f64),
    /// A `u` item: a code point (wchar_t is 4 bytes on the platforms CPython's tests run).
    Char(u32),
}

/// The typed buffer. `l`/`q` and `L`/`Q` share a representation (C long is 64 bits here).
#[derive(Clone, Debug)]
pub enum Storage {
    I8(Vec<i8>),
    U8(Vec<u8>),
    I16(Vec<i16>),
    U16(Vec<u16>),
    I32(Vec<i32>),
    U32(Vec<u32>),
    I64(Vec<i64>),
    U64(Vec<u64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
    Char(Vec<u32>),
}

/// Runs `$body` with `$v` bound to the storage's vector and `$T` to its item type.
macro_rules! with_vec {
    ($s:expr, $v:ident, $T:ident => $body:expr) => {
        match $s {
            Storage::I8($v) => {
                #[allow(dead_code)]
                type $T = i8;
                $body
            }
            Storage::U8($v) => {
                #[allow(dead_code)]
                type $T = u8;
                $body
            }
            Storage::I16($v) => {
                #[allow(dead_code)]
                type $T = i16;
                $body
            }
            Storage::U16($v) => {
                #[allow(dead_code)]
                type $T = u16;
                $body
            }
            Storage::I32($v) => {
                #[allow(dead_code)]
                type $T = i32;
                $body
            }
            Storage::U32($v) => {
                #[allow(dead_code)]
                type $T = u32;
                $body
            }
            Storage::I64($v) => {
                #[allow(dead_code)]
                type $T = i64;
                $body
            }
            Storage::U64($v) => {
                #[allow(dead_code)]
                type $T = u64;
                $body
            }
            Storage::F32($v) => {
                #[allow(dead_code)]
                type $T = f32;
                $body
            }
            Storage::F64($v) => {
                #[allow(dead_code)]
                type $T = f64;
                $body
            }
            Storage::Char($v) => {
                #[allow(dead_code)]
                type $T = u32;
                $body
            }
        }
    };
}

/// Runs `$body` with both storages' vectors when they have the same representation, else
/// evaluates `$other`.
macro_rules! with_pair {
    ($a:expr, $b:expr, $x:ident, $y:ident => $body:expr, else $other:expr) => {
        match ($a, $b) {
            (Storage::I8($x), Storage::I8($y)) => $body,
            (Storage::U8($x), Storage::U8($y)) => $body,
            (Storage::I16($x), Storage::I16($y)) => $body,
            (Storage::U16($x), Storage::U16($y)) => $body,
            (Storage::I32($x), Storage::I32($y)) => $body,
            (Storage::U32($x), Storage::U32($y)) => $body,
            (Storage::I64($x), Storage::I64($y)) => $body,
            (Storage::U64($x), Storage::U64($y)) => $body,
            (Storage::F32($x), Storage::F32($y)) => $body,
            (Storage::F64($x), Storage::F64($y)) => $body,
            (Storage::Char($x), Storage::Char($y)) => $body,
            _ => $other,
        }
    };
}

/// A storage of the same variant holding `$body`, a vector made from `$v`.
macro_rules! map_vec {
    ($s:expr, $v:ident => $body:expr) => {
        match $s {
            Storage::I8($v) => Storage::I8($body),
            Storage::U8($v) => Storage::U8($body),
            Storage::I16($v) => Storage::I16($body),
            Storage::U16($v) => Storage::U16($body),
            Storage::I32($v) => Storage::I32($body),
            Storage::U32($v) => Storage::U32($body),
            Storage::I64($v) => Storage::I64($body),
            Storage::U64($v) => Storage::U64($body),
            Storage::F32($v) => Storage::F32($body),
            Storage::F64($v) => Storage::F64($body),
            Storage::Char($v) => Storage::Char($body),
        }
    };
}

/// An `array.array`: its type code and items.
#[derive(Clone, Debug)]
pub struct PyArray {
    pub code: u8,
    pub data: Storage,
}

impl PyArray {
    /// An empty array of type code `code`; `None` for a code CPython rejects.
    pub fn new(code: char) -> Option<PyArray> {
        let data = match code {
            'b' => Storage::I8(Vec::new()),
            'B' => Storage::U8(Vec::new()),
            'u' => Storage::Char(Vec::new()),
            'h' => Storage::I16(Vec::new()),
            'H' => Storage::U16(Vec::new()),
            'i' => Storage::I32(Vec::new()),
            'I' => Storage::U32(Vec::new()),
            'l' | 'q' => Storage::I64(Vec::new()),
            'L' | 'Q' => Storage::U64(Vec::new()),
            'f' => Storage::F32(Vec::new()),
            'd' => Storage::F64(Vec::new()),
            _ => return None,
        };
        Some(PyArray {
            code: code as u8,
            data,
        })
    }

    pub fn typecode(&self) -> char {
        self.code as char
    }

    pub fn itemsize(&self) -> usize {
        with_vec!(&self.data, _v, T => std::mem::size_of::<T>())
    }

    #[inline]
    pub fn len(&self) -> usize {
        with_vec!(&self.data, v, _T => v.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the items take (what the heap accounts for).
    pub fn byte_len(&self) -> usize {
        self.len() * self.itemsize()
    }

    /// Item `i` (in range).
    #[inline]
    pub fn get(&self, i: usize) -> Scalar {
        match &self.data {
            Storage::F64(v) => Scalar::Float(v[i]),
            Storage::F32(v) => Scalar::Float(v[i] as f64),
            Storage::I8(v) => Scalar::Int(v[i] as i64),
            Storage::U8(v) => Scalar::Int(v[i] as i64),
            Storage::I16(v) => Scalar::Int(v[i] as i64),
            Storage::U16(v) => Scalar::Int(v[i] as i64),
            Storage::I32(v) => Scalar::Int(v[i] as i64),
            Storage::U32(v) => Scalar::Int(v[i] as i64),
            Storage::I64(v) => Scalar::Int(v[i]),
            Storage::U64(v) => Scalar::UInt(v[i]),
            Storage::Char(v) => Scalar::Char(v[i]),
        }
    }

    /// Stores an item converted for this array's type code (range already checked).
    #[inline]
    pub fn set(&mut self, i: usize, x: Scalar) {
        with_vec!(&mut self.data, v, T => v[i] = cast::<T>(x))
    }

    pub fn push(&mut self, x: Scalar) {
        with_vec!(&mut self.data, v, T => v.push(cast::<T>(x)))
    }

    pub fn insert(&mut self, i: usize, x: Scalar) {
        with_vec!(&mut self.data, v, T => v.insert(i, cast::<T>(x)))
    }

    pub fn remove(&mut self, i: usize) {
        with_vec!(&mut self.data, v, _T => {
            v.remove(i);
        })
    }

    pub fn reverse(&mut self) {
        with_vec!(&mut self.data, v, _T => v.reverse())
    }

    /// Room for `n` more items; `false` when the allocator refuses.
    pub fn try_reserve(&mut self, n: usize) -> bool {
        with_vec!(&mut self.data, v, _T => v.try_reserve(n).is_ok())
    }

    /// An empty array of the same type code.
    pub fn empty_like(&self) -> PyArray {
        PyArray::new(self.typecode()).expect("a valid type code")
    }

    /// The items at `positions`, as a new array of the same type code.
    pub fn select(&self, positions: impl Iterator<Item = usize>) -> PyArray {
        let data = map_vec!(&self.data, v => positions.map(|i| v[i]).collect());
        PyArray {
            code: self.code,
            data,
        }
    }

    /// Appends `other`'s items; `false` if its representation differs (callers check type
    /// codes first).
    pub fn extend_same(&mut self, other: &PyArray) -> bool {
        with_pair!(&mut self.data, &other.data, x, y => {
            x.extend_from_slice(y);
            true
        }, else false)
    }

    /// Replaces items `start..start + count` with `other`'s (same representation).
    pub fn splice_same(&mut self, start: usize, count: usize, other: &PyArray) -> bool {
        with_pair!(&mut self.data, &other.data, x, y => {
            x.splice(start..start + count, y.iter().copied());
            true
        }, else false)
    }

    /// Stores `other`'s items at `positions` (same representation and count).
    pub fn assign_same(&mut self, positions: impl Iterator<Item = usize>, other: &PyArray) -> bool {
        with_pair!(&mut self.data, &other.data, x, y => {
            for (i, &item) in positions.zip(y.iter()) {
                x[i] = item;
            }
            true
        }, else false)
    }

    /// Keeps the items whose index `doomed` does not name.
    pub fn delete(&mut self, doomed: impl Fn(usize) -> bool) {
        with_vec!(&mut self.data, v, _T => {
            let mut i = 0;
            v.retain(|_| {
                let keep = !doomed(i);
                i += 1;
                keep
            });
        })
    }

    /// The items repeated `n` times; `None` if that cannot be allocated.
    pub fn repeated(&self, n: usize) -> Option<PyArray> {
        let total = self.len().checked_mul(n)?;
        let data = map_vec!(&self.data, v => {
            let mut out = Vec::new();
            out.try_reserve_exact(total).ok()?;
            for _ in 0..n {
                out.extend_from_slice(v);
            }
            out
        });
        Some(PyArray {
            code: self.code,
            data,
        })
    }

    /// The machine representation of the items (`tobytes`).
    pub fn to_bytes(&self) -> Vec<u8> {
        with_vec!(&self.data, v, _T => v.iter().flat_map(|x| x.to_ne_bytes()).collect())
    }

    /// Appends items from their machine representation (`frombytes`); the length must be a
    /// multiple of the item size. Code points above U+10FFFF are kept as CPython keeps them.
    pub fn extend_from_bytes(&mut self, bytes: &[u8]) {
        with_vec!(&mut self.data, v, T => {
            let size = std::mem::size_of::<T>();
            v.extend(
                bytes
                    .chunks_exact(size)
                    .map(|c| T::from_ne_bytes(c.try_into().expect("chunk of item size"))),
            );
        })
    }

    /// Reverses the bytes of every item (`byteswap`).
    pub fn byteswap(&mut self) {
        let size = self.itemsize();
        let mut bytes = self.to_bytes();
        for chunk in bytes.chunks_exact_mut(size) {
            chunk.reverse();
        }
        with_vec!(&mut self.data, v, _T => v.clear());
        self.extend_from_bytes(&bytes);
    }
}

/// An item type's conversion from a checked [`Scalar`].
pub trait Item: Copy {
    fn from_scalar(x: Scalar) -> Self;
}

macro_rules! int_item {
    ($($t:ty),*) => {$(
        impl Item for $t {
            #[inline]
            fn from_scalar(x: Scalar) -> Self {
                match x {
                    Scalar::Int(i) => i as $t,
                    Scalar::UInt(u) => u as $t,
                    Scalar::Float(f) => f as $t,
                    Scalar::Char(c) => c as $t,
                }
            }
        }
    )*};
}
int_item!(i8, u8, i16, u16, i32, u32, i64, u64);

impl Item for f64 {
    #[inline]
    fn from_scalar(x: Scalar) -> Self {
        match x {
            Scalar::Float(f) => f,
            Scalar::Int(i) => i as f64,
            Scalar::UInt(u) => u as f64,
            Scalar::Char(c) => c as f64,
        }
    }
}

impl Item for f32 {
    #[inline]
    fn from_scalar(x: Scalar) -> Self {
        f64::from_scalar(x) as f32
    }
}

#[inline]
fn cast<T: Item>(x: Scalar) -> T {
    T::from_scalar(x)
}
