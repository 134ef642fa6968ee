// Fuzz target: the YAML reader (util/yaml_doc.hpp).
//
// - parse_full either refuses with a located, printable Error(data) or
//   gives a tree;
// - the fast reader (parse_simple) declines or gives exactly parse_full's
//   tree: kinds, values, plain flags and marks; so parse() (the fast reader
//   first) never takes what parse_full refuses;
// - with libyaml (the C twin of PyYAML) as the reference, when built with
//   it: what hired takes, libyaml takes too (but for one refusal of
//   libyaml's, see tolerated()), and reads as the same tree.
#include "fuzz_support.hpp"

#include "util/yaml_doc.hpp"

#include <fmt/format.h>

#ifdef HIRED_FUZZ_LIBYAML
#include <yaml.h>

#include <map>
#include <memory>
#include <vector>
#endif

namespace yaml = hired::yaml;
using hired::fuzz::require;

namespace {

// The first difference between two trees, or "".
std::string diff(const yaml::Node& a, const yaml::Node& b, const std::string& path) {
    if (a.kind != b.kind) return fmt::format("{}: {} vs {}", path, a.kind_name(), b.kind_name());
    if (a.mark.line != b.mark.line || a.mark.column != b.mark.column)
        return fmt::format("{}: mark {}:{} vs {}:{}", path, a.mark.line, a.mark.column, b.mark.line,
                           b.mark.column);
    if (a.value != b.value) return fmt::format("{}: value differs", path);
    if (a.plain != b.plain) return fmt::format("{}: plain flag differs", path);
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return fmt::format("{}: sizes differ", path);
    for (size_t i = 0; i < a.items.size(); ++i)
        if (auto d = diff(*a.items[i], *b.items[i], fmt::format("{}[{}]", path, i)); !d.empty())
            return d;
    for (size_t i = 0; i < a.entries.size(); ++i) {
        if (auto d =
                diff(*a.entries[i].first, *b.entries[i].first, fmt::format("{}.key{}", path, i));
            !d.empty())
            return d;
        if (auto d = diff(*a.entries[i].second, *b.entries[i].second,
                          fmt::format("{}.value{}", path, i));
            !d.empty())
            return d;
    }
    return "";
}

const yaml::Limits& limits() {
    // Small enough that an alias bomb the reader allows stays quick to compare.
    static const yaml::Limits l = [] {
        yaml::Limits x;
        x.max_nodes = 20000;
        x.max_bytes = 1 << 20;
        return x;
    }();
    return l;
}

#ifdef HIRED_FUZZ_LIBYAML

// libyaml's reading of the text: the first document as a tree (aliases
// shared), or nullptr when libyaml refuses the text.
struct Ref {
    yaml::Node::Kind kind = yaml::Node::Kind::null;
    std::string value;
    bool plain = true;
    std::vector<std::shared_ptr<Ref>> items;
    std::vector<std::pair<std::shared_ptr<Ref>, std::shared_ptr<Ref>>> entries;
};
using RefPtr = std::shared_ptr<Ref>;

struct Events {
    yaml_parser_t parser;
    Events(std::string_view text) {
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size());
    }
    ~Events() { yaml_parser_delete(&parser); }
};

// The one refusal of libyaml that hired does not make (yaml_strict.cpp
// says why): a tab right after the spaces of a block scalar's first line.
bool tolerated(const yaml_parser_t& p) {
    return p.problem && std::string_view(p.problem) ==
                            "found a tab character where an indentation space is expected";
}

