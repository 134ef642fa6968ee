// The journal's recording commands: company, apply, round, outcome, lesson,
// contact, event. Each parses its command line, validates everything it
// can before touching the journal, and makes exactly one commit.
#include "commands.hpp"
#include "journal_support.hpp"
#include "table.hpp"

#include "tracker/store.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

namespace hired::cli {

using namespace hired::tracker;

namespace {

const char* kRoundKinds = "recruiter-call, phone-screen, technical, whiteboard, take-home, "
                          "pair-programming, system-design, "
                          "behavioral, onsite, meal, other";

// "Ask about constraints first" as a commit message quotes it: first line, at most 60 columns.
std::string quote(std::string_view text) {
    std::string line(trim(text.substr(0, text.find('\n'))));
    if (display_width(line) > 60) {
        size_t cut = 0, width = 0;
        while (cut < line.size() && width < 57) {
            ++cut;
            while (cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
                ++cut;
            ++width;
        }
        line = line.substr(0, cut) + "...";
    }
    return "\"" + line + "\"";
}

std::string first_line_of(std::string_view text) {
    return std::string(trim(text.substr(0, text.find('\n'))));
}

void append_note(std::string& notes, const std::string& note) {
    if (notes.empty()) {
        notes = note;
        return;
    }
    if (notes.back() != '\n') notes += '\n';
    notes += note;
}

std::string required_positional(const CommandLine& cl, const char* name, const char* what) {
    if (!cl.has(name)) cl.usage_error(fmt::format("{} is required", what));
    try {
        return clean_name(cl.get<std::string>(name), what);
    } catch (const Error& e) {
        cl.usage_error(e.what());
    }
}

std::vector<std::string> clean_tags(const CommandLine& cl) {
    std::vector<std::string> tags;
    for (const auto& t : names_opt(cl, "tag", "--tag"))
        if (std::none_of(tags.begin(), tags.end(),
                         [&](const std::string& x) { return iequals(x, t); }))
            tags.push_back(t);
    return tags;
}

std::optional<int> rating_opt(const CommandLine& cl) {
    auto r = cl.opt<int>("rating");
    if (r && (*r < 1 || *r > 5)) cl.usage_error(fmt::format("--rating must be 1 to 5, got {}", *r));
    return r;
}

int number_arg(const CommandLine& cl, const char* name, const char* what) {
    if (!cl.has(name)) cl.usage_error(fmt::format("{} is required", what));
    std::string s = cl.get<std::string>(name);
    if (!s.empty() && s[0] == '#') s.erase(0, 1);
    int n = 0;
    bool ok = !s.empty() && s.size() < 6;
    for (char c : s)
        ok = ok && std::isdigit(static_cast<unsigned char>(c));
    if (ok) n = std::stoi(s);
    if (!ok || n < 1)
        cl.usage_error(fmt::format("{} must be a round number (1, 2, ...), got '{}'", what, s));
    return n;
}

Round& round_by_number(Company& c, Application& a, int n) {
    for (auto& r : a.rounds)
        if (r.number == n) return r;
    fail(Exit::data, "{}, {} has {}; there is no #{}", c.name, a.role,
         plural(a.rounds.size(), "round", "rounds"), n);
}

// Interviewers from "Name (Role)", linked to a contact of that name when there is one.
std::vector<Interviewer> interviewers(const Store& store, const std::vector<std::string>& with) {
    std::vector<Interviewer> out;
    for (const auto& w : with) {
        Interviewer iv = parse_interviewer(w);
        if (auto p = store.find_contact(iv.name, false)) {
            iv.name = p->name;
            iv.contact = p->name;
        }
        out.push_back(std::move(iv));
    }
    return out;
}

Lesson round_lesson(const std::string& text, const std::vector<std::string>& tags,
                    const std::optional<Date>& date) {
    Lesson l;
    l.id = new_id();
    l.text = text;
    l.tags = tags;
    l.date = date;
    return l;
}

} // namespace

// ---- company -------------------------------------------------------------------

int company_add(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "company add", "NAME [--url URL] [--location L] [--note TEXT] [--tag TAG]...",
        "Add a company to the journal (companies/<slug>.yaml). 'hired apply' adds one too.");
    cl.options().add_options()("url", po::value<std::string>()->value_name("URL"),
                               "its website or careers page")(
        "location", po::value<std::string>()->value_name("L"),
        "where it is (or: remote)")("note", po::value<std::string>()->value_name("TEXT"), "notes")(
        "tag", po::value<std::vector<std::string>>()->value_name("TAG"), "a tag (repeatable)");
    cl.positional("name", 1);
    if (!cl.parse(args)) return 0;
    std::string name = required_positional(cl, "name", "NAME");
    auto url = text_opt(cl, "url");
    auto location = text_opt(cl, "location");
    auto note = text_opt(cl, "note");
    auto tags = clean_tags(cl);
    return run_change(ctx, [&](Store& store, StagedFiles& files) {
        if (auto existing = store.find_company(name, false))
            fail(Exit::data, "company '{}' already exists ({})", existing->name, existing->file);
        Company c;
        c.name = name;
        c.url = url.value_or("");
        c.location = location.value_or("");
        c.notes = note.value_or("");
        c.tags = tags;
        c.file = store.new_file(kCompanies, slug_for(name));
        save(files, c);
        return fmt::format("company: {}", name);
    });
}

int company_list(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "company list", "",
                   "List the companies in the journal with their applications.");
    if (!cl.parse(args)) return 0;
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    auto companies = store.companies();
    print_warnings(store);
    if (ctx.globals.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : companies) {
            nlohmann::json apps = nlohmann::json::array();
            for (const auto& a : c.applications)
                apps.push_back({{"id", a.id},
                                {"role", a.role},
                                {"status", std::string(to_string(a.status))},
                                {"rounds", a.rounds.size()},
                                {"last_activity", json_date(a.last_activity())}});
            out.push_back({{"name", c.name},
                           {"file", c.file},
                           {"location", c.location.empty() ? nlohmann::json(nullptr)
                                                           : nlohmann::json(c.location)},
                           {"tags", c.tags},
                           {"applications", apps}});
        }
        ctx.print_json(out);
        return 0;
    }
    if (companies.empty()) {
        std::cout << "no companies yet (add one with: hired company add NAME, or hired apply "
                     "COMPANY --role ROLE)\n";
        return 0;
    }
    Table t({"COMPANY", "APPLICATIONS", "LAST ACTIVITY"});
    for (const auto& c : companies) {
        std::vector<std::string> apps;
        std::optional<Date> last;
        for (const auto& a : c.applications) {
            apps.push_back(fmt::format(
                "{} ({}{})", a.role, to_string(a.status),
                a.rounds.empty() ? "" : ", " + plural(a.rounds.size(), "round", "rounds")));
            auto d = a.last_activity();
            if (d && (!last || *d > *last)) last = d;
        }
        t.add({ctx.style.bold(c.name), apps.empty() ? ctx.style.dim("-") : join(apps, "; "),
               last ? last->str() : ""});
    }
    std::cout << t.render();
    return 0;
}

