# inspect.currentframe, inspect.stack in recursion (FrameInfo by attribute and by index),
# inspect.getframeinfo.
import inspect


def recurse(n):
    if n == 0:
        stack = inspect.stack()
        return [(info.function, info.lineno, info[3], info.filename.split("/")[-1]) for info in stack]
    return recurse(n - 1)


for entry in recurse(3):
    print(entry)

frame = inspect.currentframe()
print("currentframe", frame.f_code.co_name, frame.f_lineno)


def where():
    info = inspect.getframeinfo(inspect.currentframe())
    return info.function, info.lineno, info[2], info.code_context, info.index


print(where())
stack = inspect.stack()
print(len(stack), stack[0].function, stack[0].code_context, stack[0].index)
print(stack[0].frame is inspect.currentframe())


def context_lines():
    return inspect.stack(context=3)[0].code_context


print(context_lines())
print(inspect.isframe(frame), inspect.isframe(1), inspect.iscode(frame.f_code))
