#include "yaml_write.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hired::tracker::yaml_write {

// ---- building ----------------------------------------------------------------

Out::Out() = default;

Out Out::scalar(std::string s) {
    Out o;
    o.kind = Kind::scalar;
    o.text = std::move(s);
    return o;
}

Out Out::number(long long v) {
    Out o = scalar(std::to_string(v));
    o.raw_plain = true;
    return o;
}

Out Out::sequence(bool flow) {
    Out o;
    o.kind = Kind::sequence;
    o.flow = flow;
    return o;
}

Out Out::map() {
    Out o;
    o.kind = Kind::map;
    return o;
}

Out Out::null_value() {
    return Out{};
}

Out& Out::add(std::string key, Out value) {
    entries.emplace_back(std::move(key), std::move(value));
    return *this;
}

Out& Out::set(std::string key, std::string_view value) {
    if (!value.empty()) add(std::move(key), scalar(std::string(value)));
    return *this;
}

Out& Out::set_list(std::string key, const std::vector<std::string>& v, bool flow_style) {
    if (v.empty()) return *this;
    Out seq = sequence(flow_style);
    for (const auto& s : v)
        seq.push(scalar(s));
    return add(std::move(key), std::move(seq));
}

Out& Out::set_number(std::string key, long long value) {
    return add(std::move(key), number(value));
}

Out& Out::set_if(std::string key, Out value) {
    if (!value.empty()) add(std::move(key), std::move(value));
    return *this;
}

Out& Out::push(Out value) {
    items.push_back(std::move(value));
    return *this;
}

bool Out::empty() const {
    switch (kind) {
    case Kind::null:
        return true;
    case Kind::scalar:
        return text.empty();
    case Kind::sequence:
        return items.empty();
    case Kind::map:
        return entries.empty();
    }
    return true;
}

// ---- scalars -----------------------------------------------------------------

