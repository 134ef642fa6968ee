// badge-twins: count equal pairs and the most frequent value, O(n) expected.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    unordered_map<long long, long long> count;
    count.reserve(2 * n + 1);
    for (int i = 0; i < n; ++i) {
        long long a;
        cin >> a;
        ++count[a];
    }
    long long pairs = 0, best = 0, bestCount = 0;
    for (const auto& [value, c] : count) {
        pairs += c * (c - 1) / 2;
        if (c > bestCount || (c == bestCount && value < best)) {
            best = value;
            bestCount = c;
        }
    }
    cout << pairs << '\n' << best << '\n';
}
