def runaway(n):
    return runaway(n + 1) + 1
try:
    runaway(0)
except RecursionError as e:
    print("caught", type(e).__name__)
def still_works(n):
    return 0 if n == 0 else 1 + still_works(n - 1)
print(still_works(500))
count = 0
def counted():
    global count
    count += 1
    counted()
try:
    counted()
except RecursionError:
    print("depth reached > 900:", count > 900, "and < 1100:", count < 1100)
for attempt in range(3):
    try:
        runaway(0)
    except RecursionError:
        print("attempt", attempt, "caught again")
def deep_with_handler(n):
    try:
        return deep_with_handler(n + 1)
    except RecursionError:
        return n
r = deep_with_handler(0)
print("handler depth plausible:", 900 < r < 1100)
print(still_works(900))
