// The sandboxed process runner. How it holds together:
//
// - Spawn: clone(CLONE_VM | CLONE_VFORK) onto a small private stack, so the
//   child copies no page tables and the parent sleeps until execve. The child
//   runs only raw system calls (no libc state, no sanitizer interceptors):
//   its own process group, pipes on 0/1/2, rlimits, parent-death signal,
//   default signal dispositions and an empty mask, then execve over the PATH
//   candidates the parent prepared. Failure before or at execve is written to
//   the plan in the shared memory and ends the child with SYS_exit.
// - Peak memory: after execve the kernel records the *old* address space's
//   high-water mark in the new process's ru_maxrss, and with vfork (or fork)
//   that is the runner's own peak. So ru_maxrss alone is only believed when it
//   exceeds the runner's own VmHWM. The exact figure comes from an exit hook:
//   the child installs a one-rule seccomp filter (after PR_SET_NO_NEW_PRIVS,
//   so set-uid programs run unprivileged) that turns exit_group into a user
//   notification; the runner, woken through the listener fd, reads the
//   exiting process's VmHWM while its memory still exists and lets the call
//   continue. Without seccomp the figure is the polled VmHWM (a lower bound).
//   Compiling a filter costs the kernel about 0.1 ms (the BPF JIT), so a
//   thread that runs many programs in turn (the judge's workers) may carry
//   the filter itself (carry_exit_hook): its programs inherit it, and one
//   listener serves them all, one run at a time.
// - Supervision: one ppoll over the pidfd, the three pipes and the listener;
//   a tick (1, 2, 4, 8, then every 10 ms) samples CPU from the process's CPU
//   clock and memory from /proc/<pid>/status and enforces the limits.
// - Cleanup: the runner is a child subreaper. When the program ends its
//   process group is killed while the zombie still pins the group id, then
//   every stray child of ours (from /proc/self/task/*/children) that carries
//   this run's tag, or a finished run's, is killed and reaped by pid until
//   none is left (see Registry for the tags).
// - Wrappers: a run may start the program through a sandbox (bwrap), whose
//   own processes (a monitor, then the namespace's init) sit between the
//   runner and the program. They are told apart by their executable. The
//   program (the first process below them that runs something else) is
//   what is sampled; the exit hook reads peaks of program processes only,
//   the program's exit status from its exit_group, and the wrappers' own CPU
//   time, which is taken out of the rusage of the processes we reap (the
//   monitor, and the init when the monitor did not wait for it).
#include "practice/runner.hpp"

#include "util/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS // Linux 6.6; older kernels answer EINVAL
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP (1UL << 0)
#endif

extern char** environ;

namespace hired::practice {
namespace {

std::string errno_text(int err) {
    return std::generic_category().message(err);
}

[[noreturn]] void fail_errno(const char* what) {
    int err = errno;
    fail(Exit::env, "runner: {}: {}", what, errno_text(err));
}

class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
        reset(std::exchange(other.fd_, -1));
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    void reset(int fd = -1) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

double now_ms() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// ---------------------------------------------------------------------------
// Process-wide state: the subreaper flag and the registry of live runs.
//
// Every process of a run carries the run's tag as its RLIMIT_RTTIME (a limit
// that only matters to real-time scheduled processes, set here to a value
// that is in effect infinite). Rlimits are inherited through fork and execve
// and survive setsid, so a stray reparented to the runner can be told apart:
// tagged by a live run (left for that run to collect), by this run or a
// finished one (killed), or not tagged by this process at all (a child the
// host made some other way: never touched).

struct Registry {
    // Held shared from clone() until the new leader is registered, exclusive
    // while strays are collected: collections never overlap (so a pid is
    // never reaped by one and killed by another), and a leader is always
    // registered before anyone looks at it.
    std::shared_mutex gate;
    std::mutex mutex;                         // guards live
    std::unordered_map<uint32_t, pid_t> live; // run number -> leader (0 until cloned)
    std::atomic<uint32_t> next_run{1};
};

Registry& registry() {
    static Registry r;
    return r;
}

constexpr uint64_t tag_magic = 0x48;

uint64_t tag_of(uint32_t run) {
    return (tag_magic << 56) | (static_cast<uint64_t>(getpid() & 0xFFFFFF) << 32) | run;
}

// True when processes can carry tags: the inherited hard RLIMIT_RTTIME (for
// instance from an enclosing runner) may be too low to hold one.
bool tagging_possible() {
    rlimit rl{};
    if (getrlimit(RLIMIT_RTTIME, &rl) != 0) return false;
    return rl.rlim_max == RLIM_INFINITY || rl.rlim_max >= tag_of(UINT32_MAX);
}

// Once per process; a forked copy of the process is a new one (the flag is
// not inherited), hence the pid rather than std::call_once.
void become_subreaper() {
    static std::atomic<pid_t> done_in{0};
    static std::mutex mutex;
    pid_t self = getpid();
    if (done_in.load(std::memory_order_acquire) == self) return;
    std::lock_guard lock(mutex);
    if (done_in.load(std::memory_order_relaxed) == self) return;
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0)
        fail_errno("cannot become a child subreaper");
    done_in.store(self, std::memory_order_release);
}

// The runner's own VmHWM in KB. getrusage(RUSAGE_SELF) reports
// max(inherited-at-exec peak, own VmHWM); once the two agree the inherited
// part can never matter again (VmHWM only grows), and the cheap call is used.
int64_t parse_status_kb(std::string_view status, std::string_view key);

int64_t self_hwm_kb() {
    static std::atomic<bool> rusage_is_hwm{false};
    rusage ru{};
    if (rusage_is_hwm.load(std::memory_order_relaxed)) {
        getrusage(RUSAGE_SELF, &ru);
        return ru.ru_maxrss;
    }
    char buf[4096];
    int fd = ::open("/proc/self/status", O_RDONLY | O_CLOEXEC);
    int64_t hwm = -1;
    if (fd >= 0) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        ::close(fd);
        if (n > 0) hwm = parse_status_kb(std::string_view(buf, static_cast<size_t>(n)), "VmHWM:");
    }
    getrusage(RUSAGE_SELF, &ru);
    if (hwm < 0) return ru.ru_maxrss;
    if (hwm >= ru.ru_maxrss) rusage_is_hwm.store(true, std::memory_order_relaxed);
    return hwm;
}

