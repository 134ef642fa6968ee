#include "starter.hpp"

#include "harness.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hired::practice {

namespace {

std::string comment_block(const Problem& p, const std::string& prefix) {
    std::string out = fmt::format("{} {} ({}, {} minutes)\n", prefix, p.title,
                                  to_string(p.difficulty), p.minutes);
    if (!p.input_format.empty()) {
        out += prefix + " Input:\n";
        std::string text = wrap_lines(p.input_format, 76); // the lines below are views into it
        for (auto line : split_lines(text))
            out += fmt::format("{}   {}\n", prefix, line);
    }
    if (!p.output_format.empty()) {
        out += prefix + " Output:\n";
        std::string text = wrap_lines(p.output_format, 76);
        for (auto line : split_lines(text))
            out += fmt::format("{}   {}\n", prefix, line);
    }
    out += fmt::format("{} Run: hired practice run {}\n", prefix, p.id);
    return out;
}

} // namespace

namespace {

// ---- function and class problems: the signature as a stub ---------------------------

std::string cpp_type(const Type& t) {
    std::string base;
    switch (t.base) {
    case Type::Base::int32:
        base = "int";
        break;
    case Type::Base::int64:
        base = "long long";
        break;
    case Type::Base::real:
        base = "double";
        break;
    case Type::Base::boolean:
        base = "bool";
        break;
    case Type::Base::string:
        base = "string";
        break;
    case Type::Base::list_node:
        base = "ListNode*";
        break;
    case Type::Base::tree_node:
        base = "TreeNode*";
        break;
    case Type::Base::void_:
        base = "void";
        break;
    }
    for (int i = 0; i < t.depth; ++i)
        base = "vector<" + base + ">";
    return base;
}

std::string cpp_default(const Type& t) {
    if (t.is_array()) return "{}";
    switch (t.base) {
    case Type::Base::real:
        return "0.0";
    case Type::Base::boolean:
        return "false";
    case Type::Base::string:
        return "\"\"";
    case Type::Base::list_node:
    case Type::Base::tree_node:
        return "nullptr";
    default:
        return "0";
    }
}

std::string py_type(const Type& t) {
    std::string base;
    switch (t.base) {
    case Type::Base::int32:
    case Type::Base::int64:
        base = "int";
        break;
    case Type::Base::real:
        base = "float";
        break;
    case Type::Base::boolean:
        base = "bool";
        break;
    case Type::Base::string:
        base = "str";
        break;
    case Type::Base::list_node:
        base = "Optional[ListNode]";
        break;
    case Type::Base::tree_node:
        base = "Optional[TreeNode]";
        break;
    case Type::Base::void_:
        base = "None";
        break;
    }
    for (int i = 0; i < t.depth; ++i)
        base = "List[" + base + "]";
    return base;
}

std::string py_default(const Type& t) {
    if (t.is_array()) return "[]";
    switch (t.base) {
    case Type::Base::real:
        return "0.0";
    case Type::Base::boolean:
        return "False";
    case Type::Base::string:
        return "\"\"";
    case Type::Base::list_node:
    case Type::Base::tree_node:
        return "None";
    default:
        return "0";
    }
}

std::string js_type(const Type& t) {
    std::string base;
    switch (t.base) {
    case Type::Base::int32:
    case Type::Base::real:
        base = "number";
        break;
    case Type::Base::int64:
        base = "number|bigint";
        break;
    case Type::Base::boolean:
        base = "boolean";
        break;
    case Type::Base::string:
        base = "string";
        break;
    case Type::Base::list_node:
        base = "ListNode|null";
        break;
    case Type::Base::tree_node:
        base = "TreeNode|null";
        break;
    case Type::Base::void_:
        base = "void";
        break;
    }
    if (t.depth && base.find('|') != std::string::npos) base = "(" + base + ")";
    for (int i = 0; i < t.depth; ++i)
        base += "[]";
    return base;
}

std::string js_default(const Type& t) {
    if (t.is_array()) return "[]";
    switch (t.base) {
    case Type::Base::boolean:
        return "false";
    case Type::Base::string:
        return "\"\"";
    case Type::Base::list_node:
    case Type::Base::tree_node:
        return "null";
    default:
        return "0";
    }
}

std::string java_type(const Type& t) {
    std::string base;
    switch (t.base) {
    case Type::Base::int32:
        base = "int";
        break;
    case Type::Base::int64:
        base = "long";
        break;
    case Type::Base::real:
        base = "double";
        break;
    case Type::Base::boolean:
        base = "boolean";
        break;
    case Type::Base::string:
        base = "String";
        break;
    case Type::Base::list_node:
        base = "ListNode";
        break;
    case Type::Base::tree_node:
        base = "TreeNode";
        break;
    case Type::Base::void_:
        base = "void";
        break;
    }
    for (int i = 0; i < t.depth; ++i)
        base += "[]";
    return base;
}

std::string java_default(const Type& t) {
    if (t.is_array()) {
        std::string dims = "[0]";
        for (int i = 1; i < t.depth; ++i)
            dims += "[]";
        return "new " + java_type(Type{t.base, 0}) + dims;
    }
    switch (t.base) {
    case Type::Base::int64:
        return "0L";
    case Type::Base::real:
        return "0.0";
    case Type::Base::boolean:
        return "false";
    case Type::Base::string:
        return "\"\"";
    case Type::Base::list_node:
    case Type::Base::tree_node:
        return "null";
    default:
        return "0";
    }
}

template <typename F> std::string joined(const std::vector<Param>& params, F each) {
    std::vector<std::string> out;
    for (const auto& q : params)
        out.push_back(each(q));
    return join(out, ", ");
}

bool uses(const Problem& p, Type::Base base) {
    auto in = [&](const std::vector<Param>& params) {
        return std::any_of(params.begin(), params.end(),
                           [&](const Param& q) { return q.type.base == base; });
    };
    const Signature& s = p.signature;
    if (p.style == ProblemStyle::function)
        return s.function.returns.base == base || in(s.function.params);
    if (in(s.constructor)) return true;
    for (const auto& m : s.methods)
        if (m.returns.base == base || in(m.params)) return true;
    return false;
}

// The provided ListNode / TreeNode, as a comment, when the signature uses them.
std::string node_comment(const Problem& p, const std::string& prefix, const std::string& list_shape,
                         const std::string& tree_shape) {
    std::string out;
    if (uses(p, Type::Base::list_node))
        out += fmt::format("{} ListNode is provided (do not define it): {}\n", prefix, list_shape);
    if (uses(p, Type::Base::tree_node))
        out += fmt::format("{} TreeNode is provided (do not define it): {}\n", prefix, tree_shape);
    return out;
}

std::string header(const Problem& p, const std::string& prefix, const std::string& how) {
    return fmt::format("{} {} ({}, {} minutes)\n{} {}\n{} Run: hired practice run {}\n", prefix,
                       p.title, to_string(p.difficulty), p.minutes, prefix, how, prefix, p.id);
}

std::string cpp_stub(const Problem& p) {
    const Signature& s = p.signature;
    std::string out = header(p, "//",
                             p.style == ProblemStyle::function
                                 ? "Write the method below (or the same function at the top level)."
                                 : "Write the class below; hired calls its methods.");
    out += node_comment(
        p, "//", "struct ListNode { int val; ListNode* next; ListNode(int x); };",
        "struct TreeNode { int val; TreeNode* left; TreeNode* right; TreeNode(int x); };");
    out += "#include <bits/stdc++.h>\nusing namespace std;\n\n";
    auto param = [](const Param& q) {
        std::string t = cpp_type(q.type);
        bool by_ref = q.type.is_array();
        return t + (by_ref ? "& " : " ") + q.name;
    };
    auto method = [&](const Method& m, const std::string& indent) {
        std::string body = m.returns.base == Type::Base::void_
                               ? indent + "    // Your solution here.\n"
                               : fmt::format("{0}    // Your solution here.\n{0}    return {1};\n",
                                             indent, cpp_default(m.returns));
        return fmt::format("{}{} {}({}) {{\n{}{}}}\n", indent, cpp_type(m.returns), m.name,
                           joined(m.params, param), body, indent);
    };
    if (p.style == ProblemStyle::function)
        return out + "class Solution {\npublic:\n" + method(s.function, "    ") + "};\n";
    out += fmt::format("class {} {{\npublic:\n    {}({}) {{\n    }}\n\n", s.class_name,
                       s.class_name, joined(s.constructor, param));
    for (size_t i = 0; i < s.methods.size(); ++i)
        out += (i ? "\n" : "") + method(s.methods[i], "    ");
    return out + "};\n";
}

std::string py_stub(const Problem& p) {
    const Signature& s = p.signature;
    std::string out = header(p, "#",
                             p.style == ProblemStyle::function
                                 ? "Write the method below (or the same function at the top level)."
                                 : "Write the class below; hired calls its methods.");
    out += node_comment(p, "#", "class ListNode: val: int; next: Optional[ListNode]",
                        "class TreeNode: val: int; left, right: Optional[TreeNode]");
    out += "from typing import List, Optional\n\n\n";
    auto param = [](const Param& q) { return q.name + ": " + py_type(q.type); };
    auto method = [&](const Method& m) {
        std::string params = joined(m.params, param);
        return fmt::format("    def {}(self{}) -> {}:\n        # Your solution here.\n        {}\n",
                           m.name, params.empty() ? "" : ", " + params, py_type(m.returns),
                           m.returns.base == Type::Base::void_ ? "pass"
                                                               : "return " + py_default(m.returns));
    };
    if (p.style == ProblemStyle::function) return out + "class Solution:\n" + method(s.function);
    std::string ctor = joined(s.constructor, param);
    out += fmt::format("class {}:\n    def __init__(self{}) -> None:\n        pass\n", s.class_name,
                       ctor.empty() ? "" : ", " + ctor);
    for (const auto& m : s.methods)
        out += "\n" + method(m);
    return out;
}

std::string js_stub(const Problem& p) {
    const Signature& s = p.signature;
    std::string out = header(p, "//",
                             p.style == ProblemStyle::function
                                 ? "Write the function below (or a method of class Solution)."
                                 : "Write the class below; hired calls its methods.");
    out += node_comment(p, "//", "class ListNode { val; next }  (new ListNode(val, next))",
                        "class TreeNode { val; left; right }  (new TreeNode(val, left, right))");
    auto names = [](const std::vector<Param>& params) {
        return joined(params, [](const Param& q) { return q.name; });
    };
    auto doc = [&](const Method& m, const std::string& indent) {
        std::string d = indent + "/**\n";
        for (const auto& q : m.params)
            d += fmt::format("{} * @param {{{}}} {}\n", indent, js_type(q.type), q.name);
        d += fmt::format("{} * @return {{{}}}\n{} */\n", indent, js_type(m.returns), indent);
        return d;
    };
    auto body = [&](const Method& m, const std::string& indent) {
        return m.returns.base == Type::Base::void_
                   ? indent + "// Your solution here.\n"
                   : fmt::format("{0}// Your solution here.\n{0}return {1};\n", indent,
                                 js_default(m.returns));
    };
    if (p.style == ProblemStyle::function)
        return out + "\n" + doc(s.function, "") +
               fmt::format("var {} = function({}) {{\n{}}};\n", lower_camel(s.function.name),
                           names(s.function.params), body(s.function, "    "));
    out += fmt::format("\nclass {} {{\n    constructor({}) {{\n    }}\n", s.class_name,
                       names(s.constructor));
    for (const auto& m : s.methods)
        out += "\n" + doc(m, "    ") +
               fmt::format("    {}({}) {{\n{}    }}\n", lower_camel(m.name), names(m.params),
                           body(m, "        "));
    return out + "}\n";
}

std::string java_stub(const Problem& p) {
    const Signature& s = p.signature;
    std::string out = header(p, "//",
                             p.style == ProblemStyle::function
                                 ? "Write the method below."
                                 : "Write the class below; hired calls its methods.");
    out += node_comment(p, "//", "class ListNode { int val; ListNode next; ListNode(int val) }",
                        "class TreeNode { int val; TreeNode left, right; TreeNode(int val) }");
    out += "import java.util.*;\n\n";
    auto param = [](const Param& q) { return java_type(q.type) + " " + lower_camel(q.name); };
    auto method = [&](const Method& m) {
        std::string body = m.returns.base == Type::Base::void_
                               ? "        // Your solution here.\n"
                               : fmt::format("        // Your solution here.\n        return {};\n",
                                             java_default(m.returns));
        return fmt::format("    public {} {}({}) {{\n{}    }}\n", java_type(m.returns),
                           lower_camel(m.name), joined(m.params, param), body);
    };
    if (p.style == ProblemStyle::function)
        return out + "class Solution {\n" + method(s.function) + "}\n";
    out += fmt::format("class {} {{\n    public {}({}) {{\n    }}\n", s.class_name, s.class_name,
                       joined(s.constructor, param));
    for (const auto& m : s.methods)
        out += "\n" + method(m);
    return out + "}\n";
}

} // namespace

