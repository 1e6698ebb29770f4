s = "abc"
print(s * 0, s * 1, s * 3, s * -2, repr(s * 0), 2 * s)
print(s + "def", s + "", "" + "")
print("b" in s, "bc" in s, "ac" in s, "" in s, "abc" in s, "abcd" in s, "x" not in s)
print("a" < "b", "a" < "B", "Z" < "a", "abc" < "abd", "abc" < "ab", "" < " ", "abc" == "abc", "a" != "A")
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", ""]))
print(max("hello"), min("hello"), sorted("hello"), list("hi"), tuple("ok"))
print(len(""), len("x"), len("日本語"), len("a\nb"))
print("abc" * 2 == "abcabc", ("ab" + "c") * 2)
x = "abc"
y = "".join(["a", "b", "c"])
print(x == y, hash(1) == 1)
print(str(), str(""), str("s"), str(12), str([1, "a"]), str((1,)), str({"a": 1}))
