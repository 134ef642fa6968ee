// price-tag-trim: greedy with a stack of kept digits; pop larger digits while
// deletions remain. O(n).
#include <algorithm>
#include <string>
using namespace std;

string trim_price(const string& price, int k) {
    string kept;
    kept.reserve(price.size());
    for (char c : price) {
        while (k > 0 && !kept.empty() && kept.back() > c) {
            kept.pop_back();
            --k;
        }
        kept.push_back(c);
    }
    kept.resize(kept.size() - min<size_t>(static_cast<size_t>(k), kept.size()));  // leftover deletions come off the end
    size_t first = kept.find_first_not_of('0');
    return first == string::npos ? string("0") : kept.substr(first);
}
