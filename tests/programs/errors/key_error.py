inventory = {"apples": 3, "pears": 5}
for item in ["apples", "pears"]:
    print(item, inventory[item])
print("looking up bananas")
print(inventory["bananas"])
