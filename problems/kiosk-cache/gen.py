# Generates a large case of kiosk-cache, the calls as one JSON array:
#   python3 gen.py [size] [seed]      (defaults: the committed large.json)
# A cache with room for size/3 attendees, filled first, then `size` calls:
# gets of recently used attendees (hits that reorder), of long-forgotten or
# never-seen ones (misses), puts of new attendees (an eviction each) and
# updates of stored ones. Searching a list of the stored attendees on each
# call, or scanning them all for the oldest on each eviction, costs about
# size * capacity steps. large.expect.json holds the results of ref.py on these calls.
import json
import random
import sys

size = int(sys.argv[1]) if len(sys.argv) > 1 else 60000
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 90210
rng = random.Random(seed)
capacity = max(1, size // 3)
calls = [["KioskCache", capacity]]
recent = []  # attendees stored lately, most of them still in the cache
next_id = 0


def new_attendee():
    global next_id
    next_id += rng.randint(1, 3)
    recent.append(next_id)
    return next_id


for _ in range(capacity):
    calls.append(["put", new_attendee(), rng.randint(0, 999)])
for _ in range(size):
    r = rng.random()
    if r < 0.35:  # a hit, usually: somebody stored within the last capacity puts
        calls.append(["get", recent[-rng.randint(1, min(len(recent), capacity))]])
    elif r < 0.45:  # a miss: long forgotten, or never stored
        calls.append(["get", rng.choice([rng.randint(0, next_id), next_id + rng.randint(1, 99)])])
    elif r < 0.85:  # a new attendee: the cache is full, so somebody is forgotten
        calls.append(["put", new_attendee(), rng.randint(0, 999)])
    else:  # an update of somebody stored lately
        calls.append(["put", recent[-rng.randint(1, min(len(recent), capacity))], rng.randint(0, 999)])
print(json.dumps(calls, separators=(",", ":")))
