# river-stones: best[i] = v[i] + max(best[i-k..i-1]); the window maximum comes
# from a monotonic deque. O(n).
import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    v = list(map(int, data[2:2 + n]))
    best = [0] * n
    best[0] = v[0]
    window = deque([0])  # indices, best[] strictly decreasing from front to back
    for i in range(1, n):
        if window[0] < i - k:
            window.popleft()
        b = v[i] + best[window[0]]
        best[i] = b
        while window and best[window[-1]] <= b:
            window.pop()
        window.append(i)
    print(best[-1])


main()
