// `hired practice …`: the practice half's commands. Parsing and printing
// only; the work is in practice/ (bank, judge, language, starter, session).
#include "commands.hpp"
#include "journal_support.hpp"
#include "table.hpp"

#include "practice/bank.hpp"
#include "practice/containment.hpp"
#include "practice/harness.hpp"
#include "practice/judge.hpp"
#include "practice/language.hpp"
#include "practice/runner.hpp"
#include "practice/session.hpp"
#include "practice/starter.hpp"
#include "tracker/attempts.hpp"
#include "tracker/journal.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>

namespace hired::cli {

using namespace hired::practice;
using nlohmann::json;

namespace {

void print_warnings(const Problem& p) {
    for (const auto& w : p.warnings)
        std::cerr << fmt::format("hired: warning: {}:{}:{}: {}\n", p.file.string(), w.line,
                                 w.column, w.message);
}

std::string difficulty_label(const Context& ctx, Difficulty d) {
    switch (d) {
    case Difficulty::easy:
        return ctx.style.green("easy");
    case Difficulty::medium:
        return ctx.style.yellow("medium");
    case Difficulty::hard:
        return ctx.style.red("hard");
    }
    return "";
}

json problem_summary_json(const Problem& p) {
    return {{"id", p.id},
            {"title", p.title},
            {"difficulty", to_string(p.difficulty)},
            {"tags", p.tags},
            {"minutes", p.minutes},
            {"examples", p.examples.size()},
            {"tests", p.tests.size()},
            {"file", p.file.string()}};
}

int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string format_ms(double ms) {
    if (ms < 10) return fmt::format("{:.2f} ms", ms);
    if (ms < 1000) return fmt::format("{:.1f} ms", ms);
    return fmt::format("{:.2f} s", ms / 1000);
}

std::string format_kb(int64_t kb) {
    if (kb < 10 * 1024) return fmt::format("{:.1f} MB", static_cast<double>(kb) / 1024);
    return fmt::format("{:.0f} MB", static_cast<double>(kb) / 1024);
}

// Finds the sandbox when judging needs one, and says once per command when
// there is none.
void prepare_sandbox(Containment& containment, const Problem& p, const JudgeOptions& o) {
    if (!needs_sandbox(p, o)) return;
    containment.sandbox();
    if (auto w = containment.take_warning()) std::cerr << "hired: warning: " << *w << "\n";
}

std::string verdict_label(const Context& ctx, CaseVerdict v) {
    std::string s = to_string(v);
    return v == CaseVerdict::AC ? ctx.style.green(s) : ctx.style.red(ctx.style.bold(s));
}

} // namespace

int practice_list(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "practice list", "[--tag T]... [--difficulty D] [--status S]",
                   "List the problems in the bank.");
    cl.options().add_options()("tag", po::value<std::vector<std::string>>()->value_name("T"),
                               "only problems with this tag (repeatable: all must match)")(
        "difficulty", po::value<std::string>()->value_name("D"),
        "easy, medium or hard")("status", po::value<std::string>()->value_name("S"),
                                "new, attempted (never solved), solved, or due (for review)");
    if (!cl.parse(args)) return 0;
    std::optional<tracker::StatusFilter> status;
    if (cl.has("status")) {
        status = tracker::parse_status_filter(cl.get<std::string>("status"));
        if (!status)
            cl.usage_error(fmt::format("--status must be new, attempted, solved or due, not '{}'",
                                       cl.get<std::string>("status")));
    }
    std::optional<Difficulty> diff;
    if (cl.has("difficulty")) {
        diff = parse_difficulty(to_lower(cl.get<std::string>("difficulty")));
        if (!diff)
            cl.usage_error(fmt::format("--difficulty must be easy, medium or hard, not '{}'",
                                       cl.get<std::string>("difficulty")));
    }
    auto tags = cl.list("tag");
    for (auto& t : tags)
        t = to_lower(t);
    Bank bank(ctx.problem_dirs());
    for (const auto& e : bank.load_errors())
        std::cerr << "hired: warning: skipped " << e << "\n";
    tracker::PracticeIndex records;
    tracker::Date now = today();
    if (status) {
        tracker::Journal journal(ctx.journal_dir());
        tracker::JournalFiles files(journal);
        tracker::Warnings warnings;
        records = tracker::load_all_practice(files, warnings);
        print_warnings(warnings);
    }
    std::vector<const Problem*> shown;
    for (const auto& p : bank.all()) {
        if (diff && p.difficulty != *diff) continue;
        if (status) {
            auto it = records.find(p.id);
            if (!tracker::matches(*status, it == records.end() ? nullptr : &it->second, now))
                continue;
        }
        bool ok = std::all_of(tags.begin(), tags.end(), [&](const std::string& t) {
            return std::find(p.tags.begin(), p.tags.end(), t) != p.tags.end();
        });
        if (ok) shown.push_back(&p);
    }
    if (ctx.globals.json) {
        json out = json::array();
        for (const auto* p : shown)
            out.push_back(problem_summary_json(*p));
        ctx.print_json(out);
        return 0;
    }
    if (shown.empty()) {
        std::cout << "No problems match.\n";
        return 0;
    }
    Table t({"ID", "DIFFICULTY", "MIN", "TITLE", "TAGS"}, {false, false, true, false, false});
    for (const auto* p : shown)
        t.add({ctx.style.bold(p->id), difficulty_label(ctx, p->difficulty),
               std::to_string(p->minutes), p->title, ctx.style.dim(join(p->tags, ", "))});
    std::cout << t.render();
    std::cout << ctx.style.dim(fmt::format("{} problem{}. Read one: hired practice show ID\n",
                                           shown.size(), shown.size() == 1 ? "" : "s"));
    return 0;
}

