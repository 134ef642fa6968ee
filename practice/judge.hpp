// The judge: runs a prepared program on a problem's cases (examples first,
// then the hidden tests), checks each output and gives per-case verdicts
// with wall time, CPU time and peak memory; with --repeat K, the median and
// spread of K runs. Each worker runs its cases in a private folder of its
// own, emptied between cases (see containment.hpp).
#pragma once

#include "language.hpp"
#include "problem.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hired::practice {

enum class CaseVerdict { AC, WA, TLE, MLE, RE, OLE, CE };
const char* to_string(CaseVerdict v);
// "accepted", "wrong answer", …
const char* describe(CaseVerdict v);

struct Spread {
    double median = 0, min = 0, max = 0;
};

struct CaseResult {
    std::string name;
    bool example = false;
    CaseVerdict verdict = CaseVerdict::AC;
    double wall_ms = 0, cpu_ms = 0; // medians when repeated
    int64_t peak_kb = 0;
    Spread wall, cpu;               // over the repetitions
    int runs = 0;
    int exit_code = 0;              // -1 when it did not exit by itself
    int signal = 0;                 // 0 when none
    std::string detail;             // the diff for WA, the limit for TLE/MLE/OLE, the exit for RE
    std::string hint;               // the case's hint, when it failed
    std::string errors;             // the program's stderr (truncated), for RE
};

class Containment;

struct JudgeOptions {
    std::vector<std::string> cases; // only these (by name); empty: all
    int repeat = 1;
    int jobs = 1;
    std::optional<int> time_limit_ms, memory_limit_mb;
    fs::path cache_root;            // for compiling a checker program
    // The clean environments and the sandbox; null: a clean environment
    // and no sandbox. Every program runs in a fresh private folder.
    Containment* containment = nullptr;
    // Run the program judged (the solution), or the problem's checker
    // program, in the sandbox, when the containment has one.
    bool sandbox_solution = false, sandbox_checker = false;
    // Function and class problems: all cases in one harness process (each
    // timed inside it), cases it cannot attribute run again one per process.
    bool batch = false;
    // Called as each case finishes (from worker threads, one at a time).
    std::function<void(const CaseResult&, size_t done, size_t total)> progress;
};

struct Report {
    std::string problem;
    CaseVerdict verdict = CaseVerdict::AC; // the first non-AC case in run order, else AC
    size_t passed = 0, total = 0;
    std::vector<CaseResult> cases;
    std::string compiler_output;           // when verdict is CE
    int time_limit_ms = 0, memory_limit_mb = 0;
    double wall_limit_ms = 0;
    bool solution_sandboxed = false, checker_sandboxed = false; // ran under bubblewrap
};

// The wall-clock limit that goes with a CPU limit: a sleeping program is
// stopped here.
int64_t wall_limit_for(int64_t time_ms);

// True when judging with these options runs something in the sandbox: the
// solution, or the problem's checker program.
bool needs_sandbox(const Problem& problem, const JudgeOptions& options);

Report judge(const Problem& problem, const Program& program, const JudgeOptions& options);
// The report of a compile error.
Report compile_error(const Problem& problem, std::string diagnostics);

} // namespace hired::practice
