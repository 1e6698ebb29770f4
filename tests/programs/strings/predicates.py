samples = ["abc", "ABC", "Abc", "123", "12.5", "", " ", " \t\n", "abc123", "abc 123", "ABC1", "a_b", "é", "Hello World", "hello world"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), s.isupper(), s.islower(), s.isdecimal(), s.isnumeric(), s.istitle())
