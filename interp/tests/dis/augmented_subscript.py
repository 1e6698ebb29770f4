def bump(table, key, obj):
    table[key] += 1
    obj.count -= 2
    table[1:2] = [3]
    del table[key], obj.count
