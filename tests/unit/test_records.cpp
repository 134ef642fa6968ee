// The record model and its files: dates, enums, ids, slugs, round
// numbering, picking an application, and records <-> YAML (round trip,
// errors with file:line:column, unknown keys kept and warned about).
#include "journal_fixtures.hpp"

#include "tracker/records.hpp"
#include "tracker/store.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace hired::tracker;
using hired::Error;
using hired::Exit;
using hired::tracker::testing::MemoryFiles;

namespace {

Date d(const char* s) {
    return *Date::parse(s);
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

Exit code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return Exit::ok;
}

} // namespace

TEST_CASE("dates are strict ISO days") {
    CHECK(Date::parse("2026-03-04")->str() == "2026-03-04");
    CHECK(Date::parse("2024-02-29"));
    CHECK_FALSE(Date::parse("2026-02-29"));
    CHECK_FALSE(Date::parse("1900-02-29"));
    CHECK(Date::parse("2000-02-29"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026-04-31"));
    CHECK_FALSE(Date::parse("2026-4-1"));
    CHECK_FALSE(Date::parse("2026-04-01 "));
    CHECK_FALSE(Date::parse("20260401"));
    CHECK_FALSE(Date::parse("yesterday"));
    CHECK(days_between(d("2026-02-27"), d("2026-03-01")) == 2);
    CHECK(days_between(d("2025-12-31"), d("2026-01-01")) == 1);
    CHECK(d("2026-03-04").plus_days(30).str() == "2026-04-03");
    CHECK(Date::from_days(d("1999-12-31").days()) == d("1999-12-31"));
    CHECK(d("2026-01-01") < d("2026-01-02"));
}

TEST_CASE("enum values parse case-insensitively and typos get a suggestion") {
    CHECK(parse_enum<Status>("on-hold") == Status::on_hold);
    CHECK(parse_enum<Status>("On_Hold") == Status::on_hold);
    CHECK(parse_enum<RoundKind>("phone-screen") == RoundKind::phone_screen);
    CHECK(parse_enum<EventKind>("coffee-and-code") == EventKind::coffee_and_code);
    CHECK_FALSE(parse_enum<Outcome>("passd"));
    CHECK(to_string(RoundKind::system_design) == "system-design");
    CHECK(to_string(Status::on_hold) == "on-hold");
    std::string msg = unknown_enum_message<RoundKind>("tecnical");
    CHECK(msg.find("unknown round kind 'tecnical'; did you mean 'technical'?") == 0);
    CHECK(msg.find("one of: recruiter-call,") != std::string::npos);
    // Every name parses back to its value.
    for (size_t i = 0; i < enum_names<RoundKind>().size(); ++i)
        CHECK(parse_enum<RoundKind>(enum_names<RoundKind>()[i]) == static_cast<RoundKind>(i));
}

TEST_CASE("ids are 8 hex digits and do not repeat") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        std::string id = new_id();
        REQUIRE(id.size() == 8);
        CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
        seen.insert(id);
    }
    CHECK(seen.size() == 1000);
}

TEST_CASE("slugs are file-safe, never empty, never cut a character in half") {
    CHECK(slug_for("Acme Corp.") == "acme-corp");
    CHECK(slug_for("  ") == "record");
    CHECK(slug_for("!!!") == "record");
    CHECK(slug_for("Zürich AG") == "zürich-ag");
    std::string longname;
    for (int i = 0; i < 40; ++i)
        longname += "é";
    std::string s = slug_for(longname);
    CHECK(s.size() <= 60);
    CHECK(s.size() % 2 == 0); // whole two-byte characters only
    CHECK(file_stem("companies/acme-2.yaml") == "acme-2");
}

TEST_CASE("rounds are numbered by date, file order breaking ties, undated last") {
    Application a;
    Round r1, r2, r3, r4;
    r1.date = d("2026-03-10");
    r2.date = d("2026-03-01");
    r3.date = std::nullopt;
    r4.date = d("2026-03-01");
    a.rounds = {r1, r2, r3, r4};
    number_rounds(a);
    CHECK(a.rounds[0].number == 3);
    CHECK(a.rounds[1].number == 1);
    CHECK(a.rounds[2].number == 4);
    CHECK(a.rounds[3].number == 2);
    CHECK(a.latest_round() == &a.rounds[2]);
    sort_rounds(a);
    CHECK(a.rounds[0].date == d("2026-03-01"));
    CHECK(a.rounds[3].number == 4);
}

