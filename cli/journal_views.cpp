// The journal's looking and housekeeping commands: board, search, history,
// undo, edit, check.
#include "commands.hpp"
#include "journal_support.hpp"
#include "table.hpp"

#include "tracker/board.hpp"
#include "tracker/check.hpp"
#include "tracker/search.hpp"
#include "tracker/store.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <ctime>
#include <iostream>
#include <set>

namespace hired::cli {

using namespace hired::tracker;

// ---- board ---------------------------------------------------------------------

int board(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "board", "",
        "Every open application by stage (applied, screening, technical, onsite, offer), its last "
        "activity and next step; stale ones (14 days quiet) flagged; follow-ups due.");
    if (!cl.parse(args)) return 0;
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    // Company files that surely hold no open or on-hold application, and
    // contacts that mention no open application's names, add nothing.
    auto companies = store.companies_if([](std::string_view text) { return !surely_closed(text); });
    auto contacts = store.contacts_mentioning(board_contact_names(companies));
    Board b = make_board(companies, contacts, today());
    print_warnings(store);
    if (ctx.globals.json) {
        nlohmann::json apps = nlohmann::json::array();
        for (const auto& e : b.entries)
            apps.push_back(
                {{"company", e.company},
                 {"file", e.company_file},
                 {"application_id", e.application_id},
                 {"role", e.role},
                 {"status", std::string(to_string(e.status))},
                 {"stage", std::string(to_string(e.stage))},
                 {"latest_round", e.latest_round.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(e.latest_round)},
                 {"latest_outcome", e.latest_outcome
                                        ? nlohmann::json(std::string(to_string(*e.latest_outcome)))
                                        : nlohmann::json(nullptr)},
                 {"last_activity", json_date(e.last_activity)},
                 {"days_quiet",
                  e.days_quiet ? nlohmann::json(*e.days_quiet) : nlohmann::json(nullptr)},
                 {"stale", e.stale},
                 {"next_step", e.next_step}});
        nlohmann::json follow = nlohmann::json::array();
        for (const auto& f : b.follow_ups)
            follow.push_back(
                {{"kind", f.kind == FollowUp::Kind::thank_you ? "thank-you" : "reach-out"},
                 {"who", f.who},
                 {"what", f.what},
                 {"since", json_date(f.since)},
                 {"days", f.days ? nlohmann::json(*f.days) : nlohmann::json(nullptr)}});
        ctx.print_json({{"today", b.today.str()},
                        {"applications", apps},
                        {"follow_ups", follow},
                        {"on_hold", b.on_hold}});
        return 0;
    }
    const Style& s = ctx.style;
    std::string out;
    if (b.entries.empty()) {
        out += "no open applications (record one with: hired apply COMPANY --role ROLE)\n";
    }
    for (Stage stage :
         {Stage::offer, Stage::onsite, Stage::technical, Stage::screening, Stage::applied}) {
        Table t({"COMPANY", "ROLE", "LATEST", "LAST ACTIVITY", "NEXT"});
        for (const auto& e : b.entries) {
            if (e.stage != stage) continue;
            std::string latest = e.latest_round.empty() ? "-"
                                                        : fmt::format("{} {}", e.latest_round,
                                                                      to_string(*e.latest_outcome));
            std::string last = "-";
            if (e.last_activity)
                last = *e.days_quiet >= 0
                           ? fmt::format("{} ({}d ago)", e.last_activity->str(), *e.days_quiet)
                           : fmt::format("{} (in {}d)", e.last_activity->str(), -*e.days_quiet);
            if (e.stale) last += " " + s.yellow("stale");
            t.add({s.bold(e.company), e.role, latest, last, e.next_step});
        }
        if (t.empty()) continue;
        out += s.cyan(std::string(to_string(stage))) + "\n" + t.render("  ");
    }
    if (!b.follow_ups.empty()) {
        out += "\n" + s.bold("follow-ups") + "\n";
        for (const auto& f : b.follow_ups)
            out += "  - " + f.what + "\n";
    }
    if (b.on_hold)
        out +=
            s.dim(fmt::format("\n{} on hold (not shown)\n", plural(static_cast<size_t>(b.on_hold),
                                                                   "application", "applications")));
    std::cout << out;
    return 0;
}

