// The journal's storage: a folder of YAML files that is a git repository
// (branch main), written through libgit2. Reading is plain file access and
// never initialises libgit2; every change goes through Journal::change(),
// which takes the lock, writes each file atomically and makes exactly one
// commit, updating the tree incrementally (only the folders on the changed
// paths are rebuilt) and only the changed entries of .git/index, so that a
// change costs about the same in a journal of ten files or of thousands.
// After a crash at any instant, the next change (or recover()) finds a valid
// journal: HEAD always names a complete commit, stale locks are cleared, and
// files written but not committed are committed as a recovery.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::tracker {

namespace git {
class Library;
}

namespace fs = std::filesystem;

struct CommitInfo {
    std::string id;      // full hex object id
    std::string message; // first line
    std::string author;  // name
    int64_t time = 0;    // seconds since the epoch
    std::string email;   // the author's
};

// The files one change writes or removes; read() sees the staged state.
class Change {
public:
    virtual ~Change() = default;
    // rel is a path inside the journal with '/' separators, e.g. "companies/acme.yaml".
    virtual void write(const std::string& rel, const std::string& content) = 0;
    virtual void remove(const std::string& rel) = 0;
    virtual std::optional<std::string> read(const std::string& rel) const = 0;
};

class Journal {
public:
    explicit Journal(fs::path dir);
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    const fs::path& dir() const { return dir_; }
    bool exists() const; // a journal (hired.yaml) is there

    // Plain reads, no libgit2. Only plain files are read: a symbolic link
    // (also a linked folder on the way), a FIFO, a socket or a device is
    // refused with Error(data) naming it, and nothing ever blocks.
    std::optional<std::string> read(const std::string& rel) const;
    // Files under folder, recursively, ending in ext (all files for ""), as
    // paths relative to the journal ("companies/acme.yaml"), sorted; hidden
    // names (starting with '.') are skipped. folder "" is the whole journal.
    // Anything under folder that is not a plain file or a folder is refused
    // (Error(data) naming it), whatever its name.
    // With strict false they are left out instead (check reports them itself).
    std::vector<std::string> list(const std::string& folder, const std::string& ext = ".yaml",
                                  bool strict = true) const;
    // What is in the journal that is not a plain file or a folder (for check).
    std::vector<std::string> odd_files() const;

    // Creates the journal when needed, takes the lock (waiting up to
    // lock_timeout_ms), recovers from an earlier crash, runs edit, writes
    // the staged files atomically and commits them once with message.
    // Returns nullopt when edit staged nothing that differs from HEAD.
    std::optional<CommitInfo> change(const std::string& message,
                                     const std::function<void(Change&)>& edit);

    // The last n commits, newest first (n = 0: all).
    std::vector<CommitInfo> history(size_t n) const;
    // undo(): takes back the user's own latest change that is not undone
    // yet, as a new commit ("undo: <its message>"); repeated, it walks
    // further back, never re-applying what it undid (redo() does that).
    // "Own" means made on this clone of the journal: every commit carries a
    // "Hired-Machine:" trailer naming the clone (.git/hired-machine, never
    // synced); sync merges and changes that came from another machine are
    // passed over (and listed), never undone by a plain undo. undo(COMMIT)
    // takes back that one change (any but a merge). Undoing is a three-way
    // revert: what came after the change (later edits, records another
    // machine added) is kept and listed, never deleted.
    struct UndoResult {
        CommitInfo commit;                   // the new commit
        CommitInfo target;                   // the change taken back (undo) or brought back (redo)
        std::vector<std::string> kept;       // what changed since and was kept
        std::vector<CommitInfo> passed_over; // newer changes from elsewhere, not undone
    };
    UndoResult undo(const std::string& commit = "");
    // Takes back the latest undo that no change of the user's followed.
    UndoResult redo();
    // Brings a journal left by a crash back to a valid state; returns what it did
    // (empty when nothing was needed).
    std::vector<std::string> recover();
    // What recover() does, only when a change was interrupted (one stat()
    // otherwise) and only when no other process holds the lock (its change
    // is the one in progress). For read commands, so that they read what
    // the last change committed.
    std::vector<std::string> finish_interrupted();
    // For sync: moves main from the commit expected (hex; "" while there is
    // none) to target, a commit already stored in the repository (a
    // fast-forward, or a merge sync built), under the lock: the files that
    // differ are written atomically, then the branch moves, then the index.
    // When main moved on since expected, by changes made while sync was at
    // the network, remerge(head, target) (hex ids) gives the merge of the
    // two, built under the lock, and main moves there instead: sync never
    // fails because the user kept working. Without remerge, or when main
    // moved otherwise (not a descendant of expected), Error(Exit::env).
    using Remerge = std::function<std::string(const std::string& head, const std::string& target)>;
    CommitInfo advance(const std::string& expected, const std::string& target,
                       const Remerge& remerge = {});

    int lock_timeout_ms = 10000;
    // What the automatic recovery at the start of the last change() or undo()
    // did, one line each (empty when the journal needed nothing).
    std::vector<std::string> recovered;
    // What the last change(), undo() or advance() could not finish after its
    // commit landed (a full disk while writing its files): the change is
    // recorded, and the next write's recovery finishes it. One line each.
    std::vector<std::string> warnings;

    // True for a path that read/write/remove accept: relative, '/'-separated,
    // no empty, "." or ".." component, no ".git", only [A-Za-z0-9._/-] and
    // UTF-8 bytes (>= 0x80). Other paths are refused with Error(Exit::data).
    static bool is_valid_path(std::string_view rel);

private:
    void use_git() const; // creates git_ on first use
    // Runs work on the open repository, under the lock, after recovery.
    UndoResult revert_step(bool redo, const std::string& commit);
    fs::path dir_;
    mutable int root_fd_ = -1; // the journal folder, for reads that follow no link
    mutable std::unique_ptr<git::Library> git_;
    bool writing_ = false; // inside change()/undo(): a nested one would wait for itself
};

} // namespace hired::tracker
