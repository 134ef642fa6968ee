#!/usr/bin/env bash
# Function and class problems through the real binary, in C++, Python,
# JavaScript and Java (a language whose toolchain is missing is skipped, and
# says so): practice start writes the signature as a stub; a solution that
# is right is AC, written as a top-level function or LeetCode's class
# Solution; wrong is WA with the arguments, expected and got; a throw is RE
# naming the exception; a loop is TLE; debug output on stdout changes
# nothing; a missing function is CE naming it. ListNode, TreeNode and a
# design class (a min-stack) too, per case and in --batch.
source "$(dirname "$0")/lib.sh"

export HIRED_JOURNAL="$T/journal" HIRED_PROBLEMS="$FIXTURES/functions"
mkdir -p "$T/s"
cd "$T/s"

# verdict FILE PROBLEM EXPECTED_SUMMARY [run options]: judges FILE and checks
# the summary verdict.
verdict() {
    local file=$1 problem=$2 want=$3
    shift 3
    local rc=0
    [ "$want" = AC ] || rc=1
    run $rc "$HIRED" practice run "$problem" "$file" "$@"
    grep -q "^$want " "$T/out" || { cat "$T/out" "$T/err" >&2; fail "$file on $problem: expected $want"; }
}

langs=()
have g++ && langs+=(cpp) || echo "skip: no g++"
have python3 && langs+=(py) || echo "skip: no python3"
have node && langs+=(js) || echo "skip: no node"
have javac && have java && langs+=(java) || echo "skip: no javac"

# ---- starters: the signature as a stub, in each language's types --------------------
for lang in "${langs[@]}"; do
    case $lang in cpp) l=cpp ;; py) l=python ;; js) l=javascript ;; java) l=java ;; esac
    run 0 "$HIRED" practice start pair-sum --lang "$l" --dir "$T/start"
done
grep -q "vector<int> pair_sum(vector<int>& nums, int target)" "$T/start/pair-sum.cpp" 2>/dev/null || ! have g++ || fail "C++ stub"
grep -q "def pair_sum(self, nums: List\[int\], target: int) -> List\[int\]:" "$T/start/pair-sum.py" 2>/dev/null || ! have python3 || fail "Python stub"
grep -q "var pairSum = function(nums, target)" "$T/start/pair-sum.js" 2>/dev/null || ! have node || fail "JavaScript stub"
grep -q "public int\[\] pairSum(int\[\] nums, int target)" "$T/start/pair-sum.java" 2>/dev/null || ! have javac || fail "Java stub"
for f in "$T"/start/pair-sum.*; do
    verdict "$f" pair-sum WA # a stub compiles, runs and is wrong, never CE or RE
done
run 0 "$HIRED" practice start min-stack --lang python --dir "$T/start"
grep -q "class MinStack:" "$T/start/min-stack.py" || fail "class stub"
grep -q "def get_min(self) -> int:" "$T/start/min-stack.py" || fail "class stub method"
run 0 "$HIRED" practice start tree-depth --lang cpp --dir "$T/start"
grep -q "TreeNode is provided" "$T/start/tree-depth.cpp" || fail "the stub does not say TreeNode is provided"

# ---- pair-sum, every behaviour, every language ---------------------------------------
cat >ok.cpp <<'EOF'
#include <vector>
#include <unordered_map>
std::vector<int> pair_sum(std::vector<int>& nums, int target) {
    std::unordered_map<int, int> seen;
    for (int i = 0; i < (int)nums.size(); ++i) {
        auto it = seen.find(target - nums[i]);
        if (it != seen.end()) return {it->second, i};
        seen[nums[i]] = i;
    }
    return {};
}
EOF
cat >leetcode.cpp <<'EOF'
class Solution {
public:
    vector<int> pairSum(vector<int>& nums, int target) {
        for (int i = 0; i < (int)nums.size(); ++i)
            for (int j = i + 1; j < (int)nums.size(); ++j)
                if (nums[i] + nums[j] == target) return {i, j};
        return {};
    }
};
EOF
cat >wrong.cpp <<'EOF'
std::vector<int> pair_sum(std::vector<int> nums, int target) { return {1, 0}; }
EOF
cat >throws.cpp <<'EOF'
std::vector<int> pair_sum(std::vector<int> nums, int target) { throw std::runtime_error("no pair here"); }
EOF
cat >loops.cpp <<'EOF'
std::vector<int> pair_sum(std::vector<int> nums, int target) { volatile long x = 0; for (;;) x = x + 1; }
EOF
cat >prints.cpp <<'EOF'
#include <iostream>
std::vector<int> pair_sum(std::vector<int>& nums, int target) {
    std::cout << "0 1 debug" << std::endl;
    printf("[9, 9]\n");
    for (int i = 0; i < (int)nums.size(); ++i)
        for (int j = i + 1; j < (int)nums.size(); ++j)
            if (nums[i] + nums[j] == target) return {i, j};
    return {};
}
EOF
cat >missing.cpp <<'EOF'
std::vector<int> two_sum(std::vector<int> nums, int target) { return {}; }
EOF

