// Plain text tables for the terminal: columns padded by display width (so
// UTF-8 and colour codes do not break alignment), optional right alignment.
#pragma once

#include <string>
#include <vector>

namespace hired::cli {

class Table {
public:
    explicit Table(std::vector<std::string> header, std::vector<bool> right_aligned = {});
    void add(std::vector<std::string> row);
    // Every line starts with indent; no trailing spaces.
    std::string render(const std::string& indent = "") const;
    bool empty() const { return rows_.empty(); }

private:
    std::vector<std::string> header_;
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
};

// Width of s on screen: UTF-8 code points, ANSI colour codes not counted.
size_t visible_width(const std::string& s);
// Columns of the terminal (COLUMNS, then the tty), 80 when unknown, at most 120.
size_t terminal_width();

} // namespace hired::cli
