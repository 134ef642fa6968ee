#!/usr/bin/env bash
# practice show / start / run as a new user types them.
source "$(dirname "$0")/lib.sh"
P=(--problems "$FIXTURES/problems")

run 0 "$HIRED" "${P[@]}" practice show sum-list
expect_out "Sum a List"
expect_out "Example 1"
expect_out "1 + 2 + 3 = 6"
expect_no_out "Hint 1"

mkdir work && cd work
run 0 "$HIRED" "${P[@]}" practice start sum-list --lang python
expect_out "Clock started: 20 minutes"
[ -f sum-list.py ] || fail "no starter file"
grep -q "hired practice run sum-list" sum-list.py || fail "the starter does not say how to run it"
# Never overwrites.
echo "# mine" >>sum-list.py
run 0 "$HIRED" "${P[@]}" practice start sum-list --lang python
expect_out "Kept your existing"
grep -q "# mine" sum-list.py || fail "start overwrote the user's file"
# The starter runs (wrong answers, not crashes); a real solution then passes
# with FILE defaulting to the started one.
run 1 "$HIRED" "${P[@]}" practice run sum-list
expect_out "WA"
cp "$FIXTURES/solutions/ok.py" sum-list.py
run 0 "$HIRED" "${P[@]}" practice run sum-list
expect_out "AC  3/3 passed"
# The clock counts runs and keeps the last verdict.
python3 -c "import json; s=json.load(open('$XDG_STATE_HOME/hired/practice/sum-list.json')); assert s['runs']==2 and s['last_verdict']=='AC', s"
# Every language's default starter compiles and runs.
for lang in cpp c javascript java rust sh; do
    case $lang in javascript) have node || continue ;; java) have javac || continue ;; rust) have rustc || continue ;; esac
    mkdir "$T/$lang" && (cd "$T/$lang" && run 0 "$HIRED" "${P[@]}" practice start sum-list --lang $lang)
    f=$(ls "$T/$lang"/* | head -n 1)
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$f"
    json 'j["verdict"]=="WA"'
done
run 2 "$HIRED" "${P[@]}" practice start sum-list --lang cobol
expect_err "unknown language 'cobol'"
pass
