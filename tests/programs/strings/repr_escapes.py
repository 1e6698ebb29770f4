vals = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "cr\rx", "back\\slash",
        "\x00\x01\x1f", "\x7f", "\x80", "é", "日本", "emoji \U0001F600", "\t\n\r", "", "'", '"', "\a\b\f\v"]
for v in vals:
    print(repr(v), len(v))
print(repr(["a'b", 'c"d']), repr(("x",)), repr({"k'": "v\n"}))
print(str(["a\nb"]), ["é"], ("\t",))
print("\u0041\u00e9\x41", "\101")
print(repr("\\n"), "\\n", len("\\n"))
print(r"raw\n\t", repr(r"raw\n"), len(r"\n"))