std::string starter_code(const Problem& p, const Language& lang) {
    std::string key = lang.name;
    auto it = p.templates.find(key);
    if (it != p.templates.end()) return it->second;
    if (p.style != ProblemStyle::stdin_) {
        if (lang.name == "cpp") return cpp_stub(p);
        if (lang.name == "python") return py_stub(p);
        if (lang.name == "javascript") return js_stub(p);
        if (lang.name == "java") return java_stub(p);
        fail(Exit::usage,
             "'{}' is a {} problem: write it in C++, Python, JavaScript or Java (--lang cpp|python|"
             "javascript|java)",
             p.id, to_string(p.style));
    }
    // The reading is left to you: each problem's input is its own (the
    // comment above quotes its Input section). Every starter compiles and runs
    // as it is (practice check proves it on the examples).
    if (lang.name == "cpp")
        return comment_block(p, "//") + R"(#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    // Read the input as described above, for example:
    //   int n; cin >> n;
    //   vector<long long> a(n);
    //   for (auto& x : a) cin >> x;

    // Your solution here.

    return 0;
}
)";
    if (lang.name == "c")
        return comment_block(p, "//") + R"(#include <stdio.h>
#include <stdlib.h>

int main(void) {
    /* Read the input as described above, for example:
         long long n;
         if (scanf("%lld", &n) != 1) return 0; */

    /* Your solution here. */

    return 0;
}
)";
    if (lang.name == "python")
        return comment_block(p, "#") + R"(import sys


