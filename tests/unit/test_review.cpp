// Review (tracker/review.hpp): the lesson ranking as a table, what to
// practise next, topics in text, and the briefing put together.
#include "tracker/review.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace hired;
using namespace hired::tracker;
using practice::Difficulty;

namespace {

Date day(const char* s) {
    return *Date::parse(s);
}

practice::Problem problem(const std::string& id, Difficulty d, std::vector<std::string> tags,
                          std::string title = "") {
    practice::Problem p;
    p.id = id;
    p.title = title.empty() ? id : title;
    p.difficulty = d;
    p.tags = std::move(tags);
    p.minutes = 20;
    return p;
}

Attempt attempt(const std::string& d, const std::string& verdict,
                std::optional<practice::Rating> r = std::nullopt) {
    Attempt a;
    a.started = d + "T09:00:00Z";
    a.finished = d + "T09:15:00Z";
    a.elapsed_minutes = 15;
    a.verdict = verdict;
    a.rating = r;
    return a;
}

LessonFacts facts(const std::string& text, const std::string& company,
                  std::optional<RoundKind> kind, std::optional<Outcome> outcome,
                  std::optional<Date> date, std::vector<std::string> tags = {}) {
    LessonFacts f;
    f.lesson.text = text;
    f.lesson.source.company = company;
    f.lesson.date = date;
    f.lesson.tags = std::move(tags);
    f.round_kind = kind;
    f.round_outcome = outcome;
    return f;
}

std::vector<std::string> ids(const std::vector<NextPick>& picks, size_t n = 100) {
    std::vector<std::string> out;
    for (size_t i = 0; i < picks.size() && i < n; ++i)
        out.push_back(picks[i].problem->id);
    return out;
}

} // namespace

TEST_CASE("lesson score: each part, as a table") {
    const Date today = day("2026-12-10");
    LessonQuery q{"Acme", RoundKind::technical, {"graph", "Heap"}, today};
    struct Row {
        LessonFacts lesson;
        int score;
    };
    std::vector<Row> rows = {
        {facts("nothing in common", "", std::nullopt, std::nullopt, std::nullopt), 0},
        {facts("same company", "acme", std::nullopt, std::nullopt, std::nullopt), 5},
        {facts("same kind elsewhere", "Beta", RoundKind::technical, Outcome::passed, std::nullopt),
         3},
        {facts("other kind", "Beta", RoundKind::behavioral, Outcome::passed, std::nullopt), 0},
        {facts("one shared tag", "", std::nullopt, std::nullopt, std::nullopt, {"graph", "array"}),
         2},
        {facts("two shared tags", "", std::nullopt, std::nullopt, std::nullopt, {"GRAPH", "heap"}),
         4},
        {facts("failed round", "Beta", RoundKind::onsite, Outcome::failed, std::nullopt), 2},
        {facts("30 days old", "", std::nullopt, std::nullopt, today.plus_days(-30)), 2},
        {facts("31 days old", "", std::nullopt, std::nullopt, today.plus_days(-31)), 1},
        {facts("180 days old", "", std::nullopt, std::nullopt, today.plus_days(-180)), 1},
        {facts("181 days old", "", std::nullopt, std::nullopt, today.plus_days(-181)), 0},
        {facts("dated later", "", std::nullopt, std::nullopt, today.plus_days(3)), 2},
        {facts("everything", "Acme", RoundKind::technical, Outcome::failed, today.plus_days(-2),
               {"graph", "heap"}),
         5 + 3 + 2 + 2 + 2 + 2},
    };
    for (const auto& r : rows) {
        INFO(r.lesson.lesson.text);
        std::vector<std::string> reasons;
        CHECK(lesson_score(r.lesson, q, &reasons) == r.score);
        CHECK(reasons.empty() == (r.score == 0));
    }
    std::vector<std::string> reasons;
    lesson_score(rows.back().lesson, q, &reasons);
    CHECK(reasons == std::vector<std::string>{"this company +5", "technical round +3",
                                              "tag graph +2", "tag heap +2", "failed round +2",
                                              "recent +2"});
    // Without a company, nothing is "this company".
    LessonQuery none{"", std::nullopt, {}, today};
    CHECK(lesson_score(rows[1].lesson, none) == 0);
}

