// The record-by-record three-way merge of sync (tracker/merge.hpp).
#include "tracker/attempts.hpp"
#include "tracker/merge.hpp"
#include "tracker/store.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace hired::tracker;

namespace {

const std::string kBase = R"(name: Acme
applications:
  - id: ccaa3e43
    role: Backend Engineer
    status: active
    applied: 2026-01-02
    rounds:
      - id: 71065f6e
        date: 2026-01-05
        kind: phone-screen
        outcome: pending
)";

std::string with_round(const std::string& base, const std::string& id, const std::string& date) {
    return base + "      - id: " + id + "\n        date: " + date +
           "\n        kind: technical\n        outcome: pending\n";
}

Company company(const std::string& text) {
    Warnings w;
    return parse_company(text, "acme.yaml", "companies/acme.yaml", w);
}

bool has_round(const Company& c, const std::string& id) {
    const auto& rounds = c.applications.at(0).rounds;
    return std::any_of(rounds.begin(), rounds.end(), [&](const Round& r) { return r.id == id; });
}

} // namespace

TEST_CASE("two sides adding different rounds to the same application keep both") {
    std::string ours = with_round(kBase, "aaaa0001", "2026-01-10");
    std::string theirs = with_round(kBase, "bbbb0002", "2026-01-12");
    FileMerge m = merge_file("companies/acme.yaml", kBase, ours, theirs, Side::theirs);
    REQUIRE(m.text);
    CHECK(m.conflicts.empty());
    Company c = company(*m.text);
    CHECK(c.applications.size() == 1);
    CHECK(c.applications[0].rounds.size() == 3);
    CHECK(has_round(c, "71065f6e"));
    CHECK(has_round(c, "aaaa0001"));
    CHECK(has_round(c, "bbbb0002"));
    CHECK(m.from_ours == std::vector<std::string>{"round aaaa0001"});
    CHECK(m.from_theirs == std::vector<std::string>{"round bbbb0002"});
    CHECK(m.text->find("<<<<") == std::string::npos);
}

TEST_CASE("the same field changed on both sides: the preferred side wins, the other is reported") {
    std::string ours = kBase, theirs = kBase;
    ours.replace(ours.find("outcome: pending"), 16, "outcome: passed");
    theirs.replace(theirs.find("outcome: pending"), 16, "outcome: failed");
    FileMerge m = merge_file("companies/acme.yaml", kBase, ours, theirs, Side::ours);
    REQUIRE(m.text);
    CHECK(company(*m.text).applications[0].rounds[0].outcome == Outcome::passed);
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0] ==
          "kept ours for companies/acme.yaml round 71065f6e outcome (theirs: failed)");

    FileMerge t = merge_file("companies/acme.yaml", kBase, ours, theirs, Side::theirs);
    CHECK(company(*t.text).applications[0].rounds[0].outcome == Outcome::failed);
    CHECK(t.conflicts.at(0) ==
          "kept theirs for companies/acme.yaml round 71065f6e outcome (ours: passed)");
}

TEST_CASE("different fields of the same record changed on both sides merge without conflict") {
    std::string ours = kBase, theirs = kBase;
    ours.replace(ours.find("outcome: pending"), 16, "outcome: passed");
    theirs.replace(theirs.find("status: active"), 14, "status: offer");
    FileMerge m = merge_file("companies/acme.yaml", kBase, ours, theirs, Side::ours);
    CHECK(m.conflicts.empty());
    Company c = company(*m.text);
    CHECK(c.applications[0].status == Status::offer);
    CHECK(c.applications[0].rounds[0].outcome == Outcome::passed);
}

TEST_CASE("a lesson on one side and a contact on the other are different files; tags merge as sets") {
    // Different files never meet in merge_file; a file added on one side only is taken.
    std::string contact = "name: Ana Lopez\ncompany: Acme\n";
    FileMerge added = merge_file("contacts/ana-lopez.yaml", std::nullopt, std::nullopt, contact,
                                 Side::ours);
    CHECK(added.text == contact);
    std::string lesson = "text: ask about constraints\ntags: [arrays]\ndate: 2026-01-05\n";
    std::string ours = "text: ask about constraints\ntags: [arrays, design]\ndate: 2026-01-05\n";
    std::string theirs = "text: ask about constraints\ntags: [arrays, graphs]\ndate: 2026-01-05\n";
    FileMerge m = merge_file("lessons/2026-01-05-ab12cd34.yaml", lesson, ours, theirs, Side::ours);
    CHECK(m.conflicts.empty());
    Warnings w;
    Lesson l = parse_lesson(*m.text, "l", "lessons/2026-01-05-ab12cd34.yaml", w);
    CHECK(l.tags == std::vector<std::string>{"arrays", "design", "graphs"});
}

TEST_CASE("removed on one side and edited on the other: the edit is kept and reported") {
    std::string edited = kBase;
    edited.replace(edited.find("status: active"), 14, "status: rejected");
    FileMerge m = merge_file("companies/acme.yaml", kBase, std::nullopt, edited, Side::ours);
    CHECK(m.text == edited);
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0].find("kept theirs' edited companies/acme.yaml") == 0);

    // Removed on one side, unchanged on the other: removed.
    FileMerge r = merge_file("companies/acme.yaml", kBase, kBase, std::nullopt, Side::ours);
    CHECK(!r.text);
    CHECK(r.conflicts.empty());

    // A round removed on one side and edited on the other is kept too.
    std::string base2 = with_round(kBase, "aaaa0001", "2026-01-10");
    std::string removed = kBase;
    std::string changed = base2;
    changed.replace(changed.rfind("outcome: pending"), 16, "outcome: passed");
    FileMerge rr = merge_file("companies/acme.yaml", base2, removed, changed, Side::ours);
    CHECK(has_round(company(*rr.text), "aaaa0001"));
    REQUIRE(rr.conflicts.size() == 1);
    CHECK(rr.conflicts[0].find("round aaaa0001") != std::string::npos);
    // ... and removed when the other side left it alone.
    FileMerge gone = merge_file("companies/acme.yaml", base2, removed, base2, Side::ours);
    CHECK(!has_round(company(*gone.text), "aaaa0001"));
    CHECK(gone.conflicts.empty());
}

