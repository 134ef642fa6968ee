// The strict syntax check (util/yaml_strict.cpp): hired refuses what a YAML
// 1.1 reader (PyYAML) refuses, although yaml-cpp 0.7 takes it, and what
// yaml-cpp reads differently from such a reader; it names file:line:column,
// and takes every ordinary YAML layout.
#include "util/error.hpp"
#include "util/yaml_doc.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>

namespace yaml = hired::yaml;

namespace {

// The error parse() gives for text, or "" when it is accepted.
std::string refusal(const std::string& text) {
    try {
        yaml::parse(text, "f.yaml");
    } catch (const hired::Error& e) {
        CHECK(e.code() == hired::Exit::data);
        return e.what();
    }
    return "";
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

} // namespace

TEST_CASE("a quote never closed is refused at the quote, not read as the rest of the file") {
    // yaml-cpp 0.7 reads these as role = "Developer notes: From freeCodeCamp group".
    for (const char* quote : {"\"", "'"}) {
        std::string text = fmt::format("name: Kevin Nguyen\nrole: {}Developer\nnotes: From "
                                       "freeCodeCamp group\n",
                                       quote);
        INFO(text);
        std::string e = refusal(text);
        CHECK(starts_with(e, "f.yaml:2:7: invalid YAML: a quoted value that is never closed"));
        // The same through the reader alone, as parse_full runs it.
        CHECK_THROWS_AS(yaml::parse_full(text, "f.yaml"), hired::Error);
    }
    CHECK(starts_with(refusal("a: \"x\n  y\n"),
                      "f.yaml:1:4: invalid YAML: a quoted value that is never closed"));
    CHECK(starts_with(refusal("\"a\n"),
                      "f.yaml:1:1: invalid YAML: a quoted value that is never closed"));
    CHECK(starts_with(refusal("a: 'it''s\n"),
                      "f.yaml:1:4: invalid YAML: a quoted value that is never closed"));
    // A quote that runs into a document marker is never closed either.
    CHECK(
        starts_with(refusal("a: \"x\n---\nb: y\"\n"), "f.yaml:1:4: invalid YAML: a quoted value"));
}

TEST_CASE("what YAML 1.1 refuses and yaml-cpp took is refused, with its position") {
    struct Case {
        const char* text;
        const char* where; // "line:col"
        const char* says;
    };
    const Case cases[] = {
        // A line that lost its ':' (yaml-cpp made "b" a key with no value).
        {"a:\nb\n", "2:1", "no ':'"},
        {"name: Kevin\nnotes From the group\n", "2:1", "no ':'"},
        // Empty keys and empty flow entries.
        {":\n", "1:1", "does not fit the map"},
        {"a: b\n: c\n", "2:1", "does not fit the map"},
        {"? \n: b\n", "1:1", "a key is missing"},
        {"a: {? : x}\n", "1:5", "a key is missing"},
        {"a: [b, , c]\n", "1:8", "expected a value"},
        {"a: {: f}\n", "1:5", "expected a value"},
        // A ':' before a flow indicator (PyYAML: a key with no value; libyaml: an error).
        {"a: {b:}\n", "1:6", "a ':' right before '}'"},
        {"a: [b :, c]\n", "1:7", "a ':' right before ','"},
        // Tabs where YAML allows only spaces.
        {"a:\tb\n", "1:3", "tab"},
        // A line of a text that starts with '%' (yaml-cpp dropped it as a
        // directive; libyaml and PyYAML read it as more of the text).
        {"&a finished\n%\n", "2:1", "starts with '%'"},
        {"finished\n%x\n", "2:1", "starts with '%'"},
        // Blank lines after an escaped line break, then the closing quote:
        // yaml-cpp read one line break less ("\n\n" for "\n\n\n").
        {"\"\\\n\n\n\n\"\n", "5:1", "a blank line right before the closing quote"},
        {"a: \"x\\\n\n  \"\n", "3:3", "a blank line right before the closing quote"},
        {"a: b\t\n", "1:5", "tab"},
        {"[a,\tb]\n", "1:4", "tab"},
        // Directives without the '---' that must follow them.
        {"%YAML 1.1\na: b\n", "2:1", "expected '---'"},
        {"%YAML 1.2\n", "2:1", "expected '---'"},
        // Directives libyaml does not know, or versions it does not read.
        {"%a b\n---\nc: d\n", "1:1", "unknown directive '%a'"},
        {"%YAML 1.3\n---\nc: d\n", "1:1", "not a YAML 1.1 or 1.2 document"},
        // Anchor names that run into ':' (yaml-cpp: the anchor "a:").
        {"&a: x\n", "1:3", "anchor"},
        {"a: &x [b]\nc: *y\n", "2:4", "no anchor '&y'"},
        {"a: &x b\nc: &x d\n", "2:4", "defined twice"},
        // Tags: hired's files never need them, and readers disagree on them.
        {"a: !!str\n", "1:4", "tags"},
        // Escapes yaml-cpp decodes to bytes that are not UTF-8, or that are no character.
        {"a: \"\\N\"\n", "1:5", "\\u0085"},
        {"a: \"\\_\"\n", "1:5", "\\u00A0"},
        {"a: \"\\uD800\"\n", "1:5", "not a Unicode character"},
        {"a: \"\\q\"\n", "1:5", "unknown escape"},
        // A folded value that yaml-cpp ends with a space where YAML has a line break.
        {"a: >\n  x\n  ", "3:3", "folded"},
        {"a: >+\n  x\n\nb: c\n", "1:4", "'>+'"},
        // A tab where a block value's indentation ends it.
        {"a: |\n  x\n \ty\n", "3:2", "a tab"},
        // Blank lines right before a closing quote (yaml-cpp keeps one break less).
        {"a: \"x\n\n\n\"\n", "4:1", "a blank line right before the closing quote"},
        {"a: ' \n\n'\n", "3:1", "a blank line right before the closing quote"},
        // Flow collections never closed.
        {"a: [b, c\n", "1:4", "a '[' that is never closed"},
        {"a: {b: c\n", "1:4", "a '{' that is never closed"},
        {"a: [\n", "1:4", "a '[' that is never closed"},
        // A second document.
        {"a: b\n---\nc: d\n", "2:1", "more than one YAML document"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        std::string e = refusal(c.text);
        CHECK(starts_with(e, fmt::format("f.yaml:{}: ", c.where)));
        CHECK(e.find(c.says) != std::string::npos);
    }
}

TEST_CASE(
    "characters YAML does not allow, or reads as line breaks, are refused and never echoed raw") {
    struct Case {
        std::string text;
        const char* where;
        const char* says;
    };
    const Case cases[] = {
        {"name: Zo\xe9\n", "1:9", "not valid UTF-8 (bytes \\xE9)"},
        {"a: b\nname: \xff\xfe\n", "2:7", "not valid UTF-8 (bytes \\xFF\\xFE)"},
        {"a: \xc3\n", "1:4", "not valid UTF-8"},
        {"a: \xed\xa0\x80\n", "1:4", "not valid UTF-8"}, // a surrogate
        {"a: \xc0\xaf\n", "1:4", "not valid UTF-8"},     // overlong
        {"a: b\x1b[31m\n", "1:5", "control character (\\x1B)"},
        {"a: b\x7f\n", "1:5", "control character (\\x7F)"},
        {"a: b\rc: d\n", "1:5", "carriage return"},
        {"a: b\xc2\x85\n", "1:5", "NEL"},
        {"a: b\xc2\x9b\n", "1:5", "control character (U+009B)"},
        {"a: b\xe2\x80\xa8\n", "1:5", "U+2028"},
        {"a: \xef\xbb\xbf"
         "b\n",
         "1:4", "byte order mark"},
        {std::string("a: b\0\n", 6), "1:1", "NUL"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        std::string e = refusal(c.text);
        CHECK(starts_with(e, fmt::format("f.yaml:{}: ", c.where)));
        CHECK(e.find(c.says) != std::string::npos);
        for (char ch : e) {
            auto u = static_cast<unsigned char>(ch);
            CHECK((u >= 0x20 && u < 0x7F));
        }
    }
}

TEST_CASE("ordinary YAML of every style is still taken") {
    const std::string long_key(1100, 'k');
    const std::vector<std::string> ok = {
        "",
        "# only a comment\n",
        "a: b", // no final line break
        "\xef\xbb\xbf"
        "a: b\nc: d\n",            // a BOM first
        "a: b\r\nc:\r\n  - d\r\n", // CRLF
        "%YAML 1.1\n---\na: b\n...\n",
        "--- \na: b\n",
        "a: b # a comment\n#another\nc: \"x\"#right after a quote\n",
        "a: &x [1, 2]\nb: *x\nc: &y\nd: *y\n",
        "? " + long_key + "\n: v\n", // how the emitter writes keys over 1000 bytes
        "? [a, b]\n: c\n",
        "a: \"multi\n  line \\\n  joined\"\nb: 'it''s\n\n  two'\nc: plain\n  continued\n",
        "a: |2-\n    two spaces kept\n  x\nb: |+\n  kept\n\n\nc: >\n  folded\n  text\n\nd: |\n  "
        "tab\tinside\n\n",
        "a: [b, {c: d}, [e], \"f\", 'g', h i]\nj: {k: [l], m: n}\n{x: y}: z\n",
        "- - a\n  - b\n- c: d\n  e: f\n-\n- ? g\n  : h\n",
        "a:\n- b\n- c\nd: e\n", // a list at its key's column
        "a: \"\\t\\n\\\\\\\"\\x41\\u00e9\\U0001F600\\e\\0\\a\\b\\v\\f\\r\\/\\ \\L\\P\"\n",
        "a: http://x.example/a?b=c#d\nb: a#b\nc: -1\nd: -x\ne: ?y\nf: :z\n",
        "a: [a:b]\n",
        "a: \"\t\"\nb: 'x\ty'\n", // tabs inside quotes
        "a: |\n  x\n  ",          // a literal value ending on its indentation
        // A tab right after the first line's indentation: libyaml refuses
        // it, PyYAML and yaml-cpp read it alike, and hired wrote such notes.
        "a: | # note\n \t x\n",
        "a: |-\n  \tcode\n  more\n",
        "a: x\n\n\n",
        "a:    \n  b\n", // a value on the next line
        "- [a,\n  b]\n- {c: d,\n   e: f}\n",
    };
    for (const auto& text : ok) {
        INFO(text);
        CHECK(refusal(text) == "");
    }
}

TEST_CASE("the fast reader never takes what the strict check refuses") {
    // The fast reader (yaml_simple.cpp) skips the strict check; the layouts
    // it takes must all pass it.
    const std::vector<std::string> texts = {
        "a: b\n",      "a: \"x\\ty\"\n", "a: |\n  x\n", "a: [b, \"c\"]\n",
        "a: {b: c}\n", "- a\n- b: c\n",  "a:\n  - b\n", "\"k\": v\n",
    };
    for (const auto& text : texts) {
        INFO(text);
        REQUIRE(yaml::parse_simple(text));
        CHECK_NOTHROW(yaml::check_syntax(text, "f.yaml"));
    }
}

TEST_CASE("a file past the node limit says what grows; only aliases make it an alias bomb") {
    yaml::Limits small;
    small.max_nodes = 100;
    small.too_big_hint = "; a hint";
    std::string plain = "id: x\ntests:\n";
    for (int i = 0; i < 30; ++i)
        plain += "  - {input: \"1\", output: \"1\"}\n";
    auto message = [&](const std::string& text) {
        try {
            yaml::parse(text, "f.yaml", small);
        } catch (const hired::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    std::string e = message(plain);
    CHECK(starts_with(e, "f.yaml:22:"));
    CHECK(e.find("'tests' has too many items: more than 100 nodes") != std::string::npos);
    CHECK(e.find("; a hint") != std::string::npos);
    CHECK(e.find("alias") == std::string::npos);

    std::string bomb =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
    e = message(bomb);
    CHECK(e.find("aliases expand the document to more than 100 nodes (an alias bomb?)") !=
          std::string::npos);
}
