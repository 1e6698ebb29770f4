# A recycled frame (free list, zombie) must start its call with every local that is not an
# argument unbound, whatever the previous call of the same code left in it: the allocators
# clear those slots when they hand the frame out, not when they take it back.

def maybe_binds(a, bind):
    if bind:
        late = a * 2
    try:
        return late
    except UnboundLocalError as e:
        return "unbound: " + str(e)


def two_args_three_locals(x, y):
    if x > y:
        z = x - y
    return locals()


def cell_and_local(n):
    if n % 2 == 0:
        kept = n

    def reader():
        return kept

    try:
        return reader()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


for i in range(6):
    print(maybe_binds(i, i % 2 == 0))
    print(sorted(two_args_three_locals(i, 3).items()))
    print(cell_and_local(i))

# The same codes called one level deeper, so the zombie slot is taken and the free list serves.
def outer(k):
    inner = maybe_binds(k, k == 1)
    return inner, maybe_binds(k + 10, k == 2)

for k in range(4):
    print(outer(k))
