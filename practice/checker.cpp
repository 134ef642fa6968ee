#include "checker.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace hired::practice {

std::string shown(std::string_view s, size_t max) {
    std::string out;
    size_t n = 0;
    for (char c : s) {
        if (n >= max) {
            out += "…";
            break;
        }
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else out += c;
        ++n;
    }
    return out;
}

namespace {

std::string normalise_newlines(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out += s[i];
    }
    return out;
}

std::string_view rtrim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Lines with trailing blanks removed and trailing empty lines dropped.
std::vector<std::string_view> clean_lines(std::string_view s) {
    auto lines = split_lines(s);
    for (auto& l : lines) l = rtrim(l);
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

struct Token {
    std::string_view text;
    size_t line;
};

std::vector<Token> tokens_with_lines(std::string_view s) {
    std::vector<Token> out;
    size_t line = 1, i = 0, n = s.size();
    while (i < n) {
        while (i < n && std::isspace(static_cast<unsigned char>(s[i]))) {
            if (s[i] == '\n') ++line;
            ++i;
        }
        size_t b = i;
        while (i < n && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        if (i > b) out.push_back({s.substr(b, i - b), line});
    }
    return out;
}

std::optional<double> as_number(std::string_view t) {
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    return v;
}

Verdict check_tokens(std::string_view expected, std::string_view actual, bool real, double tol) {
    auto e = tokens_with_lines(expected);
    auto a = tokens_with_lines(actual);
    size_t n = std::min(e.size(), a.size());
    for (size_t i = 0; i < n; ++i) {
        if (e[i].text == a[i].text) continue;
        if (real) {
            auto ev = as_number(e[i].text), av = as_number(a[i].text);
            if (ev && av) {
                double diff = std::fabs(*ev - *av);
                if (diff <= tol || diff <= tol * std::fabs(*ev)) continue;
                return {false, fmt::format("token {} (line {}): expected {}, got {} (off by {:.3g}, tolerance {:g})",
                                           i + 1, a[i].line, shown(e[i].text), shown(a[i].text), diff, tol)};
            }
        }
        return {false, fmt::format("token {} (line {}): expected '{}', got '{}'", i + 1, a[i].line,
                                   shown(e[i].text), shown(a[i].text))};
    }
    if (a.size() < e.size())
        return {false, a.empty() ? fmt::format("no output; expected '{}'…", shown(e[0].text))
                                 : fmt::format("output ends after {} tokens; expected {} (next: '{}')", a.size(),
                                               e.size(), shown(e[a.size()].text))};
    if (a.size() > e.size())
        return {false, fmt::format("extra output after {} tokens: '{}' (line {})", e.size(),
                                   shown(a[e.size()].text), a[e.size()].line)};
    return {true, {}};
}

Verdict check_lines(std::string_view expected, std::string_view actual) {
    auto e = clean_lines(expected);
    auto a = clean_lines(actual);
    size_t n = std::min(e.size(), a.size());
    for (size_t i = 0; i < n; ++i)
        if (e[i] != a[i])
            return {false, fmt::format("line {}: expected '{}', got '{}'", i + 1, shown(e[i]), shown(a[i]))};
    if (a.size() < e.size())
        return {false, fmt::format("output ends after {} lines; expected {} (next: '{}')", a.size(), e.size(),
                                   shown(e[a.size()]))};
    if (a.size() > e.size())
        return {false, fmt::format("extra line {}: '{}'", e.size() + 1, shown(a[e.size()]))};
    return {true, {}};
}

Verdict check_exact(std::string_view expected, std::string_view actual) {
    std::string e = normalise_newlines(expected), a = normalise_newlines(actual);
    if (e == a) return {true, {}};
    size_t i = 0;
    while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
    size_t line = 1 + static_cast<size_t>(std::count(e.begin(), e.begin() + static_cast<long>(i), '\n'));
    size_t line_start = e.rfind('\n', i == 0 ? 0 : i - 1);
    size_t col = (line_start == std::string::npos || i == 0) ? i + 1 : i - line_start;
    auto excerpt = [&](const std::string& s) {
        return i >= s.size() ? std::string("end of output") : "'" + shown(std::string_view(s).substr(i), 20) + "'";
    };
    return {false, fmt::format("line {}, column {}: expected {}, got {}", line, col, excerpt(e), excerpt(a))};
}

Verdict check_unordered(std::string_view expected, std::string_view actual) {
    std::map<std::string_view, long> count;
    for (auto l : clean_lines(expected)) ++count[l];
    for (auto l : clean_lines(actual)) --count[l];
    for (const auto& [line, c] : count) {
        if (c > 0) return {false, fmt::format("missing line '{}'{}", shown(line), c > 1 ? fmt::format(" ({} times)", c) : "")};
        if (c < 0) return {false, fmt::format("unexpected line '{}'{}", shown(line), c < -1 ? fmt::format(" ({} times)", -c) : "")};
    }
    return {true, {}};
}

} // namespace

Verdict check_output(CheckerKind kind, std::string_view expected, std::string_view actual, double tolerance) {
    switch (kind) {
    case CheckerKind::exact: return check_exact(expected, actual);
    case CheckerKind::lines: return check_lines(expected, actual);
    case CheckerKind::tokens: return check_tokens(expected, actual, false, 0);
    case CheckerKind::real: return check_tokens(expected, actual, true, tolerance);
    case CheckerKind::unordered_lines: return check_unordered(expected, actual);
    case CheckerKind::program: break;
    }
    return {false, "the program checker runs in the judge"};
}

} // namespace hired::practice
