#include "command_table.hpp"

namespace hired::cli {

namespace {
const Command kCommands[] = {
    {"practice list", "list problems (filter by tag, difficulty, status)", practice_list},
    {"practice show", "show a problem: statement, formats, constraints, examples", practice_show},
    {"practice start", "write a starter file and start the clock", practice_start},
    {"practice run", "compile and judge a solution against the problem's tests", practice_run},
    {"practice check", "validate problem files and run their reference solutions", practice_check},
    // Journal commands (tracker) go below.
};
} // namespace

std::span<const Command> command_table() { return kCommands; }

} // namespace hired::cli
