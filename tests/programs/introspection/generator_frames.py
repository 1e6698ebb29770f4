# Frames of generators: gi_frame before, during and after running; f_back while running and
# while suspended; f_locals and f_lineno of a suspended generator.
import sys


def counter(limit):
    seen = []
    i = 0
    while i < limit:
        here = sys._getframe()
        seen.append(here.f_back.f_code.co_name if here.f_back else None)
        yield i
        i += 1
    return seen


def drive():
    g = counter(3)
    f = g.gi_frame
    print("before start", f.f_lineno == g.gi_code.co_firstlineno, sorted(f.f_locals))
    print("first", next(g))
    print("same frame", g.gi_frame is f, "suspended back", f.f_back)
    print("suspended line", f.f_lineno, "locals", sorted(f.f_locals.items())[1:])
    print("second", next(g))
    print("i", f.f_locals["i"])
    try:
        next(g)
        next(g)
    except StopIteration as stop:
        print("returned", stop.value)
    print("finished gi_frame", g.gi_frame)
    print("frame kept", f.f_locals["i"], f.f_code.co_name, f.f_back)


drive()


def closed_early():
    yield 1
    yield 2


g = closed_early()
f = g.gi_frame
next(g)
g.close()
print("closed", g.gi_frame, f.f_lineno, f.f_code.co_name)

g = closed_early()
f = g.gi_frame
g.close()
print("closed before start", g.gi_frame, f.f_lineno == closed_early.__code__.co_firstlineno)


def running():
    frame = sys._getframe()
    yield frame is gen.gi_frame, frame.f_back.f_code.co_name


gen = running()
print("running", next(gen))


def delegate():
    yield from counter(2)


d = delegate()
next(d)
print("yieldfrom", d.gi_yieldfrom.gi_frame.f_code.co_name)
