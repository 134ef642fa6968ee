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
int practice_new(Context&, const Args&);

// journal_commands.cpp: recording (each change is one commit)
int company_add(Context&, const Args&);
int company_list(Context&, const Args&);
int company_show(Context&, const Args&);
int apply(Context&, const Args&);
int round_add(Context&, const Args&);
int round_set(Context&, const Args&);
int outcome(Context&, const Args&);
int lesson_add(Context&, const Args&);
int lesson_list(Context&, const Args&);
int contact_add(Context&, const Args&);
int contact_set(Context&, const Args&);
int contact_list(Context&, const Args&);
int contact_show(Context&, const Args&);
int event_add(Context&, const Args&);
int event_list(Context&, const Args&);

// journal_views.cpp: looking and housekeeping
int board(Context&, const Args&);
int search(Context&, const Args&);
int history(Context&, const Args&);
int undo(Context&, const Args&);
int redo(Context&, const Args&);
int edit(Context&, const Args&);
int check(Context&, const Args&);

// practice_history_commands.cpp: the practice history (an attempt is one commit)
int practice_next(Context&, const Args&);
int practice_done(Context&, const Args&);
int practice_stats(Context&, const Args&);

// review_commands.cpp: the briefing before an interview
int review(Context&, const Args&);

// sync_commands.cpp: the journal against its git remote
int sync(Context&, const Args&);
int status(Context&, const Args&);

} // namespace hired::cli
