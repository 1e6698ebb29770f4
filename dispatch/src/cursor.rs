//! The cursor: the running frame's hot state, held in machine registers while handlers run.
//!
//! A [`Cursor`] is three pointers: the running frame's record, the next instruction word and
//! the first free value-stack slot (CPython's `frame`, `next_instr` and `stack_pointer`).
//! `switch`, `predict` and `callthread` keep it in locals of their loop; `tailcall` passes its
//! fields as arguments of the guaranteed tail call. The frame header's `pc`, `lasti` and `sp`
//! are written from it ([`Cursor::save`]) only where another part of the VM must see them:
//! before a handler calls into the runtime (which may raise, collect garbage, call back into
//! Python or introspect the frame), before an observer hook, and when a handler's flow leaves
//! the chain. After the runtime may have changed the frames, the cursor is read back from the
//! frame on top of `vm.frames` ([`Cursor::load`]).
//!
//! Value-stack and local accesses are unchecked: the compiler proves them in bounds (every
//! local index is below `co_nlocals`; the flow analysis that computes `co_stacksize` proves
//! the stack never holds more, and never pops an empty stack). Debug builds and the
//! `stackcheck` feature assert every access (see [`Cursor::check_slot`]).

use std::ptr::NonNull;

use rceval_interp::opcode::Opcode;
use rceval_interp::runtime::frame::{FrameHeader, SLOTS_OFFSET};
use rceval_interp::runtime::{Value, Vm};

use crate::observer::Observer;

/// Whether every slot access is checked (debug builds and the `stackcheck` feature).
const CHECKED: bool = cfg!(any(debug_assertions, feature = "stackcheck"));

/// The running frame's hot state. `Copy`, so a strategy can keep it in registers; every
/// pointer is into the record of the frame on top of `vm.frames` (or, for `ip`, into the
/// code that frame holds).
#[derive(Clone, Copy, Debug)]
pub struct Cursor {
    /// The running frame's record.
    pub frame: NonNull<FrameHeader>,
    /// The next instruction word.
    pub ip: *const u8,
    /// The first free value-stack slot.
    pub sp: *mut Value,
}

impl Cursor {
    /// Reads the cursor of the frame on top of `vm.frames` from its header.
    #[inline(always)]
    pub fn load(vm: &mut Vm) -> Cursor {
        let frame = vm
            .frames
            .last()
            .expect("the eval loop always has a frame")
            .header_ptr();
        Cursor::of(frame)
    }

    /// The cursor of frame `frame`, as its header last saved it.
    #[inline(always)]
    pub fn of(frame: NonNull<FrameHeader>) -> Cursor {
        // SAFETY: `frame` is a live record (the caller got it from a `FrameBox` it can see);
        // its header's `pc` and `sp` are within the code and the slots (every writer keeps
        // them so), so both offsets stay inside their allocations.
        unsafe {
            let h = frame.as_ref();
            Cursor {
                frame,
                ip: h.first_instr().add(2 * h.pc as usize),
                sp: slots_of(frame).add(h.sp as usize),
            }
        }
    }

    /// The cursor of a frame that has not run yet (`pc` 0, an empty value stack), built from
    /// what the header already holds rather than from its `pc` and `sp` just written.
    #[inline(always)]
    pub fn at_entry(frame: NonNull<FrameHeader>) -> Cursor {
        // SAFETY: `frame` is a live record; its slots hold at least `stack_base` values (the
        // locals, cells and frees precede the value stack).
        unsafe {
            let h = frame.as_ref();
            debug_assert!(h.pc == 0 && h.sp == h.stack_base);
            Cursor {
                frame,
                ip: h.first_instr(),
                sp: slots_of(frame).add(h.stack_base as usize),
            }
        }
    }

