// Reading one map of a record file: typed fields with their lines (for
// findings), errors at the right file:line:column, and the keys nobody asked
// for kept verbatim with a warning each. Shared by every record parser
// (store.cpp for companies, contacts, events, lessons; attempts.cpp for
// practice files).
#pragma once

#include "records.hpp"

#include "util/text.hpp"
#include "util/yaml_doc.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::tracker {

class RecordReader {
public:
    RecordReader(const yaml::Node& n, const std::string& label, std::string what)
        : f_(n, label, what), what_(std::move(what)) {
        where.line = n.mark.line;
        asked_.reserve(16); // one allocation for a record's keys (short: no more)
    }

    // nullptr when absent or null.
    const yaml::Node* get(std::string_view key) {
        asked_.emplace_back(key);
        const yaml::Node* n = f_.get(key);
        if (n) where.fields.emplace_back(std::string(key), n->mark.line);
        return n;
    }
    // Absent or null is an error at the map.
    const yaml::Node& require(std::string_view key) {
        const yaml::Node* n = get(key);
        if (!n) f_.error_here(fmt::format("{}: missing required field '{}'", what_, key));
        return *n;
    }

    std::string text(std::string_view key) {
        const yaml::Node* n = get(key);
        return n ? yaml::as_string(*n, f_.file(), key) : std::string();
    }
    std::string required_text(std::string_view key) {
        const yaml::Node& n = require(key);
        std::string s = yaml::as_string(n, f_.file(), key);
        if (trim(s).empty()) f_.error_at(n, fmt::format("'{}' must not be empty", key));
        return s;
    }
    std::optional<Date> date(std::string_view key, bool required = false) {
        const yaml::Node* n = required ? &require(key) : get(key);
        if (!n) return std::nullopt;
        std::string s = yaml::as_string(*n, f_.file(), key);
        auto d = Date::parse(s);
        if (!d) f_.error_at(*n, fmt::format("'{}' must be a date YYYY-MM-DD, got '{}'", key, s));
        return d;
    }
    template <typename E> std::optional<E> enumeration(std::string_view key, bool required = false) {
        const yaml::Node* n = required ? &require(key) : get(key);
        if (!n) return std::nullopt;
        std::string s = yaml::as_string(*n, f_.file(), key);
        auto v = parse_enum<E>(s);
        if (!v) f_.error_at(*n, unknown_enum_message<E>(s));
        return v;
    }
    std::optional<int64_t> integer(std::string_view key, int64_t lo, int64_t hi) {
        const yaml::Node* n = get(key);
        if (!n) return std::nullopt;
        return yaml::as_int(*n, f_.file(), key, lo, hi);
    }
    std::optional<double> number(std::string_view key, double lo, double hi) {
        const yaml::Node* n = get(key);
        if (!n) return std::nullopt;
        double v = yaml::as_double(*n, f_.file(), key);
        if (!(v >= lo && v <= hi))
            error_at(*n, fmt::format("'{}' must be between {} and {}, got {}", key, lo, hi, n->value));
        return v;
    }
    std::vector<std::string> list(std::string_view key) {
        asked_.emplace_back(key);
        if (const yaml::Node* n = f_.node().find(key); n && !n->is_null())
            where.fields.emplace_back(std::string(key), n->mark.line);
        return f_.str_list(key);
    }
    // A list of items (maps or scalars); nullptr when absent.
    const yaml::Node* items(std::string_view key) {
        const yaml::Node* n = get(key);
        if (n && !n->is_sequence())
            f_.error_at(*n, fmt::format("'{}' must be a list (one '- ' item per line), not {}", key,
                                        n->kind_name()));
        return n;
    }

    // Keys nobody asked for: kept verbatim, and a warning each. A key that
    // is not text (null, a list, a map) could not be written back as it
    // was: it is an error at the key, never dropped or duplicated.
    Extra finish(std::vector<std::string>& w) {
        Extra extra;
        for (const auto& [k, v] : f_.unused()) {
            if (!k->is_scalar())
                f_.error_at(*k, k->is_null()
                                    ? fmt::format("a key in {} is null ('null', '~' or nothing), "
                                                  "not text: quote it (\"null\") if you mean the word",
                                                  what_)
                                    : fmt::format("a key in {} is {}, not text: hired's records "
                                                  "have text keys only",
                                                  what_, k->kind_name()));
            std::string msg =
                fmt::format("{}:{}:{}: unknown key '{}' in {} (kept, but hired ignores it",
                            f_.file(), k->mark.line, k->mark.column, k->value, what_);
            auto near = suggestions(k->value, asked_, 1);
            if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near[0]);
            msg += ")";
            w.push_back(printable(msg)); // the key may hold escaped control characters
            extra.emplace_back(k->value, v);
        }
        return extra;
    }

    [[noreturn]] void error_at(const yaml::Node& n, const std::string& msg) const {
        f_.error_at(n, msg);
    }
    const std::string& file() const { return f_.file(); }
    const yaml::Fields& fields() const { return f_; }

    Where where;

private:
    yaml::Fields f_;
    std::string what_;
    std::vector<std::string> asked_;
};

} // namespace hired::tracker
