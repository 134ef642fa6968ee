// scrambled-tag: sliding window of letter counts, O(|s| + |p|).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s, p;
    cin >> s >> p;
    const size_t n = s.size(), m = p.size();
    vector<size_t> hits;
    if (m <= n) {
        array<int, 26> need{}, have{};
        for (char c : p) ++need[c - 'a'];
        int matching = 0;  // letters whose count in the window equals the count in p
        for (int c = 0; c < 26; ++c) matching += need[c] == 0;
        auto change = [&](int c, int delta) {
            if (have[c] == need[c]) --matching;
            have[c] += delta;
            if (have[c] == need[c]) ++matching;
        };
        for (size_t i = 0; i < n; ++i) {
            change(s[i] - 'a', +1);
            if (i >= m) change(s[i - m] - 'a', -1);
            if (i + 1 >= m && matching == 26) hits.push_back(i + 1 - m);
        }
    }
    string out = to_string(hits.size()) + '\n';
    for (size_t i = 0; i < hits.size(); ++i) {
        if (i) out += ' ';
        out += to_string(hits[i]);
    }
    if (!hits.empty()) out += '\n';
    cout << out;
}
