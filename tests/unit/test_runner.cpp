// The runner against misbehaving programs: limits, measurements, and that
// nothing it started is left behind.
#include "practice/containment.hpp"
#include "practice/runner.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace hired::practice;
namespace fs = std::filesystem;

namespace {

// One temporary folder per test process, removed at exit.
const fs::path& scratch() {
    static const fs::path dir = [] {
        std::string templ = (fs::temp_directory_path() / "hired-test-runner-XXXXXX").string();
        if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
        return fs::path(templ);
    }();
    static const struct Cleanup {
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup;
    return dir;
}

const std::string& helper() {
    static const std::string path = [] {
        fs::path out = scratch() / "helper";
        std::string cmd = "g++ -O0 -o '" + out.string() +
                          "' '" HIRED_SOURCE_DIR "/tests/unit/runner_progs/helper.cpp'";
        if (std::system(cmd.c_str()) != 0) throw std::runtime_error("cannot build the helper");
        return out.string();
    }();
    return path;
}

bool on_path(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

RunRequest request(std::vector<std::string> argv) {
    RunRequest r;
    r.argv = std::move(argv);
    r.limits.cpu_ms = 5000;
    r.limits.wall_ms = 10000;
    return r;
}

RunRequest helper_run(std::vector<std::string> args) {
    args.insert(args.begin(), helper());
    return request(std::move(args));
}

std::vector<pid_t> read_pids(const fs::path& file) {
    std::vector<pid_t> pids;
    std::ifstream in(file);
    pid_t pid;
    while (in >> pid)
        pids.push_back(pid);
    return pids;
}

bool process_exists(pid_t pid) {
    return kill(pid, 0) == 0 || errno != ESRCH;
}

// True when this process has no child at all, live or zombie.
bool no_children() {
    errno = 0;
    return waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

long status_kb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) return std::stol(line.substr(std::string(key).size()));
    }
    return -1;
}

// Processes running the helper binary right now.
int helper_processes() {
    int count = 0;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        std::error_code ec;
        fs::path exe = fs::read_symlink(entry.path() / "exe", ec);
        if (!ec && exe == helper()) ++count;
    }
    return count;
}

fs::path fresh_file(const std::string& name) {
    fs::path p = scratch() / name;
    fs::remove(p);
    return p;
}

} // namespace

TEST_CASE("exit codes are reported", "[runner]") {
    RunResult ok = run_process(helper_run({"exit", "0"}));
    CHECK(ok.outcome == Outcome::exited);
    CHECK(ok.exit_code == 0);
    CHECK(ok.signal == 0);

    RunResult three = run_process(helper_run({"exit", "3"}));
    CHECK(three.outcome == Outcome::exited);
    CHECK(three.exit_code == 3);
    CHECK(three.wall_ms > 0);
    CHECK(no_children());
}

TEST_CASE("a command is looked up in PATH and gets env_add and cwd", "[runner]") {
    RunRequest r = request({"sh", "-c", "echo \"$HIRED_RUNNER_TEST\"; pwd"});
    r.env_add = {"HIRED_RUNNER_TEST=first", "HIRED_RUNNER_TEST=hello there"};
    r.cwd = scratch();
    RunResult res = run_process(r);
    REQUIRE(res.outcome == Outcome::exited);
    CHECK(res.output == "hello there\n" + fs::canonical(scratch()).string() + "\n");
}

TEST_CASE("the program starts with default signals and no stray descriptors", "[runner]") {
    RunResult res = run_process(helper_run({"pristine"}));
    INFO(res.output);
    REQUIRE(res.outcome == Outcome::exited);
    CHECK(res.exit_code == 0);
    // It leads its own process group.
    pid_t pgid = 0, pid = 0;
    REQUIRE(std::sscanf(res.output.c_str(), "pgid=%d pid=%d", &pgid, &pid) == 2);
    CHECK(pgid == pid);
}

