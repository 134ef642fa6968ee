# Generates large.in for hut-bunks: n = 10^5 hikers, mostly short stays of
# 1..99 nights plus a few stays of about 10^9 nights (so painting every night
# into an array is hopeless). Checking every pair of hikers is O(n^2).
import random

rng = random.Random(8080)
n = 100000
d = [rng.randint(1, 99) for _ in range(n)]
for i in rng.sample(range(n), 5):
    d[i] = rng.randint(900000000, 1000000000)
print(n)
print(" ".join(map(str, d)))
