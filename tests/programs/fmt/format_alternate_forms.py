for v in [0, 5, 255, -255, 4096]:
    print(f"{v:#b} {v:#o} {v:#x} {v:#X} {v:#010b} {v:#_x}")
for v in [1.0, 0.5, 100.0, 1e20]:
    print(f"{v:#g} {v:#.0f} {v:#.0e} {v:#.3g}")