int company_show(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "company show", "NAME",
                   "Show a company: its applications, rounds, questions and lessons.");
    cl.positional("name", 1);
    if (!cl.parse(args)) return 0;
    std::string name = required_positional(cl, "name", "NAME");
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    Company c = store.company(name);
    print_warnings(store);
    if (ctx.globals.json) {
        ctx.print_json(to_json(c));
        return 0;
    }
    const Style& s = ctx.style;
    std::string out = fmt::format("{}  {}\n", s.bold(c.name), s.dim(files.label(c.file)));
    std::vector<std::string> facts;
    if (!c.url.empty()) facts.push_back(c.url);
    if (!c.location.empty()) facts.push_back(c.location);
    if (!c.tags.empty()) facts.push_back("tags: " + join(c.tags, ", "));
    if (!facts.empty()) out += "  " + join(facts, "  ·  ") + "\n";
    if (!c.notes.empty()) out += wrap(c.notes, 80, "  ");
    if (c.applications.empty()) out += s.dim("  no applications yet") + "\n";
    for (const auto& a : c.applications) {
        out += "\n";
        std::string head = fmt::format("{}  [{}]", s.bold(a.role), to_string(a.status));
        if (a.applied) head += fmt::format("  applied {}", a.applied->str());
        if (!a.via.empty()) head += fmt::format(" via {}", a.via);
        if (a.source) head += fmt::format(" ({})", to_string(*a.source));
        out += head + "\n";
        if (!a.notes.empty()) out += wrap(a.notes, 80, "  ");
        for (const Round* r : a.by_number()) {
            std::string line =
                fmt::format("  #{} {} {}", r->number, r->date ? r->date->str() : "(no date)",
                            to_string(r->kind));
            std::string outcome(to_string(r->outcome));
            line += "  " + (r->outcome == Outcome::passed   ? s.green(outcome)
                            : r->outcome == Outcome::failed ? s.red(outcome)
                                                            : s.yellow(outcome));
            if (r->rating) line += fmt::format("  rating {}/5", *r->rating);
            if (r->thanked) line += fmt::format("  thanked {}", r->thanked->str());
            out += line + "\n";
            if (!r->interviewers.empty()) {
                std::vector<std::string> people;
                for (const auto& iv : r->interviewers)
                    people.push_back(iv.role.empty() ? iv.name
                                                     : fmt::format("{} ({})", iv.name, iv.role));
                out += "     with: " + join(people, ", ") + "\n";
            }
            for (const auto& q : r->questions)
                out += fmt::format("     asked: {}{}\n", q.text,
                                   q.problem.empty() ? "" : " [" + q.problem + "]");
            for (const auto& l : r->lessons)
                out += fmt::format("     lesson: {}\n", first_line_of(l.text));
            if (!r->notes.empty()) out += wrap("notes: " + r->notes, 80, "     ");
        }
    }
    std::cout << out;
    return 0;
}

// ---- apply ---------------------------------------------------------------------

