// When to practise a problem again: an SM-2-style spaced-repetition rule.
// Pure functions over plain values (days are counted since 1970-01-01), so
// the tracker can store the state and the tests can replay sequences.
//
// The rule (the README copies it):
//
//   State per problem: ease (starts at 2.5, never below 1.3), interval_days
//   (0 before the first attempt), repetitions (successful reviews in a row)
//   and the due day.
//
//   An attempt's quality q (0..5) comes from three things:
//     1. the rating, when the user gave one: again = 1, hard = 3, good = 4,
//        easy = 5; without one, 4 for an accepted run and 2 otherwise;
//     2. the clock against the problem's budget (`minutes`): over the budget
//        lowers q by 1, over twice the budget by 2;
//     3. the verdict: anything but AC (WA, TLE, ..., or no run at all) caps
//        q at 2, whatever the rating said ("again").
//   q is clamped to 0..5.
//
//   Then:
//     q < 3:  repetitions = 0, interval = 1 day;
//     q >= 3: repetitions += 1; interval = 1 day for the first, 6 days for
//             the second, then round(interval * ease) (half away from zero)
//             using the ease from before this attempt;
//     ease += 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02), for every attempt,
//             rounded to 2 decimals and never below 1.3;
//     due = the day of the attempt + interval.
//
//   So "good" every time gives intervals 1, 6, 15, 38, 95 (ease stays 2.5);
//   "hard" every time 1, 6, 13, 27 (ease 2.36, 2.22, 2.08, 1.94); a failed
//   attempt brings the problem back the next day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hired::practice {

enum class Rating { again, hard, good, easy };

std::string_view to_string(Rating r);
// Case-insensitive; nullopt when not one of again, hard, good, easy.
std::optional<Rating> parse_rating(std::string_view s);

inline constexpr double kStartEase = 2.5;
inline constexpr double kMinEase = 1.3;

struct Schedule {
    double ease = kStartEase;
    int interval_days = 0;
    int repetitions = 0;
    std::optional<int64_t> due; // days since the epoch; none before the first attempt

    friend bool operator==(const Schedule&, const Schedule&) = default;
};

// What the rule looks at in one attempt.
struct Review {
    bool accepted = false;        // the last run's verdict was AC
    std::optional<Rating> rating; // the user's, when given
    int elapsed_minutes = 0;
    int budget_minutes = 0; // 0: no budget, no time penalty
};

// The attempt's quality, 0..5 (rule steps 1-3).
int quality(const Review& r);

// The schedule after an attempt of quality q (0..5) made on day.
Schedule next_schedule(const Schedule& s, int q, int64_t day);

// Both in one: quality(r), then next_schedule.
inline Schedule review(const Schedule& s, const Review& r, int64_t day) {
    return next_schedule(s, quality(r), day);
}

} // namespace hired::practice
