"""A small `inspect`: the frame and traceback helpers, over rceval's frame objects.

currentframe, stack, getouterframes, getinnerframes, trace, getframeinfo, and the is*
predicates for frames, tracebacks, code objects, functions and generators. FrameInfo and
Traceback are named tuples (attribute and index access), without 3.11's `positions`.
"""

import sys
from collections import namedtuple
from _inspect import source_line

__all__ = [
    "FrameInfo", "Traceback", "currentframe", "stack", "trace", "getouterframes",
    "getinnerframes", "getframeinfo", "getlineno", "isframe", "istraceback", "iscode",
    "isfunction", "isgenerator", "isgeneratorfunction",
]

FrameInfo = namedtuple("FrameInfo", "frame filename lineno function code_context index")
Traceback = namedtuple("Traceback", "filename lineno function code_context index")

_CO_GENERATOR = 0x20


def isframe(obj):
    return type(obj).__name__ == "frame"


def istraceback(obj):
    return type(obj).__name__ == "traceback"


def iscode(obj):
    return type(obj).__name__ == "code"


def isfunction(obj):
    return type(obj).__name__ == "function"


def isgenerator(obj):
    return type(obj).__name__ == "generator"


def isgeneratorfunction(obj):
    return isfunction(obj) and bool(obj.__code__.co_flags & _CO_GENERATOR)


def currentframe():
    """The caller's frame."""
    return sys._getframe(1)


def getlineno(frame):
    return frame.f_lineno


def _context(filename, lineno, context):
    if context <= 0:
        return None, None
    start = lineno - 1 - context // 2
    if start < 0:
        start = 0
    lines = []
    for number in range(start + 1, start + context + 1):
        line = source_line(filename, number)
        if line is None:
            break
        lines.append(line)
    if not lines:
        return None, None
    return lines, lineno - 1 - start


def getframeinfo(frame, context=1):
    """Traceback(filename, lineno, function, code_context, index) of a frame or traceback."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError("{!r} is not a frame or traceback object".format(frame))
    filename = frame.f_code.co_filename
    lines, index = _context(filename, lineno, context)
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index)


def getouterframes(frame, context=1):
    """FrameInfo for a frame and every frame outside it, innermost first."""
    records = []
    while frame:
        info = getframeinfo(frame, context)
        records.append(FrameInfo(frame, *info))
        frame = frame.f_back
    return records


def getinnerframes(tb, context=1):
    """FrameInfo for a traceback's frame and every frame inside it, outermost first."""
    records = []
    while tb:
        info = getframeinfo(tb, context)
        records.append(FrameInfo(tb.tb_frame, *info))
        tb = tb.tb_next
    return records


def stack(context=1):
    """FrameInfo for the caller's frame and every frame outside it."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo from the frame handling the current exception to where it was raised."""
    return getinnerframes(sys.exc_info()[2], context)
