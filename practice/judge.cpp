#include "judge.hpp"

#include "checker.hpp"
#include "containment.hpp"
#include "harness.hpp"
#include "runner.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace hired::practice {

const char* to_string(CaseVerdict v) {
    switch (v) {
    case CaseVerdict::AC:
        return "AC";
    case CaseVerdict::WA:
        return "WA";
    case CaseVerdict::TLE:
        return "TLE";
    case CaseVerdict::MLE:
        return "MLE";
    case CaseVerdict::RE:
        return "RE";
    case CaseVerdict::OLE:
        return "OLE";
    case CaseVerdict::CE:
        return "CE";
    }
    return "?";
}

const char* describe(CaseVerdict v) {
    switch (v) {
    case CaseVerdict::AC:
        return "accepted";
    case CaseVerdict::WA:
        return "wrong answer";
    case CaseVerdict::TLE:
        return "time limit exceeded";
    case CaseVerdict::MLE:
        return "memory limit exceeded";
    case CaseVerdict::RE:
        return "runtime error";
    case CaseVerdict::OLE:
        return "output limit exceeded";
    case CaseVerdict::CE:
        return "compile error";
    }
    return "?";
}

int64_t wall_limit_for(int64_t time_ms) {
    return std::max(2 * time_ms, time_ms + 1000);
}

namespace {

std::string signal_name(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    const char* desc = sigdescr_np(sig);
    return fmt::format("SIG{} ({})", abbrev ? abbrev : std::to_string(sig).c_str(),
                       desc ? desc : "signal");
}

Spread spread_of(std::vector<double> v) {
    Spread s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.min = v.front();
    s.max = v.back();
    return s;
}

// A file for one case's checker, in a folder only this worker writes: no
// fsync as for the journal's files. Made anew, whatever the last checker
// did to the old one.
void write_scratch(const fs::path& path, std::string_view data) {
    ::unlink(path.c_str());
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail(Exit::env, "cannot write {}: {}", path.string(), std::strerror(errno));
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int err = errno;
            ::close(fd);
            fail(Exit::env, "cannot write {}: {}", path.string(), std::strerror(err));
        }
        done += static_cast<size_t>(n);
    }
    ::close(fd);
}

// What one worker runs its cases with, prepared once so that a case costs
// no more than before: private folders, the environments that point into
// them, and the requests (sandboxed or not) with everything but the input.
struct Workspace {
    RunFolder folder; // the solution's working folder
    Environment env;
    RunRequest solution;
    std::optional<RunFolder> checker_folder, checker_files;
    Environment checker_env;
    RunRequest checker;
    fs::path input, expected, actual; // in checker_files
};

class Judge {
public:
    Judge(const Problem& p, const Program& prog, const JudgeOptions& o)
        : p_(p), prog_(prog), o_(o) {
        time_ms_ = o.time_limit_ms.value_or(p.limits.time_ms);
        memory_mb_ = o.memory_limit_mb.value_or(p.limits.memory_mb);
        containment_ = o.containment;
        if (!containment_) containment_ = &own_containment_.emplace();
        // Asked here, on the calling thread: finding the sandbox runs bwrap
        // once, which a worker carrying the exit hook must not do otherwise.
        if (o.containment && needs_sandbox(p, o)) sandbox_ = o.containment->sandbox();
        if (p.checker == CheckerKind::program) {
            const Language* lang = language_of(p.checker_program);
            if (!lang)
                fail(Exit::data, "{}: cannot tell how to run checker_program {}", p.file.string(),
                     p.checker_program.string());
            Compiled c = prepare(p.checker_program, *lang, 1024,
                                 o.cache_root.empty() ? default_cache_root() : o.cache_root);
            if (!c.ok)
                fail(Exit::data, "{}: checker_program does not compile:\n{}", p.file.string(),
                     c.diagnostics);
            checker_ = c.program;
        }
    }

