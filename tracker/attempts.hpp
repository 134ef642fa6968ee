// Practice attempts in the journal: one file per practised problem,
// practice/<problem-id>.yaml, holding the problem's review schedule and
// every attempt, oldest first:
//
//   problem: two-sum
//   schedule: {ease: 2.50, interval_days: 6, repetitions: 2, due: 2026-12-08}
//   attempts:
//     - id: 3fa9c2d1                       # 8 random hex digits, like every record id
//       started: 2026-12-02T09:14:05+01:00 # ISO date-time, local with offset (or UTC 'Z')
//       finished: 2026-12-02T09:32:40+01:00
//       elapsed_minutes: 18
//       budget_minutes: 20                 # the problem's budget when it was attempted
//       verdict: AC                        # AC, WA, TLE, MLE, RE, OLE, CE, or none (never run)
//       passed: 12
//       total: 12
//       runs: 3
//       cpu_ms: 4.2                        # the slowest case of the last run
//       language: cpp
//       rating: good                       # again | hard | good | easy, when given
//       note: forgot the empty input at first
//
// The schedule is derived state (practice/schedule.hpp): replay() recomputes
// it from the attempts, so a record-by-record merge can take the union of
// the attempts (by id) and replay. Only the one problem's file is touched by
// an attempt; there is no index file. The day of an attempt is the date
// written in `finished`, in the offset it was written in.
//
// Also here: what the attempts say about a problem (new, attempted, solved,
// due) and the statistics of `practice stats`. Pure functions, no printing.
#pragma once

#include "records.hpp"
#include "store.hpp"
#include "yaml_write.hpp"

#include "practice/problem.hpp"
#include "practice/schedule.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::tracker {

// ---- date-times ----------------------------------------------------------------

// ISO 8601 date-time with seconds: 2026-12-02T09:14:05+01:00, or ...Z for UTC.
// Seconds, a fraction of them, and a space instead of 'T' are accepted too;
// the offset is required. nullopt when s is not one.
std::optional<int64_t> parse_datetime(std::string_view s); // seconds since the epoch
// The moment in local time with its UTC offset, e.g. 2026-12-02T09:14:05+01:00.
std::string local_datetime(int64_t epoch_seconds);

// ---- records -------------------------------------------------------------------

struct Attempt {
    std::string id;       // 8 hex digits; given one on the next write when missing
    std::string started;  // as written (ISO date-time)
    std::string finished; // as written
    int elapsed_minutes = 0;
    std::optional<int> budget_minutes;
    std::string verdict = "none"; // AC, WA, TLE, MLE, RE, OLE, CE or none
    int passed = 0, total = 0, runs = 0;
    double cpu_ms = 0;
    std::string language;
    std::optional<practice::Rating> rating;
    std::string note;
    Extra extra;
    Where where;

    bool accepted() const { return verdict == "AC"; }
    Date day() const; // the date part of finished
};

struct PracticeRecord {
    std::string problem;
    practice::Schedule schedule;
    std::vector<Attempt> attempts; // oldest first
    std::string file;              // practice/<problem>.yaml
    Extra extra;                   // unknown keys of the file
    Extra schedule_extra;          // unknown keys under schedule:
    Where where;

    bool attempted() const { return !attempts.empty(); }
    bool solved() const; // some attempt was accepted
    std::optional<Date> due() const;
    const Attempt* last() const { return attempts.empty() ? nullptr : &attempts.back(); }
};

// The records by problem id.
using PracticeIndex = std::map<std::string, PracticeRecord>;

// The verdict names an attempt may hold.
bool is_verdict(std::string_view v);

// "practice/<id>.yaml"; Error(data) for an id that is not [a-z0-9][a-z0-9-]*.
std::string practice_path(std::string_view problem);

// Parse and write. Errors are Error(data) "label:line:col: ..."; unknown
// keys become warnings and are kept.
PracticeRecord practice_from(const yaml::Node& doc, const std::string& label,
                             const std::string& rel, Warnings& w);
