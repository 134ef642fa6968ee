#include "keep.hpp"

#include "util/error.hpp"
#include "util/text.hpp"
#include "util/yaml_doc.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace hired::tracker {

namespace {

using yaml::Node;

// What was lost: the node of the old text, and how to name it.
struct Loss {
    const Node* at; // where to point: the key of a lost entry, else the item
    std::string what;
    const Node* value = nullptr; // the old value
    bool missing = false;        // nothing there at all (else: something else there)
};

bool empty(const Node* n) {
    if (!n || n->is_null()) return true;
    if (n->is_scalar()) return n->value.empty();
    if (n->is_sequence()) {
        for (const auto& item : n->items)
            if (!empty(item.get())) return false;
        return true;
    }
    for (const auto& [k, v] : n->entries)
        if (!empty(v.get())) return false;
    return true;
}

std::optional<double> number(std::string_view s) {
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return std::nullopt;
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<bool> truth(std::string_view s) {
    if (s == "true" || s == "True" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "False" || s == "no" || s == "off") return false;
    return std::nullopt;
}

// An enum value as the readers compare it: case-insensitive, '_' for '-'.
std::string enum_form(std::string_view s) {
    std::string out = to_lower(s);
    for (char& c : out)
        if (c == '_') c = '-';
    return out;
}

std::string_view without_final_breaks(std::string_view s) {
    while (!s.empty() && s.back() == '\n')
        s.remove_suffix(1);
    return s;
}

bool same_scalar(const std::string& a, const std::string& b) {
    if (a == b) return true;
    if (without_final_breaks(a) == without_final_breaks(b)) return true;
    if (auto x = number(a)) {
        auto y = number(b);
        return y && *x == *y;
    }
    if (auto x = truth(a)) {
        auto y = truth(b);
        return y && *x == *y;
    }
    // Enum values are single words; free text differing only in case is a change.
    bool word = !a.empty() && a.size() <= 40 && a.find_first_of(" \n\t") == std::string::npos;
    return word && enum_form(a) == enum_form(b);
}

std::string shown(const Node& n) {
    if (!n.is_scalar()) return n.is_sequence() ? "a list" : "a map";
    std::string v = n.value;
    if (size_t nl = v.find('\n'); nl != std::string::npos) v = v.substr(0, nl) + " …";
    if (v.size() > 40) v = v.substr(0, 37) + "…";
    return "'" + v + "'";
}

// The characters of a text that carry data: no spaces or the brackets of
// a shorthand.
std::string letters(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '(' && c != ')' && c != '[' && c != ']') out += c;
    return out;
}

// A one-line shorthand the readers expand into a map ("Sam (Engineer)" for
// an interviewer's name and role, "Two sum [two-sum]" for a question and its
// problem): kept when the map's values hold all its characters, in order.
bool same_shorthand(const std::string& shorthand, const Node& map) {
    std::string values;
    for (const auto& [k, v] : map.entries) {
        if (!v->is_scalar()) return false;
        values += v->value;
    }
    return letters(shorthand) == letters(values);
}

// The item's id, when it is a map with a scalar `id`.
const Node* id_of(const Node& n) {
    if (!n.is_map()) return nullptr;
    const Node* id = n.find("id");
    return id && id->is_scalar() && !id->value.empty() ? id : nullptr;
}

std::optional<Loss> lost(const Node& old, const Node* now, const std::string& where);

std::optional<Loss> lost_items(const Node& old, const Node& now, const std::string& where) {
    std::vector<bool> used(now.items.size(), false);
    for (size_t i = 0; i < old.items.size(); ++i) {
        const Node& item = *old.items[i];
        if (empty(&item)) continue;
        std::string here = fmt::format("{}[{}]", where, i + 1);
        if (const Node* id = id_of(item)) {
            here = fmt::format("{} (id {})", where, id->value);
            const Node* match = nullptr;
            for (size_t j = 0; j < now.items.size() && !match; ++j)
                if (const Node* other = id_of(*now.items[j]); other && other->value == id->value) {
                    match = now.items[j].get();
                    used[j] = true;
                }
            if (!match) return Loss{&item, here, nullptr, true};
            if (auto l = lost(item, match, here)) return l;
            continue;
        }
        // Items without ids: the same item anywhere in the list (the writer may sort).
        bool found = false;
        for (size_t j = 0; j < now.items.size() && !found; ++j) {
            if (used[j] || lost(item, now.items[j].get(), here)) continue;
            used[j] = found = true;
        }
        if (!found) {
            // Report the deepest difference against the item in the same place.
            if (i < now.items.size() && !used[i])
                if (auto l = lost(item, now.items[i].get(), here)) return l;
            return Loss{&item, here};
        }
    }
    return std::nullopt;
}

std::optional<Loss> lost(const Node& old, const Node* now, const std::string& where) {
    if (empty(&old)) return std::nullopt;
    if (!now || now->is_null()) return Loss{&old, where, nullptr, true};
    if (old.is_scalar()) {
        if (now->is_scalar() && same_scalar(old.value, now->value)) return std::nullopt;
        // A scalar where a list is expected is read as a one-item list.
        if (now->is_sequence() && now->items.size() == 1 && now->items[0]->is_scalar() &&
            same_scalar(old.value, now->items[0]->value))
            return std::nullopt;
        if (now->is_map() && same_shorthand(old.value, *now)) return std::nullopt;
        return Loss{&old, where};
    }
    if (old.is_sequence()) {
        if (!now->is_sequence()) return Loss{&old, where};
        return lost_items(old, *now, where);
    }
    if (!now->is_map()) return Loss{&old, where};
    for (const auto& [k, v] : old.entries) {
        std::string key = k->is_scalar() ? k->value : std::string("?");
        std::string here = where.empty() ? key : where + "." + key;
        if (!k->is_scalar()) return Loss{k.get(), here}; // never written back
        if (auto l = lost(*v, now->find(k->value), here)) {
            // A missing key is named at its key, a changed value at the value.
            if (l->at == v.get() && l->missing) {
                l->value = v.get();
                l->at = k.get();
            }
            return l;
        }
    }
    return std::nullopt;
}

} // namespace

void require_kept(std::string_view old_text, std::string_view rewritten, const std::string& label) {
    yaml::NodePtr old = yaml::parse(old_text, label);
    yaml::NodePtr now = yaml::parse(rewritten, label + " (as hired would write it)");
    auto loss = lost(*old, now.get(), "");
    if (!loss) return;
    const Node* value = loss->value ? loss->value : loss->at;
    std::string what = loss->what.empty() ? "the file's content" : "'" + loss->what + "'";
    fail_at(label, loss->at->mark.line, loss->at->mark.column,
            "hired would not keep {} ({}) if it rewrote this file, so it wrote nothing; fix the "
            "file by hand (hired edit, or any editor) and run the command again",
            what, shown(*value));
}

} // namespace hired::tracker
