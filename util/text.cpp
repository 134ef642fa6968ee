#include "text.hpp"

#include "error.hpp"

#include <algorithm>
#include <cctype>

namespace hired {

std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

bool contains_any(std::string_view s, const ByteSet& set) {
    for (char c : s)
        if (set.has(c)) return true;
    return false;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

bool icontains(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char x, char y) {
                              return std::tolower(static_cast<unsigned char>(x)) ==
                                     std::tolower(static_cast<unsigned char>(y));
                          });
    return it != haystack.end();
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        size_t pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

std::vector<std::string_view> split_whitespace(std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0, n = s.size();
    while (i < n) {
        while (i < n && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        size_t b = i;
        while (i < n && !std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < s.size()) {
        size_t pos = s.find('\n', start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            break;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t sub = prev[j - 1] + (std::tolower(static_cast<unsigned char>(a[i - 1])) !=
                                        std::tolower(static_cast<unsigned char>(b[j - 1])));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::vector<std::string> suggestions(std::string_view word,
                                     const std::vector<std::string>& candidates, size_t max) {
    std::vector<std::pair<size_t, std::string>> scored;
    size_t limit = std::max<size_t>(2, word.size() / 3);
    for (const auto& c : candidates) {
        size_t d = edit_distance(word, c);
        bool prefix =
            word.size() >= 2 && c.size() > word.size() && iequals(c.substr(0, word.size()), word);
        bool contains = word.size() >= 3 && icontains(c, word);
        if (d <= limit || prefix || contains)
            scored.emplace_back(prefix || contains ? std::min<size_t>(d, 1) : d, c);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (auto& [d, c] : scored) {
        if (out.size() >= max) break;
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        unsigned char b = p[i];
        if (b >= 0x20 && b < 0x7F) {
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        if (b < 0x80) {
            if (b == '\n') out += "\\n";
            else if (b == '\t') out += "\\t";
            else if (b == '\r') out += "\\r";
            else out += fmt::format("\\x{:02X}", b);
            ++i;
            continue;
        }
        size_t len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        unsigned long cp = len == 2 ? b & 0x1Fu : len == 3 ? b & 0x0Fu : b & 0x07u;
        bool ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; ++k) {
            ok = (p[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        static constexpr unsigned long min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
        if (ok && (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) {
            out += fmt::format("\\x{:02X}", b);
            ++i;
            continue;
        }
        if (cp <= 0x9F || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF)
            out += fmt::format("\\u{:04X}", cp);
        else
            out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

size_t display_width(std::string_view s) {
    size_t w = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++w;
    return w;
}

std::string wrap(std::string_view text, size_t width, std::string_view indent) {
    std::string out;
    auto lines = split_lines(text);
    std::string para;
    auto flush = [&] {
        if (para.empty()) return;
        std::string line;
        for (auto word : split_whitespace(para)) {
            if (!line.empty() &&
                display_width(line) + 1 + display_width(word) + indent.size() > width) {
                out += indent;
                out += line;
                out += '\n';
                line.clear();
            }
            if (!line.empty()) line += ' ';
            line += word;
        }
        if (!line.empty()) {
            out += indent;
            out += line;
            out += '\n';
        }
        para.clear();
    };
    for (auto l : lines) {
        bool blank = trim(l).empty();
        bool keep =
            !l.empty() &&
            (l[0] == ' ' || l[0] == '\t' || l[0] == '-' || l[0] == '*' ||
             (l.size() > 1 && std::isdigit(static_cast<unsigned char>(l[0])) && l[1] == '.'));
        if (blank) {
            flush();
            out += '\n';
        } else if (keep) {
            flush();
            out += indent;
            out += l;
            out += '\n';
        } else {
            if (!para.empty()) para += ' ';
            para += l;
        }
    }
    flush();
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    return out;
}

std::string wrap_lines(std::string_view text, size_t width, std::string_view indent) {
    std::string out;
    for (auto line : split_lines(text)) {
        if (trim(line).empty())
            out += "\n";
        else
            out += wrap(trim(line), width, indent);
    }
    return out;
}

std::vector<std::string> split_command(std::string_view line) {
    std::vector<std::string> words;
    std::string cur;
    bool in_word = false;
    char quote = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
                cur += line[++i];
            } else {
                cur += c;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            in_word = true;
        } else if (c == '\\' && i + 1 < line.size()) {
            cur += line[++i];
            in_word = true;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            if (in_word) words.push_back(std::move(cur));
            cur.clear();
            in_word = false;
        } else {
            cur += c;
            in_word = true;
        }
    }
    if (quote) fail(Exit::usage, "unterminated quote in command: {}", line);
    if (in_word) words.push_back(std::move(cur));
    return words;
}

std::string slugify(std::string_view s) {
    std::string out;
    bool dash = false;
    for (unsigned char c : s) {
        if (std::isalnum(c)) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(std::tolower(c));
            dash = false;
        } else if (c >= 0x80) {
            if (dash && !out.empty()) out += '-';
            out += static_cast<char>(c); // keep UTF-8 letters as they are
            dash = false;
        } else {
            dash = true;
        }
    }
    if (out.size() > 60) out.resize(60);
    return out;
}

} // namespace hired
