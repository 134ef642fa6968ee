#include "sync.hpp"

#include "git.hpp"
#include "merge.hpp"
#include "store.hpp"

#include "util/error.hpp"
#include "util/files.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <cstdlib>
#include <map>
#include <set>

namespace hired::tracker {

namespace {

constexpr const char* kRemote = "origin";
constexpr const char* kMain = "refs/heads/main";
constexpr const char* kTracking = "refs/remotes/origin/main";
// Where a merge commit waits while it is pushed, before main moves to it.
constexpr const char* kOutgoing = "refs/hired/outgoing";
constexpr int kMaxCredentialTries = 4;

using Remote = std::unique_ptr<git_remote, git::Deleter<git_remote_free>>;
using Revwalk = std::unique_ptr<git_revwalk, git::Deleter<git_revwalk_free>>;
using StatusList = std::unique_ptr<git_status_list, git::Deleter<git_status_list_free>>;

std::string last_git_error() {
    const git_error* e = git_error_last();
    return e && e->message ? e->message : "unknown error";
}

// What the transport callbacks share with the code that called libgit2.
struct Transport {
    int tries = 0;
    int userpass_tries = 0;
    int key_index = 0;    // 0: the agent, then the key files
    std::string refusal;  // why we stopped (shown instead of libgit2's message)
    std::string rejected; // a ref the remote refused to update, and why
};

// SSH_AUTH_SOCK names a socket that exists (an empty or stale one is ignored).
bool agent_reachable() {
    const char* sock = std::getenv("SSH_AUTH_SOCK");
    struct stat st {};
    return sock && *sock && ::stat(sock, &st) == 0 && S_ISSOCK(st.st_mode);
}

int credentials(git_credential** out, const char* url, const char* user_from_url,
                unsigned int allowed, void* payload) {
    auto* t = static_cast<Transport*>(payload);
    const char* user = user_from_url && *user_from_url ? user_from_url : nullptr;
    if (++t->tries > kMaxCredentialTries) {
        t->refusal = fmt::format("authentication to {} refused after {} tries",
                                 url ? url : "the remote", kMaxCredentialTries);
        return GIT_EUSER;
    }
    if (allowed & GIT_CREDENTIAL_SSH_KEY) {
        const char* name = user ? user : "git";
        if (t->key_index == 0) {
            ++t->key_index;
            // Only a live agent: libgit2 gives up on the first failure to
            // reach one, and the key files would never be tried.
            if (agent_reachable()) return git_credential_ssh_key_from_agent(out, name);
        }
        const char* home = std::getenv("HOME");
        static const char* const keys[] = {"id_ed25519", "id_ecdsa", "id_rsa"};
        while (home && t->key_index <= 3) {
            fs::path key = fs::path(home) / ".ssh" / keys[t->key_index - 1];
            ++t->key_index;
            std::error_code ec;
            if (!fs::exists(key, ec)) continue;
            fs::path pub = key;
            pub += ".pub";
            return git_credential_ssh_key_new(
                out, name, fs::exists(pub, ec) ? pub.c_str() : nullptr, key.c_str(), nullptr);
        }
        t->refusal = fmt::format("ssh authentication to {} refused: no key from ssh-agent or "
                                 "~/.ssh (id_ed25519, id_ecdsa, id_rsa) was accepted",
                                 url ? url : "the remote");
        return GIT_EUSER;
    }
    if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
        const char* token = std::getenv("HIRED_GIT_TOKEN");
        if (!token || !*token) {
            t->refusal = fmt::format("{} asks for credentials: set HIRED_GIT_TOKEN to an access "
                                     "token (it is never stored)",
                                     url ? url : "the remote");
            return GIT_EUSER;
        }
        if (++t->userpass_tries > 1) {
            t->refusal =
                fmt::format("{} refused the token in HIRED_GIT_TOKEN", url ? url : "the remote");
            return GIT_EUSER;
        }
        return git_credential_userpass_plaintext_new(out, user ? user : "x-access-token", token);
    }
    if (allowed & GIT_CREDENTIAL_USERNAME)
        return git_credential_username_new(out, user ? user : "git");
    t->refusal = "the remote asks for a kind of authentication hired does not support";
    return GIT_EUSER;
}

// libgit2 1.5.1 checks ssh host keys against ~/.ssh/known_hosts and TLS
// certificates against the system's CAs, and says so in valid; nothing it
// could not verify is accepted.
int certificate_check(git_cert* cert, int valid, const char* host, void* payload) {
    if (valid) return 0;
    auto* t = static_cast<Transport*>(payload);
    if (cert && cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2)
        t->refusal = fmt::format("the ssh host key of {} is not in ~/.ssh/known_hosts, or differs "
                                 "from the one there: connect once with ssh to check it, then "
                                 "sync again",
                                 host ? host : "the remote");
    else
        t->refusal = fmt::format("the TLS certificate of {} could not be verified",
                                 host ? host : "the remote");
    return GIT_ECERTIFICATE;
}

int push_update_reference(const char* refname, const char* status, void* payload) {
    if (status) static_cast<Transport*>(payload)->rejected = fmt::format("{}: {}", refname, status);
    return 0;
}

git_remote_callbacks callbacks(Transport& t) {
    git_remote_callbacks cb = GIT_REMOTE_CALLBACKS_INIT;
    cb.credentials = credentials;
    cb.certificate_check = certificate_check;
    cb.push_update_reference = push_update_reference;
    cb.payload = &t;
    return cb;
}

[[noreturn]] void remote_failure(const std::string& what, const std::string& url,
                                 const Transport& t) {
    fail(Exit::env, "cannot {} {}: {}", what, url,
         t.refusal.empty() ? last_git_error() : t.refusal);
}

// A local remote that is not there: libgit2 would only say "unsupported URL
// protocol".
void require_local_repository(const char* url) {
    std::string_view u = url ? url : "";
    if (u.starts_with("file://"))
        u.remove_prefix(7);
    else if (!u.starts_with("/") && !u.starts_with("."))
        return;
    std::error_code ec;
    if (!fs::exists(fs::path(std::string(u)), ec))
        fail(Exit::env,
             "cannot fetch from {}: there is no repository there (create one with: git "
             "init --bare {})",
             url, u);
}

void fetch(git_remote* remote) {
    require_local_repository(git_remote_url(remote));
    git::load_certificates();
    Transport t;
    git_fetch_options opts = GIT_FETCH_OPTIONS_INIT;
    opts.callbacks = callbacks(t);
    if (git_remote_fetch(remote, nullptr, &opts, "sync: fetch") < 0)
        remote_failure("fetch from", git_remote_url(remote), t);
}

// Pushes local ref src to the remote's main; false when the remote refused
// it (it moved on), with the reason in why.
bool push(git_remote* remote, const std::string& src, std::string& why) {
    git::load_certificates();
    Transport t;
    git_push_options opts = GIT_PUSH_OPTIONS_INIT;
    opts.callbacks = callbacks(t);
    std::string spec = src + ":" + kMain;
    char* specs[] = {spec.data()};
    git_strarray refspecs{specs, 1};
    if (git_remote_push(remote, &refspecs, &opts) < 0) {
        if (!t.refusal.empty()) remote_failure("push to", git_remote_url(remote), t);
        why = last_git_error();
        return false;
    }
    if (!t.rejected.empty()) {
        why = t.rejected;
        return false;
    }
    return true;
}

std::optional<git_oid> ref_target(git_repository* repo, const char* name) {
    git_oid id;
    if (git_reference_name_to_id(&id, repo, name) != 0) return std::nullopt;
    return id;
}

size_t count_commits(git_repository* repo, const git_oid& from) {
    git_revwalk* raw = nullptr;
    git::check(git_revwalk_new(&raw, repo), "walking history");
    Revwalk walk(raw);
    git::check(git_revwalk_push(walk.get(), &from), "walking history");
    size_t n = 0;
    git_oid id;
    while (git_revwalk_next(&id, walk.get()) == 0)
        ++n;
    return n;
}

std::map<std::string, git_oid> files_of(git_repository* repo, const git_tree* tree) {
    std::map<std::string, git_oid> out;
    if (tree)
        git::for_each_file(repo, tree, "", [&](const std::string& path, const git_tree_entry* e) {
            out[path] = *git_tree_entry_id(e);
        });
    return out;
}

std::optional<std::string> blob_text(git_repository* repo, const std::optional<git_oid>& id) {
    if (!id) return std::nullopt;
    return git::blob_text(repo, *id);
}

std::string count_of(size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The merge of ours and theirs as a commit with both parents; main does not move.
git_oid build_merge(git_repository* repo, git_commit* ours, git_commit* theirs,
                    SyncReport& report) {
    git_oid base_id;
    git::Commit base;
    int rc = git_merge_base(&base_id, repo, git_commit_id(ours), git_commit_id(theirs));
    if (rc == 0)
        base = git::lookup_commit(repo, base_id);
    else if (rc != GIT_ENOTFOUND)
        git::check(rc, "finding the merge base");
    git::Tree base_tree = base ? git::commit_tree(base.get()) : git::empty_tree(repo);
    git::Tree ours_tree = git::commit_tree(ours);
    git::Tree theirs_tree = git::commit_tree(theirs);
    auto b = files_of(repo, base_tree.get());
    auto o = files_of(repo, ours_tree.get());
    auto t = files_of(repo, theirs_tree.get());
    // The rule for a field both sides changed: the newer head commit wins, ties theirs.
    Side prefer = git_commit_time(ours) > git_commit_time(theirs) ? Side::ours : Side::theirs;

    std::set<std::string> paths;
    for (const auto* m : {&o, &t})
        for (const auto& [p, id] : *m)
            paths.insert(p);
    auto at = [](const std::map<std::string, git_oid>& m,
                 const std::string& p) -> std::optional<git_oid> {
        auto it = m.find(p);
        if (it == m.end()) return std::nullopt;
        return it->second;
    };
    auto eq = [](const std::optional<git_oid>& x, const std::optional<git_oid>& y) {
        return x.has_value() == y.has_value() && (!x || git_oid_equal(&*x, &*y));
    };
    std::vector<std::pair<std::string, std::optional<std::string>>> changes;
    size_t from_theirs = 0;
    for (const auto& p : paths) {
        auto bi = at(b, p), oi = at(o, p), ti = at(t, p);
        if (eq(oi, ti) || eq(bi, ti)) continue; // ours already has it
        if (eq(bi, oi)) {                       // only theirs changed it
            changes.emplace_back(p, blob_text(repo, ti));
            ++from_theirs;
            continue;
        }
        FileMerge m =
            merge_file(p, blob_text(repo, bi), blob_text(repo, oi), blob_text(repo, ti), prefer);
        report.files.push_back({p, m.from_ours, m.from_theirs});
        for (auto& c : m.conflicts)
            report.conflicts.push_back(std::move(c));
        if (m.text != blob_text(repo, oi)) changes.emplace_back(p, std::move(m.text));
    }

    std::vector<git::TreeChange> tree_changes;
    for (const auto& [path, text] : changes)
        tree_changes.emplace_back(path, text ? &*text : nullptr);
    git_oid tree_id =
        git::updated_tree(repo, ours_tree.get(), tree_changes, "building the merged tree");
    git_tree* raw_tree = nullptr;
    git::check(git_tree_lookup(&raw_tree, repo, &tree_id), "reading the merged tree");
    git::Tree tree(raw_tree);

    std::string first =
        report.files.empty()
            ? fmt::format("sync: merged ({} from theirs)", count_of(from_theirs, "file", "files"))
            : fmt::format("sync: merged {}", count_of(report.files.size(), "file", "files"));
    if (!report.conflicts.empty()) {
        first += "; " + report.conflicts.front();
        if (report.conflicts.size() > 1)
            first += fmt::format(" (and {} more)", report.conflicts.size() - 1);
    }
    std::string body;
    for (const auto& f : report.files)
        body += fmt::format("merged {} (ours: {}; theirs: {})\n", f.path,
                            count_of(f.from_ours.size(), "new record", "new records"),
                            count_of(f.from_theirs.size(), "new record", "new records"));
    for (const auto& c : report.conflicts)
        body += c + "\n";
    std::string message = first + "\n" + (body.empty() ? "" : "\n" + body);

    git::Signature sig = git::default_signature(repo);
    const git_commit* parents[] = {ours, theirs};
    git_oid id;
    git::check(git_commit_create(&id, repo, nullptr, sig.get(), sig.get(), nullptr, message.c_str(),
                                 tree.get(), 2, parents),
               "committing the merge");
    return id;
}

bool is_local_path(const std::string& url) {
    if (url.find("://") != std::string::npos) return false;
    std::error_code ec;
    return fs::exists(url, ec);
}

// origin, created or pointed at url when one is given.
Remote remember(git_repository* repo, const std::optional<std::string>& url, SyncReport& report,
                std::function<void()>& undo) {
    git_remote* raw = nullptr;
    int rc = git_remote_lookup(&raw, repo, kRemote);
    Remote remote(raw);
    if (rc != 0 && rc != GIT_ENOTFOUND) git::check(rc, "reading the remote");
    if (!url) {
        if (!remote)
            fail(Exit::usage, "no remote yet: give one with hired sync --remote URL (a path, "
                              "file://, ssh:// or https:// URL)");
        return remote;
    }
    std::string u = is_local_path(*url) ? fs::absolute(*url).lexically_normal().string() : *url;
    if (!remote) {
        git::check(git_remote_create(&raw, repo, kRemote, u.c_str()), "remembering the remote");
        remote.reset(raw);
        report.remembered = true;
        undo = [repo] { git_remote_delete(repo, kRemote); };
    } else if (git_remote_url(remote.get()) != u) {
        std::string before = git_remote_url(remote.get());
        git::check(git_remote_set_url(repo, kRemote, u.c_str()), "changing the remote");
        git::check(git_remote_lookup(&raw, repo, kRemote), "reading the remote");
        remote.reset(raw);
        report.remembered = true;
        undo = [repo, before] { git_remote_set_url(repo, kRemote, before.c_str()); };
    }
    return remote;
}

// Files edited by hand and not committed would be overwritten by what sync
// brings (and would never travel): they are committed first, as one change,
// once each has been validated as what its path says it is; one invalid file
// stops the sync with its file:line:column, nothing done. Only .yaml files
// are taken; anything else the user keeps in the folder is left alone.
std::vector<std::string> commit_hand_edits(Journal& journal, git_repository* repo) {
    if (!git::head_commit(repo)) return {};
    git_status_options opts = GIT_STATUS_OPTIONS_INIT;
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    git_status_list* list = nullptr;
    git::check(git_status_list_new(&list, repo, &opts), "reading the status");
    StatusList owned(list);
    std::set<std::string> paths;
    for (size_t i = 0, n = git_status_list_entrycount(list); i < n; ++i) {
        const git_status_entry* e = git_status_byindex(list, i);
        for (const git_diff_delta* d : {e->head_to_index, e->index_to_workdir}) {
            if (!d) continue;
            for (const char* p : {d->old_file.path, d->new_file.path})
                if (p && std::string_view(p).ends_with(".yaml") && Journal::is_valid_path(p))
                    paths.insert(p);
        }
    }
    std::vector<std::string> committed;
    if (paths.empty()) return committed;
    std::string message = fmt::format("hand edits: {}", *paths.begin());
    if (paths.size() > 1) message += fmt::format(" and {} more", paths.size() - 1);
    journal.change(message, [&](Change& change) {
        for (const auto& rel : paths) {
            std::optional<std::string> text = change.read(rel);
            if (!text) {
                change.remove(rel);
            } else {
                Warnings w;
                validate_file(rel, *text, (journal.dir() / rel).string(), w);
                change.write(rel, *text);
            }
            committed.push_back(rel);
        }
    });
    return committed;
}

bool empty_folder(const fs::path& dir) {
    std::error_code ec;
    return !fs::exists(dir, ec) || fs::is_empty(dir, ec);
}

} // namespace

SyncReport sync(Journal& journal, const SyncOptions& options) {
    git::Library library;
    const fs::path& dir = journal.dir();
    SyncReport report;
    std::error_code ec;

    // A machine with no journal yet adopts the remote's history.
    bool new_dir = !fs::exists(dir, ec);
    bool new_repo = !fs::exists(dir / ".git", ec);
    if (new_repo) {
        if (!options.remote)
            fail(Exit::usage, "no journal and no remote: give one with hired sync --remote URL");
        if (journal.exists()) {
            journal.change("journal: created", [](Change&) {}); // a journal copied without .git
            new_repo = false;
        } else if (!empty_folder(dir)) {
            fail(Exit::data,
                 "{} is not empty and not a hired journal: choose another folder "
                 "(--journal DIR or HIRED_JOURNAL)",
                 dir.string());
        } else {
            make_dirs(dir, 0700);
            make_dirs(dir / ".git", 0700);
            git::init(dir);
        }
    }
    std::function<void()> undo_remote; // uses repo: declared after it, run before it goes
    git::Repository repo;
    try {
        repo = git::open(dir);
        if (!repo) fail(Exit::data, "{} is not a git repository", dir.string());
        Remote remote = remember(repo.get(), options.remote, report, undo_remote);
        report.remote = git_remote_url(remote.get());
        fetch(remote.get());
        report.hand_edits = commit_hand_edits(journal, repo.get());
        undo_remote = nullptr; // the remote answered: remembered for good
        bool hook_done = false;

        for (int round = 1;; ++round) {
            report.rounds = round;
            git::Commit ours = git::head_commit(repo.get());
            std::optional<git_oid> theirs_id = ref_target(repo.get(), kTracking);
            if (!ours && !theirs_id) { // both empty: start a journal, then push it
                journal.change("journal: created", [](Change&) {});
                ours = git::head_commit(repo.get());
            }
            if (!ours) { // adopt
                report.fetched = count_commits(repo.get(), *theirs_id);
                report.head = journal.advance("", git::hex(*theirs_id)).id;
                report.adopted = true;
                return report;
            }
            std::string ours_hex = git::hex(*git_commit_id(ours.get()));
            git_oid target = *git_commit_id(ours.get());
            bool move_local = false;
            size_t behind = 0, ahead = 0;
            if (theirs_id) {
                git::check(git_graph_ahead_behind(&ahead, &behind, repo.get(),
                                                  git_commit_id(ours.get()), &*theirs_id),
                           "comparing with the remote");
                report.fetched += behind;
                if (behind > 0 && ahead == 0) {
                    target = *theirs_id;
                    move_local = true;
                    report.fast_forward = true;
                } else if (behind > 0) {
                    git::Commit theirs = git::lookup_commit(repo.get(), *theirs_id);
                    report.files.clear();
                    report.conflicts.clear();
                    target = build_merge(repo.get(), ours.get(), theirs.get(), report);
                    move_local = true;
                    report.merged = true;
                }
            }
            bool need_push = !theirs_id || !git_oid_equal(&target, &*theirs_id);
            if (need_push) {
                if (options.before_push && !hook_done) {
                    hook_done = true;
                    options.before_push();
                }
                size_t outgoing = theirs_id ? 0 : count_commits(repo.get(), target);
                if (theirs_id) {
                    size_t a = 0, b = 0;
                    git::check(git_graph_ahead_behind(&a, &b, repo.get(), &target, &*theirs_id),
                               "comparing with the remote");
                    outgoing = a;
                }
                std::string src = kMain;
                git_reference* raw = nullptr;
                if (move_local) {
                    git::check(git_reference_create(&raw, repo.get(), kOutgoing, &target, 1,
                                                    "sync: outgoing"),
                               "storing the merge");
                    git::Reference(raw).reset();
                    src = kOutgoing;
                }
                std::string why;
                bool ok = push(remote.get(), src, why);
                if (move_local && git_reference_lookup(&raw, repo.get(), kOutgoing) == 0) {
                    git_reference_delete(raw);
                    git_reference_free(raw);
                }
                if (!ok) {
                    // Refused: most likely the remote moved since the fetch.
                    std::optional<git_oid> before = theirs_id;
                    fetch(remote.get());
                    std::optional<git_oid> now = ref_target(repo.get(), kTracking);
                    bool moved = now && (!before || !git_oid_equal(&*now, &*before));
                    if (!moved)
                        fail(Exit::env, "the push to {} was refused: {}", report.remote, why);
                    if (round >= options.attempts)
                        fail(Exit::env,
                             "the remote {} kept moving during {} tries; the journal is unchanged, "
                             "sync again",
                             report.remote, options.attempts);
                    report.fetched -= behind;
                    continue;
                }
                report.pushed = outgoing;
            }
            report.head = git::hex(target);
            if (move_local) {
                // Changes made here meanwhile are merged in under the lock;
                // that merge goes out in the next round.
                auto remerge = [&](const std::string& head_hex, const std::string& target_hex) {
                    git::Repository r = git::open(dir);
                    git_oid h, t;
                    git_oid_fromstr(&h, head_hex.c_str());
                    git_oid_fromstr(&t, target_hex.c_str());
                    git::Commit hc = git::lookup_commit(r.get(), h),
                                tc = git::lookup_commit(r.get(), t);
                    SyncReport during;
                    git_oid merged = build_merge(r.get(), hc.get(), tc.get(), during);
                    report.conflicts.insert(report.conflicts.end(), during.conflicts.begin(),
                                            during.conflicts.end());
                    return git::hex(merged);
                };
                report.head = journal.advance(ours_hex, git::hex(target), remerge).id;
                if (report.head != git::hex(target)) {
                    ++report.merged_local;
                    if (round < options.attempts + 2) continue; // push the new merge
                }
            }
            return report;
        }
    } catch (const Error& e) {
        if (undo_remote) undo_remote();
        repo.reset();
        if (new_repo) {
            if (new_dir)
                fs::remove_all(dir, ec);
            else
                fs::remove_all(dir / ".git", ec);
        }
        // Say exactly what did happen: the hand edits' commit stands.
        if (!report.hand_edits.empty())
            throw Error(e.code(), fmt::format("{} (your hand edits to {} were committed first)",
                                              e.what(), fmt::join(report.hand_edits, ", ")));
        throw;
    } catch (...) {
        if (undo_remote) undo_remote();
        repo.reset();
        if (new_repo) {
            // Nothing was there before: leave nothing behind.
            if (new_dir)
                fs::remove_all(dir, ec);
            else
                fs::remove_all(dir / ".git", ec);
        }
        throw;
    }
}

SyncStatus sync_status(const Journal& journal) {
    SyncStatus s;
    std::error_code ec;
    if (!fs::exists(journal.dir() / ".git", ec)) return s;
    git::Library library;
    git::Repository repo = git::open(journal.dir());
    if (!repo) return s;
    git_remote* raw = nullptr;
    if (git_remote_lookup(&raw, repo.get(), kRemote) == 0) {
        Remote remote(raw);
        s.remote = git_remote_url(remote.get());
    }
    git::Commit head = git::head_commit(repo.get());
    if (head) s.head = git::hex(*git_commit_id(head.get()));
    if (auto theirs = ref_target(repo.get(), kTracking)) {
        s.tracked = true;
        if (head)
            git::check(git_graph_ahead_behind(&s.ahead, &s.behind, repo.get(),
                                              git_commit_id(head.get()), &*theirs),
                       "comparing with the remote");
        else
            s.behind = count_commits(repo.get(), *theirs);
    } else if (head) {
        s.ahead = count_commits(repo.get(), *git_commit_id(head.get()));
    }
    struct stat st {};
    if (::stat((journal.dir() / ".git" / "FETCH_HEAD").c_str(), &st) == 0)
        s.last_fetch = st.st_mtime;

    git_status_options opts = GIT_STATUS_OPTIONS_INIT;
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    git_status_list* list = nullptr;
    git::check(git_status_list_new(&list, repo.get(), &opts), "reading the status");
    StatusList owned(list);
    for (size_t i = 0, n = git_status_list_entrycount(list); i < n; ++i) {
        const git_status_entry* e = git_status_byindex(list, i);
        const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
        if (!d) continue;
        const char* path = d->new_file.path ? d->new_file.path : d->old_file.path;
        char mark = 'M';
        if (e->status & (GIT_STATUS_WT_NEW | GIT_STATUS_INDEX_NEW)) mark = '?';
        if (e->status & (GIT_STATUS_WT_DELETED | GIT_STATUS_INDEX_DELETED)) mark = 'D';
        s.uncommitted.push_back(fmt::format("{} {}", mark, path));
    }
    return s;
}

} // namespace hired::tracker
