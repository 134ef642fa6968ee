// The journal's records: companies and their applications, rounds and
// lessons; contacts; events; stand-alone lessons. Plain values with no I/O;
// tracker/store.hpp reads and writes them as YAML files.
//
// Journal layout (one file per record, so that two machines rarely touch
// the same file and no file is touched by every write):
//
//   hired.yaml                      format version (written by the storage layer)
//   companies/<slug>.yaml           a company, its applications, their rounds
//                                   and the lessons learnt in those rounds
//   contacts/<slug>.yaml            a person
//   events/<date>-<slug>.yaml       a meetup, conference, ...; the file stem is the event id
//   lessons/<date>-<id>.yaml        a stand-alone lesson (from an event, a company, or nothing)
//   practice/<problem-id>.yaml      practice attempts and the review schedule (practice module)
//
// Slugs come from util slugify() of the name ("Acme Corp." -> acme-corp);
// when two different names give the same slug the second file is
// acme-corp-2, then -3. Names compare case-insensitively, so "acme" and
// "Acme" are the same company. Application, round and lesson ids are
// 8 random hex digits from the system's random source: two machines
// cannot both invent the same id for different records, which is what a
// record-by-record merge needs. Round numbers (#1, #2, ...) are for people:
// computed from the order by date within the application, never stored.
// Dates are ISO days, YYYY-MM-DD.
//
// Keys a file has that the schema does not know are kept in `extra` and
// written back unchanged, so a hand-written note survives the next command
// that rewrites the file (comments do not survive a rewrite).
#pragma once

#include "util/yaml_doc.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hired::tracker {

// ---- dates -------------------------------------------------------------------

// A calendar day (proleptic Gregorian), compared and subtracted in days.
class Date {
public:
    Date() = default;                   // 1970-01-01
    Date(int year, int month, int day); // must be a valid day (asserted by parse)

    // Strict YYYY-MM-DD with a real day of a real month; nullopt otherwise.
    static std::optional<Date> parse(std::string_view s);
    static Date from_days(int64_t days_since_epoch);
    // Today in local time.
    static Date today();

    int year() const { return year_; }
    int month() const { return month_; }
    int day() const { return day_; }
    int64_t days() const; // since 1970-01-01
    std::string str() const;
    Date plus_days(int64_t n) const { return from_days(days() + n); }

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    int year_ = 1970, month_ = 1, day_ = 1;
};

// b - a in days.
inline int64_t days_between(const Date& a, const Date& b) {
    return b.days() - a.days();
}

// ---- enumerations ------------------------------------------------------------

enum class Source { referral, event, online, recruiter, other };
enum class Status { active, offer, accepted, declined, rejected, withdrawn, on_hold, ghosted };
enum class RoundKind {
    recruiter_call,
    phone_screen,
    technical,
    whiteboard,
    take_home,
    pair_programming,
    system_design,
    behavioral,
    onsite,
    meal,
    other
};
enum class Outcome { pending, passed, failed, unknown };
enum class EventKind { meetup, conference, workshop, coffee_and_code, hackathon, other };

// The names users type and files hold ("on-hold", "phone-screen"), in
// declaration order, and what the value is called in messages.
template <typename E> std::span<const std::string_view> enum_names();
template <typename E> std::string_view enum_what();

template <typename E> std::string_view to_string(E value) {
    return enum_names<E>()[static_cast<size_t>(value)];
}
// Case-insensitive; '_' is taken for '-'. nullopt when unknown.
template <typename E> std::optional<E> parse_enum(std::string_view s);
// "unknown round kind 'tecnical'; did you mean 'technical'? (one of: ...)"
template <typename E> std::string unknown_enum_message(std::string_view value);

// ---- records -----------------------------------------------------------------

// Keys a hand-edited file holds that the schema does not know, kept verbatim.
using Extra = std::vector<std::pair<std::string, yaml::NodePtr>>;

// Where a record was read from: the line of the record and of each field
// (1-based; 0 for records not read from a file). For findings, not stored.
struct Where {
    int line = 0;
    std::vector<std::pair<std::string, int>> fields;
    int of(std::string_view key) const; // the field's line, else the record's
};

struct Interviewer {
    std::string name;
    std::string role;
    std::string contact; // a contact's name, when they are one
    Extra extra;
    Where where;
};

struct Question {
    std::string text;
    std::string problem; // a practice problem id, optional
    Extra extra;
    Where where;
};

