#!/usr/bin/env bash
# undo and redo as PRODUCT.md promises: undo walks back the user's own
# changes (never toggling), redo brings them back, a sync merge is never
# undone by a plain undo, and undoing never deletes what another machine
# added: two machines and a bare remote, practice attempts included.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/sync_lib.sh"

export HIRED_TODAY=2026-12-07
git init -q --bare "$T/remote.git"
problems="$HIRED_SOURCE_DIR/problems"
ok_solution="$problems/badge-twins/ref.py"
[ -f "$ok_solution" ] || fail "no reference solution for badge-twins"

# ---- one machine: undo walks back, redo brings back ------------------------------
on laptop lesson add "Ask about input sizes"
on laptop contact add "Dana Li" --role Recruiter
on laptop event add "Rust meetup" --date 2026-12-01 --kind meetup
on laptop undo
expect_out '^undo: event: Rust meetup'
on laptop undo
expect_out '^undo: contact: Dana Li'
[ ! -e "$T/laptop/contacts/dana-li.yaml" ] || fail "undo left Dana's file"
on laptop redo
expect_out '^redo: contact: Dana Li'
[ -f "$T/laptop/contacts/dana-li.yaml" ] || fail "redo did not bring Dana back"
on laptop redo
expect_out '^redo: event: Rust meetup'
HIRED_JOURNAL="$T/laptop" run 3 "$HIRED" redo
expect_err "nothing to redo"
# undo 2: two commits, one per change.
on laptop undo 2
expect_out '^undo: redo: event: Rust meetup'
expect_out '^undo: redo: contact: Dana Li'
[ "$(git -C "$T/laptop" log --format=%s | grep -c '^undo:')" -eq 4 ] || fail "undo 2 made other than 2 commits"
# A new change ends what redo can bring back.
on laptop lesson add "Sleep before onsites"
HIRED_JOURNAL="$T/laptop" run 3 "$HIRED" redo
expect_err "nothing to redo: the journal changed since the last undo"
# A change named by its id.
first=$(git -C "$T/laptop" log --format='%h %s' | grep 'lesson: "Ask about input sizes"' | cut -d' ' -f1)
on laptop undo "$first"
expect_out '^undo: lesson: "Ask about input sizes"'
on laptop lesson list
expect_out "Sleep before onsites"
expect_no_out "Ask about input sizes"
HIRED_JOURNAL="$T/laptop" run 3 "$HIRED" undo "$first"
expect_err "is undone already"
on laptop --json undo
json 'j["message"] == "undo: lesson: \"Sleep before onsites\"" and len(j["changes"]) == 1'

# ---- two machines: a merge is never undone by a plain undo -------------------------
on laptop sync --remote "$T/remote.git"
on desktop sync --remote "$T/remote.git"
# Each practises: A (laptop) solves badge-twins, B (desktop) too; both sync.
mkdir -p "$T/l" "$T/d"
(cd "$T" && HIRED_JOURNAL="$T/laptop" run 0 "$HIRED" practice start badge-twins --lang python --dir "$T/l")
HIRED_JOURNAL="$T/laptop" run 0 "$HIRED" practice run badge-twins "$ok_solution"
on laptop practice done badge-twins --rating good --note "laptop attempt"
on laptop sync
(cd "$T" && HIRED_JOURNAL="$T/desktop" run 0 "$HIRED" practice start badge-twins --lang python --dir "$T/d")
HIRED_JOURNAL="$T/desktop" run 0 "$HIRED" practice run badge-twins "$ok_solution"
on desktop practice done badge-twins --rating hard --note "desktop attempt"
on desktop sync
expect_out "merged practice/badge-twins.yaml"
# Desktop's undo takes back its own attempt, not the merge, and says what it passed over.
on desktop undo
expect_out '^undo: practice: badge-twins'
expect_out "passed over 1 newer change from another machine"
grep -q "laptop attempt" "$T/desktop/practice/badge-twins.yaml" || fail "undo lost the laptop's attempt"
grep -q "desktop attempt" "$T/desktop/practice/badge-twins.yaml" && fail "undo kept the desktop's attempt"
# Nothing more of desktop's own: undo says so, naming the other machine's change.
HIRED_JOURNAL="$T/desktop" run 3 "$HIRED" undo
expect_err "nothing of yours to undo: the last changes came from another machine"
expect_err "hired undo [0-9a-f]"
on desktop sync
on laptop sync
# The laptop's attempt survives on the laptop.
grep -q "laptop attempt" "$T/laptop/practice/badge-twins.yaml" || fail "the laptop lost its own attempt"
grep -q "desktop attempt" "$T/laptop/practice/badge-twins.yaml" && fail "the undone attempt came back"

# ---- undoing never deletes what another machine added after the change -------------
on desktop apply Acme --role "Backend Engineer" --date 2026-12-02
applied=$(git -C "$T/desktop" rev-parse --short HEAD)
on desktop sync
on laptop sync
on laptop round add Acme --kind technical --date 2026-12-05 --outcome passed
on laptop sync
on desktop sync
HIRED_JOURNAL="$T/desktop" run 3 "$HIRED" undo "$applied"
expect_err "cannot undo"
on desktop company show Acme
expect_out "#1 2026-12-05 technical"
pass
