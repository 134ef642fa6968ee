// ridge-lookout: monotonic stack of posts that can still block a view, O(n).
#include <vector>
using namespace std;

long long total_view(vector<int>& heights) {
    const int n = static_cast<int>(heights.size());
    vector<int> stack;  // indices with strictly decreasing heights
    stack.reserve(n);
    long long total = 0;
    for (int i = 0; i < n; ++i) {
        while (!stack.empty() && heights[stack.back()] <= heights[i]) stack.pop_back();
        int blocker = stack.empty() ? -1 : stack.back();
        total += i - blocker - 1;
        stack.push_back(i);
    }
    return total;
}
