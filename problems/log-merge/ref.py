# log-merge: k-ary Huffman. Pad with empty files until (n - 1) is a multiple
# of (k - 1), then always merge the k smallest files (min-heap). O(n log n).
import heapq
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    heap = list(map(int, data[2:2 + n]))
    k = min(k, max(n, 2))
    heap.extend([0] * ((k - 1 - (n - 1) % (k - 1)) % (k - 1)))
    heapq.heapify(heap)
    cost = 0
    pop, push = heapq.heappop, heapq.heappush
    while len(heap) > 1:
        merged = 0
        for _ in range(k):
            merged += pop(heap)
        cost += merged
        push(heap, merged)
    print(cost)


main()
