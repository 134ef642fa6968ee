// The fast reader's promise (util/yaml_simple.cpp): whenever it returns a
// tree, it is the tree yaml-cpp makes of the same text, marks included; and
// it does take the layout hired writes, or it would be no faster.
#include "tracker/yaml_write.hpp"

#include "util/error.hpp"
#include "util/yaml_doc.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <random>

using hired::tracker::yaml_write::Out;
namespace yw = hired::tracker::yaml_write;
namespace yaml = hired::yaml;

namespace {

std::string show(std::string_view s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (u < 0x20 || u == 0x7F)
            out += fmt::format("\\x{:02x}", u);
        else
            out += c;
    }
    return out;
}

// The first difference between two trees, or "".
std::string diff(const yaml::Node& a, const yaml::Node& b, const std::string& path) {
    auto where = [&](const yaml::Node& n) { return fmt::format("{}:{}", n.mark.line, n.mark.column); };
    if (a.kind != b.kind) return fmt::format("{}: {} vs {}", path, a.kind_name(), b.kind_name());
    if (a.mark.line != b.mark.line || a.mark.column != b.mark.column)
        return fmt::format("{}: mark {} vs {}", path, where(a), where(b));
    if (a.value != b.value) return fmt::format("{}: '{}' vs '{}'", path, show(a.value), show(b.value));
    if (a.plain != b.plain) return fmt::format("{}: plain {} vs {}", path, a.plain, b.plain);
    if (a.items.size() != b.items.size())
        return fmt::format("{}: {} vs {} items", path, a.items.size(), b.items.size());
    for (size_t i = 0; i < a.items.size(); ++i)
        if (auto d = diff(*a.items[i], *b.items[i], fmt::format("{}[{}]", path, i)); !d.empty()) return d;
    if (a.entries.size() != b.entries.size())
        return fmt::format("{}: {} vs {} entries", path, a.entries.size(), b.entries.size());
    for (size_t i = 0; i < a.entries.size(); ++i) {
        const auto& [ka, va] = a.entries[i];
        const auto& [kb, vb] = b.entries[i];
        std::string sub = fmt::format("{}.{}", path, show(ka->value));
        if (auto d = diff(*ka, *kb, sub + "(key)"); !d.empty()) return d;
        if (auto d = diff(*va, *vb, sub); !d.empty()) return d;
    }
    return "";
}

// "" when the fast reader declines or agrees with yaml-cpp; else what differs.
// accepted counts the texts the fast reader took.
std::string disagreement(const std::string& text, int& accepted) {
    yaml::NodePtr fast = yaml::parse_simple(text);
    if (!fast) return "";
    ++accepted;
    yaml::NodePtr full;
    try {
        full = yaml::parse_full(text, "t");
    } catch (const hired::Error& e) {
        return fmt::format("yaml-cpp refuses what the fast reader took: {}", e.what());
    }
    return diff(*fast, *full, "$");
}

// Strings of every shape the emitter meets: plain, quoted, multi-line.
const std::vector<std::string>& strings() {
    static const std::vector<std::string> table = {
        "plain", "two words", "Acme Corp", "a, b", "x [y] {z}", "it's", "say \"hi\"", "50% off",
        "C#", "a: b", "ends with:", "- dash", "-5", "12:30", "0x1F", "1e3", "3.14", "true", "No",
        "null", "~", "", " lead", "trail ", "tab\tin", "\ttab first", "ké vé", "日本語", "emoji 😀",
        "back\\slash", "#hash", "&anchor", "*alias", "!tag", "|pipe", ">fold", "@at", "`tick",
        "%percent", "?q", "line1\nline2", "line1\nline2\n", "trailing\n\n\n", "\nleading newline",
        "  indented first\nsecond", "a\n\n\nb", "a\n  b\n    c\n", "# title\nbody", "a\n\tb",
        "a\n  \nb", "cr\r\nlf", "bell\a", "esc\x1b", "nul\0in", "del\x7f", "c1 \xc2\x85", "ls \xe2\x80\xa8",
        "bom \xef\xbb\xbf", "---", "...", "--- x", "a #b", "a# b", "https://example.com/x?y=1#z",
        "{}", "[]", "[a, b]", "key:value", "x:", ":x", "' single", "\" double", "   ", "\n",
        "very long " + std::string(300, 'x'), std::string(1100, 'k'),
    };
    return table;
}

