# Frame objects stay valid after their frames return: f_locals, f_lineno, f_code, f_back,
# also when the record is reused by later calls (every allocator reuses records).
import sys


def make(n):
    label = "call %d" % n
    square = n * n
    return sys._getframe()


frames = [make(i) for i in range(5)]
for _ in range(50):
    make(99)  # later calls reuse the frame records
for f in frames:
    print(f.f_code.co_name, f.f_lineno, f.f_locals["label"], f.f_locals["square"])
print("back", frames[0].f_back.f_code.co_name)


def parent():
    child = make(7)
    return child, sys._getframe()


child, parent_frame = parent()
print("child back is parent", child.f_back is parent_frame)
print("parent locals", sorted(parent_frame.f_locals))


def with_cell():
    shared = 1
    def bump():
        nonlocal shared
        shared += 1
    return sys._getframe(), bump


frame, bump = with_cell()
bump()
bump()
print("cell seen through ended frame", frame.f_locals["shared"])


def recursive(n):
    if n == 0:
        return [sys._getframe(k) for k in range(4)]
    return recursive(n - 1)


for f in recursive(3):
    print(f.f_code.co_name, f.f_locals.get("n"), f.f_lineno)
