# price-tag-trim: greedy with a stack of kept digits; pop larger digits while
# deletions remain. O(n).


def trim_price(price, k):
    kept = []
    for c in price:
        while k and kept and kept[-1] > c:
            kept.pop()
            k -= 1
        kept.append(c)
    if k:
        del kept[len(kept) - k:]  # leftover deletions come off the end
    return "".join(kept).lstrip("0") or "0"
