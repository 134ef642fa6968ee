// Test helpers for the journal's record tests: a journal held in memory.
#pragma once

#include "tracker/store.hpp"

#include <map>
#include <string>

namespace hired::tracker::testing {

// Files in a map, labelled "j/<path>".
class MemoryFiles : public Files {
public:
    std::map<std::string, std::string> files;

    std::optional<std::string> read(const std::string& rel) const override {
        auto it = files.find(rel);
        if (it == files.end()) return std::nullopt;
        return it->second;
    }
    std::vector<std::string> list(std::string_view folder) const override {
        std::vector<std::string> out;
        std::string prefix = std::string(folder) + "/";
        for (const auto& [rel, _] : files)
            if (rel.starts_with(prefix) && rel.find('/', prefix.size()) == std::string::npos &&
                rel.ends_with(".yaml"))
                out.push_back(rel);
        return out;
    }
    std::vector<std::string> list_all(std::string_view folder) const override {
        std::vector<std::string> out;
        std::string prefix = folder.empty() ? "" : std::string(folder) + "/";
        for (const auto& [rel, _] : files)
            if (rel.starts_with(prefix)) out.push_back(rel);
        return out;
    }
    std::string label(const std::string& rel) const override { return "j/" + rel; }
};

} // namespace hired::tracker::testing
