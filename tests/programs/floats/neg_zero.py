z = -0.0
print(z, repr(z), str(z), z == 0.0, 0.0 == -0.0, abs(z), -z)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, 0.0 / -5)
print(round(-0.4), round(-0.4, 1), int(-0.0), float(-0))
print(-1e-320 * 1e-10, 5e-324 / 2)
print(-0.5 // 1, 0.5 // -1, -0.0 // 1, 0.0 % -1, -0.0 % 1)
print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0))
print(repr(-0.0 * 3), 1 / float("-inf"))