int64_t parse_status_kb(std::string_view status, std::string_view key) {
    size_t at = 0;
    while (true) {
        at = status.find(key, at);
        if (at == std::string_view::npos) return -1;
        if (at == 0 || status[at - 1] == '\n') break;
        at += key.size();
    }
    at += key.size();
    while (at < status.size() && (status[at] == ' ' || status[at] == '\t'))
        ++at;
    int64_t value = 0;
    bool any = false;
    while (at < status.size() && status[at] >= '0' && status[at] <= '9') {
        value = value * 10 + (status[at] - '0');
        ++at;
        any = true;
    }
    return any ? value : -1;
}

// Reads a small /proc file whole; empty when it is gone.
std::string read_proc(const char* path) {
    std::string out;
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    char buf[4096];
    while (true) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
}

// Re-reads an open /proc file from the start into buf; its length, or -1.
ssize_t pread_proc(int fd, char* buf, size_t size) {
    ssize_t n;
    do
        n = ::pread(fd, buf, size, 0);
    while (n < 0 && errno == EINTR);
    return n;
}

template <typename F> void for_each_pid(std::string_view list, F&& f) {
    size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && (list[i] < '0' || list[i] > '9'))
            ++i;
        pid_t pid = 0;
        bool any = false;
        while (i < list.size() && list[i] >= '0' && list[i] <= '9') {
            pid = pid * 10 + (list[i] - '0');
            ++i;
            any = true;
        }
        if (any) f(pid);
    }
}

// Direct children of every thread of this process. Orphans are reparented to
// one live thread of the subreaper (in practice the main thread), leaders to
// the thread that cloned them, so all threads are read.
std::vector<pid_t> own_children() {
    std::vector<pid_t> pids;
    DIR* dir = ::opendir("/proc/self/task");
    if (!dir) return pids;
    while (dirent* entry = ::readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        char path[300];
        std::snprintf(path, sizeof path, "/proc/self/task/%s/children", entry->d_name);
        for_each_pid(read_proc(path), [&](pid_t pid) { pids.push_back(pid); });
    }
    ::closedir(dir);
    return pids;
}

double process_cpu_ms(pid_t pid) {
    clockid_t clock{};
    timespec ts{};
    if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &ts) != 0) return 0;
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double timeval_ms(const timeval& tv) {
    return static_cast<double>(tv.tv_sec) * 1e3 + static_cast<double>(tv.tv_usec) / 1e3;
}

// What a wrapped run learns from its own strays as they are reaped. A
// sandbox's monitor may exit before it reaps the namespace's init, which
// then comes to us holding the program's CPU time in its rusage.
struct StrayAccount {
    uint32_t run = 0;
    // Own CPU times read before (at exit_group, before the process tore
    // down its namespaces): replaced by the figure read from the zombie.
    const std::unordered_map<pid_t, double>* self_known = nullptr;
    double cpu_ms = 0;      // their rusage: their own time and their reaped children's
    double self_cpu_ms = 0; // their own part, less what self_known had
};

// Waits until pid is a zombie without reaping it: its CPU clock still reads.
void await_zombie(pid_t pid) {
    siginfo_t info{};
    while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT | __WALL) < 0 &&
           errno == EINTR) {
    }
}

// Kills and reaps every child of ours that belongs to no live run, until none
// is left. Called with the registry gate held exclusively. With account (and
// tags), the rusage of account->run's own strays is added up there.
void collect_strays(bool tagged, StrayAccount* account = nullptr) {
    Registry& reg = registry();
    std::unordered_set<uint32_t> live_runs;
    std::unordered_set<pid_t> live_leaders;
    {
        std::lock_guard lock(reg.mutex);
        for (const auto& [run, leader] : reg.live) {
            live_runs.insert(run);
            live_leaders.insert(leader);
        }
    }
    const pid_t own_group = getpgrp();
    const uint64_t prefix = tag_of(0) >> 32;
    // Without tags, a stray is any child in another process group than ours
    // that is neither a live leader nor in a live leader's group.
    // run: the run that tagged it, when known.
    auto is_stray = [&](pid_t pid, pid_t group, uint32_t& run) {
        run = 0;
        if (live_leaders.count(pid)) return false;
        if (tagged) {
            rlimit rl{};
            if (prlimit(pid, RLIMIT_RTTIME, nullptr, &rl) != 0) return false;
            if ((rl.rlim_max >> 32) != prefix) return false;
            run = static_cast<uint32_t>(rl.rlim_max & 0xFFFFFFFFu);
            return live_runs.count(run) == 0;
        }
        return group >= 0 && group != own_group && !live_leaders.count(group);
    };
    // Each round kills every stray seen; killed processes cannot fork, so the
    // rounds end. The bound is only a guard against the unforeseen.
    for (int round = 0; round < 100000; ++round) {
        std::vector<std::pair<pid_t, bool>> strays; // and whether account wants it
        for (pid_t pid : own_children()) {
            pid_t group = getpgid(pid);
            uint32_t run = 0;
            if (!is_stray(pid, group, run)) continue;
            strays.emplace_back(pid, account && run == account->run);
            ::kill(pid, SIGKILL);
            // A stray that leads its own group (it called setsid or setpgid)
            // takes its group with it.
            if (group == pid) ::kill(-group, SIGKILL);
        }
        if (strays.empty()) return;
        for (auto [pid, counted] : strays) {
            if (!counted) {
                while (::waitpid(pid, nullptr, __WALL) < 0 && errno == EINTR) {
                }
                continue;
            }
            await_zombie(pid);
            auto known = account->self_known->find(pid);
            account->self_cpu_ms +=
                process_cpu_ms(pid) - (known != account->self_known->end() ? known->second : 0.0);
            rusage ru{};
            while (::wait4(pid, nullptr, __WALL, &ru) < 0 && errno == EINTR) {
            }
            account->cpu_ms += timeval_ms(ru.ru_utime) + timeval_ms(ru.ru_stime);
        }
    }
}

// ---------------------------------------------------------------------------
// The child side: runs on its own stack in the parent's memory until execve.

enum Stage : int { stage_ok = 0, stage_setup = 1, stage_chdir = 2, stage_exec = 3 };

struct KernelSigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)();
    uint64_t mask;
};

struct ChildPlan {
    int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1;
    int hook_socket = -1; // the child's end; the listener fd is sent over it
    pid_t parent = 0;
    const char* cwd = nullptr;
    const char* const* candidates = nullptr;
    size_t candidate_count = 0;
    char* const* argv = nullptr;
    char* const* envp = nullptr;
    rlimit stack{}, cpu{}, core{}, tag{};
    bool set_stack = false, set_cpu = false, set_tag = false;
    uint64_t ignored = ~uint64_t{0}; // signals to reset to SIG_DFL (bit sig - 1)
    const sock_fprog* hook_filter = nullptr;
    msghdr* hook_message = nullptr; // prepared by the parent; the child fills in the fd
    int* hook_message_fd = nullptr;
    // Written by the child.
    volatile int stage = stage_ok;
    volatile int error = 0;
    volatile int hook = 0;
};

