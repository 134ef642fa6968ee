#include "layout.hpp"

#include "util/text.hpp"

#include <array>
#include <cctype>

namespace hired::tracker {

namespace {

bool plain_char(char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c >= 0x80 || std::isalnum(c);
}

} // namespace

bool closed_on_its_line(std::string_view line) {
    int depth = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if ((c == '"' || c == '\'') && (i == 0 || !plain_char(line[i - 1]))) {
            size_t j = i + 1;
            for (;; ++j) {
                if (j >= line.size()) return false;
                if (line[j] != c) continue;
                if (c == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
                    ++j; // '' in a single-quoted scalar
                    continue;
                }
                break;
            }
            i = j;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth < 0) return false;
        }
    }
    return depth == 0;
}

std::string_view key_of(std::string_view s) {
    size_t n = 0;
    while (n < s.size() && ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '_'))
        ++n;
    if (n == 0 || n >= s.size() || s[n] != ':') return {};
    if (n + 1 < s.size() && s[n + 1] != ' ') return {};
    return s.substr(0, n);
}

bool block_indicator(std::string_view v) {
    if (v.empty() || (v[0] != '|' && v[0] != '>')) return false;
    for (char c : v.substr(1))
        if (c != '-' && c != '+' && !(c >= '1' && c <= '9')) return false;
    return true;
}

std::optional<size_t> block_start(std::string_view rest, size_t indent) {
    std::string_view t = rest;
    size_t col = indent;
    if (t.starts_with("- ")) {
        if (block_indicator(t.substr(2))) return indent;
        t = t.substr(2);
        col += 2;
    }
    std::string_view key = key_of(t);
    if (key.empty() || t.size() < key.size() + 2) return std::nullopt;
    if (block_indicator(t.substr(key.size() + 2))) return col;
    return std::nullopt;
}

bool indicators_are_text(std::string_view rest) {
    auto skip_spaces = [&] {
        while (!rest.empty() && rest[0] == ' ')
            rest.remove_prefix(1);
    };
    while (!rest.empty() && rest[0] == '-' && (rest.size() == 1 || rest[1] == ' ')) {
        rest.remove_prefix(1); // a list item's "- "
        skip_spaces();
    }
    if (std::string_view key = key_of(rest); !key.empty()) {
        rest.remove_prefix(key.size() + 1); // "key:"
        skip_spaces();
    }
    // A ':' that could end a key ("a0: &x", a key key_of does not take)
    // makes the line unsure too.
    if (rest.find(": ") != std::string_view::npos || rest.ends_with(':')) return false;
    return !rest.empty() && plain_char(rest[0]);
}

// One pass, a table lookup a byte: most lines hold no quote, bracket or
// block indicator, and need no closer look (the bench journal's search
// spent more than half its instructions here when every line was
// inspected).
bool surely_plain(std::string_view text) {
    enum : unsigned char { plain = 0, unsure = 1, closer_look = 2, newline = 3, node_start = 4 };
    static constexpr auto table = [] {
        std::array<unsigned char, 256> t{};
        for (unsigned char c : std::string_view("\\\t\r", 3))
            t[c] = unsure;
        t[0] = unsure;
        for (unsigned char c : std::string_view("&*!"))
            t[c] = node_start;
        for (unsigned char c : std::string_view("\"'[]{}|>"))
            t[c] = closer_look;
        t['\n'] = newline;
        return t;
    }();
    // Inside a block scalar's text: more indented than this (none: not).
    constexpr size_t none = static_cast<size_t>(-1);
    size_t block = none;
    const size_t n = text.size();
    size_t pos = 0;
    while (pos < n) {
        size_t start = pos;
        while (pos < n && text[pos] == ' ')
            ++pos;
        size_t indent = pos - start;
        bool look = false, indicator = false;
        unsigned char kind = plain;
        for (; pos < n; ++pos) {
            kind = table[static_cast<unsigned char>(text[pos])];
            if (kind == plain) continue;
            if (kind == unsure) return false;
            if (kind == newline) break;
            if (kind == node_start)
                indicator = true;
            else
                look = true;
        }
        std::string_view line = text.substr(start, pos - start);
        if (pos < n) ++pos;                            // the newline
        if (indent == line.size()) continue;           // blank
        if (block != none && indent > block) continue; // a block scalar's text
        block = none;
        if (indicator && !indicators_are_text(line.substr(indent))) return false;
        // Without a quote, bracket, '|' or '>', a line is closed and starts
        // no block scalar.
        if (!look) continue;
        if (!closed_on_its_line(line)) return false;
        block = block_start(line.substr(indent), indent).value_or(none);
    }
    return true;
}

} // namespace hired::tracker
