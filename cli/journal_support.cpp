#include "journal_support.hpp"

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

namespace hired::cli {

using namespace hired::tracker;

Date today() {
    if (const char* t = std::getenv("HIRED_TODAY"); t && *t) {
        auto d = Date::parse(t);
        if (!d) fail(Exit::usage, "HIRED_TODAY must be a date YYYY-MM-DD, got '{}'", t);
        return *d;
    }
    return Date::today();
}

Date date_arg(const CommandLine& cl, const std::string& s, const char* option) {
    std::string t = to_lower(trim(s));
    if (t == "today") return today();
    if (t == "yesterday") return today().plus_days(-1);
    auto d = Date::parse(t);
    if (!d)
        cl.usage_error(fmt::format("--{} must be a date YYYY-MM-DD (or today, yesterday), got '{}'",
                                   option, s));
    return *d;
}

std::optional<Date> date_opt(const CommandLine& cl, const char* option) {
    auto s = cl.opt<std::string>(option);
    if (!s) return std::nullopt;
    return date_arg(cl, *s, option);
}

std::string name_arg(const CommandLine& cl, const char* option, const char* what) {
    auto s = cl.opt<std::string>(option);
    if (!s) cl.usage_error(fmt::format("{} is required", what));
    try {
        return clean_name(*s, what);
    } catch (const Error& e) {
        cl.usage_error(e.what());
    }
}

std::optional<std::string> text_opt(const CommandLine& cl, const char* option) {
    auto s = cl.opt<std::string>(option);
    if (!s) return std::nullopt;
    try {
        std::string t = clean_text(*s, fmt::format("--{}", option));
        if (trim(t).empty()) cl.usage_error(fmt::format("--{} must not be empty", option));
        return t;
    } catch (const Error& e) {
        cl.usage_error(e.what());
    }
}

std::vector<std::string> names_opt(const CommandLine& cl, const char* option, const char* what) {
    std::vector<std::string> out;
    for (const auto& s : cl.list(option)) {
        try {
            out.push_back(clean_name(s, what));
        } catch (const Error& e) {
            cl.usage_error(e.what());
        }
    }
    return out;
}

void print_warnings(const Warnings& warnings) {
    for (const auto& w : warnings)
        std::cerr << "hired: warning: " << w << '\n';
}

void print_journal_notes(const Journal& journal) {
    for (const auto& r : journal.recovered)
        std::cerr << "hired: note: recovered the journal: " << r << '\n';
    for (const auto& w : journal.warnings)
        std::cerr << "hired: warning: " << w << '\n';
}

void finish_interrupted_change(Context& ctx) {
    try {
        Journal journal(ctx.journal_dir());
        if (!journal.finish_interrupted().empty() || !journal.warnings.empty())
            print_journal_notes(journal);
    } catch (const Error& e) {
        std::cerr << "hired: warning: could not finish an interrupted journal change: " << e.what()
                  << '\n';
    }
}

void print_warnings(const Store& store) {
    print_warnings(store.warnings());
}

int run_change(Context& ctx, const Plan& plan, const std::vector<std::string>* lines) {
    Journal journal(ctx.journal_dir());
    bool fresh = !journal.exists();
    std::string message;
    ParseMemo memo; // the locked run reuses what the dry run parsed, if unchanged
    {
        StagedFiles dry(journal, nullptr);
        Store store(dry, &memo);
        message = plan(store, dry);
        print_warnings(store);
    }
    auto info = journal.change(message, [&](Change& change) {
        StagedFiles files(journal, &change);
        Store store(files, &memo);
        plan(store, files);
    });
    print_journal_notes(journal);
    if (ctx.globals.json) {
        ctx.print_json(
            nlohmann::json{{"commit", info ? nlohmann::json(info->id) : nlohmann::json(nullptr)},
                           {"message", message},
                           {"changed", info.has_value()}});
        return 0;
    }
    if (fresh && info)
        std::cout << ctx.style.dim(fmt::format("created the journal at {}", journal.dir().string()))
                  << '\n';
    if (!info) {
        std::cout << "nothing changed\n";
        return 0;
    }
    std::cout << message << '\n';
    if (lines)
        for (const auto& l : *lines)
            std::cout << "  " << l << '\n';
    return 0;
}

bool interactive() {
    return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1;
}

bool ask(const std::string& question, bool default_yes) {
    std::cout << question << (default_yes ? " [Y/n] " : " [y/N] ") << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    std::string a = to_lower(trim(answer));
    if (a.empty()) return default_yes;
    return a == "y" || a == "yes";
}

std::string gui_editor_hint() {
    return "the editor returned at once without a change; if it is a GUI editor that forks, make "
           "it wait: "
           "EDITOR=\"code --wait\" or EDITOR=\"subl -w\"";
}

namespace {

// A private temporary folder holding one file; removed on destruction.
class TempFile {
public:
    explicit TempFile(const std::string& name) {
        fs::path base = fs::temp_directory_path();
        std::string pattern = (base / "hired-edit-XXXXXX").string();
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data()))
            fail(Exit::env, "cannot make a temporary folder in {}", base.string());
        dir_ = buf.data();
        path_ = dir_ / name;
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path dir_, path_;
};

std::string editor_command() {
    for (const char* var : {"VISUAL", "EDITOR"})
        if (const char* e = std::getenv(var); e && !trim(e).empty()) return e;
    return "vi";
}

} // namespace

