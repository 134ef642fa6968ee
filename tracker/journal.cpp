#include "journal.hpp"

#include "git.hpp"
#include "lock.hpp"
#include "merge.hpp"
#include "records.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/yaml_doc.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <set>

namespace hired::tracker {

namespace {

constexpr const char* format_file = "hired.yaml";
constexpr const char* lock_file = "hired.lock";
// A change is committed first and its files are written after: the commit
// (its objects stored, main not yet moved) and the paths it is about to
// write or remove are listed here, flushed, before main moves; the list is
// removed once the files and the index are written. After a crash at any
// instant, recover() finds either main still at the parent (the change did
// not happen; no file was touched yet) or main at the listed commit (the
// change happened; the files that are not written yet are written). So a
// recovery never makes a commit of its own, and a command that failed
// before main moved has changed nothing. See write_pending for the format.
constexpr const char* pending_file = "hired-pending";
constexpr const char* pending_header = "hired-pending 2";
constexpr int format_version = 1;
constexpr const char* format_text =
    "# The journal of hired (interviews, contacts, lessons, practice), a git repository.\n"
    "format: 1\n";
constexpr const char* create_message = "journal: created";

// Per path: the new content, or nullopt to remove it.
using Staged = std::map<std::string, std::optional<std::string>>;

std::string errno_text() {
    return hired::errno_text(errno);
}

void require_path(std::string_view rel) {
    if (!Journal::is_valid_path(rel)) fail(Exit::data, "invalid journal path \"{}\"", rel);
}

void fsync_dir(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

bool is_regular(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// A regular file's content; nullopt when there is none (or something else
// stands there).
std::optional<std::string> read_regular(const fs::path& p) {
    if (!is_regular(p)) return std::nullopt;
    return try_read_file(p);
}

// Creates the missing folders leading to rel, each 0700 whatever the umask.
void make_parents(const fs::path& root, const std::string& rel) {
    for (size_t pos = rel.find('/'); pos != std::string::npos; pos = rel.find('/', pos + 1)) {
        fs::path d = root / rel.substr(0, pos);
        if (::mkdir(d.c_str(), 0700) == 0) {
            ::chmod(d.c_str(), 0700);
            fsync_dir(d.parent_path());
        } else if (errno != EEXIST) {
            fail(Exit::env, "cannot create folder {}: {}", d.string(), errno_text());
        }
    }
}

// Removes rel and the folders it leaves empty.
void remove_file(const fs::path& root, const std::string& rel) {
    fs::path p = root / rel;
    if (::unlink(p.c_str()) != 0) {
        if (errno == ENOENT) return;
        fail(Exit::env, "cannot remove {}: {}", p.string(), errno_text());
    }
    fsync_dir(p.parent_path());
    for (size_t pos = rel.rfind('/'); pos != std::string::npos && pos > 0;
         pos = rel.rfind('/', pos - 1)) {
        fs::path d = root / rel.substr(0, pos);
        if (::rmdir(d.c_str()) != 0) break;
        fsync_dir(d.parent_path());
    }
}

// Regular files and folders by the type readdir gives (no stat per entry
// unless the file system leaves it unknown). Anything else (a symbolic link,
// a FIFO, a socket, a device) goes into odd, whatever its name.
void list_into(const fs::path& dir, const std::string& prefix, const std::string& ext,
               std::vector<std::string>& out, std::vector<std::string>& odd) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) fail(Exit::env, "cannot list {}: {}", dir.string(), errno_text());
    std::vector<std::string> folders;
    while (dirent* e = ::readdir(d)) {
        std::string_view name = e->d_name;
        if (name.empty() || name[0] == '.') continue; // .git, temporary files
        unsigned char type = e->d_type;
        if (type == DT_UNKNOWN) {
            struct stat st {};
            if (::fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
        }
        if (type == DT_DIR)
            folders.emplace_back(name);
        else if (type != DT_REG)
            odd.push_back(prefix + std::string(name));
        else if (name.size() >= ext.size() &&
                 name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
            out.push_back(prefix + std::string(name));
    }
    ::closedir(d);
    for (const auto& f : folders)
        list_into(dir / f, prefix + f + "/", ext, out, odd);
}

// The files under folder (see Journal::list), and what is there that is not
// a plain file or a folder.
std::vector<std::string> list_files(const fs::path& root, const std::string& folder,
                                    const std::string& ext, std::vector<std::string>& odd) {
    std::vector<std::string> out;
    fs::path base = folder.empty() ? root : root / folder;
    struct stat st {};
    if (::lstat(base.c_str(), &st) != 0) return out;
    if (!S_ISDIR(st.st_mode)) {
        if (!folder.empty()) odd.push_back(folder); // a linked folder, say
        return out;
    }
    list_into(base, folder.empty() ? "" : folder + "/", ext, out, odd);
    std::sort(out.begin(), out.end());
    std::sort(odd.begin(), odd.end());
    return out;
}

std::vector<std::string> list_files(const fs::path& root, const std::string& folder,
                                    const std::string& ext) {
    std::vector<std::string> odd;
    return list_files(root, folder, ext, odd);
}

// True for write_file_atomic's temporary names: ".NAME.tmp-PID-N".
bool is_temporary_name(const std::string& name) {
    if (name.size() < 2 || name[0] != '.') return false;
    size_t at = name.rfind(".tmp-");
    if (at == std::string::npos || at == 0) return false;
    size_t dash = name.find('-', at + 5);
    if (dash == std::string::npos || dash == at + 5 || dash + 1 == name.size()) return false;
    auto digits = [&](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i)
            if (name[i] < '0' || name[i] > '9') return false;
        return true;
    };
    return digits(at + 5, dash) && digits(dash + 1, name.size());
}

// Removes the entries of dir whose name satisfies pred; returns how many.
template <typename Pred> int remove_matching(const fs::path& dir, Pred pred) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) return 0;
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d))
        if (pred(std::string(e->d_name))) names.emplace_back(e->d_name);
    ::closedir(d);
    int removed = 0;
    for (const auto& n : names)
        if (::unlink((dir / n).c_str()) == 0) ++removed;
    if (removed) fsync_dir(dir);
    return removed;
}

