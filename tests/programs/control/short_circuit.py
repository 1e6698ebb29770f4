calls = []
def t(v):
    calls.append(v)
    return v
print(t(0) and t(1), calls)
calls.clear()
print(t(1) and t(2), calls)
calls.clear()
print(t(0) or t(""), calls)
calls.clear()
print(t(3) or t(4), calls)
calls.clear()
print(t(None) or t(0) or t([]) or t("last"), calls)
calls.clear()
print(t(1) and t(2) and t(0) and t(3), calls)
calls.clear()
print(not t(0) and t("x"), calls)
calls.clear()
print(t(0) or t(1) and t(2), calls)
calls.clear()
print((t(0) or t(1)) and t(2), calls)
d = {}
key = "k"
print(key in d and d[key] > 0)
x = [] or [1]
print(x, "" or "default", 0 or 0.0, [] and 1, {} or {} or "z")
def safe_div(a, b):
    return b and a / b
print(safe_div(1, 0), safe_div(1, 4))