EditResult edit_text(const std::string& text, const std::string& name) {
    TempFile tmp(name);
    write_file_atomic(tmp.path(), text, 0600);
    std::string editor = editor_command();
    // The editor line may carry arguments ("code --wait"): the shell splits
    // it, and the file goes in as "$1", never through the shell's parser.
    std::string script = editor + " \"$1\"";
    auto start = std::chrono::steady_clock::now();
    // Like git: Ctrl-C belongs to the editor while it runs, so we outlive
    // it and remove the temporary copy.
    struct sigaction ignore {
    }, old_int{}, old_quit{};
    ignore.sa_handler = SIG_IGN;
    ::sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::sigaction(SIGINT, &old_int, nullptr);
        ::sigaction(SIGQUIT, &old_quit, nullptr);
        const char* argv[] = {"sh", "-c", script.c_str(), "sh", tmp.path().c_str(), nullptr};
        ::execv("/bin/sh", const_cast<char* const*>(argv));
        ::_exit(127);
    }
    int status = 0;
    bool waited = pid > 0;
    while (waited && ::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) waited = false;
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    if (pid < 0) fail(Exit::env, "cannot start the editor: fork failed");
    if (!waited) fail(Exit::env, "cannot wait for the editor");
    auto elapsed = std::chrono::steady_clock::now() - start;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            fail(Exit::env, "cannot run the editor '{}' (set EDITOR or VISUAL); nothing changed",
                 editor);
        fail(Exit::env, "the editor '{}' failed ({}); nothing changed", editor,
             WIFEXITED(status) ? fmt::format("exit status {}", WEXITSTATUS(status))
                               : std::string("killed by a signal"));
    }
    EditResult r;
    auto saved = try_read_file(tmp.path());
    r.text = saved ? *saved : std::string();
    r.changed = saved && *saved != text;
    r.quick = !r.changed && elapsed < std::chrono::milliseconds(1000);
    return r;
}

// ---- JSON ------------------------------------------------------------------------

nlohmann::json json_date(const std::optional<Date>& d) {
    return d ? nlohmann::json(d->str()) : nlohmann::json(nullptr);
}

namespace {
nlohmann::json text_or_null(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}
} // namespace

nlohmann::json to_json(const Lesson& l) {
    return nlohmann::json{{"id", l.id},
                          {"text", l.text},
                          {"tags", l.tags},
                          {"date", json_date(l.date)},
                          {"file", l.file},
                          {"source",
                           {{"company", text_or_null(l.source.company)},
                            {"application", text_or_null(l.source.application)},
                            {"round", text_or_null(l.source.round)},
                            {"event", text_or_null(l.source.event)}}}};
}

nlohmann::json to_json(const Round& r) {
    nlohmann::json people = nlohmann::json::array();
    for (const auto& iv : r.interviewers)
        people.push_back({{"name", iv.name},
                          {"role", text_or_null(iv.role)},
                          {"contact", text_or_null(iv.contact)}});
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : r.questions)
        questions.push_back({{"text", q.text}, {"problem", text_or_null(q.problem)}});
    nlohmann::json lessons = nlohmann::json::array();
    for (const auto& l : r.lessons)
        lessons.push_back(to_json(l));
    return nlohmann::json{
        {"id", r.id},
        {"number", r.number},
        {"date", json_date(r.date)},
        {"kind", std::string(to_string(r.kind))},
        {"outcome", std::string(to_string(r.outcome))},
        {"rating", r.rating ? nlohmann::json(*r.rating) : nlohmann::json(nullptr)},
        {"thanked", json_date(r.thanked)},
        {"interviewers", people},
        {"questions", questions},
        {"notes", text_or_null(r.notes)},
        {"lessons", lessons}};
}

nlohmann::json to_json(const Application& a) {
    nlohmann::json rounds = nlohmann::json::array();
    for (const Round* r : a.by_number())
        rounds.push_back(to_json(*r));
    return nlohmann::json{{"id", a.id},
                          {"role", a.role},
                          {"status", std::string(to_string(a.status))},
                          {"source", a.source ? nlohmann::json(std::string(to_string(*a.source)))
                                              : nlohmann::json(nullptr)},
                          {"via", text_or_null(a.via)},
                          {"applied", json_date(a.applied)},
                          {"updated", json_date(a.updated)},
                          {"last_activity", json_date(a.last_activity())},
                          {"notes", text_or_null(a.notes)},
                          {"rounds", rounds}};
}

nlohmann::json to_json(const Company& c) {
    nlohmann::json apps = nlohmann::json::array();
    for (const auto& a : c.applications)
        apps.push_back(to_json(a));
    return nlohmann::json{{"name", c.name},
                          {"file", c.file},
                          {"url", text_or_null(c.url)},
                          {"location", text_or_null(c.location)},
                          {"tags", c.tags},
                          {"notes", text_or_null(c.notes)},
                          {"applications", apps}};
}

nlohmann::json to_json(const Contact& c) {
    return nlohmann::json{{"name", c.name},
                          {"file", c.file},
                          {"company", text_or_null(c.company)},
                          {"role", text_or_null(c.role)},
                          {"met_at", text_or_null(c.met_at)},
                          {"met", json_date(c.met)},
                          {"email", text_or_null(c.email)},
                          {"links", c.links},
                          {"last_contacted", json_date(c.last_contacted)},
                          {"notes", text_or_null(c.notes)}};
}

nlohmann::json to_json(const Event& e) {
    return nlohmann::json{{"id", e.id()},
                          {"name", e.name},
                          {"file", e.file},
                          {"date", e.date.str()},
                          {"kind", e.kind ? nlohmann::json(std::string(to_string(*e.kind)))
                                          : nlohmann::json(nullptr)},
                          {"place", text_or_null(e.place)},
                          {"met", e.met},
                          {"notes", text_or_null(e.notes)}};
}

std::string plural(size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

} // namespace hired::cli