int apply(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "apply", "COMPANY --role ROLE [--source S] [--via CONTACT] [--date D] [--note TEXT]",
        "Record an application. The company is created when the journal does not have it yet.");
    cl.options().add_options()("role", po::value<std::string>()->value_name("ROLE"),
                               "the role applied for (required)")(
        "source", po::value<std::string>()->value_name("S"),
        "referral, event, online, recruiter or other")(
        "via", po::value<std::string>()->value_name("CONTACT"),
        "the contact who referred you (implies --source referral)")(
        "date", po::value<std::string>()->value_name("D"), "when (YYYY-MM-DD; default today)")(
        "note", po::value<std::string>()->value_name("TEXT"), "notes");
    cl.positional("company", 1);
    if (!cl.parse(args)) return 0;
    std::string company = required_positional(cl, "company", "COMPANY");
    std::string role = name_arg(cl, "role", "--role");
    std::optional<Source> source;
    if (auto s = cl.opt<std::string>("source")) source = enum_arg<Source>(cl, *s);
    std::optional<std::string> via;
    if (cl.has("via")) via = name_arg(cl, "via", "--via");
    if (via && !source) source = Source::referral;
    Date date = date_opt(cl, "date").value_or(today());
    auto note = text_opt(cl, "note");
    std::vector<std::string> lines;
    return run_change(
        ctx,
        [&](Store& store, StagedFiles& files) {
            lines.clear();
            std::optional<Company> found = store.find_company(company);
            Company c;
            if (found) {
                c = std::move(*found);
            } else {
                c.name = company;
                c.file = store.new_file(kCompanies, slug_for(company));
                lines.push_back(fmt::format("new company: {} ({})", company, c.file));
            }
            std::string via_name;
            if (via) via_name = store.contact(*via).name;
            for (const auto& a : c.applications)
                if (a.open() && iequals(a.role, role))
                    fail(Exit::data,
                         "{} already has an open application for {}{}; record its rounds with "
                         "'hired round add'",
                         c.name, a.role, a.applied ? " (applied " + a.applied->str() + ")" : "");
            Application a;
            a.id = new_id();
            a.role = role;
            a.source = source;
            a.via = via_name;
            a.applied = date;
            a.status = Status::active;
            a.notes = note.value_or("");
            c.applications.push_back(std::move(a));
            save(files, c);
            return fmt::format("apply: {}, {}{}", c.name, role,
                               source ? fmt::format(" ({})", to_string(*source)) : std::string());
        },
        &lines);
}

// ---- round ---------------------------------------------------------------------

namespace {

std::string round_template(const Company& c, const Application& a, Date date) {
    return fmt::format(
        "# A round with {} ({}). Fill in what you know and save; lines starting\n"
        "# with '#' are ignored and empty fields are left out. Leave 'kind' empty\n"
        "# and save to record nothing.\n"
        "#   kind: {}\n"
        "#   outcome: pending, passed, failed or unknown; rating: 1 to 5\n"
        "date: {}\n"
        "kind:\n"
        "outcome: pending\n"
        "rating:\n"
        "interviewers:   # \"Name (Role)\", one per line\n"
        "  -\n"
        "questions:      # what they asked; \"text [problem-id]\" links a practice problem\n"
        "  -\n"
        "lessons:        # what you would do differently\n"
        "  -\n"
        "notes: |\n"
        "  \n",
        c.name, a.role, kRoundKinds, date.str());
}

// Asks for a round in $EDITOR until it is valid (or the user gives up).
std::optional<Round> round_from_editor(const Company& c, const Application& a, Date date) {
    std::string text = round_template(c, a, date);
    std::string label = "the round template";
    for (;;) {
        EditResult r = edit_text(text, "round.yaml");
        if (!r.changed) {
            if (r.quick) std::cerr << "hired: note: " << gui_editor_hint() << '\n';
            return std::nullopt;
        }
        text = r.text;
        try {
            yaml::NodePtr doc = yaml::parse(text, label);
            if (doc->is_map()) {
                const yaml::Node* kind = doc->find("kind");
                if (!kind || kind->is_null()) return std::nullopt; // left empty: record nothing
            }
            Warnings w;
            Round round = round_from(*doc, label, w);
            // As on the command line, "text [problem-id]" links a problem.
            for (auto& q : round.questions)
                if (q.problem.empty()) q = parse_question(q.text);
            print_warnings(w);
            return round;
        } catch (const Error& e) {
            std::cerr << "hired: error: " << e.what() << '\n';
            if (!ask("edit again?", true))
                throw Error(Exit::data, "nothing recorded: the round did not validate");
        }
    }
}

} // namespace

