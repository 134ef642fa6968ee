// carriage-flip: reverse every complete block of k nodes counted from the tail
// of a singly linked list; the incomplete block at the head stays. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, k;
    if (!(cin >> n >> k)) return 0;
    // The train as a singly linked list: node i holds label[i], next[i] is the car behind it.
    vector<long long> label(n);
    vector<int> next(n);
    for (int i = 0; i < n; ++i) {
        cin >> label[i];
        next[i] = i + 1 < n ? i + 1 : -1;
    }
    int head = n > 0 ? 0 : -1;
    // Length is known from the input; on a real list one pass would count it.
    int skip = n % k;  // the incomplete block at the engine end
    int prevTail = -1;  // last node of the already processed part
    int cur = head;
    for (int i = 0; i < skip; ++i) {
        prevTail = cur;
        cur = next[cur];
    }
    while (cur != -1) {
        // Reverse the k nodes starting at cur.
        int blockHead = cur, prev = -1;
        for (int i = 0; i < k; ++i) {
            int nx = next[cur];
            next[cur] = prev;
            prev = cur;
            cur = nx;
        }
        // prev is the new first node of the block, blockHead its new last node.
        if (prevTail == -1) head = prev;
        else next[prevTail] = prev;
        next[blockHead] = cur;
        prevTail = blockHead;
    }
    string out;
    out.reserve(static_cast<size_t>(n) * 4);
    for (int v = head; v != -1; v = next[v]) {
        if (v != head) out += ' ';
        out += to_string(label[v]);
    }
    out += '\n';
    cout << out;
}
