// price-tag-trim: greedy with a stack of kept digits; pop larger digits while
// deletions remain. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    long long k;
    if (!(cin >> s >> k)) return 0;
    string kept;
    kept.reserve(s.size());
    for (char c : s) {
        while (k > 0 && !kept.empty() && kept.back() > c) {
            kept.pop_back();
            --k;
        }
        kept.push_back(c);
    }
    kept.resize(kept.size() - static_cast<size_t>(min<long long>(k, kept.size())));  // leftover deletions come off the end
    size_t first = kept.find_first_not_of('0');
    cout << (first == string::npos ? string("0") : kept.substr(first)) << '\n';
}
