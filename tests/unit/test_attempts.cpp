// Practice attempt records (tracker/attempts.hpp): date-times, the file
// format read back exactly, errors with file:line:col, the schedule moving
// with each attempt, status, streaks and the statistics of practice stats.
#include "tracker/attempts.hpp"

#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace hired;
using namespace hired::tracker;

namespace {

Attempt attempt(const std::string& day, const std::string& verdict,
                std::optional<practice::Rating> rating, int minutes = 15,
                const std::string& id = "") {
    Attempt a;
    a.id = id;
    a.started = day + "T09:00:00+01:00";
    a.finished =
        day + "T09:" + (minutes < 10 ? "0" : "") + std::to_string(minutes % 60) + ":00+01:00";
    a.elapsed_minutes = minutes;
    a.verdict = verdict;
    a.rating = rating;
    return a;
}

practice::Problem problem(const std::string& id, practice::Difficulty d,
                          std::vector<std::string> tags, int minutes = 20) {
    practice::Problem p;
    p.id = id;
    p.title = id;
    p.difficulty = d;
    p.tags = std::move(tags);
    p.minutes = minutes;
    return p;
}

std::string error_of(const std::string& text, const std::string& rel = "practice/two-sum.yaml") {
    Warnings w;
    try {
        parse_practice(text, "j/" + rel, rel, w);
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        return e.what();
    }
    return "";
}

Date day(const char* s) {
    return *Date::parse(s);
}

} // namespace

TEST_CASE("date-times: offsets, Z, and what is refused") {
    auto a = parse_datetime("2026-12-02T09:14:05+01:00");
    auto b = parse_datetime("2026-12-02T08:14:05Z");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    CHECK(*b == day("2026-12-02").days() * 86400 + 8 * 3600 + 14 * 60 + 5);
    CHECK(parse_datetime("2026-12-02 08:14Z") == *b - 5);
    CHECK(parse_datetime("2026-12-02T08:14:05.250Z") == *b);
    CHECK(parse_datetime("2026-12-02T03:14:05-0500") == *b);
    CHECK_FALSE(parse_datetime("2026-12-02T08:14:05"));  // no offset
    CHECK_FALSE(parse_datetime("2026-02-30T08:14:05Z")); // no such day
    CHECK_FALSE(parse_datetime("2026-12-02T24:00:00Z"));
    CHECK_FALSE(parse_datetime("2026-12-02T08:14:05Zjunk"));
    CHECK_FALSE(parse_datetime("2026-12-02"));
    CHECK_FALSE(parse_datetime(""));
    for (int64_t t : {int64_t{0}, int64_t{1764666845}, int64_t{1782000000}}) {
        std::string s = local_datetime(t);
        INFO(s);
        CHECK(parse_datetime(s) == t);
    }
}

TEST_CASE("practice_path refuses ids that are not ids") {
    CHECK(practice_path("two-sum") == "practice/two-sum.yaml");
    CHECK_THROWS_AS(practice_path("../x"), Error);
    CHECK_THROWS_AS(practice_path("a/b"), Error);
    CHECK_THROWS_AS(practice_path(""), Error);
}

