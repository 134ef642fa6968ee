// Review: the briefing before an interview (`hired review`), the ranking of
// lessons by relevance, and what to practise now (`hired practice next`,
// and the problems a briefing suggests). Pure functions over records that
// the caller loaded; nothing here reads files or prints.
//
// Lesson relevance is an additive score (higher first; ties: newer first,
// undated last, then by text):
//   +5  the lesson is from the briefing's company
//   +3  it comes from a round of the kind asked for (--kind), else of the
//       kind of the next upcoming round at that company
//   +2  for each of its tags shared with --tag or with the topics of the
//       next upcoming round (tags compare case-insensitively)
//   +2  it comes from a round whose outcome was failed
//   +2  it is dated within the last 30 days (or later), else +1 within 180
//
// What to practise next (`practice next`):
//   1. problems due for review (schedule due today or before), most overdue
//      first;
//   2. problems never attempted, those of the weakest tags first; a tag's
//      weakness is (share of its attempted problems not yet solved) +
//      1 / (1 + problems solved in it), and a tag never practised counts as
//      the weakest (2); a problem weighs as its weakest tag. Equal weakness:
//      easy before medium before hard, and topics spread (a problem whose
//      tags the list has not shown yet comes first);
//   3. the rest: attempted but never solved (oldest attempt first), then
//      solved ones by their next review.
//
// Problems a briefing suggests are scored from the topics of the past
// questions there and of the relevant lessons:
//   +10 a question names the problem ("text [problem-id]")
//   +3  for each lesson tag that is one of the problem's tags
//   +2  for each of the problem's tags that a word (or two words, or a
//       common synonym: dp, hashmap, priority queue, ...) of a question or
//       lesson names
//   +2  for each of the problem's tags in --tag or the next round's topics
//   +1  for each word of its title that a question or lesson uses
// Problems due for review come first, then by score; when nothing matches,
// the briefing suggests what `practice next` would.
#pragma once

#include "attempts.hpp"
#include "records.hpp"

#include "practice/problem.hpp"

#include <optional>
#include <string>
#include <vector>

namespace hired::tracker {

// ---- what to practise next -------------------------------------------------------

// Tallies per tag over the bank (tags as written in the problems).
std::map<std::string, Tally> tag_tallies(const std::vector<practice::Problem>& bank,
                                         const PracticeIndex& records);
// 0 (all solved, many) .. 2 (never practised, or nothing solved).
double tag_weakness(const Tally& t);

enum class NextKind { due, fresh, retry, review };
template <> std::span<const std::string_view> enum_names<NextKind>(); // to_string, parse_enum

struct NextPick {
    const practice::Problem* problem = nullptr;
    NextKind kind = NextKind::fresh;
    std::string reason; // "due since 2026-11-30", "new, weakest tag: graph (never practised)"
    std::optional<Date> due;
    std::string tag; // for new problems: the weakest tag
    double weakness = 0;
};

// Every problem of the bank (only those with tag, when given), in the order
// above. The pointers point into bank.
std::vector<NextPick> practice_next(const std::vector<practice::Problem>& bank,
                                    const PracticeIndex& records, Date today,
                                    const std::optional<std::string>& tag = std::nullopt);

// ---- lessons -------------------------------------------------------------------------

// A lesson with what is known of the round it came from.
struct LessonFacts {
    Lesson lesson;
    std::optional<RoundKind> round_kind;
    std::optional<Outcome> round_outcome;
    std::string round_label; // "technical #2", when from a round
};

struct LessonQuery {
    std::string company;           // "" : no company
    std::optional<RoundKind> kind; // --kind, else the next round's
    std::vector<std::string> tags; // --tag and the next round's topics
    Date today;
};

struct RankedLesson {
    LessonFacts facts;
    int score = 0;
    std::vector<std::string> reasons; // "this company +5", "failed round +2", ...
};

// The score above; reasons, when given, get one entry per part that counted.
int lesson_score(const LessonFacts& l, const LessonQuery& q,
                 std::vector<std::string>* reasons = nullptr);
std::vector<RankedLesson> rank_lessons(std::vector<LessonFacts> lessons, const LessonQuery& q);

// The lessons of the given companies' rounds and the stand-alone ones, each
// with its round's kind and outcome (a stand-alone lesson names its round by
// id, looked up in companies).
std::vector<LessonFacts> lesson_facts(const std::vector<Company>& companies,
                                      const std::vector<Lesson>& standalone);

// ---- the briefing ----------------------------------------------------------------------

struct BriefingQuery {
    std::string company; // "" : every lesson, no company sections
    std::optional<RoundKind> kind;
    std::vector<std::string> tags;
    Date today;
};

// What the briefing is built from. With a company, companies holds just it
// (the caller reads only that file); events may be only those the contacts
// were met at.
struct JournalView {
    std::vector<Company> companies;
    std::vector<Lesson> standalone_lessons;
    std::vector<Contact> contacts;
    std::vector<Event> events;
};

struct RoundView {
    std::string role; // the application's
    Round round;
};

struct ContactView {
    Contact contact;
    std::optional<Event> met_event;       // where they were met
    std::vector<std::string> referred;    // roles they referred the user for
    std::vector<std::string> interviewed; // rounds they sat in ("technical #2")
};

struct ProblemPick {
    const practice::Problem* problem = nullptr;
    int score = 0;
    bool due = false;
    std::optional<Date> due_date;
    PracticeStatus status = PracticeStatus::fresh;
    std::vector<std::string> reasons;
};

struct Briefing {
    std::optional<Company> company;
    std::vector<RoundView> upcoming; // dated today or later, soonest first
    std::vector<RoundView> past;     // before today (or undated), oldest first
    std::optional<RoundKind> focus_kind;
    bool kind_from_next_round = false;
    std::vector<std::string> topics;     // of the next upcoming round
    std::vector<std::string> focus_tags; // --tag, then topics
    std::vector<RankedLesson> lessons;
    std::vector<ContactView> contacts;
    std::vector<ProblemPick> problems; // best first
    bool problems_fallback = false;    // nothing matched: what practice next suggests
};

Briefing brief(const JournalView& view, const std::vector<practice::Problem>& bank,
               const PracticeIndex& practice, const BriefingQuery& q);

// The tags among known that text talks about (words, word pairs, synonyms).
std::vector<std::string> topics_in(std::string_view text, const std::vector<std::string>& known);

} // namespace hired::tracker
