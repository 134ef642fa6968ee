#include "problem.hpp"

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"
#include "util/yaml_doc.hpp"

#include <algorithm>

namespace hired::practice {

const char* to_string(Difficulty d) {
    switch (d) {
    case Difficulty::easy:
        return "easy";
    case Difficulty::medium:
        return "medium";
    case Difficulty::hard:
        return "hard";
    }
    return "?";
}

const char* to_string(CheckerKind c) {
    switch (c) {
    case CheckerKind::exact:
        return "exact";
    case CheckerKind::lines:
        return "lines";
    case CheckerKind::tokens:
        return "tokens";
    case CheckerKind::real:
        return "float";
    case CheckerKind::unordered_lines:
        return "unordered-lines";
    case CheckerKind::program:
        return "program";
    }
    return "?";
}

const char* to_string(ProblemStyle s) {
    switch (s) {
    case ProblemStyle::stdin_:
        return "stdin";
    case ProblemStyle::function:
        return "function";
    case ProblemStyle::class_:
        return "class";
    }
    return "?";
}

std::optional<Difficulty> parse_difficulty(std::string_view s) {
    if (s == "easy") return Difficulty::easy;
    if (s == "medium") return Difficulty::medium;
    if (s == "hard") return Difficulty::hard;
    return std::nullopt;
}

std::string TestCase::load_input() const {
    return input_file.empty() ? input : read_file(input_file);
}
std::string TestCase::load_output() const {
    return output_file.empty() ? output : read_file(output_file);
}

std::vector<const TestCase*> Problem::all_cases() const {
    std::vector<const TestCase*> out;
    for (const auto& c : examples)
        out.push_back(&c);
    for (const auto& c : tests)
        out.push_back(&c);
    return out;
}

namespace {

using yaml::Fields;
using yaml::Node;

const std::vector<std::string> kTopKeys = {
    "id",           "title",         "difficulty",      "tags",     "minutes",    "statement",
    "input_format", "output_format", "constraints",     "hints",    "complexity", "limits",
    "checker",      "tolerance",     "checker_program", "examples", "tests",      "solutions",
    "templates",    "style",         "signature",       "compare"};

const std::vector<std::string> kLanguages = {"cpp",  "c",    "python", "javascript",
                                             "java", "rust", "sh"};

// A key as messages name it: its text, or '?' for a key that is not text.
std::string key_name(const Node& k) {
    return k.is_scalar() ? k.value : "?";
}

void warn_unused(Problem& p, const Fields& f, const std::string& where,
                 const std::vector<std::string>& known) {
    for (const auto& [k, v] : f.unused()) {
        std::string key = key_name(*k);
        const yaml::Mark& mark = k->mark;
        std::string msg = fmt::format("unknown key '{}'{} (ignored)", key, where);
        auto near = suggestions(key, known, 1);
        if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near[0]);
        p.warnings.push_back({mark.line, mark.column, printable(msg)});
    }
}

// A path named by the problem file: relative to the file's folder and inside
// the problem's own folder <dir>/<id>/, never outside it.
fs::path resolve_data_path(const Problem& p, const Fields& f, const Node& n,
                           const std::string& key) {
    std::string rel = yaml::as_string(n, f.file(), key);
    if (rel.empty()) f.error_at(n, fmt::format("'{}' is empty", key));
    fs::path rp(rel);
    if (rp.is_absolute())
        f.error_at(n, fmt::format("'{}' must be relative to the problem file, not '{}'", key, rel));
    fs::path own = p.folder() / p.id;
    fs::path full = (p.folder() / rp).lexically_normal();
    if (!is_within(own, full))
        f.error_at(n, fmt::format("'{}' must be inside the problem's own folder '{}/': '{}'", key,
                                  p.id, rel));
    return full;
}

// ---- function and class problems --------------------------------------------------

bool snake_name(std::string_view s) {
    if (s.empty() || s.size() > 64 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

bool class_name_ok(std::string_view s) {
    if (s.empty() || s.size() > 64 || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

// Names a harness uses for itself, or that a language keeps for itself.
bool reserved_name(std::string_view s) {
    static const std::vector<std::string_view> kReserved = {
        "solution",   "list_node", "tree_node", "main",      "input",    "print",    "len",
        "self",       "this",      "class",     "return",    "new",      "delete",   "int",
        "long",       "double",    "bool",      "string",    "char",     "void",     "static",
        "public",     "private",   "default",   "case",      "switch",   "for",      "while",
        "if",         "else",      "do",        "try",       "catch",    "throw",    "import",
        "from",       "def",       "lambda",    "None",      "True",     "False",    "null",
        "true",       "false",     "var",       "let",       "const",    "function", "final",
        "package",    "in",        "is",        "not",       "and",      "or",       "pass",
        "yield",      "with",      "as",        "global",    "nonlocal", "assert",   "del",
        "elif",       "except",    "finally",   "raise",     "await",    "async",    "typeof",
        "instanceof", "extends",   "super",     "interface", "enum",     "abstract", "native",
        "boolean",    "byte",      "short",     "float",     "operator", "template", "typename",
        "namespace",  "using",     "auto",      "register",  "signed",   "unsigned", "struct",
        "union",      "volatile",  "extern"};
    return s.rfind("hired_", 0) == 0 || s.rfind("__", 0) == 0 ||
           std::find(kReserved.begin(), kReserved.end(), s) != kReserved.end();
}

Type type_at(const Fields& f, const Node& n, std::string_view what, bool allow_void) {
    std::string text = yaml::as_string(n, f.file(), what);
    auto t = parse_type(text);
    if (!t || (!allow_void && t->base == Type::Base::void_))
        f.error_at(n, fmt::format("{}: unknown type '{}' (int, long, double, bool, string, "
                                  "ListNode, TreeNode, each with [] for a list{})",
                                  what, text, allow_void ? "; void for returns" : ""));
    return *t;
}

std::vector<Param> load_params(const Fields& f, const Node* n, std::string_view owner) {
    std::vector<Param> out;
    if (!n) return out;
    if (!n->is_sequence())
        f.error_at(
            *n,
            fmt::format("the parameters of {} must be a list of {{name: ..., type: ...}}", owner));
    for (const auto& item : n->items) {
        Fields pf(*item, f.file(), fmt::format("a parameter of {}", owner));
        const Node& name = pf.require("name");
        Param p;
        p.name = yaml::as_string(name, f.file(), "name");
        if (!snake_name(p.name) || reserved_name(p.name))
            pf.error_at(name,
                        fmt::format("parameter name '{}' must be snake_case ([a-z_][a-z0-9_]*) "
                                    "and not a word a language keeps for itself",
                                    printable(p.name)));
        for (const auto& q : out)
            if (q.name == p.name)
                pf.error_at(name, fmt::format("two parameters are named '{}'", p.name));
        p.type = type_at(pf, pf.require("type"), "type", false);
        for (const auto& [k, v] : pf.unused())
            fail_at(f.file(), k->mark.line, k->mark.column,
                    "unknown key '{}' in a parameter (name, type)", key_name(*k));
        out.push_back(std::move(p));
    }
    return out;
}

Method load_method(const Fields& f, const Node& n, std::string_view name_key,
                   std::string_view what) {
    Fields mf(n, f.file(), std::string(what));
    const Node& name = mf.require(name_key);
    Method m;
    m.name = yaml::as_string(name, f.file(), name_key);
    if (!snake_name(m.name) || reserved_name(m.name))
        mf.error_at(name, fmt::format("'{}' must be a snake_case name ([a-z_][a-z0-9_]*, e.g. "
                                      "pair_sum), not a word a language keeps for itself",
                                      printable(m.name)));
    m.params = load_params(mf, mf.get("params"), fmt::format("'{}'", m.name));
    const Node* r = mf.get("returns");
    if (!r)
        mf.error_here(fmt::format("{}: missing required field 'returns' (a type, or void)", what));
    m.returns = type_at(mf, *r, "returns", true);
    for (const auto& [k, v] : mf.unused())
        fail_at(f.file(), k->mark.line, k->mark.column,
                "unknown key '{}' in {} ({}, params, returns)", key_name(*k), what, name_key);
    return m;
}

Signature load_signature(Problem& p, Fields& top) {
    const Node* n = top.get("signature");
    if (!n) top.error_here(fmt::format("a {} problem needs a 'signature'", to_string(p.style)));
    Signature sig;
    if (p.style == ProblemStyle::function) {
        sig.function = load_method(top, *n, "function", "the signature");
        return sig;
    }
    Fields sf(*n, top.file(), "the signature");
    const Node& cls = sf.require("class");
    sig.class_name = yaml::as_string(cls, top.file(), "class");
    if (!class_name_ok(sig.class_name) || reserved_name(sig.class_name) ||
        sig.class_name == "Solution" || sig.class_name == "ListNode" ||
        sig.class_name == "TreeNode")
        sf.error_at(
            cls, fmt::format("class name '{}' must be UpperCamelCase ([A-Z][A-Za-z0-9]*) and not "
                             "Solution, ListNode or TreeNode",
                             printable(sig.class_name)));
    sig.constructor = load_params(sf, sf.get("constructor"), "the constructor");
    const Node* methods = sf.get("methods");
    if (!methods || !methods->is_sequence() || methods->items.empty())
        sf.error_at(methods ? *methods : *n, "'methods' must be a list of {name, params, returns}");
    for (const auto& m : methods->items) {
        Method method = load_method(sf, *m, "name", "a method");
        for (const auto& other : sig.methods)
            if (other.name == method.name)
                fail_at(top.file(), m->mark.line, m->mark.column, "two methods are named '{}'",
                        method.name);
        sig.methods.push_back(std::move(method));
    }
    for (const auto& [k, v] : sf.unused())
        fail_at(top.file(), k->mark.line, k->mark.column,
                "unknown key '{}' in the signature (class, constructor, methods)", key_name(*k));
    return sig;
}

std::string call_shape(const std::string& name, const std::vector<Param>& params) {
    std::vector<std::string> names;
    for (const auto& q : params)
        names.push_back(q.name);
    return fmt::format("{}({})", name, join(names, ", "));
}

// The inline arguments of a function case: a map of every parameter.
std::vector<Value> load_args(const Problem& p, const Fields& f, const Node& args) {
    const Method& fn = p.signature.function;
    if (!args.is_map())
        f.error_at(args, fmt::format("'args' must be a map of the arguments of {}",
                                     call_shape(fn.name, fn.params)));
    std::vector<Value> out;
    std::vector<std::string> names;
    for (const auto& q : fn.params)
        names.push_back(q.name);
    for (const auto& [k, v] : args.entries) {
        std::string key = k->is_scalar() ? k->value : "?";
        if (std::find(names.begin(), names.end(), key) == names.end()) {
            std::string msg = fmt::format("no parameter '{}' in {}", printable(key),
                                          call_shape(fn.name, fn.params));
            auto near = suggestions(key, names, 1);
            if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near[0]);
            fail_at(f.file(), k->mark.line, k->mark.column, "{}", msg);
        }
    }
    for (const auto& q : fn.params) {
        const Node* v = args.find(q.name);
        if (!v)
            fail_at(f.file(), args.mark.line, args.mark.column, "argument '{}' of {} is missing",
                    q.name, call_shape(fn.name, fn.params));
        out.push_back(value_from_yaml(*v, q.type, f.file(), fmt::format("argument '{}'", q.name)));
    }
    return out;
}

// The inline calls of a class case and their expected results.
void load_calls(const Problem& p, const Fields& f, const Node& calls, const Node* expect,
                CallCase& c) {
    const Signature& sig = p.signature;
    if (!calls.is_sequence() || calls.items.empty())
        f.error_at(
            calls,
            fmt::format("'calls' must be a list of calls, the first [{}, ...] (the constructor)",
                        sig.class_name));
    for (size_t i = 0; i < calls.items.size(); ++i) {
        const Node& call = *calls.items[i];
        if (!call.is_sequence() || call.items.empty() || !call.items[0]->is_scalar())
            f.error_at(call, "a call must be a list: [method, arguments...]");
        const Node& name = *call.items[0];
        Call out;
        const std::vector<Param>* params = nullptr;
        std::string shape;
        if (i == 0) {
            if (name.value != sig.class_name)
                f.error_at(name,
                           fmt::format("the first call must construct the class: [{}{}]",
                                       sig.class_name, sig.constructor.empty() ? "" : ", ..."));
            params = &sig.constructor;
            shape = call_shape(sig.class_name, sig.constructor);
        } else {
            for (size_t m = 0; m < sig.methods.size(); ++m)
                if (sig.methods[m].name == name.value) out.method = static_cast<int>(m);
            if (out.method < 0) {
                std::vector<std::string> names;
                for (const auto& m : sig.methods)
                    names.push_back(m.name);
                std::string msg =
                    fmt::format("method '{}' is not in {}'s signature ({})", printable(name.value),
                                sig.class_name, join(names, ", "));
                auto near = suggestions(name.value, names, 1);
                if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near[0]);
                f.error_at(name, msg);
            }
            params = &sig.methods[static_cast<size_t>(out.method)].params;
            shape = call_shape(name.value, *params);
        }
        if (call.items.size() - 1 != params->size())
            f.error_at(call, fmt::format("{} takes {} argument{}, this call gives {}", shape,
                                         params->size(), params->size() == 1 ? "" : "s",
                                         call.items.size() - 1));
        for (size_t a = 0; a < params->size(); ++a)
            out.args.push_back(
                value_from_yaml(*call.items[a + 1], (*params)[a].type, f.file(),
                                fmt::format("argument '{}' of call {}", (*params)[a].name, i + 1)));
        c.calls.push_back(std::move(out));
    }
    if (!expect) return;
    if (!expect->is_sequence() || expect->items.size() != c.calls.size())
        f.error_at(*expect,
                   fmt::format("'expect' must be a list with one result per call ({}; null for the "
                               "constructor and void methods)",
                               c.calls.size()));
    c.expect = Value::array();
    for (size_t i = 0; i < c.calls.size(); ++i) {
        const Node& e = *expect->items[i];
        int m = c.calls[i].method;
        if (m < 0 || sig.methods[static_cast<size_t>(m)].returns.base == Type::Base::void_) {
            if (!e.is_null())
                f.error_at(
                    e, fmt::format("call {} returns nothing ({}): its expected result must be null",
                                   i + 1, m < 0 ? "the constructor" : "a void method"));
            c.expect.push_back(nullptr);
            continue;
        }
        c.expect.push_back(value_from_yaml(e, sig.methods[static_cast<size_t>(m)].returns, f.file(),
                                           fmt::format("the result of call {}", i + 1)));
    }
}

TestCase load_call_case_node(Problem& p, const Node& n, const std::string& file, bool example,
                             size_t index) {
    Fields f(n, file, example ? "an example" : "a test");
    TestCase c;
    c.example = example;
    c.name = f.str("name").value_or(fmt::format("{}{}", example ? "example" : "t", index + 1));
    if (c.name.empty() || c.name.size() > 80 || c.name.find_first_of("\n\t") != std::string::npos)
        f.error_here("a case name must be one short line");
    for (const char* stdin_key : {"input", "output", "input_file", "output_file"})
        if (const Node* k = n.find(stdin_key))
            f.error_at(*k, fmt::format("a {} problem's case gives {} and expect, not '{}'",
                                       to_string(p.style),
                                       p.style == ProblemStyle::function ? "args" : "calls", stdin_key));
    bool function = p.style == ProblemStyle::function;
    const char* given = function ? "args" : "calls";
    const Node* inline_in = f.get(given);
    const Node* in_file = f.get("args_file");
    const Node* expect = f.get("expect");
    const Node* expect_file = f.get("expect_file");
    if (inline_in && in_file)
        f.error_at(*in_file, fmt::format("give either '{}' or 'args_file', not both", given));
    if (expect && expect_file)
        f.error_at(*expect_file, "give either 'expect' or 'expect_file', not both");
    bool args_given = inline_in || in_file || (function && p.signature.function.params.empty());
    if (!args_given)
        f.error_here(
            fmt::format("case '{}': missing required field '{}' (or 'args_file')", c.name, given));
    bool void_fn = function && p.signature.function.returns.base == Type::Base::void_;
    if (!expect && !expect_file && !void_fn && !n.find("expect"))
        f.error_here(
            fmt::format("case '{}': missing required field 'expect' (or 'expect_file')", c.name));
    if (function && inline_in) c.call.args = load_args(p, f, *inline_in);
    if (function && expect && !void_fn)
        c.call.expect = value_from_yaml(*expect, p.signature.function.returns, file, "'expect'");
    if (function && !expect && !expect_file && !void_fn) // "expect:" with nothing: null
        c.call.expect =
            value_from_yaml(*n.find("expect"), p.signature.function.returns, file, "'expect'");
    if (!function && inline_in) load_calls(p, f, *inline_in, expect, c.call);
    if (!function && !inline_in && expect && !expect_file && !in_file)
        f.error_at(*expect, "'expect' needs the 'calls' it is the results of");
    if (in_file) {
        c.args_file = resolve_data_path(p, f, *in_file, "args_file");
        std::error_code ec;
        if (!fs::is_regular_file(c.args_file, ec))
            f.error_at(*in_file, fmt::format("args_file '{}' does not exist", in_file->value));
    }
    if (expect_file) {
        c.expect_file = resolve_data_path(p, f, *expect_file, "expect_file");
        std::error_code ec;
        if (!fs::is_regular_file(c.expect_file, ec))
            f.error_at(*expect_file,
                       fmt::format("expect_file '{}' does not exist", expect_file->value));
    }
    if (!function && in_file && expect && !expect_file)
        f.error_at(*expect,
                   "with 'args_file' (the calls as JSON), give the results in 'expect_file' too");
    c.hint = f.str("hint").value_or("");
    c.explain = f.str("explain").value_or("");
    warn_unused(p, f, fmt::format(" in case '{}'", c.name),
                {"name", given, "expect", "args_file", "expect_file", "hint", "explain"});
    return c;
}

TestCase load_case(Problem& p, const Node& n, const std::string& file, bool example, size_t index) {
    if (p.style != ProblemStyle::stdin_) return load_call_case_node(p, n, file, example, index);
    Fields f(n, file, example ? "an example" : "a test");
    TestCase c;
    c.example = example;
    c.name = f.str("name").value_or(fmt::format("{}{}", example ? "example" : "t", index + 1));
    if (c.name.empty() || c.name.size() > 80 || c.name.find_first_of("\n\t") != std::string::npos)
        f.error_here("a case name must be one short line");
    const Node* in = f.get("input");
    const Node* in_file = f.get("input_file");
    const Node* out = f.get("output");
    const Node* out_file = f.get("output_file");
    if (in && in_file) f.error_at(*in_file, "give either 'input' or 'input_file', not both");
    if (out && out_file) f.error_at(*out_file, "give either 'output' or 'output_file', not both");
    if (!in && !in_file) {
        // An explicitly empty input is allowed: 'input: ""'.
        if (!n.find("input"))
            f.error_here(
                fmt::format("case '{}': missing required field 'input' (or 'input_file')", c.name));
    }
    if (!out && !out_file && !n.find("output"))
        f.error_here(
            fmt::format("case '{}': missing required field 'output' (or 'output_file')", c.name));
    if (in) c.input = yaml::as_string(*in, file, "input");
    if (out) c.output = yaml::as_string(*out, file, "output");
    if (in_file) {
        c.input_file = resolve_data_path(p, f, *in_file, "input_file");
        std::error_code ec;
        if (!fs::is_regular_file(c.input_file, ec))
            f.error_at(*in_file, fmt::format("input_file '{}' does not exist", in_file->value));
    }
    if (out_file) {
        c.output_file = resolve_data_path(p, f, *out_file, "output_file");
        std::error_code ec;
        if (!fs::is_regular_file(c.output_file, ec))
            f.error_at(*out_file, fmt::format("output_file '{}' does not exist", out_file->value));
    }
    c.hint = f.str("hint").value_or("");
    c.explain = f.str("explain").value_or("");
    warn_unused(p, f, fmt::format(" in case '{}'", c.name),
                {"name", "input", "output", "input_file", "output_file", "hint", "explain"});
    return c;
}

std::vector<TestCase> load_cases(Problem& p, Fields& top, const std::string& key, bool example) {
    std::vector<TestCase> out;
    const Node* n = top.get(key);
    if (!n) return out;
    if (!n->is_sequence())
        top.error_at(*n, fmt::format("'{}' must be a list of cases, not {}", key, n->kind_name()));
    for (size_t i = 0; i < n->items.size(); ++i)
        out.push_back(load_case(p, *n->items[i], top.file(), example, i));
    return out;
}

} // namespace

Problem load_problem(const fs::path& file) {
    std::string name = file.string();
    yaml::Limits limits;
    limits.too_big_hint = "; put large tests in files of their own (input_file, output_file)";
    auto root = yaml::parse_file(name, limits);
    if (root->is_null())
        fail_at(name, 1, 1, "the file is empty; a problem needs id, title, difficulty, statement");
    Fields f(*root, name, "a problem");
    Problem p;
    p.file = file;

    const Node& id_node = f.require("id");
    p.id = yaml::as_string(id_node, name, "id");
    if (!is_safe_id(p.id))
        f.error_at(
            id_node,
            fmt::format("id '{}' must match [a-z0-9][a-z0-9-]* (no '/', '..' or capitals)", p.id));
    if (file.stem().string() != p.id || file.extension() != ".yaml")
        f.error_at(id_node,
                   fmt::format("id '{}' must equal the file name (expected {}.yaml)", p.id, p.id));

    p.title = f.require_str("title");
    if (trim(p.title).empty()) f.error_at(*f.get("title"), "'title' is empty");
    const Node& diff = f.require("difficulty");
    auto d = parse_difficulty(yaml::as_string(diff, name, "difficulty"));
    if (!d)
        f.error_at(diff,
                   fmt::format("'difficulty' must be easy, medium or hard, not '{}'", diff.value));
    p.difficulty = *d;
    p.tags = f.str_list("tags");
    for (auto& t : p.tags)
        t = to_lower(trim(t));
    p.minutes = p.difficulty == Difficulty::easy     ? 20
                : p.difficulty == Difficulty::medium ? 35
                                                     : 50;
    if (auto m = f.integer("minutes", 1, 600)) p.minutes = static_cast<int>(*m);
    p.statement = f.require_str("statement");
    if (trim(p.statement).empty()) f.error_at(*f.get("statement"), "'statement' is empty");
    p.input_format = f.str("input_format").value_or("");
    p.output_format = f.str("output_format").value_or("");
    p.constraints = f.str_list("constraints");
    p.hints = f.str_list("hints");

    if (const Node* c = f.get("complexity")) {
        Fields cf(*c, name, "'complexity'");
        p.complexity_time = cf.str("time").value_or("");
        p.complexity_space = cf.str("space").value_or("");
        warn_unused(p, cf, " in 'complexity'", {"time", "space"});
    }
    if (const Node* l = f.get("limits")) {
        Fields lf(*l, name, "'limits'");
        if (auto v = lf.integer("time_ms", 1, 600'000)) p.limits.time_ms = static_cast<int>(*v);
        if (auto v = lf.integer("memory_mb", 1, 65536)) p.limits.memory_mb = static_cast<int>(*v);
        if (auto v = lf.integer("output_kb", 1, 1 << 20)) p.limits.output_kb = static_cast<int>(*v);
        warn_unused(p, lf, " in 'limits'", {"time_ms", "memory_mb", "output_kb"});
    }
    if (const Node* c = f.get("checker")) {
        std::string k = yaml::as_string(*c, name, "checker");
        if (k == "exact")
            p.checker = CheckerKind::exact;
        else if (k == "lines")
            p.checker = CheckerKind::lines;
        else if (k == "tokens")
            p.checker = CheckerKind::tokens;
        else if (k == "float")
            p.checker = CheckerKind::real;
        else if (k == "unordered-lines")
            p.checker = CheckerKind::unordered_lines;
        else if (k == "program")
            p.checker = CheckerKind::program;
        else {
            std::string msg = fmt::format("'checker' must be exact, lines, tokens, float, "
                                          "unordered-lines or program, not '{}'",
                                          k);
            auto near = suggestions(
                k, {"exact", "lines", "tokens", "float", "unordered-lines", "program"}, 1);
            if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near[0]);
            f.error_at(*c, msg);
        }
    }
    if (const Node* t = f.get("tolerance")) {
        p.tolerance = yaml::as_double(*t, name, "tolerance");
        if (!(p.tolerance >= 0)) f.error_at(*t, "'tolerance' must not be negative");
    }
    if (const Node* cp = f.get("checker_program")) {
        p.checker_program = resolve_data_path(p, f, *cp, "checker_program");
        std::error_code ec;
        if (!fs::is_regular_file(p.checker_program, ec))
            f.error_at(*cp, fmt::format("checker_program '{}' does not exist", cp->value));
    }
    if (p.checker == CheckerKind::program && p.checker_program.empty())
        f.error_at(*f.get("checker"), "checker 'program' needs 'checker_program'");

    if (const Node* st = f.get("style")) {
        std::string v = yaml::as_string(*st, name, "style");
        if (v == "stdin")
            p.style = ProblemStyle::stdin_;
        else if (v == "function")
            p.style = ProblemStyle::function;
        else if (v == "class")
            p.style = ProblemStyle::class_;
        else
            f.error_at(*st, fmt::format("'style' must be stdin, function or class, not '{}'",
                                        printable(v)));
    }
    if (p.style != ProblemStyle::stdin_) {
        p.signature = load_signature(p, f);
        for (const char* stdin_key :
             {"checker", "checker_program", "input_format", "output_format"})
            if (const Node* k = root->find(stdin_key))
                f.error_at(
                    *k, fmt::format(
                            "'{}' is for stdin problems; a {} problem is compared with 'compare'",
                            stdin_key, to_string(p.style)));
        if (const Node* c = f.get("compare")) {
            std::string v = yaml::as_string(*c, name, "compare");
            auto cmp = parse_compare(v);
            if (!cmp)
                f.error_at(
                    *c, fmt::format(
                            "'compare' must be exact, unordered, unordered-deep or float, not '{}'",
                            printable(v)));
            p.compare = *cmp;
        }
    } else {
        for (const char* call_key : {"signature", "compare"})
            if (const Node* k = root->find(call_key))
                f.error_at(*k,
                           fmt::format(
                               "'{}' is for function and class problems (style: function or class)",
                               call_key));
    }
    p.examples = load_cases(p, f, "examples", true);
    p.tests = load_cases(p, f, "tests", false);
    if (p.examples.empty() && p.tests.empty())
        f.error_here("a problem needs at least one example or test");
    {
        std::vector<std::string> seen;
        for (const auto* c : p.all_cases()) {
            if (std::find(seen.begin(), seen.end(), c->name) != seen.end())
                f.error_here(fmt::format("two cases are named '{}'", c->name));
            seen.push_back(c->name);
        }
    }
    if (const Node* s = f.get("solutions")) {
        std::vector<const Node*> items;
        if (s->is_scalar())
            items.push_back(s);
        else if (s->is_sequence())
            for (const auto& i : s->items)
                items.push_back(i.get());
        else
            f.error_at(*s, "'solutions' must be a list of paths");
        for (const Node* i : items) {
            fs::path sp = resolve_data_path(p, f, *i, "solutions");
            std::error_code ec;
            if (!fs::is_regular_file(sp, ec))
                f.error_at(*i, fmt::format("solution '{}' does not exist", i->value));
            p.solutions.push_back(sp);
        }
    }
    if (const Node* t = f.get("templates")) {
        Fields tf(*t, name, "'templates'");
        for (const auto& [k, v] : t->entries) {
            std::string lang = yaml::as_string(*k, name, "templates");
            tf.get(lang);
            if (std::find(kLanguages.begin(), kLanguages.end(), lang) == kLanguages.end())
                p.warnings.push_back({k->mark.line, k->mark.column,
                                      printable(fmt::format("unknown template language '{}' (known: {})",
                                                            lang, join(kLanguages, ", ")))});
            p.templates[lang] = yaml::as_string(*v, name, lang);
        }
    }
    warn_unused(p, f, "", kTopKeys);
    return p;
}

} // namespace hired::practice

namespace hired::practice {

namespace {

nlohmann::json read_json(const fs::path& file) {
    std::string text = read_file(file);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 1, column 5: ..."
        std::string what = e.what();
        if (size_t at = what.find("] "); at != std::string::npos) what = what.substr(at + 2);
        fail(Exit::data, "{}: invalid JSON: {}", file.string(), printable(what));
    }
}

std::vector<Value> json_args(const std::string& file, const nlohmann::json& j,
                             const std::vector<Param>& params, const std::string& shape,
                             const std::string& where) {
    std::vector<Value> out;
    if (!j.is_object())
        fail(Exit::data, "{}: {}expected an object of the arguments of {}", file, where, shape);
    for (const auto& item : j.items()) {
        const std::string& key = item.key();
        bool known = std::any_of(params.begin(), params.end(),
                                 [&](const Param& q) { return q.name == key; });
        if (!known)
            fail(Exit::data, "{}: {}no parameter '{}' in {}", file, where, printable(key), shape);
    }
    for (const auto& q : params) {
        if (!j.contains(q.name))
            fail(Exit::data, "{}: {}argument '{}' of {} is missing", file, where, q.name, shape);
        out.push_back(value_from_json(j[q.name], q.type, file, where + q.name));
    }
    return out;
}

} // namespace

CallCase load_call_case(const Problem& p, const TestCase& c) {
    CallCase out = c.call;
    const Signature& sig = p.signature;
    if (!c.args_file.empty()) {
        std::string file = c.args_file.string();
        nlohmann::json j = read_json(c.args_file);
        if (p.style == ProblemStyle::function) {
            std::vector<std::string> names;
            for (const auto& q : sig.function.params)
                names.push_back(q.name);
            out.args = json_args(file, j, sig.function.params,
                                 fmt::format("{}({})", sig.function.name, join(names, ", ")), "");
        } else {
            // The calls: [["MinStack"], ["push", 3], ...], as in the problem file.
            if (!j.is_array() || j.empty())
                fail(Exit::data, "{}: expected the calls as a list, the first [\"{}\", ...]", file,
                     sig.class_name);
            out.calls.clear();
            for (size_t i = 0; i < j.size(); ++i) {
                const auto& call = j[i];
                std::string at = fmt::format("[{}]", i);
                if (!call.is_array() || call.empty() || !call[0].is_string())
                    fail(Exit::data, "{}: {}: a call must be a list: [method, arguments...]", file,
                         at);
                std::string name = call[0].get<std::string>();
                Call cl;
                const std::vector<Param>* params = nullptr;
                if (i == 0) {
                    if (name != sig.class_name)
                        fail(Exit::data, "{}: {}: the first call must construct {}", file, at,
                             sig.class_name);
                    params = &sig.constructor;
                } else {
                    for (size_t m = 0; m < sig.methods.size(); ++m)
                        if (sig.methods[m].name == name) cl.method = static_cast<int>(m);
                    if (cl.method < 0)
                        fail(Exit::data, "{}: {}: method '{}' is not in {}'s signature", file, at,
                             printable(name), sig.class_name);
                    params = &sig.methods[static_cast<size_t>(cl.method)].params;
                }
                if (call.size() - 1 != params->size())
                    fail(Exit::data, "{}: {}: '{}' takes {} arguments, this call gives {}", file,
                         at, name, params->size(), call.size() - 1);
                for (size_t a = 0; a < params->size(); ++a)
                    cl.args.push_back(value_from_json(call[a + 1], (*params)[a].type, file,
                                                      fmt::format("{}[{}]", at, a + 1)));
                out.calls.push_back(std::move(cl));
            }
        }
    }
    if (!c.expect_file.empty()) {
        std::string file = c.expect_file.string();
        nlohmann::json j = read_json(c.expect_file);
        if (p.style == ProblemStyle::function) {
            out.expect = value_from_json(j, sig.function.returns, file, "");
        } else {
            if (!j.is_array() || j.size() != out.calls.size())
                fail(Exit::data, "{}: expected a list with one result per call ({})", file,
                     out.calls.size());
            out.expect = Value::array();
            for (size_t i = 0; i < j.size(); ++i) {
                int m = out.calls[i].method;
                if (m < 0 ||
                    sig.methods[static_cast<size_t>(m)].returns.base == Type::Base::void_) {
                    if (!j[i].is_null())
                        fail(Exit::data,
                             "{}: [{}]: call {} returns nothing: its result must be null", file, i,
                             i + 1);
                    out.expect.push_back(nullptr);
                } else {
                    out.expect.push_back(
                        value_from_json(j[i], sig.methods[static_cast<size_t>(m)].returns, file,
                                        fmt::format("[{}]", i)));
                }
            }
        }
    }
    return out;
}

} // namespace hired::practice