TEST_CASE("a practice file reads back exactly") {
    PracticeRecord r;
    r.problem = "two-sum";
    r.file = "practice/two-sum.yaml";
    Attempt a = attempt("2026-12-02", "WA", practice::Rating::hard, 25, "0badc0de");
    a.budget_minutes = 20;
    a.passed = 3;
    a.total = 12;
    a.runs = 4;
    a.cpu_ms = 12.34;
    a.language = "cpp";
    a.note = "off by one: \"i <= n\"\nsecond line: # not a comment";
    add_attempt(r, a, 20);
    add_attempt(r, attempt("2026-12-03", "AC", practice::Rating::good, 18), 20);
    std::string text = to_yaml(r);
    Warnings w;
    PracticeRecord back = parse_practice(text, "label", r.file, w);
    CHECK(w.empty());
    CHECK(back.problem == "two-sum");
    CHECK(back.schedule == r.schedule);
    REQUIRE(back.attempts.size() == 2);
    const Attempt& b = back.attempts[0];
    CHECK(b.id == "0badc0de");
    CHECK(b.started == a.started);
    CHECK(b.finished == a.finished);
    CHECK(b.elapsed_minutes == 25);
    CHECK(b.budget_minutes == 20);
    CHECK(b.verdict == "WA");
    CHECK(b.passed == 3);
    CHECK(b.total == 12);
    CHECK(b.runs == 4);
    CHECK(b.cpu_ms == Approx(12.3));
    CHECK(b.language == "cpp");
    CHECK(b.rating == practice::Rating::hard);
    CHECK(b.note == a.note);
    CHECK(back.attempts[1].id.size() == 8); // a new id for the attempt that had none
    CHECK(to_yaml(back) == text);
    CHECK(text.find("problem: two-sum\n") == 0);
    CHECK(text.find("due: 2026-12-04") != std::string::npos);
}

TEST_CASE(
    "hand-written files: unknown keys kept, defaults filled, ids assigned on the next write") {
    std::string text = "problem: two-sum\n"
                       "mood: cheerful\n"
                       "attempts:\n"
                       "  - finished: 2026-12-02T10:00:00Z\n"
                       "    started: 2026-12-02T09:40:00Z\n"
                       "    verdict: ac\n"
                       "    editor: vim\n";
    Warnings w;
    PracticeRecord r = parse_practice(text, "j/practice/two-sum.yaml", "practice/two-sum.yaml", w);
    REQUIRE(w.size() == 2);
    CHECK(w[0].find("j/practice/two-sum.yaml:7:5: unknown key 'editor'") == 0);
    CHECK(w[1].find("j/practice/two-sum.yaml:2:1: unknown key 'mood'") == 0);
    REQUIRE(r.attempts.size() == 1);
    CHECK(r.attempts[0].verdict == "AC");
    CHECK(r.attempts[0].elapsed_minutes == 20); // from started and finished
    CHECK(r.attempts[0].day() == day("2026-12-02"));
    CHECK(r.schedule == practice::Schedule{});
    add_attempt(r, attempt("2026-12-05", "AC", std::nullopt), 20);
    CHECK_FALSE(r.attempts[0].id.empty());
    std::string out = to_yaml(r);
    CHECK(out.find("mood: cheerful") != std::string::npos);
    CHECK(out.find("editor: vim") != std::string::npos);
}

TEST_CASE("bad practice files name file:line:col") {
    CHECK(
        error_of(
            "problem: two-sum\nattempts:\n  - finished: 2026-12-02T10:00:00Z\n    verdict: WRONG\n")
            .find("j/practice/two-sum.yaml:4:14: 'verdict' must be one of AC") == 0);
    CHECK(error_of("problem: two-sum\nattempts:\n  - verdict: AC\n")
              .find("j/practice/two-sum.yaml:3:5:") == 0);
    CHECK(error_of("problem: two-sum\nattempts:\n  - verdict: AC\n")
              .find("missing required field 'finished'") != std::string::npos);
    CHECK(error_of("problem: other\n")
              .find("j/practice/two-sum.yaml:1:10: 'problem' is 'other' but the file is") == 0);
    CHECK(error_of("problem: two-sum\nschedule: {ease: 0.5}\n")
              .find("j/practice/two-sum.yaml:2:18: 'ease' must be between") == 0);
    CHECK(error_of("problem: two-sum\nschedule:\n  due: tomorrow\n")
              .find(":3:8: 'due' must be a date") != std::string::npos);
    CHECK(error_of("problem: two-sum\nattempts: 3\n").find(":2:11: 'attempts' must be a list") !=
          std::string::npos);
    CHECK(error_of("problem: two-sum\nattempts:\n  - id: aa\n    finished: 2026-12-02T10:00:00Z\n"
                   "  - id: aa\n    finished: 2026-12-02T11:00:00Z\n")
              .find(":5:5: two attempts have the id 'aa'") != std::string::npos);
    CHECK(error_of(
              "problem: two-sum\nattempts:\n  - finished: 2026-12-02T10:00:00Z\n    rating: meh\n")
              .find(":4:13: 'rating' must be again, hard, good or easy") != std::string::npos);
    CHECK(error_of("").find("must be a map") != std::string::npos);
    CHECK(error_of("- a\n- b\n").find("must be a map") != std::string::npos);
    CHECK(error_of("attempts: []\n").find("missing required field 'problem'") != std::string::npos);
}