TEST_CASE("picking the application a command means") {
    Company c;
    c.name = "Acme";
    CHECK(code_of([&] { pick_application(c, std::nullopt); }) == Exit::data);
    Application be;
    be.role = "Backend Engineer";
    be.id = "a1";
    Application sre;
    sre.role = "SRE";
    sre.id = "a2";
    sre.status = Status::rejected;
    c.applications = {be, sre};
    CHECK(pick_application(c, std::nullopt).id == "a1"); // the only open one
    CHECK(pick_application(c, std::string("sre")).id == "a2");
    std::string msg = error_of([&] { pick_application(c, std::string("Backend Engneer")); });
    CHECK(msg.find("did you mean 'Backend Engineer'?") != std::string::npos);
    c.applications[1].status = Status::active;
    CHECK(code_of([&] { pick_application(c, std::nullopt); }) == Exit::usage);
}

TEST_CASE("interviewers and questions from the command line") {
    auto iv = parse_interviewer("Sam Park (Engineering Manager)");
    CHECK(iv.name == "Sam Park");
    CHECK(iv.role == "Engineering Manager");
    CHECK(parse_interviewer("Sam").role.empty());
    CHECK(parse_interviewer("(weird)").name == "(weird)");
    auto q = parse_question("Reverse a linked list [reverse-list]");
    CHECK(q.text == "Reverse a linked list");
    CHECK(q.problem == "reverse-list");
    CHECK(parse_question("What is [the] answer").problem.empty());
    CHECK(parse_question("Arrays [Big O]").problem.empty());
}

TEST_CASE("names and text from users are validated") {
    CHECK(clean_name("  Acme ", "NAME") == "Acme");
    CHECK(code_of([] { clean_name("   ", "NAME"); }) == Exit::usage);
    CHECK(code_of([] { clean_name("two\nlines", "NAME"); }) == Exit::usage);
    CHECK(code_of([] { clean_name("bad \xff", "NAME"); }) == Exit::usage);
    CHECK(clean_text("two\nlines\n", "TEXT") == "two\nlines\n");
    CHECK(code_of([] { clean_text("bell\a", "TEXT"); }) == Exit::usage);
}

namespace {

Company sample_company() {
    Company c;
    c.name = "Acme: the \"company\"";
    c.file = "companies/acme.yaml";
    c.url = "https://acme.example/jobs?x=1#top";
    c.location = "Berlin";
    c.tags = {"fintech", "yes"};
    c.notes = "  indented first line\nsecond\n\n";
    Application a;
    a.id = "0a1b2c3d";
    a.role = "Backend Engineer";
    a.source = Source::referral;
    a.via = "Dana Li";
    a.applied = d("2026-03-01");
    a.status = Status::on_hold;
    a.updated = d("2026-04-01");
    a.notes = "- leading dash";
    Round r;
    r.id = "deadbeef";
    r.date = d("2026-03-10");
    r.kind = RoundKind::pair_programming;
    r.outcome = Outcome::failed;
    r.rating = 2;
    r.thanked = d("2026-03-11");
    r.interviewers = {{"Sam Park", "EM", "Sam Park", {}, {}}, {"Kim", "", "", {}, {}}};
    r.questions = {{"Two sum # with a twist", "two-sum", {}, {}}, {"yes", "", {}, {}}};
    r.notes = "Went badly.\n🙃 next time\n";
    Lesson l;
    l.id = "cafe0001";
    l.text = "Ask about constraints first";
    l.tags = {"communication"};
    r.lessons = {l};
    a.rounds = {r};
    c.applications = {a};
    return c;
}

} // namespace

