// Languages a solution can be written in, chosen by file extension, and the
// compile step: each source is compiled once per content hash into a cache
// folder ($XDG_CACHE_HOME/hired/build/<hash>/), so a second `practice run`
// of an unchanged file starts at once. Interpreted languages get a syntax
// check instead, cached the same way, so a typo is a compile error (CE).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hired::practice {

namespace fs = std::filesystem;

struct Language {
    std::string name;      // "cpp", "c", "python", "javascript", "java", "rust", "sh", "exe"
    std::string extension; // what `practice start` writes: ".cpp", ".py", ...
    std::string display;   // "C++ (g++ -std=c++20 -O2)"
};

const std::vector<Language>& languages();
// By name ("cpp", "python", …, also "c++", "py", "js") or nullptr.
const Language* find_language(std::string_view name);
// By a file's extension; an extensionless executable is "exe"; else nullptr.
const Language* language_of(const fs::path& source);

// A ready-to-run program. It runs in a fresh temporary folder, so every
// path in argv is absolute.
struct Program {
    std::vector<std::string> argv;
    std::string language;
    bool cached = false;    // the compile step was skipped (cache hit)
    double compile_ms = 0;  // time spent compiling now
    // What it needs to see to run (its build folder, or its source for an
    // interpreted language): a sandbox shows these.
    std::vector<fs::path> files;
};

struct Compiled {
    bool ok = false;
    Program program;
    std::string diagnostics; // the compiler's output, when it failed
};

// Compiles (or syntax-checks) source when needed. memory_mb is used for the
// JVM's heap flag. Throws Error(Exit::env) when the toolchain is missing.
// The compiler runs in its build folder, with the environment minus secrets
// (containment.hpp).
Compiled prepare(const fs::path& source, const Language& lang, int memory_mb,
                 const fs::path& cache_root);

// A command line (`practice run --cmd`), split without a shell. It runs in a
// fresh folder, so a word that names an existing file or folder relative to
// cwd is made absolute (and is among the files a sandbox shows), as is a
// relative command with a '/'.
Program command_program(std::string_view line, const fs::path& cwd);

// What the compile cache keys a build by, besides the source: the tool's
// resolved path, size and modification time (as ccache's default check), so
// that an upgraded compiler never runs a stale build. "" when not found.
std::string compiler_identity(std::string_view tool);

// The Python interpreter programs run with: python3 from PATH, or, when that
// is a script (a pyenv or asdf shim, whose start-up would cost every case a
// few hundred milliseconds of CPU), the interpreter it starts, asked once.
std::string python_interpreter();
// What a sandbox must show for that interpreter to run: its installation
// (sys.base_prefix) when it was found through a shim, else nothing.
std::vector<fs::path> python_runtime_files();

// The default cache root: $XDG_CACHE_HOME/hired/build.
fs::path default_cache_root();

} // namespace hired::practice
