print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1.0)
print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0])
print((1, 2) == (1, 2), (1, "a") < (1, "b"), (1,) < (1, 0), () == ())
print([1, 2] == [1, 2], [1, 2] == (1, 2), {1: 2} == {1: 2}, {1: 2} == {1: 3})
print(1 == True, 0 == False, 2 == True, 1.5 > 1, -0.0 == 0.0)
print(10 ** 20 > 10 ** 19, -(10 ** 20) < 0, 10 ** 20 == 10.0 ** 20)
print(max(3, 7), min(3, 7), max("a", "b"), min([3, 1], [2, 9]))
x = 5
print(0 < x < 10, 0 < x < 4, x == 5 == 5.0, 1 < x <= 5 < 6)
def noisy(v, tag):
    print("eval", tag)
    return v
print(noisy(1, "a") < noisy(2, "b") < noisy(0, "c") < noisy(5, "d"))
print(noisy(3, "a") > noisy(4, "b") > noisy(0, "c"))
print("abc" == "abc", "abc" is not None, "a" * 3 == "aaa")
print(None == None, [] == [], [[]] == [[]], [1, [2, 3]] == [1, [2, 3]])
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
