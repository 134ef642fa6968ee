// `hired practice done | next | stats`: the practice history. The clock
// (practice/session.hpp) is handed to the journal here, as one attempt in
// practice/<id>.yaml (tracker/attempts.hpp); the scheduling rule is
// practice/schedule.hpp, the choice of what comes next tracker/review.hpp.
// Parsing and printing only.
#include "commands.hpp"
#include "journal_support.hpp"
#include "table.hpp"

#include "practice/bank.hpp"
#include "practice/scaffold.hpp"
#include "practice/schedule.hpp"
#include "practice/session.hpp"
#include "tracker/attempts.hpp"
#include "tracker/journal.hpp"
#include "tracker/review.hpp"
#include "tracker/store.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <iostream>

namespace hired::cli {

using nlohmann::json;
using practice::Bank;
using practice::Problem;
using namespace hired::tracker;

namespace {

int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string days_from_now(Date today, Date d) {
    int64_t n = days_between(today, d);
    if (n == 0) return "today";
    if (n == 1) return "tomorrow";
    if (n == -1) return "yesterday";
    return n > 0 ? fmt::format("in {} days", n) : fmt::format("{} days ago", -n);
}

json schedule_json(const practice::Schedule& s) {
    return {{"ease", std::round(s.ease * 100) / 100},
            {"interval_days", s.interval_days},
            {"repetitions", s.repetitions},
            {"due", s.due ? json(Date::from_days(*s.due).str()) : json(nullptr)}};
}

json attempt_json(const Attempt& a) {
    return {
        {"id", a.id},
        {"started", a.started.empty() ? json(nullptr) : json(a.started)},
        {"finished", a.finished},
        {"day", a.day().str()},
        {"elapsed_minutes", a.elapsed_minutes},
        {"budget_minutes", a.budget_minutes ? json(*a.budget_minutes) : json(nullptr)},
        {"verdict", a.verdict},
        {"passed", a.passed},
        {"total", a.total},
        {"runs", a.runs},
        {"cpu_ms", std::round(a.cpu_ms * 10) / 10},
        {"language", a.language.empty() ? json(nullptr) : json(a.language)},
        {"rating", a.rating ? json(std::string(practice::to_string(*a.rating))) : json(nullptr)},
        {"note", a.note.empty() ? json(nullptr) : json(a.note)}};
}

void warn_bank(Bank& bank) {
    for (const auto& e : bank.load_errors())
        std::cerr << "hired: warning: skipped " << e << "\n";
}

// A tag the bank knows, or a usage error with suggestions.
std::string known_tag(const CommandLine& cl, const std::vector<Problem>& bank,
                      const std::string& tag) {
    std::vector<std::string> tags;
    for (const auto& p : bank)
        for (const auto& t : p.tags)
            if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    for (const auto& t : tags)
        if (iequals(t, tag)) return t;
    auto near = suggestions(to_lower(tag), tags);
    cl.usage_error(near.empty() ? fmt::format("no problem has the tag '{}'", tag)
                                : fmt::format("no problem has the tag '{}'; did you mean '{}'?",
                                              tag, join(near, "' or '")));
}

// The message of the commit that records a.
std::string done_message(const PracticeRecord& r, const Attempt& a) {
    std::string what = a.verdict == "none" ? std::string("not judged") : a.verdict;
    return fmt::format(
        "practice: {} {} in {} min{}, next review {}", r.problem, what, a.elapsed_minutes,
        a.rating ? fmt::format(" ({})", practice::to_string(*a.rating)) : std::string(),
        r.due() ? r.due()->str() : std::string("-"));
}

// Thrown inside the change when the journal moved on since the dry run, so
// the message worked out before taking the lock no longer says what happens.
struct Moved {};

// ---- charts -----------------------------------------------------------------------

// A horizontal bar of width cells for share in 0..1, in eighths of a cell.
std::string bar(double share, int width) {
    static const char* partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    long eighths = std::lround(std::clamp(share, 0.0, 1.0) * width * 8);
    std::string out;
    for (long i = 0; i < eighths / 8; ++i)
        out += "█";
    out += partial[eighths % 8];
    return out;
}

std::string sparkline(const std::vector<int>& values) {
    static const char* levels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    int max = 0;
    for (int v : values)
        max = std::max(max, v);
    std::string out;
    for (int v : values) {
        if (v <= 0 || max == 0)
            out += levels[0];
        else
            out += levels[1 + std::lround(6.0 * (v - 1) / std::max(1, max - 1))];
    }
    return out;
}

std::string pct(double share) {
    return fmt::format("{:.0f}%", share * 100);
}

} // namespace

// ---- practice done -----------------------------------------------------------------

int practice_done(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "practice done", "ID [--rating again|hard|good|easy] [--note TEXT]",
                   "Stop the clock and record the attempt in the journal (practice/ID.yaml, one "
                   "commit): the time "
                   "taken, the last run's verdict, the number of runs, your rating and note. "
                   "Schedules the next "
                   "review: a failed attempt comes back tomorrow, a good one later each time.");
    cl.options().add_options()("rating", po::value<std::string>()->value_name("R"),
                               "how it felt: again, hard, good or easy")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note to keep with the attempt");
    cl.positional("id", 1);
    if (!cl.parse(args)) return 0;
    if (!cl.has("id"))
        cl.usage_error("which problem? Name the one you started with 'hired practice start ID'");
    std::optional<practice::Rating> rating;
    if (auto r = cl.opt<std::string>("rating")) {
        rating = practice::parse_rating(trim(*r));
        if (!rating)
            cl.usage_error(fmt::format("--rating must be again, hard, good or easy, not '{}'", *r));
    }
    auto note = text_opt(cl, "note");
    std::string id = cl.get<std::string>("id");

