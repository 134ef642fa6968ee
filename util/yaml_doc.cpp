#include "yaml_doc.hpp"

#include "error.hpp"
#include "files.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <unordered_map>

namespace hired::yaml {

const Node* Node::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k->kind == Kind::scalar && k->value == key) return v.get();
    return nullptr;
}

const char* Node::kind_name() const {
    switch (kind) {
    case Kind::null: return "nothing";
    case Kind::scalar: return "a scalar";
    case Kind::sequence: return "a list";
    case Kind::map: return "a map";
    }
    return "?";
}

namespace {

Mark to_mark(const YAML::Mark& m) {
    if (m.is_null()) return {0, 0};
    return {m.line + 1, m.column + 1};
}

struct Builder : YAML::EventHandler {
    const std::string& file;
    const Limits& limits;
    NodePtr root;
    struct Open {
        std::shared_ptr<Node> node;
        YAML::anchor_t anchor;
        uint64_t nodes_before;
        uint64_t bytes_before;
        bool have_key = false;
        NodePtr pending_key;
    };
    std::vector<Open> stack;
    struct Anchored {
        NodePtr node;
        uint64_t nodes = 0; // what the anchored node expands to
        uint64_t bytes = 0;
    };
    std::unordered_map<YAML::anchor_t, Anchored> anchors;
    std::vector<YAML::anchor_t> open_anchors;
    uint64_t nodes = 0;
    uint64_t bytes = 0;
    bool expanded_alias = false; // some alias added nodes (a copy of its anchor's)

    Builder(const std::string& f, const Limits& l) : file(f), limits(l) {}

    [[noreturn]] void error(const YAML::Mark& m, const std::string& msg) {
        auto mk = to_mark(m);
        fail_at(file, mk.line, mk.column, "{}", msg);
    }

    void count(const YAML::Mark& m, uint64_t n, uint64_t b) {
        nodes += n;
        bytes += b;
        if (nodes > limits.max_nodes) {
            if (expanded_alias)
                error(m, fmt::format("aliases expand the document to more than {} nodes (an alias "
                                     "bomb?)",
                                     limits.max_nodes));
            error(m, fmt::format("{}more than {} nodes (keys, values, lists and maps) in one file, "
                                 "the most hired reads{}",
                                 growing(), limits.max_nodes, limits.too_big_hint));
        }
        if (bytes > limits.max_bytes) {
            if (expanded_alias)
                error(m, fmt::format("aliases expand the document to more than {} MiB of text (an "
                                     "alias bomb?)",
                                     limits.max_bytes >> 20));
            error(m, fmt::format("{}more than {} MiB of text in one file, the most hired reads{}",
                                 growing(), limits.max_bytes >> 20, limits.too_big_hint));
        }
    }

    // "'tests' has too many items: " when a top-level key's value is what
    // grows past a limit (the usual way a file gets that big), else "".
    std::string growing() const {
        if (stack.size() < 2 || stack[0].node->kind != Node::Kind::map || !stack[0].have_key ||
            stack[0].pending_key->kind != Node::Kind::scalar)
            return "";
        return fmt::format("'{}' has too many items: ", stack[0].pending_key->value);
    }

    void add(const YAML::Mark& m, NodePtr n) {
        if (stack.empty()) {
            if (!root) root = std::move(n);
            return;
        }
        auto& top = stack.back();
        if (top.node->kind == Node::Kind::sequence) {
            top.node->items.push_back(std::move(n));
        } else if (!top.have_key) {
            top.pending_key = std::move(n);
            top.have_key = true;
        } else {
            if (top.pending_key->kind == Node::Kind::scalar) {
                for (const auto& [k, v] : top.node->entries)
                    if (k->kind == Node::Kind::scalar && k->value == top.pending_key->value) {
                        auto km = top.pending_key->mark;
                        fail_at(file, km.line, km.column, "duplicate key '{}' (first at line {})",
                                k->value, k->mark.line);
                    }
            }
            top.node->entries.emplace_back(std::move(top.pending_key), std::move(n));
            top.have_key = false;
        }
        (void)m;
    }

