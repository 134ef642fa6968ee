// Search: case-insensitive, every record kind, the line of the match
// (inside block scalars too) and a summary of the record holding it.
#include "journal_fixtures.hpp"

#include "tracker/search.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

using namespace hired::tracker;
using hired::tracker::testing::MemoryFiles;

namespace {

MemoryFiles journal() {
    MemoryFiles f;
    f.files["companies/acme.yaml"] = "name: Acme\n"               // 1
                                     "notes: Fintech in Berlin\n" // 2
                                     "applications:\n"            // 3
                                     "  - id: a1\n"               // 4
                                     "    role: Backend Engineer\n"
                                     "    status: active\n"
                                     "    rounds:\n"                                   // 7
                                     "      - id: r2\n"                                // 8
                                     "        date: 2026-03-10\n"                      // 9
                                     "        kind: onsite\n"                          // 10
                                     "      - id: r1\n"                                // 11
                                     "        date: 2026-03-01\n"                      // 12
                                     "        kind: technical\n"                       // 13
                                     "        outcome: failed\n"                       // 14
                                     "        questions:\n"                            // 15
                                     "          - Reverse a LINKED list\n"             // 16
                                     "        notes: |\n"                              // 17
                                     "          Started well.\n"                       // 18
                                     "          Forgot the linked-list edge case.\n"   // 19
                                     "        lessons:\n"                              // 20
                                     "          - text: Draw the linked list first\n"; // 21
    f.files["contacts/dana-li.yaml"] =
        "name: Dana Li\ncompany: Acme\nnotes: Knows the linked-list team\n";
    f.files["events/2026-02-10-rust-meetup.yaml"] =
        "name: Rust meetup\ndate: 2026-02-10\nmet: [Dana Li]\n";
    f.files["lessons/2026-03-02-abcd1234.yaml"] =
        "text: |-\n  Practise\n  linked lists daily\ntags: [lists]\n";
    f.files["practice/two-sum.yaml"] = "attempts:\n  - note: used a LINKED hash map\n";
    f.files["notes.txt"] = "linked, but not a record\n";
    return f;
}

} // namespace

TEST_CASE("search finds text in every kind of record, ignoring case") {
    MemoryFiles f = journal();
    Warnings w;
    auto hits = search(f, "linked", w);
    REQUIRE(hits.size() == 6);
    CHECK(hits[0].file == "companies/acme.yaml");
    CHECK(hits[0].line == 16);
    CHECK(hits[0].kind == "round");
    CHECK(hits[0].record == "Acme, Backend Engineer, technical #1 on 2026-03-01 (failed)");
    CHECK(hits[0].field == "questions");
    CHECK(hits[0].text == "Reverse a LINKED list");
    // The line inside a literal block is the line of the text.
    CHECK(hits[1].line == 19);
    CHECK(hits[1].field == "notes");
    CHECK(hits[1].text == "Forgot the linked-list edge case.");
    CHECK(hits[2].line == 21);
    CHECK(hits[2].kind == "lesson");
    CHECK(hits[3].file == "contacts/dana-li.yaml");
    CHECK(hits[3].record == "Dana Li (Acme)");
    CHECK(hits[4].file == "lessons/2026-03-02-abcd1234.yaml");
    CHECK(hits[4].line == 3);
    CHECK(hits[4].record == "Practise");
    CHECK(hits[5].kind == "practice");
    CHECK(hits[5].record == "two-sum");
}

TEST_CASE("search summaries name the record, and no match is no hit") {
    MemoryFiles f = journal();
    Warnings w;
    auto hits = search(f, "dana li", w);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].kind == "contact");
    CHECK(hits[0].line == 1);
    CHECK(hits[1].kind == "event");
    CHECK(hits[1].record == "Rust meetup 2026-02-10");
    CHECK(search(f, "berlin", w)[0].kind == "company");
    CHECK(search(f, "backend", w)[0].kind == "application");
    CHECK(search(f, "nothing like this", w).empty());
    CHECK(search(f, "  ", w).empty());
}

TEST_CASE("search still reads a file that breaks the schema, but not one that is not YAML") {
    MemoryFiles f;
    f.files["companies/x.yaml"] = "notes: linked without a name\n";
    Warnings w;
    auto hits = search(f, "linked", w);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].record == "x");
    // A file whose text cannot hold the needle is not parsed at all, when it
    // surely keeps to the plain layout; one outside it is parsed and reported,
    // as every other command reports it (an alias bomb, an open bracket).
    f.files["companies/y.yaml"] = "name: Y\nnotes: a\n b: c\n";
    CHECK(search(f, "linked", w).size() == 1);
    f.files["companies/y.yaml"] = "name: [broken\n";
    CHECK_THROWS_AS(search(f, "linked", w), hired::Error);
    f.files["companies/y.yaml"] = "name: Y\na: &a [x, x]\nb: [*a, *a]\n";
    CHECK(search(f, "linked", w).size() == 1); // parsed: valid, and without the needle
    f.files["companies/y.yaml"] = "name: [broken, linked\n";
    CHECK_THROWS_AS(search(f, "linked", w), hired::Error);
}

