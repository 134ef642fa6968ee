// The emitter's promise: whatever a string holds, it reads back byte for
// byte through util/yaml_doc.hpp, in every position a record puts it.
#include "tracker/yaml_write.hpp"

#include "util/error.hpp"
#include "util/yaml_doc.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <regex>

using hired::tracker::yaml_write::Out;
namespace yw = hired::tracker::yaml_write;
namespace yaml = hired::yaml;

namespace {

const std::vector<std::string>& awkward() {
    static const std::vector<std::string> table = {
        "plain",
        "two words",
        "",
        " leading space",
        "trailing space ",
        "  ",
        "\t",
        "tab\tinside",
        "\ttab first",
        "\ttab first\nthen a line",
        "\t\n\"quoted\"\n",
        "key: value",
        "ends with colon:",
        "a:b",
        "# not a comment",
        "hash # inside",
        "hash#tight",
        "\"double quotes\"",
        "'single quotes'",
        "it's",
        "say \"hi\"",
        "back\\slash",
        "- leading dash",
        "-",
        "--- document",
        "...",
        "? question",
        "* star",
        "&anchor",
        "*alias",
        "!tag",
        "%directive",
        "@at",
        "`backtick`",
        "|pipe",
        ">fold",
        "[flow]",
        "{flow: map}",
        "a, b",
        "yes",
        "no",
        "Yes",
        "NO",
        "on",
        "off",
        "y",
        "n",
        "true",
        "False",
        "null",
        "Null",
        "~",
        "1",
        "-1",
        "+1",
        "1.0",
        "1e3",
        ".5",
        "0x10",
        "0o17",
        "017",
        "0b101",
        "1_000",
        ".inf",
        "-.inf",
        ".NaN",
        "12:30",
        "1:20:30",
        "2026-03-04",
        "1.2.3",
        "line\n",
        "line",
        "two\nlines",
        "two\nlines\n",
        "two\nlines\n\n",
        "two\nlines\n\n\n",
        "\n",
        "\n\n",
        "\n\n\n",
        "\nleading newline",
        "\n\nleading newlines\n",
        "  indented first line\nsecond",
        "  indented\n  block\n",
        "\n  indented after a blank line\n",
        "  \nspaces-only first line",
        "a\n  \nb",
        "a\n   ",
        "trailing spaces  \non a line  \n",
        "first\n\n\nafter blanks",
        "crlf\r\nline\r\n",
        "cr only\rhere",
        "tabs\n\tin\na block\t\n",
        "# comment-like\n# lines\n",
        "- dash\n- lines\n",
        "key: value\nother: 2\n",
        "---\n...\n",
        "unicode: é ü ß 漢字",
        "emoji 🎉🚀 party",
        "RTL: שלום עולם مرحبا",
        "mixed \u200f RTL mark",
        "multi\nline 🎉\nعربي\n",
        std::string("nul\0inside", 10),
        "bell\a and escape\x1b[0m",
        "del\x7f",
        "nbsp\u00a0here",
        "line\u2028separator",
        "para\u2029separator",
        "bom\ufeffinside",
        "next line \u0085",
        "c1 \u0080 \u009f",
        "\"",
        "\\",
        "'",
        ":",
        "#",
        "a\\nb",
        std::string(5000, 'x'),
        std::string(3000, 'y') + "\n" + std::string(3000, 'z') + "\n",
        "mixed  \n\t\n \n",
        "  \n  \n",
        " ",
        "\n ",
        " \n",
    };
    return table;
}

std::string show(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7f)
            out += fmt::format("\\x{:02x}", c);
        else
            out += static_cast<char>(c);
    }
    return out;
}

} // namespace

TEST_CASE("every awkward string round-trips as a map value") {
    for (const auto& s : awkward()) {
        Out doc = Out::map();
        doc.add("before", Out::scalar("x"));
        doc.add("value", Out::scalar(s));
        doc.add("after", Out::scalar("y"));
        std::string text = yw::emit(doc);
        INFO("string: [" << show(s) << "]\nyaml:\n" << text);
        auto root = yaml::parse(text, "t.yaml");
        REQUIRE(root->is_map());
        const yaml::Node* v = root->find("value");
        REQUIRE(v);
        if (s.empty()) {
            REQUIRE(v->is_scalar());
        }
        CHECK(v->value == s);
        CHECK(root->find("after")->value == "y");
    }
}

