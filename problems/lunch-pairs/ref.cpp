// lunch-pairs: sort, then count pairs with sum <= bound using two pointers.
#include <algorithm>
#include <vector>
using namespace std;

// Number of pairs i < j with a[i] + a[j] <= bound; a is sorted.
static long long pairsAtMost(const vector<long long>& a, long long bound) {
    long long count = 0;
    size_t lo = 0, hi = a.size();
    if (hi == 0) return 0;
    --hi;
    while (lo < hi) {
        if (a[lo] + a[hi] <= bound) {
            count += static_cast<long long>(hi - lo);  // a[lo] pairs with every a[lo+1..hi]
            ++lo;
        } else {
            --hi;
        }
    }
    return count;
}

long long count_lunch_pairs(vector<int>& prices, long long lo, long long hi) {
    vector<long long> a(prices.begin(), prices.end());
    sort(a.begin(), a.end());
    return pairsAtMost(a, hi) - pairsAtMost(a, lo - 1);
}
