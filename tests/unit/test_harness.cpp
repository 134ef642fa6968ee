// The generated harnesses, run with the real toolchains (a language that is
// not installed is skipped, and says so): each finds the user's function at
// the top level or in class Solution under either spelling, passes values of
// every type both ways exactly, keeps the user's prints off the result
// channel, reports an exception per case, and a missing function as exit 97.
#include "practice/harness.hpp"
#include "practice/problem.hpp"
#include "util/files.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

using namespace hired::practice;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/hired-harness-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void spit(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

struct Ran {
    int status = -1;
    std::string out, err;
};

// Runs a shell command with input on stdin; stdout and stderr apart.
Ran run(const std::string& command, const std::string& input, const fs::path& dir) {
    spit(dir / "stdin", input);
    std::string cmd =
        fmt::format("cd '{}' && {} < stdin > stdout 2> stderr", dir.string(), command);
    Ran r;
    int status = std::system(cmd.c_str());
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = hired::try_read_file(dir / "stdout").value_or("");
    r.err = hired::try_read_file(dir / "stderr").value_or("");
    return r;
}

bool have(const char* tool) {
    return std::system(fmt::format("command -v {} >/dev/null 2>&1", tool).c_str()) == 0;
}

Problem problem_from(const std::string& yaml, const fs::path& dir, const std::string& id) {
    spit(dir / (id + ".yaml"), yaml);
    return load_problem(dir / (id + ".yaml"));
}

// Builds and runs the harness of language with the user's source; returns
// what ran (stdout: the result channel).
Ran harness_run(const Problem& p, const std::string& language, const std::string& source,
                const std::vector<const CallCase*>& cases, const fs::path& dir) {
    HarnessFiles h = generate_harness(p, language);
    fs::create_directories(dir);
    for (const auto& [name, text] : h.files)
        spit(dir / name, text);
    spit(dir / h.user_file, source);
    std::string input = encode_cases(p, cases);
    if (language == "cpp") {
        Ran c = run("g++ -std=c++20 -O1 -o prog " + h.main_file, "", dir);
        if (c.status != 0) return c;
        return run("./prog", input, dir);
    }
    if (language == "python") return run("python3 " + h.main_file + " " + h.user_file, input, dir);
    if (language == "javascript") return run("node " + h.main_file + " " + h.user_file, input, dir);
    Ran c = run("javac -d . *.java", "", dir);
    if (c.status != 0) return c;
    return run("java -cp . HiredHarness", input, dir);
}

const char* kPairSum = R"(id: pair-sum
title: Pair Sum
difficulty: easy
statement: Two indices whose numbers add up to the target.
style: function
signature:
  function: pair_sum
  params:
    - {name: nums, type: "int[]"}
    - {name: target, type: int}
  returns: "int[]"
examples:
  - args: {nums: [2, 7, 11, 15], target: 9}
    expect: [0, 1]
tests:
  - name: negatives
    args: {nums: [-3, 1, 2], target: -1}
    expect: [0, 2]
  - name: boom
    args: {nums: [], target: 0}
    expect: []
)";

struct Solution {
    std::string language, source;
};

std::vector<Solution> pair_sum_solutions() {
    return {
        {"cpp", R"(#include <bits/stdc++.h>
using namespace std;
class Solution {
public:
    vector<int> pairSum(const vector<int>& nums, int target) {
        cout << "debug to stdout" << endl;
        printf("printf too\n");
        if (nums.empty()) throw runtime_error("empty input");
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); ++i) {
            auto it = seen.find(target - nums[i]);
            if (it != seen.end()) return {it->second, i};
            seen[nums[i]] = i;
        }
        return {};
    }
};
int main() { return 1; }
)"},
        {"cpp", R"(#include <vector>
#include <stdexcept>
std::vector<int> pair_sum(std::vector<int> nums, int target) {
    if (nums.empty()) throw std::invalid_argument("empty input");
    for (size_t i = 0; i < nums.size(); ++i)
        for (size_t j = i + 1; j < nums.size(); ++j)
            if (nums[i] + nums[j] == target) return {(int)i, (int)j};
    return {};
}
)"},
        {"python", R"(from typing import List
import os
class Solution:
    def pairSum(self, nums: List[int], target: int) -> List[int]:
        print("debug to stdout")
        os.write(1, b"raw write to fd 1\n")
        if not nums:
            raise ValueError("empty input")
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []
)"},
        {"python", R"(def pair_sum(nums, target):
    if not nums:
        raise ValueError("empty input")
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
)"},
        {"javascript", R"(var pairSum = function(nums, target) {
    console.log("debug to stdout");
    process.stdout.write("and this\n");
    if (!nums.length) throw new Error("empty input");
    const seen = new Map();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
        seen.set(nums[i], i);
    }
    return [];
};
)"},
        {"javascript", R"(class Solution {
    pair_sum(nums, target) {
        if (!nums.length) throw new RangeError("empty input");
        for (let i = 0; i < nums.length; i++)
            for (let j = i + 1; j < nums.length; j++)
                if (nums[i] + nums[j] === target) return [i, j];
        return [];
    }
}
)"},
        {"java", R"(import java.util.*;
class Solution {
    public int[] pairSum(int[] nums, int target) {
        System.out.println("debug to stdout");
        if (nums.length == 0) throw new IllegalArgumentException("empty input");
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new int[] {j, i};
            seen.put(nums[i], i);
        }
        return new int[0];
    }
}
)"},
        {"java", R"(import java.util.*;
public class Solution {
    public List<Integer> pair_sum(List<Integer> nums, int target) {
        if (nums.isEmpty()) throw new IllegalStateException("empty input");
        for (int i = 0; i < nums.size(); i++)
            for (int j = i + 1; j < nums.size(); j++)
                if (nums.get(i) + nums.get(j) == target) return Arrays.asList(i, j);
        return new ArrayList<>();
    }
}
)"},
    };
}

