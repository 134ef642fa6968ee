#!/usr/bin/env bash
# The global behaviour of the command line: help, version, suggestions,
# strict options, exit codes, one-line errors.
source "$(dirname "$0")/lib.sh"

run 0 "$HIRED" --help
expect_out "practice run"
run 0 "$HIRED" --version
expect_out "^hired [0-9]"
run 0 "$HIRED" practice run --help
expect_out "--repeat"
expect_out "Global options"
run 0 "$HIRED" practice --help
expect_out "practice show"

run 2 "$HIRED" practise list
expect_err "did you mean 'practice'"
run 2 "$HIRED" practice lsit
expect_err "did you mean 'list'"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "an error must be one line"
expect_err "^hired: error: "

# No abbreviation guessing, no stray arguments.
run 2 "$HIRED" practice list --diff easy
run 2 "$HIRED" practice show two stray
run 2 "$HIRED" --bogus

# Global options after the command word too.
run 0 "$HIRED" practice list --json
json 'isinstance(j, list) and len(j) >= 12'
run 0 "$HIRED" --json practice list --difficulty hard
json 'all(p["difficulty"]=="hard" for p in j) and len(j) >= 1'

# No colour off a terminal.
run 0 "$HIRED" practice list
if grep -q $'\033\[' "$T/out"; then fail "colour codes off a terminal"; fi

# A bad problem file is exit 3 with its location; unknown keys only warn.
mkdir -p "$T/bad"
printf 'id: broken\ntitle: Broken\ndifficulty: tough\nstatement: x\n' >"$T/bad/broken.yaml"
run 3 "$HIRED" --problems "$T/bad" practice show broken
expect_err "broken.yaml:3:13:"
printf 'id: odd\ntitle: Odd\ndifficulty: easy\nstatement: x\ncolour: blue\nexamples:\n  - {input: "", output: ""}\n' >"$T/bad/odd.yaml"
run 0 "$HIRED" --problems "$T/bad" practice show odd
expect_err "warning: .*odd.yaml:5:1: unknown key 'colour'"
run 3 "$HIRED" practice check "$T/bad/broken.yaml"
expect_out "broken.yaml:3:13:"
pass
