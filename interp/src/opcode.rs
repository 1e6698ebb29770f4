//! The opcode table: the single source of truth for every instruction.
//!
//! Everything else — the `Opcode` enum, names, operand kinds, stack effects, jump flags, predicted
//! successors, the compiler's stack-depth analysis, `dis`, every dispatch loop's handler table — is
//! generated from the one list in [`for_each_opcode!`]. Add an opcode by adding one line there.
//!
//! Names and numbers are CPython 3.10's, so `rceval dis`, lltrace lines and DXP reports read like
//! CPython's. Jump operands count instructions (CPython 3.10 too); `dis` prints byte offsets.

/// What an opcode's argument means; drives `dis` and the compiler's jump fix-ups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// No argument (the oparg is ignored, as in CPython's opcodes below `HAVE_ARGUMENT`).
    None,
    /// An index into `co_consts`.
    Const,
    /// An index into `co_names`.
    Name,
    /// An index into `co_varnames`.
    Local,
    /// An index into cell variables followed by free variables.
    Free,
    /// An absolute jump target, in instructions.
    JumpAbs,
    /// A jump target relative to the next instruction, in instructions.
    JumpRel,
    /// A comparison operator index into [`COMPARE_OPS`].
    Compare,
    /// A count or flag word whose meaning is the opcode's own.
    Raw,
}

/// The operator names `COMPARE_OP`'s argument selects, as CPython's `dis.cmp_op`.
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `FORMAT_VALUE` flags, as CPython's `FVC_*` / `FVS_*`.
pub const FVC_MASK: u32 = 0x3;
pub const FVC_STR: u32 = 0x1;
pub const FVC_REPR: u32 = 0x2;
pub const FVC_ASCII: u32 = 0x3;
pub const FVS_HAVE_SPEC: u32 = 0x4;

/// `MAKE_FUNCTION` flags, as CPython 3.10's.
pub const MAKE_DEFAULTS: u32 = 0x01;
pub const MAKE_KWDEFAULTS: u32 = 0x02;
pub const MAKE_ANNOTATIONS: u32 = 0x04;
pub const MAKE_CLOSURE: u32 = 0x08;

