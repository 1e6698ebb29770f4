def total(items):
    result = 0
    for item in items:
        if item < 0:
            continue
        if item > 100:
            break
        result += item
    else:
        result = -1
    return result
