# scrambled-tag: sliding window of letter counts, O(|s| + |p|).
import sys


def main():
    data = sys.stdin.read().split()
    s, p = data[0], data[1]
    n, m = len(s), len(p)
    hits = []
    if m <= n:
        base = ord("a")
        need = [0] * 26
        for ch in p:
            need[ord(ch) - base] += 1
        have = [0] * 26
        for ch in s[:m]:
            have[ord(ch) - base] += 1
        matching = sum(1 for c in range(26) if have[c] == need[c])
        if matching == 26:
            hits.append(0)
        codes = [ord(ch) - base for ch in s]
        for i in range(m, n):
            c = codes[i]
            if have[c] == need[c]:
                matching -= 1
            have[c] += 1
            if have[c] == need[c]:
                matching += 1
            c = codes[i - m]
            if have[c] == need[c]:
                matching -= 1
            have[c] -= 1
            if have[c] == need[c]:
                matching += 1
            if matching == 26:
                hits.append(i - m + 1)
    out = [str(len(hits))]
    if hits:
        out.append(" ".join(map(str, hits)))
    sys.stdout.write("\n".join(out) + "\n")


main()
