// `hired review [COMPANY]`: the briefing before an interview. Reads only
// what the briefing needs (the company's own file, the contacts, the
// stand-alone lessons, the events the contacts were met at, the practice
// files of the bank's problems) with plain file reads; the ranking is tracker/review.hpp.
#include "commands.hpp"
#include "journal_support.hpp"

#include "practice/bank.hpp"
#include "tracker/attempts.hpp"
#include "tracker/journal.hpp"
#include "tracker/review.hpp"
#include "tracker/store.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <iostream>
#include <set>

namespace hired::cli {

using nlohmann::json;
using namespace hired::tracker;

namespace {

std::string people(const Round& r) {
    std::vector<std::string> names;
    for (const auto& iv : r.interviewers) names.push_back(iv.role.empty() ? iv.name : fmt::format("{} ({})", iv.name, iv.role));
    return join(names, ", ");
}

std::string first_line(std::string_view text) { return std::string(trim(text.substr(0, text.find('\n')))); }

std::string when(Date today, Date d) {
    int64_t n = days_between(today, d);
    if (n == 0) return "today";
    if (n == 1) return "tomorrow";
    return n > 0 ? fmt::format("in {} days", n) : fmt::format("{} days ago", -n);
}

json round_view_json(const RoundView& v) {
    json j = to_json(v.round);
    j["role"] = v.role;
    j["label"] = v.round.label();
    return j;
}

json problem_pick_json(const ProblemPick& p) {
    return {{"id", p.problem->id},
            {"title", p.problem->title},
            {"difficulty", practice::to_string(p.problem->difficulty)},
            {"tags", p.problem->tags},
            {"score", p.score},
            {"due", p.due},
            {"due_date", p.due_date ? json(p.due_date->str()) : json(nullptr)},
            {"status", std::string(to_string(p.status))},
            {"reasons", p.reasons}};
}

std::string lesson_origin(const RankedLesson& r) {
    const Lesson& l = r.facts.lesson;
    std::vector<std::string> parts;
    std::string from = l.source.company;
    if (!r.facts.round_label.empty()) {
        std::string label = r.facts.round_label;
        if (r.facts.round_outcome && *r.facts.round_outcome != Outcome::pending)
            label += fmt::format(" ({})", to_string(*r.facts.round_outcome));
        from = from.empty() ? label : from + ", " + label;
    }
    if (from.empty() && !l.source.event.empty()) from = "event " + l.source.event;
    if (!from.empty()) parts.push_back(from);
    if (l.date) parts.push_back(l.date->str());
    if (!l.tags.empty()) parts.push_back("tags: " + join(l.tags, ", "));
    return join(parts, " · ");
}

} // namespace

int review(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "review", "[COMPANY] [--kind K] [--tag T]...",
                   "The briefing before an interview. With COMPANY: your applications there, upcoming and past "
                   "rounds with the questions asked, the lessons that matter most, the people you know there and "
                   "how you met them, and the problems to practise now. Without: every lesson, ranked by --kind "
                   "and --tag. Lessons rank by: this company +5, a round of this kind (--kind, else the next "
                   "round's) +3, each shared tag +2, a failed round +2, within 30 days +2 (180 days +1).");
    cl.options().add_options()
        ("kind", po::value<std::string>()->value_name("K"), "the kind of round to prepare for (default: the next one's)")
        ("tag", po::value<std::vector<std::string>>()->value_name("T"), "a topic to prepare (repeatable)");
    cl.positional("company", 1);
    if (!cl.parse(args)) return 0;
    BriefingQuery q;
    q.today = today();
    if (auto k = cl.opt<std::string>("kind")) q.kind = enum_arg<RoundKind>(cl, *k);
    q.tags = names_opt(cl, "tag", "--tag");

    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    JournalView view;
    if (cl.has("company")) {
        Company c = store.company(cl.get<std::string>("company"));
        q.company = c.name;
        view.companies.push_back(std::move(c));
        // Only the contacts that may work there, or referred or interviewed the user.
        std::vector<std::string> names{q.company};
        for (const auto& a : view.companies.front().applications) {
            names.push_back(a.via);
            for (const auto& r : a.rounds)
                for (const auto& iv : r.interviewers)
                    names.push_back(iv.contact.empty() ? iv.name : iv.contact);
        }
        view.contacts = store.contacts_mentioning(names);
        // Only the events the contacts were met at.
        std::set<std::string> ids;
        for (const auto& p : view.contacts)
            if (!p.met_at.empty()) ids.insert(p.met_at);
        for (const auto& id : ids) {
            if (!is_safe_id(id)) continue;
            std::string rel = std::string(kEvents) + "/" + id + ".yaml";
            if (files.read(rel)) view.events.push_back(store.load_event(rel));
        }
    } else {
        view.companies = store.companies();
    }
    view.standalone_lessons = store.standalone_lessons();
    practice::Bank bank(ctx.problem_dirs());
    const auto& problems = bank.all();
    Warnings warnings;
    // Only the bank's problems can be suggested: only their records are read.
    std::vector<std::string> ids;
    for (const auto& p : problems) ids.push_back(p.id);
    PracticeIndex records = load_practice_of(files, ids, warnings);
    print_warnings(store);
    print_warnings(warnings);

