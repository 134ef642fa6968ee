#include "git.hpp"

#include "util/error.hpp"
#include "util/files.hpp"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

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
    keep_certificate_stand_ins();
    check(git_libgit2_init(), "initialising libgit2");
    try {
        // git's own files are not flushed (fsync) one by one, as git does
        // not by default either: a kill at any instant is safe without it
        // (objects are renamed into place before the ref moves), and the
        // journal's files are flushed by write_file_atomic. Flushing every
        // object, ref and reflog would cost some 18 fsyncs per change.
        // core.fsyncObjectFiles in the journal's git config, which libgit2
        // honours, turns it on.
        check(git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 0), "setting options");
        // Like git, do not hash every object again when reading it: a change
        // reads the trees along its paths, and a folder's tree can be large.
        check(git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0), "setting options");
        // Honoured as git does, so tests and scripts can keep /etc/gitconfig out.
        if (env_true("GIT_CONFIG_NOSYSTEM"))
            check(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, ""),
                  "ignoring the system git config");
    } catch (...) {
        git_libgit2_shutdown();
        throw;
    }
}

Library::~Library() {
    git_libgit2_shutdown();
}

int check(int rc, std::string_view what) {
    if (rc >= 0) return rc;
    std::string message = last_message();
    // libgit2 words a full disk in several ways; say it one way everywhere.
    if (message.find("No space left") != std::string::npos ||
        message.find("Disk quota") != std::string::npos)
        throw Error(Exit::env, fmt::format("no space left on device (git: {})", what));
    throw Error(Exit::env, fmt::format("git: {}: {}", what, message));
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

std::string blob_text(git_repository* repo, const git_oid& id) {
    Blob b = lookup_blob(repo, id);
    return std::string(static_cast<const char*>(git_blob_rawcontent(b.get())),
                       static_cast<size_t>(git_blob_rawsize(b.get())));
}

TreeEntry entry_bypath(const git_tree* tree, const std::string& path) {
    git_tree_entry* e = nullptr;
    int rc = git_tree_entry_bypath(&e, tree, path.c_str());
    if (rc == GIT_ENOTFOUND) return nullptr;
    check(rc, fmt::format("looking up {}", path));
    return TreeEntry(e);
}

void for_each_file(git_repository* repo, const git_tree* tree, const std::string& prefix,
                   const std::function<void(const std::string&, const git_tree_entry*)>& blob) {
    for (size_t i = 0, n = git_tree_entrycount(tree); i < n; ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(tree, i);
        std::string path = prefix + git_tree_entry_name(e);
        if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
            git_tree* sub = nullptr;
            check(git_tree_lookup(&sub, repo, git_tree_entry_id(e)), "reading a tree");
            Tree owned(sub);
            for_each_file(repo, sub, path + "/", blob);
        } else if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
            blob(path, e);
        }
    }
}

git_oid updated_tree(git_repository* repo, git_tree* base, const std::vector<TreeChange>& changes,
                     std::string_view what) {
    std::vector<git_tree_update> updates;
    updates.reserve(changes.size());
    for (const auto& [path, content] : changes) {
        git_tree_update u{};
        u.path = path.c_str();
        if (content) {
            u.action = GIT_TREE_UPDATE_UPSERT;
            u.filemode = GIT_FILEMODE_BLOB;
            check(git_blob_create_from_buffer(&u.id, repo, content->data(), content->size()),
                  fmt::format("storing {}", path));
        } else {
            u.action = GIT_TREE_UPDATE_REMOVE;
        }
        updates.push_back(u);
    }
    git_oid tree_id;
    check(git_tree_create_updated(&tree_id, repo, base, updates.size(), updates.data()), what);
    return tree_id;
}

void move_main(git_repository* repo, const git_oid* from, const git_oid& to,
               const std::string& reflog) {
    git_reference* raw = nullptr;
    if (from)
        check(git_reference_create_matching(&raw, repo, "refs/heads/main", &to, 1, from,
                                            reflog.c_str()),
              "moving main");
    else
        check(git_reference_create(&raw, repo, "refs/heads/main", &to, 0, reflog.c_str()),
              "creating main");
    git_reference_free(raw);
}