TEST_CASE("signals the runner ignores are not ignored by the program", "[runner]") {
    struct sigaction ignore {
    }, old_pipe{}, old_int{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old_pipe);
    sigaction(SIGINT, &ignore, &old_int);
    RunResult res = run_process(helper_run({"pristine"}));
    sigaction(SIGPIPE, &old_pipe, nullptr);
    sigaction(SIGINT, &old_int, nullptr);
    INFO(res.output);
    CHECK(res.outcome == Outcome::exited);
    CHECK(res.exit_code == 0);
}

TEST_CASE("stdin is fed and stdout read without deadlock, 10 MB each way", "[runner]") {
    RunRequest r = request({"cat"});
    r.input.reserve(10 << 20);
    for (int i = 0; r.input.size() < (10u << 20); ++i)
        r.input += "line " + std::to_string(i) + "\n";
    RunResult res = run_process(r);
    REQUIRE(res.outcome == Outcome::exited);
    CHECK(res.exit_code == 0);
    CHECK(res.output.size() == r.input.size());
    CHECK(res.output == r.input);
}

TEST_CASE("a program that does not read its input does not hang the runner", "[runner]") {
    std::string big(10 << 20, 'x');
    SECTION("it exits at once") {
        RunRequest r = helper_run({"exit", "0"});
        r.input = big;
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::exited);
        CHECK(res.exit_code == 0);
    }
    SECTION("it reads one line and exits") {
        RunRequest r = helper_run({"readline"});
        r.input = "first\n" + big;
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::exited);
        CHECK(res.output == "first\n");
    }
    SECTION("it sleeps") {
        RunRequest r = request({"sleep", "100"});
        r.input = big;
        r.limits.wall_ms = 300;
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::wall_limit);
    }
    CHECK(no_children());
}

TEST_CASE("an infinite loop is stopped at the CPU limit", "[runner]") {
    RunRequest r = helper_run({"loop"});
    r.limits.cpu_ms = 300;
    r.limits.wall_ms = 5000;
    RunResult res = run_process(r);
    CHECK(res.outcome == Outcome::cpu_limit);
    CHECK(res.signal == SIGKILL);
    CHECK(res.cpu_ms >= 300);
    CHECK(res.cpu_ms < 1000); // generous: the limit plus a few ticks
}

TEST_CASE("a sleeping program is stopped at the wall limit", "[runner]") {
    RunRequest r = request({"sleep", "100"});
    r.limits.wall_ms = 200;
    auto t0 = std::chrono::steady_clock::now();
    RunResult res = run_process(r);
    auto took = std::chrono::steady_clock::now() - t0;
    CHECK(res.outcome == Outcome::wall_limit);
    CHECK(res.wall_ms >= 200);
    CHECK(took < std::chrono::milliseconds(200 + 1000));
    CHECK(res.cpu_ms < 100);
}

TEST_CASE("a memory hog is stopped at the memory limit", "[runner]") {
    RunRequest r = helper_run({"alloc", "1024"});
    r.limits.memory_kb = 256 * 1024;
    RunResult res = run_process(r);
    CHECK(res.outcome == Outcome::memory_limit);
    CHECK(res.peak_kb > 256 * 1024);
}

TEST_CASE("peak memory is the program's own", "[runner]") {
    SECTION("a program touching 64 MB") {
        RunRequest r = helper_run({"alloc", "64"});
        RunResult res = run_process(r);
        REQUIRE(res.outcome == Outcome::exited);
        CHECK(res.peak_kb >= 64 * 1024);
        CHECK(res.peak_kb < 96 * 1024);
    }
    SECTION("not inflated by a runner holding 300 MB") {
        std::vector<char> ballast(300 << 20, 1);
        RunResult res = run_process(request({"true"}));
        REQUIRE(res.outcome == Outcome::exited);
        CHECK(res.peak_kb < 20 * 1024);
        RunResult exact = run_process(helper_run({"alloc", "32"}));
        REQUIRE(exact.outcome == Outcome::exited);
        CHECK(exact.peak_kb < 64 * 1024);
        CHECK(ballast[12345] == 1);
    }
    SECTION("a program over the limit that exits by itself is still over it") {
        RunRequest r = helper_run({"alloc", "64"});
        r.limits.memory_kb = 16 * 1024;
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::memory_limit);
    }
}