    Briefing b = brief(view, problems, records, q);

    if (ctx.globals.json) {
        json upcoming = json::array(), past = json::array(), lessons = json::array(), contacts = json::array(),
             picks = json::array(), apps = json::array();
        for (const auto& v : b.upcoming) upcoming.push_back(round_view_json(v));
        for (const auto& v : b.past) past.push_back(round_view_json(v));
        for (const auto& r : b.lessons) {
            json l = to_json(r.facts.lesson);
            l["score"] = r.score;
            l["reasons"] = r.reasons;
            l["round"] = r.facts.round_kind ? json{{"kind", std::string(to_string(*r.facts.round_kind))},
                                                   {"outcome", std::string(to_string(*r.facts.round_outcome))},
                                                   {"label", r.facts.round_label}}
                                            : json(nullptr);
            lessons.push_back(l);
        }
        for (const auto& c : b.contacts) {
            json j = to_json(c.contact);
            j["met_event"] = c.met_event ? to_json(*c.met_event) : json(nullptr);
            j["referred"] = c.referred;
            j["interviewed"] = c.interviewed;
            contacts.push_back(j);
        }
        for (const auto& p : b.problems) picks.push_back(problem_pick_json(p));
        json company = nullptr;
        if (b.company) {
            company = {{"name", b.company->name}, {"file", b.company->file}, {"url", b.company->url},
                       {"location", b.company->location}, {"tags", b.company->tags}};
            for (const auto& a : b.company->applications) {
                json j = to_json(a);
                j.erase("rounds"); // they are in upcoming and past
                apps.push_back(j);
            }
        }
        ctx.print_json({{"today", q.today.str()},
                        {"company", company},
                        {"applications", apps},
                        {"focus", {{"kind", b.focus_kind ? json(std::string(to_string(*b.focus_kind))) : json(nullptr)},
                                   {"kind_from_next_round", b.kind_from_next_round},
                                   {"tags", b.focus_tags},
                                   {"topics", b.topics}}},
                        {"upcoming", upcoming},
                        {"past", past},
                        {"lessons", lessons},
                        {"contacts", contacts},
                        {"problems", picks},
                        {"problems_fallback", b.problems_fallback}});
        return 0;
    }

