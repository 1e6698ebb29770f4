# CPython gh-142183: a loop calling a function right at a data-stack chunk boundary. Every
# depth in a range is tried, so one of them sits at the boundary whatever the frame sizes.

def leaf(a, b):
    return a + b


def at_depth(n, calls):
    if n == 0:
        total = 0
        for i in range(calls):
            total = leaf(total, i)
        return total
    return at_depth(n - 1, calls)


results = [at_depth(d, 200) for d in range(1, 160)]
print(len(results), results[0], results[-1], sum(results))
