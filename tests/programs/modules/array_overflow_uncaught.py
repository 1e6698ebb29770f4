from array import array

a = array("B", [1, 2])
print(a)
a.append(300)