    Bank bank(ctx.problem_dirs());
    Problem p = bank.find(id);
    auto sess = practice::load_session(p.id);
    if (!sess)
        fail(Exit::usage, "no clock running for '{}': run 'hired practice start {}' first", p.id,
             p.id);

    int64_t now = std::max(now_seconds(), sess->started);
    Attempt a;
    a.id = new_id();
    a.started = local_datetime(sess->started);
    a.finished = local_datetime(now);
    a.elapsed_minutes = static_cast<int>((now - sess->started + 30) / 60);
    a.budget_minutes = p.minutes;
    a.verdict = is_verdict(sess->last_verdict) ? sess->last_verdict : std::string("none");
    a.passed = sess->last_passed;
    a.total = sess->last_total;
    a.runs = sess->runs;
    a.cpu_ms = sess->last_cpu_ms;
    a.language = sess->language;
    a.rating = rating;
    a.note = note.value_or("");

    Journal journal(ctx.journal_dir());
    bool fresh = !journal.exists();
    Warnings warnings;
    PracticeRecord record;
    int quality = 0;
    // Reads the problem's file as it is (on disk, or inside the change) and
    // adds the attempt; returns the commit message.
    auto plan = [&](const Files& files) {
        warnings.clear();
        auto old = load_practice(files, p.id, warnings);
        PracticeRecord r;
        if (old) r = std::move(*old);
        r.problem = p.id;
        r.file = practice_path(p.id);
        quality = add_attempt(r, a, p.minutes);
        record = std::move(r);
        return done_message(record, a);
    };
    std::optional<CommitInfo> info;
    std::string message;
    for (int attempt = 0;; ++attempt) {
        {
            StagedFiles dry(journal, nullptr);
            message = plan(dry);
        }
        try {
            info = journal.change(message, [&](Change& change) {
                StagedFiles files(journal, &change);
                if (plan(files) != message) throw Moved{};
                save(files, record);
            });
            break;
        } catch (const Moved&) {
            if (attempt == 2)
                fail(Exit::env,
                     "the journal keeps changing under us; try 'hired practice done {}' again",
                     p.id);
        }
    }
    print_warnings(warnings);
    print_journal_notes(journal);
    // Only once the attempt is safely committed does the clock go.
    practice::remove_session(p.id);

