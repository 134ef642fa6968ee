# ridge-lookout: monotonic stack of posts that can still block a view, O(n).


def total_view(heights):
    stack = []  # indices with strictly decreasing heights
    total = 0
    for i, x in enumerate(heights):
        while stack and heights[stack[-1]] <= x:
            stack.pop()
        total += i - (stack[-1] if stack else -1) - 1
        stack.append(i)
    return total
