// A fast reader for the block-style YAML that hired's emitter writes
// (tracker/yaml_write.cpp) and that most hand edits keep. yaml-cpp's scanner
// costs about 1,500 instructions per byte; the journal's read commands parse
// megabytes, so this reader takes the common layout line by line and gives
// up (nullptr) on anything else, leaving it to yaml-cpp.
//
// The contract: whenever this returns a tree, the text passes the strict
// check (yaml_strict.cpp, which parse() then skips) and the tree is the one
// yaml-cpp's builder (yaml_doc.cpp) makes of the same text: kinds, values,
// plain flags and marks. tests/unit/test_yaml_simple.cpp checks that on the
// emitter's output and on many thousands of mutated documents, and
// tests/fuzz/fuzz_yaml.cpp on whatever the fuzzer makes. So everything not
// surely understood is a bail-out, never a guess:
//
// - the whole text: ends with a newline; no CR, no control characters
//   except tab and newline, valid UTF-8 without C1 controls, line or
//   paragraph separators, BOM or non-characters; no whitespace-only line,
//   no comment, no document marker or directive;
// - structure: block maps and block sequences, the root one of them at
//   column 0; a sequence under a key is indented further than the key; a
//   map may start on the line of its "- ";
// - keys: plain (no indicator first, no '#', ':' or tab, at most 1000
//   bytes) or double-quoted on one line, followed by ':' and a space or the
//   end of the line; no duplicates;
// - values: empty (null, or the block collection on the next lines), a
//   plain scalar on one line (no '#', ": ", tab or indicator first, not
//   ending in ':'), a one-line double-quoted scalar with the escapes the
//   emitter and JSON write, a literal block scalar ("|", an optional
//   indentation digit, then an optional chomping sign), a one-line flow
//   sequence of plain or double-quoted scalars, a one-line flow map of plain
//   keys and such scalars (problem files write their cases so).
#include "yaml_doc.hpp"

#include "text.hpp"

#include <cstring>

