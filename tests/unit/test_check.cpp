// hired check's findings: nothing for a good journal; schema, duplicates,
// references, dates and stray files otherwise, each at its file and line.
#include "journal_fixtures.hpp"

#include "tracker/check.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>

using namespace hired::tracker;
using hired::tracker::testing::MemoryFiles;

namespace {

MemoryFiles good() {
    MemoryFiles f;
    f.files["hired.yaml"] = "format: 1\n";
    f.files["companies/acme.yaml"] = "name: Acme\n"
                                     "applications:\n"
                                     "  - id: a1\n"
                                     "    role: Backend\n"
                                     "    via: Dana Li\n"
                                     "    applied: 2026-03-01\n"
                                     "    rounds:\n"
                                     "      - id: r1\n"
                                     "        date: 2026-03-05\n"
                                     "        kind: technical\n"
                                     "        interviewers:\n"
                                     "          - name: Sam\n"
                                     "            contact: sam\n"
                                     "        questions:\n"
                                     "          - text: Two sum\n"
                                     "            problem: two-sum\n";
    f.files["contacts/dana-li.yaml"] =
        "name: Dana Li\ncompany: acme\nmet_at: 2026-02-10-rust-meetup\n";
    f.files["contacts/sam.yaml"] = "name: Sam\n";
    f.files["events/2026-02-10-rust-meetup.yaml"] =
        "name: Rust meetup\ndate: 2026-02-10\nmet: [Dana Li]\n";
    f.files["lessons/2026-03-06-x.yaml"] =
        "text: Slow down\ncompany: Acme\napplication: a1\nround: r1\n";
    f.files["practice/two-sum.yaml"] = "attempts: []\n";
    return f;
}

std::vector<std::string> lines(const CheckResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings)
        out.push_back(f.str());
    return out;
}

CheckOptions with_problems() {
    CheckOptions o;
    o.problem_ids = std::set<std::string>{"two-sum"};
    return o;
}

} // namespace

TEST_CASE("a good journal has no findings") {
    auto r = check_journal(good(), with_problems());
    CHECK(lines(r).empty());
    CHECK(r.unparsable.empty());
    CHECK(check_journal(MemoryFiles{}).findings.empty());
}

TEST_CASE("schema problems are findings at their line") {
    MemoryFiles f = good();
    f.files["companies/globex.yaml"] =
        "name: Globex\napplications:\n  - role: SRE\n    applied: 2026-02-30\n";
    f.files["contacts/omar.yaml"] = "company: Acme\n";
    f.files["events/2026-02-11-x.yaml"] = "name: X\ndate: 2026-02-11\nkind: party\n";
    f.files["events/2026-02-12-y.yaml"] = "name: Y\ndate: 2026-02-12\n\nmood: good\n";
    auto l = lines(check_journal(f, with_problems()));
    INFO(hired::join(l, "\n"));
    REQUIRE(l.size() == 4);
    CHECK(l[0] ==
          "j/companies/globex.yaml:4: 'applied' must be a date YYYY-MM-DD, got '2026-02-30'");
    CHECK(l[1] == "j/contacts/omar.yaml:1: a contact file: missing required field 'name'");
    CHECK(l[2].find("j/events/2026-02-11-x.yaml:3: unknown event kind 'party'") == 0);
    CHECK(l[3].find("j/events/2026-02-12-y.yaml:4: unknown key 'mood'") == 0);
}

TEST_CASE("duplicates are found") {
    MemoryFiles f = good();
    f.files["companies/acme-2.yaml"] = "name: ACME\napplications:\n  - id: a1\n    role: Other\n";
    f.files["contacts/dana-li-2.yaml"] = "name: dana li\n";
    f.files["events/2026-02-10-rust-meetup-2.yaml"] = "name: Rust Meetup\ndate: 2026-02-10\n";
    auto l = lines(check_journal(f, with_problems()));
    REQUIRE(l.size() == 4);
    // acme-2.yaml sorts before acme.yaml: the second seen is the duplicate.
    CHECK(l[0] == "j/companies/acme.yaml:1: company 'Acme' is also in companies/acme-2.yaml; merge "
                  "the two files into one");
    CHECK(l[1] == "j/companies/acme.yaml:3: application id 'a1' is also used in "
                  "companies/acme-2.yaml; give one of them a new id");
    CHECK(l[2].find(
              "j/contacts/dana-li.yaml:1: contact 'Dana Li' is also in contacts/dana-li-2.yaml") ==
          0);
    CHECK(l[3].find("j/events/2026-02-10-rust-meetup.yaml:1: event 'Rust meetup' on 2026-02-10 is "
                    "also in") == 0);
}

