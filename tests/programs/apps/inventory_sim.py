class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return self.name + "x" + str(self.qty)
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, price, qty):
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)
    def remove(self, name, qty):
        item = self.items.get(name)
        if item is None:
            raise KeyError(name)
        if item.qty < qty:
            raise ValueError("only " + str(item.qty) + " " + name + " left")
        item.qty -= qty
        if item.qty == 0:
            del self.items[name]
    def total(self):
        return sum(i.value() for i in self.items.values())
inv = Inventory()
seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 16) % n
names = ["bolt", "nut", "gear", "spring", "cog"]
for step in range(60):
    name = names[rand(len(names))]
    if rand(3) == 0:
        try:
            inv.remove(name, rand(5) + 1)
        except KeyError as e:
            print(step, "missing", e)
        except ValueError as e:
            print(step, "short:", e)
    else:
        inv.add(name, rand(20) + 1, rand(10) + 1)
print(sorted(inv.items.values(), key=lambda i: i.name))
print(inv.total(), seed)