namespace {

// The signature as the problem declares it: "pair_sum(nums: int[], target: int) -> int[]",
// or the class and its methods, one per line.
std::string signature_text(const Problem& p) {
    auto params = [](const std::vector<Param>& ps) {
        std::vector<std::string> out;
        for (const auto& q : ps)
            out.push_back(q.name + ": " + q.type.str());
        return join(out, ", ");
    };
    const Signature& sig = p.signature;
    if (p.style == ProblemStyle::function)
        return fmt::format("  {}({}) -> {}\n", sig.function.name, params(sig.function.params),
                           sig.function.returns.str());
    std::string out = fmt::format("  class {}({})\n", sig.class_name, params(sig.constructor));
    for (const auto& m : sig.methods)
        out += fmt::format("    {}({}) -> {}\n", m.name, params(m.params), m.returns.str());
    return out;
}

// A class case's calls as the problem file writes them: [["MinStack"], ["push", 3], ...].
Value calls_value(const Problem& p, const CallCase& c) {
    Value calls = Value::array();
    for (const auto& call : c.calls) {
        Value one = Value::array();
        one.push_back(call.method < 0 ? p.signature.class_name
                                      : p.signature.methods[static_cast<size_t>(call.method)].name);
        for (const auto& a : call.args)
            one.push_back(a);
        calls.push_back(one);
    }
    return calls;
}

} // namespace

int practice_show(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "practice show", "ID [--hints N]",
        "Show a problem: its statement, input and output formats, constraints and examples.");
    cl.options().add_options()(
        "hints", po::value<int>()->value_name("N"),
        "also show the first N hints (and, once all are shown, the expected complexity)");
    cl.positional("id", 1);
    if (!cl.parse(args)) return 0;
    if (!cl.has("id")) cl.usage_error("which problem? Name one from 'hired practice list'");
    Bank bank(ctx.problem_dirs());
    Problem p = bank.find(cl.get<std::string>("id"));
    print_warnings(p);
    int hints = cl.has("hints") ? cl.get<int>("hints") : 0;
    if (hints < 0) cl.usage_error("--hints must not be negative");
    size_t nh = std::min<size_t>(static_cast<size_t>(hints), p.hints.size());
    bool all_hints = nh == p.hints.size() && hints > 0;
    if (ctx.globals.json) {
        json j = problem_summary_json(p);
        j["statement"] = p.statement;
        j["input_format"] = p.input_format;
        j["output_format"] = p.output_format;
        j["constraints"] = p.constraints;
        j["limits"] = {{"time_ms", p.limits.time_ms},
                       {"memory_mb", p.limits.memory_mb},
                       {"output_kb", p.limits.output_kb}};
        j["style"] = to_string(p.style);
        json ex = json::array();
        if (p.style == ProblemStyle::stdin_) {
            j["checker"] = to_string(p.checker);
            for (const auto& e : p.examples)
                ex.push_back({{"name", e.name},
                              {"input", e.load_input()},
                              {"output", e.load_output()},
                              {"explain", e.explain}});
        } else {
            j["signature"] = signature_text(p);
            j["compare"] = to_string(p.compare);
            for (const auto& e : p.examples) {
                CallCase c = load_call_case(p, e);
                json one = {{"name", e.name}, {"expect", c.expect}, {"explain", e.explain}};
                if (p.style == ProblemStyle::function) {
                    json args = json::object();
                    for (size_t i = 0; i < c.args.size(); ++i)
                        args[p.signature.function.params[i].name] = c.args[i];
                    one["args"] = args;
                } else {
                    one["calls"] = calls_value(p, c);
                }
                ex.push_back(one);
            }
        }
        j["examples"] = ex;
        j["hints"] =
            std::vector<std::string>(p.hints.begin(), p.hints.begin() + static_cast<long>(nh));
        j["hints_total"] = p.hints.size();
        if (all_hints)
            j["complexity"] = {{"time", p.complexity_time}, {"space", p.complexity_space}};
        ctx.print_json(j);
        return 0;
    }
    size_t width = std::min<size_t>(terminal_width(), 100);
    const Style& s = ctx.style;
    std::string out;
    out += fmt::format("{}  {}\n", s.bold(p.title), s.dim(p.id));
    out += fmt::format("{} · {} minutes · {}\n\n", difficulty_label(ctx, p.difficulty), p.minutes,
                       p.tags.empty() ? std::string("no tags") : join(p.tags, ", "));
    out += wrap(p.statement, width) + "\n";
    auto section = [&](const std::string& title, const std::string& body) {
        if (trim(body).empty()) return;
        out += s.bold(title) + "\n" + wrap_lines(body, width, "  ") + "\n";
    };
    section("Input", p.input_format);
    section("Output", p.output_format);
    if (p.style != ProblemStyle::stdin_)
        out +=
            s.bold(p.style == ProblemStyle::function ? "Write the function" : "Write the class") +
            "\n" + signature_text(p) + "\n";
    if (!p.constraints.empty()) {
        out += s.bold("Constraints") + "\n";
        for (const auto& c : p.constraints)
            out += "  • " + c + "\n";
        out += "\n";
    }
    out += s.bold("Limits") +
           fmt::format("\n  {} ms CPU, {} MB memory\n\n", p.limits.time_ms, p.limits.memory_mb);
    int k = 0;
    for (const auto& e : p.examples) {
        out += s.bold(fmt::format("Example {}", ++k)) + "\n";
        if (p.style != ProblemStyle::stdin_) {
            CallCase c = load_call_case(p, e);
            if (p.style == ProblemStyle::function) {
                for (size_t i = 0; i < c.args.size(); ++i)
                    out += fmt::format("  {} = {}\n", p.signature.function.params[i].name,
                                       show(c.args[i], width));
                out += fmt::format("  returns {}\n", show(c.expect, width));
            } else {
                const Value calls = calls_value(p, c);
                for (size_t i = 0; i < calls.size(); ++i)
                    out +=
                        fmt::format("  {:<40} -> {}\n", show(calls[i], 40), show(c.expect[i], 40));
            }
            if (!e.explain.empty()) out += wrap("why: " + e.explain, width, "  ");
            out += "\n";
            continue;
        }
        out += "  input:\n";
        std::string input = e.load_input(), output = e.load_output(); // split_lines gives views
        for (auto l : split_lines(input))
            out += "    " + std::string(l) + "\n";
        out += "  output:\n";
        for (auto l : split_lines(output))
            out += "    " + std::string(l) + "\n";
        if (!e.explain.empty()) out += wrap("why: " + e.explain, width, "  ");
        out += "\n";
    }
    for (size_t i = 0; i < nh; ++i)
        out += s.yellow(fmt::format("Hint {}: ", i + 1)) + p.hints[i] + "\n";
    if (all_hints && (!p.complexity_time.empty() || !p.complexity_space.empty()))
        out +=
            s.yellow("Expected: ") +
            fmt::format("{} time, {} space\n", p.complexity_time.empty() ? "?" : p.complexity_time,
                        p.complexity_space.empty() ? "?" : p.complexity_space);
    if (nh < p.hints.size())
        out += s.dim(fmt::format("{} hint{} available: hired practice show {} --hints {}\n",
                                 p.hints.size() - nh, p.hints.size() - nh == 1 ? "" : "s", p.id,
                                 nh + 1));
    out += s.dim(fmt::format("{} hidden test{}. Start: hired practice start {}\n", p.tests.size(),
                             p.tests.size() == 1 ? "" : "s", p.id));
    std::cout << out;
    return 0;
}

