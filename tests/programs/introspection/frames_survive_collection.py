# Frame objects, ended or live, and the values they keep survive garbage collections (the
# loop below allocates enough to trigger several); so do tracebacks' frames.
import sys


def make(n):
    data = [n] * 3
    label = "frame %d" % n
    return sys._getframe()


def suspended():
    kept = ["in a suspended generator"]
    yield sys._getframe()


def failing(depth):
    local_list = [depth, depth * 2]
    if depth == 0:
        raise ValueError("bottom")
    failing(depth - 1)


frames = [make(i) for i in range(100)]
gen_frame = next(suspended())
try:
    failing(3)
except ValueError as e:
    caught = e
junk = 0
for i in range(300000):
    junk += len([i, str(i)])
print(junk)
print(sum(f.f_locals["data"][0] for f in frames), frames[42].f_locals["label"])
print(gen_frame.f_locals["kept"], gen_frame.f_code.co_name)
tb = caught.__traceback__
while tb.tb_next:
    tb = tb.tb_next
print(tb.tb_frame.f_locals["local_list"], tb.tb_frame.f_back.f_locals["local_list"])
