def withdraw(balance, amount):
    assert amount <= balance, "cannot withdraw " + str(amount) + " from " + str(balance)
    return balance - amount
b = 100
b = withdraw(b, 30)
print("balance", b)
b = withdraw(b, 80)
print("unreachable", b)
