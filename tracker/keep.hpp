// What rewriting a record file must keep. A command reads a record file into
// a record, changes what it means to change, and writes the record back; any
// part of the file the reader did not understand, or the writer does not
// write, would silently vanish at that moment. So before a file that is
// already in the journal is rewritten, its unchanged record is written as
// text and compared with the file as it is: every key and list item of the
// file, with its value, must be there again. When one is not, the rewrite is
// refused (Error(data) at that key's file:line:column) and nothing is
// written: the command's own change is then the only difference between
// the old file and the new one, by construction.
//
// "The same value" is judged as YAML data, not bytes: key order, quoting
// styles, a block or flow list, a scalar for a one-item list, an absent key
// for an empty one, a shorthand spelt out ("Sam (Engineer)" as name and
// role), the spelling of an enum value (case, '_' for '-'), a
// number's spelling (2.5 = 2.50) and the trailing line break of a block
// text are what the writer may change; nothing else.
#pragma once

#include <string>
#include <string_view>

namespace hired::tracker {

// Throws Error(data) "label:line:col: ..." naming the first key or list item
// of old_text that rewritten (old_text's record written back) lacks or
// changes. Both texts must parse (old_text did already, as a record).
void require_kept(std::string_view old_text, std::string_view rewritten, const std::string& label);

} // namespace hired::tracker
