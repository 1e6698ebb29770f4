for v in [5, -5, 0, 2.5, -2.5, 0.0, -0.0, float("inf"), float("nan")]:
    print(f"{v:+}|{v:-}|{v: }|{v:+.1f}|{v: 6}")
print(f"{5:+d}", f"{-5: d}", f"{5:+x}", f"{10:+b}")
