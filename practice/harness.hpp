// The generated programs that call a user's function or class (problems of
// style function or class): for C++, Python, JavaScript and Java, a harness
// reads the cases from stdin in the wire format (practice/value.hpp), calls
// the user's code (a top-level function or a method of `class Solution`,
// snake_case or lowerCamelCase; for class problems the class by its name),
// and writes each result to the result channel: the process's original
// standard output, while the user's own output (print, console.log,
// System.out, std::cout, even write(1, ...)) goes to standard error, so a
// debugging print can never corrupt a result.
//
// The harness reads "<number of cases> " and then each case: a function's
// arguments in order; a class case's "<number of calls> " and for each call
// "<method index, -1 for the constructor> " and its arguments. It writes,
// per case, "= <case> <cpu ns> <result>" (a class case: its calls' results,
// ~ for the constructor and void methods) or "! <case> <cpu ns> <call>
// <message as a string>" when the user's code threw, each followed by a
// newline, and "." when all cases are done. The CPU time is the case's own,
// measured inside the harness. A harness that cannot find the function
// exits with status 97 after saying so on stderr (hired reports CE).
#pragma once

#include "language.hpp"
#include "problem.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::practice {

// The languages with a harness: cpp, python, javascript, java.
bool has_harness(std::string_view language);

// "pair_sum" -> "pairSum".
std::string lower_camel(std::string_view snake);

// The generated files: the harness (and, in Java, ListNode and TreeNode),
// and the name the user's source must be copied under beside them.
struct HarnessFiles {
    std::vector<std::pair<std::string, std::string>> files; // name -> content
    std::string main_file;                                  // the one to compile or run
    std::string user_file; // the name the user's source takes in the build folder
};
HarnessFiles generate_harness(const Problem& p, std::string_view language);

// Compiles (or syntax-checks) the user's source together with the problem's
// harness in a build folder of the compile cache, keyed by the harness (so
// the signature), the source and the compiler's identity. A compile error,
// or a C++ harness that does not find the function, is !ok with the
// compiler's output (the function's absence said first).
Compiled prepare_harness(const Problem& p, const fs::path& source, const Language& lang, int memory_mb,
                         const fs::path& cache_root);

// The exit status of a harness that did not find the user's function.
constexpr int kHarnessMissing = 97;

// The input for a run of these cases.
std::string encode_cases(const Problem& p, const std::vector<const CallCase*>& cases);

// One case's outcome, as the harness reported it.
struct CallOutcome {
    bool returned = false;   // else the user's code threw (message in error)
    bool wrong_type = false; // it returned, but not a value of the declared type (in error)
    Value result;            // function: the value; class: one value per call
    std::string error;       // the exception's message
    int failed_call = -1;    // class: the call that threw (0-based)
    double cpu_ms = 0;       // the case's CPU time, measured inside
};

struct HarnessOutput {
    std::vector<CallOutcome> outcomes; // in case order, as many as were reported
    bool finished = false;             // the "." at the end was there
    std::string malformed;             // why the output could not be read, else empty
};

// Reads a harness's result channel for cases.size() cases.
HarnessOutput read_harness_output(const Problem& p, std::string_view out,
                                  const std::vector<const CallCase*>& cases);

} // namespace hired::practice
