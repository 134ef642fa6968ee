// A small YAML emitter for journal records. Records are built into an Out
// tree in schema order and written in block style; every string is written
// in the one form that reads back byte for byte: plain when nothing in it
// could be misread, a literal block scalar (with the right chomping and, when
// needed, an explicit indentation indicator) for multi-line text, and a
// double-quoted string with escapes for anything awkward. We do not use
// YAML::Emitter for user data: its block-scalar chomping is unreliable and it
// has no nesting limit.
#pragma once

#include "util/yaml_doc.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hired::tracker::yaml_write {

// One node of a document to write.
struct Out {
    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string text; // scalars
    bool raw_plain =
        false; // write text plain whenever YAML allows (numbers, preserved hand-written values)
    bool flow = false;      // sequences of short plain scalars: written as [a, b]
    std::vector<Out> items; // sequences
    std::vector<std::pair<std::string, Out>> entries; // maps, in this order

    // Declared here, defined in yaml_write.cpp: with clang and libstdc++, an
    // implicit one makes std::pair<std::string, Out> ask whether Out is
    // default-constructible before Out is complete, which does not compile.
    Out();

    static Out scalar(std::string s);
    static Out number(long long v); // written plain
    static Out sequence(bool flow = false);
    static Out map();
    static Out null_value();

    // Map building. The set_* helpers omit empty values, so a record's file
    // shows only what is known.
    Out& add(std::string key, Out value);
    Out& set(std::string key, std::string_view value); // omitted when empty
    Out& set_list(std::string key, const std::vector<std::string>& v,
                  bool flow = true); // omitted when empty
    Out& set_number(std::string key, long long value);
    Out& set_if(std::string key, Out value); // omitted when an empty map/list
    // Sequence building.
    Out& push(Out value);

    bool empty() const;
};

// The whole document; root must be a map (or a sequence). Ends with a newline.
// Throws Error(data) when text is not valid UTF-8 or nesting is absurd.
std::string emit(const Out& root);

// How one string would be written on a single line (plain or double-quoted);
// multi-line strings are always double-quoted here. For keys and tests.
std::string inline_scalar(std::string_view s);
// What a YAML 1.1 or 1.2 reader would take for a number ("1e3", "0x10",
// ".inf", "12:30"): such text is quoted.
bool number_like(std::string_view s);
// True when s can be written as a plain scalar without being misread, in
// block context (flow = false) or inside [ ] (flow = true).
bool plain_ok(std::string_view s, bool flow = false);
// The string as a double-quoted YAML scalar, with escapes.
std::string double_quoted(std::string_view s);
// True when s is valid UTF-8.
bool valid_utf8(std::string_view s);

// A parsed node back into an Out tree, to write hand-written keys that the
// schema does not know through unchanged. Plain scalars stay plain.
Out from_node(const yaml::Node& n);

} // namespace hired::tracker::yaml_write
