class BankAccount:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(("dep", amt))
        return self.balance
    def withdraw(self, amt):
        if amt > self.balance:
            raise ValueError("insufficient funds: balance " + str(self.balance) + ", requested " + str(amt))
        self.balance -= amt
        self.history.append(("wd", amt))
        return self.balance
    def add_interest(self):
        gained = round(self.balance * self.interest, 2)
        self.balance = round(self.balance + gained, 2)
        return gained
    def __repr__(self):
        return "Account(" + self.owner + ", " + str(self.balance) + ")"
acct = BankAccount("ann", 100)
print(acct.deposit(50), acct.withdraw(30))
for op, amt in [("withdraw", 500), ("deposit", -5), ("deposit", 10)]:
    try:
        if op == "withdraw":
            acct.withdraw(amt)
        else:
            acct.deposit(amt)
        print("ok", acct)
    except ValueError as e:
        print("ValueError", e)
print(acct.add_interest(), acct, acct.history)
