// `hired check`: validates the whole journal, hledger-style. Each finding
// is "FILE:LINE: what is wrong, and how to fix it"; no findings means all
// is well. Files that are not YAML at all are not findings but fatal
// (the command exits 3 naming file:line:column).
#pragma once

#include "store.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace hired::tracker {

struct Finding {
    std::string file; // the label (journal folder joined with the path)
    int line = 0;
    std::string message;
    std::string str() const; // "FILE:LINE: message"
};

struct CheckResult {
    std::vector<Finding> findings;       // in file, then line order
    std::vector<std::string> unparsable; // "file:line:col: invalid YAML: ...", one per file
};

struct CheckOptions {
    // Practice problem ids that questions may name; unset: not checked.
    std::optional<std::set<std::string>> problem_ids;
};

// Schema (every record file against its schema, unknown keys), duplicates
// (two companies or contacts with the same name, repeated ids, the same
// event twice), references (application via, interviewer contacts, a
// contact's company and event, the people an event lists, lesson sources,
// question problem ids), dates (valid days; a round before its
// application), stray files in record folders.
CheckResult check_journal(const Files& files, const CheckOptions& options = {});

} // namespace hired::tracker
