print("a-b-c".split("-")[::-1], "-".join("a-b-c".split("-")[::-1]))

print("prefix_name".removeprefix("prefix_"), "name.txt".removesuffix(".txt"), "abc".removeprefix("z"))
print("Hello World".count("o"), "Hello World".index("W"), "  pad ".strip().upper())
print("a,b;c d".replace(",", " ").replace(";", " ").split())
print(str(123).isdigit(), "-123".lstrip("-").isdigit())
print("x".join(["1", "2"]).split("x"))
print("CamelCaseString".swapcase(), "snake_case".title().replace("_", ""))
