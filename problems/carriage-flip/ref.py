# carriage-flip: reverse every complete block of k nodes counted from the tail
# of a singly linked list; the incomplete block at the head stays. O(n), O(1)
# extra space. ListNode (val, next) is provided by the harness.


def flip_carriages(head, k):
    n = 0
    node = head
    while node:
        n += 1
        node = node.next
    prev_tail = None  # last node of the already processed part
    cur = head
    for _ in range(n % k):  # the incomplete block at the engine end stays
        prev_tail, cur = cur, cur.next
    while cur:
        # Reverse the k nodes starting at cur.
        block_head, prev = cur, None
        for _ in range(k):
            cur.next, prev, cur = prev, cur, cur.next
        # prev is the new first node of the block, block_head its new last node.
        if prev_tail:
            prev_tail.next = prev
        else:
            head = prev
        block_head.next = cur
        prev_tail = block_head
    return head