#define HIRED_CHILD_CODE __attribute__((no_sanitize("address", "undefined"), noinline))

[[noreturn]] HIRED_CHILD_CODE void child_fail(ChildPlan* plan, int stage, int err) {
    plan->error = err;
    plan->stage = stage;
    // SYS_exit, not exit_group: the exit hook may already be installed and
    // the parent, still suspended by CLONE_VFORK, could not answer it.
    for (;;)
        syscall(SYS_exit, 127);
}

HIRED_CHILD_CODE int child_main(void* arg) {
    auto* plan = static_cast<ChildPlan*>(arg);
    if (syscall(SYS_setpgid, 0, 0) != 0) child_fail(plan, stage_setup, errno);

    const int sources[3] = {plan->stdin_fd, plan->stdout_fd, plan->stderr_fd};
    for (int target = 0; target < 3; ++target) {
        if (sources[target] == target) {
            if (syscall(SYS_fcntl, target, F_SETFD, 0) != 0) child_fail(plan, stage_setup, errno);
        } else if (syscall(SYS_dup3, sources[target], target, 0) < 0) {
            child_fail(plan, stage_setup, errno);
        }
    }

    if (plan->set_stack && syscall(SYS_prlimit64, 0, RLIMIT_STACK, &plan->stack, nullptr) != 0)
        child_fail(plan, stage_setup, errno);
    if (plan->set_cpu && syscall(SYS_prlimit64, 0, RLIMIT_CPU, &plan->cpu, nullptr) != 0)
        child_fail(plan, stage_setup, errno);
    syscall(SYS_prlimit64, 0, RLIMIT_CORE, &plan->core, nullptr);
    if (plan->set_tag && syscall(SYS_prlimit64, 0, RLIMIT_RTTIME, &plan->tag, nullptr) != 0)
        child_fail(plan, stage_setup, errno);

    if (syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0)
        child_fail(plan, stage_setup, errno);
    if (syscall(SYS_getppid) != plan->parent) child_fail(plan, stage_setup, ESRCH);

    // Nothing of the runner's leaks into the program but 0, 1 and 2.
    syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC);

    if (plan->cwd && syscall(SYS_chdir, plan->cwd) != 0) child_fail(plan, stage_chdir, errno);

    if (plan->hook_filter && syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0) {
        long listener = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
                                SECCOMP_FILTER_FLAG_NEW_LISTENER, plan->hook_filter);
        if (listener >= 0) {
            *plan->hook_message_fd = static_cast<int>(listener);
            long sent;
            do
                sent = syscall(SYS_sendmsg, plan->hook_socket, plan->hook_message,
                               MSG_DONTWAIT | MSG_NOSIGNAL);
            while (sent < 0 && errno == EINTR);
            // With the filter installed and nobody listening, every exit of
            // the program would fail; better not to run it at all.
            if (sent < 0) child_fail(plan, stage_setup, errno);
            plan->hook = 1;
        }
    }

    // Handlers are reset by execve itself, and none can run before it: a
    // new process has no pending signal, everything stays blocked until
    // here, and nobody else knows this pid yet. Ignored signals, though,
    // stay ignored through execve.
    KernelSigaction dfl{};
    dfl.handler = SIG_DFL;
    for (int sig = 1; sig < 65; ++sig) {
        if (sig == SIGKILL || sig == SIGSTOP || !(plan->ignored >> (sig - 1) & 1)) continue;
        syscall(SYS_rt_sigaction, sig, &dfl, nullptr, sizeof(uint64_t));
    }
    uint64_t empty_mask = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &empty_mask, nullptr, sizeof(uint64_t));

    // execvp's rules: skip candidates that do not exist, remember EACCES,
    // stop at any other error. No shell fallback for ENOEXEC.
    int err = ENOENT;
    bool denied = false;
    for (size_t i = 0; i < plan->candidate_count; ++i) {
        syscall(SYS_execve, plan->candidates[i], plan->argv, plan->envp);
        err = errno;
        if (err == EACCES) {
            denied = true;
        } else if (err != ENOENT && err != ENOTDIR && err != ESTALE && err != ENODEV &&
                   err != ETIMEDOUT) {
            break;
        }
    }
    if (denied &&
        (err == ENOENT || err == ENOTDIR || err == ESTALE || err == ENODEV || err == ETIMEDOUT))
        err = EACCES;
    child_fail(plan, stage_exec, err);
}

// exit_group becomes a user notification; everything else is allowed.
#if defined(__x86_64__)
#define HIRED_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define HIRED_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#ifdef HIRED_AUDIT_ARCH
sock_filter exit_hook_code[] = {
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, HIRED_AUDIT_ARCH, 0, 3),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_exit_group, 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};
const sock_fprog exit_hook_filter = {
    static_cast<unsigned short>(sizeof exit_hook_code / sizeof exit_hook_code[0]), exit_hook_code};
#endif

// The listener of the exit hook this thread carries (carry_exit_hook), or -1.
struct CarriedHook {
    int fd = -1;
    bool tried = false;
    ~CarriedHook() {
        if (fd >= 0) ::close(fd);
    }
};
thread_local CarriedHook carried_hook;

// ---------------------------------------------------------------------------
// The parent side.

struct Pipe {
    Fd read, write;
};

// Keeps fd away from 0, 1 and 2 so the child's dup2 calls cannot collide.
Fd high_fd(int fd) {
    if (fd > 2) return Fd(fd);
    int moved = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    int err = errno;
    ::close(fd);
    if (moved < 0) {
        errno = err;
        fail_errno("fcntl");
    }
    return Fd(moved);
}

Pipe make_pipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) fail_errno("pipe");
    Pipe p;
    p.read = high_fd(fds[0]);
    p.write = high_fd(fds[1]);
    return p;
}

// A fresh pipe end has no status flags but its access mode, which F_SETFL
// ignores: no need to read them first.
void set_nonblocking(int fd) {
    if (fcntl(fd, F_SETFL, O_NONBLOCK) != 0) fail_errno("fcntl");
}

