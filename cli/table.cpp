#include "table.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace hired::cli {

size_t visible_width(const std::string& s) {
    size_t w = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0x1b && i + 1 < s.size() && s[i + 1] == '[') {
            i += 2;
            while (i < s.size() && !(s[i] >= '@' && s[i] <= '~')) ++i;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++w;
    }
    return w;
}

size_t terminal_width() {
    if (const char* c = std::getenv("COLUMNS")) {
        long v = std::strtol(c, nullptr, 10);
        if (v >= 20) return static_cast<size_t>(std::min(v, 120L));
    }
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return std::min<size_t>(ws.ws_col, 120);
    return 80;
}

Table::Table(std::vector<std::string> header, std::vector<bool> right_aligned)
    : header_(std::move(header)), right_(std::move(right_aligned)) {
    right_.resize(header_.size(), false);
}

void Table::add(std::vector<std::string> row) {
    row.resize(header_.size());
    rows_.push_back(std::move(row));
}

std::string Table::render(const std::string& indent) const {
    std::vector<size_t> width(header_.size(), 0);
    for (size_t i = 0; i < header_.size(); ++i) width[i] = visible_width(header_[i]);
    for (const auto& r : rows_)
        for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], visible_width(r[i]));
    std::string out;
    auto line = [&](const std::vector<std::string>& r) {
        std::string l = indent;
        for (size_t i = 0; i < r.size(); ++i) {
            size_t pad = width[i] - visible_width(r[i]);
            bool last = i + 1 == r.size();
            if (right_[i]) l += std::string(pad, ' ') + r[i];
            else l += r[i] + (last ? "" : std::string(pad, ' '));
            if (!last) l += "  ";
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + "\n";
    };
    line(header_);
    for (const auto& r : rows_) line(r);
    return out;
}

} // namespace hired::cli