int round_add(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "round add",
        "COMPANY [--role ROLE] --kind K [--date D] [--with \"Name (Role)\"]... [--question Q]... "
        "[--lesson L]... [--outcome O] [--rating 1-5] [--note TEXT]",
        "Record an interview round. With no details on a terminal, opens $EDITOR on a template.");
    cl.options().add_options()("role", po::value<std::string>()->value_name("ROLE"),
                               "which application (when the company has several)")(
        "kind", po::value<std::string>()->value_name("K"), kRoundKinds)(
        "date", po::value<std::string>()->value_name("D"), "when (YYYY-MM-DD; default today)")(
        "with", po::value<std::vector<std::string>>()->value_name("\"NAME (ROLE)\""),
        "an interviewer (repeatable)")(
        "question", po::value<std::vector<std::string>>()->value_name("Q"),
        "a question asked (repeatable); \"text [problem-id]\" links a practice problem")(
        "lesson", po::value<std::vector<std::string>>()->value_name("L"),
        "a lesson learnt (repeatable)")("outcome", po::value<std::string>()->value_name("O"),
                                        "pending (default), passed, failed or unknown")(
        "rating", po::value<int>()->value_name("1-5"),
        "how you think it went")("note", po::value<std::string>()->value_name("TEXT"), "notes");
    cl.positional("company", 1);
    if (!cl.parse(args)) return 0;
    std::string company = required_positional(cl, "company", "COMPANY");
    std::optional<std::string> role;
    if (cl.has("role")) role = name_arg(cl, "role", "--role");
    Date date = date_opt(cl, "date").value_or(today());

    Round round;
    bool details = cl.has("kind") || cl.has("with") || cl.has("question") || cl.has("lesson") ||
                   cl.has("outcome") || cl.has("rating") || cl.has("note");
    if (!cl.has("kind")) {
        if (details || !interactive())
            cl.usage_error(fmt::format("--kind is required (one of: {})", kRoundKinds));
        // Unknown names fail before the editor opens.
        Journal journal(ctx.journal_dir());
        JournalFiles files(journal);
        Store store(files);
        Company c = store.company(company);
        Application& a = pick_application(c, role);
        auto edited = round_from_editor(c, a, date);
        if (!edited) {
            std::cout << "nothing recorded\n";
            return 0;
        }
        round = std::move(*edited);
        role = a.role;
    } else {
        round.kind = enum_arg<RoundKind>(cl, cl.get<std::string>("kind"));
        round.date = date;
        if (auto o = cl.opt<std::string>("outcome")) round.outcome = enum_arg<Outcome>(cl, *o);
        round.rating = rating_opt(cl);
        round.notes = text_opt(cl, "note").value_or("");
        for (const auto& q : names_opt(cl, "question", "--question"))
            round.questions.push_back(parse_question(q));
        for (const auto& l : names_opt(cl, "lesson", "--lesson"))
            round.lessons.push_back(round_lesson(l, {}, std::nullopt));
        for (const auto& w : names_opt(cl, "with", "--with"))
            round.interviewers.push_back(parse_interviewer(w));
    }
    return run_change(ctx, [&](Store& store, StagedFiles& files) {
        Company c = store.company(company);
        Application& a = pick_application(c, role);
        Round r = round;
        r.id = new_id();
        for (auto& iv : r.interviewers)
            if (iv.contact.empty())
                if (auto p = store.find_contact(iv.name, false)) {
                    iv.name = p->name;
                    iv.contact = p->name;
                }
        for (auto& l : r.lessons) {
            if (l.id.empty()) l.id = new_id();
            if (l.date == r.date) l.date.reset(); // a round lesson dates from its round
        }
        a.rounds.push_back(std::move(r));
        number_rounds(a);
        const Round& added = a.rounds.back();
        std::string message =
            fmt::format("round: {}, {} ({})", c.name, added.label(), to_string(added.outcome));
        save(files, c);
        return message;
    });
}

int round_set(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "round set",
        "COMPANY N [--role ROLE] [--outcome O] [--rating 1-5] [--note TEXT] [--question Q]... "
        "[--lesson L]... [--with \"Name (Role)\"]... [--kind K] [--date D] [--thanked[=D]]",
        "Update round N (as 'hired company show' numbers them): its outcome, rating, notes, "
        "questions, "
        "lessons. Notes, questions, lessons and interviewers are added to what is there.");
    cl.options().add_options()("role", po::value<std::string>()->value_name("ROLE"),
                               "which application (when the company has several)")(
        "outcome", po::value<std::string>()->value_name("O"), "pending, passed, failed or unknown")(
        "rating", po::value<int>()->value_name("1-5"), "how you think it went")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note to add")(
        "question", po::value<std::vector<std::string>>()->value_name("Q"),
        "a question asked (repeatable)")("lesson",
                                         po::value<std::vector<std::string>>()->value_name("L"),
                                         "a lesson learnt (repeatable)")(
        "with", po::value<std::vector<std::string>>()->value_name("\"NAME (ROLE)\""),
        "an interviewer (repeatable)")("kind", po::value<std::string>()->value_name("K"),
                                       "correct the kind")(
        "date", po::value<std::string>()->value_name("D"), "correct the date")(
        "thanked", po::value<std::string>()->implicit_value("today")->value_name("D"),
        "a thank-you note went out (default today)");
    cl.positional("company", 1).positional("number", 1);
    if (!cl.parse(args)) return 0;
    std::string company = required_positional(cl, "company", "COMPANY");
    int number = number_arg(cl, "number", "N");
    std::optional<std::string> role;
    if (cl.has("role")) role = name_arg(cl, "role", "--role");
    std::optional<Outcome> outcome;
    if (auto o = cl.opt<std::string>("outcome")) outcome = enum_arg<Outcome>(cl, *o);
    std::optional<RoundKind> kind;
    if (auto k = cl.opt<std::string>("kind")) kind = enum_arg<RoundKind>(cl, *k);
    auto rating = rating_opt(cl);
    auto note = text_opt(cl, "note");
    auto date = date_opt(cl, "date");
    auto thanked = date_opt(cl, "thanked");
    auto qs = names_opt(cl, "question", "--question");
    auto ls = names_opt(cl, "lesson", "--lesson");
    auto with = names_opt(cl, "with", "--with");
    if (!outcome && !kind && !rating && !note && !date && !thanked && qs.empty() && ls.empty() &&
        with.empty())
        cl.usage_error("nothing to change: give --outcome, --rating, --note, --question, --lesson, "
                       "--with, --kind, "
                       "--date or --thanked");
    return run_change(ctx, [&](Store& store, StagedFiles& files) {
        Company c = store.company(company);
        Application& a = pick_application(c, role);
        Round& r = round_by_number(c, a, number);
        std::vector<std::string> changed;
        if (outcome) r.outcome = *outcome, changed.push_back("outcome");
        if (kind) r.kind = *kind, changed.push_back("kind");
        if (rating) r.rating = *rating, changed.push_back("rating");
        if (date) r.date = *date, changed.push_back("date");
        if (thanked) r.thanked = *thanked, changed.push_back("thank-you sent");
        if (note) append_note(r.notes, *note), changed.push_back("note");
        for (const auto& q : qs)
            r.questions.push_back(parse_question(q));
        if (!qs.empty()) changed.push_back(plural(qs.size(), "question", "questions"));
        for (const auto& l : ls)
            r.lessons.push_back(round_lesson(l, {}, std::nullopt));
        if (!ls.empty()) changed.push_back(plural(ls.size(), "lesson", "lessons"));
        for (auto& iv : interviewers(store, with))
            r.interviewers.push_back(std::move(iv));
        if (!with.empty()) changed.push_back(plural(with.size(), "interviewer", "interviewers"));
        number_rounds(a); // a new date may move it
        std::string message = fmt::format("round: {}, {} ({}): {}", c.name, r.label(),
                                          to_string(r.outcome), join(changed, ", "));
        save(files, c);
        return message;
    });
}