const char* tool_of(const std::string& language) {
    if (language == "cpp") return "g++";
    if (language == "python") return "python3";
    if (language == "javascript") return "node";
    return "javac";
}

} // namespace

TEST_CASE("a function is found and called in every language, its prints kept off the results") {
    TempDir tmp;
    Problem p = problem_from(kPairSum, tmp.path, "pair-sum");
    std::vector<const CallCase*> cases;
    for (const auto* c : p.all_cases())
        cases.push_back(&c->call);
    int n = 0;
    for (const auto& s : pair_sum_solutions()) {
        ++n;
        if (!have(tool_of(s.language))) {
            WARN("skipped: no " << tool_of(s.language));
            continue;
        }
        INFO(s.language << " solution " << n);
        Ran r = harness_run(p, s.language, s.source, cases, tmp.path / fmt::format("s{}", n));
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.status == 0);
        HarnessOutput h = read_harness_output(p, r.out, cases);
        REQUIRE(h.malformed == "");
        REQUIRE(h.finished);
        REQUIRE(h.outcomes.size() == 3);
        CHECK(h.outcomes[0].returned);
        CHECK(h.outcomes[0].result == Value({0, 1}));
        CHECK(h.outcomes[1].result == Value({0, 2}));
        CHECK_FALSE(h.outcomes[2].returned);
        CHECK(h.outcomes[2].error.find("empty input") != std::string::npos);
        CHECK(h.outcomes[0].cpu_ms >= 0);
    }
}

TEST_CASE("a missing function is exit 97, naming it") {
    TempDir tmp;
    Problem p = problem_from(kPairSum, tmp.path, "pair-sum");
    std::vector<const CallCase*> cases = {&p.examples[0].call};
    std::vector<Solution> wrong = {
        {"cpp", "int pair_summ(int x) { return x; }\n"},
        {"python", "def pairsum(nums, target):\n    return []\n"},
        {"javascript", "function twoSum(nums, target) { return []; }\n"},
        {"java", "class Solution { public int[] twoSum(int[] a, int t) { return a; } }\n"},
    };
    for (const auto& s : wrong) {
        if (!have(tool_of(s.language))) continue;
        INFO(s.language);
        Ran r = harness_run(p, s.language, s.source, cases, tmp.path / s.language);
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        if (s.language == "cpp" || (s.language == "java" && r.status != kHarnessMissing)) {
            CHECK(r.status != 0);
            CHECK(r.err.find(s.language == "cpp" ? "hired: no function pair_sum (or pairSum)"
                                                 : "hired:") != std::string::npos);
        } else {
            CHECK(r.status == kHarnessMissing);
            CHECK(r.err.find("pair") != std::string::npos);
        }
    }
}

const char* kShapes = R"(id: shapes
title: Shapes
difficulty: easy
statement: Echo every kind of value back.
style: function
signature:
  function: echo_all
  params:
    - {name: words, type: "string[]"}
    - {name: grid, type: "long[][]"}
    - {name: x, type: double}
    - {name: flag, type: bool}
    - {name: head, type: ListNode}
    - {name: root, type: TreeNode}
  returns: "string[]"