    /// Writes `pc`, `lasti` and `sp` back into the frame's header, so that the rest of the VM
    /// sees the frame as the loop left it. `lasti` is the instruction being executed: the one
    /// before `ip` (the fetch folded any `EXTENDED_ARG` prefixes into it).
    #[inline(always)]
    pub fn save(&self) {
        // SAFETY: the cursor's frame is live and `ip`/`sp` point into its code and slots (see
        // the type's invariant), so the offsets are in range and the header is writable; no
        // other reference to the header is alive while a handler holds the cursor.
        unsafe {
            let h = &mut *self.frame.as_ptr();
            let pc = self.ip.offset_from(h.first_instr()) as u32 / 2;
            h.pc = pc;
            h.lasti = pc.saturating_sub(1);
            h.sp = self.sp.offset_from(slots_of(self.frame)) as u32;
        }
    }

    /// The frame's header, to read.
    #[inline(always)]
    pub fn header(&self) -> &FrameHeader {
        // SAFETY: as in `save`: the frame is live and nothing writes its header while the
        // handler that holds the cursor reads it.
        unsafe { self.frame.as_ref() }
    }

    /// The frame's first slot (locals, then cells and frees, then the value stack).
    #[inline(always)]
    pub fn slots(&self) -> *mut Value {
        slots_of(self.frame)
    }

    /// Decodes the next instruction and advances `ip` past it: the opcode byte and its oparg
    /// with any `EXTENDED_ARG` prefixes folded in. Observers see the frame saved and every
    /// prefix reported as executed, as CPython counts them.
    #[inline(always)]
    pub fn fetch<O: Observer>(&mut self, vm: &mut Vm) -> (u8, u32) {
        // SAFETY: every code object ends in a return or a jump (the compiler's last
        // instruction), so `ip` never runs past its code; jumps land on instruction words.
        let (byte, arg) = unsafe { (*self.ip, u32::from(*self.ip.add(1))) };
        self.ip = self.ip.wrapping_add(2);
        if byte == Opcode::ExtendedArg as u8 {
            // By value: a cursor whose address escaped could not stay in registers.
            let (cur, byte, arg) = Cursor::fetch_extended::<O>(vm, *self, arg);
            *self = cur;
            return (byte, arg);
        }
        if O::OBSERVES {
            self.observe::<O>(vm, byte, arg);
        }
        (byte, arg)
    }

    /// Decodes the next instruction word as it is, `EXTENDED_ARG` included, and advances `ip`
    /// past it; observers see it unless it is a prefix (for strategies that dispatch
    /// prefixes to [`Cursor::fetch_extended`] through their table).
    #[inline(always)]
    pub fn fetch_word<O: Observer>(&mut self, vm: &mut Vm) -> (u8, u32) {
        // SAFETY: as in `fetch`.
        let (byte, arg) = unsafe { (*self.ip, u32::from(*self.ip.add(1))) };
        self.ip = self.ip.wrapping_add(2);
        if O::OBSERVES && byte != Opcode::ExtendedArg as u8 {
            self.observe::<O>(vm, byte, arg);
        }
        (byte, arg)
    }

    /// The rest of an instruction after its first `EXTENDED_ARG` prefix (whose argument is
    /// `arg`): the cursor past the instruction, its opcode byte and its whole argument.
    #[cold]
    #[inline(never)]
    pub fn fetch_extended<O: Observer>(
        vm: &mut Vm,
        mut cur: Cursor,
        mut arg: u32,
    ) -> (Cursor, u8, u32) {
        let mut prefixes = 1;
        loop {
            // SAFETY: a prefix is always followed by the instruction it extends.
            let (byte, low) = unsafe { (*cur.ip, u32::from(*cur.ip.add(1))) };
            cur.ip = cur.ip.wrapping_add(2);
            arg = (arg << 8) | low;
            if byte != Opcode::ExtendedArg as u8 {
                if O::OBSERVES {
                    cur.save();
                    for _ in 0..prefixes {
                        O::before_instruction(vm, Opcode::ExtendedArg, 0);
                    }
                    cur.observe::<O>(vm, byte, arg);
                }
                return (cur, byte, arg);
            }
            prefixes += 1;
        }
    }

