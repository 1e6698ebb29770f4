//! Types of values, attribute lookup and assignment, class creation (C3 MRO).

use std::rc::Rc;

use super::dict::PyDict;
use super::object::{
    AwaitOpKind, Builtin, DictViewKind, GenKind, Instance, IterState, Layout, Object, TypeObject,
};
use super::type_cache::{MethodSlot, OperatorMethod, TypeSummary};
use super::types::ExcKind;
use super::value::{ObjRef, Value};
use super::vm::Vm;
use super::{PyResult, Raised};
use crate::runtime::type_cache::SpecialMethod;

impl Vm {
    /// `type(v)`.
    #[inline]
    pub fn type_of(&self, v: Value) -> ObjRef {
        let t = &self.types;
        match v {
            Value::Null | Value::None => t.none,
            Value::Bool(_) => t.bool_,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(_) => t.str_,
                Object::BigInt(_) => t.int,
                Object::List(_) => t.list,
                Object::Tuple(_) => t.tuple,
                Object::Dict(_) => t.dict,
                Object::Set(_) => t.set,
                Object::FrozenSet(_) => t.frozenset,
                Object::Function(_) => t.function,
                Object::BoundMethod { .. } => t.method,
                Object::Builtin(_) => t.builtin_function,
                Object::Type(_) => t.type_,
                Object::Instance(i) => i.class,
                Object::Cell(_) => t.cell,
                Object::Generator(g) => match g.kind {
                    GenKind::Generator => t.generator,
                    GenKind::Coroutine => t.coroutine,
                    GenKind::AsyncGenerator => t.async_generator,
                },
                Object::AwaitOp(op) => match op.kind {
                    AwaitOpKind::CoroWrapper => t.coroutine_wrapper,
                    AwaitOpKind::ASend => t.async_generator_asend,
                    AwaitOpKind::AThrow | AwaitOpKind::AClose => t.async_generator_athrow,
                },
                Object::Module(_) => t.module,
                Object::Range { .. } => t.range,
                Object::Slice { .. } => t.slice,
                Object::Iter(state) => self.iterator_type(state),
                Object::DictView {
                    kind: DictViewKind::Keys,
                    ..
                } => t.dict_keys,
                Object::DictView {
                    kind: DictViewKind::Values,
                    ..
                } => t.dict_values,
                Object::DictView {
                    kind: DictViewKind::Items,
                    ..
                } => t.dict_items,
                Object::Code(_) => t.code,
                Object::StaticMethod(_) => t.staticmethod,
                Object::ClassMethod(_) => t.classmethod,
                Object::Property { .. } => t.property,
                Object::NotImplemented => t.not_implemented,
                Object::Ellipsis => t.ellipsis,
                Object::Bytes(_) => t.bytes,
                Object::ByteArray(_) => t.bytearray,
                Object::Array(_) => t.array,
                Object::Deque(_) => t.deque,
                Object::Native(n) => n.ty,
                Object::MemberDescriptor { .. } => t.member_descriptor,
                Object::Frame(_) => t.frame,
                Object::FrameLocals(_) => t.frame_locals_proxy,
                Object::Traceback(_) => t.traceback,
            },
        }
    }

    /// The type of a built-in iterator, by what it iterates (CPython's `list_iterator`, ...).
    fn iterator_type(&self, state: &IterState) -> ObjRef {
        let t = &self.types;
        match state {
            IterState::Seq { seq, .. } => match self.heap.get(*seq) {
                Object::Tuple(_) => t.it_tuple_iterator,
                Object::Bytes(_) => t.it_bytes_iterator,
                Object::ByteArray(_) => t.it_bytearray_iterator,
                _ => t.it_list_iterator,
            },
            IterState::Str { s, .. } => match self.heap.get(*s) {
                Object::Str(st) if !st.is_ascii() => t.it_str_iterator,
                _ => t.it_str_ascii_iterator,
            },
            IterState::Range { .. } => t.it_range_iterator,
            IterState::Dict { kind, dict, .. } => match (kind, self.heap.get(*dict)) {
                (DictViewKind::Keys, Object::Dict(_)) => t.it_dict_keyiterator,
                (DictViewKind::Keys, _) => t.it_set_iterator,
                (DictViewKind::Values, _) => t.it_dict_valueiterator,
                (DictViewKind::Items, _) => t.it_dict_itemiterator,
            },
            IterState::Enumerate { .. } => t.it_enumerate,
            IterState::Zip { .. } => t.it_zip,
            IterState::Map { .. } => t.it_map,
            IterState::Filter { .. } => t.it_filter,
            IterState::Reversed { seq, .. } => match self.heap.get(*seq) {
                Object::Tuple(_) => t.it_reversed,
                _ => t.it_list_reverseiterator,
            },
            IterState::Callable { sentinel, .. } if !sentinel.is_null() => t.it_callable_iterator,
            IterState::Tool { ty, .. } => *ty,
            IterState::Deque { reverse: false, .. } => t.it_deque_iterator,
            IterState::Deque { reverse: true, .. } => t.it_deque_reverse_iterator,
            _ => t.iterator,
        }
    }

    pub fn type_obj(&self, ty: ObjRef) -> &TypeObject {
        match self.heap.get(ty) {
            Object::Type(t) => t,
            _ => panic!("rceval internal error: handle {} is not a type", ty.0),
        }
    }

    /// The name CPython's messages give a value's type (its `tp_name`): the bare name for
    /// built-in and user classes, `module.name` for the types native modules define
    /// (`collections.deque`, `array.array`, `itertools.count`).
    pub fn tp_name(&self, v: Value) -> String {
        let t = self.type_obj(self.type_of(v));
        if t.builtin && &*t.module != "builtins" {
            format!("{}.{}", t.module, t.name)
        } else {
            t.name.to_string()
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: Value) -> Rc<str> {
        Rc::clone(&self.type_obj(self.type_of(v)).name)
    }

    /// Whether `sub` is `sup` or derives from it.
    pub fn is_subtype(&self, sub: ObjRef, sup: ObjRef) -> bool {
        sub == sup || self.type_obj(sub).mro.contains(&sup)
    }

    pub fn isinstance(&self, v: Value, ty: ObjRef) -> bool {
        self.is_subtype(self.type_of(v), ty)
    }

    pub fn is_type(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) if matches!(self.heap.get(r), Object::Type(_)) => Some(r),
            _ => None,
        }
    }

    /// The built-in layout a value's type has (a user subclass of `list` has `List`).
    pub fn layout_of(&self, v: Value) -> Layout {
        self.type_obj(self.type_of(v)).layout
    }

    /// Looks `name` up along a type's MRO, without binding.
    #[inline]
    pub fn lookup_in_mro(&self, ty: ObjRef, name: Value) -> Option<Value> {
        let Value::Obj(n) = name else {
            return self.lookup_in_mro_uncached(ty, name);
        };
        let Object::Str(text) = self.heap.get(n) else {
            return self.lookup_in_mro_uncached(ty, name);
        };
        if !text.interned.get() {
            return self.lookup_in_mro_uncached(ty, name);
        }
        let epoch = self.heap.type_epoch();
        if let Some(found) = self.type_attr_cache.get(epoch, ty, n) {
            return found;
        }
        self.lookup_in_mro_filling_cache(ty, name, n, epoch)
    }

    #[inline(never)]
    fn lookup_in_mro_filling_cache(
        &self,
        ty: ObjRef,
        name: Value,
        n: ObjRef,
        epoch: u64,
    ) -> Option<Value> {
        let found = self.lookup_in_mro_uncached(ty, name);
        self.type_attr_cache.put(epoch, ty, n, found);
        found
    }

    /// The MRO walk itself: each class's dict, in order.
    #[inline(never)]
    fn lookup_in_mro_uncached(&self, ty: ObjRef, name: Value) -> Option<Value> {
        let hash = self.str_hash(name);
        let name_str = self.as_str(name);
        for &t in &self.type_obj(ty).mro {
            let d = &self.type_obj(t).dict;
            if let Some(slot) = d.find(hash, |k| k.is(name) || self.as_str(k) == name_str) {
                return Some(d.value_at(slot));
            }
        }
        None
    }

    /// `ty`'s special method `method` along its MRO (what [`Vm::lookup_in_mro_str`] of its
    /// name gives), kept in the type until the type epoch changes: no name is hashed.
    #[inline]
    pub fn special_method(&mut self, ty: ObjRef, method: SpecialMethod) -> Option<Value> {
        self.method_slot(ty, method.into())
    }

    /// As [`Vm::special_method`], for an operator's method.
    #[inline]
    pub fn operator_method(&mut self, ty: ObjRef, method: OperatorMethod) -> Option<Value> {
        self.method_slot(ty, method.into())
    }

    #[inline(always)]
    fn method_slot(&mut self, ty: ObjRef, slot: MethodSlot) -> Option<Value> {
        let epoch = self.heap.type_epoch();
        if let Some(found) = self.type_obj(ty).special_methods.get(epoch, slot) {
            return found;
        }
        self.method_slot_filling(ty, slot, epoch)
    }

    #[inline(never)]
    fn method_slot_filling(&mut self, ty: ObjRef, slot: MethodSlot, epoch: u64) -> Option<Value> {
        let found = self.lookup_in_mro_str(ty, slot.name());
        self.type_obj(ty).special_methods.put(epoch, slot, found);
        found
    }

    pub fn lookup_in_mro_str(&mut self, ty: ObjRef, name: &'static str) -> Option<Value> {
        let key = self.intern_static(name);
        self.lookup_in_mro(ty, key)
    }

    /// The handle of `name` when it is an interned str: then no other str has its text, and
    /// names compare by handle.
    #[inline(always)]
    pub fn interned_handle(&self, name: Value) -> Option<ObjRef> {
        let Value::Obj(n) = name else { return None };
        matches!(self.heap.get(n), Object::Str(s) if s.interned.get()).then_some(n)
    }

    /// The interned str with `name`'s text, if there is one (none is made).
    fn canonical_name(&self, name: Value) -> Option<ObjRef> {
        let Value::Obj(n) = name else { return None };
        match self.heap.get(n) {
            Object::Str(s) if s.interned.get() => Some(n),
            Object::Str(s) => self.interned.get(&*s.s).copied(),
            _ => None,
        }
    }

    #[inline(always)]
    fn instance_dict_get(&self, r: ObjRef, name: Value) -> Option<Value> {
        match self.heap.get(r) {
            Object::Instance(inst) => {
                let d = &inst.dict;
                if let Some(n) = self.interned_handle(name)
                    && let Some(found) = d.find_interned(n)
                {
                    return found.map(|slot| d.value_at(slot));
                }
                let hash = self.str_hash(name);
                let name_str = self.as_str(name);
                d.find(hash, |k| k.is(name) || self.as_str(k) == name_str)
                    .map(|slot| d.value_at(slot))
            }
            Object::Function(f) => {
                let d = f.dict.as_ref()?;
                let hash = self.str_hash(name);
                let name_str = self.as_str(name);
                d.find(hash, |k| k.is(name) || self.as_str(k) == name_str)
                    .map(|slot| d.value_at(slot))
            }
            _ => None,
        }
    }

    /// The slot of attribute `name` in instance `inst`'s dict.
    #[inline(always)]
    fn instance_slot(
        &self,
        inst: &Instance,
        name: Value,
        interned: Option<ObjRef>,
    ) -> Option<usize> {
        if let Some(n) = interned
            && let Some(found) = inst.dict.find_interned(n)
        {
            return found;
        }
        let hash = self.str_hash(name);
        let name_str = self.as_str(name);
        inst.dict
            .find(hash, |k| k.is(name) || self.as_str(k) == name_str)
    }

    /// Binds a class attribute found for `obj` (functions become bound methods).
    pub fn bind(&mut self, attr: Value, obj: Value, ty: ObjRef) -> PyResult<Value> {
        let Value::Obj(r) = attr else { return Ok(attr) };
        Ok(match self.heap.get(r) {
            Object::Function(_) => self.alloc(Object::BoundMethod {
                func: attr,
                this: obj,
            }),
            Object::Builtin(b) if b.this.is_null() => {
                let b = Builtin { this: obj, ..*b };
                self.alloc(Object::Builtin(b))
            }
            Object::ClassMethod(f) => {
                let f = *f;
                self.alloc(Object::BoundMethod {
                    func: f,
                    this: Value::Obj(ty),
                })
            }
            Object::StaticMethod(f) => *f,
            Object::Property { fget, .. } => {
                let fget = *fget;
                if fget.is_none() || fget.is_null() {
                    return self.err(ExcKind::AttributeError, "unreadable attribute");
                }
                return self.call(fget, &[obj], &[]);
            }
            _ => attr,
        })
    }

    /// `getattr(obj, name)`; `name` must be a str value.
    pub fn getattr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// What attribute access may skip for `ty`'s instances in this type epoch.
    #[inline(always)]
    pub fn type_summary(&self, ty: ObjRef, t: &TypeObject) -> TypeSummary {
        let summary = t.summary.get();
        if summary.epoch == self.heap.type_epoch() {
            return summary;
        }
        self.summarize_type(ty)
    }

    #[inline(never)]
    fn summarize_type(&self, ty: ObjRef) -> TypeSummary {
        let t = self.type_obj(ty);
        let (mut properties, mut members) = (false, false);
        for &class in &t.mro {
            for v in self.type_obj(class).dict.values() {
                if let Value::Obj(a) = v {
                    match self.heap.get(a) {
                        Object::Property { .. } => properties = true,
                        Object::MemberDescriptor { .. } => members = true,
                        _ => {}
                    }
                }
            }
        }
        let user_setattr = matches!(
            self.lookup_in_mro_uncached(ty, self.setattr_name),
            Some(Value::Obj(f)) if matches!(self.heap.get(f), Object::Function(_))
        );
        let summary = TypeSummary {
            epoch: self.heap.type_epoch(),
            dict_first_reads: !properties,
            dict_writes: !(t.builtin
                || t.slotted
                || ty == self.types.object
                || user_setattr
                || properties
                || members),
            member_writes: !(t.builtin || ty == self.types.object || user_setattr || properties),
        };
        t.summary.set(summary);
        summary
    }

    /// Whether a class attribute is what a read through an instance gives as it is: no
    /// descriptor to bind or call.
    fn is_plain_class_attr(&self, attr: Value) -> bool {
        match attr {
            Value::Obj(a) => !matches!(
                self.heap.get(a),
                Object::Function(_)
                    | Object::Builtin(_)
                    | Object::ClassMethod(_)
                    | Object::StaticMethod(_)
                    | Object::Property { .. }
                    | Object::MemberDescriptor { .. }
            ),
            _ => true,
        }
    }

    /// `obj.name` when `obj` is an instance of a class with no `__getattribute__` and the
    /// answer needs neither a call nor an allocation: a value in the instance dict (no data
    /// descriptor on the class overriding it), or a class attribute that is no descriptor.
    /// `None` sends the caller to [`Vm::getattr`], which handles everything (and gives the
    /// same answer in these cases). What `LOAD_ATTR` tries first.
    // Out of line: inlined into the `switch` loop it took registers from every handler
    // (the fast loop's `switch` cost rose from 135 to 141 instructions per iteration).
    #[inline(never)]
    pub fn instance_attr_fast(&self, obj: Value, name: Value) -> Option<Value> {
        // The common case first, as a leaf that needs no saved registers: a hit in the
        // instance's shape, for a class whose summary says the dict comes first. A hit by
        // handle is right whether or not `name` is interned; the rest is below.
        if let Value::Obj(r) = obj
            && let Object::Instance(inst) = self.heap.get(r)
            && let t = self.type_obj(inst.class)
            && !t.getattribute_hook
            && let summary = t.summary.get()
            && summary.epoch == self.heap.type_epoch()
            && summary.dict_first_reads
            && let Value::Obj(n) = name
            && let Some(Some(slot)) = inst.dict.find_interned(n)
        {
            return Some(inst.dict.value_at(slot));
        }
        self.instance_attr_general(obj, name)
    }

    #[inline(never)]
    fn instance_attr_general(&self, obj: Value, name: Value) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let Object::Instance(inst) = self.heap.get(r) else {
            return None;
        };
        let ty = inst.class;
        let t = self.type_obj(ty);
        if t.getattribute_hook {
            return None;
        }
        if self.type_summary(ty, t).dict_first_reads {
            if let Some(slot) = self.instance_slot(inst, name, self.interned_handle(name)) {
                return Some(inst.dict.value_at(slot));
            }
            let attr = self.lookup_in_mro(ty, name)?;
            return self.is_plain_class_attr(attr).then_some(attr);
        }
        match self.lookup_in_mro(ty, name) {
            None => self.instance_dict_get(r, name),
            Some(Value::Obj(a)) if matches!(self.heap.get(a), Object::Property { .. }) => None,
            Some(attr) => self
                .instance_dict_get(r, name)
                .or_else(|| self.is_plain_class_attr(attr).then_some(attr)),
        }
    }

    /// The function `obj.name` would bind, when `obj` is an instance of a class with no
    /// `__getattribute__`, the class has a plain function (or unbound builtin) under `name`,
    /// and the instance dict does not shadow it: what `LOAD_METHOD` tries first, the same
    /// answer [`Vm::load_method`] gives in that case.
    // Out of line: inlined into the `switch` loop it took registers from every handler
    // (the fast loop's `switch` cost rose from 135 to 141 instructions per iteration).
    #[inline(never)]
    pub fn instance_method_fast(&self, obj: Value, name: Value) -> Option<Value> {
        // The common case first, with no string work: an interned name, a cached class
        // function, and an instance shape without the name.
        if let Value::Obj(r) = obj
            && let Object::Instance(inst) = self.heap.get(r)
            && !self.type_obj(inst.class).getattribute_hook
            && let Value::Obj(n) = name
            && let Object::Str(text) = self.heap.get(n)
            && text.interned.get()
            && let Some(Some(attr)) =
                self.type_attr_cache
                    .get(self.heap.type_epoch(), inst.class, n)
            && let Value::Obj(a) = attr
            && matches!(self.heap.get(a), Object::Function(_))
            && inst.dict.find_interned(n) == Some(None)
        {
            return Some(attr);
        }
        self.instance_method_general(obj, name)
    }

    #[inline(never)]
    fn instance_method_general(&self, obj: Value, name: Value) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        let Object::Instance(inst) = self.heap.get(r) else {
            return None;
        };
        let ty = inst.class;
        if self.type_obj(ty).getattribute_hook {
            return None;
        }
        let attr = self.lookup_in_mro(ty, name)?;
        let Value::Obj(a) = attr else { return None };
        let plain_method = match self.heap.get(a) {
            Object::Function(_) => true,
            Object::Builtin(b) => b.this.is_null(),
            _ => false,
        };
        (plain_method
            && self
                .instance_slot(inst, name, self.interned_handle(name))
                .is_none())
        .then_some(attr)
    }

    /// `obj.name = value` when `obj` is an instance of a user class with no `__setattr__` and
    /// no property, and `name` is free or a `__slots__` member: the value goes straight into
    /// the instance dict. `false` (nothing done) sends the caller to [`Vm::setattr`], which
    /// handles everything and does the same in these cases. What `STORE_ATTR` tries first.
    pub fn instance_setattr_fast(&mut self, obj: Value, name: Value, value: Value) -> bool {
        let Value::Obj(r) = obj else { return false };
        let Object::Instance(inst) = self.heap.get(r) else {
            return false;
        };
        let ty = inst.class;
        let summary = self.type_summary(ty, self.type_obj(ty));
        let writable = summary.dict_writes
            || (summary.member_writes
                && self
                    .lookup_in_mro(ty, name)
                    .is_some_and(|a| self.is_member_descriptor(a)));
        if !writable {
            return false;
        }
        let interned = self.interned_handle(name);
        let slot = self.instance_slot(inst, name, interned);
        let hash = if slot.is_none() {
            self.str_hash(name)
        } else {
            0
        };
        if let Object::Instance(inst) = self.heap.get_mut(r) {
            match slot {
                Some(slot) => inst.dict.set_value_at(slot, value),
                None => inst.dict.insert_new(hash, name, value, interned),
            }
        }
        true
    }

    /// `getattr(obj, name)` with `None` instead of an AttributeError for a plain miss.
    pub fn getattr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        if self.type_obj(ty).getattribute_hook
            && let Some(hook) = self.special_method(ty, SpecialMethod::GetAttribute)
            && matches!(hook, Value::Obj(r) if matches!(self.heap.get(r), Object::Function(_)))
        {
            return match self.call_reentrant(hook, &[obj, name], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.exception_matches(ExcKind::AttributeError) => {
                    match self.special_method(ty, SpecialMethod::GetAttr) {
                        Some(getattr) => {
                            self.take_exception();
                            self.call_reentrant(getattr, &[obj, name], &[]).map(Some)
                        }
                        None => Err(e),
                    }
                }
                Err(e) => Err(e),
            };
        }
        self.generic_getattr_opt(obj, name, true)
    }

    /// `object.__getattribute__`: the MRO, the instance dict, descriptors; with
    /// `fallback`, a user `__getattr__` last.
    pub fn generic_getattr_opt(
        &mut self,
        obj: Value,
        name: Value,
        fallback: bool,
    ) -> PyResult<Option<Value>> {
        let ty = self.type_of(obj);
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Object::Type(_) => return self.type_getattr(r, name),
                Object::Module(m) => {
                    let dict = m.dict;
                    if let Some(v) = self.dict_get_str(dict, name) {
                        return Ok(Some(v));
                    }
                }
                _ => {}
            }
        }
        let class_attr = self.lookup_in_mro(ty, name);
        if let Some(attr) = class_attr
            && let Value::Obj(a) = attr
            && matches!(self.heap.get(a), Object::Property { .. })
        {
            return self.bind(attr, obj, ty).map(Some);
        }
        if let Value::Obj(r) = obj
            && let Some(v) = self.instance_dict_get(r, name)
        {
            return Ok(Some(v));
        }
        if let Some(attr) = class_attr
            && !self.is_member_descriptor(attr)
        {
            return self.bind(attr, obj, ty).map(Some);
        }
        if let Some(v) = super::builtins::special_attr(self, obj, name)? {
            return Ok(Some(v));
        }
        // `__getattr__` is the fallback for user classes, as in CPython.
        if fallback && !self.type_obj(ty).builtin {
            let hook = self.intern_static("__getattr__");
            if let Some(getattr) = self.lookup_in_mro(ty, hook) {
                return match self.call_reentrant(getattr, &[obj, name], &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(Raised) if self.exception_matches(ExcKind::AttributeError) => Err(Raised),
                    Err(e) => Err(e),
                };
            }
        }
        Ok(None)
    }

    fn type_getattr(&mut self, ty: ObjRef, name: Value) -> PyResult<Option<Value>> {
        if let Some(attr) = self.lookup_in_mro(ty, name) {
            let Value::Obj(a) = attr else {
                return Ok(Some(attr));
            };
            return Ok(Some(match self.heap.get(a) {
                Object::ClassMethod(f) => {
                    let f = *f;
                    self.alloc(Object::BoundMethod {
                        func: f,
                        this: Value::Obj(ty),
                    })
                }
                Object::StaticMethod(f) => *f,
                _ => attr,
            }));
        }
        if let Some(v) = super::builtins::special_attr(self, Value::Obj(ty), name)? {
            return Ok(Some(v));
        }
        // Methods of `type` itself (`mro`), bound to the class.
        let meta = self.types.type_;
        if let Some(attr) = self.lookup_in_mro(meta, name) {
            return self.bind(attr, Value::Obj(ty), meta).map(Some);
        }
        Ok(None)
    }

    pub fn is_member_descriptor(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Object::MemberDescriptor { .. }))
    }

    /// The AttributeError CPython raises for `obj.name`.
    #[cold]
    pub fn attribute_error(&mut self, obj: Value, name: Value) -> Raised {
        let name = self.as_str(name).unwrap_or("?").to_string();
        let msg = match obj {
            Value::Obj(r) => match self.heap.get(r) {
                Object::Module(m) => {
                    let module = self.as_str(m.name).unwrap_or("?");
                    format!("module '{module}' has no attribute '{name}'")
                }
                Object::Type(t) => format!("type object '{}' has no attribute '{name}'", t.name),
                _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
            },
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        self.raise(ExcKind::AttributeError, msg)
    }

    /// For `obj.name(...)`: the callable and the `self` to pass, or `Null` when the attribute
    /// is already bound (CPython's `LOAD_METHOD`), avoiding a bound-method allocation.
    pub fn load_method(&mut self, obj: Value, name: Value) -> PyResult<(Value, Value)> {
        let ty = self.type_of(obj);
        if !self.type_obj(ty).getattribute_hook
            && !matches!(obj, Value::Obj(r) if matches!(self.heap.get(r), Object::Type(_) | Object::Module(_)))
            && let Some(attr) = self.lookup_in_mro(ty, name)
            && let Value::Obj(a) = attr
        {
            let plain_method = match self.heap.get(a) {
                Object::Function(_) => true,
                Object::Builtin(b) => b.this.is_null(),
                _ => false,
            };
            let shadowed =
                matches!(obj, Value::Obj(r) if self.instance_dict_get(r, name).is_some());
            if plain_method && !shadowed {
                return Ok((attr, obj));
            }
        }
        Ok((self.getattr(obj, name)?, Value::Null))
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if !self.type_obj(ty).builtin {
            if let Some(setattr) = self.lookup_in_mro(ty, self.setattr_name)
                && matches!(setattr, Value::Obj(r) if matches!(self.heap.get(r), Object::Function(_)))
            {
                self.call_reentrant(setattr, &[obj, name, value], &[])?;
                return Ok(());
            }
            if let Some(Value::Obj(p)) = self.lookup_in_mro(ty, name)
                && let Object::Property { fset, .. } = self.heap.get(p)
            {
                let fset = *fset;
                if fset.is_none() || fset.is_null() {
                    let msg = self.property_error(obj, name, "setter");
                    return self.err(ExcKind::AttributeError, msg);
                }
                self.call(fset, &[obj, value], &[])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, value)
    }

    /// `object.__setattr__`: store in the instance's (or class's) own dict.
    pub fn generic_setattr(&mut self, obj: Value, name: Value, value: Value) -> PyResult<()> {
        let hash = self.str_hash(name);
        let ty = self.type_of(obj);
        if ty == self.types.object {
            return Err(self.attribute_error(obj, name));
        }
        if self.type_obj(ty).slotted
            && !self
                .lookup_in_mro(ty, name)
                .is_some_and(|a| self.is_member_descriptor(a))
        {
            return Err(self.attribute_error(obj, name));
        }
        let Value::Obj(r) = obj else {
            return Err(self.unwritable(obj, name));
        };
        if let Object::Instance(inst) = self.heap.get(r) {
            // The interned copy of the name when there is one, as CPython interns the names
            // it sets: the instance keeps its shape (see `instance_dict`).
            let interned = self.canonical_name(name);
            let key = interned.map_or(name, Value::Obj);
            let slot = self.instance_slot(inst, key, interned);
            if let Object::Instance(inst) = self.heap.get_mut(r) {
                match slot {
                    Some(slot) => inst.dict.set_value_at(slot, value),
                    None => inst.dict.insert_new(hash, key, value, interned),
                }
            }
            return Ok(());
        }
        let slot = {
            let name_str = self.as_str(name);
            let dict = match self.heap.get(r) {
                Object::Type(t) if !t.builtin => Some(&t.dict),
                Object::Function(f) => f.dict.as_ref(),
                Object::Module(m) => {
                    let d = m.dict;
                    return self.dict_set_str(d, name, value);
                }
                _ => None,
            };
            dict.map(|d| d.find(hash, |k| k.is(name) || self.as_str(k) == name_str))
        };
        let is_type = match self.heap.get(r) {
            Object::Type(t) if t.builtin => {
                let msg = format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    self.as_str(name).unwrap_or("?"),
                    t.name
                );
                return self.err(ExcKind::TypeError, msg);
            }
            Object::Type(_) => true,
            _ => false,
        };
        let dict: &mut PyDict = match self.heap.get_mut(r) {
            Object::Type(t) => &mut t.dict,
            Object::Function(f) => f.dict.get_or_insert_with(PyDict::new),
            _ => return Err(self.unwritable(obj, name)),
        };
        match slot.flatten() {
            Some(slot) => dict.set_value_at(slot, value),
            None => dict.insert_new(hash, name, value),
        }
        if is_type {
            self.heap.types_changed();
        }
        Ok(())
    }

    /// CPython 3.11's message for a property without the needed accessor.
    fn property_error(&self, obj: Value, name: Value, accessor: &str) -> String {
        format!(
            "property '{}' of '{}' object has no {accessor}",
            self.as_str(name).unwrap_or("?"),
            self.type_name(obj)
        )
    }

    /// The AttributeError for assigning to an object without a `__dict__`: CPython's
    /// "not writable" for a built-in data attribute, else "has no attribute".
    #[cold]
    fn unwritable(&mut self, obj: Value, name: Value) -> Raised {
        match super::builtins::special_attr(self, obj, name) {
            Ok(Some(_)) => {
                let msg = format!(
                    "attribute '{}' of '{}' objects is not writable",
                    self.as_str(name).unwrap_or("?"),
                    self.type_name(obj)
                );
                self.raise(ExcKind::AttributeError, msg)
            }
            Ok(None) => self.attribute_error(obj, name),
            Err(e) => e,
        }
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if !self.type_obj(ty).builtin
            && let Some(hook) = self.special_method(ty, SpecialMethod::DelAttr)
            && matches!(hook, Value::Obj(r) if matches!(self.heap.get(r), Object::Function(_)))
        {
            self.call_reentrant(hook, &[obj, name], &[])?;
            return Ok(());
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__`.
    pub fn generic_delattr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let hash = self.str_hash(name);
        if let Value::Obj(r) = obj {
            let ty = self.type_of(obj);
            if let Some(Value::Obj(p)) = self.lookup_in_mro(ty, name)
                && let Object::Property { fdel, .. } = self.heap.get(p)
            {
                let fdel = *fdel;
                if fdel.is_none() || fdel.is_null() {
                    let msg = self.property_error(obj, name, "deleter");
                    return self.err(ExcKind::AttributeError, msg);
                }
                self.call(fdel, &[obj], &[])?;
                return Ok(());
            }
            let name_str = self.as_str(name).map(str::to_owned);
            let found = if let Object::Instance(inst) = self.heap.get(r) {
                self.instance_slot(inst, name, self.interned_handle(name))
            } else {
                let dict = match self.heap.get(r) {
                    Object::Type(t) if !t.builtin => Some(&t.dict),
                    Object::Module(m) => match self.heap.get(m.dict) {
                        Object::Dict(d) => Some(d),
                        _ => None,
                    },
                    _ => None,
                };
                dict.and_then(|d| {
                    d.find(hash, |k| {
                        k.is(name) || self.as_str(k) == name_str.as_deref()
                    })
                })
            };
            if found.is_none()
                && matches!(self.heap.get(r), Object::Instance(_))
                && self
                    .lookup_in_mro(ty, name)
                    .is_some_and(|a| self.is_member_descriptor(a))
            {
                let msg = self.as_str(name).unwrap_or("?").to_string();
                return self.err(ExcKind::AttributeError, msg);
            }
            if let Some(slot) = found {
                let target = match self.heap.get(r) {
                    Object::Module(m) => m.dict,
                    _ => r,
                };
                match self.heap.get_mut(target) {
                    Object::Instance(inst) => {
                        inst.dict.remove_at(slot);
                    }
                    Object::Type(t) => {
                        t.dict.remove_at(slot);
                        self.heap.types_changed();
                    }
                    Object::Dict(d) => {
                        d.remove_at(slot);
                    }
                    _ => {}
                }
                return Ok(());
            }
        }
        Err(self.attribute_error(obj, name))
    }

    /// Creates a class: `type(name, bases, namespace)` after the body has run.
    pub fn new_class(
        &mut self,
        name: &str,
        qualname: &str,
        bases: &[Value],
        namespace: &PyDict,
    ) -> PyResult<ObjRef> {
        let mut base_refs = Vec::with_capacity(bases.len());
        for &b in bases {
            match self.is_type(b) {
                Some(r) => base_refs.push(r),
                None => {
                    let msg = format!("bases must be types, not '{}'", self.type_name(b));
                    return self.err(ExcKind::TypeError, msg);
                }
            }
        }
        if base_refs.is_empty() {
            base_refs.push(self.types.object);
        }
        for &b in &base_refs {
            let t = self.type_obj(b);
            if t.builtin
                && matches!(
                    t.layout,
                    Layout::Bool
                        | Layout::None
                        | Layout::Function
                        | Layout::Generator
                        | Layout::Range
                        | Layout::Slice
                )
            {
                let msg = format!("type '{}' is not an acceptable base type", t.name);
                return self.err(ExcKind::TypeError, msg);
            }
        }
        for (i, &b) in base_refs.iter().enumerate() {
            if base_refs[..i].contains(&b) {
                let msg = format!("duplicate base class {}", self.type_obj(b).name);
                return self.err(ExcKind::TypeError, msg);
            }
        }
        let mut mro = match self.c3_merge(&base_refs) {
            Ok(mro) => mro,
            Err(heads) => {
                let names: Vec<String> = heads
                    .iter()
                    .map(|&b| self.type_obj(b).name.to_string())
                    .collect();
                let msg = format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                );
                return self.err(ExcKind::TypeError, msg);
            }
        };
        let layout = mro
            .iter()
            .map(|&t| self.type_obj(t).layout)
            .find(|&l| l != Layout::Object)
            .unwrap_or(Layout::Object);
        let module_key = self.intern_static("__module__");
        let module = namespace
            .iter()
            .find(|e| e.key.is(module_key))
            .and_then(|e| self.as_str(e.value))
            .unwrap_or("__main__")
            .to_string();
        // A class that defines `__eq__` but not `__hash__` gets `__hash__ = None` (unhashable).
        let mut namespace = namespace.clone();
        let (eq_key, hash_key) = (self.intern_static("__eq__"), self.intern_static("__hash__"));
        let defines = |vm: &Vm, ns: &PyDict, key: Value| {
            ns.find(vm.str_hash(key), |k| {
                k.is(key) || vm.as_str(k) == vm.as_str(key)
            })
            .is_some()
        };
        if defines(self, &namespace, eq_key) && !defines(self, &namespace, hash_key) {
            let hash = self.str_hash(hash_key);
            namespace.insert_new(hash, hash_key, Value::None);
        }
        let slotted = self.install_slots(name, &mut namespace, &mro)?;
        let getattribute_key = self.intern_static("__getattribute__");
        let getattribute_hook = defines(self, &namespace, getattribute_key)
            || mro.iter().any(|&b| self.type_obj(b).getattribute_hook);
        let ty = self.heap.alloc(Object::Type(Box::new(TypeObject {
            name: Rc::from(name),
            qualname: Rc::from(qualname),
            module: Rc::from(module.as_str()),
            bases: base_refs,
            mro: Vec::new(),
            dict: namespace,
            layout,
            builtin: false,
            slotted,
            getattribute_hook,
            summary: Default::default(),
            special_methods: Default::default(),
        })));
        mro.insert(0, ty);
        if let Object::Type(t) = self.heap.get_mut(ty) {
            t.mro = mro;
        }
        self.heap.types_changed();
        Ok(ty)
    }

    /// Turns the names in a class body's `__slots__` into member descriptors; returns whether
    /// the class's instances go without a `__dict__` (every user class in the MRO has
    /// `__slots__` and none lists `__dict__`).
    fn install_slots(
        &mut self,
        class_name: &str,
        namespace: &mut PyDict,
        bases_mro: &[ObjRef],
    ) -> PyResult<bool> {
        let key = self.intern_static("__slots__");
        let hash = self.str_hash(key);
        let Some(slot) = namespace.find(hash, |k| k.is(key) || self.as_str(k) == Some("__slots__"))
        else {
            return Ok(false);
        };
        let spec = namespace.value_at(slot);
        let names: Vec<Value> = if self.as_str(spec).is_some() {
            vec![spec]
        } else {
            self.collect_iterable(spec)?
        };
        let mut wants_dict = false;
        for n in names {
            let Some(text) = self.as_str(n).map(str::to_string) else {
                let msg = format!(
                    "__slots__ items must be strings, not '{}'",
                    self.type_name(n)
                );
                return self.err(ExcKind::TypeError, msg);
            };
            if text == "__dict__" {
                wants_dict = true;
                continue;
            }
            if text == "__weakref__" {
                continue;
            }
            let name_key = self.intern(&text);
            let name_hash = self.str_hash(name_key);
            if namespace
                .find(name_hash, |k| {
                    k.is(name_key) || self.as_str(k) == Some(&text)
                })
                .is_some()
            {
                let msg = format!("'{text}' in __slots__ conflicts with class variable");
                return self.err(ExcKind::ValueError, msg);
            }
            let descr = self.alloc(Object::MemberDescriptor {
                name: Rc::from(text.as_str()),
                owner: Rc::from(class_name),
            });
            namespace.insert_new(name_hash, name_key, descr);
        }
        let bases_slotted = bases_mro
            .iter()
            .all(|&b| self.type_obj(b).builtin || self.type_obj(b).slotted);
        Ok(!wants_dict && bases_slotted)
    }

    /// C3 linearization of the bases' MROs (without the new class itself); on failure, the
    /// heads left unmerged, which CPython's error names.
    fn c3_merge(&self, bases: &[ObjRef]) -> Result<Vec<ObjRef>, Vec<ObjRef>> {
        let mut seqs: Vec<Vec<ObjRef>> = bases
            .iter()
            .map(|&b| self.type_obj(b).mro.clone())
            .collect();
        seqs.push(bases.to_vec());
        let mut out = Vec::new();
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let Some(candidate) = seqs
                .iter()
                .map(|s| s[0])
                .find(|&c| seqs.iter().all(|s| !s[1..].contains(&c)))
            else {
                let mut heads: Vec<ObjRef> = Vec::new();
                for s in &seqs {
                    if !heads.contains(&s[0]) {
                        heads.push(s[0]);
                    }
                }
                return Err(heads);
            };
            out.push(candidate);
            for s in &mut seqs {
                if s[0] == candidate {
                    s.remove(0);
                }
            }
        }
    }
}