tests:
  - args: {words: ["a b", "", "ü\n:~", "5:x"], grid: [[9007199254740993, -1], []], x: 0.1, flag: true, head: [3, 1, 2], root: [1, null, 2, 3]}
    expect: []
  - args: {words: [], grid: [], x: -2.5e-300, flag: false, head: [], root: []}
    expect: []
)";

TEST_CASE("values of every type pass both ways exactly") {
    TempDir tmp;
    Problem p = problem_from(kShapes, tmp.path, "shapes");
    std::vector<const CallCase*> cases = {&p.tests[0].call, &p.tests[1].call};
    // Each language returns its arguments as strings it builds itself.
    std::vector<Solution> echo = {
        {"cpp", R"(
vector<string> echo_all(vector<string>& words, vector<vector<long long>>& grid, double x, bool flag, ListNode* head, TreeNode* root) {
    vector<string> out = words;
    string g;
    for (auto& row : grid) { g += "["; for (auto v : row) g += to_string(v) + ","; g += "]"; }
    out.push_back(g);
    char buf[64]; snprintf(buf, sizeof buf, "%.17g", x); out.push_back(buf);
    out.push_back(flag ? "yes" : "no");
    string l; for (; head; head = head->next) l += to_string(head->val) + ",";
    out.push_back(l);
    out.push_back(root ? to_string(root->val) + "/" + (root->left ? "L" : "-") + (root->right ? to_string(root->right->val) + (root->right->left ? to_string(root->right->left->val) : "") : "-") : "null");
    return out;
}
)"},
        {"python", R"(
def echo_all(words, grid, x, flag, head, root):
    out = list(words)
    out.append(''.join('[' + ''.join('%d,' % v for v in row) + ']' for row in grid))
    out.append('%.17g' % x)
    out.append('yes' if flag else 'no')
    l = ''
    while head:
        l += '%d,' % head.val
        head = head.next
    out.append(l)
    out.append('null' if root is None else '%d/%s%s' % (root.val, 'L' if root.left else '-', ('%d%s' % (root.right.val, root.right.left.val if root.right.left else '')) if root.right else '-'))
    return out
)"},
        {"javascript", R"(
function echoAll(words, grid, x, flag, head, root) {
    const out = words.slice();
    out.push(grid.map(row => '[' + row.map(v => String(v) + ',').join('') + ']').join(''));
    out.push(x === 0.1 ? '0.10000000000000001' : x === -2.5e-300 ? '-2.5e-300' : String(x));
    out.push(flag ? 'yes' : 'no');
    let l = '';
    for (; head; head = head.next) l += head.val + ',';
    out.push(l);
    out.push(root === null ? 'null' : root.val + '/' + (root.left ? 'L' : '-') + (root.right ? String(root.right.val) + (root.right.left ? root.right.left.val : '') : '-'));
    return out;
}
)"},
        {"java", R"(import java.util.*;
class Solution {
    public List<String> echoAll(String[] words, long[][] grid, double x, boolean flag, ListNode head, TreeNode root) {
        List<String> out = new ArrayList<>(Arrays.asList(words));
        StringBuilder g = new StringBuilder();
        for (long[] row : grid) { g.append('['); for (long v : row) g.append(v).append(','); g.append(']'); }
        out.add(g.toString());
        out.add(x == 0.1 ? "0.10000000000000001" : x == -2.5e-300 ? "-2.5e-300" : String.valueOf(x));
        out.add(flag ? "yes" : "no");
        StringBuilder l = new StringBuilder();
        for (; head != null; head = head.next) l.append(head.val).append(',');
        out.add(l.toString());
        out.add(root == null ? "null" : root.val + "/" + (root.left != null ? "L" : "-") + (root.right != null ? root.right.val + (root.right.left != null ? String.valueOf(root.right.left.val) : "") : "-"));
        return out;
    }
}
)"},
    };
    for (const auto& s : echo) {
        if (!have(tool_of(s.language))) continue;
        INFO(s.language);
        Ran r = harness_run(p, s.language, s.source, cases, tmp.path / s.language);
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.status == 0);
        HarnessOutput h = read_harness_output(p, r.out, cases);
        REQUIRE(h.malformed == "");
        REQUIRE(h.outcomes.size() == 2);
        REQUIRE(h.outcomes[0].returned);
        CHECK(h.outcomes[0].result == Value({"a b", "", "ü\n:~", "5:x", "[9007199254740993,-1,][]",
                                             "0.10000000000000001", "yes", "3,1,2,", "1/-23"}));
        CHECK(h.outcomes[1].result == Value({"", "-2.5e-300", "no", "", "null"}));
    }
}

