#include "scaffold.hpp"

#include "util/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace hired::practice {

namespace {

std::string title_of(const std::string& id) {
    std::string out;
    bool up = true;
    for (char c : id) {
        if (c == '-') {
            out += ' ';
            up = true;
            continue;
        }
        out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        up = false;
    }
    return out;
}

// Text as a YAML value after "key: ": a literal block when it reads back
// exactly so, else a double-quoted string (JSON's escapes are YAML's too).
std::string yaml_text(const std::string& text, const std::string& indent) {
    bool block = !text.empty() && text.front() != ' ' && text.find('\t') == std::string::npos &&
                 text.find('\r') == std::string::npos;
    for (auto line : split_lines(text))
        if (!line.empty() && (line.back() == ' ')) block = false;
    for (unsigned char c : text)
        if (c < 0x20 && c != '\n') block = false;
    if (!block)
        return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
               "\n";
    std::string out = "|\n";
    for (auto line : split_lines(text))
        out += line.empty() ? "\n" : indent + std::string(line) + "\n";
    return out;
}

} // namespace

Scaffold scaffold_problem(const ScaffoldInput& in) {
    Scaffold s;
    std::string title = in.title.empty() ? title_of(in.id) : in.title;
    std::string statement =
        in.statement.empty()
            ? "Say what the function is given and what it returns, with the ranges of\n"
              "the inputs and the edge cases a careful candidate asks about.\n"
            : in.statement;
    std::string head = fmt::format(
        "# A practice problem for hired (format version 1; README, \"Problem files\").\n"
        "# Fill in the statement, the signature, the examples and tests and the\n"
        "# reference solution ({}), then: hired practice check {}.yaml\n",
        in.id + (in.style == ProblemStyle::stdin_ ? "/ref.py" : "/ref.py"), in.id);
    if (!in.origin.empty()) head += fmt::format("# Asked at {}.\n", printable(in.origin));
    head += fmt::format(
        "id: {}\ntitle: {}\ndifficulty: medium\ntags: []\n", in.id,
        nlohmann::json(title).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    s.solution_file = in.id + "/ref.py";
    std::string tail = fmt::format(
        "hints:\n  - \"A first nudge.\"\ncomplexity: {{time: \"O(n)\", space: \"O(1)\"}}\n"
        "solutions: [{}]\n",
        s.solution_file);
    if (in.style == ProblemStyle::function) {
        s.problem_yaml =
            head + "style: function\nstatement: " + yaml_text(statement, "  ") + R"(signature:
  function: total
  params:
    - {name: nums, type: "int[]"}
  returns: long
compare: exact
examples:
  - args: {nums: [1, 2, 3]}
    expect: 6
    explain: "1 + 2 + 3 = 6 (replace with an example of your own)."
tests:
  - name: empty
    args: {nums: []}
    expect: 0
    hint: "An empty list: say what the answer is then."
)" + tail;
        s.solution = "# The reference solution of " + in.id +
                     ": used by `hired practice check`.\n"
                     "def total(nums):\n    return sum(nums)\n";
    } else if (in.style == ProblemStyle::class_) {
        s.problem_yaml =
            head + "style: class\nstatement: " + yaml_text(statement, "  ") + R"(signature:
  class: Counter
  constructor: []
  methods:
    - {name: add, params: [{name: x, type: int}], returns: void}
    - {name: total, params: [], returns: long}
examples:
  - calls: [[Counter], [add, 2], [add, 3], [total]]
    expect: [null, null, null, 5]
    explain: "2 + 3 = 5 (replace with an example of your own)."
tests:
  - name: nothing-added
    calls: [[Counter], [total]]
    expect: [null, 0]
)" + tail;
        s.solution = "# The reference solution of " + in.id +
                     ": used by `hired practice check`.\n"
                     "class Counter:\n    def __init__(self):\n        self.sum = 0\n\n"
                     "    def add(self, x):\n        self.sum += x\n\n    def total(self):\n       "
                     " return self.sum\n";
    } else {
        s.problem_yaml = head + "statement: " + yaml_text(statement, "  ") + R"(input_format: |
  The first line contains n; the second line n integers.
output_format: |
  Their sum.
checker: tokens
examples:
  - input: "3\n1 2 3\n"
    output: "6\n"
    explain: "1 + 2 + 3 = 6 (replace with an example of your own)."
tests:
  - name: one-number
    input: "1\n-5\n"
    output: "-5\n"
)" + tail;
        s.solution = "# The reference solution of " + in.id +
                     ": used by `hired practice check`.\n"
                     "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\n"
                     "print(sum(map(int, data[1:1 + n])))\n";
    }
    return s;
}

} // namespace hired::practice
