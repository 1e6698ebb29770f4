s = "héllo\n"
print(f"{s!r}", f"{s!s}", f"{s!a}", f"{'x'!r:>8}", f"{42!r}", f"{[s]!a}")
class C:
    def __repr__(self): return "R"
    def __str__(self): return "S"
    def __format__(self, spec): return "F" + spec
print(f"{C()}", f"{C()!r}", f"{C()!s}", f"{C():xy}", f"{C()!r:>4}")
x = 5
print(f"{x=}", f"{x = }", f"{x=:>4}", f"{x*2=}", f"{s=!s}")
print(f"{{literal}}", f"{x}{x}", f"a{x}b{x}c", f"{'nested ' + f'{x}'}")
w = 10; p = 3
print(f"{3.14159:{w}.{p}f}|", f"{'c':{'^'}{w}}|")
