try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
s = {1}
try:
    s.add({2})
except TypeError as e:
    print("TypeError", e)
try:
    print({1} + {2})
except TypeError as e:
    print("TypeError", e)
try:
    one = {1}
    print(one[0])
except TypeError as e:
    print("TypeError", e)
try:
    {1} < [1]
except TypeError as e:
    print("TypeError", e)
print({1, 2} == [1, 2], set([1, 2]) == {2, 1})
print(sorted(set(range(10)) - set(range(0, 10, 2))))