namespace {

// Decodes one UTF-8 code point at s[i], advancing i; -1 when malformed.
long decode(std::string_view s, size_t& i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
        ++i;
        return b;
    }
    int len = 0;
    long cp = 0;
    if ((b & 0xE0) == 0xC0)
        len = 2, cp = b & 0x1F;
    else if ((b & 0xF0) == 0xE0)
        len = 3, cp = b & 0x0F;
    else if ((b & 0xF8) == 0xF0)
        len = 4, cp = b & 0x07;
    else
        return -1;
    if (i + static_cast<size_t>(len) > s.size()) return -1;
    for (int k = 1; k < len; ++k) {
        auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
        if ((c & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr long min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    i += static_cast<size_t>(len);
    return cp;
}

// Code points YAML cannot carry raw in plain or block scalars: C0/C1
// controls, DEL, the Unicode line separators (which YAML 1.1 readers take
// for line breaks), the BOM and the non-characters.
bool needs_escape(long cp) {
    if (cp < 0x20 && cp != '\n' && cp != '\t') return true;
    if (cp == 0x7F) return true;
    if (cp >= 0x80 && cp <= 0x9F) return true;
    return cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

bool has_escapable(std::string_view s, bool allow_tab_newline) {
    for (size_t i = 0; i < s.size();) {
        long cp = decode(s, i);
        if (cp < 0) return true;
        if (needs_escape(cp)) return true;
        if (!allow_tab_newline && (cp == '\n' || cp == '\t')) return true;
    }
    return false;
}

bool reserved_word(std::string_view s) {
    static constexpr std::array<std::string_view, 10> words = {"null", "true", "false", "yes", "no",
                                                               "on",   "off",  "y",     "n",   "~"};
    std::string lower(s);
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(words.begin(), words.end(), lower) != words.end();
}

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// [0-9_]* from i; returns where it stops. Likewise for the other classes.
template <typename Pred> size_t skip(std::string_view s, size_t i, Pred p) {
    while (i < s.size() && p(s[i]))
        ++i;
    return i;
}

bool digit_(char c) {
    return digit(c) || c == '_';
}

// t (the sign taken off) fully in digit_ form after prefix n, at least one.
template <typename Pred> bool all_after(std::string_view t, size_t n, Pred p) {
    return t.size() > n && skip(t, n, p) == t.size();
}

// (\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?
bool decimal(std::string_view t) {
    size_t j;
    if (t[0] == '.') {
        j = skip(t, 1, digit_);
        if (j == 1) return false;
    } else if (digit(t[0])) {
        j = skip(t, 1, digit_);
        if (j < t.size() && t[j] == '.') j = skip(t, j + 1, digit_);
    } else {
        return false;
    }
    if (j < t.size() && (t[j] == 'e' || t[j] == 'E')) {
        ++j;
        if (j < t.size() && (t[j] == '+' || t[j] == '-')) ++j;
        size_t k = skip(t, j, digit);
        if (k == j) return false;
        j = k;
    }
    return j == t.size();
}

// [0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?  (YAML 1.1 base 60)
bool sexagesimal(std::string_view t) {
    if (!digit(t[0])) return false;
    size_t j = skip(t, 1, digit_);
    int groups = 0;
    while (j < t.size() && t[j] == ':') {
        ++j;
        if (j >= t.size() || !digit(t[j])) return false;
        if (j + 1 < t.size() && digit(t[j + 1])) {
            if (t[j] > '5') return false; // a third digit cannot follow either way
            j += 2;
        } else {
            j += 1;
        }
        ++groups;
    }
    if (groups == 0) return false;
    if (j < t.size() && t[j] == '.') j = skip(t, j + 1, digit_);
    return j == t.size();
}

} // namespace

// What a YAML 1.1 or 1.2 reader would take for a number: the language of
//   [-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?
//   [-+]?0[xX][0-9a-fA-F_]+   [-+]?0[oO]?[0-7_]+   [-+]?0[bB][01_]+
//   [-+]?\.(inf|Inf|INF)   \.(nan|NaN|NAN)   [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?
// by hand (a std::regex cost more than the rest of a small write).
bool number_like(std::string_view s) {
    if (s.empty()) return false;
    if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
    std::string_view t = s[0] == '+' || s[0] == '-' ? s.substr(1) : s;
    if (t.empty()) return false;
    if (t == ".inf" || t == ".Inf" || t == ".INF") return true;
    if (t[0] == '0' && t.size() >= 2) {
        auto hex = [](char c) {
            return digit_(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        };
        auto oct = [](char c) { return (c >= '0' && c <= '7') || c == '_'; };
        auto bin = [](char c) { return c == '0' || c == '1' || c == '_'; };
        char k = t[1];
        if ((k == 'x' || k == 'X') && all_after(t, 2, hex)) return true;
        if ((k == 'o' || k == 'O') && all_after(t, 2, oct)) return true;
        if ((k == 'b' || k == 'B') && all_after(t, 2, bin)) return true;
        if (all_after(t, 1, oct)) return true;
    }
    return decimal(t) || sexagesimal(t);
}

namespace {

std::string spaces(int n) {
    return std::string(static_cast<size_t>(n), ' ');
}

// A plain scalar as far as the YAML grammar goes (ignoring what it would
// mean: numbers and booleans are fine here).
bool plain_structurally_ok(std::string_view s, bool flow) {
    if (s.empty()) return false;
    if (has_escapable(s, false)) return false;
    if (s.front() == ' ' || s.back() == ' ') return false;
    static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(s.front()) != std::string_view::npos) return false;
    if (s.starts_with("...")) return false;
    if (s.find(": ") != std::string_view::npos || s.back() == ':') return false;
    if (s.find('#') != std::string_view::npos) return false;
    // Inside [ ], PyYAML and yaml-cpp end a plain scalar at a '?' as well.
    if (flow && s.find_first_of(",[]{}?") != std::string_view::npos) return false;
    return true;
}

} // namespace

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();)
        if (decode(s, i) < 0) return false;
    return true;
}

bool plain_ok(std::string_view s, bool flow) {
    return plain_structurally_ok(s, flow) && !reserved_word(s) && !number_like(s);
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size();) {
        size_t start = i;
        long cp = decode(s, i);
        if (cp < 0) throw Error(Exit::data, "text is not valid UTF-8");
        switch (cp) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\0':
            out += "\\0";
            continue;
        case '\a':
            out += "\\a";
            continue;
        case '\b':
            out += "\\b";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\v':
            out += "\\v";
            continue;
        case '\f':
            out += "\\f";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case 0x1B:
            out += "\\e";
            continue;
        default:
            break;
        }
        if (cp < 0x20 || cp == 0x7F)
            out += fmt::format("\\x{:02X}", cp);
        else if (needs_escape(cp))
            out += fmt::format("\\u{:04X}", cp);
        else
            out.append(s.substr(start, i - start));
    }
    out += '"';
    return out;
}

