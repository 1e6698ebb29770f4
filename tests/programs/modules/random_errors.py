import random

def attempt(label, f, *args, **kwargs):
    try:
        print(label, f(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__name__, e)

random.seed(1)
attempt("randrange 0", random.randrange, 0)
attempt("randrange empty", random.randrange, 5, 5)
attempt("randrange zero step", random.randrange, 0, 10, 0)
attempt("randrange empty step", random.randrange, 10, 0, 2)
attempt("randrange float", random.randrange, 1.5)
attempt("randrange integral float", random.randrange, 3.0)
attempt("randrange str", random.randrange, "a")
attempt("randint reversed", random.randint, 5, 1)
attempt("choice empty", random.choice, [])
attempt("sample too big", random.sample, [1, 2], 3)
attempt("sample negative", random.sample, [1, 2], -1)
attempt("sample set", random.sample, {1, 2}, 1)
attempt("getrandbits negative", random.getrandbits, -1)
attempt("getrandbits zero", random.getrandbits, 0)
attempt("getrandbits float", random.getrandbits, 2.0)
attempt("seed list", random.seed, [1, 2])
attempt("choices weights", random.choices, [1, 2], weights=[1])
attempt("choices both", random.choices, [1, 2], [1, 1], cum_weights=[1, 2])
attempt("choices zero", random.choices, [1, 2], weights=[0, 0])
attempt("setstate bad", random.setstate, (99, (), None))
attempt("sample counts", random.sample, ["a", "b"], 2, counts=[1])