RefPtr libyaml_tree(std::string_view text, bool& accepted, bool& tolerated_refusal) {
    Events ev(text);
    std::map<std::string, RefPtr> anchors;
    std::vector<RefPtr> stack;
    std::vector<bool> want_key; // maps: the next node is a key
    std::vector<RefPtr> pending_key;
    RefPtr root;
    int documents = 0;
    auto add = [&](const RefPtr& n) {
        if (stack.empty()) {
            if (!root && documents == 1) root = n;
            return;
        }
        Ref& top = *stack.back();
        if (top.kind == yaml::Node::Kind::sequence) {
            top.items.push_back(n);
        } else if (want_key.back()) {
            pending_key.back() = n;
            want_key.back() = false;
        } else {
            top.entries.emplace_back(pending_key.back(), n);
            want_key.back() = true;
        }
    };
    while (true) {
        yaml_event_t e;
        if (!yaml_parser_parse(&ev.parser, &e)) {
            accepted = false;
            tolerated_refusal = tolerated(ev.parser);
            return nullptr;
        }
        yaml_event_type_t type = e.type;
        auto anchor_of = [&](yaml_char_t* a, const RefPtr& n) {
            if (a) anchors[reinterpret_cast<const char*>(a)] = n;
        };
        switch (type) {
        case YAML_DOCUMENT_START_EVENT:
            ++documents;
            break;
        case YAML_SCALAR_EVENT: {
            auto n = std::make_shared<Ref>();
            std::string v(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
            n->plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            bool null_word = v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
            if (n->plain && null_word) {
                n->kind = yaml::Node::Kind::null;
            } else {
                n->kind = yaml::Node::Kind::scalar;
                n->value = std::move(v);
            }
            anchor_of(e.data.scalar.anchor, n);
            add(n);
            break;
        }
        case YAML_ALIAS_EVENT: {
            auto it = anchors.find(reinterpret_cast<const char*>(e.data.alias.anchor));
            add(it == anchors.end() ? std::make_shared<Ref>() : it->second);
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            auto n = std::make_shared<Ref>();
            n->kind = type == YAML_SEQUENCE_START_EVENT ? yaml::Node::Kind::sequence
                                                        : yaml::Node::Kind::map;
            anchor_of(type == YAML_SEQUENCE_START_EVENT ? e.data.sequence_start.anchor
                                                        : e.data.mapping_start.anchor,
                      n);
            stack.push_back(n);
            want_key.push_back(true);
            pending_key.emplace_back();
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
            RefPtr n = stack.back();
            stack.pop_back();
            want_key.pop_back();
            pending_key.pop_back();
            add(n);
            break;
        }
        default:
            break;
        }
        yaml_event_delete(&e);
        if (type == YAML_STREAM_END_EVENT) break;
    }
    accepted = true;
    return root ? root : std::make_shared<Ref>();
}

// The first difference between hired's tree and libyaml's, or "". Shared
// (aliased) subtrees are compared once per pair, so an allowed alias bomb
// stays linear.
std::string ref_diff(const yaml::Node& a, const Ref& b, const std::string& path,
                     std::map<std::pair<const void*, const void*>, bool>& seen) {
    if (!seen.emplace(std::make_pair(&a, &b), true).second) return "";
    if (a.kind != b.kind)
        return fmt::format("{}: {} vs {}", path, a.kind_name(), static_cast<int>(b.kind));
    if (a.value != b.value)
        return fmt::format("{}: '{}' vs '{}'", path, hired::printable(a.value),
                           hired::printable(b.value));
    if (a.kind == yaml::Node::Kind::scalar && a.plain != b.plain)
        return fmt::format("{}: plain {} vs {}", path, a.plain, b.plain);
    if (a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return fmt::format("{}: sizes {}/{} vs {}/{}", path, a.items.size(), a.entries.size(),
                           b.items.size(), b.entries.size());
    for (size_t i = 0; i < a.items.size(); ++i)
        if (auto d = ref_diff(*a.items[i], *b.items[i], fmt::format("{}[{}]", path, i), seen);
            !d.empty())
            return d;
    for (size_t i = 0; i < a.entries.size(); ++i) {
        if (auto d = ref_diff(*a.entries[i].first, *b.entries[i].first,
                              fmt::format("{}.key{}", path, i), seen);
            !d.empty())
            return d;
        if (auto d = ref_diff(*a.entries[i].second, *b.entries[i].second,
                              fmt::format("{}.value{}", path, i), seen);
            !d.empty())
            return d;
    }
    return "";
}

#endif

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);

    yaml::NodePtr full;
    try {
        full = yaml::parse_full(text, "t", limits());
    } catch (const hired::Error& e) {
        hired::fuzz::require_data_error(e, "t");
    }

    yaml::NodePtr simple = yaml::parse_simple(text, limits());
    if (simple) {
        require(full != nullptr, "the fast reader took a text that parse_full refuses");
        std::string d = diff(*simple, *full, "$");
        require(d.empty(), "the fast reader and yaml-cpp differ: " + d);
    }

    // parse() = the fast reader, else parse_full: the same verdict and tree.
    // (When the fast reader declines, parse() is parse_full once more: only
    // its other case is worth the time.)
    if (simple) {
        yaml::NodePtr combined;
        try {
            combined = yaml::parse(text, "t", limits());
        } catch (const hired::Error& e) {
            hired::fuzz::violated(std::string("parse() refuses what the fast reader takes: ") +
                                  hired::printable(e.what()));
        }
        require(diff(*combined, *full, "$").empty(), "parse() and parse_full() differ");
    }

#ifdef HIRED_FUZZ_LIBYAML
    if (full) {
        bool accepted = false, tolerated_refusal = false;
        RefPtr ref = libyaml_tree(text, accepted, tolerated_refusal);
        if (!accepted && tolerated_refusal) return 0; // pyyaml_diff.py checks these against PyYAML
        require(accepted, "hired takes a text that libyaml refuses");
        std::map<std::pair<const void*, const void*>, bool> seen;
        std::string d = ref_diff(*full, *ref, "$", seen);
        require(d.empty(), "hired and libyaml read different trees: " + d);
    }
#endif
    return 0;
}