// The lock files libgit2 leaves when killed while writing; only called
// with the journal's lock held, when a crash is known to have happened.
std::vector<std::string> remove_stale_git_locks(const fs::path& gitdir) {
    std::vector<std::string> removed;
    for (const char* lock :
         {"index.lock", "HEAD.lock", "refs/heads/main.lock", "packed-refs.lock", "config.lock"})
        if (::unlink((gitdir / lock).c_str()) == 0) removed.emplace_back(lock);
    return removed;
}

std::string commit_message(const std::string& message) {
    std::string m = message;
    while (!m.empty() &&
           (m.back() == '\n' || m.back() == '\r' || m.back() == ' ' || m.back() == '\t'))
        m.pop_back();
    if (m.empty() || m[0] == '\n') fail(Exit::data, "a journal change needs a message");
    return m + "\n";
}

// The name of this clone of the journal, for the "Hired-Machine:" trailer
// of its commits: 16 random hex digits in .git/hired-machine, made on first
// use (under the lock). Never committed, so each clone has its own.
constexpr const char* machine_file = "hired-machine";

std::string machine_id(const fs::path& gitdir) {
    auto valid = [](const std::string& s) {
        return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
               });
    };
    if (auto text = try_read_file(gitdir / machine_file)) {
        std::string id = text->substr(0, text->find('\n'));
        if (valid(id)) return id;
    }
    std::string id = new_id() + new_id();
    write_file_atomic(gitdir / machine_file, id + "\n", 0600);
    return id;
}

// A trailer's value in a commit message ("Hired-Undo: <id>"), else "".
std::string trailer(const git_commit* c, std::string_view name) {
    const char* m = git_commit_message(c);
    std::string_view msg = m ? m : "";
    std::string key = std::string(name) + ": ";
    for (size_t pos = 0; pos < msg.size();) {
        size_t end = msg.find('\n', pos);
        if (end == std::string_view::npos) end = msg.size();
        std::string_view line = msg.substr(pos, end - pos);
        if (pos > 0 && line.starts_with(key)) return std::string(line.substr(key.size()));
        pos = end + 1;
    }
    return "";
}

CommitInfo info_of(const git_commit* c) {
    CommitInfo info;
    info.id = git::hex(*git_commit_id(c));
    const char* m = git_commit_message(c);
    std::string_view msg = m ? m : "";
    info.message = std::string(msg.substr(0, msg.find('\n')));
    if (const git_signature* a = git_commit_author(c)) {
        info.author = a->name ? a->name : "";
        info.email = a->email ? a->email : "";
    }
    info.time = git_commit_time(c);
    return info;
}

// What one path of a change does to the disk and the index: its new blob,
// or removal; and what the disk held there before the change.
struct Touch {
    std::string path;
    std::optional<git_oid> id;     // nullopt: removed
    std::optional<git_oid> before; // nullopt: no file was there
};

// The work done under the lock, on one open repository.
class Session {
public:
    Session(const fs::path& root, git_repository* repo, std::vector<std::string>& warnings)
        : root_(root), gitdir_(root / ".git"), repo_(repo), warnings_(warnings) {}

    // Commits staged and writes its files (see Journal::change). The commit
    // message ends with the trailers (this clone's "Hired-Machine:" first).
    std::optional<CommitInfo> apply(const std::string& message, const Staged& staged,
                                    const std::vector<std::string>& trailers = {});
    const std::string& machine() {
        if (machine_.empty()) machine_ = machine_id(gitdir_);
        return machine_;
    }
    std::vector<std::string> recover();
    // The first commit: hired.yaml (and whatever a journal copied without its
    // .git holds).
    void create();
    void check_format() const;
    // Moves main to target and writes what staged says (see Journal::advance).
    CommitInfo move_to(const Staged& staged, const git_commit* target);

private:
    struct Plan {
        git::Commit head;
        git::Tree base;
        std::vector<Touch> touched;                                     // disk + index
        std::vector<std::pair<std::string, const std::string*>> commit; // nullptr: removal
    };
    Plan plan(const Staged& staged) const;
    // The commit's objects, stored and read back; main does not move. nullopt
    // when the tree would not change.
    std::optional<git_oid> build_commit(const std::string& message,
                                        const std::vector<std::string>& trailers, Plan& plan);
    // Lists the change, moves main from plan.head to target (unless it is
    // there), writes the files and the index, and clears the list.
    void land(const Plan& plan, const git_oid& target, const Staged& staged,
              const std::string& reflog);
    void write_pending(const git_oid& target, const std::vector<Touch>& touched);
    // The files of touched onto the disk: staged's content, or removed.
    void write_touched(const std::vector<Touch>& touched, const Staged& staged);
    void clear_pending();
    void update_index(const std::vector<Touch>& touched);

    const fs::path& root_;
    fs::path gitdir_;
    git_repository* repo_;
    std::vector<std::string>& warnings_;
    std::string machine_;
};

Session::Plan Session::plan(const Staged& staged) const {
    Plan p;
    p.head = git::head_commit(repo_);
    p.base = p.head ? git::commit_tree(p.head.get()) : git::empty_tree(repo_);
    for (const auto& [path, content] : staged) {
        require_path(path);
        if (content) {
            auto next = staged.lower_bound(path + "/");
            if (next != staged.end() && next->first.compare(0, path.size() + 1, path + "/") == 0 &&
                next->second)
                fail(Exit::data, "cannot write both {} and {}", path, next->first);
        }
        git::TreeEntry old = git::entry_bypath(p.base.get(), path);
        if (old && git_tree_entry_type(old.get()) != GIT_OBJECT_BLOB)
            fail(Exit::data, "cannot {} {}: it is a folder in the journal",
                 content ? "write" : "remove", path);
        if (!old && content) {
            for (size_t pos = path.find('/'); pos != std::string::npos;
                 pos = path.find('/', pos + 1)) {
                git::TreeEntry up = git::entry_bypath(p.base.get(), path.substr(0, pos));
                if (up && git_tree_entry_type(up.get()) == GIT_OBJECT_BLOB)
                    fail(Exit::data, "cannot write {}: {} is a file", path, path.substr(0, pos));
            }
        }
        std::optional<std::string> disk = read_regular(root_ / path);
        std::optional<git_oid> before;
        if (disk) before = git::blob_id(*disk);
        if (content) {
            git_oid id = git::blob_id(*content);
            bool same = old && git_oid_equal(git_tree_entry_id(old.get()), &id) &&
                        git_tree_entry_filemode(old.get()) == GIT_FILEMODE_BLOB;
            // Unchanged from HEAD; the disk is brought back too if it differs.
            if (same && disk == *content) continue;
            p.touched.push_back({path, id, before});
            if (!same) p.commit.emplace_back(path, &*content);
        } else {
            if (old) p.commit.emplace_back(path, nullptr);
            if (old || disk || ::access((root_ / path).c_str(), F_OK) == 0)
                p.touched.push_back({path, std::nullopt, before});
        }
    }
    return p;
}

