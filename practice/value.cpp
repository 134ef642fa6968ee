#include "value.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace hired::practice {

namespace {

struct BaseName {
    Type::Base base;
    std::string_view name;
};
constexpr BaseName kBases[] = {
    {Type::Base::int32, "int"},          {Type::Base::int64, "long"},
    {Type::Base::real, "double"},        {Type::Base::boolean, "bool"},
    {Type::Base::string, "string"},      {Type::Base::list_node, "ListNode"},
    {Type::Base::tree_node, "TreeNode"}, {Type::Base::void_, "void"},
};

std::string_view base_name(Type::Base b) {
    for (const auto& [base, name] : kBases)
        if (base == b) return name;
    return "?";
}

// A whole decimal integer ("-12", "+3"): its value; overflow set when the
// digits are beyond even long's range; nullopt for anything else ("1.0", "1e3").
std::optional<int64_t> integer_text(std::string_view s, bool* overflow = nullptr) {
    if (overflow) *overflow = false;
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty() || s.size() > 400) return std::nullopt;
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (p != s.data() + s.size()) return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        if (!overflow) return std::nullopt;
        *overflow = true;
        return 0;
    }
    if (ec != std::errc()) return std::nullopt;
    return v;
}

bool fits(int64_t v, Type::Base b) {
    if (b == Type::Base::int64) return true;
    return v >= std::numeric_limits<int32_t>::min() && v <= std::numeric_limits<int32_t>::max();
}

std::string range_message(std::string_view text, Type::Base b) {
    return b == Type::Base::int64
               ? fmt::format("{} does not fit a long (64-bit)", text)
               : fmt::format("{} does not fit an int (32-bit, -2147483648 to 2147483647); "
                             "declare the type long for larger values",
                             text);
}

// A tree's level order: every non-null item must have a place (a parent
// with a free child slot). Returns the index of the first item without one.
std::optional<size_t> misplaced_tree_item(const std::vector<bool>& present) {
    if (present.empty()) return std::nullopt;
    if (!present[0]) return present.size() > 1 ? std::optional<size_t>(1) : std::nullopt;
    size_t places = 2; // the root's children
    for (size_t i = 1; i < present.size(); ++i) {
        if (places == 0) return i;
        --places;
        if (present[i]) places += 2;
    }
    return std::nullopt;
}

void trim_trailing_nulls(Value& tree) {
    while (!tree.empty() && tree.back().is_null())
        tree.erase(tree.size() - 1);
}

} // namespace

std::string Type::str() const {
    std::string s(base_name(base));
    for (int i = 0; i < depth; ++i)
        s += "[]";
    return s;
}

std::optional<Type> parse_type(std::string_view s) {
    s = trim(s);
    Type t;
    while (s.ends_with("[]")) {
        ++t.depth;
        s.remove_suffix(2);
        s = trim(s);
    }
    for (const auto& [base, name] : kBases)
        if (s == name) {
            t.base = base;
            if (base == Type::Base::void_ && t.depth > 0) return std::nullopt;
            if (t.depth > 16) return std::nullopt;
            return t;
        }
    return std::nullopt;
}

// ---- from the problem file -----------------------------------------------------------

