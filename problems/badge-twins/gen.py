# Generates the large case of badge-twins, the arguments as one JSON object
# {"scans": [...]}: 10^5 scans, one badge dominates so the pair count (about
# 4.3e9) overflows both signed and unsigned 32-bit integers.
import json
import random

rng = random.Random(20240601)
n = 100000
scans = [-7] * 93000 + [rng.randint(-999, 999) for _ in range(n - 93000)]
rng.shuffle(scans)
print(json.dumps({"scans": scans}, separators=(",", ":")))
