#include "schedule.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace hired::practice {

namespace {
constexpr std::array<std::string_view, 4> kRatingNames = {"again", "hard", "good", "easy"};

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
} // namespace

std::string_view to_string(Rating r) {
    return kRatingNames[static_cast<size_t>(r)];
}

std::optional<Rating> parse_rating(std::string_view s) {
    for (size_t i = 0; i < kRatingNames.size(); ++i) {
        std::string_view name = kRatingNames[i];
        if (name.size() == s.size() && std::equal(name.begin(), name.end(), s.begin(),
                                                  [](char a, char b) { return a == lower(b); }))
            return static_cast<Rating>(i);
    }
    return std::nullopt;
}

int quality(const Review& r) {
    int q = 0;
    if (r.rating) {
        switch (*r.rating) {
        case Rating::again:
            q = 1;
            break;
        case Rating::hard:
            q = 3;
            break;
        case Rating::good:
            q = 4;
            break;
        case Rating::easy:
            q = 5;
            break;
        }
    } else {
        q = r.accepted ? 4 : 2;
    }
    if (r.budget_minutes > 0) {
        if (r.elapsed_minutes > 2 * r.budget_minutes)
            q -= 2;
        else if (r.elapsed_minutes > r.budget_minutes)
            q -= 1;
    }
    if (!r.accepted) q = std::min(q, 2);
    return std::clamp(q, 0, 5);
}

Schedule next_schedule(const Schedule& s, int q, int64_t day) {
    q = std::clamp(q, 0, 5);
    Schedule n = s;
    if (q < 3) {
        n.repetitions = 0;
        n.interval_days = 1;
    } else {
        n.repetitions = s.repetitions + 1;
        if (n.repetitions == 1)
            n.interval_days = 1;
        else if (n.repetitions == 2)
            n.interval_days = 6;
        else
            n.interval_days = static_cast<int>(std::lround(std::max(1, s.interval_days) * s.ease));
    }
    int d = 5 - q;
    double ease = s.ease + 0.1 - d * (0.08 + d * 0.02);
    // Two decimals keep the files tidy and the sequence exact across machines.
    ease = std::round(ease * 100) / 100;
    n.ease = std::max(kMinEase, ease);
    n.due = day + n.interval_days;
    return n;
}

} // namespace hired::practice
