def make_pair(i):
    state = {"count": i}
    def get():
        return state["count"]
    def inc():
        state["count"] += 1
        return get()
    state["get"] = get
    state["inc"] = inc
    return state
total = 0
for i in range(30000):
    s = make_pair(i)
    total += s["inc"]() + s["get"]()
print(total)
def self_ref_gen(n):
    holder = []
    def g():
        for k in range(n):
            yield k + len(holder)
    it = g()
    holder.append(it)
    return it
acc = 0
for i in range(5000):
    acc += sum(self_ref_gen(5))
print(acc)