    Report run() {
        Report rep;
        rep.problem = p_.id;
        rep.time_limit_ms = time_ms_;
        rep.memory_limit_mb = memory_mb_;
        rep.wall_limit_ms = static_cast<double>(wall_limit_for(time_ms_));
        rep.solution_sandboxed = sandbox_ && o_.sandbox_solution;
        rep.checker_sandboxed =
            sandbox_ && o_.sandbox_checker && p_.checker == CheckerKind::program;
        std::vector<const TestCase*> cases;
        for (const auto* c : p_.all_cases())
            if (o_.cases.empty() ||
                std::find(o_.cases.begin(), o_.cases.end(), c->name) != o_.cases.end())
                cases.push_back(c);
        for (const auto& want : o_.cases) {
            bool found = std::any_of(cases.begin(), cases.end(),
                                     [&](const TestCase* c) { return c->name == want; });
            if (!found) {
                std::vector<std::string> names;
                for (const auto* c : p_.all_cases())
                    names.push_back(c->name);
                auto near = suggestions(want, names);
                fail(Exit::usage, "problem '{}' has no case '{}'{}", p_.id, want,
                     near.empty() ? fmt::format(" (cases: {})", join(names, ", "))
                                  : fmt::format("; did you mean '{}'?", join(near, "' or '")));
            }
        }
        rep.cases.resize(cases.size());
        rep.total = cases.size();
        std::atomic<size_t> next{0};
        std::mutex m;
        size_t done = 0;
        std::exception_ptr failure;
        auto worker = [&] {
            // Workers are threads of their own, never the main one: each
            // carries the exit hook for all the runs it makes (and starts
            // processes through run_process only, as that requires).
            carry_exit_hook();
            std::unique_ptr<Workspace> ws;
            for (;;) {
                size_t i = next.fetch_add(1);
                if (i >= cases.size()) return;
                try {
                    if (!ws) ws = make_workspace();
                    CaseResult r = run_case(*cases[i], *ws);
                    std::lock_guard lock(m);
                    rep.cases[i] = std::move(r);
                    ++done;
                    if (o_.progress) o_.progress(rep.cases[i], done, cases.size());
                } catch (...) {
                    std::lock_guard lock(m);
                    if (!failure) failure = std::current_exception();
                    next = cases.size();
                    return;
                }
            }
        };
        bool batch =
            o_.batch && p_.style != ProblemStyle::stdin_ && o_.repeat <= 1 && cases.size() > 1;
        if (batch) {
            // All cases in one process, on a worker thread of its own as
            // every run must be; what the batch cannot attribute is run
            // again case by case.
            std::thread t([&] {
                carry_exit_hook();
                try {
                    auto ws = make_workspace();
                    run_batch(cases, *ws, rep, [&](size_t i) {
                        std::lock_guard lock(m);
                        ++done;
                        if (o_.progress) o_.progress(rep.cases[i], done, cases.size());
                    });
                } catch (...) {
                    failure = std::current_exception();
                }
            });
            t.join();
        } else {
            int jobs = std::clamp(o_.jobs, 1, 64);
            std::vector<std::thread> threads;
            for (int j = 0; j < jobs && j < static_cast<int>(cases.size()); ++j)
                threads.emplace_back(worker);
            for (auto& t : threads)
                t.join();
        }
        if (failure) std::rethrow_exception(failure);
        // A harness that did not find the user's function: a compile error.
        for (const auto& c : rep.cases)
            if (c.verdict == CaseVerdict::CE) {
                Report ce = compile_error(p_, c.errors);
                ce.time_limit_ms = time_ms_;
                ce.memory_limit_mb = memory_mb_;
                return ce;
            }
        rep.verdict = CaseVerdict::AC;
        for (const auto& c : rep.cases) {
            if (c.verdict == CaseVerdict::AC)
                ++rep.passed;
            else if (rep.verdict == CaseVerdict::AC)
                rep.verdict = c.verdict;
        }
        return rep;
    }

private:
    std::unique_ptr<Workspace> make_workspace() const {
        auto ws = std::make_unique<Workspace>();
        const bool boxed = sandbox_ && o_.sandbox_solution;
        const fs::path& folder = ws->folder.path();
        ws->env = boxed ? containment_->sandboxed_program(folder) : containment_->program(folder);
        RunRequest& r = ws->solution;
        r.argv = boxed ? sandbox_->wrap(prog_.argv, folder, prog_.files) : prog_.argv;
        if (boxed) r.wrapper = sandbox_->executable();
        r.cwd = folder;
        r.environment = &ws->env;
        r.limits.cpu_ms = time_ms_;
        r.limits.wall_ms = wall_limit_for(time_ms_);
        r.limits.memory_kb = static_cast<int64_t>(memory_mb_) * 1024;
        r.limits.output_bytes = static_cast<int64_t>(p_.limits.output_kb) * 1024;
        if (p_.checker != CheckerKind::program) return ws;

        const fs::path& cfolder = ws->checker_folder.emplace().path();
        const fs::path& files = ws->checker_files.emplace().path();
        ws->input = files / "input";
        ws->expected = files / "expected";
        ws->actual = files / "actual";
        const bool cboxed = sandbox_ && o_.sandbox_checker;
        ws->checker_env =
            cboxed ? containment_->sandboxed_program(cfolder) : containment_->program(cfolder);
        std::vector<std::string> argv = checker_.argv;
        argv.insert(argv.end(), {ws->input.string(), ws->expected.string(), ws->actual.string()});
        RunRequest& c = ws->checker;
        if (cboxed) {
            std::vector<fs::path> shown = checker_.files;
            shown.push_back(files);
            c.argv = sandbox_->wrap(argv, cfolder, shown);
            c.wrapper = sandbox_->executable();
        } else {
            c.argv = std::move(argv);
        }
        c.cwd = cfolder;
        c.environment = &ws->checker_env;
        c.limits.cpu_ms = 10'000;
        c.limits.wall_ms = 20'000;
        c.limits.memory_kb = 1 << 20;
        c.limits.output_bytes = 64 << 10;
        return ws;
    }

