# Generates large.in for river-stones: n = 10^5 stones with values in
# [-99, 60] (mostly tolls), k = 70000. The O(n*k) DP needs about 4.5*10^9 steps.
import random

rng = random.Random(161803)
n, k = 100000, 70000
print(n, k)
print(" ".join(str(rng.randint(-99, 60)) for _ in range(n)))