TEST_CASE("a company file round-trips through YAML") {
    Company c = sample_company();
    std::string text = to_yaml(c);
    hired::tracker::Warnings w;
    Company back = parse_company(text, "j/companies/acme.yaml", "companies/acme.yaml", w);
    CHECK(w.empty());
    CHECK(back.name == c.name);
    CHECK(back.url == c.url);
    CHECK(back.tags == c.tags);
    CHECK(back.notes == c.notes);
    REQUIRE(back.applications.size() == 1);
    const auto& a = back.applications[0];
    CHECK(a.id == "0a1b2c3d");
    CHECK(a.source == Source::referral);
    CHECK(a.via == "Dana Li");
    CHECK(a.status == Status::on_hold);
    CHECK(a.updated == d("2026-04-01"));
    CHECK(a.notes == "- leading dash");
    REQUIRE(a.rounds.size() == 1);
    const auto& r = a.rounds[0];
    CHECK(r.number == 1);
    CHECK(r.kind == RoundKind::pair_programming);
    CHECK(r.outcome == Outcome::failed);
    CHECK(r.rating == 2);
    CHECK(r.thanked == d("2026-03-11"));
    REQUIRE(r.interviewers.size() == 2);
    CHECK(r.interviewers[0].contact == "Sam Park");
    CHECK(r.interviewers[1].name == "Kim");
    REQUIRE(r.questions.size() == 2);
    CHECK(r.questions[0].problem == "two-sum");
    CHECK(r.questions[1].text == "yes");
    CHECK(r.notes == c.applications[0].rounds[0].notes);
    REQUIRE(r.lessons.size() == 1);
    CHECK(r.lessons[0].text == "Ask about constraints first");
    // Round lessons learn where they came from, and their date from the round.
    CHECK(r.lessons[0].source.company == c.name);
    CHECK(r.lessons[0].source.round == "deadbeef");
    CHECK(r.lessons[0].date == d("2026-03-10"));
    // Writing what was read gives the same text.
    CHECK(to_yaml(back) == text);
}

TEST_CASE("contacts, events and lessons round-trip") {
    hired::tracker::Warnings w;
    Contact p;
    p.name = "Dana Li";
    p.company = "Acme";
    p.met_at = "2026-02-10-rust-meetup";
    p.met = d("2026-02-10");
    p.links = {"https://example.com/dana", "https://example.com/dana#2"};
    p.last_contacted = d("2026-03-01");
    p.file = "contacts/dana-li.yaml";
    Contact p2 = parse_contact(to_yaml(p), "x", p.file, w);
    CHECK(p2.links == p.links);
    CHECK(p2.met_at == p.met_at);
    CHECK(p2.last_contacted == p.last_contacted);
    Event e;
    e.name = "Rust meetup";
    e.date = d("2026-02-10");
    e.kind = EventKind::coffee_and_code;
    e.met = {"Dana Li", "Omar"};
    e.file = "events/2026-02-10-rust-meetup.yaml";
    Event e2 = parse_event(to_yaml(e), "x", e.file, w);
    CHECK(e2.id() == "2026-02-10-rust-meetup");
    CHECK(e2.kind == EventKind::coffee_and_code);
    CHECK(e2.met == e.met);
    Lesson l;
    l.text = "Sleep well\nbefore onsites";
    l.date = d("2026-03-01");
    l.source.event = e.id();
    l.file = "lessons/2026-03-01-0a1b2c3d.yaml";
    Lesson l2 = parse_lesson(to_yaml(l), "x", l.file, w);
    CHECK(l2.id == "2026-03-01-0a1b2c3d");
    CHECK(l2.text == l.text);
    CHECK(l2.source.event == e.id());
    CHECK(w.empty());
}

