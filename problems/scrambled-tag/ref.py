# scrambled-tag: sliding window of letter counts, O(|log| + |tag|).


def find_mentions(log, tag):
    n, m = len(log), len(tag)
    hits = []
    if m > n:
        return hits
    base = ord("a")
    need = [0] * 26
    for ch in tag:
        need[ord(ch) - base] += 1
    have = [0] * 26
    for ch in log[:m]:
        have[ord(ch) - base] += 1
    # letters whose count in the window equals the count in tag
    matching = sum(1 for c in range(26) if have[c] == need[c])
    if matching == 26:
        hits.append(0)
    codes = [ord(ch) - base for ch in log]
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
    return hits
