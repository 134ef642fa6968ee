// badge-twins: count equal pairs and the most frequent value, O(n) expected.
#include <unordered_map>
#include <vector>
using namespace std;

vector<long long> badge_twins(vector<int>& scans) {
    unordered_map<int, long long> count;
    count.reserve(2 * scans.size() + 1);
    for (int a : scans) ++count[a];
    long long pairs = 0, best = 0, bestCount = 0;
    for (const auto& [value, c] : count) {
        pairs += c * (c - 1) / 2;
        if (c > bestCount || (c == bestCount && value < best)) {
            best = value;
            bestCount = c;
        }
    }
    return {pairs, best};
}