// The signals this process ignores (SigIgn of /proc/self/status: one read
// instead of 64 sigaction calls); all of them when that cannot be read.
uint64_t ignored_signals() {
    std::string status = read_proc("/proc/self/status");
    size_t at = status.find("\nSigIgn:");
    if (at == std::string::npos) return ~uint64_t{0};
    at += 8;
    while (at < status.size() && (status[at] == ' ' || status[at] == '\t'))
        ++at;
    uint64_t mask = 0;
    size_t digits = 0;
    for (; at < status.size(); ++at, ++digits) {
        char c = status[at];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) break;
        mask = mask << 4 | static_cast<uint64_t>(v);
    }
    return digits > 0 ? mask : ~uint64_t{0};
}

bool has_slash(const std::string& s) {
    return s.find('/') != std::string::npos;
}

std::vector<std::string> exec_candidates(const std::string& name) {
    if (has_slash(name)) return {name};
    const char* path = std::getenv("PATH");
    std::string_view dirs = path ? path : "/usr/local/bin:/bin:/usr/bin";
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t end = dirs.find(':', start);
        std::string_view dir =
            dirs.substr(start, end == std::string_view::npos ? end : end - start);
        std::string cand = dir.empty() ? std::string(".") : std::string(dir);
        cand += '/';
        cand += name;
        out.push_back(std::move(cand));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

struct EnvStorage {
    std::vector<std::string> storage;
    std::vector<char*> pointers;
};

std::string_view name_of(std::string_view entry) {
    return entry.substr(0, entry.find('='));
}

// base with env_add entries replacing same-named ones (the last of several
// same-named env_add entries wins).
char* const* build_environment(const std::vector<std::string>& add, char* const* base,
                               EnvStorage& env) {
    if (add.empty()) return base;
    for (char* const* e = base; e && *e; ++e) {
        std::string_view entry(*e);
        bool replaced = std::any_of(add.begin(), add.end(), [&](const std::string& a) {
            return name_of(a) == name_of(entry);
        });
        if (!replaced) env.pointers.push_back(*e);
    }
    for (size_t i = 0; i < add.size(); ++i) {
        bool overridden = std::any_of(
            add.begin() + static_cast<std::ptrdiff_t>(i) + 1, add.end(),
            [&](const std::string& later) { return name_of(later) == name_of(add[i]); });
        if (!overridden) env.storage.push_back(add[i]);
    }
    for (std::string& a : env.storage)
        env.pointers.push_back(a.data());
    env.pointers.push_back(nullptr);
    return env.pointers.data();
}

rlim_t hard_limit(int resource) {
    rlimit rl{};
    if (getrlimit(resource, &rl) != 0) return RLIM_INFINITY;
    return rl.rlim_max;
}

rlimit capped_limit(rlim_t soft, rlim_t hard, int resource) {
    rlim_t max = hard_limit(resource);
    if (max != RLIM_INFINITY) {
        soft = std::min(soft, max);
        hard = std::min(hard, max);
    }
    return {soft, hard};
}

int recv_fd(int socket) {
    char control[CMSG_SPACE(sizeof(int))] = {};
    char byte = 0;
    iovec iov{&byte, 1};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n;
    do
        n = ::recvmsg(socket, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n < 0) return -1;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int fd;
            std::memcpy(&fd, CMSG_DATA(c), sizeof fd);
            return fd;
        }
    }
    return -1;
}

int pidfd_kill(int pidfd) {
    return static_cast<int>(syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0));
}

// Everything about one live program, from clone() to the last reaped stray.
class Supervision {
public:
    Supervision(const RunRequest& request, RunResult& result) : req_(request), res_(result) {}
    ~Supervision() { finish(); }
    Supervision(const Supervision&) = delete;
    Supervision& operator=(const Supervision&) = delete;

    // False when the program could not be started (res_ says why).
    bool start();
    void supervise();
    // Reaps the leader and every stray, collects the last output. Idempotent.
    void finish();
    // Fills in the outcome and the measurements; after finish().
    void report();

private:
    void kill_for(Outcome why);
    void sample();
    void read_stdout();
    void read_stderr();
    void write_stdin();
    void answer_hook();
    void note_wrapped_exit(const seccomp_notif& notif);
    // For a wrapped run: 1 when pid runs the wrapper, 0 when it runs
    // something else, -1 when that cannot be told (gone, or a zombie).
    int runs_wrapper(pid_t pid) const;
    // For a wrapped run: the program, i.e. the first process below the
    // wrapper's own that runs something else; 0 while there is none.
    pid_t find_program() const;
    // Stops listening: this run's listener is closed; a carried one is
    // only ignored for the rest of the run (the thread keeps its filter).
    void drop_hook() {
        own_hook_.reset();
        hook_ = -1;
    }
    void drain();

    const RunRequest& req_;
    RunResult& res_;
    const RunLimits& lim() const { return req_.limits; }

    pid_t pid_ = -1;
    Fd pidfd_, in_, out_, err_, own_hook_, status_fd_, children_fd_;
    int hook_ = -1; // own_hook_, or the listener this thread carries
    bool reaped_ = false, exited_ = false, out_open_ = true, err_open_ = true;
    bool saw_epipe_ = false, output_exceeded_ = false;
    bool registered_ = false, tagged_ = false;
    uint32_t run_ = 0;
    std::optional<Outcome> killed_for_;
    size_t in_offset_ = 0;
    double start_ms_ = 0, end_ms_ = 0;
    int64_t polled_peak_kb_ = 0, hook_peak_kb_ = 0;
    clockid_t cpu_clock_{};
    bool have_cpu_clock_ = false, tried_cpu_clock_ = false;
    int status_ = 0;
    rusage usage_{};
    int wait_errno_ = 0;
    rlim_t cpu_rlimit_s_ = 0;
    sigset_t old_mask_{};
    bool mask_changed_ = false;
    // A wrapped run (req_.wrapper): which file the wrapper is, and what the
    // exit hook and the samples learnt about the program under it.
    bool wrapped_ = false, hooked_ = false;
    dev_t wrapper_dev_ = 0;
    ino_t wrapper_ino_ = 0;
    pid_t program_ = 0;
    int program_exit_ = -1;     // the status it passed to exit_group
    double wrapper_cpu_ms_ = 0; // the wrapper processes' own CPU time, read as they exit
    std::unordered_map<pid_t, double> self_known_; // the wrapper processes read so far
    double stray_cpu_ms_ = 0;   // the rusage of this run's strays (a sandbox's init)
    double program_cpu_ms_ = 0; // the program's CPU time, last sampled
};