TEST_CASE("a worker thread carrying the exit hook measures each of its runs alone", "[runner]") {
    CHECK_FALSE(carry_exit_hook()); // the main thread's exit would wait on it
    fs::path pids = fresh_file("carried-daemon.pids");
    // Built here: the worker may start processes only through run_process
    // (the compiler, started otherwise, would wait at its exit for an answer).
    const std::string& prog = helper();
    std::vector<RunResult> results;
    bool carried = false;
    std::thread worker([&] {
        // The runner's own peak must show in no figure.
        std::vector<char> ballast(300 << 20, 1);
        carried = carry_exit_hook();
        results.push_back(run_process(helper_run({"alloc", "64"})));
        results.push_back(run_process(request({"true"})));
        results.push_back(run_process(request({"sh", "-c", "'" + prog + "' alloc 32; exit 0"})));
        results.push_back(run_process(helper_run({"daemon", pids.string()})));
        results.push_back(run_process(request({"true"})));
        CHECK(ballast[12345] == 1);
    });
    worker.join();
    REQUIRE(carried);
    REQUIRE(results.size() == 5);
    for (const auto& r : results)
        CHECK(r.outcome == Outcome::exited);
    CHECK(results[0].peak_kb >= 64 * 1024);
    CHECK(results[0].peak_kb < 96 * 1024);
    // Exact only through the hook: too short to be sampled, and its
    // ru_maxrss is the runner's 300 MB.
    CHECK(results[1].peak_kb > 0);
    CHECK(results[1].peak_kb < 20 * 1024);
    CHECK(results[2].peak_kb >= 32 * 1024); // a child's peak counts
    CHECK(results[4].peak_kb > 0);
    CHECK(results[4].peak_kb < 20 * 1024); // nothing of the runs before
    std::vector<pid_t> found = read_pids(pids);
    REQUIRE(found.size() == 1);
    CHECK_FALSE(process_exists(found[0]));
    CHECK(no_children());
}

TEST_CASE("the program's children count towards its memory", "[runner]") {
    SECTION("a child over the limit") {
        RunRequest r = request({"sh", "-c", "'" + helper() + "' alloc 1024; exit 0"});
        r.limits.memory_kb = 256 * 1024;
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::memory_limit);
    }
    SECTION("a child's peak") {
        RunRequest r = request({"sh", "-c", "'" + helper() + "' alloc 64; exit 0"});
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::exited);
        CHECK(res.peak_kb >= 64 * 1024);
    }
}

TEST_CASE("crashes are reported with their signal", "[runner]") {
    RunResult segv = run_process(helper_run({"segv"}));
    CHECK(segv.outcome == Outcome::signaled);
    CHECK(segv.signal == SIGSEGV);

    RunResult abrt = run_process(helper_run({"abort"}));
    CHECK(abrt.outcome == Outcome::signaled);
    CHECK(abrt.signal == SIGABRT);
}

TEST_CASE("an output flood is stopped with a bounded buffer", "[runner]") {
    // Measure this process's peak from here on.
    { std::ofstream("/proc/self/clear_refs") << "5"; }
    long before = status_kb("VmRSS:");
    RunRequest r = request({"yes"});
    r.limits.output_bytes = 8 << 20;
    RunResult res = run_process(r);
    long peak = status_kb("VmHWM:");
    CHECK(res.outcome == Outcome::output_limit);
    CHECK(res.output.size() == (8u << 20));
    CHECK(res.output.compare(0, 4, "y\ny\n") == 0);
    INFO("runner RSS before " << before << " KB, peak " << peak << " KB");
    CHECK(peak - before < (8 << 10) + (16 << 10));
}