    CaseResult run_case(const TestCase& tc, Workspace& ws) {
        if (p_.style != ProblemStyle::stdin_) return run_call_case(tc, ws);
        CaseResult cr;
        cr.name = tc.name;
        cr.example = tc.example;
        RunRequest& req = ws.solution;
        req.input = tc.load_input();
        std::string expected = tc.load_output();
        std::vector<double> walls, cpus;
        int reps = std::max(1, o_.repeat);
        RunResult last;
        for (int k = 0; k < reps; ++k) {
            last = run_process(req);
            // Every process of the run is gone by now: the next one starts
            // in an empty folder.
            ws.folder.clear();
            walls.push_back(last.wall_ms);
            cpus.push_back(last.cpu_ms);
            cr.peak_kb = std::max(cr.peak_kb, last.peak_kb);
            cr.runs = k + 1;
            classify(cr, last, tc, ws, expected);
            if (cr.verdict != CaseVerdict::AC) break; // repeating a failure tells nothing new
        }
        cr.wall = spread_of(walls);
        cr.cpu = spread_of(cpus);
        cr.wall_ms = cr.wall.median;
        cr.cpu_ms = cr.cpu.median;
        return cr;
    }

    // ---- function and class problems -------------------------------------------------

    // One case in a process of its own.
    CaseResult run_call_case(const TestCase& tc, Workspace& ws) {
        CaseResult cr;
        cr.name = tc.name;
        cr.example = tc.example;
        CallCase cc = load_call_case(p_, tc);
        RunRequest& req = ws.solution;
        req.input = encode_cases(p_, {&cc});
        std::vector<double> walls, cpus;
        int reps = std::max(1, o_.repeat);
        for (int k = 0; k < reps; ++k) {
            RunResult r = run_process(req);
            ws.folder.clear();
            walls.push_back(r.wall_ms);
            cpus.push_back(r.cpu_ms);
            cr.peak_kb = std::max(cr.peak_kb, r.peak_kb);
            cr.runs = k + 1;
            if (!limit_verdict(cr, r)) {
                HarnessOutput h = read_harness_output(p_, r.output, {&cc});
                classify_call(cr, r, h.outcomes.empty() ? nullptr : &h.outcomes[0], h, tc, cc);
            }
            if (cr.verdict != CaseVerdict::AC) break;
        }
        cr.wall = spread_of(walls);
        cr.cpu = spread_of(cpus);
        cr.wall_ms = cr.wall.median;
        cr.cpu_ms = cr.cpu.median;
        return cr;
    }

