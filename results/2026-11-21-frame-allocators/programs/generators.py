# Generator-heavy: many short-lived generators (each a frame that outlives its creator's call)
# and generator pipelines. Argument: rounds.
import sys


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def run(rounds):
    total = 0
    for r in range(rounds):
        total += sum(evens(squares(count_up(50))))
        for v in count_up(5):
            total += v
    return total


print(run(int(sys.argv[1])))
