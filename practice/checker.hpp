// Output checkers: compare a solution's output with the expected one and,
// when they differ, say where in one short line (expected vs got).
#pragma once

#include "problem.hpp"

#include <string>
#include <string_view>

namespace hired::practice {

struct Verdict {
    bool accepted = false;
    std::string diff; // the first difference, when not accepted
};

// The built-in checkers (everything but CheckerKind::program, which the judge
// runs as a process).
Verdict check_output(CheckerKind kind, std::string_view expected, std::string_view actual,
                     double tolerance = 1e-6);

// Shortens s for a one-line message, making control characters visible.
std::string shown(std::string_view s, size_t max = 40);

} // namespace hired::practice