    // Every case in one process: each case's CPU time is measured inside the
    // harness (a case over the limit is TLE). When the process ends early (a
    // crash, a limit, its output unreadable), the cases it did not finish are
    // run again one per process, so that each gets its own verdict.
    template <typename Done>
    void run_batch(const std::vector<const TestCase*>& cases, Workspace& ws, Report& rep,
                   Done done) {
        std::vector<CallCase> loaded;
        loaded.reserve(cases.size());
        for (const auto* tc : cases)
            loaded.push_back(load_call_case(p_, *tc));
        std::vector<const CallCase*> all;
        for (const auto& c : loaded)
            all.push_back(&c);
        RunRequest req = ws.solution;
        req.input = encode_cases(p_, all);
        int64_t n = static_cast<int64_t>(cases.size());
        req.limits.cpu_ms = std::min<int64_t>(int64_t{time_ms_} * n, int64_t{time_ms_} + 60'000);
        req.limits.wall_ms = wall_limit_for(req.limits.cpu_ms);
        req.limits.output_bytes =
            static_cast<int64_t>(p_.limits.output_kb) * 1024 * std::max<int64_t>(1, n);
        RunResult r = run_process(req);
        ws.folder.clear();
        HarnessOutput h = read_harness_output(p_, r.output, all);
        bool clean =
            r.outcome == Outcome::exited && r.exit_code == 0 && h.finished && h.malformed.empty();
        size_t attributed = clean ? cases.size() : h.outcomes.size();
        // A harness that did not find the function says so once, for all.
        bool missing =
            r.outcome == Outcome::exited && r.exit_code == kHarnessMissing && h.outcomes.empty();
        for (size_t i = 0; i < cases.size(); ++i) {
            CaseResult cr;
            if (missing) {
                cr.name = cases[i]->name;
                cr.verdict = CaseVerdict::CE;
                cr.errors = std::string(trim(r.errors));
            } else if (i < attributed) {
                cr.name = cases[i]->name;
                cr.example = cases[i]->example;
                const CallOutcome& o = h.outcomes[i];
                cr.runs = 1;
                cr.cpu_ms = cr.wall_ms = o.cpu_ms;
                cr.cpu = cr.wall = Spread{o.cpu_ms, o.cpu_ms, o.cpu_ms};
                cr.peak_kb = r.peak_kb; // the batch's: one process for all
                if (o.cpu_ms > time_ms_) {
                    cr.verdict = CaseVerdict::TLE;
                    cr.detail =
                        fmt::format("{:.0f} ms of CPU, over the {} ms limit (measured inside)",
                                    o.cpu_ms, time_ms_);
                    cr.hint = cases[i]->hint;
                } else {
                    RunResult fine = r;
                    fine.outcome = Outcome::exited;
                    fine.exit_code = 0;
                    classify_call(cr, fine, &o, h, *cases[i], loaded[i]);
                }
            } else {
                cr = run_call_case(*cases[i], ws); // its own process, its own verdict
            }
            rep.cases[i] = std::move(cr);
            done(i);
        }
    }

    // The verdict of a run stopped at a limit or by a signal (true), as for
    // stdin problems.
    bool limit_verdict(CaseResult& cr, const RunResult& r) {
        cr.exit_code = r.outcome == Outcome::exited ? r.exit_code : -1;
        cr.signal = r.outcome == Outcome::signaled ? r.signal : 0;
        cr.detail.clear();
        cr.errors.clear();
        switch (r.outcome) {
        case Outcome::spawn_failed:
            fail(Exit::env, "cannot run the solution: {}", r.error);
        case Outcome::cpu_limit:
            cr.verdict = CaseVerdict::TLE;
            cr.detail = fmt::format("over the {} ms CPU limit", time_ms_);
            return true;
        case Outcome::wall_limit:
            cr.verdict = CaseVerdict::TLE;
            cr.detail =
                fmt::format("still running after {} ms of wall time", wall_limit_for(time_ms_));
            return true;
        case Outcome::memory_limit:
            cr.verdict = CaseVerdict::MLE;
            cr.detail = fmt::format("over the {} MB memory limit", memory_mb_);
            return true;
        case Outcome::output_limit:
            cr.verdict = CaseVerdict::OLE;
            cr.detail = fmt::format("more than {} KB of output", p_.limits.output_kb);
            return true;
        case Outcome::signaled:
            cr.verdict = CaseVerdict::RE;
            cr.detail = fmt::format("killed by {}", signal_name(r.signal));
            if (r.signal == SIGSEGV)
                cr.detail += " — a null pointer, an out-of-bounds access, or a stack overflow";
            cr.errors = r.errors;
            return true;
        case Outcome::exited:
            return false;
        }
        return false;
    }

    // The arguments (or calls) of a case, abbreviated, for a message.
    std::string shown_args(const CallCase& cc) const {
        if (p_.style == ProblemStyle::function) {
            std::vector<std::string> out;
            for (size_t i = 0; i < cc.args.size(); ++i)
                out.push_back(fmt::format("{}={}", p_.signature.function.params[i].name,
                                          show(cc.args[i], 60)));
            return join(out, ", ");
        }
        std::vector<std::string> calls;
        for (const auto& c : cc.calls) {
            Value call = Value::array();
            call.push_back(c.method < 0 ? p_.signature.class_name
                                        : p_.signature.methods[static_cast<size_t>(c.method)].name);
            for (const auto& a : c.args)
                call.push_back(a);
            calls.push_back(show(call, 40));
        }
        if (calls.size() > 8) {
            size_t n = calls.size();
            calls.erase(calls.begin() + 4, calls.end() - 3);
            calls.insert(calls.begin() + 4, fmt::format("… ({} calls)", n));
        }
        return join(calls, ", ");
    }

    std::string call_name(const CallCase& cc, int call) const {
        if (call < 0 || static_cast<size_t>(call) >= cc.calls.size()) return "the call";
        int m = cc.calls[static_cast<size_t>(call)].method;
        return fmt::format("call {} ({})", call + 1,
                           m < 0 ? p_.signature.class_name
                                 : p_.signature.methods[static_cast<size_t>(m)].name);
    }

    void classify_call(CaseResult& cr, const RunResult& r, const CallOutcome* o,
                       const HarnessOutput& h, const TestCase& tc, const CallCase& cc) {
        cr.exit_code = r.exit_code;
        cr.signal = 0;
        cr.detail.clear();
        if (r.exit_code == kHarnessMissing && !o) {
            cr.verdict = CaseVerdict::CE;
            cr.errors = std::string(trim(r.errors));
            return;
        }
        if (!o) {
            cr.verdict = CaseVerdict::RE;
            cr.detail = r.exit_code != 0 ? fmt::format("exit code {}", r.exit_code)
                        : h.malformed.empty()
                            ? std::string("the harness ended before giving a result")
                            : "the result could not be read: " + h.malformed +
                                  " (did the code write to the result channel?)";
            cr.errors = r.errors;
            cr.hint = tc.hint;
            return;
        }
        if (!o->returned) {
            cr.verdict = o->wrong_type ? CaseVerdict::WA : CaseVerdict::RE;
            std::string where =
                p_.style == ProblemStyle::class_ ? call_name(cc, o->failed_call) + " " : "";
            cr.detail = o->wrong_type
                            ? fmt::format("{}{}; with {}", where, o->error, shown_args(cc))
                            : fmt::format("{}threw {}; with {}", where, o->error, shown_args(cc));
            cr.errors = r.errors;
            cr.hint = tc.hint;
            return;
        }
        std::string diff;
        if (values_equal(cc.expect, o->result, p_.compare, p_.tolerance, &diff)) {
            cr.verdict = CaseVerdict::AC;
            return;
        }
        cr.verdict = CaseVerdict::WA;
        if (p_.style == ProblemStyle::class_ && cc.expect.is_array() && o->result.is_array()) {
            // The first call whose result differs.
            for (size_t i = 0; i < cc.expect.size() && i < o->result.size(); ++i) {
                std::string d;
                if (!values_equal(cc.expect[i], o->result[i], p_.compare, p_.tolerance, &d)) {
                    cr.detail = fmt::format(
                        "{}: expected {}, got {}; calls: {}", call_name(cc, static_cast<int>(i)),
                        show(cc.expect[i], 80), show(o->result[i], 80), shown_args(cc));
                    break;
                }
            }
        }
        if (cr.detail.empty()) {
            std::string e = show(cc.expect, 80), g = show(o->result, 80);
            // Where they differ, when the values are too long to see it.
            bool cut = e.find("…") != std::string::npos || g.find("…") != std::string::npos;
            cr.detail = fmt::format("expected {}, got {}{}; with {}", e, g,
                                    cut && !diff.empty() ? " (" + diff + ")" : "", shown_args(cc));
        }
        cr.hint = tc.hint;
    }

    void classify(CaseResult& cr, const RunResult& r, const TestCase& tc, Workspace& ws,
                  const std::string& expected) {
        // Only what the program did itself: our own SIGKILL at a limit is not its signal.
        cr.exit_code = r.outcome == Outcome::exited ? r.exit_code : -1;
        cr.signal = r.outcome == Outcome::signaled ? r.signal : 0;
        cr.detail.clear();
        cr.errors.clear();
        switch (r.outcome) {
        case Outcome::spawn_failed:
            fail(Exit::env, "cannot run the solution: {}", r.error);
        case Outcome::cpu_limit:
            cr.verdict = CaseVerdict::TLE;
            cr.detail = fmt::format("over the {} ms CPU limit", time_ms_);
            break;
        case Outcome::wall_limit:
            cr.verdict = CaseVerdict::TLE;
            cr.detail = fmt::format(
                "still running after {} ms of wall time (sleeping or waiting for input?)",
                wall_limit_for(time_ms_));
            break;
        case Outcome::memory_limit:
            cr.verdict = CaseVerdict::MLE;
            cr.detail = fmt::format("over the {} MB memory limit", memory_mb_);
            break;
        case Outcome::output_limit:
            cr.verdict = CaseVerdict::OLE;
            cr.detail = fmt::format("more than {} KB of output", p_.limits.output_kb);
            break;
        case Outcome::signaled:
            cr.verdict = CaseVerdict::RE;
            cr.detail = fmt::format("killed by {}", signal_name(r.signal));
            if (r.signal == SIGSEGV) cr.detail += " — out-of-bounds access, or a stack overflow";
            cr.errors = r.errors;
            break;
        case Outcome::exited:
            if (r.exit_code != 0) {
                cr.verdict = CaseVerdict::RE;
                cr.detail = fmt::format("exit code {}", r.exit_code);
                cr.errors = r.errors;
                break;
            }
            Verdict v = p_.checker == CheckerKind::program
                            ? run_checker(ws, expected, r.output)
                            : check_output(p_.checker, expected, r.output, p_.tolerance);
            cr.verdict = v.accepted ? CaseVerdict::AC : CaseVerdict::WA;
            cr.detail = v.diff;
            break;
        }
        if (cr.verdict != CaseVerdict::AC) cr.hint = tc.hint;
    }

    Verdict run_checker(Workspace& ws, const std::string& expected, const std::string& actual) {
        write_scratch(ws.input, ws.solution.input);
        write_scratch(ws.expected, expected);
        write_scratch(ws.actual, actual);
        RunResult r = run_process(ws.checker);
        ws.checker_folder->clear();
        if (r.outcome == Outcome::exited && r.exit_code == 0) return {true, {}};
        if (r.outcome == Outcome::exited) { // any non-zero exit: not accepted
            std::string why = std::string(trim(r.output + r.errors));
            auto nl = why.find('\n');
            if (nl != std::string::npos) why.resize(nl);
            return {false, why.empty() ? "rejected by the checker" : "checker: " + shown(why, 100)};
        }
        fail(Exit::data,
             "{}: the checker program failed ({}) — a bug in the problem, not your solution",
             p_.file.string(),
             r.outcome == Outcome::exited         ? fmt::format("exit code {}", r.exit_code)
             : r.outcome == Outcome::spawn_failed ? r.error
                                                  : std::string("killed"));
    }

    const Problem& p_;
    const Program& prog_;
    const JudgeOptions& o_;
    int time_ms_ = 2000, memory_mb_ = 256;
    Program checker_;
    std::optional<Containment> own_containment_;
    Containment* containment_ = nullptr;
    const Sandbox* sandbox_ = nullptr; // null: no sandbox wanted, or none here
};

} // namespace

bool needs_sandbox(const Problem& problem, const JudgeOptions& options) {
    return options.sandbox_solution ||
           (options.sandbox_checker && problem.checker == CheckerKind::program);
}

Report judge(const Problem& problem, const Program& program, const JudgeOptions& options) {
    return Judge(problem, program, options).run();
}

Report compile_error(const Problem& problem, std::string diagnostics) {
    Report r;
    r.problem = problem.id;
    r.verdict = CaseVerdict::CE;
    r.total = problem.all_cases().size();
    r.compiler_output = std::move(diagnostics);
    r.time_limit_ms = problem.limits.time_ms;
    r.memory_limit_mb = problem.limits.memory_mb;
    return r;
}

} // namespace hired::practice
