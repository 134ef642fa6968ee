# Generates large.in for log-merge: n = 99998 files of 1..999 MB, k = 3.
# (n - 1) is odd, so the first merge must take only 2 files. Finding the
# smallest files by scanning every time is O(n^2).
import random

rng = random.Random(65537)
n, k = 99998, 3
print(n, k)
print(" ".join(str(rng.randint(1, 999)) for _ in range(n)))
