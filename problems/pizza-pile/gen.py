# Generates a large case of pizza-pile, the calls as one JSON array:
#   python3 gen.py [size] [seed]      (defaults: the committed large.json)
# First `size` boxes with readings 0..9 are pushed. Then, `size` times, the
# pile (still about `size` boxes high) gets a new coldest box (-1 .. -9), is
# asked for its minimum, and loses that box again; now and then a plain
# get_min/top or a push/pop of a warm box instead. Scanning the pile on each
# get_min, or rescanning it when the coldest box is popped, costs about
# size^2 steps. large.expect.json holds the results of ref.py on these calls.
import json
import random
import sys

size = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 4111
rng = random.Random(seed)
calls = [["PizzaPile"]]
for _ in range(size):
    calls.append(["push", rng.randint(0, 9)])
for _ in range(size):
    r = rng.random()
    if r < 0.85:
        calls += [["push", -rng.randint(1, 9)], ["get_min"], ["pop"]]
    elif r < 0.93:
        calls += [["get_min"], ["top"]]
    else:
        calls += [["push", rng.randint(0, 9)], ["pop"], ["get_min"]]
print(json.dumps(calls, separators=(",", ":")))
