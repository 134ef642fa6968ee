// The practice clock: `practice start` writes a small state file per problem
// ($XDG_STATE_HOME/hired/practice/<id>.json) that the journal does not
// track; `practice run` counts runs and keeps the last verdict in it, and
// `practice done` reads it to record the attempt, then removes it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hired::practice {

namespace fs = std::filesystem;

struct Session {
    std::string problem;
    fs::path file;          // the solution file start wrote
    std::string language;
    int64_t started = 0;    // seconds since the epoch
    int minutes = 0;        // the budget
    int runs = 0;
    std::string last_verdict; // "" before the first run
    int last_passed = 0, last_total = 0;
    double last_cpu_ms = 0;   // the slowest case's CPU time in the last run
};

fs::path sessions_dir();
std::optional<Session> load_session(const std::string& problem);
void save_session(const Session& s);
void remove_session(const std::string& problem);

} // namespace hired::practice
