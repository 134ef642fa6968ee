#include "files.hpp"

#include "error.hpp"
#include "text.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <random>

#include <linux/openat2.h>
#include <sys/syscall.h>

namespace hired {

std::string errno_text(int e) {
    if (e == ENOSPC) return "no space left on device";
    if (e == EDQUOT) return "disk quota exceeded";
    return std::strerror(e);
}

namespace {

Exit errno_exit(int) {
    return Exit::env;
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() {
        int f = fd_;
        fd_ = -1;
        return f;
    }

private:
    int fd_;
};

} // namespace

namespace {

// The rest of an open file, read straight into the string.
std::string read_all(int fd, const struct stat& st, const fs::path& path) {
    // One byte more than the size: a regular file that gives back exactly
    // its size in a short read is at its end, so the usual extra read that
    // returns 0 is saved (a journal read opens thousands of small files).
    const bool sized = S_ISREG(st.st_mode) && st.st_size > 0;
    const size_t expect = sized ? static_cast<size_t>(st.st_size) : 0;
    std::string out(sized ? expect + 1 : 65536, '\0');
    size_t len = 0;
    for (;;) {
        if (len == out.size()) out.resize(out.size() * 2);
        ssize_t n = ::read(fd, out.data() + len, out.size() - len);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(Exit::data, "cannot read {}: {}", path.string(), errno_text(errno));
        }
        if (n == 0) break;
        len += static_cast<size_t>(n);
        if (sized && len == expect && len < out.size()) break;
    }
    out.resize(len);
    return out;
}

// What stands at rel below dirfd, when it is not a plain file.
std::string kind_of(int dirfd, const std::string& rel) {
    struct stat st {};
    if (::fstatat(dirfd, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return "not readable";
    if (S_ISLNK(st.st_mode)) {
        char target[4096];
        ssize_t n = ::readlinkat(dirfd, rel.c_str(), target, sizeof target - 1);
        if (n > 0)
            return fmt::format("a symbolic link (to {})",
                               printable(std::string_view(target, static_cast<size_t>(n))));
        return "a symbolic link";
    }
    if (S_ISFIFO(st.st_mode)) return "a named pipe (FIFO)";
    if (S_ISSOCK(st.st_mode)) return "a socket";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
    if (S_ISDIR(st.st_mode)) return "a folder";
    return "not a plain file";
}

[[noreturn]] void refuse_odd(int dirfd, const fs::path& root, const std::string& rel) {
    // Name the first component that is odd (a linked folder on the way, say).
    std::string at = rel;
    for (size_t pos = rel.find('/'); pos != std::string::npos; pos = rel.find('/', pos + 1)) {
        struct stat st {};
        std::string prefix = rel.substr(0, pos);
        if (::fstatat(dirfd, prefix.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
            !S_ISDIR(st.st_mode)) {
            at = prefix;
            break;
        }
    }
    fail(Exit::data,
         "{}: {}: hired reads only plain files in the journal; put the file itself there, or "
         "move it out",
         (root / at).string(), kind_of(dirfd, at));
}

// openat2(2) with RESOLVE_NO_SYMLINKS (Linux 5.6); -1 with errno ENOSYS where
// the kernel lacks it.
int open_no_symlinks(int dirfd, const std::string& rel, int flags) {
#ifdef SYS_openat2
    struct open_how how {};
    how.flags = static_cast<uint64_t>(flags);
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    return static_cast<int>(::syscall(SYS_openat2, dirfd, rel.c_str(), &how, sizeof how));
#else
    errno = ENOSYS;
    return -1;
#endif
}

} // namespace

std::optional<std::string> try_read_file(const fs::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT) return std::nullopt;
        fail(Exit::data, "cannot read {}: {}", path.string(), errno_text(errno));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode))
        fail(Exit::data, "cannot read {}: it is a folder", path.string());
    return read_all(fd.get(), st, path);
}

