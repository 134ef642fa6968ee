# Generates the large case of ridge-lookout, the arguments as one JSON object
# {"heights": [...]}: n = 180000 heights in 1..9.
# Heights mostly climb in long plateaus, so most views reach far back: the total
# is about 1.1*10^10 (beyond 32 bits) and walking back step by step is too slow.
import json
import random

rng = random.Random(99)
n = 180000
h = []
for i in range(n):
    base = 1 + (i * 8) // n  # plateaus 1..8
    if rng.random() < 0.3:
        h.append(rng.randint(1, base))  # a lower post: it never blocks a taller one
    else:
        h.append(base)
print(json.dumps({"heights": h}, separators=(",", ":")))
