# festival-evenings: binary search the longest evening L; a greedy pass checks
# whether at most d evenings suffice. O(n log(sum t)).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, d = int(data[0]), int(data[1])
    t = list(map(int, data[2:2 + n]))

    def fits(limit):
        used, tonight = 1, 0
        for x in t:
            tonight += x
            if tonight > limit:
                used += 1
                if used > d:
                    return False
                tonight = x
        return True

    lo, hi = max(t), sum(t)
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    print(lo)


main()
