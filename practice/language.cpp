#include "language.hpp"

#include "containment.hpp"
#include "runner.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string_view>

extern char** environ;

namespace hired::practice {

const std::vector<Language>& languages() {
    static const std::vector<Language> all = {
        {"cpp", ".cpp", "C++ (g++ -std=c++20 -O2 -static)"},
        {"c", ".c", "C (gcc -O2 -static)"},
        {"python", ".py", "Python 3 (python3)"},
        {"javascript", ".js", "JavaScript (node)"},
        {"java", ".java", "Java (javac + java)"},
        {"rust", ".rs", "Rust (rustc -O)"},
        {"sh", ".sh", "shell (bash)"},
        {"exe", "", "any executable"},
    };
    return all;
}

const Language* find_language(std::string_view name) {
    std::string n = to_lower(name);
    if (n == "c++" || n == "cc" || n == "cxx") n = "cpp";
    if (n == "py" || n == "python3") n = "python";
    if (n == "js" || n == "node") n = "javascript";
    if (n == "rs") n = "rust";
    if (n == "bash" || n == "shell") n = "sh";
    for (const auto& l : languages())
        if (l.name == n) return &l;
    return nullptr;
}

const Language* language_of(const fs::path& source) {
    std::string ext = to_lower(source.extension().string());
    if (ext == ".cpp" || ext == ".cc" || ext == ".cxx" || ext == ".c++")
        return find_language("cpp");
    if (ext == ".c") return find_language("c");
    if (ext == ".py") return find_language("python");
    if (ext == ".js" || ext == ".mjs") return find_language("javascript");
    if (ext == ".java") return find_language("java");
    if (ext == ".rs") return find_language("rust");
    if (ext == ".sh" || ext == ".bash") return find_language("sh");
    if (::access(source.c_str(), X_OK) == 0) return find_language("exe");
    return nullptr;
}

fs::path default_cache_root() {
    return xdg_cache_home() / "hired" / "build";
}

namespace {

struct Step {
    std::vector<std::string> compile; // empty: nothing to compile or check
    std::vector<std::string> run;
    std::string copy_as; // copy the source into the build folder under this name
};

// The class javac must name the file after: the first `public [final] class X`,
// else the first `class X`, else Main. Words are runs of Java identifier
// characters; the words of a pattern must be separated by white space only.
std::string java_class(const std::string& code) {
    auto ident = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    };
    struct Word {
        std::string_view text;
        bool after_space; // only white space (at least one) since the previous word
    };
    std::vector<Word> words;
    size_t i = 0, n = code.size();
    while (i < n) {
        size_t gap = i;
        while (i < n && !ident(code[i]))
            ++i;
        bool space = i > gap;
        for (size_t k = gap; k < i; ++k)
            if (!std::isspace(static_cast<unsigned char>(code[k]))) space = false;
        size_t b = i;
        while (i < n && ident(code[i]))
            ++i;
        if (i > b) words.push_back({std::string_view(code).substr(b, i - b), space});
    }
    auto name_at = [&](size_t k) -> std::string {
        if (k >= words.size() || !words[k].after_space) return "";
        char c = words[k].text[0];
        return std::isdigit(static_cast<unsigned char>(c)) ? "" : std::string(words[k].text);
    };
    for (size_t k = 0; k + 1 < words.size(); ++k) {
        if (words[k].text != "public") continue;
        size_t c = k + 1;
        if (words[c].text == "final" && words[c].after_space) ++c;
        if (c < words.size() && words[c].text == "class" && words[c].after_space)
            if (auto name = name_at(c + 1); !name.empty()) return name;
    }
    for (size_t k = 0; k < words.size(); ++k)
        if (words[k].text == "class")
            if (auto name = name_at(k + 1); !name.empty()) return name;
    return "Main";
}

Step plan(const Language& lang, const fs::path& src, const fs::path& out, const std::string& code,
          int memory_mb) {
    const std::string s = fs::absolute(src).string();
    const std::string o = out.string();
    // C and C++ link statically, as Codeforces and AtCoder do: loading
    // libstdc++ at each start costs about 2 ms, which would weigh on every
    // case of a small test.
    if (lang.name == "cpp")
        return {{"g++", "-std=c++20", "-O2", "-pipe", "-static", "-o", o + "/prog", s},
                {o + "/prog"},
                ""};
    if (lang.name == "c")
        return {{"gcc", "-std=c17", "-O2", "-pipe", "-static", "-o", o + "/prog", s, "-lm"},
                {o + "/prog"},
                ""};
    if (lang.name == "rust")
        return {{"rustc", "-O", "--edition", "2021", "-o", o + "/prog", s}, {o + "/prog"}, ""};
    if (lang.name == "java") {
        std::string cls = java_class(code);
        // String concatenation as StringBuilder calls, not invokedynamic:
        // bootstrapping those costs a JVM about 35 ms at each start.
        return {{"javac", "-XDstringConcat=inline", "-encoding", "UTF-8", "-d", o,
                 o + "/" + cls + ".java"},
                // No perf data: the JVM would write it to /tmp, read-only in the sandbox.
                {"java", "-Xss256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                 "-XX:-UsePerfData", fmt::format("-Xmx{}m", std::max(16, memory_mb)), "-cp", o,
                 cls},
                cls + ".java"};
    }
    if (lang.name == "python")
        return {{"python3", "-c",
                 "import sys, py_compile\n"
                 "try:\n    py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)\n"
                 "except py_compile.PyCompileError as e:\n    sys.stderr.write(e.msg + '\\n'); "
                 "sys.exit(1)\n",
                 s, o + "/check.pyc"},
                {python_interpreter(), s},
                ""};
    if (lang.name == "javascript") return {{"node", "--check", s}, {"node", s}, ""};
    if (lang.name == "sh") return {{"bash", "-n", s}, {"bash", s}, ""};
    return {{}, {s}, ""};
}

} // namespace

