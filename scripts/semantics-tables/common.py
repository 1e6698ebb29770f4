import struct, math, random
def rs(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif 0x20 <= o < 0x7f: out.append(ch)
        else: out.append('\\u{%x}' % o)
    return '"' + ''.join(out) + '"'
def fbits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
def ffrom(b): return struct.unpack('<d', struct.pack('<Q', b))[0]
def show_float(x): return 'float:nan' if x != x else 'float:%016x' % fbits(x)
import sys
def show_int(v):
    old = sys.get_int_max_str_digits(); sys.set_int_max_str_digits(0)
    try: return 'int:%d' % v
    finally: sys.set_int_max_str_digits(old)
EXC = {'ValueError': 'ValueError', 'ZeroDivisionError': 'ZeroDivisionError', 'OverflowError': 'OverflowError', 'TypeError': 'TypeError'}
def show_exc(e):
    n = type(e).__name__
    if n == 'MemoryError': return 'OverflowError: too many digits in integer'
    if str(e) == 'complex exponentiation': return 'ValueError: negative number cannot be raised to a fractional power'
    return EXC[n] + ': ' + str(e)
def run(f, show):
    try: v = f()
    except Exception as e: return show_exc(e)
    return show(v)
def show_num(v):
    if isinstance(v, bool): return str(v)
    if isinstance(v, int): return show_int(v)
    if isinstance(v, float): return show_float(v)
    if isinstance(v, tuple): return '(' + ', '.join(show_num(x) for x in v) + ')'
    if isinstance(v, str): return 'str:' + v
    if isinstance(v, complex): return 'ValueError: negative number cannot be raised to a fractional power'
    raise TypeError(type(v))
def table(name, typ, rows, per_line=1):
    out = ['#[rustfmt::skip]', 'pub(crate) static %s: &[%s] = &[' % (name, typ)]
    for r in rows: out.append('    %s,' % r)
    out.append('];')
    return '\n'.join(out)