bool Supervision::start() {
    const RunLimits& l = lim();
    if (req_.argv.empty() || req_.argv[0].empty()) {
        res_.outcome = Outcome::spawn_failed;
        res_.error = "cannot run an empty command";
        return false;
    }
    become_subreaper();
    if (!req_.wrapper.empty()) {
        struct stat st {};
        if (::stat(req_.wrapper.c_str(), &st) != 0) {
            res_.outcome = Outcome::spawn_failed;
            res_.error =
                fmt::format("cannot run '{}': {}", req_.wrapper.string(), errno_text(errno));
            return false;
        }
        wrapped_ = true;
        wrapper_dev_ = st.st_dev;
        wrapper_ino_ = st.st_ino;
    }

    std::vector<std::string> candidates = exec_candidates(req_.argv[0]);
    std::vector<const char*> candidate_ptrs;
    for (const std::string& c : candidates)
        candidate_ptrs.push_back(c.c_str());
    std::vector<char*> argv;
    for (const std::string& a : req_.argv)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    EnvStorage env_storage;
    char* const* envp = build_environment(
        req_.env_add, req_.environment ? req_.environment->envp() : environ, env_storage);
    std::string cwd = req_.cwd.string();

    Pipe in = make_pipe(), out = make_pipe(), err = make_pipe();
    set_nonblocking(in.write.get());
    set_nonblocking(out.read.get());
    set_nonblocking(err.read.get());

    ChildPlan plan;
    plan.stdin_fd = in.read.get();
    plan.stdout_fd = out.write.get();
    plan.stderr_fd = err.write.get();
    plan.parent = getpid();
    plan.cwd = cwd.empty() ? nullptr : cwd.c_str();
    plan.candidates = candidate_ptrs.data();
    plan.candidate_count = candidate_ptrs.size();
    plan.argv = argv.data();
    plan.envp = envp;

    int64_t stack_kb = l.stack_kb > 0 ? l.stack_kb : l.memory_kb;
    if (stack_kb > 0) {
        rlim_t bytes = static_cast<rlim_t>(stack_kb) * 1024;
        plan.stack = capped_limit(bytes, RLIM_INFINITY, RLIMIT_STACK);
        plan.set_stack = true;
    }
    if (l.cpu_ms > 0) {
        cpu_rlimit_s_ = static_cast<rlim_t>((l.cpu_ms + 999) / 1000 + 1);
        plan.cpu = capped_limit(cpu_rlimit_s_, cpu_rlimit_s_ + 1, RLIMIT_CPU);
        plan.set_cpu = true;
    }
    plan.core = {0, 0};
    plan.ignored = ignored_signals();
    tagged_ = tagging_possible();

    // The exit hook's transport: a socket pair, and the message prepared here
    // so that the child only has to write the listener's number into it.
    Fd hook_parent, hook_child;
    char hook_control[CMSG_SPACE(sizeof(int))] = {};
    char hook_byte = 'h';
    iovec hook_iov{&hook_byte, 1};
    msghdr hook_msg{};
#ifdef HIRED_AUDIT_ARCH
    if (carried_hook.fd < 0) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv) != 0) fail_errno("socketpair");
        hook_parent.reset(sv[0]);
        hook_child.reset(sv[1]);
        hook_msg.msg_iov = &hook_iov;
        hook_msg.msg_iovlen = 1;
        hook_msg.msg_control = hook_control;
        hook_msg.msg_controllen = sizeof hook_control;
        cmsghdr* c = CMSG_FIRSTHDR(&hook_msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        plan.hook_socket = hook_child.get();
        plan.hook_filter = &exit_hook_filter;
        plan.hook_message = &hook_msg;
        plan.hook_message_fd = reinterpret_cast<int*>(CMSG_DATA(c));
    }
#endif

    // The child's stack: this frame stays put while the child runs on it,
    // since this thread is suspended until the child's execve.
    alignas(64) char child_stack[32 * 1024];

    sigset_t all;
    sigfillset(&all);
    // The child must not run one of our signal handlers in our memory before
    // it has reset them: everything is blocked across clone().
    pthread_sigmask(SIG_SETMASK, &all, &old_mask_);
    mask_changed_ = true;
    int pidfd = -1;
    int clone_errno = 0;
    {
        Registry& reg = registry();
        std::shared_lock gate(reg.gate);
        {
            std::lock_guard lock(reg.mutex);
            do
                run_ = reg.next_run++;
            while (run_ == 0 || reg.live.count(run_));
            reg.live.emplace(run_, 0);
            registered_ = true;
        }
        if (tagged_) {
            rlim_t tag = tag_of(run_);
            plan.tag = {tag, tag};
            plan.set_tag = true;
        }
        start_ms_ = now_ms();
        pid_ = ::clone(child_main, child_stack + sizeof child_stack,
                       CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, &plan, &pidfd);
        clone_errno = errno;
        std::lock_guard lock(reg.mutex);
        if (pid_ > 0) {
            reg.live[run_] = pid_;
        } else {
            reg.live.erase(run_);
            registered_ = false;
        }
    }
    // SIGPIPE stays blocked in this thread while we feed stdin: a program
    // that closes its stdin early makes our write fail with EPIPE instead.
    sigset_t run_mask = old_mask_;
    sigaddset(&run_mask, SIGPIPE);
    pthread_sigmask(SIG_SETMASK, &run_mask, nullptr);

    if (pid_ <= 0) {
        pid_ = -1;
        errno = clone_errno;
        fail_errno("cannot create a process");
    }
    pidfd_.reset(pidfd);
    in_ = std::move(in.write);
    out_ = std::move(out.read);
    err_ = std::move(err.read);
    // The child's ends close here, so EOF arrives when the program's side closes.
    in.read.reset();
    out.write.reset();
    err.write.reset();
    hook_child.reset();
    if (carried_hook.fd >= 0) {
        hook_ = carried_hook.fd; // the program inherited this thread's filter
    } else if (plan.hook) {
        own_hook_.reset(recv_fd(hook_parent.get()));
        // Hand the CPU straight between the exiting program and us: the
        // exit round trip then costs no cross-CPU wake-ups.
        if (own_hook_)
            ioctl(own_hook_.get(), SECCOMP_IOCTL_NOTIF_SET_FLAGS, SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP);
        hook_ = own_hook_ ? own_hook_.get() : -1;
    }
    hooked_ = hook_ >= 0;

    if (plan.stage != stage_ok) {
        const std::string& name = req_.argv[0];
        int e = plan.error;
        res_.outcome = Outcome::spawn_failed;
        if (plan.stage == stage_chdir)
            res_.error =
                fmt::format("cannot run '{}': cannot enter '{}': {}", name, cwd, errno_text(e));
        else if (plan.stage == stage_exec)
            res_.error = fmt::format("cannot run '{}': {}", name, errno_text(e));
        else
            res_.error = fmt::format("cannot run '{}': setting up the process failed: {}", name,
                                     errno_text(e));
        return false;
    }
    if (req_.input.empty()) in_.reset();
    return true;
}