cat >ok.py <<'EOF'
def pair_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
EOF
cat >leetcode.py <<'EOF'
class Solution:
    def pairSum(self, nums: List[int], target: int) -> List[int]:
        for i in range(len(nums)):
            for j in range(i + 1, len(nums)):
                if nums[i] + nums[j] == target:
                    return [i, j]
EOF
printf 'def pair_sum(nums, target):\n    return [1, 0]\n' >wrong.py
printf 'def pair_sum(nums, target):\n    raise KeyError("no pair here")\n' >throws.py
printf 'def pair_sum(nums, target):\n    while True:\n        pass\n' >loops.py
cat >prints.py <<'EOF'
import os, sys
def pair_sum(nums, target):
    print("[0, 1] debug")
    os.write(1, b"[9, 9]\n")
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
EOF
printf 'def two_sum(nums, target):\n    return []\n' >missing.py

cat >ok.js <<'EOF'
var pairSum = function(nums, target) {
    const seen = new Map();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
        seen.set(nums[i], i);
    }
    return [];
};
EOF
cat >leetcode.js <<'EOF'
class Solution {
    pair_sum(nums, target) {
        for (let i = 0; i < nums.length; i++)
            for (let j = i + 1; j < nums.length; j++)
                if (nums[i] + nums[j] === target) return [i, j];
    }
}
EOF
printf 'function pairSum(nums, target) { return [1, 0]; }\n' >wrong.js
printf 'function pairSum(nums, target) { throw new TypeError("no pair here"); }\n' >throws.js
printf 'function pairSum(nums, target) { for (;;) {} }\n' >loops.js
cat >prints.js <<'EOF'
function pairSum(nums, target) {
    console.log("[0, 1] debug");
    process.stdout.write("[9, 9]\n");
    for (let i = 0; i < nums.length; i++)
        for (let j = i + 1; j < nums.length; j++)
            if (nums[i] + nums[j] === target) return [i, j];
}
EOF
printf 'function twoSum(nums, target) { return []; }\n' >missing.js

mkdir -p java
cat >java/ok.java <<'EOF'
import java.util.*;
class Solution {
    public int[] pairSum(int[] nums, int target) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}
EOF
cat >java/leetcode.java <<'EOF'
import java.util.*;
public class Solution {
    public List<Integer> pair_sum(List<Integer> nums, int target) {
        for (int i = 0; i < nums.size(); i++)
            for (int j = i + 1; j < nums.size(); j++)
                if (nums.get(i) + nums.get(j) == target) return Arrays.asList(i, j);
        return new ArrayList<>();
    }
}
EOF
printf 'class Solution { public int[] pairSum(int[] n, int t) { return new int[] {1, 0}; } }\n' >java/wrong.java
printf 'class Solution { public int[] pairSum(int[] n, int t) { throw new IllegalStateException("no pair here"); } }\n' >java/throws.java
printf 'class Solution { public int[] pairSum(int[] n, int t) { while (true) {} } }\n' >java/loops.java
cat >java/prints.java <<'EOF'
class Solution {
    public int[] pairSum(int[] nums, int target) {
        System.out.println("[0, 1] debug");
        for (int i = 0; i < nums.length; i++)
            for (int j = i + 1; j < nums.length; j++)
                if (nums[i] + nums[j] == target) return new int[] {i, j};
        return null;
    }
}
EOF
printf 'class Solution { public int[] twoSum(int[] n, int t) { return n; } }\n' >java/missing.java

