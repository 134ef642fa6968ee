# kiosk-cache: an LRU cache. A doubly linked list keeps the attendees in order
# of last use (most recent after the head sentinel); a dict finds each node.
# get and put are O(1) on average.


class _Node:
    __slots__ = ("attendee", "badge", "prev", "next")

    def __init__(self, attendee=0, badge=0):
        self.attendee, self.badge = attendee, badge
        self.prev = self.next = None


class KioskCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.nodes = {}
        self.head, self.tail = _Node(), _Node()  # sentinels: head.next is the most recent
        self.head.next, self.tail.prev = self.tail, self.head

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def get(self, attendee):
        node = self.nodes.get(attendee)
        if node is None:
            return -1
        self._unlink(node)
        self._push_front(node)
        return node.badge

    def put(self, attendee, badge):
        node = self.nodes.get(attendee)
        if node is not None:
            node.badge = badge
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.nodes) == self.capacity:
            oldest = self.tail.prev  # the least recently used
            self._unlink(oldest)
            del self.nodes[oldest.attendee]
        node = _Node(attendee, badge)
        self.nodes[attendee] = node
        self._push_front(node)
