// pizza-pile: a stack that stores, with every box, the minimum of the pile at
// the moment the box was pushed. Every operation O(1).
#include <algorithm>
#include <utility>
#include <vector>
using namespace std;

class PizzaPile {
    vector<pair<int, int>> boxes_;  // (reading, minimum of the pile up to this box)

public:
    PizzaPile() {}

    void push(int reading) {
        int low = boxes_.empty() ? reading : min(reading, boxes_.back().second);
        boxes_.emplace_back(reading, low);
    }

    void pop() { boxes_.pop_back(); }

    int top() { return boxes_.back().first; }

    int get_min() { return boxes_.back().second; }
};