namespace hired::yaml {

namespace {

struct Bail {};

// Bytes that end this reader's understanding of a plain scalar or key.
constexpr ByteSet comment_or_tab("#\t");
// yaml-cpp ends a plain scalar in flow context at a '?', among others.
constexpr ByteSet not_in_flow_plain("#\t:[]{}\"'?");
constexpr ByteSet not_in_flow_key("#\t,[]{}\"'?");

[[noreturn]] void bail() {
    throw Bail{};
}

bool bad_code_point(unsigned long cp) {
    if (cp >= 0x80 && cp <= 0x9F) return true;
    return cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

// The whole-text checks; false when the text is outside the subset.
bool text_ok(std::string_view t) {
    if (t.empty() || t.back() != '\n') return false;
    const auto* p = reinterpret_cast<const unsigned char*>(t.data());
    const auto* end = p + t.size();
    while (p < end) {
        unsigned char b = *p;
        if (b < 0x80) {
            if (b < 0x20 && b != '\n' && b != '\t') return false;
            if (b == 0x7F) return false;
            ++p;
            continue;
        }
        int len;
        unsigned long cp;
        if ((b & 0xE0) == 0xC0)
            len = 2, cp = b & 0x1Fu;
        else if ((b & 0xF0) == 0xE0)
            len = 3, cp = b & 0x0Fu;
        else if ((b & 0xF8) == 0xF0)
            len = 4, cp = b & 0x07u;
        else
            return false;
        if (end - p < len) return false;
        for (int k = 1; k < len; ++k) {
            if ((p[k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[k] & 0x3Fu);
        }
        static constexpr unsigned long min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        if (bad_code_point(cp)) return false;
        p += len;
    }
    return true;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Characters that may not start a plain scalar or key here (some could in
// YAML, followed by a non-space; they are left to yaml-cpp).
bool indicator(char c) {
    return std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr && c != '\0';
}

struct Line {
    size_t start = 0; // offset of the first byte
    size_t end = 0;   // offset of the '\n'
    int indent = 0;   // leading spaces
    bool empty = true;
    bool odd = false; // a tab or '#' first: content in a literal block, else not ours
};

class Reader {
public:
    Reader(std::string_view text, const Limits& limits) : t_(text), limits_(limits) {}

    NodePtr document() {
        split_lines();
        skip_empty();
        if (cur_ == lines_.size() || lines_[cur_].indent != 0) bail();
        NodePtr root = collection(0, 1);
        skip_empty();
        if (cur_ != lines_.size()) bail();
        return root;
    }

private:
    std::string_view t_;
    const Limits& limits_;
    std::vector<Line> lines_;
    size_t cur_ = 0; // the line being read
    uint64_t nodes_ = 0;

    void split_lines() {
        size_t pos = 0;
        lines_.reserve(t_.size() / 24 + 1);
        while (pos < t_.size()) {
            size_t nl = t_.find('\n', pos);
            Line l;
            l.start = pos;
            l.end = nl;
            size_t i = pos;
            while (i < nl && t_[i] == ' ')
                ++i;
            l.indent = static_cast<int>(i - pos);
            l.empty = (nl == pos);
            if (!l.empty) {
                // Whitespace only (its meaning in a block scalar depends on its
                // length), a document marker or a directive.
                if (i == nl) bail();
                l.odd = t_[i] == '\t' || t_[i] == '#';
                if (pos == i && (t_.substr(pos, 3) == "---" || t_.substr(pos, 3) == "..." || t_[i] == '%'))
                    bail();
            }
            lines_.push_back(l);
            pos = nl + 1;
        }
        if (lines_.size() > static_cast<size_t>(INT32_MAX / 2)) bail();
    }

    void skip_empty() {
        while (cur_ < lines_.size() && lines_[cur_].empty)
            ++cur_;
    }

    std::string_view text_of(const Line& l) const { return t_.substr(l.start, l.end - l.start); }

    // The current line, read as structure (not block scalar content).
    std::string_view structural() const {
        if (lines_[cur_].odd) bail();
        return text_of(lines_[cur_]);
    }

    // yaml-cpp reports these plain scalars as null events.
    static bool null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

    std::shared_ptr<Node> make(Node::Kind kind, size_t line, size_t col) {
        if (++nodes_ > limits_.max_nodes) bail();
        auto n = std::make_shared<Node>();
        n->kind = kind;
        n->mark = {static_cast<int>(line) + 1, static_cast<int>(col) + 1};
        return n;
    }

    // Where the next token is: the next non-empty line's first character,
    // or the end of the text (yaml-cpp marks an empty value there).
    Mark next_token_mark() {
        skip_empty();
        if (cur_ == lines_.size()) return {static_cast<int>(lines_.size()) + 1, 1};
        return {static_cast<int>(cur_) + 1, lines_[cur_].indent + 1};
    }

    // After a scalar that ended its line: a more indented line next would
    // continue it (or be an error); either way, not ours.
    void expect_not_deeper(int owner) {
        ++cur_;
        skip_empty();
        if (cur_ < lines_.size() && lines_[cur_].indent > owner) bail();
    }

    static bool is_dash(std::string_view line, size_t col) {
        return col < line.size() && line[col] == '-' && (col + 1 == line.size() || line[col + 1] == ' ');
    }

    // A block map or sequence whose first line is cur_, at indentation n.
    NodePtr collection(int n, size_t depth) {
        std::string_view line = structural();
        if (is_dash(line, static_cast<size_t>(n))) return sequence(n, depth);
        return map(n, static_cast<size_t>(n), depth);
    }

    // A double-quoted scalar starting at line[at]; sets at past the closing quote.
    std::string quoted(std::string_view line, size_t& at) {
        std::string out;
        size_t i = at + 1;
        while (true) {
            if (i >= line.size()) bail(); // continues on the next line
            char c = line[i];
            if (c == '"') break;
            if (c != '\\') {
                size_t j = i;
                while (j < line.size() && line[j] != '"' && line[j] != '\\')
                    ++j;
                out.append(line.substr(i, j - i));
                i = j;
                continue;
            }
            if (i + 1 >= line.size()) bail();
            char e = line[i + 1];
            i += 2;
            switch (e) {
            case '0': out += '\0'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'v': out += '\v'; break;
            case 'f': out += '\f'; break;
            case 'r': out += '\r'; break;
            case 'e': out += '\x1B'; break;
            case '"': out += '"'; break;
            case '/': out += '/'; break;
            case '\\': out += '\\'; break;
            case 'x':
            case 'u': {
                size_t digits = e == 'x' ? 2 : 4;
                if (i + digits > line.size()) bail();
                unsigned long cp = 0;
                for (size_t k = 0; k < digits; ++k) {
                    int v = hex_value(line[i + k]);
                    if (v < 0) bail();
                    cp = cp << 4 | static_cast<unsigned long>(v);
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) bail();
                append_utf8(out, cp);
                i += digits;
                break;
            }
            default:
                bail();
            }
        }
        at = i + 1;
        return out;
    }

    static size_t skip_spaces(std::string_view line, size_t i) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        return i;
    }

    // A key at line[col]: its node, and at set just past the ':'.
    NodePtr key(std::string_view line, size_t col, size_t& at) {
        auto k = make(Node::Kind::scalar, cur_, col);
        if (line[col] == '"') {
            size_t i = col;
            k->value = quoted(line, i);
            k->plain = false;
            if (i >= line.size() || line[i] != ':') bail();
            at = i + 1;
        } else {
            if (indicator(line[col])) bail();
            size_t colon = col;
            while (true) {
                colon = line.find(':', colon);
                if (colon == std::string_view::npos) bail();
                if (colon + 1 == line.size() || line[colon + 1] == ' ') break;
                bail(); // a ':' inside a plain key
            }
            std::string_view text = line.substr(col, colon - col);
            if (text.size() > 1000 || text.back() == ' ') bail();
            if (contains_any(text, comment_or_tab) || null_word(text)) bail();
            k->value = std::string(text);
            at = colon + 1;
        }
        if (at < line.size() && line[at] != ' ') bail();
        return k;
    }

    // Whether a map key starts at line[col] (the entry of a sequence).
    bool key_follows(std::string_view line, size_t col) {
        if (line[col] == '{' || line[col] == '[') return false;
        if (line[col] == '"') {
            size_t i = col + 1;
            while (i < line.size() && line[i] != '"')
                i += line[i] == '\\' ? 2 : 1;
            if (i >= line.size()) bail();
            ++i;
            return i < line.size() && line[i] == ':';
        }
        size_t colon = line.find(':', col);
        return colon != std::string_view::npos;
    }

    NodePtr map(int n, size_t first_col, size_t depth) {
        if (depth >= limits_.max_depth) bail();
        std::string_view line = structural();
        auto m = make(Node::Kind::map, cur_, first_col);
        m->entries.reserve(8);
        size_t col = first_col;
        while (true) {
            size_t at = 0;
            NodePtr k = key(line, col, at);
            for (const auto& [old, v] : m->entries)
                if (!old->value.empty() && old->value == k->value) bail();
            if (k->value.empty()) bail();
            if (m->entries.size() >= 256) bail();
            NodePtr v = value(line, at, n, depth + 1);
            m->entries.emplace_back(std::move(k), std::move(v));
            skip_empty();
            if (cur_ == lines_.size() || lines_[cur_].indent < n) break;
            if (lines_[cur_].indent > n) bail();
            line = structural();
            col = static_cast<size_t>(n);
            if (is_dash(line, col)) bail(); // "key:\n- item" at the key's own column
        }
        return m;
    }

    NodePtr sequence(int n, size_t depth) {
        if (depth >= limits_.max_depth) bail();
        auto s = make(Node::Kind::sequence, cur_, static_cast<size_t>(n));
        while (true) {
            std::string_view line = structural();
            size_t at = skip_spaces(line, static_cast<size_t>(n) + 1);
            if (at < line.size() && key_follows(line, at)) {
                // "- key: value" and the map's further keys under it.
                s->items.push_back(map(static_cast<int>(at), at, depth + 1));
            } else {
                s->items.push_back(value(line, at, n, depth + 1));
            }
            skip_empty();
            if (cur_ == lines_.size() || lines_[cur_].indent < n) break;
            if (lines_[cur_].indent > n) bail();
            if (!is_dash(structural(), static_cast<size_t>(n))) bail();
        }
        return s;
    }

    // The value at line[at] (just past "key:" or "-"), owned by the key or
    // dash at column owner. Leaves cur_ on the line after the value.
    NodePtr value(std::string_view line, size_t at, int owner, size_t depth) {
        if (depth >= limits_.max_depth) bail();
        at = skip_spaces(line, at);
        if (at == line.size()) {
            ++cur_;
            skip_empty();
            if (cur_ < lines_.size() && lines_[cur_].indent > owner)
                return collection(lines_[cur_].indent, depth);
            Mark m = next_token_mark();
            if (++nodes_ > limits_.max_nodes) bail();
            auto nul = std::make_shared<Node>();
            nul->mark = m;
            return nul;
        }
        char c = line[at];
        if (c == '|') return literal(line, at, owner);
        if (c == '"') {
            auto s = make(Node::Kind::scalar, cur_, at);
            s->value = quoted(line, at);
            s->plain = false;
            if (skip_spaces(line, at) != line.size()) bail();
            expect_not_deeper(owner);
            return s;
        }
        if (c == '[') return flow_sequence(line, at, owner);
        if (c == '{') return flow_map(line, at, owner);
        if (indicator(c)) bail();
        std::string_view text = line.substr(at);
        while (text.back() == ' ')
            text.remove_suffix(1);
        if (contains_any(text, comment_or_tab)) bail();
        if (text.back() == ':' || text.find(": ") != std::string_view::npos) bail();
        auto s = make(null_word(text) ? Node::Kind::null : Node::Kind::scalar, cur_, at);
        if (s->is_scalar()) s->value = std::string(text);
        expect_not_deeper(owner);
        return s;
    }

    // A plain scalar inside a flow collection, from line[i] to the next ',' or
    // close; i is left there.
    NodePtr flow_plain(std::string_view line, size_t& i, std::string_view ends) {
        if (indicator(line[i])) bail();
        auto item = make(Node::Kind::scalar, cur_, i);
        size_t j = line.find_first_of(ends, i);
        if (j == std::string_view::npos) bail();
        std::string_view text = line.substr(i, j - i);
        while (!text.empty() && text.back() == ' ')
            text.remove_suffix(1);
        if (text.empty() || contains_any(text, not_in_flow_plain)) bail();
        if (null_word(text))
            item->kind = Node::Kind::null;
        else
            item->value = std::string(text);
        i = j;
        return item;
    }

    // A flow scalar at line[i]: double-quoted, or plain up to one of ends.
    NodePtr flow_scalar(std::string_view line, size_t& i, std::string_view ends) {
        if (line[i] != '"') return flow_plain(line, i, ends);
        auto q = make(Node::Kind::scalar, cur_, i);
        q->value = quoted(line, i);
        q->plain = false;
        return q;
    }

    // The items of a one-line flow collection opened at line[at], up to its
    // close: item(i) reads one and leaves i after it. Ends the line.
    template <typename Item> void flow_items(std::string_view line, size_t at, char close, int owner, Item item) {
        size_t i = skip_spaces(line, at + 1);
        if (i < line.size() && line[i] == close) {
            ++i;
        } else {
            while (true) {
                if (i >= line.size()) bail();
                item(i);
                i = skip_spaces(line, i);
                if (i >= line.size()) bail();
                if (line[i] == close) {
                    ++i;
                    break;
                }
                if (line[i] != ',') bail();
                i = skip_spaces(line, i + 1);
                if (i < line.size() && line[i] == close) bail(); // a trailing comma
            }
        }
        if (skip_spaces(line, i) != line.size()) bail();
        expect_not_deeper(owner);
    }

    // {key: value, ...} on one line, the values scalars.
    NodePtr flow_map(std::string_view line, size_t at, int owner) {
        auto m = make(Node::Kind::map, cur_, at);
        flow_items(line, at, '}', owner, [&](size_t& i) {
            if (line[i] == '"' || indicator(line[i])) bail();
            size_t colon = line.find(':', i);
            if (colon == std::string_view::npos || colon + 1 >= line.size() || line[colon + 1] != ' ')
                bail();
            std::string_view name = line.substr(i, colon - i);
            if (name.empty() || name.back() == ' ' || null_word(name) ||
                contains_any(name, not_in_flow_key))
                bail();
            auto k = make(Node::Kind::scalar, cur_, i);
            k->value = std::string(name);
            for (const auto& [old, v] : m->entries)
                if (old->value == k->value) bail();
            if (m->entries.size() >= 256) bail();
            i = skip_spaces(line, colon + 1);
            if (i >= line.size()) bail();
            NodePtr v = flow_scalar(line, i, ",}");
            m->entries.emplace_back(std::move(k), std::move(v));
        });
        return m;
    }

    NodePtr flow_sequence(std::string_view line, size_t at, int owner) {
        auto s = make(Node::Kind::sequence, cur_, at);
        flow_items(line, at, ']', owner, [&](size_t& i) { s->items.push_back(flow_scalar(line, i, ",]")); });
        return s;
    }

    // A literal block scalar whose '|' is at line[at].
    NodePtr literal(std::string_view line, size_t at, int owner) {
        auto s = make(Node::Kind::scalar, cur_, at);
        s->plain = false;
        size_t i = at + 1;
        int indicator_digit = 0;
        char chomp = ' ';
        if (i < line.size() && line[i] >= '1' && line[i] <= '9') indicator_digit = line[i++] - '0';
        if (i < line.size() && (line[i] == '-' || line[i] == '+')) chomp = line[i++];
        if (skip_spaces(line, i) != line.size()) bail();
        ++cur_;
        size_t first = cur_;
        size_t k = cur_;
        while (k < lines_.size() && lines_[k].empty)
            ++k;
        if (k == lines_.size()) bail();
        int content = indicator_digit ? owner + indicator_digit : lines_[k].indent;
        if (lines_[k].indent < content || content <= owner) bail(); // an empty block
        // The block runs to the first non-empty line indented less than its content.
        size_t last = k; // the last line with content
        size_t end = k;
        while (end < lines_.size() && (lines_[end].empty || lines_[end].indent >= content)) {
            if (!lines_[end].empty) last = end;
            ++end;
        }
        std::string out;
        for (size_t l = first; l <= last; ++l) {
            if (l > first) out += '\n';
            if (!lines_[l].empty) {
                std::string_view text = text_of(lines_[l]);
                out.append(text.substr(static_cast<size_t>(content)));
            }
        }
        if (chomp != '-') out += '\n';
        if (chomp == '+')
            for (size_t l = last + 1; l < end; ++l)
                out += '\n';
        s->value = std::move(out);
        cur_ = end;
        skip_empty();
        if (cur_ < lines_.size() && lines_[cur_].indent > owner) bail();
        return s;
    }
};

} // namespace

NodePtr parse_simple(std::string_view text, const Limits& limits) {
    if (text.size() > limits.max_bytes || !text_ok(text)) return nullptr;
    try {
        return Reader(text, limits).document();
    } catch (const Bail&) {
        return nullptr;
    }
}

} // namespace hired::yaml