std::optional<git_oid> Session::build_commit(const std::string& message,
                                             const std::vector<std::string>& trailers, Plan& p) {
    if (p.commit.empty()) return std::nullopt;
    std::string msg = commit_message(message) + "\nHired-Machine: " + machine() + "\n";
    for (const auto& t : trailers)
        msg += t + "\n";
    git_oid tree_id = git::updated_tree(repo_, p.base.get(), p.commit, "building the new tree");
    if (git_oid_equal(&tree_id, git_tree_id(p.base.get()))) return std::nullopt;
    git_tree* raw_tree = nullptr;
    git::check(git_tree_lookup(&raw_tree, repo_, &tree_id), "reading the new tree");
    git::Tree tree(raw_tree);
    git::Signature sig = git::default_signature(repo_);
    const git_commit* parents[] = {p.head.get()};
    git_oid commit_id;
    git::check(git_commit_create(&commit_id, repo_, nullptr, sig.get(), sig.get(), nullptr,
                                 msg.c_str(), tree.get(), p.head ? 1 : 0, parents),
               "storing the commit");
    // main must never name an object that is not stored whole: read each new
    // object back from the object database before main moves to it.
    std::vector<git_oid> written = {commit_id, tree_id};
    for (const auto& [path, content] : p.commit) {
        if (content) written.push_back(git::blob_id(*content));
        for (size_t pos = path.find('/'); pos != std::string::npos; pos = path.find('/', pos + 1))
            if (git::TreeEntry e = git::entry_bypath(tree.get(), path.substr(0, pos)))
                written.push_back(*git_tree_entry_id(e.get()));
    }
    git::require_stored(repo_, written);
    return commit_id;
}

void Session::write_touched(const std::vector<Touch>& touched, const Staged& staged) {
    std::vector<std::pair<fs::path, std::string_view>> files;
    for (const auto& t : touched) {
        if (t.id) {
            make_parents(root_, t.path);
            files.emplace_back(root_ / t.path, *staged.at(t.path));
        } else {
            remove_file(root_, t.path);
        }
    }
    write_files_atomic(files, 0600);
}

// The list: a header line, "commit <id>" (the commit main moves to), then
// one line per path: "<new blob id or -> <blob id of the file before or -> <path>".
void Session::write_pending(const git_oid& target, const std::vector<Touch>& touched) {
    auto id_or_dash = [](const std::optional<git_oid>& id) { return id ? git::hex(*id) : "-"; };
    std::string text = fmt::format("{}\ncommit {}\n", pending_header, git::hex(target));
    for (const auto& t : touched)
        text += fmt::format("{} {} {}\n", id_or_dash(t.id), id_or_dash(t.before), t.path);
    write_file_atomic(gitdir_ / pending_file, text, 0600);
}

void Session::clear_pending() {
    // Not flushed: should the removal be lost in a power cut, recover()
    // merely compares those files with HEAD once more.
    ::unlink((gitdir_ / pending_file).c_str());
}

