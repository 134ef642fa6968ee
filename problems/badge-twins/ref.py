# badge-twins: count equal pairs and the most frequent value, O(n) expected.
import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    count = Counter(map(int, data[1:1 + n]))
    pairs = sum(c * (c - 1) // 2 for c in count.values())
    best = min(count, key=lambda v: (-count[v], v))
    sys.stdout.write(f"{pairs}\n{best}\n")


main()