// ---- outcome -------------------------------------------------------------------

int outcome(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "outcome", "COMPANY STATUS [--role ROLE] [--note TEXT] [--date D]",
                   "Set an application's status: active, offer, accepted, declined, rejected, "
                   "withdrawn, on-hold, "
                   "ghosted.");
    cl.options().add_options()("role", po::value<std::string>()->value_name("ROLE"),
                               "which application (when the company has several)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note to add")(
        "date", po::value<std::string>()->value_name("D"), "when it happened (default today)");
    cl.positional("company", 1).positional("status", 1);
    if (!cl.parse(args)) return 0;
    std::string company = required_positional(cl, "company", "COMPANY");
    if (!cl.has("status"))
        cl.usage_error("STATUS is required (active, offer, accepted, declined, rejected, "
                       "withdrawn, on-hold, ghosted)");
    Status status = enum_arg<Status>(cl, cl.get<std::string>("status"));
    std::optional<std::string> role;
    if (cl.has("role")) role = name_arg(cl, "role", "--role");
    auto note = text_opt(cl, "note");
    Date date = date_opt(cl, "date").value_or(today());
    return run_change(ctx, [&](Store& store, StagedFiles& files) {
        Company c = store.company(company);
        Application& a = pick_application(c, role);
        a.status = status;
        a.updated = date;
        if (note) append_note(a.notes, *note);
        std::string message =
            c.applications.size() > 1
                ? fmt::format("outcome: {}, {}, {}", c.name, a.role, to_string(status))
                : fmt::format("outcome: {}, {}", c.name, to_string(status));
        save(files, c);
        return message;
    });
}

// ---- lesson --------------------------------------------------------------------

int lesson_add(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "lesson add",
        "TEXT [--tag T]... [--company C [--role ROLE] [--round N]] [--event E] [--date D]",
        "Record a lesson. With --company and --round it joins that round in the company's file; "
        "otherwise it is a file of its own under lessons/.");
    cl.options().add_options()("tag", po::value<std::vector<std::string>>()->value_name("T"),
                               "a tag (repeatable)")(
        "company", po::value<std::string>()->value_name("C"),
        "the company it came from")("role", po::value<std::string>()->value_name("ROLE"),
                                    "which application (when the company has several)")(
        "round", po::value<std::string>()->value_name("N"),
        "the round it came from (needs --company)")(
        "event", po::value<std::string>()->value_name("E"),
        "the event it came from (name or id)")("date", po::value<std::string>()->value_name("D"),
                                               "when (default: the round's date, else today)");
    cl.positional("text", 1);
    if (!cl.parse(args)) return 0;
    if (!cl.has("text")) cl.usage_error("TEXT is required");
    std::string text;
    try {
        text = clean_text(cl.get<std::string>("text"), "TEXT");
    } catch (const Error& e) {
        cl.usage_error(e.what());
    }
    if (trim(text).empty()) cl.usage_error("TEXT must not be empty");
    auto tags = clean_tags(cl);
    std::optional<std::string> company;
    if (cl.has("company")) company = name_arg(cl, "company", "--company");
    std::optional<std::string> role;
    if (cl.has("role")) role = name_arg(cl, "role", "--role");
    std::optional<int> round;
    if (cl.has("round")) {
        if (!company) cl.usage_error("--round needs --company");
        round = number_arg(cl, "round", "--round");
    }
    if (role && !company) cl.usage_error("--role needs --company");
    std::optional<std::string> event;
    if (cl.has("event")) event = name_arg(cl, "event", "--event");
    if (event && round)
        cl.usage_error("give --event or --round, not both: a round's lesson comes from its round");
    auto date = date_opt(cl, "date");
    return run_change(ctx, [&](Store& store, StagedFiles& files) {
        std::string message = fmt::format("lesson: {}", quote(text));
        if (company && round) {
            Company c = store.company(*company);
            Application& a = pick_application(c, role);
            Round& r = round_by_number(c, a, *round);
            Lesson l = round_lesson(text, tags, date && date != r.date ? date : std::nullopt);
            r.lessons.push_back(std::move(l));
            save(files, c);
            return message;
        }
        Lesson l;
        l.text = text;
        l.tags = tags;
        l.date = date.value_or(today());
        if (company) {
            Company c = store.company(*company);
            l.source.company = c.name;
            if (role) l.source.application = pick_application(c, role).id;
        }
        if (event) l.source.event = store.event(*event).id();
        l.file = store.new_file(kLessons, l.date->str() + "-" + new_id());
        l.id = file_stem(l.file);
        save(files, l);
        return message;
    });
}