int practice_start(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "practice start", "ID [--lang L] [--minutes M] [--dir D]",
        "Write a starter file D/ID.<ext> (never overwriting one that exists) and start the clock. "
        "The language defaults to $HIRED_LANG, else cpp.");
    cl.options().add_options()("lang", po::value<std::string>()->value_name("L"),
                               "cpp, c, python, javascript, java, rust or sh")(
        "minutes", po::value<int>()->value_name("M"), "the time budget (default: the problem's)")(
        "dir", po::value<std::string>()->value_name("D"),
        "where to write the file (default: the current folder)");
    cl.positional("id", 1);
    if (!cl.parse(args)) return 0;
    if (!cl.has("id")) cl.usage_error("which problem? Name one from 'hired practice list'");
    std::string lang_name = cl.has("lang")
                                ? cl.get<std::string>("lang")
                                : (std::getenv("HIRED_LANG") ? std::getenv("HIRED_LANG") : "cpp");
    const Language* lang = find_language(lang_name);
    if (!lang || lang->name == "exe") {
        std::vector<std::string> names;
        for (const auto& l : languages())
            if (l.name != "exe") names.push_back(l.name);
        cl.usage_error(
            fmt::format("unknown language '{}' (known: {})", lang_name, join(names, ", ")));
    }
    Bank bank(ctx.problem_dirs());
    Problem p = bank.find(cl.get<std::string>("id"));
    print_warnings(p);
    int minutes = cl.has("minutes") ? cl.get<int>("minutes") : p.minutes;
    if (minutes <= 0 || minutes > 600) cl.usage_error("--minutes must be between 1 and 600");
    fs::path dir = cl.has("dir") ? fs::path(cl.get<std::string>("dir")) : fs::current_path();
    std::error_code ec;
    if (cl.has("dir") && !fs::exists(dir, ec)) make_dirs(dir, 0755);
    if (!fs::is_directory(dir, ec)) fail(Exit::usage, "no folder {}", dir.string());
    std::string stem = p.id;
    // javac wants a stdin program's file named after its public class; a
    // function problem's class Solution is not public, and hired compiles it
    // under the name javac wants.
    if (lang->name == "java" && p.style == ProblemStyle::stdin_) stem = "Main";
    fs::path file = fs::absolute(dir / (stem + lang->extension)).lexically_normal();
    bool existed = fs::exists(file, ec);
    if (!existed) {
        // O_EXCL semantics: never overwrite, even if the file appears meanwhile.
        std::string code = starter_code(p, *lang);
        fs::path tmp = file;
        tmp += ".hired-new";
        write_file_atomic(tmp, code, 0644);
        if (::link(tmp.c_str(), file.c_str()) != 0) {
            fs::remove(tmp, ec);
            if (errno == EEXIST)
                existed = true;
            else
                fail(Exit::env, "cannot write {}: {}", file.string(), std::strerror(errno));
        } else {
            fs::remove(tmp, ec);
        }
    }
    auto old = load_session(p.id);
    Session sess;
    sess.problem = p.id;
    sess.file = file;
    sess.language = lang->name;
    sess.started = now_seconds();
    sess.minutes = minutes;
    bool resumed = old && old->file == file;
    if (resumed) {
        sess = *old;
        sess.minutes = minutes;
    }
    save_session(sess);
    if (ctx.globals.json) {
        ctx.print_json({{"problem", p.id},
                        {"file", file.string()},
                        {"language", lang->name},
                        {"created", !existed},
                        {"started", sess.started},
                        {"minutes", minutes},
                        {"resumed", resumed}});
        return 0;
    }
    const Style& s = ctx.style;
    if (existed)
        std::cout << fmt::format("Kept your existing {} (not overwritten).\n", file.string());
    else
        std::cout << fmt::format("Wrote {} ({}).\n", file.string(), lang->display);
    if (resumed)
        std::cout << fmt::format("The clock has been running for {} min of {}.\n",
                                 (now_seconds() - sess.started) / 60, minutes);
    else
        std::cout << fmt::format("Clock started: {} minutes for {}.\n", minutes, s.bold(p.title));
    std::cout << s.dim(fmt::format(
        "Read it: hired practice show {}   Judge it: hired practice run {}\n", p.id, p.id));
    return 0;
}

