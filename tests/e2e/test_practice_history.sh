#!/usr/bin/env bash
# The practice history as a user goes through it: practice next on an empty
# journal, start → run → done (one commit, practice/<id>.yaml), list
# --status, next, stats; a failed attempt comes back tomorrow.
source "$(dirname "$0")/lib.sh"
J="$XDG_DATA_HOME/hired/journal"
TODAY=$(date +%F)
TOMORROW=$(date -d tomorrow +%F)
commits() { git -C "$J" rev-list --count HEAD; }
last_message() { git -C "$J" log -1 --format=%s; }

# Nothing practised, no journal: unseen problems, easy first, topics spread.
run 0 "$HIRED" --json practice next
json 'len(j) == 5 and all(p["kind"] == "new" for p in j) and j[0]["difficulty"] == "easy"'
json 'j[0]["reason"].startswith("new, weakest tag: ")'
json 'not (set(j[0]["tags"]) & set(j[1]["tags"]))'
run 0 "$HIRED" practice next
expect_out "new, weakest tag:"
run 0 "$HIRED" --json practice stats
json 'j["attempts"] == 0 and j["solved"] == 0 and j["streak"]["current"] == 0 and len(j["per_day"]) == 30'
[ ! -e "$J" ] || fail "reading created the journal"

# done needs a clock; bad input writes nothing.
run 2 "$HIRED" practice done badge-twins
expect_err "no clock running for 'badge-twins': run 'hired practice start badge-twins' first"
run 3 "$HIRED" practice done no-such-problem
expect_err "unknown problem"
run 2 "$HIRED" practice done badge-twins --rating superb
expect_err "--rating must be again, hard, good or easy"
run 2 "$HIRED" practice list --status finished
expect_err "--status must be new, attempted, solved or due"
[ ! -e "$J" ] || fail "a refused command created the journal"

# The journal exists already (an unrelated record), so the attempt is exactly one new commit.
run 0 "$HIRED" company add Zeta
before=$(commits)

mkdir work && cd work
run 0 "$HIRED" practice start badge-twins --lang python
cp "$HIRED_SOURCE_DIR/problems/badge-twins/ref.py" badge-twins.py
run 0 "$HIRED" practice run badge-twins
expect_out "AC  "
run 0 "$HIRED" --json practice done badge-twins --rating good --note "hash the badge, count pairs"
json 'j["attempt"]["verdict"] == "AC" and j["attempt"]["rating"] == "good" and j["attempt"]["runs"] == 1'
json 'j["attempt"]["passed"] == j["attempt"]["total"] and j["attempt"]["total"] > 0'
json 'j["schedule"]["interval_days"] == 1 and j["schedule"]["repetitions"] == 1 and j["schedule"]["due"] == "'"$TOMORROW"'"'
json 'j["quality"] == 4 and len(j["attempt"]["id"]) == 8'
[ "$(commits)" = $((before + 1)) ] || fail "done made $(( $(commits) - before )) commits, not one"
last_message | grep -Eq "^practice: badge-twins AC in [0-9]+ min \(good\), next review $TOMORROW$" ||
    fail "commit message: $(last_message)"
F="$J/practice/badge-twins.yaml"
[ -f "$F" ] || fail "no practice/badge-twins.yaml"
grep -q "^problem: badge-twins$" "$F" || fail "the file does not name its problem"
grep -q "verdict: AC" "$F" && grep -q "rating: good" "$F" && grep -q "note: hash the badge, count pairs" "$F" ||
    { cat "$F" >&2; fail "the attempt is not in the file"; }
grep -q "due: $TOMORROW" "$F" || fail "no schedule in the file"
grep -Eq "started: ${TODAY}T[0-9:]{8}([+-][0-9]{2}:[0-9]{2}|Z)" "$F" || { cat "$F" >&2; fail "started is not an ISO date-time"; }
[ -z "$(git -C "$J" status --porcelain)" ] || fail "files left uncommitted"
[ ! -e "$XDG_STATE_HOME/hired/practice/badge-twins.json" ] || fail "the clock was not removed"
# The clock is gone: a second done is refused.
run 2 "$HIRED" practice done badge-twins