TEST_CASE("practice attempts are the union by id, the schedule replayed") {
    auto attempt = [](const std::string& id, const std::string& day) {
        return "  - id: " + id + "\n    started: " + day + "T09:00:00Z\n    finished: " + day +
               "T09:20:00Z\n    elapsed_minutes: 20\n    budget_minutes: 30\n    verdict: AC\n"
               "    passed: 3\n    total: 3\n    runs: 1\n";
    };
    std::string head = "problem: two-sum\nschedule: {ease: 2.50, interval_days: 1, repetitions: 1, "
                       "due: 2026-01-02}\nattempts:\n";
    std::string base = head + attempt("a0000001", "2026-01-01");
    std::string ours = "problem: two-sum\nschedule: {ease: 2.60, interval_days: 6, repetitions: 2, "
                       "due: 2026-01-08}\nattempts:\n" +
                       attempt("a0000001", "2026-01-01") + attempt("b0000002", "2026-01-02");
    std::string theirs = "problem: two-sum\nschedule: {ease: 2.60, interval_days: 6, repetitions: 2, "
                         "due: 2026-01-09}\nattempts:\n" +
                         attempt("a0000001", "2026-01-01") + attempt("c0000003", "2026-01-03");
    FileMerge m = merge_file("practice/two-sum.yaml", base, ours, theirs, Side::ours);
    CHECK(m.conflicts.empty());
    Warnings w;
    PracticeRecord r = parse_practice(*m.text, "p", "practice/two-sum.yaml", w);
    REQUIRE(r.attempts.size() == 3);
    CHECK(r.attempts[0].id == "a0000001");
    CHECK(r.attempts[1].id == "b0000002");
    CHECK(r.attempts[2].id == "c0000003");
    CHECK(r.schedule == replay(r.attempts, 0));
}

TEST_CASE("non-record files changed on both sides: ours is kept and reported") {
    FileMerge m = merge_file("hired.yaml", "format: 1\n", "format: 1\n# a\n", "format: 1\n# b\n",
                             Side::theirs);
    CHECK(m.text == "format: 1\n# a\n");
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0] == "kept ours for hired.yaml (theirs differs)");
}

TEST_CASE("invalid YAML on one side is never merged into a half record") {
    FileMerge m = merge_file("companies/acme.yaml", kBase, kBase + "  bad: [\n",
                             with_round(kBase, "bbbb0002", "2026-01-12"), Side::theirs);
    CHECK(m.text == kBase + "  bad: [\n");
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0].find("kept ours for companies/acme.yaml (could not merge") == 0);
}

TEST_CASE("a record edited on one side survives the other side removing the last of its list") {
    // The writer leaves out an empty list: ours removed the only application
    // (no "applications:" left) while theirs moved it on; and likewise for
    // the only round of an application.
    std::string ours = "name: Acme\n";
    std::string theirs = kBase;
    theirs.replace(theirs.find("status: active"), 14, "status: withdrawn");
    for (Side prefer : {Side::ours, Side::theirs}) {
        FileMerge m = merge_file("companies/acme.yaml", kBase, ours, theirs, prefer);
        REQUIRE(m.text);
        Company c = company(*m.text);
        REQUIRE(c.applications.size() == 1);
        CHECK(c.applications[0].status == Status::withdrawn);
        CHECK(has_round(c, "71065f6e"));
        REQUIRE(m.conflicts.size() == 1);
        CHECK(m.conflicts[0] == "kept theirs' edited application ccaa3e43 in companies/acme.yaml "
                                "(ours removed it)");
    }
    // Removed on one side, unchanged on the other: removed.
    FileMerge gone = merge_file("companies/acme.yaml", kBase, ours, kBase, Side::theirs);
    REQUIRE(gone.text);
    CHECK(company(*gone.text).applications.empty());

    std::string no_rounds = kBase.substr(0, kBase.find("    rounds:\n"));
    std::string new_outcome = kBase;
    new_outcome.replace(new_outcome.find("outcome: pending"), 16, "outcome: passed");
    FileMerge r = merge_file("companies/acme.yaml", kBase, new_outcome, no_rounds, Side::theirs);
    REQUIRE(r.text);
    CHECK(has_round(company(*r.text), "71065f6e"));
}

TEST_CASE("conflict lines show values from files escaped, never raw control characters") {
    std::string ours = kBase, theirs = kBase;
    ours.replace(ours.find("outcome: pending"), 16, "outcome: pending\n        notes: \"\\e[2J\"");
    theirs.replace(theirs.find("outcome: pending"), 16, "outcome: pending\n        notes: \"Zoë \\x06\"");
    FileMerge m = merge_file("companies/acme.yaml", kBase, ours, theirs, Side::theirs);
    REQUIRE(m.conflicts.size() == 1);
    CHECK(m.conflicts[0] ==
          "kept theirs for companies/acme.yaml round 71065f6e notes (ours: \\x1B[2J)");
    FileMerge o = merge_file("companies/acme.yaml", kBase, ours, theirs, Side::ours);
    CHECK(o.conflicts.at(0) ==
          "kept ours for companies/acme.yaml round 71065f6e notes (theirs: Zoë \\x06)");
}
