// average-hop-count: each edge (v, parent) lies on size(v) * (n - size(v)) paths.
// Subtree sizes come from a BFS order processed backwards (no recursion). O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<int> parent(n + 1);
    vector<vector<int>> children(n + 1);
    int root = 0;
    for (int i = 1; i <= n; ++i) {
        cin >> parent[i];
        if (parent[i] == 0) root = i;
        else children[parent[i]].push_back(i);
    }
    vector<int> order;
    order.reserve(n);
    order.push_back(root);
    for (size_t i = 0; i < order.size(); ++i)
        for (int c : children[order[i]]) order.push_back(c);
    vector<long long> size(n + 1, 1);
    long long total = 0;  // sum of distances over unordered pairs, up to ~n^3/6
    for (int i = n - 1; i > 0; --i) {
        int v = order[i];
        total += size[v] * (n - size[v]);
        size[parent[v]] += size[v];
    }
    long long pairs = static_cast<long long>(n) * (n - 1) / 2;
    cout << fixed << setprecision(9) << static_cast<double>(total) / static_cast<double>(pairs) << '\n';
}
