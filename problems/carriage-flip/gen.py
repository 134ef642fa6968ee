# Generates the large case of carriage-flip, the arguments as one JSON object
# {"head": [...], "k": 317}: n = 10^5 cars with small labels, k = 317 (n is not
# a multiple of k, so the engine end keeps an incomplete block).
import json
import random

rng = random.Random(4242)
n, k = 100000, 317
head = [rng.randint(1, 99) for _ in range(n)]
print(json.dumps({"head": head, "k": k}, separators=(",", ":")))