    const Attempt& saved = record.attempts.back();
    Date day = saved.day();
    if (ctx.globals.json) {
        ctx.print_json({{"commit", info ? json(info->id) : json(nullptr)},
                        {"message", message},
                        {"problem", p.id},
                        {"quality", quality},
                        {"attempt", attempt_json(saved)},
                        {"schedule", schedule_json(record.schedule)},
                        {"attempts", record.attempts.size()}});
        return 0;
    }
    const Style& s = ctx.style;
    if (fresh)
        std::cout << s.dim(fmt::format("created the journal at {}", journal.dir().string()))
                  << '\n';
    std::cout << message << '\n';
    if (saved.verdict == "none")
        std::cout << fmt::format(
            "  never judged: run 'hired practice run {}' before 'done' next time\n", p.id);
    else
        std::cout << fmt::format("  {} on the last of {} · {}/{} passed · slowest {:.1f} ms CPU\n",
                                 saved.accepted() ? s.green(saved.verdict) : s.red(saved.verdict),
                                 plural(static_cast<size_t>(saved.runs), "run", "runs"),
                                 saved.passed, saved.total, saved.cpu_ms);
    std::cout << fmt::format("  {} min of a {} min budget{}\n", saved.elapsed_minutes, p.minutes,
                             saved.elapsed_minutes > 2 * p.minutes ? " (over twice the budget)"
                             : saved.elapsed_minutes > p.minutes   ? " (over budget)"
                                                                   : "");
    if (record.due())
        std::cout << fmt::format(
            "  next review {} ({}) · quality {}/5 · ease {:.2f} · attempt {}\n",
            s.bold(record.due()->str()), days_from_now(day, *record.due()), quality,
            record.schedule.ease, record.attempts.size());
    return 0;
}

// ---- practice next -----------------------------------------------------------------

int practice_next(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "practice next", "[--tag T] [--count N]",
                   "What to practise now: problems due for review first (most overdue first), then "
                   "unseen problems "
                   "of your weakest tags, then the rest. Shows the top N (default 5) with the "
                   "reason for each.");
    cl.options().add_options()("tag", po::value<std::string>()->value_name("T"),
                               "only problems with this tag")(
        "count,n", po::value<int>()->value_name("N"), "how many to show (default 5)");
    if (!cl.parse(args)) return 0;
    int count = cl.has("count") ? cl.get<int>("count") : 5;
    if (count < 1 || count > 1000) cl.usage_error("--count must be between 1 and 1000");
    Bank bank(ctx.problem_dirs());
    const auto& problems = bank.all();
    warn_bank(bank);
    std::optional<std::string> tag;
    if (cl.has("tag")) tag = known_tag(cl, problems, cl.get<std::string>("tag"));
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Warnings warnings;
    PracticeIndex records = load_all_practice(files, warnings);
    print_warnings(warnings);
    Date now = today();
    auto picks = tracker::practice_next(problems, records, now, tag);
    if (picks.size() > static_cast<size_t>(count)) picks.resize(static_cast<size_t>(count));

    if (ctx.globals.json) {
        json out = json::array();
        for (const auto& n : picks)
            out.push_back({{"id", n.problem->id},
                           {"title", n.problem->title},
                           {"difficulty", practice::to_string(n.problem->difficulty)},
                           {"tags", n.problem->tags},
                           {"minutes", n.problem->minutes},
                           {"kind", std::string(to_string(n.kind))},
                           {"reason", n.reason},
                           {"due", n.due ? json(n.due->str()) : json(nullptr)}});
        ctx.print_json(out);
        return 0;
    }
    if (picks.empty()) {
        std::cout << "No problems to suggest (the bank is empty).\n";
        return 0;
    }
    const Style& s = ctx.style;
    Table t({"ID", "DIFFICULTY", "MIN", "TITLE", "WHY"}, {false, false, true, false, false});
    for (const auto& n : picks) {
        std::string why = n.kind == NextKind::due ? s.yellow(n.reason) : n.reason;
        t.add({s.bold(n.problem->id), practice::to_string(n.problem->difficulty),
               std::to_string(n.problem->minutes), n.problem->title, why});
    }
    std::cout << t.render();
    std::cout << s.dim(
        fmt::format("Start the first: hired practice start {}\n", picks.front().problem->id));
    return 0;
}

