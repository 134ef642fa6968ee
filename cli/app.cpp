#include "app.hpp"

#include "util/text.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <sstream>

namespace hired::cli {

fs::path Context::journal_dir() const {
    if (globals.journal) return fs::absolute(*globals.journal);
    if (const char* j = std::getenv("HIRED_JOURNAL"); j && *j) return fs::absolute(j);
    return xdg_data_home() / "hired" / "journal";
}

fs::path Context::builtin_problems() const {
    fs::path exe = self_exe();
    if (!exe.empty()) {
        fs::path installed = exe.parent_path().parent_path() / HIRED_INSTALL_DATADIR / "hired" / "problems";
        std::error_code ec;
        if (fs::is_directory(installed, ec)) return installed;
    }
    return HIRED_SOURCE_PROBLEMS;
}

std::vector<fs::path> Context::problem_dirs() const {
    std::vector<fs::path> dirs;
    for (const auto& d : globals.problem_dirs) dirs.push_back(fs::absolute(d));
    if (const char* env = std::getenv("HIRED_PROBLEMS"); env && *env)
        for (const auto& d : split(env, ':'))
            if (!d.empty()) dirs.push_back(fs::absolute(d));
    dirs.push_back(builtin_problems());
    dirs.push_back(journal_dir() / "problems");
    return dirs;
}

void Context::print_json(const nlohmann::json& j) const {
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void add_global_options(po::options_description& d) {
    d.add_options()
        ("json", "print one JSON document on stdout")
        ("no-color", "no colours (also: NO_COLOR, or stdout not a terminal)")
        ("journal", po::value<std::string>()->value_name("DIR"), "the journal folder (env HIRED_JOURNAL)")
        ("problems", po::value<std::vector<std::string>>()->value_name("DIR"),
         "a problem folder to search too (repeatable; env HIRED_PROBLEMS)");
}

void apply_global_options(Context& ctx, const po::variables_map& vm) {
    if (vm.count("json")) ctx.globals.json = true;
    if (vm.count("no-color")) ctx.globals.no_color = true;
    if (vm.count("journal")) ctx.globals.journal = vm["journal"].as<std::string>();
    if (vm.count("problems"))
        for (const auto& d : vm["problems"].as<std::vector<std::string>>()) ctx.globals.problem_dirs.push_back(d);
    const char* no_color = std::getenv("NO_COLOR");
    ctx.style.tty = ::isatty(STDOUT_FILENO) == 1;
    ctx.style.color = ctx.style.tty && !ctx.globals.no_color && !(no_color && *no_color) && !ctx.globals.json;
}

CommandLine::CommandLine(Context& ctx, std::string path, std::string usage, std::string summary)
    : ctx_(ctx), path_(std::move(path)), usage_(std::move(usage)), summary_(std::move(summary)),
      options_("Options"), hidden_("hidden") {
    options_.add_options()("help,h", "show this help");
}

CommandLine& CommandLine::positional(const char* name, int count) {
    if (count == 1) hidden_.add_options()(name, po::value<std::string>());
    else hidden_.add_options()(name, po::value<std::vector<std::string>>());
    positional_.add(name, count);
    return *this;
}

void CommandLine::usage_error(const std::string& message) const {
    throw Error(Exit::usage, fmt::format("{} {}: {} (see '{} {} --help')", ctx_.program, path_, message,
                                         ctx_.program, path_));
}

void CommandLine::print_help() const {
    std::ostringstream os;
    os << "Usage: " << ctx_.program << ' ' << path_ << (usage_.empty() ? "" : " ") << usage_ << "\n\n"
       << wrap(summary_, 80) << "\n";
    os << options_;
    po::options_description globals("Global options");
    add_global_options(globals);
    os << "\n" << globals;
    if (!epilog_.empty()) os << "\n" << epilog_ << (epilog_.back() == '\n' ? "" : "\n");
    std::cout << os.str();
}

bool CommandLine::parse(const std::vector<std::string>& args) {
    po::options_description all;
    po::options_description globals;
    add_global_options(globals);
    all.add(options_).add(globals).add(hidden_);
    namespace style = po::command_line_style;
    try {
        auto parsed = po::command_line_parser(args)
                          .options(all)
                          .positional(positional_)
                          .style(style::default_style & ~style::allow_guessing)
                          .run();
        po::store(parsed, vm_);
        if (vm_.count("help")) {
            apply_global_options(ctx_, vm_);
            print_help();
            return false;
        }
        po::notify(vm_);
    } catch (const po::too_many_positional_options_error&) {
        usage_error("unexpected extra argument");
    } catch (const po::error& e) {
        usage_error(e.what());
    }
    apply_global_options(ctx_, vm_);
    return true;
}

} // namespace hired::cli