int lesson_list(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "lesson list", "[--tag T]... [--company C]",
                   "List lessons, newest first: those of rounds and the stand-alone ones.");
    cl.options().add_options()("tag", po::value<std::vector<std::string>>()->value_name("T"),
                               "only lessons with this tag (repeatable: any)")(
        "company", po::value<std::string>()->value_name("C"), "only lessons from this company");
    if (!cl.parse(args)) return 0;
    auto tags = clean_tags(cl);
    std::optional<std::string> company;
    if (cl.has("company")) company = name_arg(cl, "company", "--company");
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    std::string company_name;
    if (company) company_name = store.company(*company).name;

    struct Row {
        Lesson lesson;
        std::string from;
    };
    std::vector<Row> rows;
    auto companies = store.companies();
    for (const auto& c : companies)
        for (const auto& a : c.applications)
            for (const Round* r : a.by_number())
                for (const auto& l : r->lessons)
                    rows.push_back({l, fmt::format("{}, {}, {}", c.name, a.role, r->label())});
    for (auto& l : store.standalone_lessons()) {
        std::string from;
        if (!l.source.company.empty()) from = l.source.company;
        if (!l.source.event.empty()) from += (from.empty() ? "" : ", ") + l.source.event;
        rows.push_back({std::move(l), from});
    }
    print_warnings(store);
    std::erase_if(rows, [&](const Row& row) {
        if (company && !iequals(row.lesson.source.company, company_name)) return true;
        if (tags.empty()) return false;
        for (const auto& t : tags)
            for (const auto& lt : row.lesson.tags)
                if (iequals(t, lt)) return false;
        return true;
    });
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.lesson.date.value_or(Date()) > b.lesson.date.value_or(Date());
    });
    if (ctx.globals.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& row : rows) {
            auto j = to_json(row.lesson);
            j["from"] = row.from.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.from);
            out.push_back(j);
        }
        ctx.print_json(out);
        return 0;
    }
    if (rows.empty()) {
        std::cout << (tags.empty() && !company
                          ? "no lessons yet (add one with: hired lesson add TEXT)\n"
                          : "no lessons match\n");
        return 0;
    }
    std::string out;
    for (const auto& row : rows) {
        const Lesson& l = row.lesson;
        std::string head = (l.date ? l.date->str() : std::string(10, ' ')) + "  ";
        std::string text = wrap(l.text, 90, std::string(12, ' '));
        if (text.size() >= 12) text = text.substr(12); // the first line follows the date
        out += ctx.style.dim(head) + text;
        if (!text.empty() && text.back() != '\n') out += '\n';
        std::vector<std::string> meta;
        if (!l.tags.empty()) {
            std::vector<std::string> hashed;
            for (const auto& t : l.tags)
                hashed.push_back("#" + t);
            meta.push_back(join(hashed, " "));
        }
        if (!row.from.empty()) meta.push_back("from " + row.from);
        if (!meta.empty()) out += std::string(12, ' ') + ctx.style.dim(join(meta, "  ")) + "\n";
    }
    std::cout << out;
    return 0;
}

// ---- contact -------------------------------------------------------------------