TEST_CASE("search finds text written escaped, folded or in block scalars") {
    MemoryFiles f;
    f.files["companies/a.yaml"] = "name: A\nnotes: \"consistent\\x20HASHING\\tand more\"\n";
    f.files["companies/b.yaml"] = "name: B\nnotes: \"consistent \\\n  hashing\"\n";
    f.files["companies/c.yaml"] = "name: C\nnotes: Consistent\n  hashing, folded plain\n";
    f.files["companies/d.yaml"] = "name: D\nnotes: >\n  consistent\n  hashing, folded block\n";
    f.files["companies/e.yaml"] = "name: E\nnotes: |\n  first line\n  consistent hashing\n";
    f.files["companies/f.yaml"] = "name: F\nnotes: 'consistent\n\n  hashing'\n"; // a line break
    f.files["companies/g.yaml"] = "name: G\nnotes: \"caf\\u00e9 consistent\\u0020hashing\"\n";
    Warnings w;
    auto hits = search(f, "consistent hashing", w);
    REQUIRE(hits.size() == 6);
    CHECK(hits[0].file == "companies/a.yaml");
    CHECK(hits[1].file == "companies/b.yaml");
    CHECK(hits[2].file == "companies/c.yaml");
    CHECK(hits[3].file == "companies/d.yaml");
    CHECK(hits[4].file == "companies/e.yaml");
    CHECK(hits[4].line == 4);
    CHECK(hits[5].file == "companies/g.yaml");
    CHECK(hits[5].text == "café consistent hashing");
}

TEST_CASE("search for text with quotes or a hash reads every file") {
    MemoryFiles f;
    f.files["contacts/a.yaml"] = "name: 'Pat O''Brien'\n";
    f.files["contacts/b.yaml"] = "name: B\nnotes: 'said \"hi\" twice'\n";
    f.files["contacts/c.yaml"] = "name: C\nnotes: \"knows C\\x23 well\"\n";
    Warnings w;
    auto hits = search(f, "o'brien", w);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].file == "contacts/a.yaml");
    hits = search(f, "\"hi\"", w);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].file == "contacts/b.yaml");
    hits = search(f, "c# well", w);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].file == "contacts/c.yaml");
}

TEST_CASE("TextFilter: which needles it can judge, and what it lets through") {
    CHECK(TextFilter("consistent hashing").usable());
    CHECK(TextFilter("Zoë Müller (CTO), 3.5/5!").usable());
    CHECK_FALSE(TextFilter("O'Brien").usable());
    CHECK_FALSE(TextFilter("say \"hi\"").usable());
    CHECK_FALSE(TextFilter("C#").usable());
    CHECK_FALSE(TextFilter("a\\b").usable());
    CHECK_FALSE(TextFilter("tab\there").usable());
    CHECK_FALSE(TextFilter(" lead").usable());
    CHECK_FALSE(TextFilter("trail ").usable());
    CHECK_FALSE(TextFilter("two  spaces").usable());
    CHECK_FALSE(TextFilter("").usable());

    TextFilter t("Consistent Hashing");
    CHECK(t.may_match("notes: consistent hashing\n"));
    CHECK(t.may_match("notes: CONSISTENT\n    HASHING\n"));
    CHECK(t.may_match("notes: consistent \r\n\t hashing\n"));
    CHECK(t.may_match("notes: \"anything at all\\n\"\n")); // an escape: maybe
    CHECK(t.may_match(std::string_view("n\0o", 3)));          // UTF-16: maybe
    CHECK_FALSE(t.may_match("notes: consistent-hashing\n"));
    CHECK_FALSE(t.may_match("notes: consistenthashing\n"));
    CHECK_FALSE(t.may_match("notes: consistent hash\n"));
    CHECK_FALSE(t.may_match(""));
    CHECK(TextFilter("Zoë").may_match("name: zoë\n"));
    CHECK_FALSE(TextFilter("Zoë").may_match("name: zoe\n"));
    CHECK(TextFilter("O'Brien").may_match("anything"));

    // The same on folded text.
    for (std::string_view text : {"notes: CONSISTENT\n    HASHING\n", "consistent-hashing",
                                  "a consistent hash", "consistent  hashing", ""}) {
        auto low = TextFilter::folded(text);
        REQUIRE(low);
        CHECK(t.may_match_folded(*low) == t.may_match(text));
    }
    CHECK_FALSE(TextFilter::folded("a\\b"));
    CHECK_FALSE(TextFilter::folded(std::string_view("a\0b", 3)));
}
