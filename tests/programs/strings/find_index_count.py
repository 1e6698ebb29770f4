s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find("a", 1), s.find("a", 4, 6), s.find("a", -3))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind("a", 0, 5), s.rfind("a", -4, -1))
print(s.index("c"), s.rindex("c"), s.index("bra", 2), s.rindex("bra", 0, 6))
print(s.count("a"), s.count("bra"), s.count("z"), s.count(""), s.count("a", 3), s.count("a", 3, 8))
print("aaaa".count("aa"), "".count(""), "abc".count("", 1))
print(s.find(""), s.find("", 5), s.find("", 20), s.rfind(""))
for method in ["index", "rindex"]:
    try:
        if method == "index":
            s.index("xyz")
        else:
            s.rindex("q")
    except ValueError as e:
        print("ValueError", e)
print("a" in s, "cad" in s, "dac" in s, "" in "")
print(s.find("a", -100, 100), s.find("abra", 7), s.find("abra", 8))