void Supervision::kill_for(Outcome why) {
    if (killed_for_) return;
    killed_for_ = why;
    if (reaped_) return; // its pid may belong to someone else by now
    pidfd_kill(pidfd_.get());
    ::kill(-pid_, SIGKILL); // the leader is not reaped yet, so its group id is still ours
    in_.reset();
}

void Supervision::sample() {
    const RunLimits& l = lim();
    // Under a wrapper the program is measured, not the wrapper; nothing is
    // until the program has started.
    if (wrapped_ && !program_) program_ = find_program();
    const pid_t target = wrapped_ ? program_ : pid_;
    if (target <= 0) return;
    if (!tried_cpu_clock_) {
        tried_cpu_clock_ = true;
        have_cpu_clock_ = clock_getcpuclockid(target, &cpu_clock_) == 0;
    }
    if (have_cpu_clock_ && (l.cpu_ms > 0 || wrapped_)) {
        timespec ts{};
        if (clock_gettime(cpu_clock_, &ts) == 0) {
            double cpu =
                static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
            program_cpu_ms_ = std::max(program_cpu_ms_, cpu);
            if (l.cpu_ms > 0 && cpu >= static_cast<double>(l.cpu_ms)) kill_for(Outcome::cpu_limit);
        }
    }

    if (!status_fd_) {
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%d/status", target);
        status_fd_.reset(::open(path, O_RDONLY | O_CLOEXEC));
        std::snprintf(path, sizeof path, "/proc/%d/task/%d/children", target, target);
        children_fd_.reset(::open(path, O_RDONLY | O_CLOEXEC));
    }
    char buf[4096];
    int64_t rss = 0;
    if (status_fd_) {
        ssize_t n = pread_proc(status_fd_.get(), buf, sizeof buf);
        if (n > 0) {
            std::string_view s(buf, static_cast<size_t>(n));
            polled_peak_kb_ = std::max(polled_peak_kb_, parse_status_kb(s, "VmHWM:"));
            rss = std::max<int64_t>(0, parse_status_kb(s, "VmRSS:"));
        }
    }
    // The program's own children count towards its memory while they run.
    // Only the main thread's children are seen; bounded per tick.
    if (children_fd_) {
        ssize_t n = pread_proc(children_fd_.get(), buf, sizeof buf - 1);
        if (n > 0) {
            std::vector<pid_t> queue;
            for_each_pid(std::string_view(buf, static_cast<size_t>(n)),
                         [&](pid_t p) { queue.push_back(p); });
            int64_t total = rss;
            for (size_t i = 0; i < queue.size() && i < 256; ++i) {
                char path[64];
                std::snprintf(path, sizeof path, "/proc/%d/status", queue[i]);
                total += std::max<int64_t>(0, parse_status_kb(read_proc(path), "VmRSS:"));
                std::snprintf(path, sizeof path, "/proc/%d/task/%d/children", queue[i], queue[i]);
                for_each_pid(read_proc(path), [&](pid_t p) { queue.push_back(p); });
            }
            polled_peak_kb_ = std::max(polled_peak_kb_, total);
        }
    }
    if (l.memory_kb > 0 && polled_peak_kb_ > l.memory_kb) kill_for(Outcome::memory_limit);
}

