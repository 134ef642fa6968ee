#include "containment.hpp"

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <dirent.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

extern char** environ;

namespace hired::practice {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view p) { return s.substr(0, p.size()) == p; });
}

bool contains_any_of(std::string_view s, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

// "scheme://user:password@host/…": a URL that carries its own credentials.
bool url_with_credentials(std::string_view value) {
    size_t scheme = value.find("://");
    if (scheme == std::string_view::npos) return false;
    std::string_view rest = value.substr(scheme + 3);
    std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    return authority.find('@') != std::string_view::npos;
}

} // namespace

bool is_secret(std::string_view name, std::string_view value) {
    const std::string n = upper(name);
    // Whole families: hired's own configuration, and tools whose variables
    // are about credentials or a way into another system.
    if (starts_with_any(n, {"HIRED_",  "GIT_",    "SSH_",       "GPG_",          "GNUPG",
                            "AWS_",    "AZURE_",  "GOOGLE_",    "GCLOUD_",       "CLOUDSDK_",
                            "GITHUB_", "GITLAB_", "GH_",        "DOCKER_",       "KUBECONFIG",
                            "VAULT_",  "KRB5",    "OP_SESSION", "GNOME_KEYRING", "SUDO_ASKPASS"}))
        return true;
    // The desktop session's doors: its bus (keyring and all), the display
    // (a program on it can read keystrokes), the runtime folder with the
    // agents' sockets; and files of credentials.
    for (std::string_view door : {"DBUS_SESSION_BUS_ADDRESS", "XAUTHORITY", "DISPLAY",
                                  "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "NETRC", "OLDPWD"})
        if (n == door) return true;
    // Proxies may hold a password, and a program here has no network use.
    if (n.size() >= 6 && n.compare(n.size() - 6, 6, "_PROXY") == 0) return true;
    // Words that say "secret" even inside a longer word…
    if (contains_any_of(n, {"TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASSPHRASE", "CREDENTIAL",
                            "APIKEY", "ACCESSKEY", "PRIVATEKEY", "AUTHTOKEN"}))
        return true;
    // …and short ones only as a word of their own (MONKEY, AUTHOR and
    // COMPASS are not secrets; DB_PASS, MYSQL_PWD and SIGNING_KEY are).
    size_t start = 0;
    while (start <= n.size()) {
        size_t end = n.find('_', start);
        if (end == std::string::npos) end = n.size();
        std::string_view word = std::string_view(n).substr(start, end - start);
        for (std::string_view w :
             {"KEY", "KEYS", "PASS", "PWD", "AUTH", "COOKIE", "COOKIES", "CREDS", "PRIVATE"})
            if (word == w) return true;
        start = end + 1;
    }
    return url_with_credentials(value);
}

bool is_runtime_variable(std::string_view name) {
    for (std::string_view keep :
         {"PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TERM", "TZ", "TZDIR",
          "LD_LIBRARY_PATH", "JAVA_HOME", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
          "NODE_PATH", "NODE_OPTIONS", "PYENV_VERSION", "PYENV_ROOT"})
        if (name == keep) return true;
    return starts_with_any(name, {"LC_", "PYTHON"});
}

namespace {

template <typename Keep> std::vector<std::string> filtered(const char* const* env, Keep keep) {
    std::vector<std::string> out;
    for (const char* const* e = env; e && *e; ++e) {
        std::string_view entry(*e);
        size_t eq = entry.find('=');
        if (eq == std::string_view::npos || eq == 0) continue;
        std::string_view name = entry.substr(0, eq), value = entry.substr(eq + 1);
        if (keep(name) && !is_secret(name, value)) out.emplace_back(entry);
    }
    return out;
}

} // namespace

std::vector<std::string> toolchain_environment(const char* const* env) {
    // PWD names the caller's folder; a compiler runs in its build folder.
    return filtered(env, [](std::string_view name) { return name != "PWD"; });
}

std::vector<std::string> program_environment(const char* const* env) {
    return filtered(env, is_runtime_variable);
}

// ---------------------------------------------------------------------------
// RunFolder

namespace {

// Removes path and everything under it, making folders writable on the way
// (a program may leave a read-only or unreadable folder behind).
void remove_tree(const fs::path& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (!ec) return;
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        ::chmod(path.c_str(), 0700);
        if (DIR* dir = ::opendir(path.c_str())) {
            std::vector<fs::path> entries;
            while (dirent* e = ::readdir(dir))
                if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
                    entries.push_back(path / e->d_name);
            ::closedir(dir);
            for (const fs::path& e : entries)
                remove_tree(e);
        }
    }
    fs::remove_all(path, ec);
    if (ec) fail(Exit::env, "cannot remove {}: {}", path.string(), ec.message());
}

bool is_empty_folder(const fs::path& path) {
    DIR* dir = ::opendir(path.c_str());
    if (!dir) return false;
    bool empty = true;
    while (dirent* e = ::readdir(dir)) {
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
            empty = false;
            break;
        }
    }
    ::closedir(dir);
    return empty;
}

} // namespace