PracticeRecord parse_practice(std::string_view text, const std::string& label,
                              const std::string& rel, Warnings& w);
yaml_write::Out to_out(const PracticeRecord& r);
std::string to_yaml(const PracticeRecord& r);
// Writes r's file into a change; refuses (tracker/keep.hpp) when the file
// there holds something its record would not keep.
void save(StagedFiles& out, const PracticeRecord& r);

// Reading from the journal (or a change in progress).
std::optional<PracticeRecord> load_practice(const Files& files, std::string_view problem,
                                            Warnings& w);
PracticeIndex load_all_practice(const Files& files, Warnings& w);
// Only the records of these problems, each read at practice/<id>.yaml (ids
// that are not problem ids are left out): what the bank can suggest.
PracticeIndex load_practice_of(const Files& files, const std::vector<std::string>& ids,
                               Warnings& w);

// ---- attempts and the schedule ---------------------------------------------------

// What the scheduling rule sees in an attempt; budget is the attempt's own,
// else default_budget.
practice::Review review_of(const Attempt& a, int default_budget);

// Appends a (given an id when it has none) and moves the schedule on, as
// of the attempt's day. Returns the attempt's quality (0..5).
int add_attempt(PracticeRecord& r, Attempt a, int default_budget);

// The schedule the attempts give, replayed oldest first (by finished).
practice::Schedule replay(std::vector<Attempt> attempts, int default_budget);

// ---- status ------------------------------------------------------------------------

enum class PracticeStatus { fresh, attempted, solved }; // "new", "attempted", "solved"
template <> std::span<const std::string_view> enum_names<PracticeStatus>(); // to_string, parse_enum
PracticeStatus status_of(const PracticeRecord* r); // nullptr: never practised
bool is_due(const PracticeRecord* r, Date today);  // attempted and due on or before today

// `practice list --status`: new, attempted, solved or due.
enum class StatusFilter { fresh, attempted, solved, due };
std::optional<StatusFilter> parse_status_filter(std::string_view s);
bool matches(StatusFilter f, const PracticeRecord* r, Date today);

// ---- statistics (practice stats) ----------------------------------------------------

struct Tally {
    int total = 0;     // problems in the bank
    int attempted = 0; // of those, with an attempt
    int solved = 0;    // of those, with an accepted attempt
    int attempts = 0;
    int failures = 0; // attempts not accepted
    double solved_share() const { return total ? static_cast<double>(solved) / total : 0; }
    double solve_rate() const { return attempted ? static_cast<double>(solved) / attempted : 0; }
};

struct TagTally {
    std::string tag;
    Tally tally;
};

struct Week {
    Date start; // a Monday
    int attempts = 0;
    std::optional<double> median_minutes;    // elapsed, per attempt
    std::optional<double> median_budget_pct; // elapsed as a share of the budget, in %
    int over_budget = 0;
};

struct PracticeStats {
    Date today;
    Tally overall;                              // bank problems; attempts counts every attempt
    std::map<std::string, Tally> by_difficulty; // easy, medium, hard
    std::vector<TagTally> by_tag;               // sorted by tag
    int current_streak = 0; // days in a row with an attempt, ending today or yesterday
    int longest_streak = 0;
    std::optional<Date> last_day; // of the last attempt
    std::vector<Week> weeks;      // the last 8 weeks (Monday to Sunday), oldest first
    std::vector<int> per_day;     // attempts per day, the last 30 days, oldest first (today last)
    std::vector<TagTally> weak;   // at most 5: most failures, then lowest solve rate
    int due = 0;                  // problems due today or before
};

PracticeStats practice_stats(const std::vector<practice::Problem>& bank,
                             const PracticeIndex& records, Date today);

// Streaks over a set of days with an attempt (any order, repeats allowed).
struct Streaks {
    int current = 0;
    int longest = 0;
};
Streaks streaks(std::vector<Date> days, Date today);

} // namespace hired::tracker