TEST_CASE("each attempt moves the schedule; replay gives the same") {
    PracticeRecord r;
    r.problem = "p";
    CHECK(add_attempt(r, attempt("2026-12-01", "AC", practice::Rating::good), 20) == 4);
    CHECK(r.due() == day("2026-12-02"));
    CHECK(add_attempt(r, attempt("2026-12-02", "AC", practice::Rating::good), 20) == 4);
    CHECK(r.due() == day("2026-12-08"));
    CHECK(add_attempt(r, attempt("2026-12-08", "AC", practice::Rating::good, 50), 20) ==
          2); // over twice the budget
    CHECK(r.due() == day("2026-12-09"));
    CHECK(r.schedule.repetitions == 0);
    CHECK(add_attempt(r, attempt("2026-12-09", "TLE", practice::Rating::easy), 20) == 2);
    CHECK(r.due() == day("2026-12-10"));
    CHECK(replay(r.attempts, 20) == r.schedule);
    // Order does not matter to replay: it goes by finished.
    auto shuffled = r.attempts;
    std::swap(shuffled[0], shuffled[3]);
    CHECK(replay(shuffled, 20) == r.schedule);
    // An attempt's own budget wins over the default.
    Attempt a = attempt("2026-12-01", "AC", practice::Rating::good, 30);
    a.budget_minutes = 45;
    CHECK(practice::quality(review_of(a, 20)) == 4);
    a.budget_minutes.reset();
    CHECK(practice::quality(review_of(a, 20)) == 3);
}

TEST_CASE("status: new, attempted, solved, due") {
    Date today = day("2026-12-10");
    CHECK(status_of(nullptr) == PracticeStatus::fresh);
    PracticeRecord r;
    r.problem = "p";
    CHECK(status_of(&r) == PracticeStatus::fresh);
    add_attempt(r, attempt("2026-12-08", "WA", std::nullopt), 20);
    CHECK(status_of(&r) == PracticeStatus::attempted);
    CHECK(is_due(&r, today)); // a failure is due the next day
    add_attempt(r, attempt("2026-12-09", "AC", practice::Rating::good), 20);
    CHECK(status_of(&r) == PracticeStatus::solved);
    CHECK(r.due() == day("2026-12-10"));
    CHECK(is_due(&r, today));
    CHECK_FALSE(is_due(&r, day("2026-12-09")));
    CHECK(to_string(PracticeStatus::fresh) == "new");
    CHECK(parse_status_filter("Due") == StatusFilter::due);
    CHECK(parse_status_filter("new") == StatusFilter::fresh);
    CHECK_FALSE(parse_status_filter("done"));
    CHECK(matches(StatusFilter::solved, &r, today));
    CHECK(matches(StatusFilter::due, &r, today));
    CHECK_FALSE(matches(StatusFilter::attempted, &r, today));
    CHECK(matches(StatusFilter::fresh, nullptr, today));
    CHECK_FALSE(matches(StatusFilter::due, nullptr, today));
}

TEST_CASE("streaks end today or yesterday") {
    Date t = day("2026-12-10");
    CHECK(streaks({}, t).current == 0);
    auto s = streaks(
        {t, t.plus_days(-1), t.plus_days(-2), t.plus_days(-1), t.plus_days(-5), t.plus_days(-6)},
        t);
    CHECK(s.current == 3);
    CHECK(s.longest == 3);
    s = streaks({t.plus_days(-1), t.plus_days(-2)}, t);
    CHECK(s.current == 2); // yesterday still counts: today is not over
    s = streaks({t.plus_days(-2), t.plus_days(-3), t.plus_days(-4), t.plus_days(-5)}, t);
    CHECK(s.current == 0);
    CHECK(s.longest == 4);
    s = streaks({t.plus_days(1)}, t); // a clock in the future does not count
    CHECK(s.current == 0);
    CHECK(s.longest == 0);
}

