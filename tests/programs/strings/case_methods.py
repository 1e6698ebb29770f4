words = ["hello", "HELLO", "Hello World", "hELLO wORLD", "123abc", "", "o'neil is here", "mixed-Case_words x1y", "ÉCOLE été"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.capitalize(), w.title(), w.swapcase())
