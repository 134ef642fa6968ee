// ridge-lookout: monotonic stack of posts that can still block a view, O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> h(n);
    for (auto& x : h) cin >> x;
    vector<int> stack;  // indices with strictly decreasing heights
    stack.reserve(n);
    long long total = 0;
    for (int i = 0; i < n; ++i) {
        while (!stack.empty() && h[stack.back()] <= h[i]) stack.pop_back();
        int blocker = stack.empty() ? -1 : stack.back();
        total += i - blocker - 1;
        stack.push_back(i);
    }
    cout << total << '\n';
}