    const Style& s = ctx.style;
    std::string out;
    auto heading = [&](const std::string& h) { out += "\n" + s.bold(h) + "\n"; };
    if (b.company) {
        const Company& c = *b.company;
        out += s.bold("Briefing: " + c.name) + "  " + s.dim(files.label(c.file)) + "\n";
        if (!c.location.empty() || !c.url.empty())
            out += "  " + join(std::vector<std::string>{c.location, c.url}, c.location.empty() || c.url.empty() ? "" : " · ") + "\n";
        heading("Applications");
        if (c.applications.empty()) out += s.dim("  none yet\n");
        for (const auto& a : c.applications) {
            std::string line = fmt::format("  {}  [{}]", s.bold(a.role), to_string(a.status));
            if (a.applied) line += " applied " + a.applied->str();
            if (!a.via.empty()) line += " via " + a.via;
            if (a.source) line += fmt::format(" ({})", to_string(*a.source));
            out += line + "\n";
        }
        if (!b.upcoming.empty()) {
            heading("Upcoming rounds");
            for (const auto& v : b.upcoming) {
                out += fmt::format("  {}  {}  {}  {}{}\n", s.yellow(v.round.date->str()), s.bold(v.round.label()),
                                   when(q.today, *v.round.date), v.role,
                                   v.round.interviewers.empty() ? "" : "  with " + people(v.round));
                for (const auto& qu : v.round.questions)
                    out += fmt::format("      expect: {}{}\n", qu.text, qu.problem.empty() ? "" : " [" + qu.problem + "]");
            }
        }
        heading("Past rounds");
        if (b.past.empty()) out += s.dim("  none yet\n");
        for (const auto& v : b.past) {
            std::string outcome(to_string(v.round.outcome));
            if (v.round.outcome == Outcome::passed) outcome = s.green(outcome);
            if (v.round.outcome == Outcome::failed) outcome = s.red(outcome);
            out += fmt::format("  {}  {}  {}{}{}\n", v.round.date ? v.round.date->str() : "(no date)  ",
                               s.bold(v.round.label()), outcome,
                               v.round.rating ? fmt::format("  rated {}/5", *v.round.rating) : "",
                               v.round.interviewers.empty() ? "" : "  with " + people(v.round));
            for (const auto& qu : v.round.questions)
                out += fmt::format("      asked: {}{}\n", qu.text, qu.problem.empty() ? "" : " [" + qu.problem + "]");
        }
    }
    if (!b.company) {
        std::string what = "Review: every lesson";
        if (q.kind) what += fmt::format(", for a {} round", to_string(*q.kind));
        if (!q.tags.empty()) what += ", on " + join(q.tags, ", ");
        out += s.bold(what) + "\n";
    }
    std::string focus;
    if (b.focus_kind)
        focus = fmt::format("{} round{}", to_string(*b.focus_kind), b.kind_from_next_round ? " (the next one)" : "");
    if (!b.focus_tags.empty()) focus += (focus.empty() ? "" : "; ") + std::string("topics: ") + join(b.focus_tags, ", ");
    heading(b.lessons.empty() ? "Lessons" : "Lessons, most relevant first");
    if (!focus.empty()) out += s.dim("  preparing for: " + focus) + "\n";
    if (b.lessons.empty()) out += s.dim("  none yet (hired lesson add TEXT, or round add --lesson)\n");
    const size_t shown = std::min<size_t>(b.lessons.size(), b.company ? 10 : 20);
    for (size_t i = 0; i < shown; ++i) {
        const auto& r = b.lessons[i];
        out += fmt::format("  {:>2}  {}\n", r.score, first_line(r.facts.lesson.text));
        std::string origin = lesson_origin(r);
        if (!origin.empty()) out += s.dim("      " + origin) + "\n";
    }
    if (b.lessons.size() > shown)
        out += s.dim(fmt::format("  … and {} more (hired --json review)\n", b.lessons.size() - shown));
    if (b.company) {
        heading("People at " + b.company->name);
        if (b.contacts.empty()) out += s.dim("  nobody yet (hired contact add NAME --company C)\n");
        for (const auto& c : b.contacts) {
            std::string line = "  " + s.bold(c.contact.name);
            if (!c.contact.role.empty()) line += fmt::format(" ({})", c.contact.role);
            if (!iequals(c.contact.company, b.company->name) && !c.contact.company.empty())
                line += " of " + c.contact.company;
            std::vector<std::string> facts;
            if (c.met_event) facts.push_back(fmt::format("met at {} on {}", c.met_event->name, c.met_event->date.str()));
            else if (!c.contact.met_at.empty()) facts.push_back("met at " + c.contact.met_at);
            else if (c.contact.met) facts.push_back("met " + c.contact.met->str());
            if (!c.referred.empty()) facts.push_back("referred you for " + join(c.referred, ", "));
            if (!c.interviewed.empty()) facts.push_back("interviewed you: " + join(c.interviewed, ", "));
            if (auto t = c.contact.last_touch(); t && !(c.contact.met && *t == *c.contact.met))
                facts.push_back("last in touch " + t->str());
            if (!facts.empty()) line += ": " + join(facts, "; ");
            out += line + "\n";
        }
    }
    heading(b.problems_fallback ? "Practise now (nothing above names a problem; the usual next ones)" : "Practise now");
    if (b.problems.empty()) out += s.dim("  the problem bank is empty\n");
    const size_t picks = std::min<size_t>(b.problems.size(), 5);
    size_t id_width = 0, title_width = 0;
    for (size_t i = 0; i < picks; ++i) {
        id_width = std::max(id_width, display_width(b.problems[i].problem->id));
        title_width = std::max(title_width, display_width(b.problems[i].problem->title));
    }
    auto pad = [](const std::string& v, size_t w) { return v + std::string(w - std::min(w, display_width(v)), ' '); };
    for (size_t i = 0; i < picks; ++i) {
        const auto& p = b.problems[i];
        out += fmt::format("  {}  {}  {}  {}\n", s.bold(pad(p.problem->id, id_width)),
                           pad(practice::to_string(p.problem->difficulty), 6), pad(p.problem->title, title_width),
                           p.due ? s.yellow(join(p.reasons, "; ")) : s.dim(join(p.reasons, "; ")));
    }
    if (picks > 0) out += s.dim(fmt::format("  start: hired practice start {}\n", b.problems.front().problem->id));
    std::cout << out;
    return 0;
}

} // namespace hired::cli