std::string compiler_identity(std::string_view tool) {
    static std::mutex m;
    static std::map<std::string, std::string, std::less<>> known;
    std::lock_guard lock(m);
    if (auto it = known.find(tool); it != known.end()) return it->second;
    std::string id;
    const char* path = std::getenv("PATH");
    for (const auto& dir : split(path ? path : "/usr/bin:/bin", ':')) {
        if (dir.empty()) continue;
        std::error_code ec;
        fs::path candidate = fs::path(dir) / std::string(tool);
        if (::access(candidate.c_str(), X_OK) != 0) continue;
        fs::path real = fs::canonical(candidate, ec);
        struct stat st {};
        if (ec || ::stat(real.c_str(), &st) != 0) continue;
        id = fmt::format("{}:{}:{}.{}", real.string(), st.st_size, st.st_mtim.tv_sec,
                         st.st_mtim.tv_nsec);
        break;
    }
    known.emplace(std::string(tool), id);
    return id;
}

namespace {

struct Interpreter {
    std::string exe = "python3";
    std::vector<fs::path> shown;
};

const Interpreter& python() {
    static std::once_flag once;
    static Interpreter found;
    std::call_once(once, [] {
        const char* path = std::getenv("PATH");
        for (const auto& dir : split(path ? path : "/usr/bin:/bin", ':')) {
            if (dir.empty()) continue;
            fs::path candidate = fs::path(dir) / "python3";
            if (::access(candidate.c_str(), X_OK) != 0) continue;
            auto head = try_read_file(candidate);
            if (!head || head->rfind("#!", 0) != 0) return; // the interpreter itself
            static const Environment toolchain(toolchain_environment(environ));
            RunRequest req;
            req.argv = {candidate.string(), "-c",
                        "import sys; sys.stdout.write(sys.executable + '\\n' + sys.base_prefix)"};
            req.environment = &toolchain;
            req.limits.cpu_ms = 10'000;
            req.limits.wall_ms = 20'000;
            req.limits.memory_kb = 1 << 20;
            req.limits.output_bytes = 1 << 16;
            RunResult r = run_process(req);
            size_t nl = r.output.find('\n');
            if (r.outcome != Outcome::exited || r.exit_code != 0 || nl == std::string::npos) return;
            std::string exe = r.output.substr(0, nl), prefix = r.output.substr(nl + 1);
            if (::access(exe.c_str(), X_OK) != 0) return;
            found.exe = exe;
            if (!prefix.empty()) found.shown.push_back(prefix);
            return;
        }
    });
    return found;
}

} // namespace

std::string python_interpreter() {
    return python().exe;
}

std::vector<fs::path> python_runtime_files() {
    return python().shown;
}

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

