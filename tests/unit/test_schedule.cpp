// The spaced-repetition rule (practice/schedule.hpp): quality from verdict,
// clock and rating, and the exact sequences of intervals and ease it gives.
#include "practice/schedule.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace hired::practice;

namespace {

Review accepted(std::optional<Rating> r, int elapsed = 10, int budget = 20) {
    return {true, r, elapsed, budget};
}
Review failed(std::optional<Rating> r, int elapsed = 10, int budget = 20) {
    return {false, r, elapsed, budget};
}

struct Step {
    int interval;
    double ease;
    int repetitions;
};

// Applies q on consecutive review days and checks every step.
void expect_sequence(const std::vector<int>& qs, const std::vector<Step>& want) {
    REQUIRE(qs.size() == want.size());
    Schedule s;
    int64_t day = 20000;
    for (size_t i = 0; i < qs.size(); ++i) {
        s = next_schedule(s, qs[i], day);
        INFO("step " << i + 1 << " q=" << qs[i]);
        CHECK(s.interval_days == want[i].interval);
        CHECK(s.ease == Approx(want[i].ease).margin(1e-9));
        CHECK(s.repetitions == want[i].repetitions);
        REQUIRE(s.due);
        CHECK(*s.due == day + want[i].interval);
        day = *s.due;
    }
}

} // namespace

TEST_CASE("ratings have names") {
    CHECK(to_string(Rating::again) == "again");
    CHECK(to_string(Rating::easy) == "easy");
    CHECK(parse_rating("Good") == Rating::good);
    CHECK(parse_rating("HARD") == Rating::hard);
    CHECK_FALSE(parse_rating("great"));
    CHECK_FALSE(parse_rating(""));
}

TEST_CASE("quality: the rating dominates, then the clock, then the verdict caps it") {
    struct Row {
        Review review;
        int q;
    };
    std::vector<Row> rows = {
        {accepted(Rating::again), 1},
        {accepted(Rating::hard), 3},
        {accepted(Rating::good), 4},
        {accepted(Rating::easy), 5},
        {accepted(std::nullopt), 4}, // no rating, accepted: good
        {failed(std::nullopt), 2},   // no rating, failed: again
        {failed(Rating::easy), 2},   // a failed run caps q at 2 whatever the rating
        {failed(Rating::again), 1},
        {accepted(Rating::good, 20, 20), 4}, // at the budget is not over it
        {accepted(Rating::good, 21, 20), 3}, // over the budget: -1
        {accepted(Rating::good, 40, 20), 3}, // twice the budget is still only over it
        {accepted(Rating::good, 41, 20), 2}, // over twice the budget: -2
        {accepted(Rating::easy, 41, 20), 3},
        {accepted(Rating::again, 41, 20), 0}, // clamped at 0
        {failed(Rating::easy, 41, 20), 2},    // 5 - 2 = 3, then capped at 2
        {failed(std::nullopt, 41, 20), 0},    // 2 - 2
        {accepted(Rating::good, 500, 0), 4},  // no budget, no penalty
    };
    for (size_t i = 0; i < rows.size(); ++i) {
        INFO("row " << i);
        CHECK(quality(rows[i].review) == rows[i].q);
    }
}

TEST_CASE("good every time: 1, 6, 15, 38, 95 days, ease unchanged") {
    expect_sequence({4, 4, 4, 4, 4},
                    {{1, 2.5, 1}, {6, 2.5, 2}, {15, 2.5, 3}, {38, 2.5, 4}, {95, 2.5, 5}});
}

TEST_CASE("easy every time: ease grows by 0.1") {
    expect_sequence({5, 5, 5, 5}, {{1, 2.6, 1}, {6, 2.7, 2}, {16, 2.8, 3}, {45, 2.9, 4}});
}

TEST_CASE("hard every time: ease shrinks by 0.14") {
    expect_sequence({3, 3, 3, 3}, {{1, 2.36, 1}, {6, 2.22, 2}, {13, 2.08, 3}, {27, 1.94, 4}});
}

TEST_CASE("a failure resets the repetitions and comes back tomorrow") {
    // good, good, good, then a failed attempt (q 2), then good again.
    expect_sequence({4, 4, 4, 2, 4, 4, 4}, {{1, 2.5, 1},
                                            {6, 2.5, 2},
                                            {15, 2.5, 3},
                                            {1, 2.18, 0},
                                            {1, 2.18, 1},
                                            {6, 2.18, 2},
                                            {13, 2.18, 3}});
}

TEST_CASE("ease never falls below 1.3") {
    // again (q 1): -0.54 each time; blackout (q 0): -0.8.
    expect_sequence({1, 1, 1, 0}, {{1, 1.96, 0}, {1, 1.42, 0}, {1, 1.3, 0}, {1, 1.3, 0}});
    // Hard reviews at the floor still grow the interval by 1.3.
    Schedule s{1.3, 10, 3, std::nullopt};
    s = next_schedule(s, 3, 0);
    CHECK(s.interval_days == 13);
    CHECK(s.ease == Approx(1.3));
}

TEST_CASE("review() is quality() then next_schedule()") {
    Schedule s;
    s = review(s, accepted(Rating::good), 100);
    CHECK(s == Schedule{2.5, 1, 1, 101});
    s = review(s, accepted(Rating::good, 30, 20), 101); // over budget: hard
    CHECK(s == Schedule{2.36, 6, 2, 107});
    s = review(s, failed(Rating::good), 107); // a wrong answer: again
    CHECK(s == Schedule{2.04, 1, 0, 108});
}

TEST_CASE("out-of-range qualities are clamped") {
    Schedule a = next_schedule({}, 9, 0), b = next_schedule({}, 5, 0);
    CHECK(a == b);
    Schedule c = next_schedule({}, -3, 0), d = next_schedule({}, 0, 0);
    CHECK(c == d);
}