// Where a stand-alone lesson came from; all empty means nowhere in particular.
// Round lessons have it filled in when the journal is loaded.
struct LessonSource {
    std::string company;     // company name
    std::string application; // application id
    std::string round;       // round id
    std::string event;       // event id (the event file's stem)
    bool empty() const {
        return company.empty() && application.empty() && round.empty() && event.empty();
    }
};

struct Lesson {
    std::string id;   // round lessons: 8 hex digits; stand-alone: the file stem
    std::string text; // may span lines
    std::vector<std::string> tags;
    std::optional<Date> date;
    LessonSource source;
    std::string file; // the file it lives in (journal-relative)
    Extra extra;
    Where where;
};

struct Round {
    std::string id;
    int number = 0; // 1-based, by date within its application; computed, never stored
    std::optional<Date> date;
    RoundKind kind = RoundKind::other;
    std::vector<Interviewer> interviewers;
    std::vector<Question> questions;
    Outcome outcome = Outcome::pending;
    std::optional<int> rating;   // self-rating 1-5
    std::optional<Date> thanked; // when a thank-you note went out
    std::string notes;
    std::vector<Lesson> lessons;
    Extra extra;
    Where where;

    // "onsite #3"
    std::string label() const;
};

struct Application {
    std::string id;
    std::string role;
    std::optional<Source> source;
    std::string via; // the contact who referred or introduced, by name
    std::optional<Date> applied;
    Status status = Status::active;
    std::optional<Date> updated; // the last status change or note made by a command
    std::string notes;
    std::vector<Round> rounds; // in file order; Round::number gives the order by date
    Extra extra;
    Where where;

    // Rounds in number order.
    std::vector<const Round*> by_number() const;
    const Round* latest_round() const; // the highest number, or nullptr
    const Round* round_number(int n) const;
    // The latest of applied, updated, thanked and round dates.
    std::optional<Date> last_activity() const;
    // Still in play: active or holding an offer.
    bool open() const { return status == Status::active || status == Status::offer; }
};

struct Company {
    std::string name;
    std::string url;
    std::string location;
    std::string notes;
    std::vector<std::string> tags;
    std::vector<Application> applications;
    std::string file; // companies/<slug>.yaml
    Extra extra;
    Where where;
};

struct Contact {
    std::string name;
    std::string company; // a company's name
    std::string role;
    std::string met_at; // an event id (the event file's stem)
    std::optional<Date> met;
    std::string email;
    std::vector<std::string> links;
    std::string notes;
    std::optional<Date> last_contacted;
    std::string file; // contacts/<slug>.yaml
    Extra extra;
    Where where;

    // The last time we know of being in touch: last_contacted, else met.
    std::optional<Date> last_touch() const;
};

struct Event {
    std::string name;
    Date date;
    std::optional<EventKind> kind;
    std::string place;
    std::vector<std::string> met; // names of the people met (contacts)
    std::string notes;
    std::string file; // events/<date>-<slug>.yaml
    Extra extra;
    Where where;

    std::string id() const; // the file's stem, e.g. 2026-03-04-rust-meetup
};

// ---- identifiers and helpers -------------------------------------------------

// 8 lowercase hex digits from std::random_device (the kernel's random source).
std::string new_id();
// The slug for a record's file name: slugify(name), cut on a UTF-8
// boundary, "record" when nothing is left.
std::string slug_for(std::string_view name);
// "companies/acme.yaml" -> "acme".
std::string file_stem(std::string_view rel);

// Numbers the rounds of an application by date (undated rounds last, file
// order breaking ties); the vector keeps its order.
void number_rounds(Application& app);
// Sorts the rounds into number order (before writing the file).
void sort_rounds(Application& app);
// Gives every application, round and round lesson without an id a new one.
void assign_missing_ids(Company& company);

// The application a command means: by role (case-insensitive) when given,
// else the only open application, else the only application. Throws
// Error(data) for an unknown role (with suggestions) or an application-less
// company, Error(usage) when several are open and no role says which.
Application& pick_application(Company& company, const std::optional<std::string>& role);

// "Name (Role)" -> {Name, Role}; "Name" -> {Name, ""}.
Interviewer parse_interviewer(std::string_view s);
// "text [problem-id]" -> {text, problem-id}; else {text, ""}.
Question parse_question(std::string_view s);

// Validates text a user gives for a name: one line, not blank, valid UTF-8,
// trimmed. Throws Error(usage) naming what.
std::string clean_name(std::string_view s, std::string_view what);
// Validates free text (may span lines): valid UTF-8, no NUL or other control
// characters except tab and newline. Throws Error(usage) naming what.
std::string clean_text(std::string_view s, std::string_view what);

} // namespace hired::tracker
