// Fuzz target: the problem loader (practice/problem.cpp). The input is a
// problem file's text, written as <id>.yaml (the id read from its "id:"
// line, so that seeds from the bank get past the file-name check) in a
// folder that also holds the data files the bank's problems name. Loading
// never crashes, hangs or leaks; it either gives a problem or a located,
// printable Error(data); warnings are printable too.
#include "fuzz_support.hpp"

#include "practice/problem.hpp"
#include "util/text.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using hired::fuzz::require;

namespace {

// A temporary folder for the problem files, removed when the process ends.
struct Folder {
    fs::path path;
    Folder() {
        std::string t = (fs::temp_directory_path() / "hired-fuzz-problem-XXXXXX").string();
        if (!::mkdtemp(t.data())) hired::fuzz::violated("cannot make a temporary folder");
        path = t;
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

const fs::path& folder() {
    static const Folder dir;
    return dir.path;
}

// The id the text's "id:" line gives, when it is a safe one; else "p".
std::string id_of(std::string_view text) {
    size_t at = text.rfind("id: ", 0) == 0 ? 0 : text.find("\nid: ");
    if (at == std::string_view::npos) return "p";
    at = text.find(':', at) + 2;
    size_t end = at;
    while (end < text.size() && end - at < 40 &&
           ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= '0' && text[end] <= '9') ||
            text[end] == '-'))
        ++end;
    std::string id(text.substr(at, end - at));
    return id.empty() || id.front() == '-' ? "p" : id;
}

// The data files the bank's problems and the tests' fixtures name.
void data_files(const std::string& id) {
    fs::path own = folder() / id;
    if (fs::exists(own)) return;
    fs::create_directories(own);
    for (const char* name : {"large.in", "large.ans", "ref.cpp", "ref.py", "gen.py", "check.py",
                             "in", "out", "1.in", "1.ans"})
        std::ofstream(own / name) << "1\n";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string id = id_of(text);
    data_files(id);
    const fs::path file = folder() / (id + ".yaml");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    try {
        hired::practice::Problem p = hired::practice::load_problem(file);
        require(!p.id.empty() && !p.title.empty() && !p.statement.empty(),
                "a problem without id, title or statement");
        require(!p.examples.empty() || !p.tests.empty(), "a problem without cases");
        for (const auto& w : p.warnings) {
            require(w.line >= 1 && w.column >= 1,
                    "a warning without a position: " + hired::printable(w.message));
            require(hired::fuzz::printable_text(w.message),
                    "raw bytes in a warning: " + hired::printable(w.message));
        }
    } catch (const hired::Error& e) {
        hired::fuzz::require_data_error(e, file.string());
    }
    return 0;
}
