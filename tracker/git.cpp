#include "git.hpp"

#include "util/error.hpp"

#include <cstdlib>
#include <cstring>

namespace hired::tracker::git {

namespace {

std::string last_message() {
    const git_error* e = git_error_last();
    return e && e->message ? e->message : "unknown libgit2 error";
}

bool env_true(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::strcmp(v, "0") != 0 && std::strcmp(v, "false") != 0;
}

std::optional<std::string> config_string(git_config* cfg, const char* name) {
    git_buf buf = GIT_BUF_INIT;
    int rc = git_config_get_string_buf(&buf, cfg, name);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    check(rc, fmt::format("reading {} from git config", name));
    std::string out(buf.ptr, buf.size);
    git_buf_dispose(&buf);
    if (out.empty()) return std::nullopt;
    return out;
}

} // namespace

Library::Library() {
    check(git_libgit2_init(), "initialising libgit2");
    // git's own files are not flushed (fsync) one by one, as git does not by
    // default either: a kill at any instant is safe without it (objects are
    // renamed into place before the ref moves), and the journal's files are
    // flushed by write_file_atomic. Flushing every object, ref and reflog
    // would cost some 18 fsyncs per change. core.fsyncObjectFiles in the
    // journal's git config, which libgit2 honours, turns it on for objects.
    check(git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 0), "setting options");
    // Like git, do not hash every object again when reading it: a change
    // reads the trees along its paths, and a folder's tree can be large.
    check(git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0), "setting options");
    // Honoured like git does, so tests and scripts can keep /etc/gitconfig out.
    if (env_true("GIT_CONFIG_NOSYSTEM"))
        check(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, ""),
              "ignoring the system git config");
}

Library::~Library() {
    git_libgit2_shutdown();
}

int check(int rc, std::string_view what) {
    if (rc >= 0) return rc;
    throw Error(Exit::env, fmt::format("git: {}: {}", what, last_message()));
}

std::string hex(const git_oid& id) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, &id);
    return buf;
}

Repository open(const fs::path& dir) {
    git_repository* repo = nullptr;
    int rc = git_repository_open_ext(&repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (rc == GIT_ENOTFOUND) return nullptr;
    check(rc, fmt::format("opening the repository in {}", dir.string()));
    return Repository(repo);
}

Repository init(const fs::path& dir) {
    git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    opts.initial_head = "main";
    git_repository* raw = nullptr;
    check(git_repository_init_ext(&raw, dir.c_str(), &opts),
          fmt::format("creating a repository in {}", dir.string()));
    Repository repo(raw);
    // A repository completed after a crash may have kept another HEAD.
    if (check(git_repository_head_unborn(repo.get()), "reading HEAD") == 1) {
        git_reference* head = nullptr;
        check(git_reference_lookup(&head, repo.get(), "HEAD"), "reading HEAD");
        Reference owned(head);
        const char* target = git_reference_symbolic_target(head);
        if (!target || std::strcmp(target, "refs/heads/main") != 0)
            check(git_repository_set_head(repo.get(), "refs/heads/main"), "pointing HEAD at main");
    }
    return repo;
}

Commit head_commit(git_repository* repo) {
    git_reference* head = nullptr;
    int rc = git_repository_head(&head, repo);
    if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) return nullptr;
    check(rc, "reading HEAD");
    Reference owned(head);
    git_object* obj = nullptr;
    check(git_reference_peel(&obj, head, GIT_OBJECT_COMMIT), "reading HEAD's commit");
    return Commit(reinterpret_cast<git_commit*>(obj));
}

Tree commit_tree(const git_commit* commit) {
    git_tree* tree = nullptr;
    check(git_commit_tree(&tree, commit), "reading a commit's tree");
    return Tree(tree);
}

Tree empty_tree(git_repository* repo) {
    git_treebuilder* raw = nullptr;
    check(git_treebuilder_new(&raw, repo, nullptr), "creating a tree");
    Treebuilder builder(raw);
    git_oid id;
    check(git_treebuilder_write(&id, builder.get()), "writing the empty tree");
    git_tree* tree = nullptr;
    check(git_tree_lookup(&tree, repo, &id), "reading the empty tree");
    return Tree(tree);
}

Commit lookup_commit(git_repository* repo, const git_oid& id) {
    git_commit* c = nullptr;
    check(git_commit_lookup(&c, repo, &id), fmt::format("reading commit {}", hex(id)));
    return Commit(c);
}

Blob lookup_blob(git_repository* repo, const git_oid& id) {
    git_blob* b = nullptr;
    check(git_blob_lookup(&b, repo, &id), fmt::format("reading blob {}", hex(id)));
    return Blob(b);
}

TreeEntry entry_bypath(const git_tree* tree, const std::string& path) {
    git_tree_entry* e = nullptr;
    int rc = git_tree_entry_bypath(&e, tree, path.c_str());
    if (rc == GIT_ENOTFOUND) return nullptr;
    check(rc, fmt::format("looking up {}", path));
    return TreeEntry(e);
}

git_oid blob_id(std::string_view content) {
    git_oid id;
    check(git_odb_hash(&id, content.data(), content.size(), GIT_OBJECT_BLOB), "hashing a file");
    return id;
}

Signature default_signature(git_repository* repo) {
    git_config* raw = nullptr;
    check(git_repository_config_snapshot(&raw, repo), "reading git config");
    Config cfg(raw);
    std::string name = config_string(cfg.get(), "user.name").value_or("hired");
    std::string email = config_string(cfg.get(), "user.email").value_or("hired@localhost");
    git_signature* sig = nullptr;
    check(git_signature_now(&sig, name.c_str(), email.c_str()), "creating the author");
    return Signature(sig);
}

} // namespace hired::tracker::git