void Supervision::read_stdout() {
    char buf[64 * 1024];
    const int64_t cap = lim().output_bytes;
    while (out_open_) {
        ssize_t n = ::read(out_.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        if (n <= 0) { // EOF, or an error that ends the stream all the same
            out_open_ = false;
            return;
        }
        size_t keep = static_cast<size_t>(n);
        if (cap >= 0) {
            size_t room =
                static_cast<size_t>(cap) - std::min(res_.output.size(), static_cast<size_t>(cap));
            if (keep > room) {
                keep = room;
                output_exceeded_ = true;
            }
        }
        if (keep > 0) {
            size_t need = res_.output.size() + keep;
            if (need > res_.output.capacity()) {
                // Grow geometrically but never beyond the cap.
                size_t want = std::max(need, res_.output.capacity() * 2);
                if (cap >= 0) want = std::min(want, static_cast<size_t>(cap));
                res_.output.reserve(want);
            }
            res_.output.append(buf, keep);
        }
        if (output_exceeded_) {
            kill_for(Outcome::output_limit);
            out_open_ = false; // what follows is not kept
            return;
        }
    }
}

void Supervision::read_stderr() {
    char buf[64 * 1024];
    const size_t cap = static_cast<size_t>(std::max<int64_t>(0, lim().stderr_bytes));
    while (err_open_) {
        ssize_t n = ::read(err_.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        if (n <= 0) {
            err_open_ = false;
            return;
        }
        size_t room = cap - std::min(res_.errors.size(), cap);
        size_t keep = std::min(room, static_cast<size_t>(n));
        res_.errors.append(buf, keep);
        if (keep < static_cast<size_t>(n)) res_.errors_truncated = true;
    }
}

void Supervision::write_stdin() {
    const std::string& input = req_.input;
    while (in_ && in_offset_ < input.size()) {
        ssize_t n = ::write(in_.get(), input.data() + in_offset_, input.size() - in_offset_);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return;
        if (n < 0) { // EPIPE: the program closed its stdin, which is its right
            saw_epipe_ = saw_epipe_ || errno == EPIPE;
            in_.reset();
            return;
        }
        in_offset_ += static_cast<size_t>(n);
    }
    in_.reset(); // all written: the program sees EOF
}

void Supervision::answer_hook() {
    seccomp_notif notif;
    std::memset(&notif, 0, sizeof notif);
    if (ioctl(hook_, SECCOMP_IOCTL_NOTIF_RECV, &notif) != 0) {
        if (errno != EINTR && errno != ENOENT) drop_hook();
        return;
    }
    // The exiting thread still has its memory: read its process's peak. Any
    // process of the run counts (a wrapper's child is the real program).
    if (wrapped_) {
        note_wrapped_exit(notif);
    } else if (static_cast<pid_t>(notif.pid) == pid_ && status_fd_) {
        char buf[4096];
        ssize_t n = pread_proc(status_fd_.get(), buf, sizeof buf);
        if (n > 0) {
            std::string_view status(buf, static_cast<size_t>(n));
            hook_peak_kb_ = std::max(hook_peak_kb_, parse_status_kb(status, "VmHWM:"));
        }
    } else {
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%u/status", notif.pid);
        hook_peak_kb_ = std::max(hook_peak_kb_, parse_status_kb(read_proc(path), "VmHWM:"));
    }
    seccomp_notif_resp resp;
    std::memset(&resp, 0, sizeof resp);
    resp.id = notif.id;
    resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    ioctl(hook_, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

int Supervision::runs_wrapper(pid_t pid) const {
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/exe", pid);
    struct stat st {};
    if (::stat(path, &st) != 0) return -1;
    return st.st_dev == wrapper_dev_ && st.st_ino == wrapper_ino_ ? 1 : 0;
}

pid_t Supervision::find_program() const {
    // A sandbox nests a few processes of its own (bwrap: the monitor, then
    // the namespace's init); the program is the first that runs something
    // else. Until it has called execve, it still runs the wrapper.
    pid_t parent = pid_;
    for (int depth = 0; depth < 4 && parent > 0; ++depth) {
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%d/task/%d/children", parent, parent);
        pid_t found = 0, wrapper = 0;
        for_each_pid(read_proc(path), [&](pid_t child) {
            if (found) return;
            int w = runs_wrapper(child);
            if (w == 0)
                found = child;
            else if (w == 1 && !wrapper)
                wrapper = child;
        });
        if (found) return found;
        parent = wrapper;
    }
    return 0;
}

void Supervision::note_wrapped_exit(const seccomp_notif& notif) {
    const auto tid = static_cast<pid_t>(notif.pid);
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", tid);
    std::string status = read_proc(path);
    auto tgid = static_cast<pid_t>(parse_status_kb(status, "Tgid:"));
    if (runs_wrapper(tid) == 1) {
        // Its own CPU time is in some rusage of ours too; it is taken out
        // in report(). Read once per process (any of its threads may exit).
        if (tgid > 0 && !self_known_.count(tgid)) {
            double self = process_cpu_ms(tgid);
            self_known_.emplace(tgid, self);
            wrapper_cpu_ms_ += self;
        }
        return;
    }
    hook_peak_kb_ = std::max(hook_peak_kb_, parse_status_kb(status, "VmHWM:"));
    // A program too quick for the first sample is recognised here: its
    // parent is the wrapper's.
    if (!program_) {
        auto parent = static_cast<pid_t>(parse_status_kb(status, "PPid:"));
        if (parent > 0 && runs_wrapper(parent) == 1) program_ = tgid;
    }
    if (tgid > 0 && tgid == program_) program_exit_ = static_cast<int>(notif.data.args[0] & 0xff);
}

void Supervision::supervise() {
    const RunLimits& l = lim();
    const double deadline = l.wall_ms > 0 ? start_ms_ + static_cast<double>(l.wall_ms) : INFINITY;
    double tick_every = 1;
    double next_tick = start_ms_ + tick_every;
    if (in_) write_stdin();
    while (!exited_) {
        double now = now_ms();
        if (!killed_for_ && now >= deadline) kill_for(Outcome::wall_limit);
        if (now >= next_tick) {
            if (!killed_for_) sample();
            tick_every = std::min(10.0, tick_every * 2);
            next_tick = now + tick_every;
        }
        double wake = next_tick;
        if (!killed_for_) wake = std::min(wake, deadline);
        double wait = std::max(0.0, wake - now);
        timespec ts{static_cast<time_t>(wait / 1e3), static_cast<long>(std::fmod(wait, 1e3) * 1e6)};

        pollfd fds[5] = {
            {pidfd_.get(), POLLIN, 0},
            {out_open_ ? out_.get() : -1, POLLIN, 0},
            {err_open_ ? err_.get() : -1, POLLIN, 0},
            {in_ ? in_.get() : -1, POLLOUT, 0},
            {hook_, POLLIN, 0},
        };
        int n = ::ppoll(fds, 5, &ts, nullptr);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail_errno("poll");
        }
        if (n == 0) continue;
        if (fds[4].revents & POLLIN)
            answer_hook();
        else if (fds[4].revents & (POLLHUP | POLLERR | POLLNVAL))
            drop_hook();
        if (fds[1].revents) read_stdout();
        if (fds[2].revents) read_stderr();
        if (fds[3].revents & POLLOUT)
            write_stdin();
        else if (fds[3].revents)
            in_.reset(); // the read end is gone
        if (fds[0].revents) {
            exited_ = true;
            end_ms_ = now_ms();
        }
    }
}

void Supervision::drain() {
    if (out_open_) read_stdout();
    if (err_open_) read_stderr();
}

void Supervision::finish() {
    if (pid_ <= 0) {
        if (registered_) {
            std::lock_guard lock(registry().mutex);
            registry().live.erase(run_);
            registered_ = false;
        }
        if (mask_changed_) pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
        mask_changed_ = false;
        return;
    }
    if (!reaped_) {
        if (end_ms_ == 0) end_ms_ = now_ms();
        // Whatever stays of the program's group dies with it. The zombie
        // leader still pins the group id, so this cannot hit a stranger.
        ::kill(-pid_, SIGKILL);
        if (!exited_) pidfd_kill(pidfd_.get()); // we got here early, by an exception
        if (wrapped_ && !self_known_.count(pid_)) {
            // A wrapper killed before its exit_group: its own time, as a zombie.
            await_zombie(pid_);
            double self = process_cpu_ms(pid_);
            self_known_.emplace(pid_, self);
            wrapper_cpu_ms_ += self;
        }
        pid_t got;
        do
            got = ::wait4(pid_, &status_, __WALL, &usage_);
        while (got < 0 && errno == EINTR);
        // ECHILD: someone else reaped it (SIGCHLD ignored, or a waitpid(-1)
        // elsewhere in this process), and its status is lost.
        if (got < 0) wait_errno_ = errno;
        reaped_ = true;
    }
    {
        Registry& reg = registry();
        std::unique_lock gate(reg.gate);
        if (registered_) {
            std::lock_guard lock(reg.mutex);
            reg.live.erase(run_);
            registered_ = false;
        }
        StrayAccount account;
        account.run = run_;
        account.self_known = &self_known_;
        collect_strays(tagged_, wrapped_ ? &account : nullptr);
        stray_cpu_ms_ = account.cpu_ms;
        wrapper_cpu_ms_ += account.self_cpu_ms;
    }
    // Every writer is dead now: what is left in the pipes is the last output.
    drain();
    own_hook_.reset();
    hook_ = -1;
    pidfd_.reset();
    in_.reset();
    out_.reset();
    err_.reset();
    status_fd_.reset();
    children_fd_.reset();
    if (mask_changed_) {
        if (saw_epipe_ && !sigismember(&old_mask_, SIGPIPE)) {
            // Our EPIPE also raised a SIGPIPE, pending on this thread: take it.
            sigset_t pipe_only;
            sigemptyset(&pipe_only);
            sigaddset(&pipe_only, SIGPIPE);
            timespec zero{0, 0};
            while (sigtimedwait(&pipe_only, nullptr, &zero) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
        mask_changed_ = false;
    }
    pid_ = -1;
}

void Supervision::report() {
    const RunLimits& l = lim();
    if (wait_errno_ != 0)
        fail(Exit::env, "runner: cannot collect the exit status of '{}': {}", req_.argv[0],
             errno_text(wait_errno_));
    res_.wall_ms = end_ms_ - start_ms_;
    res_.cpu_ms = timeval_ms(usage_.ru_utime) + timeval_ms(usage_.ru_stime);
    int64_t peak = std::max(polled_peak_kb_, hook_peak_kb_);
    bool by_signal = WIFSIGNALED(status_);
    if (WIFEXITED(status_)) res_.exit_code = WEXITSTATUS(status_);
    if (by_signal) res_.signal = WTERMSIG(status_);
    if (wrapped_) {
        // The program's time is in the leader's rusage, or in that of a
        // stray of the run (the namespace's init, when the monitor did not
        // wait for it), along with the wrapper processes' own, which were
        // read one by one. A sample stands in when that is not all there is.
        res_.cpu_ms =
            std::max({res_.cpu_ms + stray_cpu_ms_ - wrapper_cpu_ms_, program_cpu_ms_, 0.0});
        // ru_maxrss is the largest peak of any of them, the wrapper's
        // included: only a fallback when the hook saw nothing.
        if (!hooked_ && usage_.ru_maxrss > peak && usage_.ru_maxrss > self_hwm_kb())
            peak = usage_.ru_maxrss;
        if (!killed_for_ && WIFEXITED(status_)) {
            const int code = WEXITSTATUS(status_);
            const std::string prefix = req_.wrapper.filename().string() + ": ";
            if (program_exit_ >= 0) {
                res_.exit_code = program_exit_;
            } else if (!program_ && code != 0 && res_.errors.rfind(prefix, 0) == 0) {
                // The wrapper failed before the program ran (or its execve did).
                res_.outcome = Outcome::spawn_failed;
                res_.error = res_.errors.substr(0, res_.errors.find('\n'));
                res_.peak_kb = peak;
                return;
            } else if (code > 128 && code <= 128 + 64) {
                // A wrapper reports a program killed by signal N as 128 + N;
                // one that exited by itself was seen by the hook above.
                by_signal = true;
                res_.signal = code - 128;
                res_.exit_code = -1;
            }
        }
    } else if (usage_.ru_maxrss > peak && usage_.ru_maxrss > self_hwm_kb()) {
        // ru_maxrss is max(the runner's peak at execve, the program's peak):
        // it only says something about the program when it exceeds the former.
        peak = usage_.ru_maxrss;
    }
    res_.peak_kb = peak;

    if (killed_for_) {
        res_.outcome = *killed_for_;
    } else if (l.cpu_ms > 0 && res_.cpu_ms > static_cast<double>(l.cpu_ms)) {
        res_.outcome = Outcome::cpu_limit;
    } else if (l.memory_kb > 0 && peak > l.memory_kb) {
        res_.outcome = Outcome::memory_limit;
    } else if (output_exceeded_) {
        res_.outcome = Outcome::output_limit;
    } else if (by_signal) {
        // SIGXCPU, or the SIGKILL that follows it, comes from RLIMIT_CPU.
        bool rlimit_cpu = res_.signal == SIGXCPU ||
                          (res_.signal == SIGKILL && cpu_rlimit_s_ > 0 &&
                           res_.cpu_ms >= static_cast<double>(cpu_rlimit_s_) * 1e3 - 10);
        res_.outcome = rlimit_cpu ? Outcome::cpu_limit : Outcome::signaled;
    } else {
        res_.outcome = Outcome::exited;
    }
}

} // namespace

Environment::Environment(std::vector<std::string> entries) : entries_(std::move(entries)) {
    pointers_.reserve(entries_.size() + 1);
    for (std::string& e : entries_)
        pointers_.push_back(e.data());
    pointers_.push_back(nullptr);
}

Environment& Environment::operator=(const Environment& other) {
    if (this != &other) *this = Environment(other.entries_);
    return *this;
}

const char* Environment::get(std::string_view name) const {
    for (const std::string& e : entries_)
        if (name_of(e) == name && e.size() > name.size()) return e.c_str() + name.size() + 1;
    return nullptr;
}

Environment Environment::with(std::string_view name, std::string_view value) const {
    std::vector<std::string> out;
    out.reserve(entries_.size() + 1);
    for (const std::string& e : entries_)
        if (name_of(e) != name) out.push_back(e);
    out.push_back(std::string(name) + "=" + std::string(value));
    return Environment(std::move(out));
}

RunResult run_process(const RunRequest& request) {
    RunResult result;
    Supervision run(request, result);
    if (!run.start()) {
        run.finish();
        return result;
    }
    run.supervise();
    run.finish();
    run.report();
    return result;
}

double timer_resolution_ms() {
    // Wall times come from CLOCK_MONOTONIC (nanoseconds on any current
    // system). CPU times come from wait4's rusage, in microseconds; the
    // kernel's total is exact (scheduler runtime) but its split between user
    // and system is sampled at the tick, so only the sum is to be trusted.
    timespec res{};
    double clock_ms = 1e-6;
    if (clock_getres(CLOCK_MONOTONIC, &res) == 0)
        clock_ms = static_cast<double>(res.tv_sec) * 1e3 + static_cast<double>(res.tv_nsec) / 1e6;
    return std::max(clock_ms, 0.001);
}

bool carry_exit_hook() {
    CarriedHook& h = carried_hook;
    if (h.tried) return h.fd >= 0;
    h.tried = true;
#ifdef HIRED_AUDIT_ARCH
    // The main thread's exit_group ends the process: with the filter it
    // would wait for an answer from itself forever.
    if (static_cast<pid_t>(syscall(SYS_gettid)) == getpid()) return false;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
    long fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER,
                      &exit_hook_filter);
    if (fd < 0) return false;
    ioctl(static_cast<int>(fd), SECCOMP_IOCTL_NOTIF_SET_FLAGS, SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP);
    h.fd = static_cast<int>(fd);
    return true;
#else
    return false;
#endif
}

} // namespace hired::practice