std::optional<std::string> read_plain_file(int dirfd, const fs::path& root,
                                           const std::string& rel) {
    const int flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;
    int raw = open_no_symlinks(dirfd, rel, flags);
    if (raw < 0 && (errno == ENOSYS || errno == EPERM || errno == EINVAL)) {
        // No openat2: every component by hand, none followed.
        raw = ::openat(dirfd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
        for (size_t start = 0; raw >= 0;) {
            size_t slash = rel.find('/', start);
            std::string part =
                rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
            bool last = slash == std::string::npos;
            int next = ::openat(raw, part.c_str(),
                                last ? flags : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            int e = errno;
            ::close(raw);
            raw = next;
            errno = e;
            if (last) break;
            start = slash + 1;
        }
    }
    Fd fd(raw);
    if (fd.get() < 0) {
        if (errno == ENOENT) return std::nullopt;
        if (errno == ELOOP || errno == ENOTDIR || errno == EXDEV || errno == ENXIO ||
            errno == EACCES || errno == EISDIR)
            refuse_odd(dirfd, root, rel);
        fail(Exit::data, "cannot read {}: {}", (root / rel).string(), errno_text(errno));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        fail(Exit::data, "cannot read {}: {}", (root / rel).string(), errno_text(errno));
    if (!S_ISREG(st.st_mode)) refuse_odd(dirfd, root, rel);
    return read_all(fd.get(), st, root / rel);
}

std::string read_file(const fs::path& path) {
    auto s = try_read_file(path);
    if (!s) fail(Exit::data, "cannot read {}: no such file", path.string());
    return *s;
}

namespace {

fs::path folder_of(const fs::path& path) {
    fs::path dir = path.parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

// Writes data to a new temporary file beside path (flushed when asked) and
// returns its name; nothing is left behind on failure.
fs::path write_temporary(const fs::path& path, std::string_view data, unsigned mode, bool flush) {
    static std::atomic<unsigned> counter{0};
    std::string tmp_name =
        fmt::format(".{}.tmp-{}-{}", path.filename().string(), ::getpid(), counter.fetch_add(1));
    fs::path tmp = folder_of(path) / tmp_name;
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
    if (fd.get() < 0)
        fail(errno_exit(errno), "cannot write {}: {}", path.string(), errno_text(errno));
    auto cleanup_fail = [&](const char* what) {
        int e = errno;
        ::unlink(tmp.c_str());
        fail(errno_exit(e), "cannot write {} ({}): {}", path.string(), what, errno_text(e));
    };
    if (::fchmod(fd.get(), mode) != 0) cleanup_fail("chmod");
    size_t off = 0;
    while (off < data.size()) {
        ssize_t n = ::write(fd.get(), data.data() + off, data.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            cleanup_fail("write");
        }
        off += static_cast<size_t>(n);
    }
    if (flush && ::fsync(fd.get()) != 0) cleanup_fail("fsync");
    if (::close(fd.release()) != 0) cleanup_fail("close");
    return tmp;
}

void rename_into_place(const fs::path& tmp, const fs::path& path) {
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int e = errno;
        ::unlink(tmp.c_str());
        fail(errno_exit(e), "cannot write {} (rename): {}", path.string(), errno_text(e));
    }
}

void fsync_folder(const fs::path& dir) {
    Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dfd.get() >= 0) ::fsync(dfd.get());
}

// Everything written to the file system that holds dir, durable.
void flush_file_system(const fs::path& dir) {
    Fd dfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dfd.get() < 0 || ::syncfs(dfd.get()) != 0)
        fail(Exit::env, "cannot flush {} to disk: {}", dir.string(), errno_text(errno));
}

} // namespace

void write_file_atomic(const fs::path& path, std::string_view data, unsigned mode) {
    fs::path tmp = write_temporary(path, data, mode, true);
    rename_into_place(tmp, path);
    fsync_folder(folder_of(path));
}

void write_files_atomic(const std::vector<std::pair<fs::path, std::string_view>>& files,
                        unsigned mode) {
    if (files.empty()) return;
    // Past a few files, two flushes of the whole file system cost less than
    // an fsync for each file and each folder (a sync's merge brings hundreds).
    const bool batch = files.size() >= 8;
    std::vector<fs::path> tmps;
    tmps.reserve(files.size());
    try {
        for (const auto& [path, data] : files)
            tmps.push_back(write_temporary(path, data, mode, !batch));
        // Every file's text is on disk before any name moves to it...
        if (batch) flush_file_system(folder_of(files.front().first));
    } catch (...) {
        for (const auto& t : tmps)
            ::unlink(t.c_str());
        throw;
    }
    size_t done = 0;
    try {
        for (; done < files.size(); ++done)
            rename_into_place(tmps[done], files[done].first);
    } catch (...) {
        for (size_t i = done + 1; i < tmps.size(); ++i)
            ::unlink(tmps[i].c_str());
        throw;
    }
    // ...and every rename is, before this returns.
    if (batch) {
        flush_file_system(folder_of(files.front().first));
        return;
    }
    std::vector<fs::path> folders;
    for (const auto& f : files)
        if (std::find(folders.begin(), folders.end(), folder_of(f.first)) == folders.end())
            folders.push_back(folder_of(f.first));
    for (const auto& d : folders)
        fsync_folder(d);
}

void make_dirs(const fs::path& path, unsigned mode) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return;
    if (!path.parent_path().empty() && path.parent_path() != path)
        make_dirs(path.parent_path(), mode == 0700 ? 0755 : mode);
    if (::mkdir(path.c_str(), mode) != 0 && errno != EEXIST)
        fail(Exit::env, "cannot create folder {}: {}", path.string(), errno_text(errno));
    ::chmod(path.c_str(), mode);
}

fs::path home_dir() {
    if (const char* h = std::getenv("HOME"); h && *h) return h;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return "/";
}

static fs::path xdg(const char* var, const char* fallback) {
    if (const char* v = std::getenv(var); v && *v && fs::path(v).is_absolute()) return v;
    return home_dir() / fallback;
}

fs::path xdg_data_home() {
    return xdg("XDG_DATA_HOME", ".local/share");
}
fs::path xdg_cache_home() {
    return xdg("XDG_CACHE_HOME", ".cache");
}
fs::path xdg_state_home() {
    return xdg("XDG_STATE_HOME", ".local/state");
}

fs::path self_exe() {
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : p;
}

bool is_safe_id(std::string_view name) {
    if (name.empty() || name.size() > 100) return false;
    auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!ok_first(name[0])) return false;
    for (char c : name)
        if (!ok_first(c) && c != '-') return false;
    return true;
}

bool is_within(const fs::path& dir, const fs::path& p) {
    // Canonical on both sides, so a symbolic link cannot lead outside.
    std::error_code ec;
    auto d = fs::weakly_canonical(fs::absolute(dir), ec);
    if (ec) return false;
    auto q = fs::weakly_canonical(fs::absolute(p), ec);
    if (ec) return false;
    auto di = d.begin(), qi = q.begin();
    for (; di != d.end(); ++di, ++qi) {
        if (di->empty()) continue; // trailing slash
        if (qi == q.end() || *di != *qi) return false;
    }
    return true;
}

} // namespace hired
