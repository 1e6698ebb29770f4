def nothing():
    pass
class Empty:
    pass
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
else:
    print("else after pass")
finally:
    print("finally after pass")
print(nothing(), type(Empty()).__name__)
x = 0
if x:
    pass
elif x == 0:
    print("elif reached")
def only_doc():
    "docstring only"
print(only_doc())
