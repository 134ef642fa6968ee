#include "layout.hpp"

#include "util/text.hpp"

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

bool surely_plain(std::string_view text) {
    static constexpr ByteSet unsure(std::string_view("\\\t\r\0&*!", 7));
    if (contains_any(text, unsure)) return false;
    std::optional<size_t> block; // inside a block scalar's text, more indented than this
    size_t pos = 0;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        size_t indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos) continue; // blank
        if (block && indent > *block) continue;         // a block scalar's text
        block.reset();
        if (!closed_on_its_line(line)) return false;
        block = block_start(line.substr(indent), indent);
    }
    return true;
}

} // namespace hired::tracker
