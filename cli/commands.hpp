// Every command handler of `hired`. Each takes the arguments after its
// command words and returns the exit code. The table in main.cpp maps names
// to these, and gives dispatch, --help listing and "did you mean".
#pragma once

#include "app.hpp"

#include <string>
#include <vector>

namespace hired::cli {

using Args = std::vector<std::string>;
using Handler = int (*)(Context&, const Args&);

// practice_commands.cpp
int practice_list(Context&, const Args&);
int practice_show(Context&, const Args&);
int practice_start(Context&, const Args&);
int practice_run(Context&, const Args&);
int practice_check(Context&, const Args&);

} // namespace hired::cli
