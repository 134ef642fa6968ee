// The git layer of the journal: RAII over libgit2. One guard object for
// git_libgit2_init/shutdown, one std::unique_ptr alias per handle type, and
// check(), which turns a failed libgit2 call into hired::Error(Exit::env)
// carrying git_error_last()'s message. Nothing here knows about records.
#pragma once

#include <git2.h>
#include <sys/stat.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::tracker::git {

namespace fs = std::filesystem;

// Holds libgit2 initialised for its lifetime. Only the paths that write or
// read history create one, and lazily (dynamic loading aside, initialising
// libgit2 costs little once the CA bundle is deferred; see git_certs.cpp).
class Library {
public:
    Library();
    ~Library();
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;
};

// libgit2 is initialised without parsing the system's CA certificates
// (git_certs.cpp); load_certificates() parses them, once, before a transfer
// that may need them (an https remote). The counts are for tests: how many
// loads libgit2 asked for were deferred, and how many really parsed.
void load_certificates();
void keep_certificate_stand_ins();
struct CertificateCounts {
    int deferred = 0;
    int parsed = 0;
};
CertificateCounts certificate_counts();

// Returns rc when it is >= 0; otherwise throws Error(Exit::env,
// "git: <what>: <libgit2's message>").
int check(int rc, std::string_view what);

template <auto Free> struct Deleter {
    template <typename T> void operator()(T* p) const noexcept { Free(p); }
};

using Repository = std::unique_ptr<git_repository, Deleter<git_repository_free>>;
using Index = std::unique_ptr<git_index, Deleter<git_index_free>>;
using Object = std::unique_ptr<git_object, Deleter<git_object_free>>;
using Commit = std::unique_ptr<git_commit, Deleter<git_commit_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree_free>>;
using TreeEntry = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry_free>>;
using Treebuilder = std::unique_ptr<git_treebuilder, Deleter<git_treebuilder_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob_free>>;
using Reference = std::unique_ptr<git_reference, Deleter<git_reference_free>>;
using Signature = std::unique_ptr<git_signature, Deleter<git_signature_free>>;
using Config = std::unique_ptr<git_config, Deleter<git_config_free>>;

std::string hex(const git_oid& id);

// The repository whose work tree is dir (no search upwards); nullptr when
// dir holds no repository.
Repository open(const fs::path& dir);
// Creates (or completes) a repository in dir whose HEAD is refs/heads/main,
// whatever init.defaultBranch says.
Repository init(const fs::path& dir);

// HEAD's commit; nullptr while HEAD is unborn (no commit yet).
Commit head_commit(git_repository* repo);
Tree commit_tree(const git_commit* commit);
Tree empty_tree(git_repository* repo);
Commit lookup_commit(git_repository* repo, const git_oid& id);
Blob lookup_blob(git_repository* repo, const git_oid& id);
// The whole content of the blob id.
std::string blob_text(git_repository* repo, const git_oid& id);
// The entry at a '/'-separated path below tree; nullptr when there is none.
TreeEntry entry_bypath(const git_tree* tree, const std::string& path);
// Calls blob(path, entry) for every file below tree, depth first, paths
// "prefix" + '/'-joined names (submodules and the like are skipped).
void for_each_file(git_repository* repo, const git_tree* tree, const std::string& prefix,
                   const std::function<void(const std::string&, const git_tree_entry*)>& blob);

// Moves refs/heads/main from `from` (nullptr: main does not exist yet) to
// `to`, only when it still names `from`, with a reflog line. Atomic: main
// names one or the other afterwards, whatever happens.
void move_main(git_repository* repo, const git_oid* from, const git_oid& to,
               const std::string& reflog);

// Reads each object back from the object database (bypassing libgit2's
// cache); Error(env) when one is missing or unreadable. Objects are stored
// through temporary files renamed into place, but a full disk or an I/O
// error must never leave a ref naming an object that is not there whole.
void require_stored(git_repository* repo, const std::vector<git_oid>& ids);

// The id git gives a blob with this content (nothing is written).
git_oid blob_id(std::string_view content);

// Stores the changed files' blobs and returns the id of a tree like base with
// them written (content) or removed (nullptr). Only the folders on the
// changed paths are rebuilt; the rest of the tree is shared with base.
using TreeChange = std::pair<std::string, const std::string*>;
git_oid updated_tree(git_repository* repo, git_tree* base, const std::vector<TreeChange>& changes,
                     std::string_view what);

// SHA-1, as git names objects and checksums its index. libgit2's own
// (collision-detecting) one is about 35 instructions a byte; this one uses
// the CPU's SHA instructions when there are some.
class Sha1 {
public:
    // use_cpu false: the portable code even where SHA instructions exist (tests).
    explicit Sha1(bool use_cpu = true) : use_cpu_(use_cpu) {}
    Sha1& update(const void* data, size_t size);
    std::array<uint8_t, 20> finish();

private:
    bool use_cpu_;
    uint32_t h_[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    uint8_t buf_[64] = {};
    size_t used_ = 0;
    uint64_t total_ = 0;
};

// One path of the index: set to a blob, with the stat data of the file
// just written, or removed (no id).
struct IndexEdit {
    std::string path;
    std::optional<git_oid> id;
    struct stat st {};
};

// Updates .git/index for these paths only (sorted, unique), copying every
// other entry as bytes: nothing else is looked at, except entries that are
// racily clean (written in the same second as the index), which are checked
// the way git does. Takes .git/index.lock like git. Returns false, having
// written nothing, when there is no index or not one this handles (version
// 4, a required extension, a bad checksum); the caller then goes through
// libgit2. Optional extensions (the cached tree, untracked cache, ...) are
// dropped; git rebuilds them.
bool update_index(const fs::path& workdir, const std::vector<IndexEdit>& edits);

// The author for new commits: user.name and user.email from git config,
// with "hired" and "hired@localhost" for what is unset.
Signature default_signature(git_repository* repo);

} // namespace hired::tracker::git
