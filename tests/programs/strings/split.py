s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 1), s.split(maxsplit=2))
print(s.rsplit(), s.rsplit(None, 1), s.rsplit(maxsplit=2))
csv = "a,b,,c,"
print(csv.split(","), csv.split(",", 1), csv.split(",", 2), csv.split(",", 0), csv.split(",", -1))
print(csv.rsplit(","), csv.rsplit(",", 1), csv.rsplit(",", 2), csv.rsplit(",", maxsplit=3))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), ":::".split("::"))
print("".split(), "".split(","), "   ".split(), "x".split("x"), "xx".split("x"))
print("abc".split("abc"), "aXbXc".split("X"), "no sep here".split("|"))
print("1 2 3".split(" ", 5), "1  2".split(" "))
print("one\ttwo\x0bthree\x0cfour\rfive".split())
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
words = "the cat sat on the mat".split()
print(len(words), words[2], words[-1])