Compiled prepare(const fs::path& source, const Language& lang, int memory_mb,
                 const fs::path& cache_root) {
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) fail(Exit::data, "no solution file {}", source.string());
    std::string code = read_file(source);
    Compiled result;
    Step probe = plan(lang, source, "@", code, memory_mb);
    const fs::path absolute_source = fs::absolute(source).lexically_normal();
    if (probe.compile.empty()) {
        result.ok = true;
        result.program.argv = plan(lang, source, "", code, memory_mb).run;
        result.program.language = lang.name;
        result.program.cached = true;
        result.program.files = {absolute_source};
        return result;
    }
    // The key covers what is compiled and how, not where the source lives
    // (except for interpreted languages, whose run step names the source).
    Hasher h;
    h.add(lang.name).add(code).add(compiler_identity(probe.compile[0]));
    for (const auto& a : probe.compile)
        h.add(a == fs::absolute(source).string() ? std::string("<src>") : a);
    if (lang.name == "python" || lang.name == "javascript" || lang.name == "sh")
        h.add(fs::absolute(source).string());
    fs::path dir = cache_root / (lang.name + "-" + h.hex());
    Step step = plan(lang, source, dir, code, memory_mb);
    result.program.argv = step.run;
    result.program.language = lang.name;
    // Interpreted code runs from its source; compiled code from its build.
    const bool interpreted =
        lang.name == "python" || lang.name == "javascript" || lang.name == "sh";
    result.program.files = {interpreted ? absolute_source : dir};
    if (lang.name == "python")
        for (const auto& f : python_runtime_files())
            result.program.files.push_back(f);
    if (fs::exists(dir / ".ok", ec)) {
        result.ok = true;
        result.program.cached = true;
        return result;
    }
    // Build in a private folder, then rename it into place: two runs at once
    // never see a half-built program.
    make_dirs(cache_root, 0755);
    fs::path tmp = cache_root / fmt::format(".tmp-{}-{}", h.hex(), ::getpid());
    fs::remove_all(tmp, ec);
    make_dirs(tmp, 0755);
    Step build = plan(lang, source, tmp, code, memory_mb);
    if (!build.copy_as.empty()) write_file_atomic(tmp / build.copy_as, code);

    static const Environment toolchain(toolchain_environment(environ));
    RunRequest req;
    req.argv = build.compile;
    req.cwd = tmp;
    req.environment = &toolchain;
    req.limits.cpu_ms = 120'000;
    req.limits.wall_ms = 180'000;
    req.limits.memory_kb = 8ll << 20;
    req.limits.output_bytes = 1 << 20;
    req.limits.stderr_bytes = 64 << 10;
    req.limits.stack_kb = 64 << 10;
    auto t0 = std::chrono::steady_clock::now();
    RunResult r = run_process(req);
    result.program.compile_ms = ms_since(t0);
    if (r.outcome == Outcome::spawn_failed) {
        fs::remove_all(tmp, ec);
        fail(Exit::env, "cannot compile {}: {} (is {} installed?)", source.filename().string(),
             r.error, build.compile[0]);
    }
    if (r.outcome != Outcome::exited || r.exit_code != 0) {
        fs::remove_all(tmp, ec);
        result.ok = false;
        result.diagnostics = r.errors + r.output;
        if (r.outcome == Outcome::cpu_limit || r.outcome == Outcome::wall_limit)
            result.diagnostics += "\n(the compiler ran out of time)";
        else if (r.outcome == Outcome::memory_limit)
            result.diagnostics += "\n(the compiler ran out of memory)";
        // Paths of our private build folder mean nothing to the user.
        return result;
    }
    write_file_atomic(tmp / ".ok", "");
    if (::rename(tmp.c_str(), dir.c_str()) != 0) {
        // Someone else finished the same build first: theirs is as good as ours.
        fs::remove_all(tmp, ec);
        if (!fs::exists(dir / ".ok", ec))
            fail(Exit::env, "cannot store the build of {} in {}", source.string(), dir.string());
    }
    result.ok = true;
    return result;
}

Program command_program(std::string_view line, const fs::path& cwd) {
    Program p;
    p.argv = split_command(line);
    p.language = "command";
    for (size_t i = 0; i < p.argv.size(); ++i) {
        std::string& word = p.argv[i];
        if (word.empty() || word[0] == '-') continue;
        fs::path path(word);
        if (path.is_relative()) {
            std::error_code ec;
            fs::path here = (cwd / path).lexically_normal();
            // The command itself is looked up in PATH unless it has a '/'.
            if (i == 0 && word.find('/') == std::string::npos) continue;
            if (!fs::exists(here, ec)) continue;
            word = here.string();
            path = here;
        }
        std::error_code ec;
        if (fs::exists(path, ec)) p.files.push_back(path);
    }
    return p;
}

} // namespace hired::practice