namespace {

// Whether the loose object file holds exactly the object id: inflated, its
// content hashes to id. nullopt when there is no such file.
std::optional<bool> loose_object_sound(const fs::path& file, const git_oid& id) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT) return std::nullopt;
        return false;
    }
    std::string packed;
    char buf[16384];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            if (n < 0) return false;
            break;
        }
        packed.append(buf, static_cast<size_t>(n));
    }
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return false;
    z.next_in = reinterpret_cast<Bytef*>(packed.data());
    z.avail_in = static_cast<uInt>(packed.size());
    Sha1 sha;
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        sha.update(buf, sizeof buf - z.avail_out);
    }
    bool whole = rc == Z_STREAM_END && z.avail_in == 0;
    inflateEnd(&z);
    if (!whole) return false;
    auto sum = sha.finish();
    return std::memcmp(sum.data(), id.id, sum.size()) == 0;
}

} // namespace

void require_stored(git_repository* repo, const std::vector<git_oid>& ids) {
    fs::path objects = fs::path(git_repository_path(repo)) / "objects";
    git_odb* raw = nullptr;
    check(git_repository_odb(&raw, repo), "opening the object database");
    std::unique_ptr<git_odb, Deleter<git_odb_free>> odb(raw);
    for (const auto& id : ids) {
        std::string h = hex(id);
        auto sound = loose_object_sound(objects / h.substr(0, 2) / h.substr(2), id);
        if (sound == true) continue;
        // Not loose: stored before, in a pack (git gc), is as good.
        if (!sound && git_odb_exists(odb.get(), &id)) continue;
        // libgit2 has been seen to report success for an object a full disk
        // kept it from storing.
        struct statvfs fsinfo {};
        if (::statvfs(objects.c_str(), &fsinfo) == 0 &&
            static_cast<uint64_t>(fsinfo.f_bavail) * fsinfo.f_frsize < (256u << 10))
            fail(Exit::env, "no space left on device (git: object {} was not stored)", h);
        fail(Exit::env, "git: object {} was not stored whole{}", h,
             sound ? "" : " (it is missing)");
    }
}

git_oid blob_id(std::string_view content) {
    std::string header = fmt::format("blob {}", content.size());
    auto sum = Sha1()
                   .update(header.c_str(), header.size() + 1)
                   .update(content.data(), content.size())
                   .finish();
    git_oid id;
    std::memcpy(id.id, sum.data(), sum.size());
    return id;
}

