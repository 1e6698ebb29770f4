import io
from io import StringIO

buf = StringIO()
print(buf.write("hello "), buf.write("world\n"), buf.tell())
buf.write("second line\nthird")
print(repr(buf.getvalue()))
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(6)), repr(buf.read()), repr(buf.read()))
buf.seek(0)
print(buf.readlines())
buf.seek(0)
for line in buf:
    print("line:", repr(line))
src = io.StringIO("a\nb\nc")
print([l.strip() for l in src], src.tell())
src.seek(2)
src.write("X")
print(repr(src.getvalue()))
with StringIO("ctx") as s:
    print(s.read())
print(s.closed)
out = StringIO()
for i in range(3):
    out.write(str(i) + ",")
print(out.getvalue())
try:
    s.read()
except ValueError as e:
    print("ValueError", e)
try:
    StringIO().write(5)
except TypeError as e:
    print("TypeError", e)