void Session::update_index(const std::vector<Touch>& touched) {
    std::vector<git::IndexEdit> edits;
    edits.reserve(touched.size());
    for (const auto& t : touched) {
        git::IndexEdit e{t.path, t.id, {}};
        // The stat data of the file just written, so that git sees it clean
        // without hashing it again.
        fs::path file = root_ / t.path;
        if (t.id && ::lstat(file.c_str(), &e.st) != 0)
            fail(Exit::env, "cannot read {}: {}", file.string(), errno_text());
        edits.push_back(std::move(e));
    }
    std::sort(edits.begin(), edits.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    // Only these entries change; the rest of the index is copied as it is.
    if (git::update_index(root_, edits)) return;

    // No index, or one in a form the above leaves to libgit2 (version 4,
    // for one). A missing or unreadable index is rebuilt from HEAD: git then
    // hashes the other files once, on its next status.
    git_index* raw = nullptr;
    bool rebuild = false;
    struct stat ist {};
    fs::path index_file = gitdir_ / "index";
    if (::stat(index_file.c_str(), &ist) != 0) {
        rebuild = true;
    } else if (git_repository_index(&raw, repo_) < 0) {
        fs::path aside = gitdir_ / fmt::format("index.unreadable-{}", ::time(nullptr));
        ::rename(index_file.c_str(), aside.c_str());
        rebuild = true;
    }
    if (!raw) git::check(git_repository_index(&raw, repo_), "opening the index");
    git::Index index(raw);
    if (rebuild) {
        if (git::Commit head = git::head_commit(repo_)) {
            git::Tree tree = git::commit_tree(head.get());
            git::check(git_index_read_tree(index.get(), tree.get()), "rebuilding the index");
        } else {
            git::check(git_index_clear(index.get()), "rebuilding the index");
        }
    }
    for (const auto& e : edits) {
        if (!e.id) {
            git::check(git_index_remove_bypath(index.get(), e.path.c_str()),
                       fmt::format("removing {} from the index", e.path));
            continue;
        }
        git_index_entry entry{};
        entry.ctime.seconds = static_cast<int32_t>(e.st.st_ctim.tv_sec);
        entry.ctime.nanoseconds = static_cast<uint32_t>(e.st.st_ctim.tv_nsec);
        entry.mtime.seconds = static_cast<int32_t>(e.st.st_mtim.tv_sec);
        entry.mtime.nanoseconds = static_cast<uint32_t>(e.st.st_mtim.tv_nsec);
        entry.dev = static_cast<uint32_t>(e.st.st_dev);
        entry.ino = static_cast<uint32_t>(e.st.st_ino);
        entry.mode = GIT_FILEMODE_BLOB;
        entry.uid = e.st.st_uid;
        entry.gid = e.st.st_gid;
        entry.file_size = static_cast<uint32_t>(e.st.st_size);
        entry.id = *e.id;
        entry.path = e.path.c_str();
        git::check(git_index_add(index.get(), &entry),
                   fmt::format("adding {} to the index", e.path));
    }
    git::check(git_index_write(index.get()), "writing the index");
}

void Session::land(const Plan& p, const git_oid& target, const Staged& staged,
                   const std::string& reflog) {
    try {
        write_pending(target, p.touched);
    } catch (const Error& e) {
        throw Error(e.code(), fmt::format("{}; nothing was changed", e.what()));
    }
    bool moves = !p.head || !git_oid_equal(git_commit_id(p.head.get()), &target);
    if (moves) {
        try {
            git::move_main(repo_, p.head ? git_commit_id(p.head.get()) : nullptr, target, reflog);
        } catch (...) {
            // Did it move all the same? Otherwise nothing happened: no file is
            // written yet, and the list goes.
            git::Commit now = git::head_commit(repo_);
            if (!now || !git_oid_equal(git_commit_id(now.get()), &target)) {
                clear_pending();
                try {
                    throw;
                } catch (const Error& e) {
                    throw Error(e.code(), fmt::format("{}; nothing was changed", e.what()));
                }
            }
        }
    }
    // The change is recorded. Writing its files can still fail (a full disk):
    // then the list stays, and the next command's recovery writes them.
    try {
        write_touched(p.touched, staged);
    } catch (const Error& e) {
        warnings_.push_back(fmt::format(
            "the change is committed ({}), but its files could not all be written: {}; the next "
            "hired command writes them",
            git::hex(target).substr(0, 12), e.what()));
        return;
    }
    try {
        update_index(p.touched);
    } catch (const Error& e) {
        warnings_.push_back(
            fmt::format("the change is committed and written, but git's index could "
                        "not be updated: {}; the next hired command updates it",
                        e.what()));
        return;
    }
    clear_pending();
}

std::optional<CommitInfo> Session::apply(const std::string& message, const Staged& staged,
                                         const std::vector<std::string>& trailers) {
    Plan p = plan(staged);
    if (p.touched.empty()) return std::nullopt;
    std::optional<git_oid> commit;
    try {
        commit = build_commit(message, trailers, p);
    } catch (const Error& e) {
        // Only objects nothing names were stored: the journal is as it was.
        throw Error(e.code(), fmt::format("{}; nothing was changed", e.what()));
    }
    if (!commit) {
        // Nothing to commit, but the disk differs from HEAD on a path the
        // change wrote back as HEAD has it: bring the disk back.
        if (!p.head) return std::nullopt;
        land(p, *git_commit_id(p.head.get()), staged, "");
        return std::nullopt;
    }
    land(p, *commit, staged, "commit: " + message.substr(0, message.find('\n')));
    git::Commit c = git::lookup_commit(repo_, *commit);
    return info_of(c.get());
}

std::vector<std::string> Session::recover() {
    std::vector<std::string> done;
    // A crash while the list itself was being written, or while the commit's
    // objects were (before the list): libgit2's temporary objects. We hold
    // the journal's lock, so nobody else is writing them.
    remove_matching(gitdir_, [](const std::string& n) {
        return n.rfind(std::string(".") + pending_file + ".tmp-", 0) == 0;
    });
    remove_matching(gitdir_ / "objects",
                    [](const std::string& n) { return n.rfind("tmp_object", 0) == 0; });
    auto text = try_read_file(gitdir_ / pending_file);
    if (!text) return done;

    std::vector<std::string> lines;
    for (size_t start = 0; start < text->size();) {
        size_t end = text->find('\n', start);
        if (end == std::string::npos) end = text->size();
        lines.push_back(text->substr(start, end - start));
        start = end + 1;
    }

    // libgit2's lock files, left by a crash while main or the index moved.
    for (const auto& lock : remove_stale_git_locks(gitdir_))
        done.push_back(fmt::format("removed a stale .git/{}", lock));

    // The list's paths, with what the change meant to write there.
    std::optional<git_oid> target;
    std::vector<Touch> touched;
    bool readable = !lines.empty() && lines[0] == pending_header && lines.size() >= 2 &&
                    lines[1].rfind("commit ", 0) == 0;
    if (readable) {
        git_oid id;
        readable = git_oid_fromstr(&id, lines[1].c_str() + 7) == 0;
        if (readable) target = id;
    }
    for (size_t i = readable ? 2 : 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (!readable) { // an older hired's list: paths only
            if (Journal::is_valid_path(line)) touched.push_back({line, std::nullopt, std::nullopt});
            continue;
        }
        size_t a = line.find(' '), b = a == std::string::npos ? a : line.find(' ', a + 1);
        if (b == std::string::npos || !Journal::is_valid_path(line.substr(b + 1))) continue;
        auto parse_id = [](const std::string& s) -> std::optional<git_oid> {
            git_oid id;
            if (s == "-" || git_oid_fromstr(&id, s.c_str()) != 0) return std::nullopt;
            return id;
        };
        touched.push_back({line.substr(b + 1), parse_id(line.substr(0, a)),
                           parse_id(line.substr(a + 1, b - a - 1))});
    }

    std::set<std::string> folders;
    for (const auto& t : touched) {
        size_t slash = t.path.rfind('/');
        folders.insert(slash == std::string::npos ? "" : t.path.substr(0, slash));
    }
    int temporaries = 0;
    for (const auto& folder : folders)
        temporaries += remove_matching(folder.empty() ? root_ : root_ / folder, is_temporary_name);
    if (temporaries)
        done.push_back(
            fmt::format("removed {} temporary file{}", temporaries, temporaries == 1 ? "" : "s"));

    git::Commit head = git::head_commit(repo_);
    bool happened = target && head && git_oid_equal(git_commit_id(head.get()), &*target);
    if (!readable) {
        // Written by an earlier version, which wrote files before committing:
        // leave them as they are (any not committed show in `hired status`).
        done.push_back("an interrupted change of an earlier hired: its files are left as they are");
    } else if (!happened) {
        // main never moved: the change did not happen, and no file was touched.
        done.push_back("an interrupted change had not been committed; nothing of it was kept");
    } else {
        // The change happened: write what is not written yet, unless a file
        // changed since (then it is left as it is, and said so).
        git::Tree tree = git::commit_tree(head.get());
        Staged want;
        std::vector<Touch> finish;
        for (const auto& t : touched) {
            git::TreeEntry e = git::entry_bypath(tree.get(), t.path);
            std::optional<git_oid> now_id;
            if (e && git_tree_entry_type(e.get()) == GIT_OBJECT_BLOB)
                now_id = *git_tree_entry_id(e.get());
            std::optional<std::string> disk = read_regular(root_ / t.path);
            std::optional<git_oid> disk_id;
            if (disk) disk_id = git::blob_id(*disk);
            auto same = [](const std::optional<git_oid>& x, const std::optional<git_oid>& y) {
                return x.has_value() == y.has_value() && (!x || git_oid_equal(&*x, &*y));
            };
            if (same(disk_id, now_id)) {
                finish.push_back({t.path, now_id, disk_id}); // written; the index may lag
                continue;
            }
            if (!same(disk_id, t.before)) {
                done.push_back(
                    fmt::format("left {} as it is: it changed after the interruption", t.path));
                continue;
            }
            want[t.path] =
                now_id ? std::optional<std::string>(git::blob_text(repo_, *now_id)) : std::nullopt;
            finish.push_back({t.path, now_id, disk_id});
        }
        std::vector<Touch> to_write;
        for (const auto& t : finish)
            if (want.count(t.path)) to_write.push_back(t);
        write_touched(to_write, want);
        update_index(finish);
        if (!to_write.empty())
            done.push_back(fmt::format("wrote {} file{} of the last change ({})", to_write.size(),
                                       to_write.size() == 1 ? "" : "s",
                                       git::hex(*target).substr(0, 12)));
        else if (!finish.empty())
            done.push_back("brought git's index up to date after an interrupted change");
    }
    clear_pending();
    if (done.empty()) done.push_back("finished an interrupted change");
    return done;
}

void Session::create() {
    Staged staged;
    if (auto existing = read_regular(root_ / format_file)) {
        // A journal copied without its .git: keep all of it.
        for (const auto& path : list_files(root_, "", ""))
            if (Journal::is_valid_path(path)) staged[path] = read_regular(root_ / path);
    } else {
        staged[format_file] = std::string(format_text);
    }
    apply(create_message, staged);
}

void Session::check_format() const {
    fs::path file = root_ / format_file;
    auto text = read_regular(file);
    if (!text)
        fail(Exit::data, "{} is missing: {} is a git repository but not a hired journal",
             file.string(), root_.string());
    yaml::NodePtr doc = yaml::parse(*text, file.string());
    const yaml::Node* v = doc->is_map() ? doc->find("format") : nullptr;
    if (!v)
        fail_at(file.string(), doc->mark.line, doc->mark.column,
                "expected \"format: {}\" (the journal's format version)", format_version);
    int64_t format = yaml::as_int(*v, file.string(), "format", 1, 1'000'000);
    if (format > format_version)
        fail(Exit::data, "{}: the journal has format {}, newer than this hired understands ({})",
             file.string(), format, format_version);
}

class StagedChange final : public Change {
public:
    explicit StagedChange(const fs::path& root) : root_(root) {}
    ~StagedChange() override {
        if (root_fd_ >= 0) ::close(root_fd_);
    }
    StagedChange(const StagedChange&) = delete;
    StagedChange& operator=(const StagedChange&) = delete;
    void write(const std::string& rel, const std::string& content) override {
        require_path(rel);
        staged_[rel] = content;
    }
    void remove(const std::string& rel) override {
        require_path(rel);
        staged_[rel] = std::nullopt;
    }
    std::optional<std::string> read(const std::string& rel) const override {
        require_path(rel);
        if (auto it = staged_.find(rel); it != staged_.end()) return it->second;
        if (root_fd_ < 0) {
            root_fd_ = ::open(root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
            if (root_fd_ < 0)
                fail(Exit::env, "cannot open the journal {}: {}", root_.string(), errno_text());
        }
        return read_plain_file(root_fd_, root_, rel);
    }
    const Staged& staged() const { return staged_; }

private:
    const fs::path& root_;
    Staged staged_;
    mutable int root_fd_ = -1;
};

// What undo writes: for each path that differs between current and target,
// target's content (nullopt where target has none).
void revert_into(git_repository* repo, const git_tree* target, const git_tree* current,
                 const std::string& prefix, Staged& out);

// Every file below tree, with its content (keep) or as a removal.
void all_files(git_repository* repo, const git_tree* tree, const std::string& prefix, bool keep,
               Staged& out) {
    git::for_each_file(repo, tree, prefix, [&](const std::string& path, const git_tree_entry* e) {
        if (!keep) {
            out[path] = std::nullopt;
            return;
        }
        out[path] = git::blob_text(repo, *git_tree_entry_id(e));
    });
}

void revert_into(git_repository* repo, const git_tree* target, const git_tree* current,
                 const std::string& prefix, Staged& out) {
    std::map<std::string, std::pair<const git_tree_entry*, const git_tree_entry*>> names;
    for (size_t i = 0, n = git_tree_entrycount(target); i < n; ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(target, i);
        names[git_tree_entry_name(e)].first = e;
    }
    for (size_t i = 0, n = git_tree_entrycount(current); i < n; ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(current, i);
        names[git_tree_entry_name(e)].second = e;
    }
    auto subtree = [&](const git_tree_entry* e) {
        git_tree* t = nullptr;
        git::check(git_tree_lookup(&t, repo, git_tree_entry_id(e)), "reading a tree");
        return git::Tree(t);
    };
    for (const auto& [name, pair] : names) {
        auto [want, have] = pair;
        std::string path = prefix + name;
        if (want && have && git_oid_equal(git_tree_entry_id(want), git_tree_entry_id(have)) &&
            git_tree_entry_filemode(want) == git_tree_entry_filemode(have))
            continue;
        bool want_tree = want && git_tree_entry_type(want) == GIT_OBJECT_TREE;
        bool have_tree = have && git_tree_entry_type(have) == GIT_OBJECT_TREE;
        if (want && have && want_tree != have_tree)
            fail(Exit::data, "cannot undo: {} changed between a file and a folder", path);
        if (want_tree && have_tree) {
            revert_into(repo, subtree(want).get(), subtree(have).get(), path + "/", out);
        } else if (want_tree) {
            all_files(repo, subtree(want).get(), path + "/", true, out);
        } else if (have_tree) {
            all_files(repo, subtree(have).get(), path + "/", false, out);
        } else if (want) {
            out[path] = git::blob_text(repo, *git_tree_entry_id(want));
        } else {
            out[path] = std::nullopt;
        }
    }
}

} // namespace

Journal::Journal(fs::path dir) : dir_(std::move(dir)) {}

Journal::~Journal() {
    if (root_fd_ >= 0) ::close(root_fd_);
}

bool Journal::exists() const {
    return is_regular(dir_ / format_file);
}

std::optional<std::string> Journal::read(const std::string& rel) const {
    require_path(rel);
    if (root_fd_ < 0) {
        root_fd_ = ::open(dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (root_fd_ < 0) {
            if (errno == ENOENT) return std::nullopt;
            fail(Exit::env, "cannot open the journal {}: {}", dir_.string(), errno_text());
        }
    }
    return read_plain_file(root_fd_, dir_, rel);
}

std::vector<std::string> Journal::list(const std::string& folder, const std::string& ext,
                                       bool strict) const {
    if (!folder.empty()) require_path(folder);
    std::vector<std::string> odd;
    auto out = list_files(dir_, folder, ext, odd);
    if (strict && !odd.empty()) read(odd.front()); // refuses it, naming what it is
    return out;
}

std::vector<std::string> Journal::odd_files() const {
    std::vector<std::string> odd;
    list_files(dir_, "", "", odd);
    return odd;
}

bool Journal::is_valid_path(std::string_view rel) {
    if (rel.empty() || rel.size() > 4096) return false;
    size_t start = 0;
    for (;;) {
        size_t end = rel.find('/', start);
        std::string_view part =
            rel.substr(start, end == std::string_view::npos ? rel.npos : end - start);
        if (part.empty() || part.size() > 255 || part == "." || part == "..") return false;
        if (part.size() == 4 && (part[0] == '.') && (part[1] | 0x20) == 'g' &&
            (part[2] | 0x20) == 'i' && (part[3] | 0x20) == 't')
            return false;
        for (char ch : part) {
            auto c = static_cast<unsigned char>(ch);
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-' || c >= 0x80;
            if (!ok) return false;
        }
        if (end == std::string_view::npos) return true;
        start = end + 1;
    }
}

void Journal::use_git() const {
    if (!git_) git_ = std::make_unique<git::Library>();
}

namespace {

// The journal's folder (0700) and its .git, made before the lock can be
// taken; refuses to turn a folder holding something else into a journal.
void prepare_folder(const fs::path& dir) {
    make_dirs(dir, 0700);
    fs::path gitdir = dir / ".git";
    std::error_code ec;
    if (fs::exists(gitdir, ec)) return;
    if (!fs::exists(dir / format_file, ec)) {
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.path().filename() != ".git")
                fail(Exit::data,
                     "{} is not empty and not a hired journal: choose another folder "
                     "(--journal DIR or HIRED_JOURNAL)",
                     dir.string());
    }
    if (::mkdir(gitdir.c_str(), 0700) != 0 && errno != EEXIST)
        fail(Exit::env, "cannot create folder {}: {}", gitdir.string(), errno_text());
    ::chmod(gitdir.c_str(), 0700);
}

// Opens the repository, creating (or completing) it when needed, under the
// lock. A creation killed half-way may have left libgit2's lock files.
git::Repository open_for_writing(const fs::path& dir) {
    git::Repository repo = git::open(dir);
    if (repo && git::head_commit(repo.get())) return repo;
    remove_stale_git_locks(dir / ".git");
    // git_repository_init probes the file system with temporary files named
    // _git2_*; a kill during the probe leaves them behind.
    auto is_probe = [](const std::string& n) { return n.rfind("_git2_", 0) == 0; };
    remove_matching(dir, is_probe);
    remove_matching(dir / ".git", is_probe);
    ::chmod(dir.c_str(), 0700);
    return git::init(dir);
}

} // namespace

namespace {

// Marks a Journal as writing for one scope.
class Writing {
public:
    explicit Writing(bool& flag) : flag_(flag) {
        if (flag_) fail(Exit::data, "a journal change cannot start inside another one");
        flag_ = true;
    }
    ~Writing() { flag_ = false; }
    Writing(const Writing&) = delete;
    Writing& operator=(const Writing&) = delete;

private:
    bool& flag_;
};

} // namespace

std::optional<CommitInfo> Journal::change(const std::string& message,
                                          const std::function<void(Change&)>& edit) {
    Writing writing(writing_);
    prepare_folder(dir_);
    use_git();
    WriteLock lock(dir_ / ".git" / lock_file, lock_timeout_ms);
    git::Repository repo = open_for_writing(dir_);
    Session session(dir_, repo.get(), warnings);
    warnings.clear();
    recovered = session.recover();
    if (!git::head_commit(repo.get())) session.create();
    session.check_format();
    StagedChange staged(dir_);
    edit(staged);
    return session.apply(message, staged.staged());
}

std::vector<CommitInfo> Journal::history(size_t n) const {
    std::vector<CommitInfo> out;
    std::error_code ec;
    if (!fs::exists(dir_ / ".git", ec)) return out;
    use_git();
    git::Repository repo = git::open(dir_);
    if (!repo) return out;
    git::Commit c = git::head_commit(repo.get());
    while (c && (n == 0 || out.size() < n)) {
        out.push_back(info_of(c.get()));
        if (git_commit_parentcount(c.get()) == 0) break;
        git_commit* parent = nullptr;
        git::check(git_commit_parent(&parent, c.get(), 0), "reading history");
        c.reset(parent);
    }
    return out;
}

namespace {

git::Commit dup(const git_commit* c) {
    git_commit* raw = nullptr;
    git::check(git_commit_dup(&raw, const_cast<git_commit*>(c)), "reading history");
    return git::Commit(raw);
}

git::Commit parent_of(const git_commit* c) {
    git_commit* raw = nullptr;
    git::check(git_commit_parent(&raw, c, 0), "reading history");
    return git::Commit(raw);
}

// The content of path in tree, nullopt when it holds no file there.
std::optional<std::string> content_at(git_repository* repo, const git_tree* tree,
                                      const std::string& path) {
    git::TreeEntry e = git::entry_bypath(tree, path);
    if (!e || git_tree_entry_type(e.get()) != GIT_OBJECT_BLOB) return std::nullopt;
    return git::blob_text(repo, *git_tree_entry_id(e.get()));
}

// The history as undo and redo see it: which changes are undone now (an
// undo commit's target, unless the undo was itself taken back by a redo
// that is not undone, and so on), over every commit HEAD descends from
// (an undo made on another machine counts too).
struct UndoWalk {
    git_repository* repo;
    const std::string& machine;
    std::set<std::string> undone;

    void collect(const git_commit* head) {
        git_revwalk* raw = nullptr;
        git::check(git_revwalk_new(&raw, repo), "reading history");
        std::unique_ptr<git_revwalk, git::Deleter<git_revwalk_free>> walk(raw);
        // Children before parents: an undo comes after its change, a redo after its undo.
        git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL);
        git::check(git_revwalk_push(walk.get(), git_commit_id(head)), "reading history");
        git_oid id;
        while (git_revwalk_next(&id, walk.get()) == 0) {
            std::string hex = git::hex(id);
            if (undone.count(hex)) continue;
            git::Commit c = git::lookup_commit(repo, id);
            if (std::string u = trailer(c.get(), "Hired-Undo"); !u.empty()) undone.insert(u);
            if (std::string r = trailer(c.get(), "Hired-Redo"); !r.empty()) undone.insert(r);
        }
    }

    // The changes a sync merge brought in (its other parents' commits that
    // its first parent lacks), newest first, merges left out.
    std::vector<CommitInfo> brought_by(const git_commit* merge) {
        std::vector<CommitInfo> out;
        git_revwalk* raw = nullptr;
        git::check(git_revwalk_new(&raw, repo), "reading history");
        std::unique_ptr<git_revwalk, git::Deleter<git_revwalk_free>> walk(raw);
        git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
        for (unsigned i = 1; i < git_commit_parentcount(merge); ++i)
            git::check(git_revwalk_push(walk.get(), git_commit_parent_id(merge, i)),
                       "reading history");
        git::check(git_revwalk_hide(walk.get(), git_commit_parent_id(merge, 0)), "reading history");
        git_oid id;
        while (git_revwalk_next(&id, walk.get()) == 0) {
            if (undone.count(git::hex(id))) continue;
            git::Commit c = git::lookup_commit(repo, id);
            if (git_commit_parentcount(c.get()) == 1) out.push_back(info_of(c.get()));
        }
        return out;
    }

    bool foreign(const git_commit* c) const {
        if (git_commit_parentcount(c) > 1) return true; // a sync merge
        std::string m = trailer(c, "Hired-Machine");
        return !m.empty() && m != machine;
    }

    // Calls visit(commit) along the first parents from c, newest first, for
    // the commits whose effect stands; stops when visit says so or at the
    // journal's first commit.
    template <typename Visit> void walk(git::Commit c, Visit visit) {
        while (c && git_commit_parentcount(c.get()) > 0) {
            if (!undone.count(git::hex(*git_commit_id(c.get())))) {
                if (!visit(c.get())) return;
            }
            c = parent_of(c.get());
        }
    }
};

} // namespace

