// The one table of subcommands: dispatch, the --help listing and "did you
// mean" all come from it (the ninja model).
#pragma once

#include "commands.hpp"

#include <span>

namespace hired::cli {

struct Command {
    const char* name;    // command words, e.g. "practice run"
    const char* summary; // one line for the listing
    Handler run;
};

std::span<const Command> command_table();

} // namespace hired::cli
