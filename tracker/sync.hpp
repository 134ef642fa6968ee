// Synchronising the journal with a git remote (`hired sync`): fetch, then
// fast-forward, merge record by record (tracker/merge.hpp) or push, through
// libgit2. The remote is remembered as `origin` the first time it is given.
// A merge is built as git objects first; the remote is updated first (a
// push that is refused because the remote moved meanwhile means: fetch and
// merge again, a few times; never a force), and only then the local journal
// moves, through Journal::advance (the journal's lock, atomic files, index).
// So a failure of any kind leaves the local journal as it was.
//
// Transports: a local path or file:// (a bare repository), ssh (keys from
// ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa; the host key must be
// in ~/.ssh/known_hosts, as libgit2 checks it), https (the token in
// $HIRED_GIT_TOKEN, never stored). Failures are Error(Exit::env).
#pragma once

#include "journal.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace hired::tracker {

struct SyncOptions {
    std::optional<std::string> remote; // --remote URL
    int attempts = 3;                  // fetch-merge-push rounds when the remote keeps moving
    // Called once, just before the first push (tests use it to move the remote).
    std::function<void()> before_push;
};

struct MergedFile {
    std::string path;
    std::vector<std::string> from_ours, from_theirs; // records only one side added
};

struct SyncReport {
    std::string remote; // its URL
    bool remembered = false; // --remote was stored as origin (or changed it)
    bool adopted = false;    // the journal was created from the remote's history
    size_t fetched = 0;      // commits that came in
    size_t pushed = 0;       // commits that went out
    bool fast_forward = false;
    bool merged = false;
    std::vector<MergedFile> files; // changed on both sides
    std::vector<std::string> conflicts;
    std::vector<std::string> hand_edits; // files edited by hand, committed before the merge
    int rounds = 1; // fetch-merge-push rounds it took
    int merged_local = 0; // times changes made here during the sync were merged in at the end
    std::string head; // the journal's commit afterwards
};

SyncReport sync(Journal& journal, const SyncOptions& options);

struct SyncStatus {
    std::optional<std::string> remote; // URL of origin, when one is remembered
    bool tracked = false;              // a fetch has seen the remote's main
    size_t ahead = 0, behind = 0;      // against the last fetch
    std::optional<int64_t> last_fetch; // seconds since the epoch
    std::string head;
    std::vector<std::string> uncommitted; // files that differ from HEAD ("M companies/acme.yaml")
};

// From what is stored; no network.
SyncStatus sync_status(const Journal& journal);

} // namespace hired::tracker