def main() -> None:
    data = sys.stdin.read().split()
    # Read the input as described above, for example:
    #   n = int(data[0]); a = list(map(int, data[1:1 + n]))

    # Your solution here.


if __name__ == "__main__":
    main()
)";
    if (lang.name == "javascript")
        return comment_block(p, "//") +
               R"(const data = require("fs").readFileSync(0, "utf8").split(/\s+/).filter(Boolean);
let pos = 0;
const next = () => data[pos++];
// Read the input as described above, for example:
//   const n = Number(next()); const a = Array.from({ length: n }, () => Number(next()));

// Your solution here.
)";
    if (lang.name == "java")
        return comment_block(p, "//") + R"(import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        // Read the input as described above, for example:
        //   StringTokenizer st = new StringTokenizer(in.readLine());
        //   int n = Integer.parseInt(st.nextToken());

        // Your solution here.

        out.flush();
    }
}
)";
    if (lang.name == "rust")
        return comment_block(p, "//") + R"(use std::io::{self, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut it = input.split_ascii_whitespace();
    // Read the input as described above, for example:
    //   let n: usize = it.next().unwrap().parse().unwrap();
    let _ = &mut it;

    // Your solution here.

    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    out.flush().unwrap();
}
)";
    if (lang.name == "sh")
        return "#!/usr/bin/env bash\n" + comment_block(p, "#") + R"(set -euo pipefail

# Read the input as described above, for example: read -r n
# Your solution here.
)";
    return comment_block(p, "#");
}

} // namespace hired::practice
