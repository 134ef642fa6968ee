# Generates the large case of lunch-pairs, the arguments as one JSON object
# {"prices": [...], "lo": -60, "hi": 60}: 10^5 prices in [-99, 99].
# About 2.6*10^9 pairs qualify (beyond 32-bit), and checking all 5*10^9 pairs is too slow.
import json
import random

rng = random.Random(31337)
n = 100000
lo, hi = -60, 60
prices = [rng.randint(-99, 99) for _ in range(n)]
print(json.dumps({"prices": prices, "lo": lo, "hi": hi}, separators=(",", ":")))