int contact_add(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "contact add",
                   "NAME [--company C] [--role R] [--met-at EVENT] [--met D] [--email E] [--link "
                   "URL]... [--note TEXT]",
                   "Add a person: someone met at an event, a referrer, an interviewer.");
    cl.options().add_options()("company", po::value<std::string>()->value_name("C"),
                               "where they work (a company in the journal)")(
        "role", po::value<std::string>()->value_name("R"), "their role")(
        "met-at", po::value<std::string>()->value_name("EVENT"),
        "the event where you met (name or id)")("met", po::value<std::string>()->value_name("D"),
                                                "when you met (default: the event's date)")(
        "email", po::value<std::string>()->value_name("E"), "email address")(
        "link", po::value<std::vector<std::string>>()->value_name("URL"),
        "a profile or site (repeatable)")("note", po::value<std::string>()->value_name("TEXT"),
                                          "notes");
    cl.positional("name", 1);
    if (!cl.parse(args)) return 0;
    std::string name = required_positional(cl, "name", "NAME");
    std::optional<std::string> company, role, event, email;
    if (cl.has("company")) company = name_arg(cl, "company", "--company");
    if (cl.has("role")) role = name_arg(cl, "role", "--role");
    if (cl.has("met-at")) event = name_arg(cl, "met-at", "--met-at");
    if (cl.has("email")) email = name_arg(cl, "email", "--email");
    auto met = date_opt(cl, "met");
    auto links = names_opt(cl, "link", "--link");
    auto note = text_opt(cl, "note");
    return run_change(ctx, [&](Store& store, StagedFiles& files) {
        if (auto existing = store.find_contact(name, false))
            fail(Exit::data,
                 "contact '{}' already exists ({}); change it with 'hired contact set' or 'hired "
                 "edit'",
                 existing->name, existing->file);
        Contact p;
        p.name = name;
        if (company) p.company = store.company(*company).name;
        p.role = role.value_or("");
        p.email = email.value_or("");
        p.links = links;
        p.notes = note.value_or("");
        p.met = met;
        if (event) {
            Event e = store.event(*event);
            p.met_at = e.id();
            if (!p.met) p.met = e.date;
            if (std::none_of(e.met.begin(), e.met.end(),
                             [&](const std::string& m) { return iequals(m, name); })) {
                e.met.push_back(name);
                save(files, e);
            }
        }
        p.file = store.new_file(kContacts, slug_for(name));
        save(files, p);
        return p.company.empty() ? fmt::format("contact: {}", name)
                                 : fmt::format("contact: {} ({})", name, p.company);
    });
}

int contact_set(Context& ctx, const Args& args) {
    CommandLine cl(
        ctx, "contact set",
        "NAME [--contacted[=D]] [--company C] [--role R] [--email E] [--link URL]... [--note TEXT]",
        "Update a contact; --contacted records that you were in touch (today by default), which "
        "clears the board's follow-up.");
    cl.options().add_options()("contacted",
                               po::value<std::string>()->implicit_value("today")->value_name("D"),
                               "in touch on D (default today)")(
        "company", po::value<std::string>()->value_name("C"),
        "where they work now")("role", po::value<std::string>()->value_name("R"), "their role")(
        "email", po::value<std::string>()->value_name("E"),
        "email address")("link", po::value<std::vector<std::string>>()->value_name("URL"),
                         "a profile or site to add (repeatable)")(
        "note", po::value<std::string>()->value_name("TEXT"), "a note to add");
    cl.positional("name", 1);
    if (!cl.parse(args)) return 0;
    std::string name = required_positional(cl, "name", "NAME");
    auto contacted = date_opt(cl, "contacted");
    std::optional<std::string> company, role, email;
    if (cl.has("company")) company = name_arg(cl, "company", "--company");
    if (cl.has("role")) role = name_arg(cl, "role", "--role");
    if (cl.has("email")) email = name_arg(cl, "email", "--email");
    auto links = names_opt(cl, "link", "--link");
    auto note = text_opt(cl, "note");
    if (!contacted && !company && !role && !email && links.empty() && !note)
        cl.usage_error(
            "nothing to change: give --contacted, --company, --role, --email, --link or --note");
    return run_change(ctx, [&](Store& store, StagedFiles& files) {
        Contact p = store.contact(name);
        std::vector<std::string> changed;
        if (contacted)
            p.last_contacted = *contacted, changed.push_back("contacted " + contacted->str());
        if (company) p.company = store.company(*company).name, changed.push_back("company");
        if (role) p.role = *role, changed.push_back("role");
        if (email) p.email = *email, changed.push_back("email");
        for (const auto& l : links)
            if (std::find(p.links.begin(), p.links.end(), l) == p.links.end()) p.links.push_back(l);
        if (!links.empty()) changed.push_back("links");
        if (note) append_note(p.notes, *note), changed.push_back("note");
        save(files, p);
        return fmt::format("contact: {}, {}", p.name, join(changed, ", "));
    });
}

int contact_list(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "contact list", "",
                   "List contacts: where they work, where you met, when you were last in touch.");
    if (!cl.parse(args)) return 0;
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    auto contacts = store.contacts();
    print_warnings(store);
    if (ctx.globals.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : contacts)
            out.push_back(to_json(p));
        ctx.print_json(out);
        return 0;
    }
    if (contacts.empty()) {
        std::cout << "no contacts yet (add one with: hired contact add NAME)\n";
        return 0;
    }
    Table t({"NAME", "COMPANY", "ROLE", "MET", "LAST IN TOUCH"});
    for (const auto& p : contacts) {
        std::string met = p.met_at.empty() ? (p.met ? p.met->str() : "") : p.met_at;
        auto touch = p.last_touch();
        t.add({ctx.style.bold(p.name), p.company, p.role, met, touch ? touch->str() : ""});
    }
    std::cout << t.render();
    return 0;
}