RunFolder::RunFolder() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string tmpl = (base / "hired-run-XXXXXX").string();
    if (!::mkdtemp(tmpl.data()))
        fail(Exit::env, "cannot create a temporary folder in {}: {}", base.string(),
             std::strerror(errno));
    // Canonical: the sandbox binds it at the same path, and bwrap resolves
    // symbolic links inside the sandbox, where they may lead elsewhere.
    path_ = fs::canonical(tmpl, ec);
    if (ec) path_ = tmpl;
    struct stat st {};
    if (::lstat(path_.c_str(), &st) != 0)
        fail(Exit::env, "cannot use {}: {}", path_.string(), std::strerror(errno));
    dev_ = st.st_dev;
    ino_ = st.st_ino;
}

RunFolder::~RunFolder() {
    if (path_.empty()) return;
    try {
        remove_tree(path_);
    } catch (const Error&) {
        // A destructor cannot report it; /tmp is cleaned by the system.
    }
}

RunFolder::RunFolder(RunFolder&& other) noexcept
    : path_(std::move(other.path_)), dev_(other.dev_), ino_(other.ino_) {
    other.path_.clear();
}

void RunFolder::make() {
    if (::mkdir(path_.c_str(), 0700) != 0)
        fail(Exit::env, "cannot create {}: {}", path_.string(), std::strerror(errno));
    struct stat st {};
    if (::lstat(path_.c_str(), &st) != 0)
        fail(Exit::env, "cannot use {}: {}", path_.string(), std::strerror(errno));
    dev_ = st.st_dev;
    ino_ = st.st_ino;
}

void RunFolder::clear() {
    struct stat st {};
    const bool gone = ::lstat(path_.c_str(), &st) != 0 && errno == ENOENT;
    if (gone || !S_ISDIR(st.st_mode) || st.st_dev != dev_ || st.st_ino != ino_) {
        // Removed, renamed, or replaced (by a symbolic link to somewhere the
        // next run must not work in): start again with a new folder.
        if (!gone) remove_tree(path_);
        make();
        return;
    }
    if ((st.st_mode & 07777) != 0700) ::chmod(path_.c_str(), 0700);
    if (is_empty_folder(path_)) return;
    std::vector<fs::path> entries;
    if (DIR* dir = ::opendir(path_.c_str())) {
        while (dirent* e = ::readdir(dir))
            if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
                entries.push_back(path_ / e->d_name);
        ::closedir(dir);
    }
    for (const fs::path& e : entries)
        remove_tree(e);
}

// ---------------------------------------------------------------------------
// Sandbox

namespace {

// path made canonical when it exists as a folder; empty otherwise.
fs::path existing_folder(const fs::path& path) {
    if (path.empty() || !path.is_absolute()) return {};
    std::error_code ec;
    fs::path c = fs::canonical(path, ec);
    if (ec || !fs::is_directory(c, ec)) return {};
    return c;
}

// True when p is base or below it (both canonical).
bool under(const fs::path& p, const fs::path& base) {
    auto [b, q] = std::mismatch(base.begin(), base.end(), p.begin(), p.end());
    return b == base.end();
}

} // namespace

Sandbox::Sandbox(fs::path bwrap, const std::vector<fs::path>& hidden) : bwrap_(std::move(bwrap)) {
    std::vector<fs::path> wanted = {"/tmp", "/var/tmp", "/run", "/home", "/root", "/mnt", "/media"};
    wanted.push_back(home_dir());
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir)
        wanted.emplace_back(pw->pw_dir);
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        if (const char* v = std::getenv(var); v && *v) wanted.emplace_back(v);
    wanted.insert(wanted.end(), hidden.begin(), hidden.end());
    std::vector<fs::path> found;
    for (const fs::path& w : wanted) {
        fs::path c = existing_folder(w);
        if (c.empty()) continue;
        // Never hide the system itself (a home folder of "/" or "/usr").
        bool system = false;
        for (const char* essential : {"/usr", "/etc", "/bin", "/lib", "/dev", "/proc"})
            if (under(fs::path(essential), c)) system = true;
        if (!system) found.push_back(c);
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& f : found)
        if (hidden_.empty() || !under(f, hidden_.back())) hidden_.push_back(f);
}