// A random document of the emitter's making.
Out random_out(std::mt19937& rng, int depth) {
    const auto& s = strings();
    auto pick = [&]() -> const std::string& { return s[rng() % s.size()]; };
    auto roll = [&](unsigned n) { return rng() % n; };
    Out m = Out::map();
    unsigned keys = 1 + roll(5);
    for (unsigned k = 0; k < keys; ++k) {
        std::string key = roll(4) == 0 ? pick() : fmt::format("key{}", k);
        if (key.empty() || key.find('\0') != std::string::npos) key = fmt::format("k{}", k);
        bool dup = false;
        for (const auto& [old, v] : m.entries) dup = dup || old == key;
        if (dup) continue;
        switch (depth > 3 ? roll(3) : roll(7)) {
        case 0: m.add(key, Out::scalar(pick())); break;
        case 1: m.add(key, Out::number(static_cast<long long>(roll(2000)) - 1000)); break;
        case 2: m.add(key, Out::null_value()); break;
        case 3: {
            Out seq = Out::sequence(roll(2) == 0);
            for (unsigned i = roll(4); i > 0; --i) seq.push(Out::scalar(pick()));
            m.add(key, seq);
            break;
        }
        case 4: {
            Out seq = Out::sequence(false);
            for (unsigned i = 1 + roll(3); i > 0; --i) seq.push(random_out(rng, depth + 1));
            m.add(key, seq);
            break;
        }
        case 5: {
            Out seq = Out::sequence(false);
            Out inner = Out::sequence(false);
            inner.push(Out::scalar(pick()));
            seq.push(inner);
            seq.push(Out::null_value());
            seq.push(Out::map());
            m.add(key, seq);
            break;
        }
        default: m.add(key, random_out(rng, depth + 1)); break;
        }
    }
    return m;
}

std::string emitted(const Out& o) {
    try {
        return yw::emit(o);
    } catch (const hired::Error&) {
        return ""; // text that is not UTF-8: not written, nothing to read
    }
}

} // namespace

TEST_CASE("the fast reader takes hired's layout and reads it as yaml-cpp does") {
    const std::string doc = "name: Acme Corp\n"
                            "aliases: [Acme, \"Acme, Inc\"]\n"
                            "empty_list: []\n"
                            "empty_map: {}\n"
                            "complexity: {time: \"O(n log n)\", space: O(1), extra: ~}\n"
                            "nothing:\n"
                            "null_word: ~\n"
                            "\"quoted key\": \"tab\\tand \\u0085 \\x41\"\n"
                            "applications:\n"
                            "  - id: a1\n"
                            "    role: Backend Engineer\n"
                            "    notes: |\n"
                            "      # not a comment\n"
                            "      \tindented by a tab\n"
                            "\n"
                            "      after a blank line\n"
                            "    rounds:\n"
                            "      - date: 2026-11-30\n"
                            "        questions:\n"
                            "          -\n"
                            "          - |2-\n"
                            "             leading space\n"
                            "            x\n"
                            "          - |+\n"
                            "            kept\n"
                            "\n"
                            "  - id: a2\n"
                            "    nested:\n"
                            "      -\n"
                            "        - deep\n"
                            "last:\n";
    int accepted = 0;
    CHECK(disagreement(doc, accepted) == "");
    CHECK(accepted == 1);
    yaml::NodePtr n = yaml::parse_simple(doc);
    REQUIRE(n);
    CHECK(n->find("applications")->items[0]->find("notes")->value ==
          "# not a comment\n\tindented by a tab\n\nafter a blank line\n");
}