TEST_CASE("references to unknown contacts, companies, events and problems are found") {
    MemoryFiles f = good();
    f.files["companies/acme.yaml"] = "name: Acme\n"
                                     "applications:\n"
                                     "  - id: a1\n"
                                     "    role: Backend\n"
                                     "    via: Dana Lee\n"
                                     "    applied: 2026-03-01\n"
                                     "    rounds:\n"
                                     "      - id: r1\n"
                                     "        date: 2026-02-05\n"
                                     "        kind: technical\n"
                                     "        questions:\n"
                                     "          - text: Two sum\n"
                                     "            problem: three-sum\n";
    f.files["contacts/dana-li.yaml"] =
        "name: Dana Li\ncompany: Acne\nmet_at: 2026-02-11-rust-meetup\n";
    f.files["events/2026-02-10-rust-meetup.yaml"] =
        "name: Rust meetup\ndate: 2026-02-10\nmet: [Dana Li, Zed]\n";
    f.files["lessons/2026-03-06-x.yaml"] =
        "text: Slow down\ncompany: Globex\nround: r9\nevent: nope\n";
    auto l = lines(check_journal(f, with_problems()));
    INFO(hired::join(l, "\n"));
    REQUIRE(l.size() == 9);
    CHECK(l[0] == "j/companies/acme.yaml:5: 'via' names 'Dana Lee', who is not a contact; did you "
                  "mean 'Dana Li'? "
                  "(add them with: hired contact add \"Dana Lee\")");
    CHECK(l[1] == "j/companies/acme.yaml:9: technical #1 on 2026-02-05 is before the application "
                  "date 2026-03-01; "
                  "is a date mistyped?");
    CHECK(l[2] == "j/companies/acme.yaml:13: question names problem 'three-sum', which no problem "
                  "folder has");
    CHECK(l[3].find("j/contacts/dana-li.yaml:2: 'company' names 'Acne', which the journal has no "
                    "file for; did you "
                    "mean 'Acme'?") == 0);
    CHECK(l[4].find("j/contacts/dana-li.yaml:3: 'met_at' names event '2026-02-11-rust-meetup'") ==
          0);
    CHECK(l[5].find(
              "j/events/2026-02-10-rust-meetup.yaml:3: 'met' names 'Zed', who is not a contact") ==
          0);
    CHECK(l[6].find("j/lessons/2026-03-06-x.yaml:2: 'company' names 'Globex'") == 0);
    CHECK(l[7] == "j/lessons/2026-03-06-x.yaml:3: 'round' id 'r9' is no round in the journal");
    CHECK(l[8].find("j/lessons/2026-03-06-x.yaml:4: 'event' names 'nope'") == 0);
}

TEST_CASE("files that are not YAML are fatal, stray files are findings") {
    MemoryFiles f = good();
    f.files["companies/broken.yaml"] = "name: Broken\napplications:\n  - role: [x\n";
    f.files["practice/bad.yaml"] = "a: b: c\n";
    f.files["companies/readme.txt"] = "notes\n";
    f.files["contacts/old/sam.yaml"] = "name: Sam\n";
    auto r = check_journal(f, with_problems());
    REQUIRE(r.unparsable.size() == 2);
    // At the '[' that is never closed, not at the end of the file.
    CHECK(r.unparsable[0].find("j/companies/broken.yaml:3:11: invalid YAML: a '[' that is never "
                               "closed") == 0);
    CHECK(r.unparsable[1].find("j/practice/bad.yaml:1:") == 0);
    auto l = lines(r);
    REQUIRE(l.size() == 2);
    CHECK(l[0] == "j/companies/readme.txt:1: hired reads only .yaml files here; rename it to .yaml "
                  "or move it out");
    CHECK(l[1] == "j/contacts/old/sam.yaml:1: hired does not read files in subfolders here; move "
                  "it up a level");
}
