class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        Exception.__init__(self, "need " + str(needed) + ", have " + str(available))
        self.needed = needed
class Account:
    count = 0
    def __init__(self, owner, balance=0):
        Account.count += 1
        self.number = Account.count
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        self.balance += amount
        self.log.append("+" + str(amount))
    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(amount, self.available())
        self.balance -= amount
        self.log.append("-" + str(amount))
    def available(self):
        return self.balance
    def month_end(self):
        pass
    def __repr__(self):
        return type(self).__name__ + "#" + str(self.number) + "(" + self.owner + ", " + str(self.balance) + ")"
class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.01):
        Account.__init__(self, owner, balance)
        self.rate = rate
    def month_end(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        Account.__init__(self, owner, balance)
        self.overdraft = overdraft
    def available(self):
        return self.balance + self.overdraft
    def month_end(self):
        if self.balance < 0:
            self.balance -= 15
            self.log.append("fee")
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, acct):
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print("transfer failed:", e)
            return False
        except KeyError as e:
            print("no such account", e)
            return False
        self.accounts[dst].deposit(amount)
        return True
    def month_end(self):
        for a in self.accounts.values():
            a.month_end()
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
s = bank.open(Savings("ann", 1000, 0.02))
c = bank.open(Checking("bob", 50))
p = bank.open(Account("cy"))
print(bank.transfer(1, 2, 200), bank.transfer(2, 3, 320), bank.transfer(2, 3, 100), bank.transfer(9, 1, 5))
bank.month_end()
for a in bank.accounts.values():
    print(a, a.log, isinstance(a, Account), isinstance(a, Savings))
print(bank.total(), Account.count)
