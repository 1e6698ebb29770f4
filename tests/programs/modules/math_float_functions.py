import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
values = [0.0, 0.5, 1.0, 2.0, 3.75, 10.0, 1e-10, 123456.789]
for x in values:
    print(x, math.sqrt(x), math.exp(x), math.expm1(x), math.log1p(x))
    print(math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x))
    print(math.asinh(x), math.fabs(-x), math.degrees(x), math.radians(x))
for x in [0.5, 1.0, 2.0, 10.0, 1e300, 7]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.log(x, 3), math.log(x, 10))
for x in [-1.0, -0.5, 0.0, 0.25, 1.0]:
    print(x, math.asin(x), math.acos(x))
for x in [-0.9, 0.0, 0.3]:
    print(math.atanh(x))
print(math.acosh(1.0), math.acosh(5.5))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.atan2(3, 0))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-7))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1))
print(math.fmod(10, 3), math.fmod(-10, 3), math.fmod(5.5, 2), math.fmod(3, math.inf))
print(math.pow(2, 10), math.pow(2, -1), math.pow(2.5, 0.5), math.pow(-8, 3), math.pow(1, math.nan), math.pow(math.inf, 0))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.modf(3.75), math.modf(-2.5), math.modf(math.inf))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(0.0), math.frexp(-3), math.frexp(5e-324))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(3.0, 0))
print(math.exp(1), math.exp(-745), math.exp(709))
print(math.log(2 ** 1000), math.log10(10 ** 400), math.log2(2 ** 2000), math.log(10 ** 500, 10))
print(math.trunc(3.9), math.trunc(-3.9), math.trunc(7))
print(math.sqrt(2) ** 2, math.sqrt(True))
