// festival-evenings: binary search the longest evening L; a greedy pass checks
// whether at most d evenings suffice. O(n log(sum t)).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, d;
    if (!(cin >> n >> d)) return 0;
    vector<long long> t(n);
    long long lo = 0, hi = 0;
    for (auto& x : t) {
        cin >> x;
        lo = max(lo, x);
        hi += x;
    }
    auto evenings = [&](long long limit) {  // greedy: fill each evening as far as it goes
        int used = 1;
        long long tonight = 0;
        for (long long x : t) {
            if (tonight + x > limit) {
                ++used;
                tonight = 0;
            }
            tonight += x;
        }
        return used;
    };
    while (lo < hi) {
        long long mid = lo + (hi - lo) / 2;
        if (evenings(mid) <= d) hi = mid;
        else lo = mid + 1;
    }
    cout << lo << '\n';
}