namespace {

[[noreturn]] void yaml_error(const yaml::Node& n, const std::string& file, std::string_view what,
                             const std::string& message) {
    fail_at(file, n.mark.line, n.mark.column, "{}: {}", what, message);
}

std::string found(const yaml::Node& n) {
    if (n.is_null()) return "nothing (null)";
    if (n.is_sequence()) return "a list";
    if (n.is_map()) return "a map";
    return fmt::format("'{}'",
                       printable(n.value.size() > 40 ? n.value.substr(0, 40) + "…" : n.value));
}

[[noreturn]] void expected_yaml(const yaml::Node& n, const std::string& file, std::string_view what,
                                std::string_view kind) {
    yaml_error(n, file, what, fmt::format("expected {}, got {}", kind, found(n)));
}

Value scalar_from_yaml(const yaml::Node& n, Type::Base b, const std::string& file,
                       std::string_view what) {
    switch (b) {
    case Type::Base::int32:
    case Type::Base::int64: {
        if (!n.is_scalar() || !n.plain)
            expected_yaml(n, file, what, b == Type::Base::int32 ? "an int" : "a long");
        bool overflow = false;
        auto v = integer_text(n.value, &overflow);
        if (!v) expected_yaml(n, file, what, b == Type::Base::int32 ? "an int" : "a long");
        if (overflow || !fits(*v, b)) yaml_error(n, file, what, range_message(n.value, b));
        return Value(*v);
    }
    case Type::Base::real: {
        if (!n.is_scalar() || !n.plain) expected_yaml(n, file, what, "a number");
        char* end = nullptr;
        std::string text = n.value;
        double d = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(d))
            expected_yaml(n, file, what, "a number");
        return Value(d);
    }
    case Type::Base::boolean:
        if (n.is_scalar() && n.plain && (n.value == "true" || n.value == "True"))
            return Value(true);
        if (n.is_scalar() && n.plain && (n.value == "false" || n.value == "False"))
            return Value(false);
        expected_yaml(n, file, what, "true or false");
    case Type::Base::string:
        if (!n.is_scalar()) expected_yaml(n, file, what, "a string");
        return Value(n.value);
    default:
        break;
    }
    expected_yaml(n, file, what, "a value");
}

} // namespace

Value value_from_yaml(const yaml::Node& n, const Type& t, const std::string& file,
                      std::string_view what) {
    if (t.base == Type::Base::void_)
        yaml_error(n, file, what, "void has no values (it is only for returns)");
    if (t.is_array()) {
        if (!n.is_sequence())
            yaml_error(n, file, what,
                       fmt::format("expected a list ({}), got {}", t.str(), found(n)));
        Value out = Value::array();
        for (size_t i = 0; i < n.items.size(); ++i)
            out.push_back(
                value_from_yaml(*n.items[i], t.element(), file, fmt::format("{}[{}]", what, i)));
        return out;
    }
    if (t.base == Type::Base::list_node || t.base == Type::Base::tree_node) {
        bool tree = t.base == Type::Base::tree_node;
        if (n.is_null()) return Value::array(); // the empty list or tree
        if (!n.is_sequence())
            yaml_error(n, file, what,
                       fmt::format("expected a {} written as a list ({}), got {}", t.str(),
                                   tree ? "level order, null for gaps: [1, null, 2]"
                                        : "its values in order: [1, 2, 3]",
                                   found(n)));
        Value out = Value::array();
        std::vector<bool> present;
        for (size_t i = 0; i < n.items.size(); ++i) {
            const yaml::Node& item = *n.items[i];
            if (tree && item.is_null()) {
                out.push_back(nullptr);
                present.push_back(false);
                continue;
            }
            out.push_back(
                scalar_from_yaml(item, Type::Base::int32, file, fmt::format("{}[{}]", what, i)));
            present.push_back(true);
        }
        if (tree) {
            if (auto bad = misplaced_tree_item(present))
                yaml_error(*n.items[*bad], file, what,
                           fmt::format("not a tree in level order: item {} has no parent (a "
                                       "null node has no children)",
                                       *bad));
            trim_trailing_nulls(out);
        }
        return out;
    }
    return scalar_from_yaml(n, t.base, file, what);
}

// ---- from a JSON file ----------------------------------------------------------------

