#include "command_table.hpp"

namespace hired::cli {

namespace {
const Command kCommands[] = {
    {"practice list", "list problems (filter by tag, difficulty, status)", practice_list},
    {"practice show", "show a problem: statement, formats, constraints, examples", practice_show},
    {"practice next", "what to practise now: due reviews, then your weakest tags", practice_next},
    {"practice start", "write a starter file and start the clock", practice_start},
    {"practice run", "compile and judge a solution against the problem's tests", practice_run},
    {"practice done", "stop the clock, record the attempt, schedule the next review", practice_done},
    {"practice stats", "solved by difficulty and tag, streak, time trends, weak spots", practice_stats},
    {"practice check", "validate problem files and run their reference solutions", practice_check},
    {"practice new", "scaffold a problem of your own (from a round's questions, too)", practice_new},
    // Journal commands (tracker) go below.
    {"company add", "add a company", company_add},
    {"company list", "list companies and their applications", company_list},
    {"company show", "a company's applications, rounds, questions and lessons", company_show},
    {"apply", "record an application (creates the company if needed)", apply},
    {"round add", "record an interview round", round_add},
    {"round set", "update a round: outcome, rating, notes, questions, lessons", round_set},
    {"outcome", "set an application's status (offer, rejected, on-hold, ...)", outcome},
    {"lesson add", "record a lesson learnt", lesson_add},
    {"lesson list", "list lessons, newest first", lesson_list},
    {"contact add", "add a person you met", contact_add},
    {"contact set", "update a contact (--contacted: you were in touch)", contact_set},
    {"contact list", "list contacts", contact_list},
    {"contact show", "a contact, who they referred, which rounds they sat in", contact_show},
    {"event add", "record a meetup or other event and the people met", event_add},
    {"event list", "list events", event_list},
    {"board", "open applications by stage, stale ones, follow-ups due", board},
    {"review", "the briefing before an interview: rounds, questions, lessons, people, problems", review},
    {"search", "search every record, case-insensitively", search},
    {"history", "the last changes to the journal", history},
    {"undo", "take back your last change (or N, or one named), as a new commit", undo},
    {"redo", "bring back what the last undo took back", redo},
    {"edit", "open a record's file in $EDITOR; validated before it is committed", edit},
    {"check", "validate the whole journal", check},
    {"sync", "fetch, merge record by record, push (the first --remote is remembered)", sync},
    {"status", "ahead/behind the remote as of the last sync, uncommitted files", status},
};
} // namespace

std::span<const Command> command_table() { return kCommands; }

} // namespace hired::cli
