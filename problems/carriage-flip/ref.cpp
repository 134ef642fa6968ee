// carriage-flip: reverse every complete block of k nodes counted from the tail
// of a singly linked list; the incomplete block at the head stays. O(n), O(1)
// extra space. ListNode (val, next) is provided by the harness.

ListNode* flip_carriages(ListNode* head, int k) {
    int n = 0;
    for (ListNode* v = head; v; v = v->next) ++n;
    int skip = n % k;           // the incomplete block at the engine end
    ListNode* prevTail = nullptr;  // last node of the already processed part
    ListNode* cur = head;
    for (int i = 0; i < skip; ++i) {
        prevTail = cur;
        cur = cur->next;
    }
    while (cur) {
        // Reverse the k nodes starting at cur.
        ListNode* blockHead = cur;
        ListNode* prev = nullptr;
        for (int i = 0; i < k; ++i) {
            ListNode* nx = cur->next;
            cur->next = prev;
            prev = cur;
            cur = nx;
        }
        // prev is the new first node of the block, blockHead its new last node.
        if (prevTail) prevTail->next = prev;
        else head = prev;
        blockHead->next = cur;
        prevTail = blockHead;
    }
    return head;
}