// ---- search --------------------------------------------------------------------

int search(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "search", "TEXT...",
                   "Search every record for TEXT, ignoring case: prints FILE:LINE, the record, and "
                   "the matching line.");
    cl.positional("text", -1);
    if (!cl.parse(args)) return 0;
    std::string text = join(cl.list("text"), " ");
    if (trim(text).empty()) cl.usage_error("TEXT is required");
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Warnings warnings;
    auto hits = tracker::search(files, text, warnings);
    print_warnings(warnings);
    if (ctx.globals.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& h : hits)
            out.push_back({{"file", h.file},
                           {"line", h.line},
                           {"kind", h.kind},
                           {"record", h.record},
                           {"field", h.field},
                           {"text", h.text}});
        ctx.print_json({{"query", text}, {"hits", out}});
        return 0;
    }
    if (hits.empty()) {
        std::cout << fmt::format("no matches for '{}'\n", text);
        return 0;
    }
    std::string out;
    for (const auto& h : hits) {
        out += fmt::format("{}:{}: {} {}\n", ctx.style.dim(h.file), h.line, h.kind,
                           ctx.style.bold(h.record));
        out += fmt::format("    {}: {}\n", h.field, h.text);
    }
    std::cout << out;
    return 0;
}

// ---- history, undo ---------------------------------------------------------------

namespace {
std::string local_time(int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm local{};
    localtime_r(&tt, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
    return buf;
}
} // namespace

int history(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "history", "[N]",
                   "The last N changes to the journal (default 20), newest first.");
    cl.positional("n", 1);
    if (!cl.parse(args)) return 0;
    size_t n = 20;
    if (cl.has("n")) {
        std::string s = cl.get<std::string>("n");
        bool ok = !s.empty() && s.size() < 9 && std::all_of(s.begin(), s.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
        if (!ok || std::stoul(s) == 0)
            cl.usage_error(fmt::format("N must be a positive number, got '{}'", s));
        n = std::stoul(s);
    }
    Journal journal(ctx.journal_dir());
    auto commits = journal.history(n);
    if (ctx.globals.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : commits)
            out.push_back(
                {{"id", c.id}, {"message", c.message}, {"author", c.author}, {"time", c.time}});
        ctx.print_json(out);
        return 0;
    }
    if (commits.empty()) {
        std::cout << "no changes yet\n";
        return 0;
    }
    std::string out;
    for (const auto& c : commits)
        out += fmt::format("{}  {}  {}\n", ctx.style.yellow(c.id.substr(0, 7)),
                           ctx.style.dim(local_time(c.time)), c.message);
    std::cout << out;
    return 0;
}

namespace {

// What an undo or redo did, as text or JSON.
void report_revert(Context& ctx, const std::vector<Journal::UndoResult>& done) {
    if (ctx.globals.json) {
        nlohmann::json changes = nlohmann::json::array();
        for (const auto& r : done) {
            nlohmann::json passed = nlohmann::json::array();
            for (const auto& c : r.passed_over)
                passed.push_back({{"id", c.id}, {"message", c.message}});
            changes.push_back({{"commit", r.commit.id},
                               {"message", r.commit.message},
                               {"target", {{"id", r.target.id}, {"message", r.target.message}}},
                               {"kept", r.kept},
                               {"passed_over", passed}});
        }
        // The last commit at the top, as every journal write reports it.
        ctx.print_json({{"commit", done.back().commit.id},
                        {"message", done.back().commit.message},
                        {"changes", changes}});
        return;
    }
    std::string out;
    for (const auto& r : done) {
        out += r.commit.message + "\n";
        for (const auto& k : r.kept)
            out += "  " + ctx.style.yellow("kept: ") + k + "\n";
        if (!r.passed_over.empty()) {
            const CommitInfo& newest = r.passed_over.front();
            out += ctx.style.dim(fmt::format(
                       "  passed over {} newer change{} from another machine (the newest: {} "
                       "'{}'); 'hired undo {}' undoes one of them",
                       r.passed_over.size(), r.passed_over.size() == 1 ? "" : "s",
                       newest.id.substr(0, 7), newest.message, newest.id.substr(0, 7))) +
                   "\n";
        }
    }
    std::cout << out;
}

} // namespace

