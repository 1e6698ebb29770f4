"""PEP 667 `f_locals` across waits: writes through a frame's `FrameLocalsProxy` reach its
variables (cells included) before and after a resume, extra names stay with the frame object,
and the proxy of a frame that has ended keeps working on what the frame object kept.
(CPython follows PEP 667 from 3.13; the tests compare this with rceval's uninterrupted run.)"""

import sys

import durable


def work(start):
    a = start
    box = [1]

    def total():
        return a + box[0]

    frame = sys._getframe()
    proxy = frame.f_locals
    proxy["a"] = 10
    proxy["extra"] = "kept"
    got = durable.wait("inside")
    print("resumed", got, a, total(), proxy["a"], proxy["extra"], "extra" in proxy)
    proxy["a"] = got
    proxy["box"] = [100]
    print("written", a, total(), sorted(k for k in proxy.keys() if k != "proxy"))
    return proxy, total


proxy, total = work(1)
print("ended", proxy["a"], proxy["extra"], total())
answer = durable.wait("outside")
proxy["a"] = answer
del proxy["extra"]
print("after", proxy["a"], "extra" in proxy, total(), len(proxy))
