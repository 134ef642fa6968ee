# carriage-flip: reverse every complete block of k cars counted from the tail;
# the incomplete block at the engine end stays as it is. O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    cars = data[2:2 + n]
    skip = n % k
    out = cars[:skip]
    for start in range(skip, n, k):
        out.extend(reversed(cars[start:start + k]))
    sys.stdout.write(" ".join(x.decode() for x in out) + "\n")


main()
