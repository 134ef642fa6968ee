# Generates the large case of price-tag-trim, the arguments as one JSON object
# {"price": "...", "k": 70000}: 2*10^5 digits, k = 70000.
# The first 140000 digits never decrease (small digits, then 5..9), followed by
# random noise. "Find the first descent from the left and delete it" then scans
# about 1.4*10^5 digits per deletion: O(n*k) in total.
import json
import random

rng = random.Random(555)
prefix = "".join(sorted("1" + "".join(rng.choice("1234") for _ in range(69999))))
middle = "".join(sorted(rng.choice("56789") for _ in range(70000)))
tail = "".join(rng.choice("0123456789") for _ in range(60000))
print(json.dumps({"price": prefix + middle + tail, "k": 70000}, separators=(",", ":")))
