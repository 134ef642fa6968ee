#!/usr/bin/env bash
# The built-in bank: every problem is valid and every reference solution
# passes every case (what `practice check` promises).
source "$(dirname "$0")/lib.sh"
run 0 "$HIRED" practice check --jobs 2
expect_out "reference solutions pass every case"
run 0 "$HIRED" --json practice list
json 'len(j) >= 12 and all(p["tests"] >= 8 and p["examples"] >= 1 for p in j)'
pass
