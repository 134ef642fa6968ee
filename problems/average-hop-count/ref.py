# average-hop-count: each edge (v, parent) lies on size(v) * (n - size(v)) paths.
# Subtree sizes come from a BFS order processed backwards (no recursion). O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0] + [int(x) for x in data[1:1 + n]]
    children = [[] for _ in range(n + 1)]
    root = 0
    for v in range(1, n + 1):
        if parent[v] == 0:
            root = v
        else:
            children[parent[v]].append(v)
    order = [root]
    for v in order:  # the list grows while we walk it: a BFS
        order.extend(children[v])
    size = [1] * (n + 1)
    total = 0
    for v in reversed(order[1:]):
        s = size[v]
        total += s * (n - s)
        size[parent[v]] += s
    pairs = n * (n - 1) // 2
    print(f"{total / pairs:.9f}")


main()
