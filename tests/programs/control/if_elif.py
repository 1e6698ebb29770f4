def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
print([classify(n) for n in [-5, 0, 3, 42, 1000]])
for x in range(16):
    if x % 15 == 0:
        print("FizzBuzz")
    elif x % 3 == 0:
        print("Fizz")
    elif x % 5 == 0:
        print("Buzz")
    else:
        print(x)
def grade(s):
    if s >= 90:
        g = "A"
    else:
        if s >= 80:
            g = "B"
        else:
            g = "C" if s >= 70 else "F"
    return g
print([grade(s) for s in (95, 85, 75, 10)])
if []:
    print("empty list is truthy?")
elif {}:
    print("empty dict?")
else:
    print("both falsy")
if not None and 0 == 0.0:
    print("ok")