    void remember(YAML::anchor_t anchor, const NodePtr& n, uint64_t ncount, uint64_t bcount) {
        if (anchor) anchors[anchor] = Anchored{n, ncount, bcount};
    }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
        auto n = std::make_shared<Node>();
        n->mark = to_mark(m);
        count(m, 1, 0);
        remember(anchor, n, 1, 0);
        add(m, n);
    }

    void OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) override {
        if (std::find(open_anchors.begin(), open_anchors.end(), anchor) != open_anchors.end())
            error(m, "an alias refers to a node that contains it (a cycle)");
        auto it = anchors.find(anchor);
        if (it == anchors.end()) error(m, "an alias to an unknown anchor");
        expanded_alias = true;
        count(m, it->second.nodes, it->second.bytes);
        add(m, it->second.node);
    }

    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        auto n = std::make_shared<Node>();
        n->kind = Node::Kind::scalar;
        n->mark = to_mark(m);
        n->value = value;
        n->plain = (tag == "?");
        count(m, 1, value.size());
        remember(anchor, n, 1, value.size());
        add(m, n);
    }

    void open(const YAML::Mark& m, Node::Kind kind, YAML::anchor_t anchor) {
        if (stack.size() >= limits.max_depth)
            error(m, fmt::format("nesting deeper than {} levels", limits.max_depth));
        auto n = std::make_shared<Node>();
        n->kind = kind;
        n->mark = to_mark(m);
        count(m, 1, 0);
        stack.push_back(Open{n, anchor, nodes, bytes, false, nullptr});
        if (anchor) open_anchors.push_back(anchor);
    }

    void close() {
        Open top = std::move(stack.back());
        stack.pop_back();
        if (top.anchor) {
            open_anchors.erase(std::remove(open_anchors.begin(), open_anchors.end(), top.anchor),
                               open_anchors.end());
            remember(top.anchor, top.node, nodes - top.nodes_before + 1, bytes - top.bytes_before);
        }
        YAML::Mark dummy;
        add(dummy, top.node);
    }

    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(m, Node::Kind::sequence, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(m, Node::Kind::map, anchor);
    }
    void OnMapEnd() override { close(); }
};

} // namespace

NodePtr parse(std::string_view text, const std::string& file, const Limits& limits) {
    if (text.find('\0') != std::string_view::npos) {
        // Find the line of the first NUL for the message.
        size_t pos = text.find('\0');
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
        fail_at(file, line, 1, "a NUL byte: this is not a text file");
    }
    if (NodePtr simple = parse_simple(text, limits)) return simple;
    return parse_full(text, file, limits);
}

NodePtr parse_full(std::string_view text, const std::string& file, const Limits& limits) {
    // yaml-cpp accepts some broken texts and reads them as something else
    // (a quote never closed swallows the lines after it): refuse those first.
    check_syntax(text, file, limits);
    std::istringstream in{std::string(text)};
    Builder b(file, limits);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(b)) return std::make_shared<Node>();
        // A second document in the same file is a mistake for our formats.
        Builder extra(file, limits);
        if (parser.HandleNextDocument(extra))
            fail_at(file, extra.root ? extra.root->mark.line : 0, 1,
                    "more than one YAML document in the file (a stray '---'?)");
    } catch (const YAML::Exception& e) {
        auto mk = to_mark(e.mark);
        fail_at(file, mk.line, mk.column, "invalid YAML: {}", e.msg);
    }
    return b.root ? b.root : std::make_shared<Node>();
}

NodePtr parse_file(const std::string& path, const Limits& limits) {
    return parse(read_file(path), path, limits);
}

Fields::Fields(const Node& map, std::string file, std::string what)
    : map_(map), file_(std::move(file)), what_(std::move(what)), used_(map.entries.size(), false) {
    if (!map.is_map()) error_at(map, fmt::format("{} must be a map of key: value, not {}", what_, map.kind_name()));
}

void Fields::error_at(const Node& n, const std::string& message) const {
    fail_at(file_, n.mark.line, n.mark.column, "{}", message);
}

void Fields::error_here(const std::string& message) const { error_at(map_, message); }

