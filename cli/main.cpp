// hired: the command-line face. Parses the command words, dispatches through
// one table, and is the only place that catches hired::Error and exits.
#include "app.hpp"
#include "command_table.hpp"
#include "commands.hpp"
#include "journal_support.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <new>

namespace hired::cli {
namespace {

std::vector<std::string> words_of(const char* name) {
    std::vector<std::string> out;
    for (auto w : split_whitespace(name)) out.emplace_back(w);
    return out;
}

void print_overview(const Context& ctx) {
    std::string out = fmt::format(
        "{} - practise interview problems, track the search, review before the next round\n\n"
        "Usage: hired [--journal DIR] [--problems DIR]... [--json] [--no-color] COMMAND [ARGS]\n\n"
        "Commands:\n",
        ctx.style.bold("hired"));
    size_t width = 0;
    for (const auto& c : command_table()) width = std::max(width, std::string_view(c.name).size());
    for (const auto& c : command_table()) out += fmt::format("  {:<{}}  {}\n", c.name, width, c.summary);
    out += "\nRun 'hired COMMAND --help' for a command's options. Exit codes: 0 ok, 1 check failed,\n"
           "2 usage error, 3 bad data, 4 environment error.\n";
    std::cout << out;
}

void print_group(const Context& ctx, const std::string& group) {
    std::string out = fmt::format("Usage: hired {} COMMAND [ARGS]\n\nCommands:\n", group);
    size_t width = 0;
    for (const auto& c : command_table())
        if (words_of(c.name)[0] == group) width = std::max(width, std::string_view(c.name).size());
    for (const auto& c : command_table())
        if (words_of(c.name)[0] == group) out += fmt::format("  {:<{}}  {}\n", c.name, width, c.summary);
    (void)ctx;
    std::cout << out;
}

[[noreturn]] void unknown(const std::string& what, const std::string& word,
                          const std::vector<std::string>& candidates) {
    auto near = suggestions(word, candidates);
    std::string msg = fmt::format("unknown {} '{}'", what, word);
    if (!near.empty()) msg += fmt::format("; did you mean '{}'?", join(near, "' or '"));
    msg += " (see 'hired --help')";
    throw Error(Exit::usage, msg);
}

int dispatch(Context& ctx, std::vector<std::string> args) {
    // Global options before the command words.
    size_t i = 0;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            apply_global_options(ctx, {});
            print_overview(ctx);
            return 0;
        }
        if (a == "--version") {
            std::cout << "hired " << HIRED_VERSION << '\n';
            return 0;
        }
        if (a == "--json") ctx.globals.json = true;
        else if (a == "--no-color") ctx.globals.no_color = true;
        else if (a == "--journal" || a == "--problems") {
            if (i + 1 >= args.size()) throw Error(Exit::usage, fmt::format("option '{}' needs a value", a));
            if (a == "--journal") ctx.globals.journal = args[++i];
            else ctx.globals.problem_dirs.push_back(args[++i]);
        } else if (a.rfind("--journal=", 0) == 0) ctx.globals.journal = a.substr(10);
        else if (a.rfind("--problems=", 0) == 0) ctx.globals.problem_dirs.push_back(a.substr(11));
        else if (a.size() > 1 && a[0] == '-')
            throw Error(Exit::usage, fmt::format("unknown option '{}' (see 'hired --help')", a));
        else break;
    }
    apply_global_options(ctx, {});
    if (i == args.size()) {
        print_overview(ctx);
        return 2;
    }
    std::vector<std::string> rest(args.begin() + static_cast<long>(i), args.end());

    // Longest match of command words.
    const Command* best = nullptr;
    size_t best_words = 0;
    for (const auto& c : command_table()) {
        auto w = words_of(c.name);
        if (w.size() <= rest.size() && std::equal(w.begin(), w.end(), rest.begin()) && w.size() > best_words) {
            best = &c;
            best_words = w.size();
        }
    }
    if (best) {
        std::vector<std::string> cmd_args(rest.begin() + static_cast<long>(best_words), rest.end());
        finish_interrupted_change(ctx);
        return best->run(ctx, cmd_args);
    }

    // A group word alone, or a group with an unknown subcommand.
    std::vector<std::string> firsts;
    for (const auto& c : command_table()) {
        auto w = words_of(c.name)[0];
        if (std::find(firsts.begin(), firsts.end(), w) == firsts.end()) firsts.push_back(w);
    }
    if (std::find(firsts.begin(), firsts.end(), rest[0]) != firsts.end()) {
        std::vector<std::string> subs;
        for (const auto& c : command_table()) {
            auto w = words_of(c.name);
            if (w[0] == rest[0] && w.size() > 1) subs.push_back(w[1]);
        }
        if (rest.size() == 1 || rest[1] == "--help" || rest[1] == "-h") {
            print_group(ctx, rest[0]);
            return rest.size() == 1 ? 2 : 0;
        }
        unknown(fmt::format("'{}' command", rest[0]), rest[1], subs);
    }
    unknown("command", rest[0], firsts);
}

} // namespace
} // namespace hired::cli

int main(int argc, char** argv) {
    hired::cli::Context ctx;
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        int rc = hired::cli::dispatch(ctx, args);
        std::cout.flush();
        return rc;
    } catch (const hired::Error& e) {
        std::cout.flush();
        std::fprintf(stderr, "hired: error: %s\n", e.what());
        return static_cast<int>(e.code());
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "hired: error: out of memory\n");
        return static_cast<int>(hired::Exit::env);
    } catch (const std::exception& e) {
        // A bug: still one line, and an exit code that says "environment".
        std::fprintf(stderr, "hired: error: internal error: %s\n", e.what());
        return static_cast<int>(hired::Exit::env);
    }
}