    /// Reports the fetched instruction to the observer, with the frame saved.
    #[inline(always)]
    fn observe<O: Observer>(&self, vm: &mut Vm, byte: u8, arg: u32) {
        self.save();
        if let Some(op) = Opcode::from_byte(byte) {
            O::before_instruction(vm, op, arg);
        }
    }

    /// Jumps to instruction word `target` of the code.
    #[inline(always)]
    pub fn jump_to(&mut self, target: u32) {
        self.ip = self
            .header()
            .first_instr()
            .wrapping_add(2 * target as usize);
    }

    /// Jumps `delta` instruction words forward from the next instruction.
    #[inline(always)]
    pub fn jump_forward(&mut self, delta: u32) {
        self.ip = self.ip.wrapping_add(2 * delta as usize);
    }

    /// Asserts that slot `index` exists (checked builds only).
    #[inline(always)]
    fn check_slot(&self, slot: *const Value) {
        if CHECKED {
            let h = self.header();
            let base = self.slots() as *const Value;
            // SAFETY: both pointers are into (or one past) the frame's slots.
            let index = unsafe { slot.offset_from(base) };
            let len = h.code.code.frame_size() as isize;
            assert!(
                (0..len).contains(&index),
                "slot {index} outside the frame's {len} slots"
            );
        }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.check_slot(self.sp);
        // SAFETY: the compiler's stack-depth analysis (`co_stacksize`) proves there is room
        // for every push; the frame has `co_stacksize` stack slots after its variables.
        unsafe { self.sp.write(v) };
        self.sp = self.sp.wrapping_add(1);
    }

    /// Pushes a copy of `*v`, copied as 16 bytes (see [`Cursor::push_local`]).
    #[inline(always)]
    pub fn push_copy(&mut self, v: &Value) {
        self.check_slot(self.sp);
        // SAFETY: as in `push`; `v` is a valid value outside the frame's stack.
        unsafe { std::ptr::copy_nonoverlapping(v, self.sp, 1) };
        self.sp = self.sp.wrapping_add(1);
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.sp = self.sp.wrapping_sub(1);
        self.check_slot(self.sp);
        // SAFETY: the stack-depth analysis proves no instruction pops more than it holds, so
        // `sp` stays at or above the stack base, in the frame's initialised slots.
        unsafe { self.sp.read() }
    }

    /// The value `depth` below the top (`peek(1)` is the top).
    #[inline(always)]
    pub fn peek(&self, depth: usize) -> Value {
        let slot = self.sp.wrapping_sub(depth);
        self.check_slot(slot);
        // SAFETY: as in `pop`: the instruction reading `depth` values has them on its stack.
        unsafe { slot.read() }
    }

    #[inline(always)]
    pub fn set_peek(&mut self, depth: usize, v: Value) {
        let slot = self.sp.wrapping_sub(depth);
        self.check_slot(slot);
        // SAFETY: as in `peek`.
        unsafe { slot.write(v) }
    }

    /// Value-stack depth.
    #[inline(always)]
    pub fn stack_len(&self) -> usize {
        // SAFETY: `sp` is within the frame's slots, at or above the stack base.
        let sp = unsafe { self.sp.offset_from(self.slots()) };
        sp as usize - self.header().stack_base as usize
    }

    /// Drops the top `n` values.
    #[inline(always)]
    pub fn drop_n(&mut self, n: usize) {
        self.sp = self.sp.wrapping_sub(n);
    }

    /// Pushes local `index` unless it is unbound; returns whether it was bound. The value is
    /// copied as 16 bytes (a field-wise copy of the enum costs several moves more).
    #[inline(always)]
    pub fn push_local(&mut self, index: u32) -> bool {
        let slot = self.slots().wrapping_add(index as usize);
        self.check_slot(slot);
        self.check_slot(self.sp);
        // SAFETY: `slot` is a local (see `local`) and `sp` has room (see `push`); the two
        // never overlap, locals being below the stack base.
        unsafe {
            if (*slot).is_null() {
                return false;
            }
            std::ptr::copy_nonoverlapping(slot, self.sp, 1);
        }
        self.sp = self.sp.wrapping_add(1);
        true
    }