TEST_CASE("schema errors name file:line:column, missing keys at the parent") {
    hired::tracker::Warnings w;
    auto parse = [&](const std::string& text) {
        return error_of([&] { parse_company(text, "c.yaml", "companies/c.yaml", w); });
    };
    CHECK(parse("url: x\n") == "c.yaml:1:1: a company file: missing required field 'name'");
    CHECK(parse("name: A\napplications:\n  - id: x\n    status: active\n") ==
          "c.yaml:3:5: an application: missing required field 'role'");
    CHECK(parse("name: A\napplications:\n  - role: R\n    status: activ\n")
              .find("c.yaml:4:13: unknown status 'activ'; did you mean 'active'?") == 0);
    CHECK(parse("name: A\napplications:\n  - role: R\n    applied: 2026-02-30\n") ==
          "c.yaml:4:14: 'applied' must be a date YYYY-MM-DD, got '2026-02-30'");
    CHECK(parse("name: A\napplications:\n  - role: R\n    rounds:\n      - kind: technical\n       "
                " rating: 9\n") == "c.yaml:6:17: 'rating' must be between 1 and 5, got 9");
    CHECK(
        parse("name: A\napplications: nope\n").find("c.yaml:2:15: 'applications' must be a list") ==
        0);
    CHECK(parse("name: [A\n").find("c.yaml:") == 0);
    CHECK(parse("") == "c.yaml:1:1: the file is empty; a company file needs at least 'name: ...'");
    CHECK(parse("- a\n- b\n").find("c.yaml:1:1: a company file must be a map") == 0);
    CHECK(parse("name: A\nname: B\n").find("duplicate key 'name'") != std::string::npos);
}

TEST_CASE("unknown keys are warnings and survive a rewrite") {
    hired::tracker::Warnings w;
    std::string text = "name: Acme\nstaus: hot\nmy_notes:\n  salary: 100k\n  tags: [a, b]\n"
                       "applications:\n  - role: R\n    recruiter: Jo\n";
    Company c = parse_company(text, "c.yaml", "companies/c.yaml", w);
    REQUIRE(w.size() == 3);
    auto has = [&](const std::string& start) {
        return std::any_of(w.begin(), w.end(),
                           [&](const std::string& x) { return x.rfind(start, 0) == 0; });
    };
    CHECK(has("c.yaml:2:1: unknown key 'staus' in a company file (kept, but hired ignores it"));
    CHECK(has("c.yaml:3:1: unknown key 'my_notes' in a company file"));
    CHECK(has("c.yaml:8:5: unknown key 'recruiter' in an application"));
    std::string again = to_yaml(c);
    CHECK(again.find("staus: hot\n") != std::string::npos);
    CHECK(again.find("my_notes:\n  salary: 100k\n  tags:\n    - a\n    - b\n") !=
          std::string::npos);
    CHECK(again.find("    recruiter: Jo\n") != std::string::npos);
}