TEST_CASE("every awkward string round-trips in lists, nested maps and as a key") {
    for (const auto& s : awkward()) {
        Out item = Out::map();
        item.add("text", Out::scalar(s));
        item.add("n", Out::number(3));
        Out inner = Out::map();
        inner.add("deep", Out::scalar(s));
        item.add("inner", inner);
        Out list = Out::sequence();
        list.push(Out::scalar(s));
        list.push(item);
        Out nested = Out::sequence();
        nested.push(Out::scalar(s));
        list.push(nested);
        Out tags = Out::sequence(true);
        tags.push(Out::scalar(s));
        tags.push(Out::scalar("tag"));
        Out doc = Out::map();
        doc.add("list", list);
        doc.add("tags", tags);
        doc.add(s, Out::scalar("keyed"));
        std::string text = yw::emit(doc);
        INFO("string: [" << show(s) << "]\nyaml:\n" << text);
        auto root = yaml::parse(text, "t.yaml");
        const yaml::Node* l = root->find("list");
        REQUIRE(l);
        REQUIRE(l->items.size() == 3);
        CHECK(l->items[0]->value == s);
        CHECK(l->items[1]->find("text")->value == s);
        CHECK(l->items[1]->find("n")->value == "3");
        CHECK(l->items[1]->find("inner")->find("deep")->value == s);
        REQUIRE(l->items[2]->is_sequence());
        CHECK(l->items[2]->items[0]->value == s);
        const yaml::Node* t = root->find("tags");
        REQUIRE(t);
        REQUIRE(t->items.size() == 2);
        CHECK(t->items[0]->value == s);
        REQUIRE(root->entries.size() == 3);
        CHECK(root->entries[2].first->value == s);
        CHECK(root->entries[2].second->value == "keyed");
    }
}

TEST_CASE("multi-line text is a literal block with the right chomping") {
    auto emit_one = [](const std::string& s) {
        Out doc = Out::map();
        doc.add("notes", Out::scalar(s));
        return yw::emit(doc);
    };
    CHECK(emit_one("a\nb") == "notes: |-\n  a\n  b\n");
    CHECK(emit_one("a\nb\n") == "notes: |\n  a\n  b\n");
    CHECK(emit_one("a\nb\n\n") == "notes: |+\n  a\n  b\n\n");
    CHECK(emit_one("  a\nb\n") == "notes: |2\n    a\n  b\n");
    // A first line that starts with a tab gets the indicator too (found by
    // fuzz_records: libyaml and hired's reader refuse "|\n  \tx").
    CHECK(emit_one("\tx\ny\n") == "notes: |2\n  \tx\n  y\n");
    CHECK(emit_one("\t\n\"A\"\n") == "notes: |2\n  \t\n  \"A\"\n");
    CHECK(yaml::parse(emit_one("\t\nx"), "t")->find("notes")->value == "\t\nx");
    CHECK(emit_one("a\n\nb\n") == "notes: |\n  a\n\n  b\n");
}

TEST_CASE("a list item with a '?' is not written inside [ ], where readers end it there") {
    // [why?, c] and [https://x.example/?q=1] were written, and neither hired
    // (yaml-cpp: "unknown token") nor PyYAML could read them back.
    Out doc = Out::map();
    doc.set_list("tags", {"why?", "c"});
    doc.set_list("links", {"https://x.example/?q=1"});
    std::string text = yw::emit(doc);
    CHECK(text == "tags:\n  - why?\n  - c\nlinks:\n  - https://x.example/?q=1\n");
    auto n = yaml::parse(text, "t");
    CHECK(n->find("tags")->items[0]->value == "why?");
    CHECK(n->find("links")->items[0]->value == "https://x.example/?q=1");
    CHECK(yw::plain_ok("why?"));
    CHECK_FALSE(yw::plain_ok("why?", true));
}