namespace {

[[noreturn]] void json_error(const std::string& file, const std::string& path,
                             const std::string& message) {
    fail(Exit::data, "{}: {}: {}", file, path.empty() ? "the value" : path, message);
}

std::string json_found(const nlohmann::json& j) {
    if (j.is_null()) return "null";
    if (j.is_array()) return "a list";
    if (j.is_object()) return "an object";
    std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return s.size() > 40 ? s.substr(0, 40) + "…" : s;
}

[[noreturn]] void expected_json(const nlohmann::json& j, const std::string& file,
                                const std::string& path, std::string_view kind) {
    json_error(file, path, fmt::format("expected {}, got {}", kind, json_found(j)));
}

Value scalar_from_json(const nlohmann::json& j, Type::Base b, const std::string& file,
                       const std::string& path) {
    switch (b) {
    case Type::Base::int32:
    case Type::Base::int64: {
        if (j.is_number_unsigned()) {
            auto u = j.get<uint64_t>();
            if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ||
                !fits(static_cast<int64_t>(u), b))
                json_error(file, path, range_message(std::to_string(u), b));
            return Value(static_cast<int64_t>(u));
        }
        if (j.is_number_integer()) {
            auto v = j.get<int64_t>();
            if (!fits(v, b)) json_error(file, path, range_message(std::to_string(v), b));
            return Value(v);
        }
        expected_json(j, file, path, b == Type::Base::int32 ? "an int" : "a long");
    }
    case Type::Base::real:
        if (!j.is_number()) expected_json(j, file, path, "a number");
        return Value(j.get<double>());
    case Type::Base::boolean:
        if (!j.is_boolean()) expected_json(j, file, path, "true or false");
        return j;
    case Type::Base::string:
        if (!j.is_string()) expected_json(j, file, path, "a string");
        return j;
    default:
        break;
    }
    expected_json(j, file, path, "a value");
}

} // namespace

Value value_from_json(const nlohmann::json& j, const Type& t, const std::string& file,
                      const std::string& path) {
    if (t.base == Type::Base::void_) json_error(file, path, "void has no values");
    if (t.is_array()) {
        if (!j.is_array())
            json_error(file, path,
                       fmt::format("expected a list ({}), got {}", t.str(), json_found(j)));
        Value out = Value::array();
        for (size_t i = 0; i < j.size(); ++i)
            out.push_back(value_from_json(j[i], t.element(), file, fmt::format("{}[{}]", path, i)));
        return out;
    }
    if (t.base == Type::Base::list_node || t.base == Type::Base::tree_node) {
        bool tree = t.base == Type::Base::tree_node;
        if (j.is_null()) return Value::array();
        if (!j.is_array())
            json_error(
                file, path,
                fmt::format("expected a {} written as a list, got {}", t.str(), json_found(j)));
        Value out = Value::array();
        std::vector<bool> present;
        for (size_t i = 0; i < j.size(); ++i) {
            if (tree && j[i].is_null()) {
                out.push_back(nullptr);
                present.push_back(false);
                continue;
            }
            out.push_back(
                scalar_from_json(j[i], Type::Base::int32, file, fmt::format("{}[{}]", path, i)));
            present.push_back(true);
        }
        if (tree) {
            if (auto bad = misplaced_tree_item(present))
                json_error(file, fmt::format("{}[{}]", path, *bad),
                           "not a tree in level order: this item has no parent");
            trim_trailing_nulls(out);
        }
        return out;
    }
    return scalar_from_json(j, t.base, file, path);
}

// ---- the wire format ---------------------------------------------------------------

void encode(const Value& v, const Type& t, std::string& out) {
    if (t.is_array() || t.base == Type::Base::list_node || t.base == Type::Base::tree_node) {
        if (v.is_null()) {
            out += t.is_array() ? "~ " : "0 ";
            return;
        }
        out += fmt::format("{} ", v.size());
        Type item = t.is_array() ? t.element() : Type{Type::Base::int32, 0};
        for (const auto& x : v) {
            if (x.is_null())
                out += "~ ";
            else
                encode(x, item, out);
        }
        return;
    }
    switch (t.base) {
    case Type::Base::int32:
    case Type::Base::int64:
        out += fmt::format("{} ", v.get<int64_t>());
        return;
    case Type::Base::real: {
        double d = v.get<double>();
        if (std::isnan(d))
            out += "nan ";
        else if (std::isinf(d))
            out += d > 0 ? "inf " : "-inf ";
        else
            out += fmt::format("{} ", d);
        return;
    }
    case Type::Base::boolean:
        out += v.get<bool>() ? "t " : "f ";
        return;
    case Type::Base::string: {
        const auto& s = v.get_ref<const std::string&>();
        out += fmt::format("{}:", s.size());
        out += s;
        out += ' ';
        return;
    }
    default:
        return;
    }
}