TEST_CASE("a key that is not text is an error at the key, never dropped or written twice") {
    // Found by fuzz_records: the unknown keys '?' (a real key) and two null
    // keys were each reported as '?', so the '?' entry was kept three times
    // and written three times (a file hired could not read back), and the
    // null keys were dropped although the warning said "kept".
    hired::tracker::Warnings w;
    auto error = [&](const std::string& text) {
        try {
            parse_lesson(text, "l.yaml", "lessons/2026-01-02-l.yaml", w);
        } catch (const hired::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error("text: onsite\n\"?\": long\nnull: x\n") ==
          "l.yaml:3:1: a key in a lesson file is null ('null', '~' or nothing), not text: quote "
          "it (\"null\") if you mean the word");
    CHECK(error("text: onsite\n? {a: b}\n: x\n").find("l.yaml:2:3: a key in a lesson file is a "
                                                       "map, not text") == 0);
    // A text key named '?' is kept once, and the file reads back.
    w.clear();
    Lesson l = parse_lesson("text: onsite\n\"?\": long\n\"null\": x\n", "l.yaml",
                            "lessons/2026-01-02-l.yaml", w);
    CHECK(w.size() == 2);
    std::string again = to_yaml(l);
    CHECK(again == "text: onsite\n\"?\": long\n\"null\": x\n");
    CHECK(to_yaml(parse_lesson(again, "l.yaml", "lessons/2026-01-02-l.yaml", w)) == again);
}

TEST_CASE("hand-written shorthand is read: scalar questions, lessons and interviewers") {
    hired::tracker::Warnings w;
    std::string text = "name: Acme\napplications:\n  - role: R\n    rounds:\n      - kind: onsite\n"
                       "        date: 2026-03-01\n        interviewers: [\"Sam (EM)\"]\n"
                       "        questions: [Design a cache]\n        lessons: [Slow down]\n";
    Company c = parse_company(text, "c.yaml", "companies/c.yaml", w);
    const Round& r = c.applications[0].rounds[0];
    CHECK(r.interviewers[0].name == "Sam");
    CHECK(r.interviewers[0].role == "EM");
    CHECK(r.questions[0].text == "Design a cache");
    CHECK(r.lessons[0].text == "Slow down");
    // Ids are given on the next write.
    assign_missing_ids(c);
    CHECK(c.applications[0].id.size() == 8);
    CHECK(r.lessons[0].id.size() == 8);
}

TEST_CASE("the store finds records by name, reading the slug's file first") {
    MemoryFiles files;
    files.files["companies/acme.yaml"] = "name: Acme\n";
    files.files["companies/acme-2.yaml"] = "name: ACME!\n";
    files.files["companies/broken.yaml"] = "name: [\n";
    Store store(files);
    // The slug's file is it: the broken file is never read.
    CHECK(store.find_company("acme")->file == "companies/acme.yaml");
    // Other names scan the files whose text may hold the name, and a broken
    // one on the way is an error naming it.
    files.files["companies/broken.yaml"] = "name: [Globex\n";
    std::string msg = error_of([&] { store.find_company("Globex"); });
    CHECK(msg.find("j/companies/broken.yaml:") == 0);
    // A file that cannot hold the name is not parsed, when its text surely
    // keeps to the plain layout (tracker/layout.hpp); one that does not (an
    // open bracket, an alias) is parsed, and so reported, whatever the name.
    files.files["companies/broken.yaml"] = "name: [\n";
    msg = error_of([&] { store.find_company("Globex"); });
    CHECK(msg.find("j/companies/broken.yaml:") == 0);
    files.files["companies/broken.yaml"] = "name: Initech\nnotes: a\n b: c\n";
    CHECK_FALSE(store.find_company("Globex"));
    msg = error_of([&] { store.company("Globex"); });
    CHECK(msg.find("j/companies/broken.yaml:") == 0);
    files.files.erase("companies/broken.yaml");
    CHECK(store.find_company("acme!")->file == "companies/acme-2.yaml");
    CHECK(store.find_company("acme-2")->name == "ACME!"); // by file stem
    CHECK_FALSE(store.find_company("acme-2", false));
    msg = error_of([&] { store.company("Acm"); });
    CHECK(msg.find("unknown company 'Acm'; did you mean ") == 0);
    CHECK(msg.find("'Acme'") != std::string::npos);
    CHECK(store.new_file(kCompanies, "acme") == "companies/acme-3.yaml");
    CHECK(store.new_file(kCompanies, "globex") == "companies/globex.yaml");
}

TEST_CASE("events are found by id or by name, the latest of that name first") {
    MemoryFiles files;
    files.files["events/2026-01-05-rust-meetup.yaml"] = "name: Rust meetup\ndate: 2026-01-05\n";
    files.files["events/2026-02-02-rust-meetup.yaml"] = "name: Rust meetup\ndate: 2026-02-02\n";
    Store store(files);
    CHECK(store.find_event("rust meetup")->id() == "2026-02-02-rust-meetup");
    CHECK(store.find_event("2026-01-05-rust-meetup")->date == d("2026-01-05"));
    CHECK(error_of([&] { store.event("Rust meetp"); }).find("did you mean 'Rust meetup'") !=
          std::string::npos);
}

TEST_CASE("staged files see their own writes") {
    hired::tracker::Journal journal("/nonexistent/hired-test-journal");
    StagedFiles staged(journal, nullptr);
    staged.write("contacts/dana-li.yaml", "name: Dana Li\n");
    CHECK(staged.read("contacts/dana-li.yaml") == "name: Dana Li\n");
    CHECK(staged.list(kContacts) == std::vector<std::string>{"contacts/dana-li.yaml"});
    Store store(staged);
    CHECK(store.find_contact("dana li"));
    CHECK(store.new_file(kContacts, "dana-li") == "contacts/dana-li-2.yaml");
}
