// Text helpers that know nothing of the product: trimming, splitting,
// wrapping, edit distance for "did you mean", and case-folding.
#pragma once

#include <cstdint>

#include <string>
#include <string_view>
#include <vector>

namespace hired {

std::string_view trim(std::string_view s);
// A set of bytes, built once (constexpr) for contains_any.
class ByteSet {
public:
    constexpr explicit ByteSet(std::string_view bytes) {
        for (char c : bytes)
            bits_[static_cast<unsigned char>(c) >> 6] |= uint64_t{1} << (static_cast<unsigned char>(c) & 63);
    }
    constexpr bool has(char c) const {
        return bits_[static_cast<unsigned char>(c) >> 6] >> (static_cast<unsigned char>(c) & 63) & 1;
    }

private:
    uint64_t bits_[4] = {};
};
// Whether s holds any byte of set: s.find_first_of(...) without libstdc++'s
// search of the set for every byte of s (a memchr call each).
bool contains_any(std::string_view s, const ByteSet& set);
std::string to_lower(std::string_view s);
// s for a message, on one line, with nothing raw reaching a terminal: valid
// UTF-8 as it is, but control characters as \n, \t, \r or \xNN, bytes
// that are not UTF-8 as \xNN, and C1 controls, the Unicode line separators
// and the BOM as \uNNNN.
std::string printable(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool icontains(std::string_view haystack, std::string_view needle);
std::vector<std::string> split(std::string_view s, char sep);
std::vector<std::string_view> split_whitespace(std::string_view s);
std::vector<std::string_view> split_lines(std::string_view s);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Levenshtein distance, with an early exit once above limit.
size_t edit_distance(std::string_view a, std::string_view b);
// The candidates close to word (by edit distance or prefix), best first.
std::vector<std::string> suggestions(std::string_view word, const std::vector<std::string>& candidates,
                                     size_t max = 3);

// Wraps paragraphs to width columns, keeping blank lines and indented lines
// (code, lists) as they are. indent is prefixed to every line.
std::string wrap(std::string_view text, size_t width, std::string_view indent = "");

// Wraps each line on its own: for text whose line breaks mean something
// (input formats: "First line: …", "Second line: …").
std::string wrap_lines(std::string_view text, size_t width, std::string_view indent = "");

// Display width in columns (counts UTF-8 code points, not bytes).
size_t display_width(std::string_view s);

// Splits a command line into words: spaces separate, '...' and "..." quote,
// backslash escapes. No shell is involved.
std::vector<std::string> split_command(std::string_view line);

// A URL-and-filename-safe slug: "Acme Corp." -> "acme-corp".
std::string slugify(std::string_view s);

} // namespace hired
