s = "Hello"
t = 'World'
print(s + ", " + t + "!")
print(len(s), s[0], s[-1], s[1:3])
print(s * 3, 3 * "ab", "-" * 10)
print("ell" in s, "xyz" in s, "" in s, "h" not in s)
print("""triple
quoted""")
print('single \'quote\'', "double \"quote\"")
print("tab\tchar", "back\\slash")
print("a" "b" "c")
print(str(42) + str(3.5) + str(None) + str(True))
long_s = ("implicit "
          "concatenation")
print(long_s)
print(s.upper(), s.lower(), s.replace("l", "L"))
for c in s:
    print(ord(c), end=" ")
print()
print(chr(72) + chr(105))
print(f"{s} {t}", f"{1 + 2}", f"{s!r}", f"{[1, 'a']}")
name = "x"
val = 3.25
print(f"name={name} val={val} double={val * 2} {{braces}}")
print(f"{'nested'} {len(s)}")