TEST_CASE("lesson ranking: by score, then newest first, undated last") {
    const Date today = day("2026-12-10");
    LessonQuery q{"Acme", RoundKind::technical, {"graph"}, today};
    std::vector<LessonFacts> in = {
        facts("old acme", "Acme", RoundKind::phone_screen, Outcome::passed, day("2025-01-01")), // 5
        facts("graph elsewhere, recent", "Beta", RoundKind::technical, Outcome::passed,
              day("2026-12-01"), {"graph"}), // 3+2+2 = 7
        facts("acme failed technical", "Acme", RoundKind::technical, Outcome::failed,
              day("2026-11-20")),                                               // 5+3+2+2 = 12
        facts("undated tie", "Acme", std::nullopt, std::nullopt, std::nullopt), // 5
        facts("newer tie", "Acme", std::nullopt, std::nullopt,
              day("2025-06-01")),                                       // 5 (over 180 days)
        facts("nothing", "", std::nullopt, std::nullopt, std::nullopt), // 0
    };
    auto ranked = rank_lessons(in, q);
    std::vector<std::string> order;
    std::vector<int> scores;
    for (const auto& r : ranked) {
        order.push_back(r.facts.lesson.text);
        scores.push_back(r.score);
    }
    CHECK(order == std::vector<std::string>{"acme failed technical", "graph elsewhere, recent",
                                            "newer tie", "old acme", "undated tie", "nothing"});
    CHECK(scores == std::vector<int>{12, 7, 5, 5, 5, 0});
}

TEST_CASE("lesson facts: round lessons and stand-alone lessons pointing at a round") {
    Company c;
    c.name = "Acme";
    Application a;
    a.id = "app1";
    a.role = "SRE";
    Round r;
    r.id = "r1";
    r.kind = RoundKind::system_design;
    r.outcome = Outcome::failed;
    r.date = day("2026-11-01");
    Lesson inside;
    inside.text = "draw the boxes first";
    r.lessons.push_back(inside);
    a.rounds.push_back(r);
    number_rounds(a);
    c.applications.push_back(a);
    Lesson alone;
    alone.text = "ask about scale";
    alone.source.company = "Acme";
    alone.source.round = "r1";
    Lesson loose;
    loose.text = "sleep well";
    auto f = lesson_facts({c}, {alone, loose});
    REQUIRE(f.size() == 3);
    CHECK(f[0].lesson.text == "ask about scale");
    CHECK(f[0].round_kind == RoundKind::system_design);
    CHECK(f[0].round_outcome == Outcome::failed);
    CHECK(f[0].round_label == "system-design #1");
    CHECK_FALSE(f[1].round_kind);
    CHECK(f[2].lesson.text == "draw the boxes first");
    CHECK(f[2].lesson.source.company == "Acme");
    CHECK(f[2].lesson.date == day("2026-11-01")); // a round lesson without a date has the round's
}

TEST_CASE("topics in text: words, pairs, plurals, synonyms") {
    std::vector<std::string> known = {
        "graph", "hash-map", "dynamic-programming", "two-pointers", "bfs", "heap", "grid"};
    CHECK(topics_in("Shortest path in a grid", known) == std::vector<std::string>{"bfs", "grid"});
    CHECK(topics_in("Graphs! and a Hash Map", known) ==
          std::vector<std::string>{"graph", "hash-map"});
    CHECK(topics_in("classic DP with a priority queue", known) ==
          std::vector<std::string>{"dynamic-programming", "heap"});
    CHECK(topics_in("two pointers from both ends", known) ==
          std::vector<std::string>{"two-pointers"});
    CHECK(topics_in("nothing here", known).empty());
}

TEST_CASE("practice next with no history: easy first, topics spread") {
    std::vector<practice::Problem> bank = {
        problem("e1", Difficulty::easy, {"array", "hash-map"}),
        problem("e2", Difficulty::easy, {"array", "sorting"}),
        problem("e3", Difficulty::easy, {"string"}),
        problem("m1", Difficulty::medium, {"graph"}),
        problem("h1", Difficulty::hard, {"dp"}),
    };
    auto picks = practice_next(bank, {}, day("2026-12-10"));
    // e2 shares 'array' with e1, so the untouched topic of e3 comes between them.
    CHECK(ids(picks) == std::vector<std::string>{"e1", "e3", "e2", "m1", "h1"});
    for (const auto& p : picks)
        CHECK(p.kind == NextKind::fresh);
    CHECK(picks[0].reason == "new, weakest tag: array (never practised)");
}

