# lunch-pairs: sort, then count pairs with sum <= bound using two pointers.
import sys


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


def main():
    data = sys.stdin.buffer.read().split()
    n, lo, hi = int(data[0]), int(data[1]), int(data[2])
    a = sorted(map(int, data[3:3 + n]))
    print(pairs_at_most(a, hi) - pairs_at_most(a, lo - 1))


main()
