def dump(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        parts = []
        for k, v in value.items():
            parts.append(pad + "  " + quote(str(k)) + ": " + dump(v, indent + 1))
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return "[" + ", ".join(dump(v) for v in value) + "]"
        return "[\n" + ",\n".join(pad + "  " + dump(v, indent + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, str):
        return quote(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)
def quote(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ch == "\n":
            out += "\\n"
        else:
            out += ch
    return out + '"'
doc = {
    "name": "rceval",
    "version": 1.5,
    "tags": ["python", "rust", "interp"],
    "nested": {"empty_list": [], "empty_dict": {}, "flag": True, "nothing": None},
    "matrix": [[1, 2], [3, 4]],
    "records": [{"id": 1, "ok": False}, {"id": 2, "note": "say \"hi\"\nbye"}],
    7: "int key",
}
print(dump(doc))
print(dump([]), dump({}), dump("x"), dump(3), dump((1, "a")))
def parse_value(s, i):
    while s[i] == " ":
        i += 1
    if s[i] == "[":
        items = []
        i += 1
        while True:
            while s[i] == " ":
                i += 1
            if s[i] == "]":
                return items, i + 1
            v, i = parse_value(s, i)
            items.append(v)
            while s[i] == " ":
                i += 1
            if s[i] == ",":
                i += 1
    j = i
    while j < len(s) and s[j] not in ",] ":
        j += 1
    tok = s[i:j]
    if tok == "null":
        return None, j
    if tok in ("true", "false"):
        return tok == "true", j
    return (float(tok) if "." in tok else int(tok)), j
print(parse_value("[1, [2, 3.5, []], null, true, [false]]", 0)[0])