for lang in "${langs[@]}"; do
    f() { if [ "$lang" = java ]; then echo "java/$1.java"; else echo "$1.$lang"; fi; }
    verdict "$(f ok)" pair-sum AC
    verdict "$(f ok)" pair-sum AC --batch
    verdict "$(f leetcode)" pair-sum AC
    verdict "$(f prints)" pair-sum AC
    verdict "$(f wrong)" pair-sum WA
    expect_out "expected \[0, 1\], got \[1, 0\]; with nums=\[2, 7, 11, 15\], target=9"
    expect_out "hint: Negative numbers are allowed."
    verdict "$(f throws)" pair-sum RE
    expect_out "threw .*no pair here"
    verdict "$(f loops)" pair-sum TLE
    verdict "$(f loops)" pair-sum TLE --batch
    verdict "$(f missing)" pair-sum CE
    expect_out "no function pair_sum (or pairSum)\|no function pairSum (or pair_sum)\|no method pairSum (or pair_sum)"
done
run 0 "$HIRED" --json practice run pair-sum ok.py --batch
json 'j["verdict"] == "AC" and j["passed"] == 3'
run 0 "$HIRED" practice run pair-sum --show-harness ok.py
expect_out "Generated by hired for the problem 'pair-sum'"

# ---- ListNode, TreeNode, a design class -------------------------------------------------
cat >rev.cpp <<'EOF'
ListNode* reverse_list(ListNode* head) {
    ListNode* prev = nullptr;
    while (head) { ListNode* next = head->next; head->next = prev; prev = head; head = next; }
    return prev;
}
EOF
printf 'ListNode* reverse_list(ListNode* head) { return head; }\n' >rev-wrong.cpp
cat >rev.py <<'EOF'
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        while head:
            head.next, prev, head = prev, head, head.next
        return prev
EOF
printf 'def reverse_list(head):\n    return head\n' >rev-wrong.py
printf 'var reverseList = function(head) { let p = null; while (head) { const n = head.next; head.next = p; p = head; head = n; } return p; };\n' >rev.js
printf 'var reverseList = function(head) { return head; };\n' >rev-wrong.js
printf 'class Solution { public ListNode reverseList(ListNode h) { ListNode p = null; while (h != null) { ListNode n = h.next; h.next = p; p = h; h = n; } return p; } }\n' >java/rev.java
printf 'class Solution { public ListNode reverseList(ListNode h) { return h; } }\n' >java/rev-wrong.java

printf 'int max_depth(TreeNode* r) { return r ? 1 + std::max(max_depth(r->left), max_depth(r->right)) : 0; }\n' >depth.cpp
printf 'def max_depth(root):\n    return 1 + max(max_depth(root.left), max_depth(root.right)) if root else 0\n' >depth.py
printf 'const maxDepth = (r) => r ? 1 + Math.max(maxDepth(r.left), maxDepth(r.right)) : 0;\n' >depth.js
printf 'class Solution { public int maxDepth(TreeNode r) { return r == null ? 0 : 1 + Math.max(maxDepth(r.left), maxDepth(r.right)); } }\n' >java/depth.java

cat >stack.cpp <<'EOF'
class MinStack {
    std::vector<std::pair<int, int>> s;
public:
    void push(int x) { s.push_back({x, s.empty() ? x : std::min(x, s.back().second)}); }
    void pop() { s.pop_back(); }
    int getMin() { return s.back().second; }
};
EOF
printf 'class MinStack {\n    std::vector<int> s;\npublic:\n    void push(int x) { s.push_back(x); }\n    void pop() { s.pop_back(); }\n    int get_min() { return s.front(); }\n};\n' >stack-wrong.cpp
cat >stack.py <<'EOF'
class MinStack:
    def __init__(self):
        self.s = []
    def push(self, x: int) -> None:
        self.s.append((x, min(x, self.s[-1][1]) if self.s else x))
    def pop(self) -> None:
        self.s.pop()
    def get_min(self) -> int:
        return self.s[-1][1]
EOF
printf 'class MinStack:\n    def __init__(self):\n        self.s = []\n    def push(self, x):\n        self.s.append(x)\n    def pop(self):\n        self.s.pop()\n    def get_min(self):\n        return self.s[0]\n' >stack-wrong.py
printf 'class MinStack { constructor() { this.s = []; } push(x) { this.s.push([x, this.s.length ? Math.min(x, this.s[this.s.length - 1][1]) : x]); } pop() { this.s.pop(); } getMin() { return this.s[this.s.length - 1][1]; } }\n' >stack.js
printf 'class MinStack { constructor() { this.s = []; } push(x) { this.s.push(x); } pop() { this.s.pop(); } getMin() { return this.s[0]; } }\n' >stack-wrong.js
printf 'import java.util.*;\nclass MinStack { ArrayDeque<int[]> s = new ArrayDeque<>(); public void push(int x) { s.push(new int[] {x, s.isEmpty() ? x : Math.min(x, s.peek()[1])}); } public void pop() { s.pop(); } public int getMin() { return s.peek()[1]; } }\n' >java/stack.java
printf 'import java.util.*;\nclass MinStack { ArrayDeque<Integer> s = new ArrayDeque<>(); public void push(int x) { s.push(x); } public void pop() { s.pop(); } public int getMin() { return s.peekLast(); } }\n' >java/stack-wrong.java

