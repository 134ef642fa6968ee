// Runs one untrusted program under limits and measures it: the heart of
// `practice run`. The program is spawned directly (no shell) in its own
// process group, with stdin fed from memory and stdout/stderr read through
// bounded buffers. Nothing it starts survives: the runner is a child
// subreaper, so even a grandchild that called setsid() is found, killed and
// reaped before run_process returns. Safe to call from several threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hired::practice {

// A cpu, wall or memory limit of 0 or less means no limit; so does a
// negative output_bytes.
struct RunLimits {
    int64_t cpu_ms = 2000;            // user+sys of the program; beyond it: cpu_limit
    int64_t wall_ms = 4000;           // real time; a sleeping program hits this
    int64_t memory_kb = 256 * 1024;   // peak resident memory; beyond it: memory_limit
    int64_t output_bytes = 64 << 20;  // stdout cap; beyond it: output_limit
    int64_t stderr_bytes = 64 << 10;  // stderr kept; the rest is discarded (not a failure)
    int64_t stack_kb = -1;            // RLIMIT_STACK; -1 means the memory limit
};

// A whole environment, "NAME=value" entries. Built once and shared by many
// runs: a run passes its pointers on and copies nothing.
class Environment {
public:
    Environment() { pointers_.push_back(nullptr); }
    explicit Environment(std::vector<std::string> entries);
    Environment(const Environment& other) : Environment(other.entries_) {}
    Environment& operator=(const Environment& other);
    // Moving the vector keeps every string where it is, so the pointers stay valid.
    Environment(Environment&&) noexcept = default;
    Environment& operator=(Environment&&) noexcept = default;

    const std::vector<std::string>& entries() const { return entries_; }
    char* const* envp() const { return pointers_.data(); }
    // NAME's value, or nullptr.
    const char* get(std::string_view name) const;
    // A copy with NAME set to value (replacing any NAME there was).
    Environment with(std::string_view name, std::string_view value) const;

private:
    std::vector<std::string> entries_;
    std::vector<char*> pointers_;
};

struct RunRequest {
    std::vector<std::string> argv;    // argv[0] is looked up in PATH when it has no '/'
                                      // (a relative path is taken from cwd)
    std::filesystem::path cwd;        // empty: the current directory
    std::string input;                // fed to stdin, then stdin is closed
    RunLimits limits;
    // The program's environment; null: the runner's own. env_add applies on top.
    const Environment* environment = nullptr;
    std::vector<std::string> env_add; // "NAME=value" added to the environment
    // The executable of a wrapper that argv starts the real program under
    // (a sandbox: bwrap). Its own processes are not the program: they are
    // not measured, their CPU time is not counted (when the exit hook can
    // tell it apart), and the program's exit status or signal is reported
    // rather than the wrapper's. Empty: argv is the program itself.
    std::filesystem::path wrapper;
};

enum class Outcome {
    exited,       // ran to completion; see exit_code
    signaled,     // killed by a signal it caused itself (SIGSEGV, SIGABRT, ...); see signal
    cpu_limit,    // killed for CPU time
    wall_limit,   // killed for wall-clock time
    memory_limit, // killed for (or ended over) the memory limit
    output_limit, // killed for writing more than output_bytes to stdout
    spawn_failed, // could not start it at all; see error
};

struct RunResult {
    Outcome outcome = Outcome::spawn_failed;
    int exit_code = -1;     // when exited
    int signal = 0;         // the terminating signal, when there was one
    double wall_ms = 0;     // from just before spawn to its exit
    double cpu_ms = 0;      // user+sys of this run alone (wait4 rusage)
    int64_t peak_kb = 0;    // peak resident memory of this run alone
    std::string output;     // stdout, at most output_bytes
    std::string errors;     // stderr, at most stderr_bytes
    bool errors_truncated = false;
    std::string error;      // why spawning failed
};

RunResult run_process(const RunRequest& request);

// Makes the calling thread carry the exit hook's seccomp filter itself, so
// that the programs it runs from now on inherit it instead of each
// installing its own (the kernel compiles every filter, ~0.1 ms a run); the
// peak memory figures stay exact. For a worker thread that runs programs one
// after another and ends when done: the filter stays with the thread, so
// the thread must never call exit_group (exit, _exit, quick_exit), and must
// start processes only through run_process: one started otherwise (system,
// popen, fork) would wait at its exit for an answer nobody gives. Refused
// (false) on the main thread and where seccomp user notification is missing;
// then every run installs its own filter, as without this call.
bool carry_exit_hook();

// The clock resolution the wall/CPU figures can be trusted to, in ms.
double timer_resolution_ms();

} // namespace hired::practice