TEST_CASE("practice next: due first (most overdue first), then weakest tags, then the rest") {
    std::vector<practice::Problem> bank = {
        problem("a", Difficulty::easy, {"array"}),  problem("b", Difficulty::easy, {"array"}),
        problem("c", Difficulty::easy, {"graph"}),  problem("d", Difficulty::medium, {"graph"}),
        problem("e", Difficulty::easy, {"string"}), problem("f", Difficulty::easy, {"array"}),
        problem("g", Difficulty::hard, {"graph"}),
    };
    const Date today = day("2026-12-10");
    PracticeIndex idx;
    auto add = [&](const std::string& id, Attempt a) {
        auto& r = idx[id];
        r.problem = id;
        add_attempt(r, std::move(a), 20);
    };
    add("a", attempt("2026-12-01", "AC", practice::Rating::good)); // due 12-02
    add("b", attempt("2026-12-08", "AC", practice::Rating::good)); // due 12-09
    add("c", attempt("2026-12-10", "WA")); // due 12-11: graph has 1 attempted, 0 solved
    add("f", attempt("2026-12-10", "AC", practice::Rating::easy)); // due 12-11, solved
    auto picks = practice_next(bank, idx, today);
    // Weakness: graph 1 + 1/1 = 2 (nothing solved), string 2 (never practised), array 0 + 1/4.
    CHECK(ids(picks) == std::vector<std::string>{"a", "b", "e", "d", "g", "c", "f"});
    CHECK(picks[0].reason == "due since 2026-12-02");
    CHECK(picks[1].reason == "due since 2026-12-09");
    CHECK(picks[2].reason == "new, weakest tag: string (never practised)");
    CHECK(picks[3].reason == "new, weakest tag: graph (0 of 1 attempted solved)");
    CHECK(picks[5].kind == NextKind::retry);
    CHECK(picks[5].reason == "attempted 2026-12-10, not solved yet");
    CHECK(picks[6].kind == NextKind::review);
    CHECK(picks[6].reason == "solved; next review 2026-12-11");
    // --tag keeps only that tag's problems; due today says so.
    auto graph = practice_next(bank, idx, day("2026-12-11"), std::string("Graph"));
    CHECK(ids(graph) == std::vector<std::string>{"c", "d", "g"});
    CHECK(graph[0].reason == "due today");
}

TEST_CASE("tag weakness") {
    Tally never;
    CHECK(tag_weakness(never) == 2.0);
    Tally t;
    t.attempted = 2;
    t.solved = 1;
    CHECK(tag_weakness(t) == Approx(0.5 + 0.5));
    t.attempted = 3;
    t.solved = 3;
    CHECK(tag_weakness(t) == Approx(0.25));
}

namespace {

// Acme: a passed phone screen, a failed technical round, an onsite to come.
JournalView acme_journal() {
    JournalView v;
    Company c;
    c.name = "Acme";
    c.file = "companies/acme.yaml";
    Application a;
    a.id = "app1";
    a.role = "Backend Engineer";
    a.via = "Dana Li";
    a.source = Source::referral;
    Round r1;
    r1.id = "r1";
    r1.kind = RoundKind::phone_screen;
    r1.date = day("2026-11-10");
    r1.outcome = Outcome::passed;
    r1.interviewers.push_back({"Pat Lee", "Engineer", "Pat Lee", {}, {}});
    r1.questions.push_back({"Shortest path for the coffee run", "coffee-run", {}, {}});
    Round r2;
    r2.id = "r2";
    r2.kind = RoundKind::technical;
    r2.date = day("2026-11-20");
    r2.outcome = Outcome::failed;
    r2.questions.push_back({"Merge sorted logs with a heap", "", {}, {}});
    Lesson l;
    l.id = "l1";
    l.text = "Say the complexity out loud";
    r2.lessons.push_back(l);
    Round r3;
    r3.id = "r3";
    r3.kind = RoundKind::onsite;
    r3.date = day("2026-12-12");
    r3.notes = "expect graphs";
    a.rounds = {r3, r1, r2};
    number_rounds(a);
    c.applications.push_back(a);
    for (auto& app : c.applications)
        for (auto& r : app.rounds)
            for (auto& x : r.lessons)
                x.source = LessonSource{c.name, app.id, r.id, ""};
    v.companies.push_back(c);

    Lesson onsite;
    onsite.text = "Onsites are long: bring water";
    onsite.date = day("2026-07-01");
    onsite.tags = {"graph"};
    Lesson other;
    other.text = "Unrelated";
    other.date = day("2024-01-01");
    v.standalone_lessons = {onsite, other};

    Contact dana;
    dana.name = "Dana Li";
    dana.company = "Acme";
    dana.role = "Staff Engineer";
    dana.met_at = "2026-10-03-rust-meetup";
    Contact pat;
    pat.name = "Pat Lee";
    pat.company = "Elsewhere Inc";
    Contact stranger;
    stranger.name = "Sam";
    stranger.company = "Beta";
    v.contacts = {dana, pat, stranger};
    Event meetup;
    meetup.name = "Rust Meetup";
    meetup.date = day("2026-10-03");
    meetup.file = "events/2026-10-03-rust-meetup.yaml";
    v.events = {meetup};
    return v;
}

std::vector<practice::Problem> bank_for_review() {
    return {
        problem("coffee-run", Difficulty::medium, {"graph", "bfs", "grid"}, "Coffee Run"),
        problem("log-merge", Difficulty::hard, {"heap", "greedy"}, "Log Merge"),
        problem("badge-twins", Difficulty::easy, {"hash-map", "array"}, "Badge Twins"),
        problem("fragile-cables", Difficulty::hard, {"graph", "dfs"}, "Fragile Cables"),
    };
}

} // namespace

