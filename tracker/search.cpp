#include "search.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace hired::tracker {

namespace {

// Position of needle in haystack, ignoring ASCII case; npos when absent.
size_t ifind(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return 0;
    auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                          [](char x, char y) {
                              return std::tolower(static_cast<unsigned char>(x)) ==
                                     std::tolower(static_cast<unsigned char>(y));
                          });
    return it == haystack.end() ? std::string_view::npos
                                : static_cast<size_t>(it - haystack.begin());
}

std::string shorten(std::string_view s, size_t max = 100) {
    std::string t(trim(s));
    if (display_width(t) <= max) return t;
    // Cut on a code point boundary.
    size_t cut = 0, width = 0;
    while (cut < t.size() && width < max - 1) {
        ++cut;
        while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)
            ++cut;
        ++width;
    }
    return t.substr(0, cut) + "…";
}

std::string first_line(std::string_view s) {
    size_t nl = s.find('\n');
    return std::string(trim(nl == std::string_view::npos ? s : s.substr(0, nl)));
}

struct Step {
    std::string key; // map key, or empty for a list index
    size_t index = 0;
};

struct Walker {
    std::string rel;
    std::vector<std::string_view> source_lines;
    std::string_view needle;
    RecordKind kind;
    std::optional<Company> company;
    std::optional<Contact> contact;
    std::optional<Event> event;
    std::optional<Lesson> lesson;
    std::vector<SearchHit>& out;

    // What the path leads into: the innermost record and its summary.
    std::pair<std::string, std::string> describe(const std::vector<Step>& path) const {
        switch (kind) {
        case RecordKind::company: {
            std::string name = company ? company->name : file_stem(rel);
            if (!company || path.size() < 2 || path[0].key != "applications")
                return {"company", name};
            size_t ai = path[1].index;
            if (ai >= company->applications.size()) return {"company", name};
            const Application& a = company->applications[ai];
            std::string app = fmt::format("{}, {}", name, a.role);
            if (path.size() < 4 || path[2].key != "rounds" || path[3].index >= a.rounds.size())
                return {"application", fmt::format("{} ({})", app, to_string(a.status))};
            const Round& r = a.rounds[path[3].index];
            std::string round =
                fmt::format("{}, {}{}", app, r.label(), r.date ? " on " + r.date->str() : "");
            if (path.size() >= 5 && path[4].key == "lessons") return {"lesson", round};
            return {"round", fmt::format("{} ({})", round, to_string(r.outcome))};
        }
        case RecordKind::contact:
            if (!contact) return {"contact", file_stem(rel)};
            return {"contact", contact->company.empty()
                                   ? contact->name
                                   : fmt::format("{} ({})", contact->name, contact->company)};
        case RecordKind::event:
            if (!event) return {"event", file_stem(rel)};
            return {"event", fmt::format("{} {}", event->name, event->date.str())};
        case RecordKind::lesson:
            if (!lesson) return {"lesson", file_stem(rel)};
            return {"lesson", shorten(first_line(lesson->text), 60)};
        case RecordKind::other:
            if (rel.starts_with(std::string(kPractice) + "/")) return {"practice", file_stem(rel)};
            return {"file", rel};
        }
        return {"file", rel};
    }

    void hit(const yaml::Node& n, const std::vector<Step>& path) {
        size_t pos = ifind(n.value, needle);
        if (pos == std::string_view::npos) return;
        int line = n.mark.line;
        // In a literal or folded block the text starts on the line after the indicator.
        if (!n.plain && n.value.find('\n') != std::string::npos && line >= 1 &&
            static_cast<size_t>(line) <= source_lines.size()) {
            std::string_view src = source_lines[static_cast<size_t>(line) - 1];
            size_t col = n.mark.column > 0 ? static_cast<size_t>(n.mark.column) - 1 : 0;
            if (col < src.size() && (src[col] == '|' || src[col] == '>'))
                line += 1 + static_cast<int>(std::count(
                                n.value.begin(), n.value.begin() + static_cast<long>(pos), '\n'));
        }
        size_t bol = n.value.rfind('\n', pos);
        bol = bol == std::string::npos ? 0 : bol + 1;
        size_t eol = n.value.find('\n', pos);
        std::string_view text = std::string_view(n.value).substr(
            bol, eol == std::string::npos ? std::string::npos : eol - bol);
        auto [what, record] = describe(path);
        std::string field;
        for (auto it = path.rbegin(); it != path.rend(); ++it)
            if (!it->key.empty()) {
                field = it->key;
                break;
            }
        for (const auto& h : out)
            if (h.file == rel && h.line == line) return; // one hit per line
        out.push_back(SearchHit{rel, line, what, record, field, shorten(text)});
    }

    void walk(const yaml::Node& n, std::vector<Step>& path) {
        switch (n.kind) {
        case yaml::Node::Kind::null:
            return;
        case yaml::Node::Kind::scalar:
            hit(n, path);
            return;
        case yaml::Node::Kind::sequence:
            for (size_t i = 0; i < n.items.size(); ++i) {
                path.push_back(Step{"", i});
                walk(*n.items[i], path);
                path.pop_back();
            }
            return;
        case yaml::Node::Kind::map:
            for (const auto& [k, v] : n.entries) {
                path.push_back(Step{k->is_scalar() ? k->value : std::string("?"), 0});
                walk(*v, path);
                path.pop_back();
            }
            return;
        }
    }
};

} // namespace

std::vector<SearchHit> search(const Files& files, std::string_view needle, Warnings& warnings) {
    std::vector<SearchHit> out;
    std::string want(trim(needle));
    if (want.empty()) return out;
    // Only files whose text may hold the needle are parsed.
    TextFilter filter(want);
    for (std::string_view folder : {kCompanies, kContacts, kEvents, kLessons, kPractice}) {
        for (const auto& rel : files.list(folder)) {
            auto text = files.read(rel);
            if (!text || !filter.may_match(*text)) continue;
            std::string label = files.label(rel);
            yaml::NodePtr doc = yaml::parse(*text, label);
            Walker w{rel, split_lines(*text), want, record_kind(rel), {}, {}, {}, {}, out};
            // Summaries come from the records; a file that breaks the schema is
            // still searched, with plainer summaries (check tells what is wrong).
            try {
                switch (w.kind) {
                case RecordKind::company:
                    w.company = company_from(*doc, label, rel, warnings);
                    break;
                case RecordKind::contact:
                    w.contact = contact_from(*doc, label, rel, warnings);
                    break;
                case RecordKind::event:
                    w.event = event_from(*doc, label, rel, warnings);
                    break;
                case RecordKind::lesson:
                    w.lesson = lesson_from(*doc, label, rel, warnings);
                    break;
                case RecordKind::other:
                    break;
                }
            } catch (const Error&) {
            }
            std::vector<Step> path;
            w.walk(*doc, path);
        }
    }
    return out;
}

} // namespace hired::tracker
