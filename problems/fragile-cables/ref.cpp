// fragile-cables: bridges by an iterative DFS with discovery times and low-links.
// The edge we arrived by is skipped by id, so parallel cables form a cycle. O(n + m).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    if (!(cin >> n >> m)) return 0;
    vector<int> eu(m), ev(m);
    vector<vector<pair<int, int>>> adj(n + 1);  // (neighbour, edge id)
    for (int i = 0; i < m; ++i) {
        cin >> eu[i] >> ev[i];
        adj[eu[i]].push_back({ev[i], i});
        adj[ev[i]].push_back({eu[i], i});
    }
    vector<int> disc(n + 1, 0), low(n + 1, 0), parentEdge(n + 1, -1);
    vector<size_t> nextIdx(n + 1, 0);
    vector<int> stack;
    vector<pair<int, int>> bridges;
    int timer = 0;
    for (int s = 1; s <= n; ++s) {
        if (disc[s]) continue;
        disc[s] = low[s] = ++timer;
        stack.push_back(s);
        while (!stack.empty()) {
            int u = stack.back();
            if (nextIdx[u] < adj[u].size()) {
                auto [w, id] = adj[u][nextIdx[u]++];
                if (id == parentEdge[u]) continue;
                if (disc[w]) {
                    low[u] = min(low[u], disc[w]);  // back edge (or an edge to a finished descendant)
                } else {
                    disc[w] = low[w] = ++timer;
                    parentEdge[w] = id;
                    stack.push_back(w);
                }
            } else {
                stack.pop_back();
                if (parentEdge[u] >= 0) {
                    int id = parentEdge[u];
                    int p = eu[id] == u ? ev[id] : eu[id];
                    low[p] = min(low[p], low[u]);
                    if (low[u] > disc[p]) bridges.push_back({min(u, p), max(u, p)});
                }
            }
        }
    }
    string out = to_string(bridges.size()) + '\n';
    for (auto [a, b] : bridges) out += to_string(a) + ' ' + to_string(b) + '\n';
    cout << out;
}
