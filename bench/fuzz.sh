#!/usr/bin/env bash
# bench/fuzz.sh [SECONDS] [TARGET...]: runs each fuzz target (tests/fuzz:
# yaml, problem, records, merge) for SECONDS, default 1800 (30 minutes;
# $FUZZ_SECONDS also sets it), one after the other, from the seed corpus
# plus what earlier runs found (build-fuzz/corpus). Prints per target the
# executions, executions per second, coverage (libFuzzer's cov/ft), corpus
# size and findings; a finding is kept in build-fuzz/findings/TARGET/ and
# becomes a regression (tests/fuzz/regressions/TARGET/) once fixed.
# Four targets of 30 minutes: about two hours. Exit 1 when anything was found.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-${FUZZ_SECONDS:-1800}}"
[ $# -gt 0 ] && shift
started=$(date +%s)
tests/fuzz/run.sh "$seconds" "$@"
echo "wall time: $(( $(date +%s) - started )) s (build and seed corpus included)"
