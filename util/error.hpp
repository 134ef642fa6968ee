// The one error type of hired. Libraries throw it; exactly one catch in
// cli/main.cpp prints "hired: error: <message>" and exits with its code.
#pragma once

#include "text.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace hired {

// Exit codes of the product contract (PRODUCT.md, "Global behaviour").
enum class Exit : int {
    ok = 0,
    failed = 1, // the thing checked failed: a case not accepted, a validation finding
    usage = 2,  // bad command line
    data = 3,   // bad data: invalid YAML, unknown problem or company, corrupt journal
    env = 4,    // environment: compiler or git failure, no space, lock timeout
};

class Error : public std::runtime_error {
public:
    Error(Exit code, std::string message) : std::runtime_error(std::move(message)), code_(code) {}
    Exit code() const noexcept { return code_; }

private:
    Exit code_;
};

template <typename... Args>
[[noreturn]] void fail(Exit code, fmt::format_string<Args...> f, Args&&... args) {
    throw Error(code, fmt::format(f, std::forward<Args>(args)...));
}

// "file:line:column: message", line and column 1-based, for bad data.
// Messages quote the file's text, which may hold control characters or
// bytes that are not UTF-8: those are shown escaped (printable()), never
// sent raw to the terminal.
template <typename... Args>
[[noreturn]] void fail_at(const std::string& file, int line, int column,
                          fmt::format_string<Args...> f, Args&&... args) {
    throw Error(Exit::data, printable(fmt::format("{}:{}:{}: {}", file, line, column,
                                                  fmt::format(f, std::forward<Args>(args)...))));
}

} // namespace hired