std::string inline_scalar(std::string_view s) {
    return plain_ok(s) ? std::string(s) : double_quoted(s);
}

namespace {

// Multi-line text that a literal block scalar carries exactly.
bool block_ok(std::string_view s) {
    if (s.find('\n') == std::string_view::npos) return false;
    if (has_escapable(s, true)) return false; // CR, controls, separators: double-quoted
    // Some line must have content; text of only blank lines reads poorly as a block.
    bool content = false;
    for (char c : s)
        if (c != '\n' && c != ' ' && c != '\t') content = true;
    return content;
}

// " |2-" and the indented lines that follow; col is the column of the key
// or dash that owns the scalar, and the content goes two further in.
void emit_block(std::string_view s, int col, std::string& out) {
    size_t end = s.size();
    while (end > 0 && s[end - 1] == '\n')
        --end;
    size_t trailing = s.size() - end;
    std::string_view body = s.substr(0, end);

    // An indentation indicator when the first line with anything on it
    // starts with a space (otherwise the reader would take it for
    // indentation) or a tab (libyaml, and hired's reader, refuse a tab where
    // the indentation is still being found).
    bool indicator = false;
    for (size_t pos = 0; pos <= body.size();) {
        size_t nl = body.find('\n', pos);
        std::string_view line =
            body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        if (!line.empty()) {
            indicator = line.front() == ' ' || line.front() == '\t';
            break;
        }
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    out += " |";
    if (indicator) out += '2';
    out += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
    out += '\n';
    for (size_t pos = 0;;) {
        size_t nl = body.find('\n', pos);
        std::string_view line =
            body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        if (!line.empty()) {
            out += spaces(col + 2);
            out += line;
        }
        out += '\n';
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    for (size_t k = 1; k < trailing; ++k)
        out += '\n';
}

constexpr int kMaxDepth = 200;

void emit_map(const Out& m, int col, bool first_inline, std::string& out, int depth);
void emit_seq(const Out& s, int col, std::string& out, int depth);

void check_depth(int depth) {
    if (depth > kMaxDepth)
        throw Error(Exit::data, fmt::format("nesting deeper than {} levels", kMaxDepth));
}

std::string scalar_text(const Out& v, bool flow) {
    if (v.raw_plain && plain_structurally_ok(v.text, flow)) return v.text;
    if (plain_ok(v.text, flow)) return v.text;
    return double_quoted(v.text);
}

bool flow_fits(const Out& seq, int col) {
    if (!seq.flow) return false;
    size_t width = static_cast<size_t>(col) + 4;
    for (const auto& item : seq.items) {
        if (item.kind != Out::Kind::scalar) return false;
        if (!(plain_ok(item.text, true) ||
              (item.raw_plain && plain_structurally_ok(item.text, true))))
            return false;
        width += item.text.size() + 2;
    }
    return width <= 100;
}

// The value after "key:" or "-": col is the column of that key or dash.
void emit_value(const Out& v, int col, bool in_seq, std::string& out, int depth) {
    check_depth(depth);
    switch (v.kind) {
    case Out::Kind::null:
        out += '\n';
        return;
    case Out::Kind::scalar:
        if (!valid_utf8(v.text)) throw Error(Exit::data, "text is not valid UTF-8");
        if (block_ok(v.text))
            emit_block(v.text, col, out);
        else
            out += " " + scalar_text(v, false) + "\n";
        return;
    case Out::Kind::sequence:
        if (v.items.empty()) {
            out += " []\n";
        } else if (flow_fits(v, col)) {
            out += " [";
            for (size_t i = 0; i < v.items.size(); ++i) {
                if (i) out += ", ";
                out += v.items[i].text;
            }
            out += "]\n";
        } else {
            out += '\n';
            emit_seq(v, col + 2, out, depth + 1);
        }
        return;
    case Out::Kind::map:
        if (v.entries.empty()) {
            out += " {}\n";
        } else if (in_seq) {
            out += ' ';
            emit_map(v, col + 2, true, out, depth + 1);
        } else {
            out += '\n';
            emit_map(v, col + 2, false, out, depth + 1);
        }
        return;
    }
}

void emit_map(const Out& m, int col, bool first_inline, std::string& out, int depth) {
    check_depth(depth);
    bool first = true;
    for (const auto& [key, value] : m.entries) {
        if (!(first && first_inline)) out += spaces(col);
        first = false;
        if (!valid_utf8(key)) throw Error(Exit::data, "a key is not valid UTF-8");
        std::string k = inline_scalar(key);
        if (k.size() > 1000) {
            // Implicit keys are limited to 1024 characters: use an explicit "? key".
            out += "? " + k + "\n" + spaces(col) + ':';
        } else {
            out += k;
            out += ':';
        }
        emit_value(value, col, false, out, depth + 1);
    }
}

void emit_seq(const Out& s, int col, std::string& out, int depth) {
    check_depth(depth);
    for (const auto& item : s.items) {
        out += spaces(col);
        out += '-';
        if (item.kind == Out::Kind::sequence && !item.items.empty() && !flow_fits(item, col)) {
            out += '\n';
            emit_seq(item, col + 2, out, depth + 1);
        } else {
            emit_value(item, col, true, out, depth + 1);
        }
    }
}

} // namespace

std::string emit(const Out& root) {
    std::string out;
    switch (root.kind) {
    case Out::Kind::map:
        if (root.entries.empty()) return "{}\n";
        emit_map(root, 0, false, out, 0);
        break;
    case Out::Kind::sequence:
        if (root.items.empty()) return "[]\n";
        emit_seq(root, 0, out, 0);
        break;
    case Out::Kind::scalar:
        if (!valid_utf8(root.text)) throw Error(Exit::data, "text is not valid UTF-8");
        out = (root.raw_plain || plain_ok(root.text)) && plain_structurally_ok(root.text, false)
                  ? root.text + "\n"
                  : double_quoted(root.text) + "\n";
        break;
    case Out::Kind::null:
        return "~\n";
    }
    return out;
}

Out from_node(const yaml::Node& n) {
    // The parser caps nesting, so recursion here is bounded.
    switch (n.kind) {
    case yaml::Node::Kind::null:
        return Out::null_value();
    case yaml::Node::Kind::scalar: {
        Out o = Out::scalar(n.value);
        o.raw_plain = n.plain;
        return o;
    }
    case yaml::Node::Kind::sequence: {
        Out o = Out::sequence(false);
        for (const auto& item : n.items)
            o.push(from_node(*item));
        return o;
    }
    case yaml::Node::Kind::map: {
        Out o = Out::map();
        for (const auto& [k, v] : n.entries)
            if (k->is_scalar()) o.add(k->value, from_node(*v));
        return o;
    }
    }
    return Out::null_value();
}

} // namespace hired::tracker::yaml_write
