def compute():
    result = 1
    for i in range(3):
        result *= 2
    print("result", result)
    return result + undefined_quantity
print("start")
compute()