/// Calls the given macro with the whole opcode table.
///
/// Each row: `Variant = number, "CPYTHON_NAME", operand kind, |oparg, jump| stack effect,
/// [predicted successors];` — one line per opcode, the semantics in the `///` line above it.
/// The stack effect takes the oparg and whether the jump is taken (CPython's
/// `stack_effect(opcode, oparg, jump)`); predicted successors are what the `predict` dispatch
/// strategy peeks for after this opcode.
#[macro_export]
macro_rules! for_each_opcode {
    ($m:ident) => {
        $m! {
            /// `x ->` drop the top of the stack.
            PopTop = 1, "POP_TOP", None, |_a, _j| -1, [];
            /// `a b -> b a`.
            RotTwo = 2, "ROT_TWO", None, |_a, _j| 0, [];
            /// `a b c -> c a b`.
            RotThree = 3, "ROT_THREE", None, |_a, _j| 0, [];
            /// `x -> x x`.
            DupTop = 4, "DUP_TOP", None, |_a, _j| 1, [];
            /// `a b -> a b a b`.
            DupTopTwo = 5, "DUP_TOP_TWO", None, |_a, _j| 2, [];
            /// `a b c d -> d a b c`.
            RotFour = 6, "ROT_FOUR", None, |_a, _j| 0, [];
            /// Does nothing.
            Nop = 9, "NOP", None, |_a, _j| 0, [];
            /// `x -> +x`.
            UnaryPositive = 10, "UNARY_POSITIVE", None, |_a, _j| 0, [];
            /// `x -> -x`.
            UnaryNegative = 11, "UNARY_NEGATIVE", None, |_a, _j| 0, [];
            /// `x -> not x`.
            UnaryNot = 12, "UNARY_NOT", None, |_a, _j| 0, [];
            /// `x -> ~x`.
            UnaryInvert = 15, "UNARY_INVERT", None, |_a, _j| 0, [];
            /// `a b -> a @ b`.
            BinaryMatrixMultiply = 16, "BINARY_MATRIX_MULTIPLY", None, |_a, _j| -1, [];
            /// `a b -> a @= b`.
            InplaceMatrixMultiply = 17, "INPLACE_MATRIX_MULTIPLY", None, |_a, _j| -1, [];
            /// `a b -> a ** b`.
            BinaryPower = 19, "BINARY_POWER", None, |_a, _j| -1, [];
            /// `a b -> a * b`.
            BinaryMultiply = 20, "BINARY_MULTIPLY", None, |_a, _j| -1, [];
            /// `a b -> a % b`.
            BinaryModulo = 22, "BINARY_MODULO", None, |_a, _j| -1, [];
            /// `a b -> a + b`.
            BinaryAdd = 23, "BINARY_ADD", None, |_a, _j| -1, [];
            /// `a b -> a - b`.
            BinarySubtract = 24, "BINARY_SUBTRACT", None, |_a, _j| -1, [];
            /// `container key -> container[key]`.
            BinarySubscr = 25, "BINARY_SUBSCR", None, |_a, _j| -1, [];
            /// `a b -> a // b`.
            BinaryFloorDivide = 26, "BINARY_FLOOR_DIVIDE", None, |_a, _j| -1, [];
            /// `a b -> a / b`.
            BinaryTrueDivide = 27, "BINARY_TRUE_DIVIDE", None, |_a, _j| -1, [];
            /// `a b -> a //= b`.
            InplaceFloorDivide = 28, "INPLACE_FLOOR_DIVIDE", None, |_a, _j| -1, [];
            /// `a b -> a /= b`.
            InplaceTrueDivide = 29, "INPLACE_TRUE_DIVIDE", None, |_a, _j| -1, [];
            /// `exit_fn tb val exc ... -> exit_fn tb val exc ... res`: call `__exit__` with the exception.
            WithExceptStart = 49, "WITH_EXCEPT_START", None, |_a, _j| 1, [];
            /// `aiterable -> aiter`: `type(x).__aiter__(x)`, which must have `__anext__`.
            GetAiter = 50, "GET_AITER", None, |_a, _j| 0, [];
            /// `aiter -> aiter awaitable`: the awaitable `__anext__()` returned.
            GetAnext = 51, "GET_ANEXT", None, |_a, _j| 1, [];
            /// `mgr -> aexit aenter_result`: look up `__aexit__` (bound) and call `__aenter__`.
            BeforeAsyncWith = 52, "BEFORE_ASYNC_WITH", None, |_a, _j| 1, [];
            /// `aiter tb val exc ... ->` on StopAsyncIteration end the loop (popping the except
            /// block and the iterator), else re-raise.
            EndAsyncFor = 54, "END_ASYNC_FOR", None, |_a, _j| -7, [];
            /// `a b -> a += b`.
            InplaceAdd = 55, "INPLACE_ADD", None, |_a, _j| -1, [];
            /// `a b -> a -= b`.
            InplaceSubtract = 56, "INPLACE_SUBTRACT", None, |_a, _j| -1, [];
            /// `a b -> a *= b`.
            InplaceMultiply = 57, "INPLACE_MULTIPLY", None, |_a, _j| -1, [];
            /// `a b -> a %= b`.
            InplaceModulo = 59, "INPLACE_MODULO", None, |_a, _j| -1, [];
            /// `value container key ->` `container[key] = value`.
            StoreSubscr = 60, "STORE_SUBSCR", None, |_a, _j| -3, [];
            /// `container key ->` `del container[key]`.
            DeleteSubscr = 61, "DELETE_SUBSCR", None, |_a, _j| -2, [];
            /// `a b -> a << b`.
            BinaryLshift = 62, "BINARY_LSHIFT", None, |_a, _j| -1, [];
            /// `a b -> a >> b`.
            BinaryRshift = 63, "BINARY_RSHIFT", None, |_a, _j| -1, [];
            /// `a b -> a & b`.
            BinaryAnd = 64, "BINARY_AND", None, |_a, _j| -1, [];
            /// `a b -> a ^ b`.
            BinaryXor = 65, "BINARY_XOR", None, |_a, _j| -1, [];
            /// `a b -> a | b`.
            BinaryOr = 66, "BINARY_OR", None, |_a, _j| -1, [];
            /// `a b -> a **= b`.
            InplacePower = 67, "INPLACE_POWER", None, |_a, _j| -1, [];
            /// `x -> iter(x)`.
            GetIter = 68, "GET_ITER", None, |_a, _j| 0, [ForIter];
            /// `x -> x` if a generator, else `iter(x)` (the operand of `yield from`).
            GetYieldFromIter = 69, "GET_YIELD_FROM_ITER", None, |_a, _j| 0, [];
            /// `x ->` print `repr(x)` if not None (interactive mode only).
            PrintExpr = 70, "PRINT_EXPR", None, |_a, _j| -1, [];
            /// `-> __build_class__`.
            LoadBuildClass = 71, "LOAD_BUILD_CLASS", None, |_a, _j| 1, [];
            /// `iter value -> iter`, yielding: delegate one `send(value)` to the sub-iterator.
            YieldFrom = 72, "YIELD_FROM", None, |_a, _j| -1, [];
            /// `x -> awaitable`: x if a coroutine, else `x.__await__()` (an iterator).
            GetAwaitable = 73, "GET_AWAITABLE", None, |_a, _j| 0, [];
            /// `-> AssertionError`.
            LoadAssertionError = 74, "LOAD_ASSERTION_ERROR", None, |_a, _j| 1, [];
            /// `a b -> a <<= b`.
            InplaceLshift = 75, "INPLACE_LSHIFT", None, |_a, _j| -1, [];
            /// `a b -> a >>= b`.
            InplaceRshift = 76, "INPLACE_RSHIFT", None, |_a, _j| -1, [];
            /// `a b -> a &= b`.
            InplaceAnd = 77, "INPLACE_AND", None, |_a, _j| -1, [];
            /// `a b -> a ^= b`.
            InplaceXor = 78, "INPLACE_XOR", None, |_a, _j| -1, [];
            /// `a b -> a |= b`.
            InplaceOr = 79, "INPLACE_OR", None, |_a, _j| -1, [];
            /// `list -> tuple(list)`.
            ListToTuple = 82, "LIST_TO_TUPLE", None, |_a, _j| 0, [];
            /// `x ->` return x to the caller.
            ReturnValue = 83, "RETURN_VALUE", None, |_a, _j| -1, [];
            /// `module ->` `from module import *`.
            ImportStar = 84, "IMPORT_STAR", None, |_a, _j| -1, [];
            /// `x -> sent`: suspend the generator yielding x.
            YieldValue = 86, "YIELD_VALUE", None, |_a, _j| 0, [];
            /// Pop a block from the block stack.
            PopBlock = 87, "POP_BLOCK", None, |_a, _j| 0, [];
            /// `tb val exc ->` pop an EXCEPT_HANDLER block and restore the previous exception.
            PopExcept = 89, "POP_EXCEPT", None, |_a, _j| -3, [];
            /// `x ->` `name = x` in the local namespace.
            StoreName = 90, "STORE_NAME", Name, |_a, _j| -1, [];
            /// `del name` in the local namespace.
            DeleteName = 91, "DELETE_NAME", Name, |_a, _j| 0, [];
            /// `seq -> seq[n-1] ... seq[0]`.
            UnpackSequence = 92, "UNPACK_SEQUENCE", Raw, |a, _j| a - 1, [];
            /// `iter -> iter next`, or on exhaustion `iter ->` and jump.
            ForIter = 93, "FOR_ITER", JumpRel, |_a, j| if j { -1 } else { 1 }, [StoreFast, UnpackSequence];
            /// `seq -> after... list before...`: starred unpacking (low byte before, high byte after).
            UnpackEx = 94, "UNPACK_EX", Raw, |a, _j| (a & 0xFF) + (a >> 8), [];
            /// `value obj ->` `obj.name = value`.
            StoreAttr = 95, "STORE_ATTR", Name, |_a, _j| -2, [];
            /// `obj ->` `del obj.name`.
            DeleteAttr = 96, "DELETE_ATTR", Name, |_a, _j| -1, [];
            /// `x ->` `name = x` in globals.
            StoreGlobal = 97, "STORE_GLOBAL", Name, |_a, _j| -1, [];
            /// `del name` in globals.
            DeleteGlobal = 98, "DELETE_GLOBAL", Name, |_a, _j| 0, [];
            /// Rotate the top `n` items: the top moves to position n.
            RotN = 99, "ROT_N", Raw, |_a, _j| 0, [];
            /// `-> co_consts[i]`.
            LoadConst = 100, "LOAD_CONST", Const, |_a, _j| 1, [];
            /// `-> name` from locals, then globals, then builtins.
            LoadName = 101, "LOAD_NAME", Name, |_a, _j| 1, [];
            /// `x1..xn -> (x1, ..., xn)`.
            BuildTuple = 102, "BUILD_TUPLE", Raw, |a, _j| 1 - a, [];
            /// `x1..xn -> [x1, ..., xn]`.
            BuildList = 103, "BUILD_LIST", Raw, |a, _j| 1 - a, [];
            /// `x1..xn -> {x1, ..., xn}`.
            BuildSet = 104, "BUILD_SET", Raw, |a, _j| 1 - a, [];
            /// `k1 v1 .. kn vn -> {k1: v1, ...}`.
            BuildMap = 105, "BUILD_MAP", Raw, |a, _j| 1 - 2 * a, [];
            /// `obj -> obj.name`.
            LoadAttr = 106, "LOAD_ATTR", Name, |_a, _j| 0, [];
            /// `a b -> a OP b` for OP in [`COMPARE_OPS`].
            CompareOp = 107, "COMPARE_OP", Compare, |_a, _j| -1, [PopJumpIfFalse, PopJumpIfTrue];
            /// `level fromlist -> module`.
            ImportName = 108, "IMPORT_NAME", Name, |_a, _j| -1, [];
            /// `module -> module module.name`.
            ImportFrom = 109, "IMPORT_FROM", Name, |_a, _j| 1, [];
            /// Jump forward by the argument.
            JumpForward = 110, "JUMP_FORWARD", JumpRel, |_a, _j| 0, [];
            /// `x -> x` and jump if x is false, else `x ->`.
            JumpIfFalseOrPop = 111, "JUMP_IF_FALSE_OR_POP", JumpAbs, |_a, j| if j { 0 } else { -1 }, [];
            /// `x -> x` and jump if x is true, else `x ->`.
            JumpIfTrueOrPop = 112, "JUMP_IF_TRUE_OR_POP", JumpAbs, |_a, j| if j { 0 } else { -1 }, [];
            /// Jump to the argument (a safepoint: loops close with it).
            JumpAbsolute = 113, "JUMP_ABSOLUTE", JumpAbs, |_a, _j| 0, [];
            /// `x ->` and jump if x is false.
            PopJumpIfFalse = 114, "POP_JUMP_IF_FALSE", JumpAbs, |_a, _j| -1, [];
            /// `x ->` and jump if x is true.
            PopJumpIfTrue = 115, "POP_JUMP_IF_TRUE", JumpAbs, |_a, _j| -1, [];
            /// `-> name` from globals, then builtins.
            LoadGlobal = 116, "LOAD_GLOBAL", Name, |_a, _j| 1, [];
            /// `a b -> a is b` (`is not` when the argument is 1).
            IsOp = 117, "IS_OP", Raw, |_a, _j| -1, [PopJumpIfFalse, PopJumpIfTrue];
            /// `a b -> a in b` (`not in` when the argument is 1).
            ContainsOp = 118, "CONTAINS_OP", Raw, |_a, _j| -1, [PopJumpIfFalse, PopJumpIfTrue];
            /// `tb val exc ->` re-raise exc.
            Reraise = 119, "RERAISE", Raw, |_a, _j| -3, [];
            /// `exc type ->` and jump unless exc matches type.
            JumpIfNotExcMatch = 121, "JUMP_IF_NOT_EXC_MATCH", JumpAbs, |_a, _j| -2, [];
            /// Push a SETUP_FINALLY block whose handler is the target (6 values pushed on entry).
            SetupFinally = 122, "SETUP_FINALLY", JumpRel, |_a, j| if j { 6 } else { 0 }, [];
            /// `-> locals[i]`.
            LoadFast = 124, "LOAD_FAST", Local, |_a, _j| 1, [];
            /// `x ->` `locals[i] = x`.
            StoreFast = 125, "STORE_FAST", Local, |_a, _j| -1, [];
            /// `del locals[i]`.
            DeleteFast = 126, "DELETE_FAST", Local, |_a, _j| 0, [];
            /// `x ->` the first value sent into a fresh generator (must be None).
            GenStart = 129, "GEN_START", Raw, |_a, _j| -1, [];
            /// `[exc [cause]] ->` raise (0: re-raise, 1: raise exc, 2: raise exc from cause).
            RaiseVarargs = 130, "RAISE_VARARGS", Raw, |a, _j| -a, [];
            /// `f a1..an -> f(a1, ..., an)`.
            CallFunction = 131, "CALL_FUNCTION", Raw, |a, _j| -a, [];
            /// `[defaults] [kwdefaults] [annotations] [closure] code qualname -> function`.
            MakeFunction = 132, "MAKE_FUNCTION", Raw, |a, _j| -1 - (a & 0xF).count_ones() as i32, [];
            /// `start stop [step] -> slice(start, stop, step)`.
            BuildSlice = 133, "BUILD_SLICE", Raw, |a, _j| if a == 3 { -2 } else { -1 }, [];
            /// `-> cell` (the cell itself, to build a closure).
            LoadClosure = 135, "LOAD_CLOSURE", Free, |_a, _j| 1, [];
            /// `-> cell.contents`.
            LoadDeref = 136, "LOAD_DEREF", Free, |_a, _j| 1, [];
            /// `x ->` `cell.contents = x`.
            StoreDeref = 137, "STORE_DEREF", Free, |_a, _j| -1, [];
            /// Empty the cell.
            DeleteDeref = 138, "DELETE_DEREF", Free, |_a, _j| 0, [];
            /// `f a1..an names -> f(...)`, the last `len(names)` arguments by keyword.
            CallFunctionKw = 141, "CALL_FUNCTION_KW", Raw, |a, _j| -a - 1, [];
            /// `f args [kwargs] -> f(*args, **kwargs)`.
            CallFunctionEx = 142, "CALL_FUNCTION_EX", Raw, |a, _j| -1 - (a & 1) as i32, [];
            /// `mgr -> exit_fn enter_result`, pushing a finally block.
            SetupWith = 143, "SETUP_WITH", JumpRel, |_a, j| if j { 6 } else { 1 }, [];
            /// Prefix: widen the next instruction's argument by 8 bits.
            ExtendedArg = 144, "EXTENDED_ARG", Raw, |_a, _j| 0, [];
            /// `list ... x -> list ...` `list.append(x)` with list at depth `i`.
            ListAppend = 145, "LIST_APPEND", Raw, |_a, _j| -1, [JumpAbsolute];
            /// `set ... x -> set ...` `set.add(x)` with set at depth `i`.
            SetAdd = 146, "SET_ADD", Raw, |_a, _j| -1, [JumpAbsolute];
            /// `dict ... k v -> dict ...` `dict[k] = v` with dict at depth `i`.
            MapAdd = 147, "MAP_ADD", Raw, |_a, _j| -2, [JumpAbsolute];
            /// `-> name` from the class namespace, else the cell (class bodies).
            LoadClassderef = 148, "LOAD_CLASSDEREF", Free, |_a, _j| 1, [];
            /// `x [spec] -> formatted`, conversion in the low bits (see `FVC_*`).
            FormatValue = 155, "FORMAT_VALUE", Raw, |a, _j| if a & 0x4 != 0 { -1 } else { 0 }, [];
            /// `v1..vn keys -> {keys[0]: v1, ...}`.
            BuildConstKeyMap = 156, "BUILD_CONST_KEY_MAP", Raw, |a, _j| -a, [];
            /// `res -> res`, pushing a finally block under res whose handler is the target
            /// (`async with`; on entry the handler finds the 6 exception values instead of res).
            SetupAsyncWith = 154, "SETUP_ASYNC_WITH", JumpRel, |_a, j| if j { 5 } else { 0 }, [];
            /// `s1..sn -> s1 + ... + sn`.
            BuildString = 157, "BUILD_STRING", Raw, |a, _j| 1 - a, [];
            /// `obj -> meth self` for an unbound method, else `obj -> NULL attr`.
            LoadMethod = 160, "LOAD_METHOD", Name, |_a, _j| 1, [];
            /// `meth self a1..an -> result` (or `NULL f a1..an`).
            CallMethod = 161, "CALL_METHOD", Raw, |a, _j| -a - 1, [];
            /// `list ... iterable -> list ...` `list.extend(iterable)`.
            ListExtend = 162, "LIST_EXTEND", Raw, |_a, _j| -1, [];
            /// `set ... iterable -> set ...` `set.update(iterable)`.
            SetUpdate = 163, "SET_UPDATE", Raw, |_a, _j| -1, [];
            /// `dict ... mapping -> dict ...` merge keyword arguments (duplicate keys are errors).
            DictMerge = 164, "DICT_MERGE", Raw, |_a, _j| -1, [];
            /// `dict ... mapping -> dict ...` `dict.update(mapping)`.
            DictUpdate = 165, "DICT_UPDATE", Raw, |_a, _j| -1, [];
        }
    };
}