namespace {

fs::path find_solution(const Problem& p, const std::optional<Session>& sess) {
    if (sess && !sess->file.empty()) {
        std::error_code ec;
        if (fs::exists(sess->file, ec)) return sess->file;
    }
    std::vector<fs::path> found;
    for (const auto& l : languages()) {
        if (l.extension.empty()) continue;
        fs::path f = fs::current_path() / (p.id + l.extension);
        std::error_code ec;
        if (fs::is_regular_file(f, ec)) found.push_back(f);
    }
    if (found.size() == 1) return found[0];
    if (found.empty())
        fail(Exit::usage,
             "no solution file for '{}': give one (hired practice run {} FILE), or run 'hired "
             "practice start {}'",
             p.id, p.id, p.id);
    std::vector<std::string> names;
    for (const auto& f : found)
        names.push_back(f.filename().string());
    fail(Exit::usage,
         "several solution files for '{}' here ({}): say which (hired practice run {} FILE)", p.id,
         join(names, ", "), p.id);
}

json report_json(const Report& r, const std::string& language, const Program& prog) {
    json cases = json::array();
    for (const auto& c : r.cases) {
        json j = {{"name", c.name},
                  {"verdict", to_string(c.verdict)},
                  {"wall_ms", std::round(c.wall_ms * 1000) / 1000},
                  {"cpu_ms", std::round(c.cpu_ms * 1000) / 1000},
                  {"peak_kb", c.peak_kb},
                  {"exit_code", c.exit_code >= 0 ? json(c.exit_code) : json(nullptr)},
                  {"signal",
                   c.signal ? json(fmt::format(
                                  "SIG{}", sigabbrev_np(c.signal) ? sigabbrev_np(c.signal) : "?"))
                            : json(nullptr)},
                  {"example", c.example}};
        if (!c.detail.empty()) j["detail"] = c.detail;
        if (!c.hint.empty()) j["hint"] = c.hint;
        if (c.runs > 1) {
            j["runs"] = c.runs;
            j["wall_ms_spread"] = {{"min", c.wall.min}, {"max", c.wall.max}};
            j["cpu_ms_spread"] = {{"min", c.cpu.min}, {"max", c.cpu.max}};
        }
        cases.push_back(j);
    }
    json out = {{"problem", r.problem},
                {"verdict", to_string(r.verdict)},
                {"passed", r.passed},
                {"total", r.total},
                {"cases", cases},
                {"language", language},
                {"limits",
                 {{"time_ms", r.time_limit_ms},
                  {"memory_mb", r.memory_limit_mb},
                  {"wall_ms", r.wall_limit_ms}}}};
    if (r.verdict == CaseVerdict::CE) out["compiler_output"] = r.compiler_output;
    out["sandbox"] = {{"solution", r.solution_sandboxed}, {"checker", r.checker_sandboxed}};
    out["compile"] = {{"cached", prog.cached}, {"ms", prog.compile_ms}};
    return out;
}

std::string indent_block(const std::string& text, const std::string& indent, size_t max_lines) {
    std::string out;
    size_t n = 0;
    auto lines = split_lines(text);
    for (auto l : lines) {
        if (n++ == max_lines) {
            out += indent + fmt::format("… ({} more lines)\n", lines.size() - max_lines);
            break;
        }
        out += indent + std::string(l.substr(0, 200)) + "\n";
    }
    return out;
}

void print_report(const Context& ctx, const Problem& p, const Report& r, const std::string& file,
                  const Program& prog) {
    const Style& s = ctx.style;
    std::string out;
    if (r.verdict == CaseVerdict::CE) {
        out += fmt::format("{}  {} does not compile\n", verdict_label(ctx, CaseVerdict::CE), file);
        out += indent_block(r.compiler_output, "  ", 40);
        std::cout << out;
        return;
    }
    double res = timer_resolution_ms();
    auto time_cell = [&](double ms, const Spread& sp, int runs) {
        std::string v = ms < res ? fmt::format("<{:g} ms", res) : format_ms(ms);
        if (runs > 1) v += s.dim(fmt::format(" ±{}", format_ms((sp.max - sp.min) / 2)));
        return v;
    };
    Table t({"CASE", "VERDICT", "WALL", "CPU", "MEMORY", ""},
            {false, false, true, true, true, false});
    std::string notes;
    size_t failures = 0;
    const size_t kDetailed = 3; // details for the first few failures; the table has the rest
    for (const auto& c : r.cases) {
        std::string name = c.example ? c.name + s.dim(" (example)") : c.name;
        std::string note = c.verdict == CaseVerdict::AC ? "" : c.detail;
        if (note.size() > 60) note = note.substr(0, 57) + "...";
        t.add({name, verdict_label(ctx, c.verdict), time_cell(c.wall_ms, c.wall, c.runs),
               time_cell(c.cpu_ms, c.cpu, c.runs), format_kb(c.peak_kb), note});
        if (c.verdict != CaseVerdict::AC && ++failures <= kDetailed) {
            notes += fmt::format("{} {}: {}\n", verdict_label(ctx, c.verdict), c.name, c.detail);
            if (!c.hint.empty()) notes += "  " + s.yellow("hint: ") + c.hint + "\n";
            if (!c.errors.empty()) notes += "  stderr:\n" + indent_block(c.errors, "    ", 10);
        }
    }
    out += fmt::format("{} — {} ({}{}{})\n", s.bold(p.id), file, prog.language,
                       prog.cached ? ", cached build"
                       : prog.compile_ms > 0
                           ? fmt::format(", compiled in {}", format_ms(prog.compile_ms))
                           : "",
                       r.solution_sandboxed ? ", sandboxed" : "");
    out += t.render("  ");
    if (failures > kDetailed)
        notes += s.dim(fmt::format(
            "… and {} more failing case{} (one at a time: hired practice run {} --case NAME)\n",
            failures - kDetailed, failures - kDetailed == 1 ? "" : "s", p.id));
    if (!notes.empty()) out += "\n" + notes;
    double max_cpu = 0;
    int64_t max_kb = 0;
    for (const auto& c : r.cases) {
        max_cpu = std::max(max_cpu, c.cpu_ms);
        max_kb = std::max(max_kb, c.peak_kb);
    }
    out += fmt::format("\n{}  {}/{} passed · slowest {} CPU of {} ms · peak {} of {} MB\n",
                       verdict_label(ctx, r.verdict), r.passed, r.total, format_ms(max_cpu),
                       r.time_limit_ms, format_kb(max_kb), r.memory_limit_mb);
    bool tiny = std::any_of(r.cases.begin(), r.cases.end(),
                            [&](const CaseResult& c) { return c.cpu_ms < res || c.wall_ms < res; });
    if (tiny)
        out += s.dim(
            fmt::format("Times marked '<' are below what the clock resolves ({:g} ms).\n", res));
    std::cout << out;
}

} // namespace