TEST_CASE("stderr is truncated, not fatal", "[runner]") {
    RunRequest r = helper_run({"stderr", std::to_string(4 << 20)});
    r.limits.stderr_bytes = 1000;
    RunResult res = run_process(r);
    CHECK(res.outcome == Outcome::exited);
    CHECK(res.exit_code == 0);
    CHECK(res.errors == std::string(1000, 'e'));
    CHECK(res.errors_truncated);
}

TEST_CASE("a deep recursion has the stack it needs", "[runner]") {
    RunRequest r = helper_run({"recurse", "1000000"});
    r.limits.memory_kb = 256 * 1024;
    RunResult res = run_process(r);
    CHECK(res.outcome == Outcome::exited);
    CHECK(res.exit_code == 0);
}

TEST_CASE("nothing the program starts survives it", "[runner]") {
    SECTION("a setsid grandchild sleeping forever") {
        fs::path pids = fresh_file("daemon.pids");
        RunResult res = run_process(helper_run({"daemon", pids.string()}));
        CHECK(res.outcome == Outcome::exited);
        std::vector<pid_t> found = read_pids(pids);
        REQUIRE(found.size() == 1);
        CHECK_FALSE(process_exists(found[0]));
    }
    SECTION("a tree of forks, some in new sessions") {
        fs::path pids = fresh_file("forks.pids");
        RunRequest r = helper_run({"forks", pids.string(), "20"});
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::exited);
        std::vector<pid_t> found = read_pids(pids);
        CHECK(found.size() == 80);
        for (pid_t pid : found)
            CHECK_FALSE(process_exists(pid));
    }
    SECTION("a tree of 500 processes whose root leaves") {
        RunResult res = run_process(helper_run({"tree", "8"}));
        CHECK(res.outcome == Outcome::exited);
        CHECK(helper_processes() == 0);
    }
    SECTION("a sleeping program's children, killed at the wall limit") {
        RunRequest r =
            request({"sh", "-c", "sleep 100 & sleep 100 & (setsid sleep 100 &); sleep 100"});
        r.limits.wall_ms = 300;
        RunResult res = run_process(r);
        CHECK(res.outcome == Outcome::wall_limit);
    }
    CHECK(no_children());
}

TEST_CASE("children the runner's host made otherwise are left alone", "[runner]") {
    pid_t other = fork();
    REQUIRE(other >= 0);
    if (other == 0) {
        setsid(); // not even in our process group
        for (;;)
            pause();
    }
    RunResult res = run_process(helper_run({"exit", "0"}));
    CHECK(res.outcome == Outcome::exited);
    CHECK(process_exists(other));
    int status = 0;
    CHECK(waitpid(other, &status, WNOHANG) == 0); // alive, not reaped by the runner
    kill(other, SIGKILL);
    waitpid(other, &status, 0);
    CHECK(no_children());
}

TEST_CASE("concurrent runs clean up after themselves", "[runner]") {
    constexpr int threads = 4;
    std::vector<std::thread> pool;
    std::atomic<int> exited{0};
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([t, &exited] {
            for (int i = 0; i < 5; ++i) {
                fs::path pids =
                    fresh_file("concurrent-" + std::to_string(t) + "-" + std::to_string(i));
                RunResult res = run_process(helper_run({"daemon", pids.string()}));
                if (res.outcome == Outcome::exited && res.exit_code == 0) ++exited;
            }
        });
    }
    for (std::thread& t : pool)
        t.join();
    CHECK(exited == threads * 5);
    for (int t = 0; t < threads; ++t) {
        for (int i = 0; i < 5; ++i) {
            std::vector<pid_t> found = read_pids(
                scratch() / ("concurrent-" + std::to_string(t) + "-" + std::to_string(i)));
            REQUIRE(found.size() == 1);
            CHECK_FALSE(process_exists(found[0]));
        }
    }
    CHECK(no_children());
}

