// What every command handler shares: the global options, the output style
// (colour or not, JSON or not), and a small wrapper over Boost.Program_options
// that gives each command its --help, strict parsing (no abbreviation
// guessing, no stray arguments) and usage errors with the right exit code.
#pragma once

#include "util/error.hpp"
#include "util/files.hpp"

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::cli {

namespace po = boost::program_options;

struct Globals {
    std::optional<std::string> journal;    // --journal
    std::vector<std::string> problem_dirs; // --problems (repeatable)
    bool json = false;
    bool no_color = false;
};

// Terminal styling; every function returns s unchanged when colour is off.
class Style {
public:
    bool color = false;
    bool tty = false; // stdout is a terminal (progress lines, charts)
    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string dim(std::string_view s) const { return wrap("2", s); }
    std::string red(std::string_view s) const { return wrap("31", s); }
    std::string green(std::string_view s) const { return wrap("32", s); }
    std::string yellow(std::string_view s) const { return wrap("33", s); }
    std::string blue(std::string_view s) const { return wrap("34", s); }
    std::string cyan(std::string_view s) const { return wrap("36", s); }

private:
    std::string wrap(const char* code, std::string_view s) const {
        if (!color) return std::string(s);
        return std::string("\033[") + code + "m" + std::string(s) + "\033[0m";
    }
};

struct Context {
    Globals globals;
    Style style;
    std::string program = "hired";

    // The journal folder: --journal, $HIRED_JOURNAL, $XDG_DATA_HOME/hired/journal.
    fs::path journal_dir() const;
    // Problem folders in search order: --problems, $HIRED_PROBLEMS, the
    // built-in bank, the journal's problems/ folder.
    std::vector<fs::path> problem_dirs() const;
    // The built-in bank: next to an installed binary, else the source tree.
    fs::path builtin_problems() const;

    void print_json(const nlohmann::json& j) const;
};

// One command's command line. Usage:
//   CommandLine cl(ctx, "practice run", "ID [FILE]", "Run a solution...");
//   cl.options().add_options()("repeat", po::value<int>(), "...");
//   cl.positional("id", 1).positional("file", 1);
//   if (!cl.parse(args)) return 0;   // --help was printed
class CommandLine {
public:
    CommandLine(Context& ctx, std::string path, std::string usage, std::string summary);
    po::options_description& options() { return options_; }
    // A positional argument; count -1 means "all the rest".
    CommandLine& positional(const char* name, int count);
    // Extra text shown under --help (examples).
    CommandLine& epilog(std::string text) {
        epilog_ = std::move(text);
        return *this;
    }
    // Parses; returns false when --help was asked for (and printed).
    bool parse(const std::vector<std::string>& args);

    bool has(const char* name) const { return vm_.count(name) > 0 && !vm_[name].defaulted(); }
    template <typename T> T get(const char* name) const { return vm_[name].as<T>(); }
    template <typename T> std::optional<T> opt(const char* name) const {
        if (!vm_.count(name)) return std::nullopt;
        return vm_[name].as<T>();
    }
    std::vector<std::string> list(const char* name) const {
        if (!vm_.count(name)) return {};
        return vm_[name].as<std::vector<std::string>>();
    }
    // Throws a usage error that names this command.
    [[noreturn]] void usage_error(const std::string& message) const;
    void print_help() const;

private:
    Context& ctx_;
    std::string path_, usage_, summary_, epilog_;
    po::options_description options_;
    po::options_description hidden_;
    po::positional_options_description positional_;
    po::variables_map vm_;
};

// Adds --json, --no-color, --journal, --problems to a description, so global
// options work after the command name too.
void add_global_options(po::options_description& d);
// Copies the global options found by a parse into ctx.
void apply_global_options(Context& ctx, const po::variables_map& vm);

} // namespace hired::cli