// ---- practice stats ----------------------------------------------------------------

int practice_stats(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "practice stats", "",
        "Your practice in numbers: problems solved by difficulty and tag, the current and longest "
        "streak "
        "of days with an attempt, time per attempt over the last 8 weeks (against the budget), "
        "attempts per day over the last 30 days, and weak spots. Charts on a terminal, numbers "
        "otherwise.");
    if (!cl.parse(args)) return 0;
    Bank bank(ctx.problem_dirs());
    const auto& problems = bank.all();
    warn_bank(bank);
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Warnings warnings;
    PracticeIndex records = load_all_practice(files, warnings);
    print_warnings(warnings);
    Date now = today();
    PracticeStats st = tracker::practice_stats(problems, records, now);

    auto tally_json = [](const Tally& t) {
        return json{
            {"solved", t.solved},     {"attempted", t.attempted},
            {"total", t.total},       {"attempts", t.attempts},
            {"failures", t.failures}, {"share", std::round(t.solved_share() * 1000) / 1000}};
    };
    if (ctx.globals.json) {
        json by_diff = json::object(), by_tag = json::object(), weeks = json::array(),
             days = json::array(), weak = json::array();
        for (const auto& [d, t] : st.by_difficulty)
            by_diff[d] = tally_json(t);
        for (const auto& t : st.by_tag)
            by_tag[t.tag] = tally_json(t.tally);
        for (const auto& w : st.weeks)
            weeks.push_back(
                {{"start", w.start.str()},
                 {"attempts", w.attempts},
                 {"median_minutes", w.median_minutes ? json(*w.median_minutes) : json(nullptr)},
                 {"median_budget_pct",
                  w.median_budget_pct ? json(std::round(*w.median_budget_pct)) : json(nullptr)},
                 {"over_budget", w.over_budget}});
        for (size_t i = 0; i < st.per_day.size(); ++i)
            days.push_back({{"date", now.plus_days(static_cast<int64_t>(i) - 29).str()},
                            {"attempts", st.per_day[i]}});
        for (const auto& t : st.weak)
            weak.push_back({{"tag", t.tag},
                            {"failures", t.tally.failures},
                            {"attempted", t.tally.attempted},
                            {"solved", t.tally.solved},
                            {"solve_rate", std::round(t.tally.solve_rate() * 1000) / 1000}});
        ctx.print_json({{"today", now.str()},
                        {"problems", st.overall.total},
                        {"attempted", st.overall.attempted},
                        {"solved", st.overall.solved},
                        {"attempts", st.overall.attempts},
                        {"failures", st.overall.failures},
                        {"due", st.due},
                        {"by_difficulty", by_diff},
                        {"by_tag", by_tag},
                        {"streak",
                         {{"current", st.current_streak},
                          {"longest", st.longest_streak},
                          {"last_day", st.last_day ? json(st.last_day->str()) : json(nullptr)}}},
                        {"weeks", weeks},
                        {"per_day", days},
                        {"weak", weak}});
        return 0;
    }

    const Style& s = ctx.style;
    bool charts = s.tty;
    std::string out;
    out += fmt::format("{} {} of {} problems ({}) · {} · {} due for review\n", s.bold("Solved"),
                       st.overall.solved, st.overall.total, pct(st.overall.solved_share()),
                       plural(static_cast<size_t>(st.overall.attempts), "attempt", "attempts"),
                       st.due);
    if (st.overall.attempts == 0)
        out += s.dim("No attempts yet: hired practice next, then practice start / run / done.\n");
    auto share_rows = [&](Table& t, const std::string& name, const Tally& x) {
        std::vector<std::string> row = {name, fmt::format("{}/{}", x.solved, x.total)};
        if (charts) row.push_back(s.green(bar(x.solved_share(), 20)));
        row.push_back(pct(x.solved_share()));
        row.push_back(x.attempted > x.solved
                          ? s.dim(fmt::format("{} unsolved", x.attempted - x.solved))
                          : "");
        t.add(std::move(row));
    };
    std::vector<std::string> head = {"", "SOLVED"};
    std::vector<bool> right = {false, true};
    if (charts) head.push_back(""), right.push_back(false);
    head.push_back("SHARE"), right.push_back(true);
    head.push_back(""), right.push_back(false);
    {
        out += "\n" + s.bold("By difficulty") + "\n";
        Table t(head, right);
        for (const char* d : {"easy", "medium", "hard"})
            share_rows(t, d, st.by_difficulty[d]);
        out += t.render("  ");
    }
    if (!st.by_tag.empty()) {
        out += "\n" + s.bold("By tag") + "\n";
        Table t(head, right);
        for (const auto& x : st.by_tag)
            share_rows(t, x.tag, x.tally);
        out += t.render("  ");
    }
    out += "\n" + s.bold("Streak") +
           fmt::format(": {} (longest {})",
                       plural(static_cast<size_t>(st.current_streak), "day", "days"),
                       plural(static_cast<size_t>(st.longest_streak), "day", "days"));
    if (st.last_day)
        out += fmt::format(" · last attempt {} ({})", st.last_day->str(),
                           days_from_now(now, *st.last_day));
    out += "\n";
    out += "\n" + s.bold("Attempts per day") +
           fmt::format(", {} to {}\n", now.plus_days(-29).str(), now.str());
    if (charts) {
        int max = *std::max_element(st.per_day.begin(), st.per_day.end());
        out += "  " + s.cyan(sparkline(st.per_day)) + s.dim(fmt::format("  max {}", max)) + "\n";
    } else {
        std::vector<std::string> nums;
        for (int v : st.per_day)
            nums.push_back(std::to_string(v));
        out += "  " + join(nums, " ") + "\n";
    }
    out += "\n" + s.bold("Time per attempt") + ", median by week\n";
    {
        Table t({"WEEK OF", "ATTEMPTS", "MEDIAN", "OF BUDGET", "OVER"},
                {false, true, true, true, true});
        for (const auto& w : st.weeks)
            t.add({w.start.str(), std::to_string(w.attempts),
                   w.median_minutes
                       ? fmt::format("{:g} min", std::round(*w.median_minutes * 10) / 10)
                       : "-",
                   w.median_budget_pct ? fmt::format("{:.0f}%", *w.median_budget_pct) : "-",
                   w.attempts ? std::to_string(w.over_budget) : "-"});
        out += t.render("  ");
    }
    out += "\n" + s.bold("Weak spots") + "\n";
    if (st.weak.empty())
        out += s.dim(st.overall.attempts ? "  none: you solved every tag you tried\n"
                                         : "  none yet\n");
    if (!st.weak.empty()) {
        Table t({"TAG", "FAILED ATTEMPTS", "SOLVED", "RATE"}, {false, true, true, true});
        for (const auto& w : st.weak)
            t.add({s.bold(w.tag), std::to_string(w.tally.failures),
                   fmt::format("{} of {} tried", w.tally.solved, w.tally.attempted),
                   pct(w.tally.solve_rate())});
        out += t.render("  ");
    }
    std::cout << out;
    return 0;
}

} // namespace hired::cli

