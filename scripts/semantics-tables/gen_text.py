import sys; sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from common import *
def ro(x):  # Rust Option literal
    if x is None: return 'None'
    if isinstance(x, str): return 'Some(%s)' % rs(x)
    return 'Some(%d)' % x
def res(f):
    try: v = f()
    except Exception as e: return show_exc(e)
    return repr(v)
S = ['', 'a', 'abc', 'hello world', '  spaced  out  ', 'a,b,,c,', 'abab', 'aaa', 'héllo wörld', 'ΣΑΣ', 'ὈΔΥΣΣΕΎΣ', 'straße', 'ǆemal ǅ Ǆ', 'ﬁne ﬂow', 'İstanbul',
     'Hello World', 'HELLO', 'hello', '123', '١٢٣', '½', '²', 'Ⅻ', 'a1', '_id', '1id', 'été', '\t\tx\ty\n\tz\rw', 'l1\nl2\r\nl3\rl4\x0bl5\x0cl6\x1cl7\x1dl8\x1el9\x85l10\u2028l11\u2029end\n',
     ' \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000', "it's", 'say "hi"', 'both \' and "', 'back\\slash', '\x00\x07\x7f\x80\x9f\xa0\xad',
     '\u200b\ufeff\ue000\u0378', '😀 emoji', '\U000e0001\U0010ffff', 'Σ', 'aΣ', 'aΣ b', 'AΣ.', 'ΑΣ\u0301', 'ΑΣ\u0301α', '+12', '-12', 'ab\tcd\tef', 'x\n', '\r\n\r\n', 'a\r', 'ß', 'ŉ',
     'ΐ', 'ﬃ', 'ᾳ', 'ᾼ', 'ʰa', 'ᵃB', 'They\'re bill\'s friends', 'a\u0301b', 'ꭰ', 'ǰ', 'x1y2', 'Ⅷ ⅷ', 'ⓐⒶ', '\u1c89\ua7cb', '\u019b\u0264', 'Ꞔ', 'ꞔ', ' x ', 'xyx', 'éé']
lines = ['//! Generated from CPython 3.11.7; do not edit.', '', '/// (text, sub, start, end, [find, rfind, count, startswith, endswith])', 'pub(crate) type SearchCase = (&\'static str, &\'static str, Option<i64>, Option<i64>, [&\'static str; 5]);', '']
rows = []
for s in S:
    vals = [repr(s.upper()), repr(s.lower()), repr(s.capitalize()), repr(s.title()), repr(s.swapcase()), repr(s.casefold()),
            repr(s.isdigit()), repr(s.isalpha()), repr(s.isspace()), repr(s.isalnum()), repr(s.isupper()), repr(s.islower()), repr(s.isdecimal()),
            repr(s.isnumeric()), repr(s.isidentifier()), repr(s.istitle()), repr(s.isprintable()), repr(s.isascii()),
            repr(s), ascii(s), repr(s.splitlines()), repr(s.splitlines(True)), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip())]
    rows.append('(%s, [%s])' % (rs(s), ', '.join(rs(v) for v in vals)))
lines.append(table('UNARY', '(&str, [&str; 25])', rows))
rows = []
for s in S[:20] + ['a b  c   d', '  a b  ', 'a\u3000b\x85c', 'a,b,c', ',a,', 'abcabc', 'xaaay']:
    for sep in [None, ' ', ',', 'ab', '', 'a']:
        for m in [-1, 0, 1, 2, 10]:
            rows.append('(%s, %s, %d, %s, %s)' % (rs(s), ro(sep), m, rs(res(lambda: s.split(sep, m))), rs(res(lambda: s.rsplit(sep, m)))))
lines.append(table('SPLIT', '(&str, Option<&str>, i64, &str, &str)', rows))
rows = []
for s in ['', 'abc', 'abcabc', 'héllo héllo', 'aaaa', '😀a😀b', 'xyz']:
    for sub in ['', 'a', 'ab', 'é', 'xyz', 'llo', '😀', 'aa']:
        for (st, en) in [(None, None), (1, None), (-2, None), (0, -1), (5, None), (3, 3), (10, 20), (-100, 100), (2, 1), (None, 2), (None, -100), (4, None), (7, None), (6, 6)]:
            rows.append('(%s, %s, %s, %s, [%s])' % (rs(s), rs(sub), ro(st), ro(en), ', '.join(rs(repr(v)) for v in [s.find(sub, st, en), s.rfind(sub, st, en), s.count(sub, st, en), s.startswith(sub, st, en), s.endswith(sub, st, en)])))
lines.append(table('SEARCH', 'SearchCase', rows))
rows = []
for s in ['', 'abc', 'abab', 'héllo', 'aaa', 'xyz']:
    for old in ['', 'a', 'ab', 'é', 'aa']:
        for new in ['', '-', 'XY']:
            for c in [-1, 0, 1, 2, 5]:
                rows.append('(%s, %s, %s, %d, %s)' % (rs(s), rs(old), rs(new), c, rs(repr(s.replace(old, new, c)))))
lines.append(table('REPLACE', '(&str, &str, &str, i64, &str)', rows))
rows = []
for s in ['', 'a', 'ab', 'abc', 'héllo', '+12', '-12', '-', '12', '😀']:
    for w in [-1, 0, 1, 3, 4, 5, 6, 7, 10]:
        for f in [' ', '*', 'é']:
            rows.append('(%s, %d, %s, [%s])' % (rs(s), w, repr(f).replace("'", "'") if False else "'%s'" % (f if f != "'" else "\\'"), ', '.join(rs(repr(v)) for v in [s.ljust(w, f), s.rjust(w, f), s.center(w, f), s.zfill(w)])))
lines.append(table('PAD', '(&str, i64, char, [&str; 4])', rows))
rows = []
for s in ['', 'a b c', 'abab', 'héllo', 'no-sep', 'a  b']:
    for sep in [' ', 'a', 'ab', '', 'é', '  ']:
        rows.append('(%s, %s, %s, %s)' % (rs(s), rs(sep), rs(res(lambda: s.partition(sep))), rs(res(lambda: s.rpartition(sep)))))
lines.append(table('PARTITION', '(&str, &str, &str, &str)', rows))
rows = []
for s in ['', 'a\tb', '\t', 'ab\tcd\tef', '12345678\tx', 'a\nb\tc', 'a\r\tb', 'héllo\twörld\t!', '\t\t']:
    for t in [8, 4, 1, 0, -1, 3]:
        rows.append('(%s, %d, %s)' % (rs(s), t, rs(repr(s.expandtabs(t)))))
lines.append(table('EXPANDTABS', '(&str, i64, &str)', rows))
rows = []
for s in S + ['"', "'", '\'"', 'a\u2028b']:
    for chars in [None, ' ', 'ab', 'xé', 'hd', '']:
        rows.append('(%s, %s, [%s])' % (rs(s), ro(chars), ', '.join(rs(repr(v)) for v in [s.strip(chars), s.lstrip(chars), s.rstrip(chars)])))
lines.append(table('STRIP', '(&str, Option<&str>, [&str; 3])', rows))
open('interp/src/text/tests/cases.rs', 'w').write('\n'.join(lines) + '\n')
print('ok', len(rows))
