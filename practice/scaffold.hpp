// `practice new`: the skeleton of a problem file of each style, to fill in.
// The skeleton is itself a valid problem (it loads, and `practice check`
// accepts it once its reference solution is written), with comments that
// say what each field is for.
#pragma once

#include "problem.hpp"

#include <string>

namespace hired::practice {

struct ScaffoldInput {
    std::string id;        // [a-z0-9][a-z0-9-]*
    ProblemStyle style = ProblemStyle::function;
    std::string title;     // default: from the id
    std::string statement; // default: a placeholder; --from-round gives the question
    std::string origin;    // where the question was asked, for a comment ("Acme, onsite #2")
};

// The problem file's text, and the reference solution beside it.
struct Scaffold {
    std::string problem_yaml;      // <id>.yaml
    std::string solution_file;     // "<id>/ref.py"
    std::string solution;          // its text: a stub that passes the example
};

Scaffold scaffold_problem(const ScaffoldInput& in);

} // namespace hired::practice