namespace hired::cli {

int practice_new(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "practice new",
                   "ID [--style function|class|stdin] [--from-round COMPANY N]",
                   "Scaffold a problem of your own in the journal's problems/ folder (one commit): "
                   "ID.yaml and a reference solution ID/ref.py, a valid problem to fill in. "
                   "--from-round takes the statement from the questions asked in that round. "
                   "Then: hired practice check on the file.");
    cl.options().add_options()("style", po::value<std::string>()->value_name("S"),
                               "function (default), class or stdin")(
        "title", po::value<std::string>()->value_name("T"), "the title (default: from the id)")(
        "from-round", po::value<std::vector<std::string>>()->multitoken()->value_name("COMPANY N"),
        "the round whose questions give the statement")(
        "role", po::value<std::string>()->value_name("ROLE"),
        "the application, when the company has several");
    cl.positional("id", 1);
    if (!cl.parse(args)) return 0;
    if (!cl.has("id")) cl.usage_error("ID is required: the new problem's id, e.g. merge-intervals");
    practice::ScaffoldInput in;
    in.id = cl.get<std::string>("id");
    if (!is_safe_id(in.id))
        cl.usage_error(fmt::format("ID '{}' must match [a-z0-9][a-z0-9-]*", printable(in.id)));
    std::string style = cl.opt<std::string>("style").value_or("function");
    if (style == "function")
        in.style = practice::ProblemStyle::function;
    else if (style == "class")
        in.style = practice::ProblemStyle::class_;
    else if (style == "stdin")
        in.style = practice::ProblemStyle::stdin_;
    else
        cl.usage_error(fmt::format("--style must be function, class or stdin, not '{}'", style));
    if (auto t = text_opt(cl, "title")) in.title = *t;

