#!/usr/bin/env bash
# `cmake --install` puts the binary and the built-in bank where the binary
# finds them again, away from the source tree.
source "$(dirname "$0")/lib.sh"
build="$(cd "$(dirname "$HIRED")/.." && pwd)"
have cmake || { echo "skip: no cmake"; pass; exit 0; }
run 0 cmake --install "$build" --prefix "$T/prefix"
[ -x "$T/prefix/bin/hired" ] || fail "no installed binary"
run 0 "$T/prefix/bin/hired" --json practice list
json "len(j) >= 12 and all(p['file'].startswith('$T/prefix/share/hired/problems/') for p in j)"
pass
