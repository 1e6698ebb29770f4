s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith(""), s.startswith("hello world!"))
print(s.endswith("world"), s.endswith("hello"), s.endswith(""), s.endswith("d"))
print(s.startswith(("hi", "he")), s.startswith(("x", "y")), s.endswith(("ld", "zz")), s.endswith(()))
print(s.startswith("world", 6), s.startswith("lo", 3, 5), s.startswith("lo", 3, 4))
print(s.endswith("hello", 0, 5), s.endswith("o", 0, 5), s.endswith("wor", 0, -2), s.endswith("or", -4, -2))
files = ["a.py", "b.txt", "c.PY", "d.rs", "e.py"]
print([f for f in files if f.endswith(".py")], [f for f in files if f.lower().endswith((".py", ".rs"))])