TEST_CASE("outside the subset the fast reader declines, and yaml-cpp decides") {
    const std::vector<std::string> declined = {
        "a: b",                     // no final newline
        "a: b\r\n",                 // CR
        "a: &x b\nc: *x\n",         // anchors and aliases
        "a: b # comment\n",         // comments
        "# comment\na: b\n",        //
        "---\na: b\n",              // document markers
        "a: b\n...\n",              //
        "a: >\n  folded\n",         // folded scalars
        "a: 'single'\n",            // single quotes
        "a: {b: {c: d}}\n",         // nested flow collections
        "a: [b, [c]]\n",            //
        "a: \"two\n  lines\"\n",    // multi-line quoted
        "a: plain\n  continued\n",  // multi-line plain
        "a:\n- at the key's column\n",
        "a: b\na: c\n",             // duplicate keys (yaml-cpp's builder reports them)
        "? explicit\n: key\n",      //
        "just a scalar\n",          // a scalar root
        "a:\tb\n",                  // tabs as separation
        "a: |\n  x\n  \n  y\n",     // whitespace-only lines
        "a: !tag b\n",              // tags
        "a: \"\\N\"\n",             // escapes the emitter never writes
        "a: \"\\uD800\"\n",         // a surrogate
        "a: b\xc2\x85\n",           // NEL
        "a: \xff\n",                // not UTF-8
        "null: x\n",                // a null key
    };
    for (const auto& text : declined) {
        INFO(show(text));
        CHECK_FALSE(yaml::parse_simple(text));
    }
}

TEST_CASE("every document the emitter writes reads the same both ways, and most take the fast path") {
    std::mt19937 rng(20261202);
    int accepted = 0, written = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string text = emitted(random_out(rng, 0));
        if (text.empty()) continue;
        ++written;
        INFO(text);
        REQUIRE(disagreement(text, accepted) == "");
    }
    // Whitespace-only lines, tabs after a block's indentation and the like
    // decline some documents; most must be taken.
    CHECK(accepted > written / 3);
    // A record of ordinary text is always taken.
    Out rec = Out::map();
    rec.set("name", "Basalt Freight SAS").set("website", "https://basalt.example/jobs?x=1");
    rec.set_list("tags", {"logistics", "remote ok"});
    Out app = Out::map();
    app.set("role", "Staff Engineer, Platform").set("notes", "Met at the meetup.\nFollow up in May.\n");
    Out apps = Out::sequence();
    apps.push(app);
    rec.add("applications", apps);
    CHECK(yaml::parse_simple(yw::emit(rec)));
}

TEST_CASE("mutated documents: the fast reader agrees with yaml-cpp or declines") {
    std::mt19937 rng(7);
    const std::string alphabet = " \n-:\"|#[],{}'\\a1~+2\t.?&*!>x";
    std::vector<std::string> seeds;
    for (int i = 0; i < 40; ++i) {
        std::string t = emitted(random_out(rng, 0));
        if (!t.empty()) seeds.push_back(t);
    }
    seeds.push_back("a:\n  - b: |\n      x\n\n    c: [d, \"e\"]\n  -\n    - f\ng: \"h\\n\"\n");
    seeds.push_back("tests:\n  - {input: \"1\\n\", output: \"1\\n\"}\n  - {name: big, input: \"2 3\"}\n"
                    "complexity: {time: \"O(n)\", space: O(1)}\nempty: {}\n");
    int accepted = 0, tried = 0;
    for (int i = 0; i < 30000; ++i) {
        std::string t = seeds[rng() % seeds.size()];
        for (unsigned edits = 1 + rng() % 3; edits > 0; --edits) {
            size_t at = t.empty() ? 0 : rng() % t.size();
            switch (rng() % 5) {
            case 0: t.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            case 1:
                if (!t.empty()) t.erase(at, 1);
                break;
            case 2:
                if (!t.empty()) t[at] = alphabet[rng() % alphabet.size()];
                break;
            case 3: t.insert(at, "  "); break;
            default: {
                // Duplicate or drop a line.
                size_t b = t.rfind('\n', at);
                b = b == std::string::npos ? 0 : b + 1;
                size_t e = t.find('\n', at);
                if (e == std::string::npos) break;
                if (rng() % 2)
                    t.insert(b, t.substr(b, e - b + 1));
                else
                    t.erase(b, e - b + 1);
            }
            }
        }
        ++tried;
        INFO(show(t));
        REQUIRE(disagreement(t, accepted) == "");
    }
    INFO(fmt::format("{} of {} mutants taken by the fast reader", accepted, tried));
    CHECK(accepted > tried / 20);
}