int undo(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "undo", "[N | COMMIT]",
                   "Take back your own last change, as a new commit; again, the one before it, "
                   "and so on (hired redo brings back what undo took back). N: your last N "
                   "changes, one commit each. COMMIT: that one change (hired history lists them), "
                   "also one that came from another machine. What changed since the change is "
                   "kept: undo never deletes a later edit or a record added since. Sync merges and "
                   "changes from other machines are passed over by a plain undo.");
    cl.positional("what", 1);
    if (!cl.parse(args)) return 0;
    size_t times = 1;
    std::string named;
    if (cl.has("what")) {
        std::string s = cl.get<std::string>("what");
        bool digits = !s.empty() && s.size() <= 3 && std::all_of(s.begin(), s.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
        if (digits) {
            times = std::stoul(s);
            if (times == 0) cl.usage_error("N must be at least 1");
        } else {
            named = s;
        }
    }
    Journal journal(ctx.journal_dir());
    std::vector<Journal::UndoResult> done;
    for (size_t i = 0; i < times; ++i) {
        try {
            done.push_back(journal.undo(named));
        } catch (const Error& e) {
            if (done.empty()) throw;
            // What was undone stands, and is reported before anything else.
            print_journal_notes(journal);
            report_revert(ctx, done);
            if (e.code() != Exit::data) throw;
            std::cerr << fmt::format("hired: note: undid {} of the {} changes asked for: {}\n",
                                     done.size(), times, e.what());
            return 0;
        }
        print_journal_notes(journal);
    }
    report_revert(ctx, done);
    return 0;
}

int redo(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "redo", "",
                   "Bring back what the last undo took back, as a new commit; again, the undo "
                   "before it. Only until you change the journal otherwise.");
    if (!cl.parse(args)) return 0;
    Journal journal(ctx.journal_dir());
    auto r = journal.redo();
    print_journal_notes(journal);
    report_revert(ctx, {r});
    return 0;
}

// ---- edit ------------------------------------------------------------------------

namespace {

// The journal-relative path NAME or PATH means.
std::string edit_target(const Journal& journal, const Store& store, const CommandLine& cl,
                        const std::string& arg) {
    bool looks_like_path = arg.find('/') != std::string::npos || arg.ends_with(".yaml");
    if (looks_like_path) {
        std::string rel = arg;
        std::error_code ec;
        fs::path p(arg);
        if (p.is_absolute() || fs::exists(p, ec)) {
            if (fs::exists(p, ec) && is_within(journal.dir(), p)) {
                rel = fs::relative(fs::weakly_canonical(p, ec),
                                   fs::weakly_canonical(journal.dir(), ec), ec)
                          .generic_string();
            } else if (p.is_absolute()) {
                cl.usage_error(
                    fmt::format("{} is not in the journal ({})", arg, journal.dir().string()));
            }
        }
        if (!Journal::is_valid_path(rel))
            cl.usage_error(fmt::format("'{}' is not a file in the journal", arg));
        if (!journal.read(rel))
            fail(Exit::data, "{}: no such file in the journal", (journal.dir() / rel).string());
        if (!rel.ends_with(".yaml"))
            cl.usage_error(fmt::format("{} is not a record file (.yaml)", rel));
        return rel;
    }
    std::vector<std::string> found;
    // The file a name's slug gives, without parsing it: editing is how a
    // broken file gets fixed, so it must not need the file to be valid.
    for (std::string_view folder : {kCompanies, kContacts, kEvents, kLessons}) {
        std::string rel = fmt::format(
            "{}/{}.yaml", folder, folder == kLessons || folder == kEvents ? arg : slug_for(arg));
        if (Journal::is_valid_path(rel) && journal.read(rel)) found.push_back(rel);
    }
    if (found.size() == 1) return found.front();
    found.clear();
    if (auto c = store.find_company(arg)) found.push_back(c->file);
    if (auto p = store.find_contact(arg)) found.push_back(p->file);
    if (auto e = store.find_event(arg)) found.push_back(e->file);
    std::string lesson = fmt::format("{}/{}.yaml", kLessons, arg);
    if (Journal::is_valid_path(lesson) && arg.find('/') == std::string::npos &&
        journal.read(lesson))
        found.push_back(lesson);
    if (found.size() == 1) return found.front();
    if (found.size() > 1)
        cl.usage_error(fmt::format("'{}' could be {}; give the path", arg, join(found, " or ")));
    std::vector<std::string> names = store.company_names();
    for (auto& n : store.contact_names())
        names.push_back(n);
    std::string msg = fmt::format("no company, contact, event or lesson named '{}'", arg);
    auto near = suggestions(arg, names);
    if (!near.empty()) msg += fmt::format("; did you mean '{}'?", join(near, "' or '"));
    throw Error(Exit::data, msg);
}

} // namespace

