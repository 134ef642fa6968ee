// The board: every open application by stage, how long it has been quiet,
// what happens next, and the follow-ups that are due (a thank-you after a
// fresh round, a contact not reached in a month). Pure: it takes the
// records and "today", so tests can pin the date.
#pragma once

#include "records.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::tracker {

// Stages in the order a process moves through them.
enum class Stage { applied, screening, technical, onsite, offer };
template <> std::span<const std::string_view> enum_names<Stage>(); // to_string, parse_enum

// The stage an application is at: offer when it holds one, else from its
// latest round's kind (recruiter-call and phone-screen: screening; onsite
// and meal: onsite; other interview kinds: technical; "other" rounds keep
// the stage of the round before), applied when there are no rounds.
Stage stage_of(const Application& app);

struct BoardRules {
    int stale_days = 14;    // quiet this long: flagged stale
    int thank_you_days = 2; // a round this recent with no thank-you recorded: follow up
    int contact_days = 30;  // a linked contact not reached this long: follow up
};

struct BoardEntry {
    std::string company;
    std::string company_file;
    std::string application_id;
    std::string role;
    Status status = Status::active;
    Stage stage = Stage::applied;
    std::string latest_round; // "onsite #3", empty when none
    std::optional<Outcome> latest_outcome;
    std::optional<Date> last_activity;
    std::optional<int64_t>
        days_quiet; // today - last_activity; negative when a round is scheduled ahead
    bool stale = false;
    std::string next_step;
};

struct FollowUp {
    enum class Kind { thank_you, reach_out };
    Kind kind = Kind::thank_you;
    std::string who;  // the company (thank-you) or the contact (reach out)
    std::string what; // "thank-you for technical #2 on 2026-03-04 (Acme, Backend Engineer)"
    std::optional<Date> since;
    std::optional<int64_t> days;
};

struct Board {
    Date today;
    std::vector<BoardEntry> entries; // by stage, then most recent activity first
    std::vector<FollowUp> follow_ups;
    int on_hold = 0; // applications on hold (not on the board)
};

Board make_board(const std::vector<Company>& companies, const std::vector<Contact>& contacts,
                 Date today, const BoardRules& rules = {});

// What the board can skip without parsing. surely_closed: true when a
// company file's text surely holds no open and no on-hold application, so
// that it adds nothing to the board. It decides only for the block layout
// the emitter writes (top-level keys at column 0, "applications:" alone on
// its line, items at "  - key: ...", their keys at column 4, each item with
// exactly one "status: WORD" line, WORD accepted, declined, rejected,
// withdrawn or ghosted; no backslash, tab or CR; every quoted scalar and
// flow collection closed on its line); for anything else it says false.
bool surely_closed(std::string_view company_text);
// The names a contact file must mention (TextFilter) for make_board to tie
// the contact to one of these companies' open applications.
std::vector<std::string> board_contact_names(const std::vector<Company>& companies);

} // namespace hired::tracker
