def parse_port(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("bad port " + repr(s)) from e
print(parse_port("80"))
print(parse_port("eighty"))
