# Generates the large case of scrambled-tag, the arguments as one JSON object
# {"log": "...", "tag": "..."}: |log| = 2*10^5, |tag| = 5*10^4.
# The middle of the log is periodic with a period whose letter counts divide
# those of the tag, so about 2*10^4 windows match; the rest is random noise.
# Re-counting every window costs about 7.5*10^9 steps.
import json
import random

rng = random.Random(7)
letters = "abcde"
period = [rng.choice(letters) for _ in range(50)]
tag = period * 1000  # |tag| = 50000
rng.shuffle(tag)
left = [rng.choice(letters) for _ in range(60000)]
middle = period * 1400  # 70000 letters
right = [rng.choice(letters) for _ in range(70000)]
print(json.dumps({"log": "".join(left + middle + right), "tag": "".join(tag)},
                 separators=(",", ":")))