int edit(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "edit", "NAME|PATH",
        "Open a record's file in $EDITOR (a company, contact, event, or a path in the journal). "
        "What you save is validated first: invalid YAML is never committed.");
    cl.positional("target", 1);
    if (!cl.parse(args)) return 0;
    if (!cl.has("target")) cl.usage_error("NAME or PATH is required");
    std::string arg = clean_name(cl.get<std::string>("target"), "NAME");
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    std::string rel = edit_target(journal, store, cl, arg);
    std::string label = files.label(rel);
    std::string original = *journal.read(rel);
    std::string text = original;
    for (;;) {
        EditResult r = edit_text(text, fs::path(rel).filename().string());
        if (!r.changed && r.text == original) {
            if (r.quick) std::cerr << "hired: note: " << gui_editor_hint() << '\n';
            std::cout << "no changes\n";
            return 0;
        }
        text = r.text;
        try {
            Warnings w;
            validate_file(rel, text, label, w);
            print_warnings(w);
            break;
        } catch (const Error& e) {
            if (!interactive()) throw Error(e.code(), fmt::format("{} (nothing saved)", e.what()));
            std::cerr << "hired: error: " << e.what() << '\n';
            if (!ask("edit again?", true))
                throw Error(e.code(), fmt::format("{} (nothing saved)", e.what()));
        }
    }
    auto info = journal.change(fmt::format("edit: {}", rel), [&](Change& change) {
        if (change.read(rel) != original)
            fail(Exit::data,
                 "{} changed while you were editing it; nothing saved (run 'hired edit' again)",
                 label);
        change.write(rel, text);
    });
    std::cout << (info ? info->message : std::string("no changes")) << '\n';
    return 0;
}

// ---- check -----------------------------------------------------------------------

int check(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "check", "",
                   "Validate the whole journal: every file against its schema, duplicates, "
                   "references to unknown "
                   "contacts, companies and events, dates. Prints FILE:LINE: problem lines, "
                   "nothing when all is "
                   "well; exit 1 when something was found, 3 when a file is not valid YAML.");
    if (!cl.parse(args)) return 0;
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    CheckOptions options;
    // Question problem ids are checked against every problem folder's file names.
    std::set<std::string> ids;
    for (const auto& dir : ctx.problem_dirs()) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.path().extension() == ".yaml") ids.insert(entry.path().stem().string());
    }
    options.problem_ids = std::move(ids);
    CheckResult result = check_journal(files, options);
    if (ctx.globals.json) {
        nlohmann::json findings = nlohmann::json::array();
        for (const auto& f : result.findings)
            findings.push_back({{"file", f.file}, {"line", f.line}, {"message", f.message}});
        ctx.print_json({{"findings", findings}, {"unparsable", result.unparsable}});
    } else {
        std::string out;
        for (const auto& f : result.findings)
            out += f.str() + "\n";
        std::cout << out;
    }
    if (!result.unparsable.empty()) {
        std::cout.flush();
        for (size_t i = 1; i < result.unparsable.size(); ++i)
            std::cerr << "hired: error: " << result.unparsable[i] << '\n';
        throw Error(Exit::data, result.unparsable.front());
    }
    return result.findings.empty() ? 0 : 1;
}

} // namespace hired::cli
