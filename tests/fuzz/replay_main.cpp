// A main() for a fuzz target outside libFuzzer: runs the target once on
// each file named (or each file in each folder named), as libFuzzer would
// on a crash input. Built with the normal compiler, so that ctest checks
// the regressions (tests/fuzz/regressions/) and the seeds in every build.
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

// The input being run, named when a property check aborts (or a
// sanitizer does, with abort_on_error=1).
char current[4096];

void name_input(int sig) {
    const char prefix[] = "\n*** on input: ";
    (void)!write(2, prefix, sizeof prefix - 1);
    (void)!write(2, current, std::strlen(current));
    (void)!write(2, "\n", 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

} // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::signal(SIGABRT, name_input);
    std::signal(SIGSEGV, name_input);
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        fs::path p = argv[i];
        if (fs::is_directory(p)) {
            for (const auto& e : fs::recursive_directory_iterator(p))
                if (e.is_regular_file()) files.push_back(e.path());
        } else {
            files.push_back(p);
        }
    }
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "cannot read %s\n", f.c_str());
            return 2;
        }
        std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::snprintf(current, sizeof current, "%s", f.c_str());
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    }
    std::printf("%zu inputs passed\n", files.size());
    return 0;
}
