// What the journal commands share: reading dates and enum values from the
// command line, running a change (validated by a dry run, then committed
// once under the lock), the editor, warnings, and records as JSON.
#pragma once

#include "app.hpp"

#include "tracker/records.hpp"
#include "tracker/store.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hired::cli {

// Today: $HIRED_TODAY (YYYY-MM-DD, for tests and scripts) or the local date.
tracker::Date today();

// A date argument: YYYY-MM-DD, "today" or "yesterday". Usage error otherwise.
tracker::Date date_arg(const CommandLine& cl, const std::string& s, const char* option);
std::optional<tracker::Date> date_opt(const CommandLine& cl, const char* option);

// An enum value from the command line; a typo is a usage error with a suggestion.
template <typename E> E enum_arg(const CommandLine& cl, const std::string& s) {
    auto v = tracker::parse_enum<E>(s);
    if (!v) cl.usage_error(tracker::unknown_enum_message<E>(s));
    return *v;
}

// Names and free text from the command line, validated (usage errors).
std::string name_arg(const CommandLine& cl, const char* option, const char* what);
std::optional<std::string> text_opt(const CommandLine& cl, const char* option);
std::vector<std::string> names_opt(const CommandLine& cl, const char* option, const char* what);

// What the journal's last write recovered from an earlier crash, and what it
// could not finish after its commit landed, on stderr.
void print_journal_notes(const tracker::Journal& journal);

// Before any command: finishes a journal change that was interrupted (a
// kill, a full disk after its commit), so that reads see what it committed.
// Never fails the command: what it cannot do is a warning.
void finish_interrupted_change(Context& ctx);

// Prints the store's warnings on stderr, "hired: warning: ...".
void print_warnings(const tracker::Store& store);
void print_warnings(const tracker::Warnings& warnings);

// A change: reads through the store, writes through files, returns the
// commit message. It runs twice: first as a dry run (nothing is written;
// bad input or a bad file stops here), then inside Journal::change under
// the lock, against the journal as it is then. It must not print.
using Plan = std::function<std::string(tracker::Store&, tracker::StagedFiles&)>;

// Runs plan as one commit and reports it (the message, or {"commit", "message"}
// with --json). lines are printed after the message (e.g. "new contact: ...").
int run_change(Context& ctx, const Plan& plan, const std::vector<std::string>* lines = nullptr);

// Both stdin and stdout are terminals: we may open an editor or ask.
bool interactive();
// Asks a yes/no question on the terminal; default when the answer is empty.
bool ask(const std::string& question, bool default_yes);

struct EditResult {
    bool changed = false;
    bool quick =
        false; // returned within a second without a change: likely a GUI editor that forked
    std::string text;
};
// Opens $VISUAL / $EDITOR (default vi) on a temporary copy of text named
// after name (e.g. "acme.yaml") and returns what was saved.
EditResult edit_text(const std::string& text, const std::string& name);
// The hint printed when an editor returned at once.
std::string gui_editor_hint();

// Records as JSON: stable field names, dates as "YYYY-MM-DD", enums as
// their names, absent values as null, empty lists as [].
nlohmann::json to_json(const tracker::Company& c);
nlohmann::json to_json(const tracker::Application& a);
nlohmann::json to_json(const tracker::Round& r);
nlohmann::json to_json(const tracker::Lesson& l);
nlohmann::json to_json(const tracker::Contact& c);
nlohmann::json to_json(const tracker::Event& e);
nlohmann::json json_date(const std::optional<tracker::Date>& d);

// "Acme" with the style of a name; common bits of the text output.
std::string plural(size_t n, const char* one, const char* many);

} // namespace hired::cli
