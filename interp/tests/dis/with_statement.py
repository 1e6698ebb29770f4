def copy(src, dst):
    with open(src) as f, open(dst, "w") as g:
        g.write(f.read())
    return True
