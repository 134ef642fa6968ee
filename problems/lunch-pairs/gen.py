# Generates large.in for lunch-pairs: n = 10^5 prices in [-99, 99], window [-60, 60].
# About 2.6*10^9 pairs qualify (beyond 32-bit), and checking all 5*10^9 pairs is too slow.
import random

rng = random.Random(31337)
n = 100000
print(n, -60, 60)
print(" ".join(str(rng.randint(-99, 99)) for _ in range(n)))
