# Generates large.in for festival-evenings: n = 10^5 acts of 1..999 minutes
# over d = 120 evenings. Trying every length L one by one, or an O(n^2 d) DP,
# is far too slow.
import random

rng = random.Random(2718)
n, d = 100000, 120
print(n, d)
print(" ".join(str(rng.randint(1, 999)) for _ in range(n)))