macro_rules! define_opcodes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $num:literal, $name:literal, $operand:ident,
        |$a:tt, $j:tt| $effect:expr, [$($pred:ident),*]; )*) => {
        /// A CPython-3.10-numbered opcode.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $variant = $num, )*
        }

        /// Every opcode, in numeric order.
        pub const ALL_OPCODES: &[Opcode] = &[ $( Opcode::$variant, )* ];

        const NAMES: [Option<&str>; 256] = {
            let mut names = [None; 256];
            $( names[$num] = Some($name); )*
            names
        };

        const FROM_BYTE: [Option<Opcode>; 256] = {
            let mut ops = [None; 256];
            $( ops[$num] = Some(Opcode::$variant); )*
            ops
        };

        impl Opcode {
            /// CPython's name for the opcode.
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$variant => $name, )* }
            }

            /// What the argument means.
            pub const fn operand(self) -> Operand {
                match self { $( Opcode::$variant => Operand::$operand, )* }
            }

            /// Net stack effect for `oparg`, `jump` telling whether a branch is taken.
            #[allow(clippy::redundant_closure_call)]
            pub fn stack_effect(self, oparg: u32, jump: bool) -> i32 {
                let oparg = oparg as i32;
                match self { $( Opcode::$variant => (|$a: i32, $j: bool| -> i32 { $effect })(oparg, jump), )* }
            }

            /// The opcodes the `predict` strategy checks for after this one.
            pub const fn predicted_successors(self) -> &'static [Opcode] {
                match self { $( Opcode::$variant => &[$(Opcode::$pred),*], )* }
            }
        }
    };
}

