// scrambled-tag: sliding window of letter counts, O(|log| + |tag|).
#include <array>
#include <string>
#include <vector>
using namespace std;

vector<int> find_mentions(const string& log, const string& tag) {
    const size_t n = log.size(), m = tag.size();
    vector<int> hits;
    if (m > n) return hits;
    array<int, 26> need{}, have{};
    for (char c : tag) ++need[c - 'a'];
    int matching = 0;  // letters whose count in the window equals the count in tag
    for (int c = 0; c < 26; ++c) matching += need[c] == 0;
    auto change = [&](int c, int delta) {
        if (have[c] == need[c]) --matching;
        have[c] += delta;
        if (have[c] == need[c]) ++matching;
    };
    for (size_t i = 0; i < n; ++i) {
        change(log[i] - 'a', +1);
        if (i >= m) change(log[i - m] - 'a', -1);
        if (i + 1 >= m && matching == 26) hits.push_back(static_cast<int>(i + 1 - m));
    }
    return hits;
}
