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
    f.files["companies/y.yaml"] = "name: [broken\n";
    CHECK_THROWS_AS(search(f, "linked", w), hired::Error);
}