TEST_CASE("practice stats: solved by difficulty and tag, weeks, days, weak spots") {
    using practice::Difficulty;
    std::vector<practice::Problem> bank = {
        problem("a", Difficulty::easy, {"array", "hash-map"}),
        problem("b", Difficulty::easy, {"array"}),
        problem("c", Difficulty::medium, {"graph"}, 30),
        problem("d", Difficulty::hard, {"graph", "dfs"}, 50),
    };
    Date today = day("2026-12-10"); // a Thursday
    PracticeIndex idx;
    auto add = [&](const std::string& id, Attempt a) {
        auto& r = idx[id];
        r.problem = id;
        add_attempt(r, std::move(a), 20);
    };
    add("a", attempt("2026-12-08", "AC", practice::Rating::good, 10));
    add("c", attempt("2026-12-09", "WA", std::nullopt, 40));
    add("c", attempt("2026-12-10", "WA", std::nullopt, 20));
    add("d", attempt("2026-12-10", "AC", practice::Rating::hard, 55));
    add("gone", attempt("2026-11-01", "AC", std::nullopt, 5)); // no longer in the bank
    PracticeStats st = practice_stats(bank, idx, today);
    CHECK(st.overall.total == 4);
    CHECK(st.overall.attempted == 3);
    CHECK(st.overall.solved == 2);
    CHECK(st.overall.attempts == 5);
    CHECK(st.overall.failures == 2);
    CHECK(st.by_difficulty["easy"].solved == 1);
    CHECK(st.by_difficulty["easy"].total == 2);
    CHECK(st.by_difficulty["medium"].attempted == 1);
    CHECK(st.by_difficulty["medium"].solved == 0);
    CHECK(st.by_difficulty["hard"].solved == 1);
    REQUIRE(st.by_tag.size() == 4);
    CHECK(st.by_tag[0].tag == "array");
    CHECK(st.by_tag[0].tally.solved == 1);
    CHECK(st.by_tag[0].tally.total == 2);
    CHECK(st.by_tag[2].tag == "graph");
    CHECK(st.by_tag[2].tally.failures == 2);
    CHECK(st.current_streak == 3);
    CHECK(st.longest_streak == 3);
    CHECK(st.last_day == today);
    REQUIRE(st.per_day.size() == 30);
    CHECK(st.per_day[29] == 2);
    CHECK(st.per_day[28] == 1);
    CHECK(st.per_day[27] == 1);
    CHECK(st.per_day[0] == 0);
    REQUIRE(st.weeks.size() == 8);
    CHECK(st.weeks[7].start == day("2026-12-07"));
    CHECK(st.weeks[0].start == day("2026-10-19"));
    CHECK(st.weeks[7].attempts == 4);
    // Minutes 10, 40, 20, 55: median 30. Budgets (a problem's own: 20, 30, 30, 50) — the
    // attempts here carry none, so the problem's minutes count: 50%, 133%, 67%, 110%.
    CHECK(*st.weeks[7].median_minutes == Approx(30));
    CHECK(*st.weeks[7].median_budget_pct == Approx((66.6667 + 110) / 2).epsilon(0.001));
    CHECK(st.weeks[7].over_budget == 2);
    CHECK_FALSE(st.weeks[6].median_minutes);
    // Only graph failed: array, hash-map and dfs solved all they tried.
    REQUIRE(st.weak.size() == 1);
    CHECK(st.weak[0].tag == "graph");
    CHECK(st.weak[0].tally.solve_rate() == Approx(0.5));
    // a (good on the 8th) is due on the 9th; c and d failed or ran over: due tomorrow.
    CHECK(st.due == 1);
}