Journal::UndoResult Journal::undo(const std::string& commit) {
    return revert_step(false, commit);
}

Journal::UndoResult Journal::redo() {
    return revert_step(true, "");
}

Journal::UndoResult Journal::revert_step(bool redo, const std::string& named) {
    const char* verb = redo ? "redo" : "undo";
    Writing writing(writing_);
    std::error_code ec;
    if (!fs::exists(dir_ / ".git", ec)) fail(Exit::data, "nothing to {}", verb);
    use_git();
    WriteLock lock(dir_ / ".git" / lock_file, lock_timeout_ms);
    git::Repository repo = git::open(dir_);
    if (!repo) fail(Exit::data, "nothing to {}", verb);
    Session session(dir_, repo.get(), warnings);
    warnings.clear();
    recovered = session.recover();
    git::Commit head = git::head_commit(repo.get());
    if (!head || git_commit_parentcount(head.get()) == 0) fail(Exit::data, "nothing to {}", verb);
    session.check_format();

    UndoResult result;
    UndoWalk history{repo.get(), session.machine(), {}};
    history.collect(head.get());
    git::Commit target;
    if (!named.empty()) {
        // One change, named by its id (or a prefix of at least 4 digits).
        git_oid id;
        git_commit* raw = nullptr;
        bool hex = named.size() >= 4 && named.size() <= GIT_OID_HEXSZ &&
                   std::all_of(named.begin(), named.end(),
                               [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        if (!hex || git_oid_fromstrn(&id, named.c_str(), named.size()) != 0 ||
            git_commit_lookup_prefix(&raw, repo.get(), &id, named.size()) != 0)
            fail(Exit::data, "no change '{}' in the journal (hired history lists them)", named);
        target.reset(raw);
        std::string full = git::hex(*git_commit_id(target.get()));
        bool in_history = git_oid_equal(git_commit_id(target.get()), git_commit_id(head.get())) ||
                          git_graph_descendant_of(repo.get(), git_commit_id(head.get()),
                                                  git_commit_id(target.get())) == 1;
        if (!in_history)
            fail(Exit::data, "change {} is not in the journal's history (hired history lists it)",
                 full.substr(0, 12));
        if (history.undone.count(full))
            fail(Exit::data, "change {} is undone already ('hired redo' brings it back)",
                 full.substr(0, 12));
        if (git_commit_parentcount(target.get()) == 0)
            fail(Exit::data, "change {} created the journal; there is nothing before it",
                 full.substr(0, 12));
        if (git_commit_parentcount(target.get()) > 1)
            fail(Exit::data,
                 "change {} is a sync merge, which is not undone as a whole: undo the changes it "
                 "brought one by one (hired history lists them)",
                 full.substr(0, 12));
    } else if (!redo) {
        // The user's own latest change whose effect stands.
        history.walk(dup(head.get()), [&](const git_commit* c) {
            if (!trailer(c, "Hired-Undo").empty()) return true; // undo commits are not undone so
            if (history.foreign(c)) {
                if (git_commit_parentcount(c) > 1) {
                    auto brought = history.brought_by(c);
                    result.passed_over.insert(result.passed_over.end(), brought.begin(),
                                              brought.end());
                } else {
                    result.passed_over.push_back(info_of(c));
                }
                return true;
            }
            target = dup(c);
            return false;
        });
        if (!target) {
            if (!result.passed_over.empty()) {
                const CommitInfo& last = result.passed_over.front();
                fail(Exit::data,
                     "nothing of yours to undo: the last changes came from another machine (the "
                     "newest: {} '{}'); to undo one of those, name it: hired undo {}",
                     last.id.substr(0, 12), last.message, last.id.substr(0, 12));
            }
            fail(Exit::data, "nothing to undo");
        }
    } else {
        // The latest undo that no change of the user's came after.
        bool changed_since = false; // a change of the user's came after the undo
        bool undo_behind = false;
        history.walk(dup(head.get()), [&](const git_commit* c) {
            if (!trailer(c, "Hired-Undo").empty()) {
                if (changed_since)
                    undo_behind = true;
                else
                    target = dup(c);
                return false;
            }
            if (!trailer(c, "Hired-Redo").empty() || history.foreign(c)) return true;
            changed_since = true;
            return true;
        });
        if (!target)
            fail(Exit::data, "{}",
                 undo_behind ? "nothing to redo: the journal changed since the last undo"
                             : "nothing to redo");
    }

    // The revert, three-way: what target changed, taken back from HEAD.
    CommitInfo target_info = info_of(target.get());
    git::Commit before = parent_of(target.get());
    git::Tree before_tree = git::commit_tree(before.get());
    git::Tree changed_tree = git::commit_tree(target.get());
    git::Tree now_tree = git::commit_tree(head.get());
    Staged diff, staged;
    revert_into(repo.get(), before_tree.get(), changed_tree.get(), "", diff);
    for (const auto& [path, was] : diff) {
        std::optional<std::string> changed = content_at(repo.get(), changed_tree.get(), path);
        std::optional<std::string> now = content_at(repo.get(), now_tree.get(), path);
        FileMerge m = revert_file(path, changed, now, was);
        result.kept.insert(result.kept.end(), m.conflicts.begin(), m.conflicts.end());
        if (m.text != now) staged[path] = m.text;
    }
    std::string target_id = target_info.id;
    std::string message;
    std::vector<std::string> trailers;
    if (redo) {
        // An undo's message is "undo: <the change's>": say what comes back.
        std::string what = target_info.message.rfind("undo: ", 0) == 0
                               ? target_info.message.substr(6)
                               : target_info.message;
        message = "redo: " + what;
        trailers.push_back("Hired-Redo: " + target_id);
    } else {
        message = "undo: " + target_info.message;
        trailers.push_back("Hired-Undo: " + target_id);
    }
    auto info = session.apply(message, staged, trailers);
    if (!info && !result.kept.empty())
        fail(Exit::data, "cannot {} {} '{}': all it changed was changed again since ({})", verb,
             target_id.substr(0, 12), target_info.message, result.kept.front());
    if (!info)
        fail(Exit::data, "nothing to {}: what {} '{}' changed has been changed back since", verb,
             target_id.substr(0, 12), target_info.message);
    result.commit = *info;
    result.target = target_info;
    return result;
}

std::vector<std::string> Journal::recover() {
    Writing writing(writing_);
    std::error_code ec;
    if (!fs::is_directory(dir_ / ".git", ec)) return {};
    use_git();
    WriteLock lock(dir_ / ".git" / lock_file, lock_timeout_ms);
    git::Repository repo = git::open(dir_);
    if (!repo) return {};
    return Session(dir_, repo.get(), warnings).recover();
}

std::vector<std::string> Journal::finish_interrupted() {
    struct stat st {};
    if (::stat((dir_ / ".git" / pending_file).c_str(), &st) != 0) return {};
    Writing writing(writing_);
    use_git();
    std::optional<WriteLock> lock;
    try {
        lock.emplace(dir_ / ".git" / lock_file, 0);
    } catch (const Error&) {
        return {}; // a writer is at work: the list is its own
    }
    git::Repository repo = git::open(dir_);
    if (!repo) return {};
    warnings.clear();
    return recovered = Session(dir_, repo.get(), warnings).recover();
}

namespace {

CommitInfo Session::move_to(const Staged& staged, const git_commit* target) {
    Plan p = plan(staged);
    // A file edited by hand and not committed would be overwritten: refuse
    // (sync commits hand edits before it merges, so this is a last guard).
    for (const auto& t : p.touched) {
        git::TreeEntry e = p.base ? git::entry_bypath(p.base.get(), t.path) : nullptr;
        bool in_head = e && git_tree_entry_type(e.get()) == GIT_OBJECT_BLOB;
        bool same =
            t.before ? in_head && git_oid_equal(&*t.before, git_tree_entry_id(e.get())) : !in_head;
        if (!same)
            fail(Exit::data,
                 "{} has changes that are not committed; nothing was changed (commit them with "
                 "'hired edit {}', or undo them with 'git -C {} checkout -- {}')",
                 (root_ / t.path).string(), t.path, root_.string(), t.path);
    }
    land(p, *git_commit_id(target), staged, "sync");
    return info_of(target);
}

} // namespace

CommitInfo Journal::advance(const std::string& expected, const std::string& target,
                            const Remerge& remerge) {
    Writing writing(writing_);
    prepare_folder(dir_);
    use_git();
    WriteLock lock(dir_ / ".git" / lock_file, lock_timeout_ms);
    git::Repository repo = open_for_writing(dir_);
    Session session(dir_, repo.get(), warnings);
    warnings.clear();
    recovered = session.recover();
    git::Commit head = git::head_commit(repo.get());
    std::string now = head ? git::hex(*git_commit_id(head.get())) : "";
    std::string to_hex = target;
    if (now != expected) {
        git_oid was;
        bool moved_on = head && remerge && git_oid_fromstr(&was, expected.c_str()) == 0 &&
                        git_graph_descendant_of(repo.get(), git_commit_id(head.get()), &was) == 1;
        if (!moved_on)
            fail(Exit::env, "the journal changed while syncing (main is now {}); run sync again",
                 now.empty() ? "empty" : now.substr(0, 12));
        to_hex = remerge(now, target);
    }
    git_oid id;
    if (git_oid_fromstr(&id, to_hex.c_str()) != 0) fail(Exit::data, "bad commit id {}", to_hex);
    git::Commit to = git::lookup_commit(repo.get(), id);
    git::require_stored(repo.get(), {id, *git_commit_tree_id(to.get())});
    git::Tree want = git::commit_tree(to.get());
    git::Tree have = head ? git::commit_tree(head.get()) : git::empty_tree(repo.get());
    Staged staged;
    revert_into(repo.get(), want.get(), have.get(), "", staged);
    return session.move_to(staged, to.get());
}

} // namespace hired::tracker
