// `hired sync` and `hired status`: the journal against its git remote.
#include "commands.hpp"

#include "tracker/sync.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <map>

namespace hired::cli {

using namespace hired::tracker;

namespace {

std::string plural_of(size_t n, const std::string& one) {
    return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s");
}

// ["round 1f2e3d4c", "round aa00bb11", "lesson ..."] -> "2 rounds, 1 lesson"
std::string records_summary(const std::vector<std::string>& records) {
    std::map<std::string, size_t> by_kind;
    for (const auto& r : records)
        ++by_kind[r.substr(0, r.find(' '))];
    std::string out;
    for (const auto& [kind, n] : by_kind)
        out += (out.empty() ? "" : ", ") + plural_of(n, kind);
    return out.empty() ? "nothing new" : out;
}

} // namespace

int sync(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "sync", "[--remote URL]",
                   "Fetch from the journal's git remote, merge record by record, push. The first "
                   "--remote is remembered (as origin); with no journal yet, sync adopts the "
                   "remote's. Remotes: a path or file:// URL (a bare repository), ssh (ssh-agent "
                   "or ~/.ssh keys; the host must be in ~/.ssh/known_hosts), https (a token in "
                   "$HIRED_GIT_TOKEN; certificates checked against the system's CAs, or "
                   "$SSL_CERT_FILE's).");
    cl.options().add_options()("remote", po::value<std::string>()->value_name("URL"),
                               "the remote to sync with (remembered)");
    cl.epilog("When both sides changed the same field, the side whose last commit is newer "
              "wins (ties: the remote's); the other value is listed in the merge commit's "
              "message and here. Nothing is written as conflict markers.");
    if (!cl.parse(args)) return 0;
    SyncOptions options;
    options.remote = cl.opt<std::string>("remote");
    // For tests only: a command run just before the first push (to move the remote meanwhile).
    if (const char* hook = std::getenv("HIRED_TEST_BEFORE_PUSH"); hook && *hook) {
        std::string command = hook;
        options.before_push = [command] {
            ::unsetenv("HIRED_TEST_BEFORE_PUSH"); // not again in a hired the command runs
            if (std::system(command.c_str()) != 0)
                fail(Exit::env, "HIRED_TEST_BEFORE_PUSH failed: {}", command);
        };
    }
    Journal journal(ctx.journal_dir());
    SyncReport r = tracker::sync(journal, options);
    if (ctx.globals.json) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& f : r.files)
            files.push_back(
                {{"path", f.path}, {"from_ours", f.from_ours}, {"from_theirs", f.from_theirs}});
        ctx.print_json({{"remote", r.remote},
                        {"remembered", r.remembered},
                        {"adopted", r.adopted},
                        {"fetched", r.fetched},
                        {"pushed", r.pushed},
                        {"fast_forward", r.fast_forward},
                        {"merged", r.merged},
                        {"files", files},
                        {"conflicts", r.conflicts},
                        {"rounds", r.rounds},
                        {"hand_edits", r.hand_edits},
                        {"merged_local", r.merged_local},
                        {"head", r.head}});
        return 0;
    }
    std::string out;
    if (r.remembered) out += fmt::format("remote: {} (remembered as origin)\n", r.remote);
    if (!r.hand_edits.empty())
        out += fmt::format("committed your hand edits: {}\n", fmt::join(r.hand_edits, ", "));
    if (r.adopted)
        out += fmt::format("adopted the journal of {}: {}\n", r.remote,
                           plural_of(r.fetched, "commit"));
    else if (r.fetched == 0 && r.pushed == 0)
        out += "up to date\n";
    else
        out += fmt::format("fetched {}, pushed {}{}\n", plural_of(r.fetched, "commit"), r.pushed,
                           r.fast_forward ? " (fast-forward)" : "");
    for (const auto& f : r.files)
        out += fmt::format("merged {} (ours: {}; theirs: {})\n", f.path,
                           records_summary(f.from_ours), records_summary(f.from_theirs));
    for (const auto& c : r.conflicts)
        out += ctx.style.yellow("conflict: ") + c + "\n";
    if (r.merged_local) out += "changes you made during the sync were merged in too\n";
    std::cout << out;
    return 0;
}

int status(Context& ctx, const Args& args) {
    CommandLine cl(ctx, "status", "",
                   "The journal against its remote as of the last sync (no network): commits "
                   "ahead and behind, and files not committed.");
    if (!cl.parse(args)) return 0;
    Journal journal(ctx.journal_dir());
    SyncStatus s = sync_status(journal);
    if (ctx.globals.json) {
        nlohmann::json j = {
            {"remote", s.remote ? nlohmann::json(*s.remote) : nlohmann::json()},
            {"tracked", s.tracked},
            {"ahead", s.ahead},
            {"behind", s.behind},
            {"last_fetch", s.last_fetch ? nlohmann::json(*s.last_fetch) : nlohmann::json()},
            {"head", s.head},
            {"uncommitted", s.uncommitted}};
        ctx.print_json(j);
        return 0;
    }
    std::string out;
    if (!s.remote)
        out += "no remote (hired sync --remote URL)\n";
    else if (!s.tracked)
        out += fmt::format("remote: {} (nothing fetched yet)\n", *s.remote);
    else
        out += fmt::format("remote: {}\nahead {}, behind {} (as of the last sync)\n", *s.remote,
                           s.ahead, s.behind);
    if (s.uncommitted.empty())
        out += "no uncommitted files\n";
    else {
        out += fmt::format("{} not committed:\n", plural_of(s.uncommitted.size(), "file"));
        for (const auto& u : s.uncommitted)
            out += "  " + u + "\n";
    }
    std::cout << out;
    return 0;
}

} // namespace hired::cli