const Node* Fields::get(std::string_view key) {
    const auto& entries = map_.entries;
    for (size_t i = 0; i < entries.size(); ++i) {
        const Node& k = *entries[i].first;
        if (k.kind != Node::Kind::scalar || k.value != key) continue;
        used_[i] = true;
        const Node* n = entries[i].second.get();
        return n->is_null() ? nullptr : n;
    }
    return nullptr;
}

const Node& Fields::require(std::string_view key) {
    const Node* n = get(key);
    if (!n) error_here(fmt::format("{}: missing required field '{}'", what_, key));
    return *n;
}

std::string as_string(const Node& n, const std::string& file, std::string_view what) {
    if (!n.is_scalar())
        fail_at(file, n.mark.line, n.mark.column, "'{}' must be text, not {}", what, n.kind_name());
    return n.value;
}

int64_t as_int(const Node& n, const std::string& file, std::string_view what, int64_t lo, int64_t hi) {
    if (!n.is_scalar())
        fail_at(file, n.mark.line, n.mark.column, "'{}' must be a whole number, not {}", what, n.kind_name());
    int64_t v = 0;
    const char* b = n.value.data();
    const char* e = b + n.value.size();
    if (b != e && *b == '+') ++b;
    auto [p, ec] = std::from_chars(b, e, v);
    if (ec != std::errc() || p != e)
        fail_at(file, n.mark.line, n.mark.column, "'{}' must be a whole number, got '{}'", what, n.value);
    if (v < lo || v > hi)
        fail_at(file, n.mark.line, n.mark.column, "'{}' must be between {} and {}, got {}", what, lo, hi, v);
    return v;
}

double as_double(const Node& n, const std::string& file, std::string_view what) {
    if (!n.is_scalar())
        fail_at(file, n.mark.line, n.mark.column, "'{}' must be a number, not {}", what, n.kind_name());
    try {
        size_t used = 0;
        double d = std::stod(n.value, &used);
        if (used != n.value.size() || !std::isfinite(d)) throw std::invalid_argument("x");
        return d;
    } catch (const std::exception&) {
        fail_at(file, n.mark.line, n.mark.column, "'{}' must be a number, got '{}'", what, n.value);
    }
}

std::optional<std::string> Fields::str(std::string_view key) {
    const Node* n = get(key);
    if (!n) return std::nullopt;
    return as_string(*n, file_, key);
}

std::string Fields::require_str(std::string_view key) { return as_string(require(key), file_, key); }

std::optional<int64_t> Fields::integer(std::string_view key, int64_t lo, int64_t hi) {
    const Node* n = get(key);
    if (!n) return std::nullopt;
    return as_int(*n, file_, key, lo, hi);
}

std::optional<double> Fields::number(std::string_view key) {
    const Node* n = get(key);
    if (!n) return std::nullopt;
    return as_double(*n, file_, key);
}

std::optional<bool> Fields::boolean(std::string_view key) {
    const Node* n = get(key);
    if (!n) return std::nullopt;
    if (n->is_scalar()) {
        const auto& v = n->value;
        if (v == "true" || v == "yes" || v == "on" || v == "True") return true;
        if (v == "false" || v == "no" || v == "off" || v == "False") return false;
    }
    error_at(*n, fmt::format("'{}' must be true or false", key));
}

std::vector<std::string> Fields::str_list(std::string_view key) {
    const Node* n = get(key);
    std::vector<std::string> out;
    if (!n) return out;
    if (n->is_scalar()) {
        out.push_back(n->value);
        return out;
    }
    if (!n->is_sequence()) error_at(*n, fmt::format("'{}' must be a list of text, not {}", key, n->kind_name()));
    for (const auto& item : n->items) {
        if (item->is_null()) continue;
        out.push_back(as_string(*item, file_, key));
    }
    return out;
}

std::vector<std::pair<NodePtr, NodePtr>> Fields::unused() const {
    std::vector<std::pair<NodePtr, NodePtr>> out;
    for (size_t i = 0; i < map_.entries.size(); ++i)
        if (!used_[i]) out.push_back(map_.entries[i]);
    return out;
}

} // namespace hired::yaml