TEST_CASE("awkward single-line strings are double-quoted, plain ones stay plain") {
    CHECK(yw::inline_scalar("Backend Engineer") == "Backend Engineer");
    CHECK(yw::inline_scalar("2026-03-04") == "2026-03-04");
    CHECK(yw::inline_scalar("yes") == "\"yes\"");
    CHECK(yw::inline_scalar("1.0") == "\"1.0\"");
    CHECK(yw::inline_scalar("0x10") == "\"0x10\"");
    CHECK(yw::inline_scalar("") == "\"\"");
    CHECK(yw::inline_scalar(" x") == "\" x\"");
    CHECK(yw::inline_scalar("a: b") == "\"a: b\"");
    CHECK(yw::inline_scalar("tab\there") == "\"tab\\there\"");
    CHECK(yw::inline_scalar("crlf\r\n") == "\"crlf\\r\\n\"");
    CHECK(yw::inline_scalar("bell\a") == "\"bell\\a\"");
    CHECK(yw::inline_scalar("ls\u2028") == "\"ls\\u2028\"");
    CHECK(yw::inline_scalar("🎉 party") == "🎉 party");
}

TEST_CASE("empty collections, omitted fields and flow lists") {
    Out doc = Out::map();
    doc.set("name", "Acme");
    doc.set("url", "");
    doc.set_list("tags", {"fintech", "remote"});
    doc.set_list("none", {});
    doc.set_if("apps", Out::sequence());
    doc.add("empty_list", Out::sequence());
    doc.add("empty_map", Out::map());
    CHECK(yw::emit(doc) == "name: Acme\ntags: [fintech, remote]\nempty_list: []\nempty_map: {}\n");
    Out awkward_tags = Out::map();
    awkward_tags.set_list("tags", {"a, b", "c"});
    CHECK(yw::emit(awkward_tags) == "tags:\n  - a, b\n  - c\n");
}

TEST_CASE("invalid UTF-8 is refused, not written") {
    Out doc = Out::map();
    doc.set("name", "bad \xff byte");
    CHECK_THROWS_AS(yw::emit(doc), hired::Error);
    CHECK_FALSE(yw::valid_utf8("\xc0\x80"));
    CHECK_FALSE(yw::valid_utf8("\xed\xa0\x80")); // a surrogate
    CHECK(yw::valid_utf8("ok é 🎉"));
}

TEST_CASE("hand-written nodes pass through with their plain scalars") {
    auto root = yaml::parse(
        "custom:\n  count: 3\n  flag: yes\n  list: [a, b]\n  text: |\n    kept\n", "t.yaml");
    Out doc = Out::map();
    doc.add("custom", yw::from_node(*root->find("custom")));
    std::string text = yw::emit(doc);
    CHECK(text ==
          "custom:\n  count: 3\n  flag: yes\n  list:\n    - a\n    - b\n  text: |\n    kept\n");
}

TEST_CASE("absurd nesting is refused") {
    Out doc = Out::map();
    Out* cur = &doc;
    for (int i = 0; i < 300; ++i) {
        cur->add("k", Out::map());
        cur = &cur->entries.back().second;
    }
    cur->add("leaf", Out::scalar("x"));
    CHECK_THROWS_AS(yw::emit(doc), hired::Error);
}

TEST_CASE("number_like by hand takes exactly what the old regular expression took") {
    static const std::regex re(
        R"(^[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$)"
        R"(|^[-+]?0[xX][0-9a-fA-F_]+$|^[-+]?0[oO]?[0-7_]+$|^[-+]?0[bB][01_]+$)"
        R"(|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$)"
        R"(|^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$)");
    auto same = [&](const std::string& s) {
        bool want = std::regex_match(s, re);
        if (yw::number_like(s) != want) FAIL_CHECK("'" << s << "': expected " << want);
    };
    for (const char* s : {".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan", ".nAn",
                          ".infx", "0x", "0xfF_1", "0o17", "0o8", "0b101", "0b2", "017", "08",
                          "1_000.5e-3", "1e", "1e+", ".e1", "12:30", "1:60", "1:6:07.5_",
                          "12:345", "1:2:", ":30", "+", "-", "", "1.2.3", "٣"})
        same(s);
    // Every string of up to four characters over an alphabet that reaches
    // every branch, and longer random ones.
    const std::string alphabet = "0179_.:+-eExXoOb";
    std::vector<std::string> level{""};
    for (int len = 1; len <= 4; ++len) {
        std::vector<std::string> next;
        for (const auto& p : level)
            for (char c : alphabet)
                next.push_back(p + c);
        for (const auto& s : next)
            same(s);
        level = std::move(next);
    }
    std::mt19937 rng(20261202);
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        size_t len = 5 + rng() % 6;
        for (size_t k = 0; k < len; ++k)
            s += alphabet[rng() % alphabet.size()];
        same(s);
    }
}
