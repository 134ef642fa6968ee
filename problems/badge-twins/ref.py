# badge-twins: count equal pairs and the most frequent value, O(n) expected.
from collections import Counter


def badge_twins(scans):
    count = Counter(scans)
    pairs = sum(c * (c - 1) // 2 for c in count.values())
    best = min(count, key=lambda v: (-count[v], v))
    return [pairs, best]
