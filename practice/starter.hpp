// Starter files for `practice start`: the problem's own template for the
// language, else a default that reads the input, with the problem's title
// and the command to run it in a comment.
#pragma once

#include "language.hpp"
#include "problem.hpp"

#include <string>

namespace hired::practice {

std::string starter_code(const Problem& problem, const Language& lang);

} // namespace hired::practice
