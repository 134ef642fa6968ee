// kiosk-cache: an LRU cache on a JavaScript Map, which iterates its keys in
// insertion order: deleting and re-inserting a key makes it the most recent,
// and the first key is the least recently used. get and put are O(1) on average.
class KioskCache {
    constructor(capacity) {
        this.capacity = capacity;
        this.badges = new Map();
    }

    get(attendee) {
        if (!this.badges.has(attendee)) return -1;
        const badge = this.badges.get(attendee);
        this.badges.delete(attendee); // a use: move to the most recent end
        this.badges.set(attendee, badge);
        return badge;
    }

    put(attendee, badge) {
        if (this.badges.has(attendee)) {
            this.badges.delete(attendee);
        } else if (this.badges.size === this.capacity) {
            this.badges.delete(this.badges.keys().next().value); // the least recently used
        }
        this.badges.set(attendee, badge);
    }
}