namespace {

inline uint32_t rol(uint32_t x, int n) {
    return (x << n) | (x >> (32 - n));
}

// The rounds unrolled over rotating variables, with a 16-word circular
// schedule: what compilers keep in registers.
#define HIRED_SHA1_W(i)                                                                            \
    (w[(i)&15] = rol(w[((i) + 13) & 15] ^ w[((i) + 8) & 15] ^ w[((i) + 2) & 15] ^ w[(i)&15], 1))
#define HIRED_SHA1_ROUND(a, b, c, d, e, f, k, wi)                                                  \
    do {                                                                                           \
        e += rol(a, 5) + (f) + (k) + (wi);                                                         \
        b = rol(b, 30);                                                                            \
    } while (0)
#define HIRED_SHA1_F1(b, c, d) (d ^ (b & (c ^ d)))
#define HIRED_SHA1_F2(b, c, d) (b ^ c ^ d)
#define HIRED_SHA1_F3(b, c, d) ((b & c) | (d & (b | c)))
#define HIRED_SHA1_FIVE(i, F, k, W)                                                                \
    HIRED_SHA1_ROUND(a, b, c, d, e, F(b, c, d), k, W(i));                                          \
    HIRED_SHA1_ROUND(e, a, b, c, d, F(a, b, c), k, W(i + 1));                                      \
    HIRED_SHA1_ROUND(d, e, a, b, c, F(e, a, b), k, W(i + 2));                                      \
    HIRED_SHA1_ROUND(c, d, e, a, b, F(d, e, a), k, W(i + 3));                                      \
    HIRED_SHA1_ROUND(b, c, d, e, a, F(c, d, e), k, W(i + 4))
#define HIRED_SHA1_W0(i) w[i]

void sha1_blocks_portable(uint32_t h[5], const uint8_t* p, size_t blocks) {
    for (; blocks > 0; --blocks, p += 64) {
        uint32_t w[16];
        for (int i = 0; i < 16; ++i)
            w[i] = uint32_t(p[4 * i]) << 24 | uint32_t(p[4 * i + 1]) << 16 |
                   uint32_t(p[4 * i + 2]) << 8 | uint32_t(p[4 * i + 3]);
        uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
        HIRED_SHA1_FIVE(0, HIRED_SHA1_F1, 0x5A827999u, HIRED_SHA1_W0);
        HIRED_SHA1_FIVE(5, HIRED_SHA1_F1, 0x5A827999u, HIRED_SHA1_W0);
        HIRED_SHA1_FIVE(10, HIRED_SHA1_F1, 0x5A827999u, HIRED_SHA1_W0);
        HIRED_SHA1_ROUND(a, b, c, d, e, HIRED_SHA1_F1(b, c, d), 0x5A827999u, w[15]);
        HIRED_SHA1_ROUND(e, a, b, c, d, HIRED_SHA1_F1(a, b, c), 0x5A827999u, HIRED_SHA1_W(16));
        HIRED_SHA1_ROUND(d, e, a, b, c, HIRED_SHA1_F1(e, a, b), 0x5A827999u, HIRED_SHA1_W(17));
        HIRED_SHA1_ROUND(c, d, e, a, b, HIRED_SHA1_F1(d, e, a), 0x5A827999u, HIRED_SHA1_W(18));
        HIRED_SHA1_ROUND(b, c, d, e, a, HIRED_SHA1_F1(c, d, e), 0x5A827999u, HIRED_SHA1_W(19));
        HIRED_SHA1_FIVE(20, HIRED_SHA1_F2, 0x6ED9EBA1u, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(25, HIRED_SHA1_F2, 0x6ED9EBA1u, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(30, HIRED_SHA1_F2, 0x6ED9EBA1u, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(35, HIRED_SHA1_F2, 0x6ED9EBA1u, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(40, HIRED_SHA1_F3, 0x8F1BBCDCu, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(45, HIRED_SHA1_F3, 0x8F1BBCDCu, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(50, HIRED_SHA1_F3, 0x8F1BBCDCu, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(55, HIRED_SHA1_F3, 0x8F1BBCDCu, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(60, HIRED_SHA1_F2, 0xCA62C1D6u, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(65, HIRED_SHA1_F2, 0xCA62C1D6u, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(70, HIRED_SHA1_F2, 0xCA62C1D6u, HIRED_SHA1_W);
        HIRED_SHA1_FIVE(75, HIRED_SHA1_F2, 0xCA62C1D6u, HIRED_SHA1_W);
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }
}

#if defined(__x86_64__)
#define HIRED_SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

// Four of the eighty rounds; m holds the message schedule, e the two
// alternating E registers (the x86 SHA extensions' usual arrangement).
template <int G>
HIRED_SHA_TARGET inline __attribute__((always_inline)) void
sha1_group(__m128i& abcd, __m128i (&e)[2], __m128i (&m)[4]) {
    constexpr int cur = G % 4;
    __m128i& mine = e[G % 2];
    __m128i& other = e[1 - G % 2];
    if constexpr (G == 0)
        mine = _mm_add_epi32(mine, m[0]);
    else
        mine = _mm_sha1nexte_epu32(mine, m[cur]);
    other = abcd;
    if constexpr (G >= 3) m[(G + 1) % 4] = _mm_sha1msg2_epu32(m[(G + 1) % 4], m[cur]);
    abcd = _mm_sha1rnds4_epu32(abcd, mine, G / 5);
    if constexpr (G >= 1) m[(G + 3) % 4] = _mm_sha1msg1_epu32(m[(G + 3) % 4], m[cur]);
    if constexpr (G >= 2) m[(G + 2) % 4] = _mm_xor_si128(m[(G + 2) % 4], m[cur]);
}

template <int... G>
HIRED_SHA_TARGET inline __attribute__((always_inline)) void
sha1_rounds(__m128i& abcd, __m128i (&e)[2], __m128i (&m)[4], std::integer_sequence<int, G...>) {
    (sha1_group<G>(abcd, e, m), ...);
}

HIRED_SHA_TARGET void sha1_blocks_shani(uint32_t h[5], const uint8_t* p, size_t blocks) {
    const __m128i reverse = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h)), 0x1B);
    __m128i e_start = _mm_set_epi32(static_cast<int>(h[4]), 0, 0, 0);
    for (; blocks > 0; --blocks, p += 64) {
        __m128i abcd_saved = abcd;
        __m128i e[2] = {e_start, _mm_setzero_si128()};
        __m128i m[4];
        for (int i = 0; i < 4; ++i)
            m[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i)),
                                    reverse);
        sha1_rounds(abcd, e, m, std::make_integer_sequence<int, 20>{});
        e_start = _mm_sha1nexte_epu32(e[0], e_start);
        abcd = _mm_add_epi32(abcd, abcd_saved);
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(h), _mm_shuffle_epi32(abcd, 0x1B));
    h[4] = static_cast<uint32_t>(_mm_extract_epi32(e_start, 3));
}

bool cpu_has_sha() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    bool sse = (c & bit_SSE4_1) && (c & bit_SSSE3);
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    return sse && (b & bit_SHA);
}
#endif

void sha1_blocks(uint32_t h[5], const uint8_t* p, size_t blocks, bool use_cpu) {
#if defined(__x86_64__)
    static const bool shani = cpu_has_sha();
    if (shani && use_cpu) return sha1_blocks_shani(h, p, blocks);
#else
    (void)use_cpu;
#endif
    sha1_blocks_portable(h, p, blocks);
}

} // namespace

Sha1& Sha1::update(const void* data, size_t size) {
    auto p = static_cast<const uint8_t*>(data);
    total_ += size;
    if (used_ > 0) {
        size_t take = std::min(size, sizeof buf_ - used_);
        std::memcpy(buf_ + used_, p, take);
        used_ += take;
        p += take;
        size -= take;
        if (used_ < sizeof buf_) return *this;
        sha1_blocks(h_, buf_, 1, use_cpu_);
        used_ = 0;
    }
    if (size >= 64) {
        sha1_blocks(h_, p, size / 64, use_cpu_);
        p += size / 64 * 64;
        size %= 64;
    }
    std::memcpy(buf_, p, size);
    used_ = size;
    return *this;
}

std::array<uint8_t, 20> Sha1::finish() {
    uint64_t bits = total_ * 8;
    uint8_t pad[72] = {0x80};
    size_t n = (used_ < 56 ? 56 : 120) - used_;
    for (int i = 0; i < 8; ++i)
        pad[n + i] = static_cast<uint8_t>(bits >> (56 - 8 * i));
    update(pad, n + 8);
    std::array<uint8_t, 20> out;
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 4; ++j)
            out[4 * i + j] = static_cast<uint8_t>(h_[i] >> (24 - 8 * j));
    return out;
}

namespace {

uint32_t be32(const char* p) {
    auto u = reinterpret_cast<const unsigned char*>(p);
    return uint32_t(u[0]) << 24 | uint32_t(u[1]) << 16 | uint32_t(u[2]) << 8 | uint32_t(u[3]);
}

void put32(std::string& out, uint32_t v) {
    char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(b, 4);
}

void set32(std::string& out, size_t at, uint32_t v) {
    out[at] = char(v >> 24);
    out[at + 1] = char(v >> 16);
    out[at + 2] = char(v >> 8);
    out[at + 3] = char(v);
}

// The fixed part of an index entry, version 2 (62 bytes before the path).
constexpr size_t entry_fixed = 62;
constexpr size_t off_mtime = 8, off_ino = 20, off_mode = 24, off_size = 36, off_id = 40;

std::optional<std::string> read_whole(const fs::path& path, struct stat& st) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return std::nullopt;
        fail(Exit::env, "cannot read {}: {}", path.string(), errno_text(errno));
    }
    std::string data;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) data.reserve(static_cast<size_t>(st.st_size));
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            ::close(fd);
            fail(Exit::env, "cannot read {}: {}", path.string(), errno_text(e));
        }
        if (n == 0) break;
        data.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return data;
}

