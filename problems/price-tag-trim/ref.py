# price-tag-trim: greedy with a stack of kept digits; pop larger digits while
# deletions remain. O(n).
import sys


def main():
    data = sys.stdin.read().split()
    s, k = data[0], int(data[1])
    kept = []
    for c in s:
        while k and kept and kept[-1] > c:
            kept.pop()
            k -= 1
        kept.append(c)
    if k:
        del kept[len(kept) - k:]
    print("".join(kept).lstrip("0") or "0")


main()
