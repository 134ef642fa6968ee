#include "problem.hpp"

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"
#include "util/yaml_doc.hpp"

#include <algorithm>

namespace hired::practice {

const char* to_string(Difficulty d) {
    switch (d) {
    case Difficulty::easy: return "easy";
    case Difficulty::medium: return "medium";
    case Difficulty::hard: return "hard";
    }
    return "?";
}

const char* to_string(CheckerKind c) {
    switch (c) {
    case CheckerKind::exact: return "exact";
    case CheckerKind::lines: return "lines";
    case CheckerKind::tokens: return "tokens";
    case CheckerKind::real: return "float";
    case CheckerKind::unordered_lines: return "unordered-lines";
    case CheckerKind::program: return "program";
    }
    return "?";
}

std::optional<Difficulty> parse_difficulty(std::string_view s) {
    if (s == "easy") return Difficulty::easy;
    if (s == "medium") return Difficulty::medium;
    if (s == "hard") return Difficulty::hard;
    return std::nullopt;
}

std::string TestCase::load_input() const { return input_file.empty() ? input : read_file(input_file); }
std::string TestCase::load_output() const { return output_file.empty() ? output : read_file(output_file); }

std::vector<const TestCase*> Problem::all_cases() const {
    std::vector<const TestCase*> out;
    for (const auto& c : examples) out.push_back(&c);
    for (const auto& c : tests) out.push_back(&c);
    return out;
}

namespace {

using yaml::Fields;
using yaml::Node;

const std::vector<std::string> kTopKeys = {
    "id", "title", "difficulty", "tags", "minutes", "statement", "input_format", "output_format",
    "constraints", "hints", "complexity", "limits", "checker", "tolerance", "checker_program",
    "examples", "tests", "solutions", "templates"};

const std::vector<std::string> kLanguages = {"cpp", "c", "python", "javascript", "java", "rust", "sh"};

void warn_unused(Problem& p, const Fields& f, const std::string& where, const std::vector<std::string>& known) {
    for (const auto& [k, v] : f.unused()) {
        std::string key = k->is_scalar() ? k->value : "?";
        const yaml::Mark& mark = k->mark;
        std::string msg = fmt::format("unknown key '{}'{} (ignored)", key, where);
        auto near = suggestions(key, known, 1);
        if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near[0]);
        p.warnings.push_back({mark.line, mark.column, printable(msg)});
    }
}

// A path named by the problem file: relative to the file's folder and inside
// the problem's own folder <dir>/<id>/, never outside it.
fs::path resolve_data_path(const Problem& p, const Fields& f, const Node& n, const std::string& key) {
    std::string rel = yaml::as_string(n, f.file(), key);
    if (rel.empty()) f.error_at(n, fmt::format("'{}' is empty", key));
    fs::path rp(rel);
    if (rp.is_absolute()) f.error_at(n, fmt::format("'{}' must be relative to the problem file, not '{}'", key, rel));
    fs::path own = p.folder() / p.id;
    fs::path full = (p.folder() / rp).lexically_normal();
    if (!is_within(own, full))
        f.error_at(n, fmt::format("'{}' must be inside the problem's own folder '{}/': '{}'", key, p.id, rel));
    return full;
}

TestCase load_case(Problem& p, const Node& n, const std::string& file, bool example, size_t index) {
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
        if (!n.find("input")) f.error_here(fmt::format("case '{}': missing required field 'input' (or 'input_file')", c.name));
    }
    if (!out && !out_file && !n.find("output"))
        f.error_here(fmt::format("case '{}': missing required field 'output' (or 'output_file')", c.name));
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
    if (!n->is_sequence()) top.error_at(*n, fmt::format("'{}' must be a list of cases, not {}", key, n->kind_name()));
    for (size_t i = 0; i < n->items.size(); ++i) out.push_back(load_case(p, *n->items[i], top.file(), example, i));
    return out;
}

} // namespace

Problem load_problem(const fs::path& file) {
    std::string name = file.string();
    yaml::Limits limits;
    limits.too_big_hint = "; put large tests in files of their own (input_file, output_file)";
    auto root = yaml::parse_file(name, limits);
    if (root->is_null()) fail_at(name, 1, 1, "the file is empty; a problem needs id, title, difficulty, statement");
    Fields f(*root, name, "a problem");
    Problem p;
    p.file = file;

    const Node& id_node = f.require("id");
    p.id = yaml::as_string(id_node, name, "id");
    if (!is_safe_id(p.id))
        f.error_at(id_node, fmt::format("id '{}' must match [a-z0-9][a-z0-9-]* (no '/', '..' or capitals)", p.id));
    if (file.stem().string() != p.id || file.extension() != ".yaml")
        f.error_at(id_node, fmt::format("id '{}' must equal the file name (expected {}.yaml)", p.id, p.id));

    p.title = f.require_str("title");
    if (trim(p.title).empty()) f.error_at(*f.get("title"), "'title' is empty");
    const Node& diff = f.require("difficulty");
    auto d = parse_difficulty(yaml::as_string(diff, name, "difficulty"));
    if (!d) f.error_at(diff, fmt::format("'difficulty' must be easy, medium or hard, not '{}'", diff.value));
    p.difficulty = *d;
    p.tags = f.str_list("tags");
    for (auto& t : p.tags) t = to_lower(trim(t));
    p.minutes = p.difficulty == Difficulty::easy ? 20 : p.difficulty == Difficulty::medium ? 35 : 50;
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
        if (k == "exact") p.checker = CheckerKind::exact;
        else if (k == "lines") p.checker = CheckerKind::lines;
        else if (k == "tokens") p.checker = CheckerKind::tokens;
        else if (k == "float") p.checker = CheckerKind::real;
        else if (k == "unordered-lines") p.checker = CheckerKind::unordered_lines;
        else if (k == "program") p.checker = CheckerKind::program;
        else {
            std::string msg = fmt::format("'checker' must be exact, lines, tokens, float, unordered-lines or program, not '{}'", k);
            auto near = suggestions(k, {"exact", "lines", "tokens", "float", "unordered-lines", "program"}, 1);
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

    p.examples = load_cases(p, f, "examples", true);
    p.tests = load_cases(p, f, "tests", false);
    if (p.examples.empty() && p.tests.empty()) f.error_here("a problem needs at least one example or test");
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
        if (s->is_scalar()) items.push_back(s);
        else if (s->is_sequence())
            for (const auto& i : s->items) items.push_back(i.get());
        else f.error_at(*s, "'solutions' must be a list of paths");
        for (const Node* i : items) {
            fs::path sp = resolve_data_path(p, f, *i, "solutions");
            std::error_code ec;
            if (!fs::is_regular_file(sp, ec)) f.error_at(*i, fmt::format("solution '{}' does not exist", i->value));
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
                                      printable(fmt::format("unknown template language '{}' (known: {})", lang,
                                                            join(kLanguages, ", ")))});
            p.templates[lang] = yaml::as_string(*v, name, lang);
        }
    }
    warn_unused(p, f, "", kTopKeys);
    return p;
}

} // namespace hired::practice