// An entry git would take for clean on stat alone although the file may
// have changed within the index's timestamp: true when its content still
// matches (racy git; see git's Documentation/technical/racy-git.txt).
bool racy_entry_still_clean(const fs::path& workdir, std::string_view path, const char* entry) {
    uint32_t mode = be32(entry + off_mode);
    if ((mode & 0170000) != 0100000) return false;
    struct stat st {};
    std::string file = (workdir / std::string(path)).string();
    if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    if (be32(entry + off_size) != static_cast<uint32_t>(st.st_size) ||
        be32(entry + off_mtime) != static_cast<uint32_t>(st.st_mtim.tv_sec) ||
        be32(entry + off_mtime + 4) != static_cast<uint32_t>(st.st_mtim.tv_nsec) ||
        be32(entry + off_ino) != static_cast<uint32_t>(st.st_ino))
        return true; // stat differs already: git will look at the content itself
    struct stat ignored {};
    auto content = read_whole(file, ignored);
    if (!content) return false;
    git_oid id = blob_id(*content);
    return std::memcmp(id.id, entry + off_id, 20) == 0;
}

void append_entry(std::string& out, const IndexEdit& e) {
    auto s32 = [&](auto v) { put32(out, static_cast<uint32_t>(v)); };
    s32(e.st.st_ctim.tv_sec);
    s32(e.st.st_ctim.tv_nsec);
    s32(e.st.st_mtim.tv_sec);
    s32(e.st.st_mtim.tv_nsec);
    s32(e.st.st_dev);
    s32(e.st.st_ino);
    s32(0100644);
    s32(e.st.st_uid);
    s32(e.st.st_gid);
    s32(e.st.st_size);
    out.append(reinterpret_cast<const char*>(e.id->id), 20);
    uint16_t flags = static_cast<uint16_t>(std::min<size_t>(e.path.size(), 0xFFF));
    out.push_back(char(flags >> 8));
    out.push_back(char(flags & 0xFF));
    out += e.path;
    size_t len = (entry_fixed + e.path.size() + 8) & ~size_t(7);
    out.append(len - entry_fixed - e.path.size(), '\0');
}

} // namespace