int practice_run(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "practice run", "ID [FILE] [options]",
        "Compile FILE when needed (cached by content), run it on every example and hidden test, "
        "and print one row per case with its verdict, wall time, CPU time and peak memory. "
        "FILE defaults to the file 'practice start' wrote, else ./ID.<ext>. "
        "Exit 0 when every case is AC, else 1.");
    cl.options().add_options()("lang", po::value<std::string>()->value_name("L"),
                               "the language, when the extension does not say")(
        "cmd", po::value<std::string>()->value_name("\"…\""),
        "run this command line instead of a file (no shell)")(
        "case", po::value<std::vector<std::string>>()->value_name("NAME"),
        "only this case (repeatable)")("repeat", po::value<int>()->value_name("K"),
                                       "run each case K times; report the median and spread")(
        "time-limit", po::value<int>()->value_name("MS"),
        "CPU time limit per case (default: the problem's)")(
        "memory-limit", po::value<int>()->value_name("MB"),
        "memory limit per case (default: the problem's)")(
        "jobs,j", po::value<int>()->value_name("N"), "run N cases at once (times are noisier)")(
        "sandbox", "run the solution in the sandbox too (bubblewrap: no network, home folder and "
                   "journal hidden; also: HIRED_SANDBOX=1)")(
        "batch",
        "function and class problems: run every case in one process, each timed inside it "
        "(faster where start-up dominates: Python, JavaScript, Java); a case the batch cannot "
        "attribute runs again in its own process")(
        "show-harness",
        "function and class problems: print the program hired wraps around your code, "
        "and stop");
    cl.epilog("Every program runs in a fresh temporary folder with a clean environment (PATH,\n"
              "HOME, locale and what language runtimes read; no secrets). The checker of a\n"
              "problem from outside the built-in bank runs in the sandbox.\n");
    cl.positional("id", 1).positional("file", 1);
    if (!cl.parse(args)) return 0;
    if (!cl.has("id")) cl.usage_error("which problem? Name one from 'hired practice list'");
    int repeat = cl.has("repeat") ? cl.get<int>("repeat") : 1;
    if (repeat < 1 || repeat > 1000) cl.usage_error("--repeat must be between 1 and 1000");
    int jobs = cl.has("jobs") ? cl.get<int>("jobs") : 1;
    if (jobs < 1 || jobs > 64) cl.usage_error("--jobs must be between 1 and 64");
    if (cl.has("time-limit") &&
        (cl.get<int>("time-limit") < 1 || cl.get<int>("time-limit") > 600000))
        cl.usage_error("--time-limit must be between 1 and 600000 ms");
    if (cl.has("memory-limit") &&
        (cl.get<int>("memory-limit") < 1 || cl.get<int>("memory-limit") > 65536))
        cl.usage_error("--memory-limit must be between 1 and 65536 MB");
    if (cl.has("cmd") && cl.has("file")) cl.usage_error("give a FILE or --cmd, not both");

    Bank bank(ctx.problem_dirs());
    Problem p = bank.find(cl.get<std::string>("id"));
    print_warnings(p);
    auto sess = load_session(p.id);
    int memory_mb = cl.has("memory-limit") ? cl.get<int>("memory-limit") : p.limits.memory_mb;
    if ((cl.has("batch") || cl.has("show-harness")) && p.style == ProblemStyle::stdin_)
        cl.usage_error(fmt::format("--{} is for function and class problems; '{}' reads stdin",
                                   cl.has("batch") ? "batch" : "show-harness", p.id));
    if (cl.has("cmd") && p.style != ProblemStyle::stdin_)
        cl.usage_error(fmt::format("'{}' is a {} problem: give the file with your code, not --cmd",
                                   p.id, to_string(p.style)));

    Containment containment({ctx.journal_dir()});
    Compiled compiled;
    std::string shown_file;
    if (cl.has("cmd")) {
        compiled.ok = true;
        compiled.program = command_program(cl.get<std::string>("cmd"), fs::current_path());
        if (compiled.program.argv.empty()) cl.usage_error("--cmd is empty");
        shown_file = cl.get<std::string>("cmd");
    } else {
        fs::path file =
            cl.has("file") ? fs::path(cl.get<std::string>("file")) : find_solution(p, sess);
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) fail(Exit::usage, "no solution file {}", file.string());
        const Language* lang =
            cl.has("lang") ? find_language(cl.get<std::string>("lang")) : language_of(file);
        if (!lang) {
            if (cl.has("lang"))
                cl.usage_error(fmt::format("unknown language '{}'", cl.get<std::string>("lang")));
            fail(Exit::usage,
                 "cannot tell the language of {} from its extension: use --lang, or --cmd",
                 file.string());
        }
        shown_file = file.filename().string();
        if (p.style == ProblemStyle::stdin_) {
            compiled = prepare(file, *lang, memory_mb, default_cache_root());
        } else {
            if (!has_harness(lang->name))
                cl.usage_error(
                    fmt::format("'{}' is a {} problem: solve it in C++, Python, JavaScript or Java",
                                p.id, to_string(p.style)));
            if (cl.has("show-harness")) {
                HarnessFiles h = generate_harness(p, lang->name);
                for (const auto& [name, text] : h.files) {
                    if (h.files.size() > 1) std::cout << "==> " << name << " <==\n";
                    std::cout << text;
                }
                return 0;
            }
            compiled = prepare_harness(p, file, *lang, memory_mb, default_cache_root());
        }
    }

    Report report;
    if (!compiled.ok) {
        report = compile_error(p, compiled.diagnostics);
    } else {
        JudgeOptions o;
        o.cases = cl.list("case");
        o.repeat = repeat;
        o.jobs = jobs;
        if (cl.has("time-limit")) o.time_limit_ms = cl.get<int>("time-limit");
        if (cl.has("memory-limit")) o.memory_limit_mb = cl.get<int>("memory-limit");
        const char* always = std::getenv("HIRED_SANDBOX");
        o.containment = &containment;
        o.sandbox_solution =
            cl.has("sandbox") || (always && *always && std::string_view(always) != "0");
        o.sandbox_checker = is_third_party(p, ctx.builtin_problems());
        o.batch = cl.has("batch");
        prepare_sandbox(containment, p, o);
        bool live = ctx.style.tty && !ctx.globals.json;
        if (live)
            o.progress = [&](const CaseResult& c, size_t done, size_t total) {
                std::cout << fmt::format("\r\033[K  running {}/{}  {} {}", done, total, c.name,
                                         to_string(c.verdict))
                          << std::flush;
            };
        report = judge(p, compiled.program, o);
        if (live) std::cout << "\r\033[K" << std::flush;
    }

    if (sess) {
        sess->runs += 1;
        sess->last_verdict = to_string(report.verdict);
        sess->last_passed = static_cast<int>(report.passed);
        sess->last_total = static_cast<int>(report.total);
        double slowest = 0;
        for (const auto& c : report.cases)
            slowest = std::max(slowest, c.cpu_ms);
        sess->last_cpu_ms = slowest;
        save_session(*sess);
    }
    if (ctx.globals.json)
        ctx.print_json(report_json(report, compiled.program.language, compiled.program));
    else
        print_report(ctx, p, report, shown_file, compiled.program);
    return report.verdict == CaseVerdict::AC ? 0 : 1;
}

