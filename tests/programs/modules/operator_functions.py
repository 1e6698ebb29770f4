import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8))
print(op.neg(5), op.pos(-5), op.abs(-3.5), op.invert(5), op.inv(0), op.not_(0), op.truth([]))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 5), op.rshift(64, 3))
print(op.eq(1, 1), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.concat([1], [2]), op.concat("a", "b"))
d = {"a": 1}
op.setitem(d, "b", 2); print(d, op.getitem(d, "a"))
op.delitem(d, "a"); print(d)
print(op.countOf([1, 2, 1, 1], 1), op.indexOf("abc", "c"), op.index(7))
x = [1]; print(op.iadd(x, [2]), x, op.imul(3, 4), op.isub(5, 1))
print(sorted([(1, "b"), (0, "z"), (1, "a")], key=op.itemgetter(1)))
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])))
try:
    op.index(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    op.truediv(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
