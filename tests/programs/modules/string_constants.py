import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), repr(string.printable))
print(len(string.printable), string.capwords("hello   big  world"), string.capwords("a-b-c", "-"))
print(sum(1 for ch in "Hello, World! 123" if ch in string.punctuation))
