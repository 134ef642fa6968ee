// coffee-run: multi-source BFS from every coffee machine at once. O(h * w).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int h, w;
    if (!(cin >> h >> w)) return 0;
    vector<string> g(h);
    for (auto& row : g) cin >> row;
    vector<int> dist(static_cast<size_t>(h) * w, -1);
    vector<int> queue;
    queue.reserve(dist.size());
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            if (g[r][c] == 'C') {
                dist[r * w + c] = 0;
                queue.push_back(r * w + c);
            }
    const int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
    for (size_t i = 0; i < queue.size(); ++i) {
        int r = queue[i] / w, c = queue[i] % w;
        for (int d = 0; d < 4; ++d) {
            int nr = r + dr[d], nc = c + dc[d];
            if (nr < 0 || nr >= h || nc < 0 || nc >= w || g[nr][nc] == '#') continue;
            int id = nr * w + nc;
            if (dist[id] >= 0) continue;
            dist[id] = dist[queue[i]] + 1;
            queue.push_back(id);
        }
    }
    int farthest = -1;
    long long stranded = 0;
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c) {
            if (g[r][c] == '#') continue;
            int d = dist[r * w + c];
            if (d < 0) ++stranded;
            else farthest = max(farthest, d);
        }
    cout << farthest << '\n' << stranded << '\n';
}
