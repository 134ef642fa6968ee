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

// A ready-to-run program: argv and the folder to run it in.
struct Program {
    std::vector<std::string> argv;
    std::string language;
    bool cached = false;    // the compile step was skipped (cache hit)
    double compile_ms = 0;  // time spent compiling now
};

struct Compiled {
    bool ok = false;
    Program program;
    std::string diagnostics; // the compiler's output, when it failed
};

// Compiles (or syntax-checks) source when needed. memory_mb is used for the
// JVM's heap flag. Throws Error(Exit::env) when the toolchain is missing.
Compiled prepare(const fs::path& source, const Language& lang, int memory_mb,
                 const fs::path& cache_root);

// The default cache root: $XDG_CACHE_HOME/hired/build.
fs::path default_cache_root();

} // namespace hired::practice
