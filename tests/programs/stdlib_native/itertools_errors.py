# itertools constructors: CPython's argument checking and error messages.
import itertools as it

cases = [
    ('it.permutations()', lambda: it.permutations()),
    ("it.permutations([1], 'a')", lambda: it.permutations([1], 'a')),
    ('it.permutations([1], -1)', lambda: it.permutations([1], -1)),
    ('it.permutations(1)', lambda: it.permutations(1)),
    ('it.permutations([1], r=2, x=1)', lambda: it.permutations([1], r=2, x=1)),
    ('it.permutations([1], 2, 3)', lambda: it.permutations([1], 2, 3)),
    ('it.permutations([1], 2**70)', lambda: it.permutations([1], 2**70)),
    ('it.combinations([1])', lambda: it.combinations([1])),
    ('it.combinations([1], -1)', lambda: it.combinations([1], -1)),
    ("it.combinations([1], 'a')", lambda: it.combinations([1], 'a')),
    ('it.combinations([1], None)', lambda: it.combinations([1], None)),
    ('it.combinations([1], 2, r=3)', lambda: it.combinations([1], 2, r=3)),
    ('it.combinations_with_replacement([1], -1)', lambda: it.combinations_with_replacement([1], -1)),
    ('it.combinations_with_replacement([1])', lambda: it.combinations_with_replacement([1])),
    ('it.product(1)', lambda: it.product(1)),
    ('it.product([1], repeat=-1)', lambda: it.product([1], repeat=-1)),
    ('it.product([1], foo=1)', lambda: it.product([1], foo=1)),
    ("it.product([1], repeat='a')", lambda: it.product([1], repeat='a')),
    ('it.product([1], repeat=2**70)', lambda: it.product([1], repeat=2**70)),
    ("it.count('a')", lambda: it.count('a')),
    ("it.count(1, 'a')", lambda: it.count(1, 'a')),
    ('it.count(1, 2, 3)', lambda: it.count(1, 2, 3)),
    ('it.count(start=1, x=2)', lambda: it.count(start=1, x=2)),
    ('it.count(None)', lambda: it.count(None)),
    ('it.cycle()', lambda: it.cycle()),
    ('it.cycle(1)', lambda: it.cycle(1)),
    ('it.cycle([1], [2])', lambda: it.cycle([1], [2])),
    ('it.cycle(x=1)', lambda: it.cycle(x=1)),
    ('it.repeat()', lambda: it.repeat()),
    ("it.repeat(1, 'a')", lambda: it.repeat(1, 'a')),
    ('it.repeat(1, 2, 3)', lambda: it.repeat(1, 2, 3)),
    ('it.repeat(1, 2**70)', lambda: it.repeat(1, 2**70)),
    ('list(it.chain(1))', lambda: list(it.chain(1))),
    ('it.chain(x=1)', lambda: it.chain(x=1)),
    ('it.chain.from_iterable()', lambda: it.chain.from_iterable()),
    ('list(it.chain.from_iterable([1]))', lambda: list(it.chain.from_iterable([1]))),
    ('it.chain.from_iterable([1], [2])', lambda: it.chain.from_iterable([1], [2])),
    ('it.islice([1])', lambda: it.islice([1])),
    ('it.islice([1], -1)', lambda: it.islice([1], -1)),
    ("it.islice([1], 'a')", lambda: it.islice([1], 'a')),
    ('it.islice([1], 1, -1)', lambda: it.islice([1], 1, -1)),
    ('it.islice([1], 0, 1, 0)', lambda: it.islice([1], 0, 1, 0)),
    ('it.islice([1], 0, 1, -1)', lambda: it.islice([1], 0, 1, -1)),
    ('it.islice([1], 1, 2, 3, 4)', lambda: it.islice([1], 1, 2, 3, 4)),
    ('it.islice()', lambda: it.islice()),
    ("it.islice([1], 'a', 2)", lambda: it.islice([1], 'a', 2)),
    ('it.islice(1, 2)', lambda: it.islice(1, 2)),
    ('it.islice([1], x=1)', lambda: it.islice([1], x=1)),
    ('it.islice([1], 2**70)', lambda: it.islice([1], 2**70)),
    ("it.islice([1], 0, 3, 'x')", lambda: it.islice([1], 0, 3, 'x')),
    ('it.zip_longest(1)', lambda: it.zip_longest(1)),
    ('it.zip_longest([1], fill=1)', lambda: it.zip_longest([1], fill=1)),
    ('it.zip_longest([1], fillvalue=0, x=1)', lambda: it.zip_longest([1], fillvalue=0, x=1)),
    ('it.accumulate()', lambda: it.accumulate()),
    ('it.accumulate(1)', lambda: it.accumulate(1)),
    ('it.accumulate([1], x=1)', lambda: it.accumulate([1], x=1)),
    ('it.accumulate([1], None, None)', lambda: it.accumulate([1], None, None)),
    ("list(it.accumulate([1, 'a']))", lambda: list(it.accumulate([1, 'a']))),
    ('it.starmap(1)', lambda: it.starmap(1)),
    ('list(it.starmap(pow, [1]))', lambda: list(it.starmap(pow, [1]))),
    ('it.starmap(pow)', lambda: it.starmap(pow)),
    ('it.takewhile(1)', lambda: it.takewhile(1)),
    ('it.dropwhile(1)', lambda: it.dropwhile(1)),
    ('it.filterfalse(1)', lambda: it.filterfalse(1)),
    ('it.compress(1)', lambda: it.compress(1)),
    ('it.compress([1], 2)', lambda: it.compress([1], 2)),
    ('it.takewhile(None, [1], 2)', lambda: it.takewhile(None, [1], 2)),
    ('list(it.takewhile(None, [1]))', lambda: list(it.takewhile(None, [1]))),
    ('it.takewhile(x=1)', lambda: it.takewhile(x=1)),
    ('list(it.dropwhile(len, [1]))', lambda: list(it.dropwhile(len, [1]))),
    ('it.groupby()', lambda: it.groupby()),
    ('it.groupby(1)', lambda: it.groupby(1)),
    ('it.groupby([1], key=1, x=2)', lambda: it.groupby([1], key=1, x=2)),
    ('list(it.groupby([1, 2], key=len))', lambda: list(it.groupby([1, 2], key=len))),
    ('it.tee()', lambda: it.tee()),
    ('it.tee([1], -1)', lambda: it.tee([1], -1)),
    ('it.tee(1)', lambda: it.tee(1)),
    ("it.tee([1], 'a')", lambda: it.tee([1], 'a')),
    ('it.tee([1], n=2)', lambda: it.tee([1], n=2)),
    ('it.pairwise()', lambda: it.pairwise()),
    ('it.pairwise(1)', lambda: it.pairwise(1)),
    ('it.pairwise([1], [2])', lambda: it.pairwise([1], [2])),
    ('it.pairwise(iterable=[1])', lambda: it.pairwise(iterable=[1])),
    ('it.compress(data=[1], sel=[1])', lambda: it.compress(data=[1], sel=[1])),
    ('it.permutations([1], iterable=[2])', lambda: it.permutations([1], iterable=[2])),
]
for c, f in cases:
    try:
        r = f()
        print(c, "->", r if isinstance(r, list) else type(r).__name__)
    except Exception as e:
        print(c, "!!", type(e).__name__, e)

for args in [(-1,), (-2,), (1, -1), (1, -2), (-1, 5), ("a", 5), (None, "a"), (0, None, None),
             (0, 5, 0), (0, 5, "x"), (2**70,), (-2**70,), (0, 2**70), (-5, -5, -5)]:
    try:
        print(args, list(it.islice(range(10), *args)))
    except ValueError as e:
        print(args, "ValueError", e)

more = [
    ("permutations duplicate", lambda: it.permutations([1], iterable=[2])),
    ("groupby duplicate", lambda: it.groupby([1], iterable=[2])),
    ("combinations stray", lambda: it.combinations([1], 1, x=2)),
    ("combinations stray+missing", lambda: it.combinations([1], x=2)),
    ("repeat stray", lambda: it.repeat(1, x=2)),
    ("accumulate 3 positional", lambda: it.accumulate([1], None, 3)),
    ("count kw", lambda: list(it.islice(it.count(step=3, start=2), 3))),
]
for label, f in more:
    try:
        print(label, "->", f())
    except TypeError as e:
        print(label, "!! TypeError", e)
