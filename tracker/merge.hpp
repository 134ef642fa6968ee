// The record-by-record three-way merge of one journal file, for sync. Pure:
// the texts of one path at the merge base, in ours and in theirs go in; the
// merged text and what the merge had to decide come out. No git, no I/O.
//
// Record files (companies/, contacts/, events/, lessons/, practice/) are
// merged as YAML trees: maps key by key, lists whose items all carry an
// `id` (applications, rounds, round lessons, attempts) item by item, other
// lists (tags, questions, interviewers, links) as sets (what one side added
// is added, what one side removed is removed). So two machines adding
// rounds to the same application, or attempts to the same problem, never
// conflict. The result is written back in the canonical form of its record
// (rounds in order, practice schedule replayed from the attempts).
//
// The rule when both sides changed the same field to different values:
// the preferred side wins (sync prefers the side whose head commit is
// newer; ties go to theirs), and the other value is reported in a conflict
// line; conflict markers are never written. A record (or file) removed on
// one side and edited on the other is kept, edited, and reported. Other
// files (hired.yaml, anything not a record) changed differently on both
// sides: ours is kept and reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hired::tracker {

enum class Side { ours, theirs };

struct FileMerge {
    std::optional<std::string> text; // nullopt: the file is removed
    // "kept ours for companies/acme.yaml round 1f2e3d4c outcome (theirs: failed)"
    std::vector<std::string> conflicts;
    // Records only one side added (or kept), e.g. "round 1f2e3d4c".
    std::vector<std::string> from_ours, from_theirs;
};

// base/ours/theirs: the file's text in each tree, nullopt where it is absent.
// prefer decides field conflicts in record files.
FileMerge merge_file(const std::string& path, const std::optional<std::string>& base,
                     const std::optional<std::string>& ours,
                     const std::optional<std::string>& theirs, Side prefer);

// Undoing one change of a file (hired undo): the file as the change left it
// (changed), as it was before the change (before), and as it is now (now),
// each nullopt where absent. What the change did is taken back; what came
// after it (later edits, and records another machine added) is kept: a
// field edited since keeps its later value (reported), a file the change
// created loses only the records the change put in it. The result is what
// the file should be now.
FileMerge revert_file(const std::string& path, const std::optional<std::string>& changed,
                      const std::optional<std::string>& now,
                      const std::optional<std::string>& before);

} // namespace hired::tracker
