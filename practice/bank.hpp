// The problem bank: every problem folder searched in order (--problems,
// $HIRED_PROBLEMS, the built-in bank, the journal's problems/). The first
// folder that has an id wins, so a user can override a built-in problem.
#pragma once

#include "problem.hpp"

#include <string>
#include <vector>

namespace hired::practice {

class Bank {
public:
    explicit Bank(std::vector<fs::path> dirs);

    // All problems, sorted by difficulty then id. Files that fail to load are
    // skipped and their errors kept in load_errors().
    const std::vector<Problem>& all();
    const std::vector<std::string>& load_errors();

    // One problem by id; an unknown or unsafe id is Error(Exit::data) with
    // suggestions. Loads only that file.
    Problem find(const std::string& id) const;
    // The file a problem id would load from, or empty.
    fs::path locate(const std::string& id) const;

    const std::vector<fs::path>& dirs() const { return dirs_; }

private:
    std::vector<std::string> ids() const;
    std::vector<fs::path> dirs_;
    bool loaded_ = false;
    std::vector<Problem> problems_;
    std::vector<std::string> errors_;
};

} // namespace hired::practice
