// The values of function and class problems (PRODUCT.md, "Function and class
// problems"): the types a signature names; values read from a problem file
// (YAML, errors at file:line:column) or from a JSON file (nlohmann-json,
// errors at the value's path); the wire format in which hired and the
// generated harnesses pass values; comparison by the problem's `compare`;
// and values shown in messages, abbreviated.
//
// A Value is a nlohmann::json: null (an empty tree or list, a void result),
// a boolean, an integer, a double, a string, or an array. A ListNode is held
// as the array of its values, a TreeNode as its level order with null for
// the gaps (as LeetCode writes them), trailing nulls dropped.
#pragma once

#include "util/yaml_doc.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hired::practice {

using Value = nlohmann::json;

struct Type {
    enum class Base { int32, int64, real, boolean, string, list_node, tree_node, void_ };
    Base base = Base::int32;
    int depth = 0; // array dimensions: int[][] is {int32, 2}

    bool is_array() const { return depth > 0; }
    Type element() const { return {base, depth - 1}; }
    // As the problem file writes it: "int[][]", "ListNode", "void".
    std::string str() const;
    friend bool operator==(const Type&, const Type&) = default;
};

// "int", "long", "double", "bool", "string", "ListNode", "TreeNode", "void",
// each with any number of "[]" (not void). nullopt otherwise.
std::optional<Type> parse_type(std::string_view s);

// A value of type t from a problem file's node; Error(data) at the node's
// file:line:column naming what ("argument 'nums'"): a wrong type, an
// integer out of int's range, a malformed tree.
Value value_from_yaml(const yaml::Node& n, const Type& t, const std::string& file,
                      std::string_view what);
// The same from a JSON value; errors name file and the value's path
// ("pair-sum/large.json: nums[3]: ...").
Value value_from_json(const nlohmann::json& j, const Type& t, const std::string& file,
                      const std::string& path);

// The wire format, one value after another, each followed by one space:
// integers in decimal; doubles as the shortest text that reads back the
// same ("inf", "-inf", "nan" too); booleans t or f; strings as
// <byte length>:<bytes>; arrays, ListNodes and TreeNodes as their length,
// then their items (~ for a null item of a tree); ~ for a null array.
void encode(const Value& v, const Type& t, std::string& out);
// Reads one value of type t at in[pos], moving pos past it; nullopt with
// why when the text is not one (a harness that wrote something else).
std::optional<Value> decode(std::string_view in, size_t& pos, const Type& t, std::string& why);

enum class Compare { exact, unordered, unordered_deep, real };
std::optional<Compare> parse_compare(std::string_view s);
const char* to_string(Compare c);

// Whether got equals expected under c (real: numbers within tolerance,
// absolute or relative). On a difference, *where (when given) says where
// the first one is ("[3]: expected 4, got 5"), for a WA.
bool values_equal(const Value& expected, const Value& got, Compare c, double tolerance,
                  std::string* where = nullptr);

// A value as JSON text, cut to about max_chars with "…" (lists keep their
// first items and say how many there are).
std::string show(const Value& v, size_t max_chars = 120);

} // namespace hired::practice
