// kiosk-cache: an LRU cache. A doubly linked list keeps the attendees in order
// of last use (most recent at the front); a hash map finds each one's node.
// get and put are O(1) on average.
#include <list>
#include <unordered_map>
#include <utility>
using namespace std;

class KioskCache {
    int capacity_;
    list<pair<int, int>> order_;  // (attendee, badge), most recently used first
    unordered_map<int, list<pair<int, int>>::iterator> where_;

public:
    explicit KioskCache(int capacity) : capacity_(capacity) { where_.reserve(2 * capacity + 1); }

    int get(int attendee) {
        auto it = where_.find(attendee);
        if (it == where_.end()) return -1;
        order_.splice(order_.begin(), order_, it->second);  // a use: move to the front
        return it->second->second;
    }

    void put(int attendee, int badge) {
        auto it = where_.find(attendee);
        if (it != where_.end()) {
            it->second->second = badge;
            order_.splice(order_.begin(), order_, it->second);
            return;
        }
        if (static_cast<int>(where_.size()) == capacity_) {
            where_.erase(order_.back().first);  // forget the least recently used
            order_.pop_back();
        }
        order_.emplace_front(attendee, badge);
        where_[attendee] = order_.begin();
    }
};