namespace {

// .git/index.lock, git's lock on the index: whoever creates it owns the
// index until it is renamed over it. Removed unless committed.
class IndexLock {
public:
    explicit IndexLock(const fs::path& gitdir)
        : lock_(gitdir / "index.lock"), index_(gitdir / "index") {
        fd_ = ::open(lock_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd_ >= 0) return;
        if (errno == EEXIST)
            fail(Exit::env,
                 "the journal's git index is locked ({}): another git command is running in the "
                 "journal; if none is, remove that file",
                 lock_.string());
        fail(Exit::env, "cannot write {}: {}", lock_.string(), errno_text(errno));
    }
    ~IndexLock() {
        if (fd_ >= 0) ::close(fd_);
        if (!committed_) ::unlink(lock_.c_str());
    }
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    void commit(std::string_view data) {
        size_t off = 0;
        while (off < data.size()) {
            ssize_t n = ::write(fd_, data.data() + off, data.size() - off);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail(Exit::env, "cannot write {}: {}", lock_.string(), errno_text(errno));
            off += static_cast<size_t>(n);
        }
        int rc = ::close(fd_);
        fd_ = -1;
        if (rc != 0 || ::rename(lock_.c_str(), index_.c_str()) != 0)
            fail(Exit::env, "cannot write {}: {}", index_.string(), errno_text(errno));
        committed_ = true;
    }

private:
    fs::path lock_, index_;
    int fd_ = -1;
    bool committed_ = false;
};

} // namespace

