# lunch-pairs: sort, then count pairs with sum <= bound using two pointers.


def pairs_at_most(a, bound):
    count = 0
    lo, hi = 0, len(a) - 1
    while lo < hi:
        if a[lo] + a[hi] <= bound:
            count += hi - lo
            lo += 1
        else:
            hi -= 1
    return count


def count_lunch_pairs(prices, lo, hi):
    a = sorted(prices)
    return pairs_at_most(a, hi) - pairs_at_most(a, lo - 1)
