// Case-insensitive text search over every record file of the journal:
// each matching value is reported with its file, line and a one-line
// summary of the record it belongs to ("Acme, Backend Engineer, technical #2").
#pragma once

#include "store.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hired::tracker {

struct SearchHit {
    std::string file;   // journal-relative
    int line = 0;       // 1-based, the line of the matching text
    std::string kind;   // company, application, round, lesson, contact, event, practice, file
    std::string record; // summary of the record that holds the match
    std::string field;  // the key whose value matched ("notes", "questions", ...)
    std::string text;   // the matching line of the value, trimmed and shortened
};

// Searches companies, contacts, events, lessons and practice files, in
// path order. Only the files whose text may hold the needle (TextFilter,
// store.hpp) are parsed; those that do not parse are an Error(data).
std::vector<SearchHit> search(const Files& files, std::string_view needle, Warnings& warnings);

} // namespace hired::tracker