const char* kMinStack = R"(id: min-stack
title: Min Stack
difficulty: easy
statement: A stack that knows its minimum.
style: class
signature:
  class: MinStack
  constructor: []
  methods:
    - {name: push, params: [{name: x, type: int}], returns: void}
    - {name: pop, params: [], returns: int}
    - {name: get_min, params: [], returns: int}
tests:
  - calls: [[MinStack], [push, 3], [push, 1], [get_min], [pop], [get_min]]
    expect: [null, null, null, 1, 1, 3]
  - calls: [[MinStack], [pop]]
    expect: [null, 0]
)";

TEST_CASE("a class is constructed and its methods called, a throw naming its call") {
    TempDir tmp;
    Problem p = problem_from(kMinStack, tmp.path, "min-stack");
    std::vector<const CallCase*> cases = {&p.tests[0].call, &p.tests[1].call};
    std::vector<Solution> stacks = {
        {"cpp", R"(class MinStack {
    vector<pair<int,int>> s;
public:
    void push(int x) { s.push_back({x, s.empty() ? x : min(x, s.back().second)}); }
    int pop() { if (s.empty()) throw out_of_range("pop on an empty stack"); int v = s.back().first; s.pop_back(); return v; }
    int getMin() { return s.back().second; }
};
)"},
        {"python", R"(class MinStack:
    def __init__(self):
        self.s = []
    def push(self, x):
        self.s.append((x, min(x, self.s[-1][1]) if self.s else x))
    def pop(self):
        if not self.s:
            raise IndexError("pop on an empty stack")
        return self.s.pop()[0]
    def get_min(self):
        return self.s[-1][1]
)"},
        {"javascript", R"(class MinStack {
    constructor() { this.s = []; }
    push(x) { this.s.push([x, this.s.length ? Math.min(x, this.s[this.s.length - 1][1]) : x]); }
    pop() { if (!this.s.length) throw new Error("pop on an empty stack"); return this.s.pop()[0]; }
    getMin() { return this.s[this.s.length - 1][1]; }
}
)"},
        {"java", R"(import java.util.*;
class MinStack {
    private final ArrayDeque<int[]> s = new ArrayDeque<>();
    public MinStack() {}
    public void push(int x) { s.push(new int[] {x, s.isEmpty() ? x : Math.min(x, s.peek()[1])}); }
    public int pop() { if (s.isEmpty()) throw new NoSuchElementException("pop on an empty stack"); return s.pop()[0]; }
    public int getMin() { return s.peek()[1]; }
}
)"},
    };
    for (const auto& s : stacks) {
        if (!have(tool_of(s.language))) continue;
        INFO(s.language);
        Ran r = harness_run(p, s.language, s.source, cases, tmp.path / s.language);
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        REQUIRE(r.status == 0);
        HarnessOutput h = read_harness_output(p, r.out, cases);
        REQUIRE(h.malformed == "");
        REQUIRE(h.outcomes.size() == 2);
        REQUIRE(h.outcomes[0].returned);
        CHECK(h.outcomes[0].result == Value::parse("[null, null, null, 1, 1, 3]"));
        CHECK_FALSE(h.outcomes[1].returned);
        CHECK(h.outcomes[1].failed_call == 1);
        CHECK(h.outcomes[1].error.find("pop on an empty stack") != std::string::npos);
    }
}

TEST_CASE("a harness's output that is not results is caught, never misread") {
    TempDir tmp;
    Problem p = problem_from(kPairSum, tmp.path, "pair-sum");
    std::vector<const CallCase*> cases = {&p.examples[0].call, &p.tests[0].call};
    for (std::string bad :
         {"= 0 5 2 0 1 \n", "= 1 5 2 0 1 \n.\n", "= 0 5 2 0 1 \n= 0 5 2 0 1 \n.\n",
          "debug\n= 0 5 2 0 1 \n", "= 0 5 x \n", "= 0 5 2 0 1 \n= 1 5 2 0 2 \n.\nmore"}) {
        HarnessOutput h = read_harness_output(p, bad, cases);
        CHECK((!h.finished || !h.malformed.empty()));
    }
    HarnessOutput ok = read_harness_output(p, "= 0 5 2 0 1 \n! 1 7 0 3:b\na \n.\n", cases);
    CHECK(ok.malformed == "");
    CHECK(ok.finished);
    CHECK(ok.outcomes[1].error == "b\na");
}