    Bank bank(ctx.problem_dirs());
    if (fs::path there = bank.locate(in.id); !there.empty())
        fail(Exit::data, "a problem '{}' exists already ({}); choose another id", in.id,
             there.string());
    Journal journal(ctx.journal_dir());
    if (cl.has("from-round")) {
        auto words = cl.list("from-round");
        if (words.size() != 2)
            cl.usage_error("--from-round takes COMPANY and N, e.g. --from-round Acme 2");
        int n = 0;
        try {
            n = std::stoi(words[1]);
        } catch (const std::exception&) {
            cl.usage_error(fmt::format("N must be a round number, not '{}'", words[1]));
        }
        JournalFiles files(journal);
        Store store(files);
        Company c = store.company(words[0]);
        Application& a = pick_application(c, cl.opt<std::string>("role"));
        const Round* r = a.round_number(n);
        if (!r) fail(Exit::data, "{} has no round #{} for {}", c.name, n, a.role);
        for (const auto& q : r->questions)
            in.statement += q.text + "\n\n";
        if (in.statement.empty())
            in.statement = fmt::format("(The round recorded no question: write it here.)\n");
        in.origin =
            fmt::format("{}, {}{}", c.name, r->label(), r->date ? " on " + r->date->str() : "");
        print_warnings(store);
    }
    practice::Scaffold sc = practice::scaffold_problem(in);
    std::string yaml_rel = fmt::format("problems/{}.yaml", in.id);
    std::string ref_rel = "problems/" + sc.solution_file;
    auto info = journal.change(fmt::format("practice new: {}", in.id), [&](Change& change) {
        if (change.read(yaml_rel) || change.read(ref_rel))
            fail(Exit::data, "{} exists already; choose another id",
                 (journal.dir() / yaml_rel).string());
        change.write(yaml_rel, sc.problem_yaml);
        change.write(ref_rel, sc.solution);
    });
    print_journal_notes(journal);
    fs::path file = journal.dir() / yaml_rel;
    if (ctx.globals.json) {
        ctx.print_json({{"problem", in.id},
                        {"file", file.string()},
                        {"solution", (journal.dir() / ref_rel).string()},
                        {"commit", info ? nlohmann::json(info->id) : nlohmann::json(nullptr)}});
        return 0;
    }
    std::cout << fmt::format("Wrote {} and {}.\n", file.string(),
                             (journal.dir() / ref_rel).string());
    std::cout << ctx.style.dim(
        fmt::format("Fill them in, then: hired practice check {}\n", file.string()));
    return 0;
}

} // namespace hired::cli
