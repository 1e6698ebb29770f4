s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 1), s.replace("one", "1", 2), s.replace("one", "1", 0))
print(s.replace("one", "1", -1), s.replace("three", "3"), s.replace(" ", ""))
print("aaaa".replace("aa", "b"), "aaa".replace("a", "aa"), "abc".replace("", "-"))
print("abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"))
print("hello".replace("l", ""), "x.y.z".replace(".", "::"))
text = "banana"
print(text.replace("an", "AN"), text.replace("a", "o", 2), text)
