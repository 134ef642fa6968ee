#!/usr/bin/env bash
# tests/fuzz/run.sh SECONDS [TARGET...]: builds the libFuzzer targets
# (clang, HIRED_FUZZ=ON, in build-fuzz/ or $HIRED_FUZZ_BUILD_DIR), writes the
# seed corpus (make_corpus.py), then runs each target (default: all) for
# SECONDS, one after the other. New inputs go to BUILD/corpus/TARGET and
# are kept for the next run; a finding (crash, property violated, leak,
# timeout, out of memory) is saved in BUILD/findings/TARGET/. Prints one
# line per target: executions, executions per second, coverage, corpus,
# findings. Exit 1 when any target found something.
# Used by .ci/run (60 s each) and bench/fuzz.sh (30 minutes each).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"

seconds="${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml problem records merge)

# clang with libFuzzer's runtime, python3 for the seeds, libyaml as the
# reference of the YAML target, PyYAML for pyyaml_diff.py.
hired_install_missing clang libclang-rt-14-dev libyaml-dev python3 python3-yaml
build="${HIRED_FUZZ_BUILD_DIR:-$HIRED_ROOT/build-fuzz}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    CXX=clang++ cmake -S "$HIRED_ROOT" -B "$build" -DHIRED_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
fi
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" >&2

rm -rf "$build/seeds"
python3 "$HIRED_ROOT/tests/fuzz/make_corpus.py" "$build/seeds" >&2

# Leaks fail like crashes, except those of third-party libraries (.ci/lsan.supp).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$HIRED_ROOT/.ci/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

status=0
summary=()
for t in "${targets[@]}"; do
    rm -rf "$build/findings/$t"
    mkdir -p "$build/corpus/$t" "$build/findings/$t"
    log="$build/findings/$t.log"
    # Problem files are the longest seeds; syntax needs no more than 4 KiB.
    case "$t" in
        problem) max_len=16384 ;;
        records) max_len=8192 ;;
        *) max_len=4096 ;;
    esac
    dict=()
    [ "$t" != merge ] && dict=(-dict="$HIRED_ROOT/tests/fuzz/yaml.dict")
    echo "== fuzz_$t for ${seconds}s" >&2
    set +e
    "$build/tests/fuzz/fuzz_$t" "$build/corpus/$t" "$build/seeds/$t" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
        -print_final_stats=1 -artifact_prefix="$build/findings/$t/" >"$log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
    corpus=$(find "$build/corpus/$t" -type f | wc -l)
    findings=$(find "$build/findings/$t" -type f | wc -l)
    summary+=("$(printf '%-8s %12s execs %8s/s  %-22s corpus %6s  findings %s' \
        "$t" "${execs:-?}" "${rate:-?}" "${cov:-cov: ?}" "$corpus" "$findings")")
    if [ "$rc" -ne 0 ] || [ "$findings" -ne 0 ]; then
        status=1
        echo "fuzz_$t found something (exit $rc); its output ($log):" >&2
        grep -A 30 -E '^==[0-9]+==ERROR|property violated|Test unit written|deadly signal|out-of-memory|timeout' "$log" | head -n 60 >&2 || tail -n 40 "$log" >&2
    fi
done
# Everything the YAML target kept (inputs that reached new code), against
# PyYAML: what hired takes, PyYAML takes as the same tree.
if [[ " ${targets[*]} " == *" yaml "* ]]; then
    if ! python3 "$HIRED_ROOT/tests/fuzz/pyyaml_diff.py" "$build/tests/fuzz/yaml_verdict" \
        "$build/corpus/yaml" >"$build/findings/pyyaml.log" 2>&1; then
        status=1
        cat "$build/findings/pyyaml.log" >&2
    fi
    summary+=("pyyaml   $(tail -n 1 "$build/findings/pyyaml.log")")
fi
printf '%s\n' "${summary[@]}"
exit "$status"