TEST_CASE("the briefing for a company") {
    auto view = acme_journal();
    auto bank = bank_for_review();
    PracticeIndex idx;
    auto& fc = idx["fragile-cables"];
    fc.problem = "fragile-cables";
    add_attempt(fc, attempt("2026-12-01", "WA"), 50); // due 12-02
    BriefingQuery q{"acme", std::nullopt, {}, day("2026-12-10")};
    Briefing b = brief(view, bank, idx, q);
    REQUIRE(b.company);
    CHECK(b.company->name == "Acme");
    REQUIRE(b.upcoming.size() == 1);
    CHECK(b.upcoming[0].round.label() == "onsite #3");
    REQUIRE(b.past.size() == 2);
    CHECK(b.past[0].round.label() == "phone-screen #1");
    CHECK(b.past[1].round.label() == "technical #2");
    // The next round sets the focus: its kind, and "graphs" in its notes.
    CHECK(b.focus_kind == RoundKind::onsite);
    CHECK(b.kind_from_next_round);
    CHECK(b.topics == std::vector<std::string>{"graph"});
    REQUIRE(b.lessons.size() == 3);
    CHECK(b.lessons[0].facts.lesson.text ==
          "Say the complexity out loud"); // 5 + 2 failed + 2 recent
    CHECK(b.lessons[0].score == 9);
    CHECK(b.lessons[1].facts.lesson.text ==
          "Onsites are long: bring water"); // graph tag +2, half-year +1
    CHECK(b.lessons[1].score == 3);
    CHECK(b.lessons[2].score == 0);
    // Dana works there and referred; Pat interviewed; Sam is elsewhere.
    REQUIRE(b.contacts.size() == 2);
    CHECK(b.contacts[0].contact.name == "Dana Li");
    REQUIRE(b.contacts[0].met_event);
    CHECK(b.contacts[0].met_event->name == "Rust Meetup");
    CHECK(b.contacts[0].referred == std::vector<std::string>{"Backend Engineer"});
    CHECK(b.contacts[1].contact.name == "Pat Lee");
    CHECK(b.contacts[1].interviewed == std::vector<std::string>{"phone-screen #1"});
    // Problems: the due one first, then the one asked by id, then the heap question's.
    REQUIRE(b.problems.size() >= 3);
    CHECK_FALSE(b.problems_fallback);
    CHECK(b.problems[0].problem->id == "fragile-cables");
    CHECK(b.problems[0].due);
    CHECK(b.problems[0].reasons.front() == "due since 2026-12-02");
    CHECK(b.problems[1].problem->id == "coffee-run");
    CHECK(b.problems[1].reasons == std::vector<std::string>{"asked at Acme, phone-screen #1",
                                                            "lesson tag: graph", "topic: bfs",
                                                            "focus: graph", "title word: coffee"});
    CHECK(b.problems[1].score == 10 + 3 + 2 + 2 + 1);
    CHECK(b.problems[2].problem->id == "log-merge");
    for (const auto& p : b.problems)
        CHECK(p.problem->id != "badge-twins");
    // --kind overrides the next round's kind.
    q.kind = RoundKind::technical;
    Briefing t = brief(view, bank, idx, q);
    CHECK_FALSE(t.kind_from_next_round);
    CHECK(t.lessons[0].score == 12);
}

TEST_CASE("the briefing without a company ranks every lesson; nothing matched falls back to "
          "practice next") {
    auto view = acme_journal();
    auto bank = bank_for_review();
    BriefingQuery q{"", RoundKind::technical, {}, day("2026-12-10")};
    Briefing b = brief(view, bank, {}, q);
    CHECK_FALSE(b.company);
    CHECK(b.upcoming.empty());
    CHECK(b.contacts.empty());
    REQUIRE(b.lessons.size() == 3);
    CHECK(b.lessons[0].facts.lesson.text ==
          "Say the complexity out loud"); // technical +3, failed +2, recent +2
    CHECK(b.lessons[0].score == 7);
    // The technical round's question is about a heap.
    REQUIRE_FALSE(b.problems.empty());
    CHECK(b.problems[0].problem->id == "log-merge");

    JournalView empty;
    Briefing e = brief(empty, bank, {}, BriefingQuery{"", std::nullopt, {}, day("2026-12-10")});
    CHECK(e.lessons.empty());
    CHECK(e.problems_fallback);
    REQUIRE(e.problems.size() == 4);
    CHECK(e.problems[0].problem->id == "badge-twins"); // easy first
}