namespace {

struct StarterTry {
    std::string language, verdict, detail;
};

// Whether the language's toolchain builds the smallest program (a rustc
// proxy without a toolchain, say, does not): a starter is judged only where
// it does. Once per language and command; the build is cached anyway.
bool toolchain_works(const Language& lang, const fs::path& scratch) {
    static std::map<std::string, bool> known;
    if (auto it = known.find(lang.name); it != known.end()) return it->second;
    static const std::map<std::string, std::string> smallest = {
        {"cpp", "int main() { return 0; }\n"},
        {"c", "int main(void) { return 0; }\n"},
        {"python", "pass\n"},
        {"javascript", "\n"},
        {"java", "public class Main { public static void main(String[] a) {} }\n"},
        {"rust", "fn main() {}\n"},
        {"sh", "true\n"}};
    fs::path file = scratch / ("hired-toolchain-probe" +
                               std::string(lang.name == "java" ? "/Main" : "") + lang.extension);
    make_dirs(file.parent_path(), 0700);
    write_file_atomic(file, smallest.at(lang.name));
    bool ok = false;
    try {
        ok = prepare(file, lang, 256, default_cache_root()).ok;
    } catch (const Error&) {
        ok = false;
    }
    known[lang.name] = ok;
    return ok;
}

// Every starter of p, written to a scratch folder, prepared as a solution
// would be and judged on the examples: the verdict each ends in ("skipped"
// where the language's toolchain is not installed).
std::vector<StarterTry> check_starters(const Problem& p, Containment& containment,
                                       const fs::path& builtin) {
    std::vector<StarterTry> out;
    RunFolder scratch;
    std::vector<std::string> names =
        p.style == ProblemStyle::stdin_
            ? std::vector<std::string>{"cpp", "c", "python", "javascript", "java", "rust", "sh"}
            : std::vector<std::string>{"cpp", "python", "javascript", "java"};
    std::vector<std::string> example_names;
    for (const auto& e : p.examples)
        example_names.push_back(e.name);
    if (example_names.empty())
        for (const auto* c : p.all_cases())
            if (example_names.empty()) example_names.push_back(c->name);
    for (const auto& name : names) {
        const Language* lang = find_language(name);
        static const std::map<std::string, std::string> tool = {
            {"cpp", "g++"},    {"c", "gcc"},      {"python", "python3"}, {"javascript", "node"},
            {"java", "javac"}, {"rust", "rustc"}, {"sh", "bash"}};
        if (!lang || compiler_identity(tool.at(name)).empty() ||
            !toolchain_works(*lang, scratch.path())) {
            out.push_back({name, "skipped", ""});
            continue;
        }
        fs::path file = scratch.path() / (p.id + lang->extension);
        write_file_atomic(file, starter_code(p, *lang));
        Compiled c =
            p.style == ProblemStyle::stdin_
                ? prepare(file, *lang, p.limits.memory_mb, default_cache_root())
                : prepare_harness(p, file, *lang, p.limits.memory_mb, default_cache_root());
        if (!c.ok) {
            out.push_back({name, "CE", c.diagnostics});
            continue;
        }
        JudgeOptions o;
        o.cases = example_names;
        o.containment = &containment;
        o.sandbox_checker = is_third_party(p, builtin);
        prepare_sandbox(containment, p, o);
        Report r = judge(p, c.program, o);
        std::string detail = r.compiler_output;
        for (const auto& cs : r.cases)
            if (cs.verdict != CaseVerdict::AC && cs.verdict != CaseVerdict::WA)
                detail += fmt::format("case {}: {} {}\n{}", cs.name, to_string(cs.verdict),
                                      cs.detail, cs.errors);
        // A starter that fails some cases and crashes on others ends in the crash.
        std::string verdict = to_string(r.verdict);
        for (const auto& cs : r.cases)
            if (cs.verdict != CaseVerdict::AC && cs.verdict != CaseVerdict::WA)
                verdict = to_string(cs.verdict);
        out.push_back({name, verdict, detail});
    }
    return out;
}

} // namespace