namespace {

std::optional<std::string_view> token(std::string_view in, size_t& pos) {
    size_t end = in.find(' ', pos);
    if (end == std::string_view::npos || end == pos) return std::nullopt;
    std::string_view t = in.substr(pos, end - pos);
    pos = end + 1;
    return t;
}

} // namespace

std::optional<Value> decode(std::string_view in, size_t& pos, const Type& t, std::string& why) {
    size_t at = pos;
    auto bad = [&](const std::string& what) -> std::optional<Value> {
        why = fmt::format("{} at byte {}", what, at);
        return std::nullopt;
    };
    if (t.is_array() || t.base == Type::Base::list_node || t.base == Type::Base::tree_node) {
        auto n = token(in, pos);
        if (!n) return bad("expected a length");
        if (*n == "~") return t.is_array() ? Value(nullptr) : Value::array();
        auto count = integer_text(*n);
        if (!count || *count < 0 || static_cast<size_t>(*count) > in.size() - pos + 1)
            return bad(fmt::format("a bad length '{}'", printable(*n)));
        Value out = Value::array();
        Type item = t.is_array() ? t.element() : Type{Type::Base::int32, 0};
        for (int64_t i = 0; i < *count; ++i) {
            if (t.base == Type::Base::tree_node && !t.is_array() && in.substr(pos, 2) == "~ ") {
                pos += 2;
                out.push_back(nullptr);
                continue;
            }
            auto x = decode(in, pos, item, why);
            if (!x) return std::nullopt;
            out.push_back(std::move(*x));
        }
        if (t.base == Type::Base::tree_node && !t.is_array()) trim_trailing_nulls(out);
        return out;
    }
    switch (t.base) {
    case Type::Base::int32:
    case Type::Base::int64: {
        auto tok = token(in, pos);
        if (!tok) return bad("expected an integer");
        auto v = integer_text(*tok);
        if (!v) return bad(fmt::format("'{}' is not an integer", printable(*tok)));
        return Value(*v);
    }
    case Type::Base::real: {
        auto tok = token(in, pos);
        if (!tok) return bad("expected a number");
        if (*tok == "nan") return Value(std::numeric_limits<double>::quiet_NaN());
        if (*tok == "inf") return Value(std::numeric_limits<double>::infinity());
        if (*tok == "-inf") return Value(-std::numeric_limits<double>::infinity());
        std::string text(*tok);
        char* end = nullptr;
        double d = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size())
            return bad(fmt::format("'{}' is not a number", printable(*tok)));
        return Value(d);
    }
    case Type::Base::boolean: {
        auto tok = token(in, pos);
        if (tok == "t") return Value(true);
        if (tok == "f") return Value(false);
        return bad("expected t or f");
    }
    case Type::Base::string: {
        size_t colon = in.find(':', pos);
        if (colon == std::string_view::npos || colon == pos || colon - pos > 12)
            return bad("expected <length>:<bytes>");
        auto len = integer_text(in.substr(pos, colon - pos));
        if (!len || *len < 0 || static_cast<size_t>(*len) > in.size() - colon - 1)
            return bad("a bad string length");
        size_t n = static_cast<size_t>(*len);
        if (colon + 1 + n >= in.size() || in[colon + 1 + n] != ' ')
            return bad("a string without its separator");
        Value v(std::string(in.substr(colon + 1, n)));
        pos = colon + 2 + n;
        return v;
    }
    default:
        return bad("a value of type void");
    }
}

// ---- comparison ---------------------------------------------------------------------

std::optional<Compare> parse_compare(std::string_view s) {
    if (s == "exact") return Compare::exact;
    if (s == "unordered") return Compare::unordered;
    if (s == "unordered-deep") return Compare::unordered_deep;
    if (s == "float") return Compare::real;
    return std::nullopt;
}