    /// Local (or cell or free) slot `index`.
    #[inline(always)]
    pub fn local(&self, index: u32) -> Value {
        let slot = self.slots().wrapping_add(index as usize);
        self.check_slot(slot);
        // SAFETY: the compiler emits local indices below `co_nlocals` (and cell/free indices
        // below the cell and free counts), all of which come before the value stack.
        unsafe { slot.read() }
    }

    #[inline(always)]
    pub fn set_local(&mut self, index: u32, v: Value) {
        let slot = self.slots().wrapping_add(index as usize);
        self.check_slot(slot);
        // SAFETY: as in `local`.
        unsafe { slot.write(v) }
    }
}

/// The first slot of the record at `frame`.
#[inline(always)]
fn slots_of(frame: NonNull<FrameHeader>) -> *mut Value {
    frame
        .as_ptr()
        .cast::<u8>()
        .wrapping_add(SLOTS_OFFSET)
        .cast::<Value>()
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use rceval_interp::compiler::compile_module;
    use rceval_interp::runtime::{FrameAllocator, FramePool, HeapFrames, Value, Vm};

    use super::Cursor;
    use crate::observer::NoObserver;
    use crate::variants::hooks_for;

    /// A frame of `def f(a, b): return a + b` (2 locals, a stack of 2), and a VM to hold it.
    fn vm_with_frame() -> Vm {
        let module = compile_module("def f(a, b):\n    return a + b\n", "t.py").expect("compiles");
        let code = module
            .consts
            .iter()
            .find_map(|c| match c {
                rceval_interp::code::Constant::Code(code) => Some(Rc::clone(code)),
                _ => None,
            })
            .expect("function code");
        let mut vm = Vm::new(hooks_for("switch", "heap").expect("variant"));
        let unit = vm.load_code(&code);
        let globals = vm.builtins;
        let mut pool = FramePool::default();
        let frame = HeapFrames::alloc(&mut pool, &unit, globals, Value::Null);
        vm.frames.push(frame);
        vm
    }

    #[test]
    fn save_and_load_round_trip_through_the_header() {
        let mut vm = vm_with_frame();
        let mut cur = Cursor::load(&mut vm);
        assert_eq!(cur.stack_len(), 0);
        cur.set_local(0, Value::Int(3));
        assert!(cur.push_local(0));
        assert!(
            !cur.push_local(1),
            "an unbound local is reported, not pushed"
        );
        cur.push(Value::Int(4));
        let (byte, _) = cur.fetch::<NoObserver>(&mut vm);
        assert_eq!(byte, rceval_interp::opcode::Opcode::LoadFast as u8);
        cur.save();
        let h = vm.frames.last().expect("frame");
        assert_eq!((h.pc, h.lasti, h.sp - h.stack_base), (1, 0, 2));
        let again = Cursor::load(&mut vm);
        assert_eq!((again.ip, again.sp), (cur.ip, cur.sp));
        assert!(matches!(again.peek(1), Value::Int(4)));
        assert!(matches!(again.peek(2), Value::Int(3)));
    }

    /// The unchecked accesses are checked in debug builds (and with `stackcheck`): a push past
    /// `co_stacksize` is caught before it writes.
    #[cfg(any(debug_assertions, feature = "stackcheck"))]
    #[test]
    #[should_panic(expected = "outside the frame's")]
    fn a_push_past_the_stack_is_caught_in_checked_builds() {
        let mut vm = vm_with_frame();
        let mut cur = Cursor::load(&mut vm);
        for i in 0..3 {
            cur.push(Value::Int(i));
        }
    }

    #[cfg(any(debug_assertions, feature = "stackcheck"))]
    #[test]
    #[should_panic(expected = "outside the frame's")]
    fn a_pop_below_the_frame_is_caught_in_checked_builds() {
        let mut vm = vm_with_frame();
        let mut cur = Cursor::load(&mut vm);
        cur.drop_n(3);
        cur.pop();
    }
}
