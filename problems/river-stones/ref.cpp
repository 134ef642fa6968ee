// river-stones: best[i] = v[i] + max(best[i-k..i-1]); the window maximum comes
// from a monotonic deque. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, k;
    if (!(cin >> n >> k)) return 0;
    vector<long long> v(n), best(n);
    for (auto& x : v) cin >> x;
    deque<int> window;  // indices, best[] strictly decreasing from front to back
    for (int i = 0; i < n; ++i) {
        if (!window.empty() && window.front() < i - k) window.pop_front();
        best[i] = v[i] + (i == 0 ? 0 : best[window.front()]);
        while (!window.empty() && best[window.back()] <= best[i]) window.pop_back();
        window.push_back(i);
    }
    cout << best[n - 1] << '\n';
}