const char* to_string(Compare c) {
    switch (c) {
    case Compare::exact:
        return "exact";
    case Compare::unordered:
        return "unordered";
    case Compare::unordered_deep:
        return "unordered-deep";
    case Compare::real:
        return "float";
    }
    return "?";
}

namespace {

// Arrays sorted by their items' JSON text, the outer level (deep: every level).
Value sorted(const Value& v, bool deep) {
    if (!v.is_array()) return v;
    std::vector<std::pair<std::string, Value>> items;
    for (const auto& x : v) {
        Value y = deep ? sorted(x, true) : x;
        items.emplace_back(y.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                           std::move(y));
    }
    std::sort(items.begin(), items.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    Value out = Value::array();
    for (auto& [k, y] : items)
        out.push_back(std::move(y));
    return out;
}

bool numbers_equal(const Value& a, const Value& b, bool tolerant, double tolerance) {
    if (a.is_number_integer() && b.is_number_integer()) return a.get<int64_t>() == b.get<int64_t>();
    double x = a.get<double>(), y = b.get<double>();
    if (std::isnan(x) || std::isnan(y)) return false;
    if (x == y) return true;
    if (!tolerant) return false;
    double diff = std::fabs(x - y);
    return diff <= tolerance || diff <= tolerance * std::max(std::fabs(x), std::fabs(y));
}

bool equal_at(const Value& e, const Value& g, bool tolerant, double tolerance, std::string path,
              std::string* where) {
    auto differ = [&](const std::string& what) {
        if (where) *where = path.empty() ? what : path + ": " + what;
        return false;
    };
    if (e.is_number() && g.is_number()) {
        if (numbers_equal(e, g, tolerant, tolerance)) return true;
        return differ(fmt::format("expected {}, got {}", show(e), show(g)));
    }
    if (e.type() != g.type()) return differ(fmt::format("expected {}, got {}", show(e), show(g)));
    if (e.is_array()) {
        size_t n = std::min(e.size(), g.size());
        for (size_t i = 0; i < n; ++i)
            if (!equal_at(e[i], g[i], tolerant, tolerance, fmt::format("{}[{}]", path, i), where))
                return false;
        if (e.size() != g.size())
            return differ(fmt::format("expected {} item{}, got {}", e.size(),
                                      e.size() == 1 ? "" : "s", g.size()));
        return true;
    }
    if (e != g) return differ(fmt::format("expected {}, got {}", show(e), show(g)));
    return true;
}

} // namespace

bool values_equal(const Value& expected, const Value& got, Compare c, double tolerance,
                  std::string* where) {
    switch (c) {
    case Compare::exact:
        return equal_at(expected, got, false, tolerance, "", where);
    case Compare::real:
        return equal_at(expected, got, true, tolerance, "", where);
    case Compare::unordered:
    case Compare::unordered_deep: {
        bool deep = c == Compare::unordered_deep;
        if (equal_at(sorted(expected, deep), sorted(got, deep), false, tolerance, "", nullptr))
            return true;
        if (where) {
            // Name a difference the user can find: an item missing or extra.
            std::string detail;
            equal_at(sorted(expected, deep), sorted(got, deep), false, tolerance, "(in any order)",
                     &detail);
            *where = detail;
        }
        return false;
    }
    }
    return false;
}

// ---- shown in messages -----------------------------------------------------------------

std::string show(const Value& v, size_t max_chars) {
    auto text = [](const Value& x) {
        if (x.is_number_float()) {
            double d = x.get<double>();
            if (std::isnan(d)) return std::string("nan");
            if (std::isinf(d)) return std::string(d > 0 ? "inf" : "-inf");
        }
        return x.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    if (!v.is_array()) {
        std::string s = text(v);
        if (s.size() > max_chars) s = s.substr(0, max_chars) + "…\"";
        return s;
    }
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) {
        std::string item = show(v[i], max_chars);
        if (out.size() + item.size() + 2 > max_chars && i > 0) {
            out += fmt::format(", … ({} items)", v.size());
            return out + "]";
        }
        if (i) out += ", ";
        out += item;
    }
    return out + "]";
}

} // namespace hired::practice
