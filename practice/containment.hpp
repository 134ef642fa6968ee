// Containment: what a program started on behalf of a problem may see and
// touch. Every such program (a solution, a reference solution, a checker)
// gets an environment without secrets and a fresh private working folder;
// code from outside the built-in bank, and the user's own solution when
// asked, also runs under bubblewrap (bwrap) with the home folder, the
// journal, /tmp and /run hidden, the file system read-only except that
// folder, and no network. Compilers get the environment without secrets.
#pragma once

#include "problem.hpp"
#include "runner.hpp"

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace hired::practice {

namespace fs = std::filesystem;

// True for a variable that may hold a credential or lead to one: hired's
// own (HIRED_*: the git token, the journal's path), version control, ssh and
// gpg (GIT_*, SSH_*, GPG_*), cloud and forge tools (AWS_*, GITHUB_*, …),
// the desktop session's doors (DBUS_SESSION_BUS_ADDRESS, XAUTHORITY, …),
// proxies, any name with a word such as TOKEN, SECRET, PASSWORD, KEY or AUTH
// in it, and any value that is a URL with a user name or password.
bool is_secret(std::string_view name, std::string_view value);

// True for the variables a program under test keeps (when not secret): the
// search path, home and user, locale, terminal and time zone, and what the
// language runtimes read (PYTHON*, JAVA_HOME, NODE_PATH, LD_LIBRARY_PATH…).
bool is_runtime_variable(std::string_view name);

// "NAME=value" entries of env (a null-terminated array, like environ).
// For compilers: everything but secrets.
std::vector<std::string> toolchain_environment(const char* const* env);
// For programs under test: runtime variables only, never a secret.
std::vector<std::string> program_environment(const char* const* env);

// A private (0700) temporary folder that runs work in: emptied between
// runs, removed with this object.
class RunFolder {
public:
    RunFolder(); // under the system's temporary folder ($TMPDIR, else /tmp)
    ~RunFolder();
    RunFolder(RunFolder&& other) noexcept;
    RunFolder& operator=(RunFolder&&) = delete;
    RunFolder(const RunFolder&) = delete;
    RunFolder& operator=(const RunFolder&) = delete;

    const fs::path& path() const { return path_; }
    // Makes it fresh and empty again, whatever the last run did to it
    // (files, read-only folders, a changed mode, the folder removed or
    // replaced). An empty folder costs one lstat and one read of it.
    // Throws Error(Exit::env) when it cannot.
    void clear();

private:
    void make();
    fs::path path_;
    dev_t dev_ = 0;
    ino_t ino_ = 0;
};

// A bubblewrap sandbox: what it hides, and how a command is run in it.
class Sandbox {
public:
    // bwrap: the executable. hidden: folders to hide (made empty and
    // read-only) besides the usual ones (the home folder, /tmp, /run, …).
    Sandbox(fs::path bwrap, const std::vector<fs::path>& hidden);

    const fs::path& executable() const { return bwrap_; }
    // The folders hidden, canonical, none inside another.
    const std::vector<fs::path>& hidden() const { return hidden_; }

    // argv as run in the sandbox: folder is its working folder and the
    // only writable place; shown are files or folders (the program, its
    // build) made visible read-only where a hidden folder would cover them.
    std::vector<std::string> wrap(const std::vector<std::string>& argv, const fs::path& folder,
                                  const std::vector<fs::path>& shown) const;

private:
    fs::path bwrap_;
    std::vector<fs::path> hidden_;
};

// What one command's runs share: the two environments, built once, and the
// sandbox, looked for on first use. Safe to share between threads.
class Containment {
public:
    // hidden: folders the sandbox hides besides the usual ones (the journal).
    explicit Containment(std::vector<fs::path> hidden = {});

    // The environment of compilers.
    const Environment& toolchain() const { return toolchain_; }
    // The environment of a program under test that runs in folder: HOME is
    // kept (a user's packages live there), TMPDIR is folder.
    Environment program(const fs::path& folder) const;
    // The same for a sandboxed program: HOME is folder too (the real one
    // is hidden).
    Environment sandboxed_program(const fs::path& folder) const;

    // The sandbox, found and tried (one run of bwrap) on the first call;
    // null when bubblewrap is missing or cannot run here. Then
    // take_warning() says so, once.
    const Sandbox* sandbox();
    // A one-line warning for the user, the first time after sandbox()
    // found no sandbox; nullopt afterwards and when there is nothing to say.
    std::optional<std::string> take_warning();

private:
    void probe();

    std::vector<fs::path> extra_hidden_;
    Environment toolchain_;
    std::vector<std::string> program_base_;
    std::once_flag probed_;
    std::optional<Sandbox> sandbox_;
    std::mutex warning_mutex_;
    std::string why_not_;
    bool warned_ = false;
};

// True when a problem's programs (its checker, generator and reference
// solutions) are third-party code: the problem does not come from the
// built-in bank (builtin_bank, the folder hired ships), but from the
// journal's problems/, --problems or $HIRED_PROBLEMS, i.e. was imported,
// downloaded or shared. Those run in the sandbox.
bool is_third_party(const Problem& problem, const fs::path& builtin_bank);

} // namespace hired::practice
