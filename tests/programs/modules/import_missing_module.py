try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError", type(e).__name__)
import math, math as m2
print(math is m2)
import nonexistent_thing