TEST_CASE("without room for run tags, strays are still collected", "[runner]") {
    // An inherited hard RLIMIT_RTTIME too low for a tag, as under another
    // runner. Done in a forked copy of this process, which keeps the limit.
    fs::path pids = fresh_file("untagged.pids");
    const std::string& prog = helper();
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        struct rlimit low {
            1000, 1000
        };
        if (setrlimit(RLIMIT_RTTIME, &low) != 0) _exit(10);
        RunResult res = run_process(request({prog, "daemon", pids.string()}));
        if (res.outcome != Outcome::exited) _exit(11);
        std::vector<pid_t> found = read_pids(pids);
        if (found.size() != 1) _exit(12);
        if (process_exists(found[0])) _exit(13);
        if (!no_children()) _exit(14);
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("a runner whose children are reaped behind its back says so", "[runner]") {
    // Build the helper first: with SIGCHLD ignored, std::system cannot wait for g++
    // (ctest runs each case in a process of its own, so nothing has built it yet).
    RunRequest request = helper_run({"exit", "0"});
    struct sigaction ignore {
    }, old{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGCHLD, &ignore, &old);
    CHECK_THROWS_AS(run_process(request), hired::Error);
    sigaction(SIGCHLD, &old, nullptr);
    CHECK(no_children());
}

TEST_CASE("interpreters and the JVM run under a 256 MB limit", "[runner]") {
    auto check = [](RunRequest r) {
        r.limits.memory_kb = 256 * 1024;
        r.limits.cpu_ms = 10000;
        r.limits.wall_ms = 20000;
        RunResult res = run_process(r);
        INFO(r.argv[0] << ": " << res.errors << res.error);
        CHECK(res.outcome == Outcome::exited);
        CHECK(res.exit_code == 0);
        CHECK(res.output == "1\n");
        CHECK(res.peak_kb > 1000);
    };
    if (on_path("python3")) check(request({"python3", "-c", "print(1)"}));
    if (on_path("node")) check(request({"node", "-e", "console.log(1)"}));
    if (on_path("java") && on_path("javac")) {
        fs::path dir = scratch() / "java";
        fs::create_directories(dir);
        std::ofstream(dir / "Hello.java") << "public class Hello { public static void "
                                             "main(String[] a) { System.out.println(1); } }\n";
        RunRequest javac = request({"javac", "-d", dir.string(), (dir / "Hello.java").string()});
        javac.limits.memory_kb = 0;
        javac.limits.cpu_ms = 60000;
        javac.limits.wall_ms = 60000;
        RunResult built = run_process(javac);
        INFO(built.errors);
        REQUIRE(built.outcome == Outcome::exited);
        REQUIRE(built.exit_code == 0);
        check(request({"java", "-cp", dir.string(), "Hello"}));
    }
}

TEST_CASE("a program that cannot be started is spawn_failed", "[runner]") {
    RunResult missing = run_process(request({"hired-no-such-program"}));
    CHECK(missing.outcome == Outcome::spawn_failed);
    CHECK(missing.error == "cannot run 'hired-no-such-program': No such file or directory");

    RunResult not_exec = run_process(request({(scratch() / "nothing-here").string()}));
    CHECK(not_exec.outcome == Outcome::spawn_failed);

    RunRequest bad_cwd = request({"true"});
    bad_cwd.cwd = scratch() / "no-such-dir";
    RunResult res = run_process(bad_cwd);
    CHECK(res.outcome == Outcome::spawn_failed);
    CHECK(res.error.find("No such file or directory") != std::string::npos);

    RunResult empty = run_process(request({}));
    CHECK(empty.outcome == Outcome::spawn_failed);
    CHECK(no_children());
}

TEST_CASE("the clock resolution is honest", "[runner]") {
    CHECK(timer_resolution_ms() > 0);
    CHECK(timer_resolution_ms() <= 1);
}

// Under bubblewrap the program is two processes below the one the runner
// starts: what is reported must still be the program's alone.
namespace {

bool sandbox_runs() {
    static const bool ok = std::system("bwrap --ro-bind / / true >/dev/null 2>&1") == 0;
    return ok;
}

RunRequest boxed(std::vector<std::string> argv, const RunFolder& folder) {
    static const Sandbox sandbox("/usr/bin/bwrap", {});
    RunRequest r = request(sandbox.wrap(argv, folder.path(), {helper()}));
    r.wrapper = sandbox.executable();
    return r;
}

void check_sandboxed_runs() {
    RunFolder folder;
    const std::string& h = helper();

    RunResult three = run_process(boxed({h, "exit", "3"}, folder));
    CHECK(three.outcome == Outcome::exited);
    CHECK(three.exit_code == 3);
    // 139 is what a wrapper reports for SIGSEGV: the exit hook tells them apart.
    RunResult high = run_process(boxed({h, "exit", "139"}, folder));
    CHECK(high.outcome == Outcome::exited);
    CHECK(high.exit_code == 139);
    RunResult segv = run_process(boxed({h, "segv"}, folder));
    CHECK(segv.outcome == Outcome::signaled);
    CHECK(segv.signal == SIGSEGV);

    RunResult mem = run_process(boxed({h, "alloc", "64"}, folder));
    CHECK(mem.outcome == Outcome::exited);
    CHECK(mem.peak_kb >= 64 * 1024);
    CHECK(mem.peak_kb < 96 * 1024);
    RunResult small = run_process(boxed({h, "exit", "0"}, folder));
    CHECK(small.peak_kb > 0);
    CHECK(small.peak_kb < 20 * 1024);
    // The sandbox's own start-up is not the program's CPU time.
    CHECK(small.cpu_ms < 20);

    RunRequest hog = boxed({h, "alloc", "1024"}, folder);
    hog.limits.memory_kb = 256 * 1024;
    CHECK(run_process(hog).outcome == Outcome::memory_limit);

    RunRequest loop = boxed({h, "loop"}, folder);
    loop.limits.cpu_ms = 300;
    RunResult looped = run_process(loop);
    CHECK(looped.outcome == Outcome::cpu_limit);
    CHECK(looped.cpu_ms >= 300);
    CHECK(looped.cpu_ms < 1000);

    // A sleeper with a setsid daemon of its own: stopped at the wall limit,
    // and nothing of it is left.
    RunRequest sleeper =
        boxed({"sh", "-c", "'" + h + "' daemon ./pids; exec '" + h + "' sleep"}, folder);
    sleeper.limits.wall_ms = 500;
    auto t0 = std::chrono::steady_clock::now();
    RunResult slept = run_process(sleeper);
    CHECK(slept.outcome == Outcome::wall_limit);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(500 + 1000));
    CHECK(helper_processes() == 0);

    RunResult missing = run_process(boxed({"hired-no-such-program"}, folder));
    CHECK(missing.outcome == Outcome::spawn_failed);
    CHECK(missing.error.find("hired-no-such-program") != std::string::npos);
}

} // namespace

TEST_CASE("a sandboxed run reports the program, not the sandbox", "[runner][sandbox]") {
    if (!sandbox_runs()) {
        WARN("skipped: bwrap is missing or cannot run here");
        return;
    }
    SECTION("from the main thread") {
        check_sandboxed_runs();
    }
    SECTION("from a worker thread carrying the exit hook") {
        helper(); // built before: the worker starts processes through the runner only
        bool carried = false;
        std::thread worker([&] {
            carried = carry_exit_hook();
            check_sandboxed_runs();
        });
        worker.join();
        CHECK(carried);
    }
    CHECK(no_children());
}
