"""collections.abc's names, for imports and annotations.

These are plain classes, not abstract base classes with subclass hooks: isinstance() and
issubclass() against them see only classes that derive from them explicitly."""

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
    "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
    "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
    "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
    "ByteString",
]


class _Abc:
    def __class_getitem__(cls, item):
        return cls


class Hashable(_Abc): pass
class Awaitable(_Abc): pass
class Coroutine(Awaitable): pass
class AsyncIterable(_Abc): pass
class AsyncIterator(AsyncIterable): pass
class AsyncGenerator(AsyncIterator): pass
class Iterable(_Abc): pass
class Iterator(Iterable): pass
class Reversible(Iterable): pass
class Generator(Iterator): pass
class Sized(_Abc): pass
class Container(_Abc): pass
class Callable(_Abc): pass
class Collection(Sized, Iterable, Container): pass
class Set(Collection): pass
class MutableSet(Set): pass
class Mapping(Collection): pass
class MutableMapping(Mapping): pass
class MappingView(Sized): pass
class KeysView(MappingView, Set): pass
class ItemsView(MappingView, Set): pass
class ValuesView(MappingView, Collection): pass
class Sequence(Reversible, Collection): pass
class MutableSequence(Sequence): pass
class ByteString(Sequence): pass
