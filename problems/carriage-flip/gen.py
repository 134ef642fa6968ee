# Generates large.in for carriage-flip: n = 10^5 cars with small labels, k = 317
# (n is not a multiple of k, so the engine end keeps an incomplete block).
import random

rng = random.Random(4242)
n, k = 100000, 317
print(n, k)
print(" ".join(str(rng.randint(1, 99)) for _ in range(n)))