for_each_opcode!(define_opcodes);

impl Opcode {
    /// Decodes an opcode byte; `None` for a byte no opcode uses.
    #[inline(always)]
    pub const fn from_byte(byte: u8) -> Option<Opcode> {
        FROM_BYTE[byte as usize]
    }

    /// The name for a raw opcode byte, `<N>` when unused (as CPython's `dis`).
    pub fn name_of_byte(byte: u8) -> String {
        match NAMES[byte as usize] {
            Some(name) => name.to_string(),
            None => format!("<{byte}>"),
        }
    }

    /// Whether the opcode takes an argument (CPython's `HAVE_ARGUMENT` split).
    pub const fn has_arg(self) -> bool {
        self as u8 >= 90
    }

    /// Whether the opcode may transfer control to its argument.
    pub const fn is_jump(self) -> bool {
        matches!(self.operand(), Operand::JumpAbs | Operand::JumpRel)
    }

    /// Whether control never falls through to the next instruction.
    pub const fn is_unconditional_exit(self) -> bool {
        matches!(
            self,
            Opcode::JumpAbsolute
                | Opcode::JumpForward
                | Opcode::ReturnValue
                | Opcode::RaiseVarargs
                | Opcode::Reraise
        )
    }
}

impl std::fmt::Display for Opcode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &op in ALL_OPCODES {
            assert_eq!(Opcode::from_byte(op as u8), Some(op));
            assert!(seen.insert(op.name()), "duplicate name {}", op.name());
            assert_eq!(op.has_arg(), op.operand() != Operand::None, "{op}");
        }
    }

    #[test]
    fn stack_effects_match_cpython_3_10() {
        assert_eq!(Opcode::BuildMap.stack_effect(3, false), -5);
        assert_eq!(Opcode::ForIter.stack_effect(0, true), -1);
        assert_eq!(Opcode::ForIter.stack_effect(0, false), 1);
        assert_eq!(Opcode::MakeFunction.stack_effect(0x9, false), -3);
        assert_eq!(Opcode::CallFunctionEx.stack_effect(1, false), -2);
        assert_eq!(Opcode::UnpackEx.stack_effect(0x0102, false), 3);
        assert_eq!(Opcode::SetupFinally.stack_effect(0, true), 6);
    }

    #[test]
    fn predictions_name_real_pairs() {
        assert_eq!(
            Opcode::CompareOp.predicted_successors(),
            &[Opcode::PopJumpIfFalse, Opcode::PopJumpIfTrue]
        );
        assert_eq!(Opcode::GetIter.predicted_successors(), &[Opcode::ForIter]);
    }
}