int practice_check(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "practice check", "[PATH]...",
        "Validate problem files (a PATH is a problem file or a folder of them; default: every "
        "problem "
        "folder) and run each reference solution on every example and test: every reference must "
        "pass. "
        "Every starter 'practice start' writes is compiled and run on the examples too: each must "
        "end in WA or AC, never CE or RE. Exit 1 when a reference or a starter fails, 3 when a "
        "file is invalid.");
    cl.options().add_options()("jobs,j", po::value<int>()->value_name("N"),
                               "run N cases at once")("no-starters", "do not try the starters");
    cl.positional("path", -1);
    if (!cl.parse(args)) return 0;
    bool starters = !cl.has("no-starters");
    int jobs = cl.has("jobs") ? std::clamp(cl.get<int>("jobs"), 1, 64) : 1;
    std::vector<fs::path> files;
    auto add_dir = [&](const fs::path& d) {
        std::error_code ec;
        std::vector<fs::path> found;
        for (fs::directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".yaml" && it->is_regular_file(ec))
                found.push_back(it->path());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    };
    auto paths = cl.list("path");
    if (paths.empty()) {
        for (const auto& d : ctx.problem_dirs())
            add_dir(d);
    } else {
        for (const auto& p : paths) {
            std::error_code ec;
            if (fs::is_directory(p, ec))
                add_dir(p);
            else if (fs::is_regular_file(p, ec))
                files.emplace_back(p);
            else
                fail(Exit::usage, "no such file or folder: {}", p);
        }
    }
    int invalid = 0, failed = 0, refs = 0;
    json results = json::array();
    Containment containment({ctx.journal_dir()});
    const fs::path builtin = ctx.builtin_problems();
    for (const auto& f : files) {
        json jr = {{"file", f.string()}};
        Problem p;
        try {
            p = load_problem(f);
        } catch (const Error& e) {
            ++invalid;
            jr["error"] = e.what();
            results.push_back(jr);
            if (!ctx.globals.json) std::cout << e.what() << "\n";
            continue;
        }
        if (!ctx.globals.json) print_warnings(p);
        jr["id"] = p.id;
        if (p.solutions.empty()) {
            ++failed;
            std::string msg =
                fmt::format("{}: no reference solutions to check (add 'solutions:')", f.string());
            jr["error"] = msg;
            if (!ctx.globals.json) std::cout << msg << "\n";
        }
        json sols = json::array();
        for (const auto& sol : p.solutions) {
            ++refs;
            json js = {{"solution", sol.string()}};
            const Language* lang = language_of(sol);
            if (!lang) {
                ++failed;
                js["error"] = "unknown language";
                if (!ctx.globals.json)
                    std::cout << fmt::format("{}: cannot tell the language of {}\n", f.string(),
                                             sol.string());
                sols.push_back(js);
                continue;
            }
            Compiled c =
                p.style == ProblemStyle::stdin_
                    ? prepare(sol, *lang, p.limits.memory_mb, default_cache_root())
                    : prepare_harness(p, sol, *lang, p.limits.memory_mb, default_cache_root());
            Report r;
            if (!c.ok)
                r = compile_error(p, c.diagnostics);
            else {
                JudgeOptions o;
                o.jobs = jobs;
                o.batch = true; // function problems: one harness process, cases timed inside it
                // A problem from outside the built-in bank is someone else's
                // code: its references and checker run in the sandbox.
                o.containment = &containment;
                o.sandbox_solution = o.sandbox_checker = is_third_party(p, builtin);
                prepare_sandbox(containment, p, o);
                r = judge(p, c.program, o);
            }
            js["verdict"] = to_string(r.verdict);
            js["passed"] = r.passed;
            js["total"] = r.total;
            double slowest = 0;
            for (const auto& cs : r.cases)
                slowest = std::max(slowest, cs.cpu_ms);
            js["slowest_cpu_ms"] = slowest;
            if (r.verdict != CaseVerdict::AC) {
                ++failed;
                if (!ctx.globals.json) {
                    if (r.verdict == CaseVerdict::CE)
                        std::cout << fmt::format("{}: {} does not compile:\n{}", f.string(),
                                                 sol.filename().string(),
                                                 indent_block(r.compiler_output, "  ", 20));
                    for (const auto& cs : r.cases)
                        if (cs.verdict != CaseVerdict::AC)
                            std::cout << fmt::format("{}: {} fails case '{}': {} {}\n", f.string(),
                                                     sol.filename().string(), cs.name,
                                                     to_string(cs.verdict), cs.detail);
                }
            }
            sols.push_back(js);
        }
        jr["solutions"] = sols;
        if (starters) {
            json tried = json::array();
            for (const auto& [language, verdict, detail] :
                 check_starters(p, containment, builtin)) {
                tried.push_back({{"language", language}, {"verdict", verdict}});
                if (verdict == "AC" || verdict == "WA" || verdict == "skipped") continue;
                ++failed;
                if (!ctx.globals.json)
                    std::cout << fmt::format(
                        "{}: the {} starter ends in {} on the examples (it must be WA or AC):\n{}",
                        f.string(), language, verdict, indent_block(detail, "  ", 20));
            }
            jr["starters"] = tried;
        }
        results.push_back(jr);
    }
    if (ctx.globals.json) {
        ctx.print_json({{"problems", files.size()},
                        {"invalid", invalid},
                        {"failed", failed},
                        {"solutions", refs},
                        {"results", results}});
    } else if (invalid == 0 && failed == 0) {
        std::cout << fmt::format("{} problem{} valid; {} reference solution{} pass every case.\n",
                                 files.size(), files.size() == 1 ? "" : "s", refs,
                                 refs == 1 ? "" : "s");
    }
    if (invalid) return static_cast<int>(Exit::data);
    return failed ? 1 : 0;
}

} // namespace hired::cli
