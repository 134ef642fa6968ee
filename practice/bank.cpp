#include "bank.hpp"

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <set>

namespace hired::practice {

Bank::Bank(std::vector<fs::path> dirs) : dirs_(std::move(dirs)) {}

static std::vector<fs::path> yaml_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        if (p.extension() == ".yaml" && it->is_regular_file(ec)) out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<Problem>& Bank::all() {
    if (loaded_) return problems_;
    loaded_ = true;
    std::set<std::string> seen;
    for (const auto& d : dirs_) {
        for (const auto& f : yaml_files(d)) {
            std::string id = f.stem().string();
            if (seen.count(id)) continue;
            try {
                problems_.push_back(load_problem(f));
                seen.insert(id);
            } catch (const Error& e) {
                errors_.push_back(e.what());
            }
        }
    }
    std::sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
        if (a.difficulty != b.difficulty) return a.difficulty < b.difficulty;
        return a.id < b.id;
    });
    return problems_;
}

const std::vector<std::string>& Bank::load_errors() {
    all();
    return errors_;
}

std::vector<std::string> Bank::ids() const {
    std::vector<std::string> out;
    for (const auto& d : dirs_)
        for (const auto& f : yaml_files(d)) out.push_back(f.stem().string());
    return out;
}

fs::path Bank::locate(const std::string& id) const {
    if (!is_safe_id(id)) return {};
    for (const auto& d : dirs_) {
        fs::path f = d / (id + ".yaml");
        std::error_code ec;
        if (fs::is_regular_file(f, ec)) return f;
    }
    return {};
}

Problem Bank::find(const std::string& id) const {
    if (!is_safe_id(id))
        fail(Exit::data, "'{}' is not a problem id (ids are lowercase letters, digits and '-', no '/' or '..')", id);
    fs::path f = locate(id);
    if (f.empty()) {
        auto near = suggestions(id, ids());
        std::string msg = fmt::format("unknown problem '{}'", id);
        if (!near.empty()) msg += fmt::format("; did you mean '{}'?", join(near, "' or '"));
        else msg += " (see 'hired practice list')";
        throw Error(Exit::data, msg);
    }
    return load_problem(f);
}

} // namespace hired::practice
