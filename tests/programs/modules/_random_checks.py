"""The checks every random_seed_*.py program runs after seeding (imported, not a test)."""
import random


def run(seed):
    random.seed(seed)
    for i in range(1000):
        print(random.random())
    deck = list(range(52))
    random.shuffle(deck)
    print(deck)
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    print([random.choice(words) for _ in range(20)])
    print([random.randrange(100) for _ in range(20)])
    print([random.randrange(10, 1000, 7) for _ in range(20)])
    print([random.randrange(50, -50, -3) for _ in range(10)])
    print([random.randrange(2 ** 70) for _ in range(5)])
    print([random.randint(-5, 5) for _ in range(20)])
    print([random.randint(1, 2 ** 40) for _ in range(5)])
    print(random.sample(range(1000), 10))
    print(random.sample(words, 3))
    print(random.sample(range(10 ** 6), 30))
    print(random.sample(["x", "y"], 2, counts=[3, 4]))
    print([random.uniform(-2.5, 7.5) for _ in range(10)])
    print([random.gauss(0.0, 1.0) for _ in range(11)])
    print([random.gauss(100, 15) for _ in range(5)])
    print([random.getrandbits(k) for k in (1, 7, 31, 32, 33, 64, 65, 100, 200)])
    print([random.choices(words, k=4), random.choices(words, weights=[5, 1, 1, 1, 10], k=6)])
    print([random.triangular(0, 10, 3) for _ in range(3)])
    print([random.normalvariate(5, 2) for _ in range(3)])
    print([random.expovariate(1.5) for _ in range(3)])
    print(random.random())