int contact_show(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "contact show", "NAME",
                   "Show a contact, the applications they referred and the rounds they sat in.");
    cl.positional("name", 1);
    if (!cl.parse(args)) return 0;
    std::string name = required_positional(cl, "name", "NAME");
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    Contact p = store.contact(name);
    std::vector<std::string> referred, interviewed;
    for (const auto& c : store.companies())
        for (const auto& a : c.applications) {
            if (iequals(a.via, p.name))
                referred.push_back(fmt::format("{}, {} ({})", c.name, a.role, to_string(a.status)));
            for (const Round* r : a.by_number())
                for (const auto& iv : r->interviewers)
                    if (iequals(iv.contact, p.name) || iequals(iv.name, p.name))
                        interviewed.push_back(fmt::format("{}, {}, {}{}", c.name, a.role,
                                                          r->label(),
                                                          r->date ? " on " + r->date->str() : ""));
        }
    std::optional<Event> event;
    if (!p.met_at.empty()) event = store.find_event(p.met_at);
    print_warnings(store);
    if (ctx.globals.json) {
        auto j = to_json(p);
        j["referred"] = referred;
        j["interviewed"] = interviewed;
        ctx.print_json(j);
        return 0;
    }
    std::string out =
        fmt::format("{}  {}\n", ctx.style.bold(p.name), ctx.style.dim(files.label(p.file)));
    auto field = [&](const char* k, const std::string& v) {
        if (!v.empty()) out += fmt::format("  {:<15} {}\n", k, v);
    };
    field("company", p.company);
    field("role", p.role);
    if (event)
        field("met at", fmt::format("{} ({})", event->name, event->date.str()));
    else
        field("met at", p.met_at);
    field("met", p.met ? p.met->str() : "");
    field("email", p.email);
    field("links", join(p.links, ", "));
    field("last in touch", p.last_contacted ? p.last_contacted->str() : "");
    if (!p.notes.empty()) out += wrap(p.notes, 80, "  ");
    for (const auto& r : referred)
        out += "  referred: " + r + "\n";
    for (const auto& r : interviewed)
        out += "  interviewed: " + r + "\n";
    std::cout << out;
    return 0;
}

// ---- event ---------------------------------------------------------------------

int event_add(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "event add",
                   "NAME --date D [--kind K] [--place P] [--met NAME]... [--note TEXT]",
                   "Record a meetup, conference, workshop, coffee-and-code or hackathon. The "
                   "people met who are "
                   "not contacts yet become contacts, in the same commit.");
    cl.options().add_options()("date", po::value<std::string>()->value_name("D"),
                               "when (YYYY-MM-DD, required)")(
        "kind", po::value<std::string>()->value_name("K"),
        "meetup, conference, workshop, coffee-and-code, hackathon or other")(
        "place", po::value<std::string>()->value_name("P"), "where")(
        "met", po::value<std::vector<std::string>>()->value_name("NAME"),
        "someone you met (repeatable)")("note", po::value<std::string>()->value_name("TEXT"),
                                        "notes");
    cl.positional("name", 1);
    if (!cl.parse(args)) return 0;
    std::string name = required_positional(cl, "name", "NAME");
    if (!cl.has("date")) cl.usage_error("--date is required");
    Date date = *date_opt(cl, "date");
    std::optional<EventKind> kind;
    if (auto k = cl.opt<std::string>("kind")) kind = enum_arg<EventKind>(cl, *k);
    auto place = text_opt(cl, "place");
    auto met = names_opt(cl, "met", "--met");
    auto note = text_opt(cl, "note");
    std::vector<std::string> lines;
    return run_change(
        ctx,
        [&](Store& store, StagedFiles& files) {
            lines.clear();
            for (const auto& e : store.events())
                if (iequals(e.name, name) && e.date == date)
                    fail(Exit::data, "event '{}' on {} already exists ({})", e.name, date.str(),
                         e.file);
            Event e;
            e.name = name;
            e.date = date;
            e.kind = kind;
            e.place = place ? std::string(trim(*place)) : "";
            e.notes = note.value_or("");
            e.file = store.new_file(kEvents, date.str() + "-" + slug_for(name));
            for (const auto& person : met) {
                if (std::any_of(e.met.begin(), e.met.end(),
                                [&](const std::string& m) { return iequals(m, person); }))
                    continue;
                if (auto p = store.find_contact(person, false)) {
                    e.met.push_back(p->name);
                    if (p->met_at.empty()) {
                        p->met_at = e.id();
                        if (!p->met) p->met = date;
                        save(files, *p);
                    }
                } else {
                    Contact c;
                    c.name = person;
                    c.met_at = e.id();
                    c.met = date;
                    c.file = store.new_file(kContacts, slug_for(person));
                    save(files, c);
                    e.met.push_back(person);
                    lines.push_back(fmt::format("new contact: {} ({})", person, c.file));
                }
            }
            save(files, e);
            return fmt::format("event: {} {}", name, date.str());
        },
        &lines);
}

int event_list(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "event list", "", "List events, newest first, with the people met there.");
    if (!cl.parse(args)) return 0;
    Journal journal(ctx.journal_dir());
    JournalFiles files(journal);
    Store store(files);
    auto events = store.events();
    std::reverse(events.begin(), events.end());
    print_warnings(store);
    if (ctx.globals.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : events)
            out.push_back(to_json(e));
        ctx.print_json(out);
        return 0;
    }
    if (events.empty()) {
        std::cout << "no events yet (add one with: hired event add NAME --date YYYY-MM-DD)\n";
        return 0;
    }
    Table t({"DATE", "EVENT", "KIND", "PLACE", "MET"});
    for (const auto& e : events)
        t.add({e.date.str(), ctx.style.bold(e.name), e.kind ? std::string(to_string(*e.kind)) : "",
               e.place, join(e.met, ", ")});
    std::cout << t.render();
    return 0;
}

} // namespace hired::cli
