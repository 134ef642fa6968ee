# ridge-lookout: monotonic stack of posts that can still block a view, O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    stack = []  # indices with strictly decreasing heights
    total = 0
    for i, x in enumerate(h):
        while stack and h[stack[-1]] <= x:
            stack.pop()
        total += i - (stack[-1] if stack else -1) - 1
        stack.append(i)
    print(total)


main()