bool update_index(const fs::path& workdir, const std::vector<IndexEdit>& edits) {
    const fs::path gitdir = workdir / ".git";
    const fs::path index_path = gitdir / "index";
    struct stat ist {};
    if (::stat(index_path.c_str(), &ist) != 0) return false;
    IndexLock lock(gitdir); // before reading, so nobody changes it under us
    auto old = read_whole(index_path, ist);
    if (!old) return false;

    struct Entry {
        size_t offset, length;
        std::string_view path;
        unsigned stage;
    };
    std::vector<Entry> entries;
    uint32_t version = 2;
    {
        const std::string& d = *old;
        if (d.size() < 12 + 20 || d.compare(0, 4, "DIRC") != 0) return false;
        version = be32(d.data() + 4);
        if (version != 2 && version != 3) return false;
        const size_t end = d.size() - 20;
        if (std::memcmp(Sha1().update(d.data(), end).finish().data(), d.data() + end, 20) != 0)
            return false;
        uint32_t count = be32(d.data() + 8);
        entries.reserve(count);
        size_t pos = 12;
        for (uint32_t i = 0; i < count; ++i) {
            if (end - pos < entry_fixed) return false;
            unsigned flags = (unsigned(uint8_t(d[pos + 60])) << 8) | uint8_t(d[pos + 61]);
            size_t path_at = entry_fixed;
            if (flags & 0x4000) {
                if (version < 3) return false;
                path_at += 2;
            }
            if (end - pos < path_at + 1) return false;
            const char* name = d.data() + pos + path_at;
            size_t room = end - pos - path_at;
            size_t len = flags & 0xFFF;
            if (len == 0xFFF) len = strnlen(name, room);
            if (len >= room || name[len] != '\0') return false;
            size_t length = (path_at + len + 8) & ~size_t(7);
            if (length > end - pos) return false;
            Entry e{pos, length, std::string_view(name, len), (flags >> 12) & 3};
            if (!entries.empty()) {
                const Entry& prev = entries.back();
                int c = prev.path.compare(e.path);
                if (c > 0 || (c == 0 && prev.stage >= e.stage)) return false; // not git's order
            }
            entries.push_back(e);
            pos += length;
        }
        while (pos < end) { // extensions: only optional ones (capitalised) may be dropped
            if (end - pos < 8 || d[pos] < 'A' || d[pos] > 'Z') return false;
            uint32_t size = be32(d.data() + pos + 4);
            if (size > end - pos - 8) return false;
            pos += 8 + size;
        }
    }

    std::string out;
    out.reserve(old->size() + edits.size() * 128);
    out += "DIRC";
    put32(out, version);
    put32(out, 0); // the count, set below
    uint32_t count = 0;
    size_t next = 0;
    auto emit_edits_before = [&](std::string_view path) {
        for (; next < edits.size() && std::string_view(edits[next].path) < path; ++next)
            if (edits[next].id) {
                append_entry(out, edits[next]);
                ++count;
            }
    };
    for (const Entry& e : entries) {
        emit_edits_before(e.path);
        if (next < edits.size() && edits[next].path == e.path) continue; // replaced or removed
        size_t at = out.size();
        out.append(*old, e.offset, e.length);
        ++count;
        const char* raw = old->data() + e.offset;
        bool racy = e.stage == 0 && be32(raw + off_mtime) >= uint32_t(ist.st_mtim.tv_sec);
        if (racy && !racy_entry_still_clean(workdir, e.path, raw))
            set32(out, at + off_size, 0); // smudged: git will compare the content
    }
    for (; next < edits.size(); ++next)
        if (edits[next].id) {
            append_entry(out, edits[next]);
            ++count;
        }
    set32(out, 8, count);
    auto sum = Sha1().update(out.data(), out.size()).finish();
    out.append(reinterpret_cast<const char*>(sum.data()), sum.size());

    lock.commit(out);
    return true;
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