for lang in "${langs[@]}"; do
    f() { if [ "$lang" = java ]; then echo "java/$1.java"; else echo "$1.$lang"; fi; }
    verdict "$(f rev)" reverse-list AC
    verdict "$(f rev-wrong)" reverse-list WA
    expect_out "expected \[3, 2, 1\], got \[1, 2, 3\]"
    verdict "$(f depth)" tree-depth AC
    verdict "$(f depth)" tree-depth AC --batch
    verdict "$(f stack)" min-stack AC
    verdict "$(f stack)" min-stack AC --batch
    verdict "$(f stack-wrong)" min-stack WA
    expect_out "call 4 (get_min): expected 1, got 3"
done

# ---- results larger than a pipe holds (Node makes a piped stdout non-blocking) --------
mkdir -p "$T/big/count-up"
cat >"$T/big/count-up.yaml" <<'EOF'
id: count-up
title: Count Up
difficulty: easy
statement: Return the numbers 0 to n - 1.
style: function
signature:
  function: count_up
  params:
    - {name: n, type: int}
  returns: "int[]"
examples:
  - args: {n: 3}
    expect: [0, 1, 2]
tests:
  - name: large
    args: {n: 300000}
    expect_file: count-up/large.expect.json
  - name: large-again
    args: {n: 300000}
    expect_file: count-up/large.expect.json
  - name: large-third
    args: {n: 300000}
    expect_file: count-up/large.expect.json
EOF
python3 -c 'import json; print(json.dumps(list(range(300000))))' >"$T/big/count-up/large.expect.json"
printf '#include <numeric>\nstd::vector<int> count_up(int n) { std::vector<int> v(n); std::iota(v.begin(), v.end(), 0); return v; }\n' >up.cpp
printf 'def count_up(n):\n    return list(range(n))\n' >up.py
printf 'var countUp = function(n) { return Array.from({length: n}, (_, i) => i); };\n' >up.js
printf 'class Solution { public int[] countUp(int n) { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = i; return a; } }\n' >java/up.java
for lang in "${langs[@]}"; do
    f() { if [ "$lang" = java ]; then echo "java/$1.java"; else echo "$1.$lang"; fi; }
    verdict "$(f up)" count-up AC --problems "$T/big"
    verdict "$(f up)" count-up AC --problems "$T/big" --batch
done

# ---- practice new: a problem of one's own, from a round's question ----------------------
export HIRED_TODAY=2026-12-07
run 0 "$HIRED" apply Acme --role "Backend Engineer"
run 0 "$HIRED" round add Acme --kind whiteboard --date 2026-12-05 --question "Merge the overlapping meeting slots"
for style in function class stdin; do
    run 0 "$HIRED" practice new "mine-$style" --style "$style"
    expect_out "Wrote $HIRED_JOURNAL/problems/mine-$style.yaml"
done
run 0 "$HIRED" practice new slots --from-round Acme 1
grep -q "Merge the overlapping meeting slots" "$HIRED_JOURNAL/problems/slots.yaml" || fail "the round's question is not the statement"
grep -q "# Asked at Acme, whiteboard #1 on 2026-12-05." "$HIRED_JOURNAL/problems/slots.yaml" || fail "no origin"
[ "$(git -C "$HIRED_JOURNAL" log --format=%s | grep -c '^practice new: ')" -eq 4 ] || fail "practice new: one commit each"
run 3 "$HIRED" practice new slots
expect_err "a problem 'slots' exists already"
run 2 "$HIRED" practice new Bad_Id
# Each scaffold is a valid problem whose reference passes, and whose starters compile and run.
run 0 "$HIRED" practice check "$HIRED_JOURNAL/problems"
expect_out "4 problems valid; 4 reference solutions pass every case."
run 0 "$HIRED" practice list
expect_out "mine-class"
pass
