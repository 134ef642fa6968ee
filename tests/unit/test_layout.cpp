// The journal's layout facts (tracker/layout.cpp). surely_plain decides
// whether a prefilter may skip parsing a file, so it is checked against a
// plain line-by-line reference on texts made of the characters that matter.
#include "tracker/layout.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <optional>
#include <random>
#include <string>

using namespace hired::tracker;

namespace {

// The definition, written as directly as possible: no tab, CR, backslash
// or NUL anywhere; every line outside a block scalar's text closed on its
// line, and its & * ! only inside a plain scalar (the line's value, after
// "- " items and a "key:", starts with a letter, digit or UTF-8 byte); a
// line that starts a block scalar makes the more indented lines below it
// text.
bool reference_plain(std::string_view text) {
    static constexpr hired::ByteSet unsure(std::string_view("\\\t\r\0", 4));
    if (hired::contains_any(text, unsure)) return false;
    std::optional<size_t> block;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        size_t indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos) continue;
        if (block && indent > *block) continue;
        block.reset();
        if (line.find_first_of("&*!") != std::string_view::npos) {
            // The value starts after the spaces, "- " items and one
            // lower-case "key:" (each followed by spaces or the end).
            std::string l(line);
            size_t v = l.find_first_not_of(' ');
            auto spaces_from = [&](size_t i) {
                while (i < l.size() && l[i] == ' ')
                    ++i;
                return i;
            };
            while (v < l.size() && l[v] == '-' && (v + 1 == l.size() || l[v + 1] == ' '))
                v = spaces_from(v + 1);
            size_t k = v;
            while (k < l.size() && ((l[k] >= 'a' && l[k] <= 'z') || l[k] == '_'))
                ++k;
            if (k > v && k < l.size() && l[k] == ':' && (k + 1 == l.size() || l[k + 1] == ' '))
                v = spaces_from(k + 1);
            if (v >= l.size()) return false;
            std::string value = l.substr(v);
            if (value.find(": ") != std::string::npos || value.back() == ':') return false;
            auto c = static_cast<unsigned char>(l[v]);
            if (!(c >= 0x80 || std::isalnum(c))) return false;
        }
        if (!closed_on_its_line(line)) return false;
        block = block_start(line.substr(indent), indent);
    }
    return true;
}

} // namespace

TEST_CASE("surely_plain: hired's own layouts are plain, anything unusual is not") {
    CHECK(
        surely_plain("name: Acme\nnotes: |\n  a \"quote and [bracket\n  more\nlocation: Remote\n"));
    CHECK(surely_plain("tags: [a, b]\nrole: \"Developer\"\nnote: don't\n"));
    CHECK(surely_plain(""));
    CHECK(surely_plain("\n\n   \n"));
    CHECK_FALSE(surely_plain("role: \"Developer\nnotes: x\n")); // a quote left open
    CHECK_FALSE(surely_plain("a: &x 1\nb: *x\n"));              // anchor, alias
    CHECK_FALSE(surely_plain("a: !!str 1\n"));                  // tag
    CHECK_FALSE(surely_plain("- &x a\n- *x\n"));
    CHECK_FALSE(surely_plain("a: [b, &x c]\n"));
    CHECK_FALSE(surely_plain("a: x\n  &y\n"));
    CHECK_FALSE(surely_plain("a0: &a0 [x]\n")); // a key with a digit
    CHECK_FALSE(surely_plain("Key: *x\n"));
    // ... but inside a plain scalar they are text.
    CHECK(surely_plain("company: Smith & Co\nnotes: R&D, Great!\n- a: 2*3\n"));
    CHECK_FALSE(surely_plain("a: [1, 2\n")); // a bracket left open
    CHECK_FALSE(surely_plain("a:\tb\n"));
    CHECK_FALSE(surely_plain(std::string("a: b\0c\n", 7)));
    // Inside a block scalar's text an open quote is only text, but the
    // block ends where the indentation does.
    CHECK(surely_plain("notes: >\n  it's \"open\n"));
    CHECK_FALSE(surely_plain("notes: >\n  fine\nrole: \"open\n"));
}

TEST_CASE("surely_plain agrees with the line-by-line reference on 200,000 random texts") {
    // The characters that matter, with spaces and newlines for indentation.
    const std::string alphabet = "ab0A:- \n\n  \"'[]{}|>+12#,&*!&*!\\\t\r";
    std::mt19937 rng(20261208);
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(0, 40);
    for (int i = 0; i < 200000; ++i) {
        std::string text;
        for (int n = length(rng); n > 0; --n)
            text += alphabet[pick(rng)];
        // Most texts with a backslash, tab or CR are refused at once; also
        // try each text with those removed, to exercise the lines.
        std::string tame;
        for (char c : text)
            if (std::string_view("\\\t\r").find(c) == std::string_view::npos) tame += c;
        INFO(hired::printable(text));
        REQUIRE(surely_plain(text) == reference_plain(text));
        INFO(hired::printable(tame));
        REQUIRE(surely_plain(tame) == reference_plain(tame));
    }
}
