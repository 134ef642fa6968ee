#include "session.hpp"

#include "util/error.hpp"
#include "util/files.hpp"

#include <nlohmann/json.hpp>

namespace hired::practice {

fs::path sessions_dir() { return xdg_state_home() / "hired" / "practice"; }

std::optional<Session> load_session(const std::string& problem) {
    fs::path f = sessions_dir() / (problem + ".json");
    auto text = try_read_file(f);
    if (!text) return std::nullopt;
    try {
        auto j = nlohmann::json::parse(*text);
        Session s;
        s.problem = j.at("problem").get<std::string>();
        s.file = j.value("file", std::string());
        s.language = j.value("language", std::string());
        s.started = j.value("started", int64_t{0});
        s.minutes = j.value("minutes", 0);
        s.runs = j.value("runs", 0);
        s.last_verdict = j.value("last_verdict", std::string());
        s.last_passed = j.value("last_passed", 0);
        s.last_total = j.value("last_total", 0);
        s.last_cpu_ms = j.value("last_cpu_ms", 0.0);
        return s;
    } catch (const nlohmann::json::exception& e) {
        // The clock is not precious: say so and let the user start again.
        fail(Exit::data, "{}: unreadable practice clock ({}); remove it and run 'hired practice start {}' again",
             f.string(), e.what(), problem);
    }
}

void save_session(const Session& s) {
    nlohmann::json j = {{"problem", s.problem},         {"file", s.file.string()},
                        {"language", s.language},       {"started", s.started},
                        {"minutes", s.minutes},         {"runs", s.runs},
                        {"last_verdict", s.last_verdict}, {"last_passed", s.last_passed},
                        {"last_total", s.last_total},   {"last_cpu_ms", s.last_cpu_ms}};
    make_dirs(sessions_dir(), 0700);
    write_file_atomic(sessions_dir() / (s.problem + ".json"), j.dump(2) + "\n", 0600);
}

void remove_session(const std::string& problem) {
    std::error_code ec;
    fs::remove(sessions_dir() / (problem + ".json"), ec);
}

} // namespace hired::practice
