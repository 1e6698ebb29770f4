//! The built-in types and exception classes, created once per VM. Both are ordinary type
//! objects in the heap, so `type(x)`, `isinstance` and subclassing treat them like user classes.

use super::object::Layout;
use super::value::ObjRef;

macro_rules! builtin_types {
    ($( $field:ident: $name:literal, $layout:ident; )*) => {
        /// Handles of the built-in types.
        #[derive(Clone, Copy, Debug)]
        pub struct Types { $( pub $field: ObjRef, )* }

        /// `(field name, Python name, layout)` for each built-in type, `object` first.
        pub const BUILTIN_TYPES: &[(&str, &str, Layout)] = &[
            $( (stringify!($field), $name, Layout::$layout), )*
        ];

        impl Types {
            /// Builds the table from handles in [`BUILTIN_TYPES`] order.
            pub fn from_handles(handles: &[ObjRef]) -> Types {
                let mut it = handles.iter().copied();
                Types { $( $field: it.next().expect("one handle per built-in type"), )* }
            }
        }
    };
}

builtin_types! {
    object: "object", Object;
    type_: "type", Type;
    none: "NoneType", None;
    bool_: "bool", Bool;
    int: "int", Int;
    float: "float", Float;
    str_: "str", Str;
    list: "list", List;
    tuple: "tuple", Tuple;
    dict: "dict", Dict;
    set: "set", Set;
    frozenset: "frozenset", FrozenSet;
    function: "function", Function;
    builtin_function: "builtin_function_or_method", BuiltinFunction;
    method: "method", Method;
    cell: "cell", Cell;
    generator: "generator", Generator;
    coroutine: "coroutine", Generator;
    async_generator: "async_generator", Generator;
    // The awaitables over coroutines and async generators (`Object::AwaitOp`).
    coroutine_wrapper: "coroutine_wrapper", Iterator;
    async_generator_asend: "async_generator_asend", Iterator;
    async_generator_athrow: "async_generator_athrow", Iterator;
    module: "module", Module;
    range: "range", Range;
    slice: "slice", Slice;
    iterator: "iterator", Iterator;
    dict_keys: "dict_keys", DictView;
    dict_values: "dict_values", DictView;
    dict_items: "dict_items", DictView;
    code: "code", Code;
    staticmethod: "staticmethod", StaticMethod;
    classmethod: "classmethod", ClassMethod;
    property: "property", Property;
    not_implemented: "NotImplementedType", NotImplemented;
    ellipsis: "ellipsis", Ellipsis;
    bytes: "bytes", Bytes;
    bytearray: "bytearray", ByteArray;
    array: "array", Array;
    deque: "deque", Deque;
    member_descriptor: "member_descriptor", MemberDescriptor;
    frame: "frame", Frame;
    frame_locals_proxy: "FrameLocalsProxy", FrameLocals;
    traceback: "traceback", Traceback;
    // The iterator types CPython names separately; all share `iterator`'s methods.
    it_list_iterator: "list_iterator", Iterator;
    it_tuple_iterator: "tuple_iterator", Iterator;
    it_str_ascii_iterator: "str_ascii_iterator", Iterator;
    it_str_iterator: "str_iterator", Iterator;
    it_range_iterator: "range_iterator", Iterator;
    it_dict_keyiterator: "dict_keyiterator", Iterator;
    it_dict_valueiterator: "dict_valueiterator", Iterator;
    it_dict_itemiterator: "dict_itemiterator", Iterator;
    it_set_iterator: "set_iterator", Iterator;
    it_bytes_iterator: "bytes_iterator", Iterator;
    it_bytearray_iterator: "bytearray_iterator", Iterator;
    it_enumerate: "enumerate", Iterator;
    it_zip: "zip", Iterator;
    it_map: "map", Iterator;
    it_filter: "filter", Iterator;
    it_list_reverseiterator: "list_reverseiterator", Iterator;
    it_reversed: "reversed", Iterator;
    it_callable_iterator: "callable_iterator", Iterator;
    it_deque_iterator: "_deque_iterator", Iterator;
    it_deque_reverse_iterator: "_deque_reverse_iterator", Iterator;
}

macro_rules! exception_kinds {
    ($( $kind:ident: $base:ident; )*) => {
        /// The built-in exception classes, by the name Rust code raises them with.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ExcKind { $( $kind, )* }

        /// `(kind, base kind)` in an order where every base precedes its subclasses.
        pub const EXCEPTION_TREE: &[(ExcKind, ExcKind)] = &[ $( (ExcKind::$kind, ExcKind::$base), )* ];

        impl Types {
    /// The specific iterator types (`list_iterator`, `zip`, ...).
    pub fn iterator_kinds(&self) -> [ObjRef; 20] {
        [
            self.it_list_iterator,
            self.it_tuple_iterator,
            self.it_str_ascii_iterator,
            self.it_str_iterator,
            self.it_range_iterator,
            self.it_dict_keyiterator,
            self.it_dict_valueiterator,
            self.it_dict_itemiterator,
            self.it_set_iterator,
            self.it_bytes_iterator,
            self.it_bytearray_iterator,
            self.it_enumerate,
            self.it_zip,
            self.it_map,
            self.it_filter,
            self.it_list_reverseiterator,
            self.it_reversed,
            self.it_callable_iterator,
            self.it_deque_iterator,
            self.it_deque_reverse_iterator,
        ]
    }
}

impl ExcKind {
            pub const fn name(self) -> &'static str {
                match self { $( ExcKind::$kind => stringify!($kind), )* }
            }
        }
    };
}

exception_kinds! {
    BaseException: BaseException;
    SystemExit: BaseException;
    KeyboardInterrupt: BaseException;
    GeneratorExit: BaseException;
    Exception: BaseException;
    StopIteration: Exception;
    StopAsyncIteration: Exception;
    ArithmeticError: Exception;
    FloatingPointError: ArithmeticError;
    OverflowError: ArithmeticError;
    ZeroDivisionError: ArithmeticError;
    AssertionError: Exception;
    AttributeError: Exception;
    BufferError: Exception;
    EOFError: Exception;
    ImportError: Exception;
    ModuleNotFoundError: ImportError;
    LookupError: Exception;
    IndexError: LookupError;
    KeyError: LookupError;
    MemoryError: Exception;
    NameError: Exception;
    UnboundLocalError: NameError;
    OSError: Exception;
    ConnectionError: OSError;
    BrokenPipeError: ConnectionError;
    TimeoutError: OSError;
    RuntimeError: Exception;
    NotImplementedError: RuntimeError;
    RecursionError: RuntimeError;
    SyntaxError: Exception;
    SystemError: Exception;
    TypeError: Exception;
    ValueError: Exception;
    UnicodeError: ValueError;
    UnicodeDecodeError: UnicodeError;
    UnicodeEncodeError: UnicodeError;
}

impl ExcKind {
    pub fn index(self) -> usize {
        EXCEPTION_TREE
            .iter()
            .position(|&(k, _)| k == self)
            .unwrap_or(0)
    }
}