run 0 "$HIRED" practice list --status solved
expect_out "badge-twins"
run 0 "$HIRED" --json practice list --status new
json '"badge-twins" not in [p["id"] for p in j] and len(j) > 0'
run 0 "$HIRED" --json practice list --status due
json 'j == []'
run 0 "$HIRED" --json practice next
json 'j[0]["id"] != "badge-twins" and "badge-twins" not in [p["id"] for p in j]'
run 0 "$HIRED" --json practice stats
json 'j["solved"] == 1 and j["attempts"] == 1 and j["by_difficulty"]["easy"]["solved"] == 1'
json 'j["by_tag"]["hash-map"]["solved"] == 1 and j["by_tag"]["hash-map"]["total"] >= 1'
json 'j["streak"]["current"] == 1 and j["streak"]["longest"] == 1 and j["streak"]["last_day"] == "'"$TODAY"'"'
json 'j["per_day"][-1] == {"date": "'"$TODAY"'", "attempts": 1} and j["weeks"][-1]["attempts"] == 1'
run 0 "$HIRED" practice stats
expect_out "Solved 1 of"
expect_out "Streak: 1 day"
# Off a terminal: numbers, no bars or sparkline.
expect_no_out "█"
expect_no_out "▁"

# A failed attempt (the starter prints nothing useful) comes back tomorrow.
run 0 "$HIRED" practice start lunch-pairs --lang python
run 1 "$HIRED" practice run lunch-pairs
run 0 "$HIRED" practice done lunch-pairs
expect_out "practice: lunch-pairs WA in [0-9]* min, next review $TOMORROW"
expect_out "next review $TOMORROW (tomorrow)"
last_message | grep -q "^practice: lunch-pairs WA in" || fail "commit message: $(last_message)"
run 0 "$HIRED" --json practice list --status attempted
json '[p["id"] for p in j] == ["lunch-pairs"]'
run 0 "$HIRED" --json practice stats
json 'j["failures"] == 1 and j["weak"] and j["weak"][0]["tag"] in ("two-pointers", "sorting")'
# Tomorrow both are due, the next review order is by due date then id.
HIRED_TODAY=$TOMORROW run 0 "$HIRED" --json practice next
json '[p["id"] for p in j[:2]] == ["badge-twins", "lunch-pairs"] and j[0]["kind"] == "due"'
HIRED_TODAY=$TOMORROW run 0 "$HIRED" --json practice list --status due
json 'sorted(p["id"] for p in j) == ["badge-twins", "lunch-pairs"]'

# Done without a single run records "not judged" and still schedules.
run 0 "$HIRED" practice start ridge-lookout --lang python
run 0 "$HIRED" --json practice done ridge-lookout --rating easy
json 'j["attempt"]["verdict"] == "none" and j["quality"] == 2 and j["schedule"]["interval_days"] == 1'
last_message | grep -q "^practice: ridge-lookout not judged in" || fail "commit message: $(last_message)"

# A second attempt at the same problem adds to the same file.
run 0 "$HIRED" practice start badge-twins --lang python
run 0 "$HIRED" practice run badge-twins
run 0 "$HIRED" --json practice done badge-twins --rating good
json 'j["attempts"] == 2 and j["schedule"]["repetitions"] == 2 and j["schedule"]["interval_days"] == 6'
[ "$(grep -c "^  - id: " "$F")" = 2 ] || fail "the second attempt is not in the same file"

# A hand-broken practice file is bad data, named with its line.
printf 'problem: lunch-pairs\nattempts:\n  - verdict: maybe\n    finished: 2026-01-01T10:00:00Z\n' >"$J/practice/lunch-pairs.yaml"
run 3 "$HIRED" practice next
expect_err "practice/lunch-pairs.yaml:3:14: 'verdict' must be one of"
git -C "$J" checkout -q -- practice/lunch-pairs.yaml
run 0 "$HIRED" practice next
pass
