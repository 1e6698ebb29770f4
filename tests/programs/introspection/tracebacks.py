# Exceptions' __traceback__: tb_frame, tb_lineno, tb_lasti and tb_next walked from the frame
# that caught to the frame that raised; the frames outlive their calls.


def level3(n):
    marker = n * 3
    raise KeyError(marker)


def level2(n):
    inside = n + 1
    return level3(inside)


def level1():
    try:
        level2(10)
    except KeyError as e:
        return e


exc = level1()
tb = exc.__traceback__
print("identity", exc.__traceback__ is tb)
while tb is not None:
    f = tb.tb_frame
    print(f.f_code.co_name, tb.tb_lineno, f.f_lineno, isinstance(tb.tb_lasti, int))
    print("  locals", sorted((k, v) for k, v in f.f_locals.items() if k != "e"))
    tb = tb.tb_next

# The frames the exception left have ended; f_back still leads outwards.
inner = exc.__traceback__.tb_next.tb_next.tb_frame
print("inner back", inner.f_back.f_code.co_name, inner.f_back.f_back.f_code.co_name)


def reraise():
    try:
        level3(1)
    except KeyError:
        raise


try:
    reraise()
except KeyError as e:
    names = []
    tb = e.__traceback__
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("reraised", names)


def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("wrapped") from e


try:
    chained()
except ValueError as e:
    print("cause tb", e.__cause__.__traceback__.tb_frame.f_code.co_name)
    print("lines", e.__traceback__.tb_lineno, e.__traceback__.tb_next.tb_lineno)

never_raised = ValueError("new")
print("unraised", never_raised.__traceback__)
