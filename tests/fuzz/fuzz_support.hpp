// What the fuzz targets share: a property check that stops the run (a
// crash libFuzzer reports and saves), the checks every error message must
// pass, and a reader of structured choices from the fuzzer's bytes.
#pragma once

#include "util/error.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace hired::fuzz {

// A property that failed: print what and stop (libFuzzer saves the input).
[[noreturn]] inline void violated(const std::string& what) {
    std::fprintf(stderr, "\n*** property violated: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

inline void require(bool ok, const std::string& what) {
    if (!ok) violated(what);
}

// Only printable ASCII and UTF-8 (a message never sends a terminal a raw
// control character or a byte that is not UTF-8).
inline bool printable_text(std::string_view s) {
    return hired::printable(s) == s;
}

// "label:LINE:COL: " with LINE and COL >= 1.
inline bool located(std::string_view message, std::string_view label) {
    if (message.substr(0, label.size()) != label || message.size() <= label.size() ||
        message[label.size()] != ':')
        return false;
    size_t i = label.size() + 1;
    for (int part = 0; part < 2; ++part) {
        size_t start = i;
        long v = 0;
        while (i < message.size() && message[i] >= '0' && message[i] <= '9' && v < 1'000'000'000)
            v = v * 10 + (message[i++] - '0');
        if (i == start || v < 1 || i >= message.size() || message[i] != ':') return false;
        ++i;
    }
    return i < message.size() && message[i] == ' ';
}

// An error from reading bad data: exit code 3, "label:line:col: ", printable.
inline void require_data_error(const hired::Error& e, std::string_view label) {
    std::string m = e.what();
    require(e.code() == hired::Exit::data, "exit code " +
                                               std::to_string(static_cast<int>(e.code())) +
                                               " for bad data: " + hired::printable(m));
    require(located(m, label), "an error without file:line:col: " + hired::printable(m));
    require(printable_text(m), "raw bytes in an error: " + hired::printable(m));
}

// Choices read from the fuzzer's bytes, front to back; zeros once they run out.
class Bytes {
public:
    Bytes(const uint8_t* data, size_t size) : p_(data), n_(size) {}
    bool empty() const { return i_ >= n_; }
    uint8_t byte() { return i_ < n_ ? p_[i_++] : 0; }
    // 0 .. n-1
    unsigned pick(unsigned n) { return n ? byte() % n : 0; }
    bool coin() { return byte() & 1; }
    // Up to max bytes of raw text.
    std::string text(size_t max) {
        size_t len = pick(static_cast<unsigned>(max) + 1);
        std::string out;
        while (len-- > 0 && !empty())
            out += static_cast<char>(byte());
        return out;
    }

private:
    const uint8_t* p_;
    size_t n_;
    size_t i_ = 0;
};

} // namespace hired::fuzz
