// A YAML document read into a small tree that keeps the position of every
// node, so that every finding can name file:line:column. Built from
// yaml-cpp's event parser rather than YAML::Node because we need marks on
// every node (a missing key is reported at its parent), and because hostile
// input must be bounded: aliases are counted by what they expand to, an
// alias to an unfinished parent (a cycle) is refused, and nesting is capped.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hired::yaml {

struct Mark {
    int line = 0;   // 1-based
    int column = 0; // 1-based
};

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    Mark mark;
    std::string value;  // scalars
    bool plain = true;  // a plain (unquoted, non-block) scalar
    std::vector<NodePtr> items;                       // sequences
    std::vector<std::pair<NodePtr, NodePtr>> entries; // maps, in file order

    bool is_null() const { return kind == Kind::null; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_map() const { return kind == Kind::map; }
    // The value for a scalar key in a map, or nullptr.
    const Node* find(std::string_view key) const;
    const char* kind_name() const;
};

struct Limits {
    size_t max_depth = 64;
    // What the document may expand to when aliases are followed.
    uint64_t max_nodes = 2'000'000;
    uint64_t max_bytes = 256ull << 20;
    // Appended to the message when a file without aliases passes a limit:
    // what to do instead, in the terms of the file's format.
    std::string_view too_big_hint;
};

// Parses one document (an empty text gives a null node). Throws
// Error(Exit::data) "file:line:col: message" on bad YAML or a limit.
NodePtr parse(std::string_view text, const std::string& file, const Limits& limits = {});
NodePtr parse_file(const std::string& path, const Limits& limits = {});

// The two readers parse() chooses between, for tests that compare them:
// parse_simple is a fast reader of the block-style subset hired writes
// (yaml_simple.cpp); it returns nullptr for anything outside that subset, and
// otherwise the very tree parse_full (yaml-cpp) builds. parse_full throws
// like parse.
NodePtr parse_simple(std::string_view text, const Limits& limits = {});
NodePtr parse_full(std::string_view text, const std::string& file, const Limits& limits = {});

// The syntax check parse_full runs before yaml-cpp (yaml_strict.cpp): the
// text is UTF-8 YAML 1.1 as PyYAML reads it, without what yaml-cpp 0.7
// would read differently (lone CRs, tags, empty keys, ...). Throws
// Error(Exit::data) "file:line:col: invalid YAML: ..." at the first offence.
void check_syntax(std::string_view text, const std::string& file, const Limits& limits = {});

// Reads the fields of one map node, reporting wrong types at the value and
// missing keys at the map, so every error has a location.
class Fields {
public:
    Fields(const Node& map, std::string file, std::string what);

    const Node* get(std::string_view key);            // nullptr when absent or null
    const Node& require(std::string_view key);        // error when absent
    std::optional<std::string> str(std::string_view key);
    std::string require_str(std::string_view key);
    std::optional<int64_t> integer(std::string_view key, int64_t lo, int64_t hi);
    std::optional<double> number(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    std::vector<std::string> str_list(std::string_view key); // a scalar or a list of scalars

    // The entries (key, value) that no get/require/... asked for, each
    // once, in file order. Keys may be other than scalars (null, a map).
    std::vector<std::pair<NodePtr, NodePtr>> unused() const;
    const std::string& file() const { return file_; }
    const Node& node() const { return map_; }

    [[noreturn]] void error_at(const Node& n, const std::string& message) const;
    [[noreturn]] void error_here(const std::string& message) const;

private:
    const Node& map_;
    std::string file_;
    std::string what_;
    std::vector<bool> used_; // by entry: some get/require/... found it
};

// Scalar conversions, with an error naming the node when they fail.
std::string as_string(const Node& n, const std::string& file, std::string_view what);
int64_t as_int(const Node& n, const std::string& file, std::string_view what, int64_t lo, int64_t hi);
double as_double(const Node& n, const std::string& file, std::string_view what);

} // namespace hired::yaml
