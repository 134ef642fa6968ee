// What the journal's text prefilters rely on: a few facts about a record
// file's layout that can be checked line by line without parsing. hired's
// writer (yaml_write.cpp) emits block-style YAML in which every quoted
// scalar and flow collection ends on the line it starts; block scalars'
// text is indented under its key. A prefilter may draw a conclusion from a
// file's raw text (this file cannot mention "x"; this company has no open
// application) only when the text surely keeps to that layout; any other
// file is parsed, so that a broken or unusual file is reported, or read,
// the same way by every command.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace hired::tracker {

// Every quoted scalar that may start on this line ends on it, and the flow
// brackets outside them balance. A quote can only open a scalar after a
// space, an indicator or the start of the line; one after a letter or digit
// is text ("don't").
bool closed_on_its_line(std::string_view line);
// "key: ..." or "key:" with a plain lower-case key: the key, else empty.
std::string_view key_of(std::string_view s);
// "|", "|-", ">+2" and the like: a block scalar's indicator.
bool block_indicator(std::string_view v);
// When the line (rest, at indent) starts a block scalar, the indentation its
// text must exceed.
std::optional<size_t> block_start(std::string_view rest, size_t indent);
// Whether the & * ! on a line (rest: after its indentation) are surely
// text, not an anchor, alias or tag: the line's value (after any "- " and
// "key:") starts with a letter, a digit or a UTF-8 byte and holds no
// further ": " nor a ':' at its end, so it is a plain scalar and these are
// its text ("R&D", "Smith & Co", "Great!").
bool indicators_are_text(std::string_view rest);
// Whether text surely keeps to the layout: no tab, CR, backslash or NUL;
// outside a block scalar's text, & * ! only where indicators_are_text,
// and every line closed_on_its_line.
bool surely_plain(std::string_view text);

} // namespace hired::tracker