std::vector<std::string> Sandbox::wrap(const std::vector<std::string>& argv, const fs::path& folder,
                                       const std::vector<fs::path>& shown) const {
    // Everything is unshared (the network, process ids, IPC, the user and
    // host name); the program gets no capabilities even when hired runs as
    // root, dies with hired, and has no terminal to inject keystrokes into.
    // An option and its arguments on one line.
    // clang-format off
    std::vector<std::string> out = {
        bwrap_.string(),
        "--unshare-all", "--die-with-parent", "--new-session",
        "--cap-drop", "ALL",
        "--ro-bind", "/", "/",
        "--dev", "/dev",
        "--proc", "/proc",
    };
    // clang-format on
    for (const fs::path& h : hidden_) {
        out.push_back("--tmpfs");
        out.push_back(h.string());
    }
    out.insert(out.end(), {"--bind", folder.string(), folder.string()});
    for (const fs::path& s : shown) {
        std::error_code ec;
        fs::path c = fs::canonical(s, ec);
        if (ec) continue;
        // Only what a hidden folder covers needs binding; each bind costs.
        bool covered = std::any_of(hidden_.begin(), hidden_.end(),
                                   [&](const fs::path& h) { return under(c, h); });
        if (!covered || under(c, folder)) continue;
        out.insert(out.end(), {"--ro-bind", c.string(), c.string()});
    }
    // The hidden folders become read-only after the binds, which need
    // mount points made in them.
    for (const fs::path& h : hidden_) {
        out.push_back("--remount-ro");
        out.push_back(h.string());
    }
    out.insert(out.end(), {"--remount-ro", "/dev", "--chdir", folder.string(), "--"});
    out.insert(out.end(), argv.begin(), argv.end());
    return out;
}

// ---------------------------------------------------------------------------
// Containment

Containment::Containment(std::vector<fs::path> hidden)
    : extra_hidden_(std::move(hidden)), toolchain_(toolchain_environment(environ)),
      program_base_(program_environment(environ)) {}

Environment Containment::program(const fs::path& folder) const {
    return Environment(program_base_).with("TMPDIR", folder.string());
}

Environment Containment::sandboxed_program(const fs::path& folder) const {
    return program(folder).with("HOME", folder.string());
}

namespace {

fs::path find_on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    for (const std::string& dir : split(path, ':')) {
        if (dir.empty()) continue;
        fs::path candidate = fs::path(dir) / name;
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            ::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return {};
}

} // namespace

void Containment::probe() {
    fs::path bwrap = find_on_path("bwrap");
    if (bwrap.empty()) {
        why_not_ = "bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap)";
        return;
    }
    // It may be installed and still unable to run: user namespaces can be
    // turned off, or hired may itself run in a container that forbids them.
    Sandbox candidate(bwrap, extra_hidden_);
    RunFolder folder;
    Environment env = sandboxed_program(folder.path());
    RunRequest req;
    req.argv = candidate.wrap({"true"}, folder.path(), {});
    req.environment = &env;
    req.wrapper = bwrap;
    req.limits.cpu_ms = 10'000;
    req.limits.wall_ms = 20'000;
    RunResult r = run_process(req);
    if (r.outcome == Outcome::exited && r.exit_code == 0) {
        sandbox_ = std::move(candidate);
        return;
    }
    std::string why = r.outcome == Outcome::spawn_failed ? r.error : std::string(trim(r.errors));
    why = why.substr(0, why.find('\n'));
    while (!why.empty() && (why.back() == '.' || why.back() == ' '))
        why.pop_back();
    if (why.empty()) why = fmt::format("exit code {}", r.exit_code);
    why_not_ = fmt::format("bubblewrap ({}) cannot run here ({})", bwrap.string(), why);
}

const Sandbox* Containment::sandbox() {
    std::call_once(probed_, [this] { probe(); });
    return sandbox_ ? &*sandbox_ : nullptr;
}

std::optional<std::string> Containment::take_warning() {
    std::lock_guard lock(warning_mutex_);
    if (sandbox_ || why_not_.empty() || warned_) return std::nullopt;
    warned_ = true;
    return why_not_ + ": programs meant for the sandbox run with a clean environment only";
}

bool is_third_party(const Problem& problem, const fs::path& builtin_bank) {
    return builtin_bank.empty() || !is_within(builtin_bank, problem.file);
}

} // namespace hired::practice
