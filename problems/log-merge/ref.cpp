// log-merge: k-ary Huffman. Pad with empty files until (n - 1) is a multiple
// of (k - 1), then always merge the k smallest files (min-heap). O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    long long n, k;
    if (!(cin >> n >> k)) return 0;
    vector<long long> sizes(n);
    for (auto& x : sizes) cin >> x;
    if (k > n) k = max<long long>(n, 2);  // one merge of everything is allowed
    while ((static_cast<long long>(sizes.size()) - 1) % (k - 1) != 0) sizes.push_back(0);
    priority_queue<long long, vector<long long>, greater<>> heap(sizes.begin(), sizes.end());
    long long cost = 0;
    while (heap.size() > 1) {
        long long merged = 0;
        for (long long i = 0; i < k && !heap.empty(); ++i) {
            merged += heap.top();
            heap.pop();
        }
        cost += merged;
        heap.push(merged);
    }
    cout << cost << '\n';
}
