#!/usr/bin/env bash
# Every verdict of `practice run`, in every language, with hostile solutions.
source "$(dirname "$0")/lib.sh"
S="$FIXTURES/solutions"
P=(--problems "$FIXTURES/problems")

# AC in each language there is a toolchain for.
for f in ok.cpp ok.c ok.py ok.sh; do
    run 0 "$HIRED" "${P[@]}" practice run sum-list "$S/$f"
    expect_out "3/3 passed"
done
have node && { run 0 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.js"; expect_out "3/3 passed"; }
have javac && { run 0 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.java"; expect_out "3/3 passed"; }
have rustc && { run 0 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.rs"; expect_out "3/3 passed"; }
# Any executable, and --cmd.
cp "$S/ok.py" "$T/solve"; chmod +x "$T/solve"; sed -i '1i #!/usr/bin/env python3' "$T/solve"
run 0 "$HIRED" "${P[@]}" practice run sum-list "$T/solve"
run 0 "$HIRED" "${P[@]}" practice run sum-list --cmd "python3 '$S/ok.py'"

# The second run of an unchanged file uses the cached build.
run 0 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.cpp"
expect_out "cached build"

# JSON per the contract.
run 0 "$HIRED" "${P[@]}" --json practice run sum-list "$S/ok.cpp"
json 'j["problem"]=="sum-list" and j["verdict"]=="AC" and j["passed"]==3 and j["total"]==3'
json 'all(set(["name","verdict","wall_ms","cpu_ms","peak_kb","exit_code","signal"]) <= set(c) for c in j["cases"])'
json 'j["cases"][0]["name"]=="example1" and j["cases"][0]["signal"] is None and j["cases"][0]["peak_kb"] > 0'

# WA with a diff and the case's hint; the summary is the first non-AC verdict.
run 1 "$HIRED" "${P[@]}" practice run sum-list "$S/wrong32.cpp"
expect_out "WA"
expect_out "expected '4000000000', got '-294967296'"
expect_out "hint: The sum does not fit in 32 bits."
run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/wrong32.cpp"
json 'j["verdict"]=="WA" and j["passed"]==2 and [c["verdict"] for c in j["cases"]]==["AC","AC","WA"]'

# --case runs only that case.
run 0 "$HIRED" "${P[@]}" --json practice run sum-list "$S/wrong32.cpp" --case single
json 'j["total"]==1 and j["cases"][0]["name"]=="single"'
run 2 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.cpp" --case nosuch

# TLE: a CPU loop, stopped at the CPU limit.
run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/loop.cpp" --case single
# (On a loaded machine the wall limit may come first; either way it stops by 1.6 s of CPU.)
json 'j["verdict"]=="TLE" and j["cases"][0]["cpu_ms"] <= 1600 and j["cases"][0]["signal"] is None'
# TLE: a sleeper, stopped promptly at the wall limit (2 x 1000 ms).
start=$(date +%s%N)
run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/sleep.py" --case single
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
json 'j["verdict"]=="TLE" and j["cases"][0]["cpu_ms"] < 500'
[ "$elapsed" -lt 6000 ] || fail "a sleeping solution took $elapsed ms to stop"
# A program waiting on stdin forever after reading it.
run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/stdin_forever.py" --case single
json 'j["verdict"]=="TLE"'

# MLE: 2 GiB touched against 256 MB; --memory-limit overrides. The time
# limit is raised: on a loaded VM, faulting in 250 MB can take a second of
# CPU, and a hog stopped by the CPU limit first is rightly TLE.
run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/hog.cpp" --case single --time-limit 8000
json 'j["verdict"]=="MLE"'

# RE: a segfault (named) and a non-zero exit with its stderr shown.
run 1 "$HIRED" "${P[@]}" practice run sum-list "$S/segv.c" --case single
expect_out "RE"
expect_out "SIGSEGV"
run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/segv.c" --case single
json 'j["cases"][0]["signal"]=="SIGSEGV"'
run 1 "$HIRED" "${P[@]}" practice run sum-list "$S/exit3.py" --case single
expect_out "exit code 3"
expect_out "something went wrong"

# OLE: an endless writer, cut at the output cap while hired's own memory stays bounded.
if [ -x /usr/bin/time ]; then
    # Under AddressSanitizer (CI's second half) freed memory waits in a
    # 256 MB quarantine and counts in the peak; a small one measures hired.
    run 1 env ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=8" /usr/bin/time -f "%M" -o "$T/rss" "$HIRED" "${P[@]}" --json practice run sum-list "$S/flood.c" --case single
    json 'j["verdict"]=="OLE"'
    rss=$(tail -n 1 "$T/rss")
    [ "$rss" -lt 200000 ] || fail "hired used $rss KB while a solution flooded its output"
else
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/flood.c" --case single
    json 'j["verdict"]=="OLE"'
fi

# CE with the compiler's message; a Python syntax error is a CE too.
run 1 "$HIRED" "${P[@]}" practice run sum-list "$S/syntax.cpp"
expect_out "CE"
expect_out "error"
run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/syntax.py"
json 'j["verdict"]=="CE" and "invalid syntax" in j["compiler_output"] or "SyntaxError" in j["compiler_output"] or "was never closed" in j["compiler_output"]'

# A deep recursion passes: no stack surprise.
run 0 "$HIRED" "${P[@]}" practice run sum-list "$S/deep.cpp"

# Nothing is left running: a grandchild that called setsid is killed.
run 0 "$HIRED" "${P[@]}" practice run sum-list --cmd "python3 $S/setsid_child.py $T/grandchildren"
[ -s "$T/grandchildren" ] || fail "the grandchild did not start"
sleep 0.2
while read -r pid; do
    if kill -0 "$pid" 2>/dev/null; then fail "grandchild $pid survived the run"; fi
done <"$T/grandchildren"
# … also with several cases at once.
: >"$T/grandchildren"
run 0 "$HIRED" "${P[@]}" practice run sum-list --cmd "python3 $S/setsid_child.py $T/grandchildren" --jobs 3
[ "$(wc -l <"$T/grandchildren")" -eq 3 ] || fail "expected 3 grandchildren"
sleep 0.2
while read -r pid; do
    if kill -0 "$pid" 2>/dev/null; then fail "grandchild $pid survived a --jobs run"; fi
done <"$T/grandchildren"

# --repeat reports the median and spread.
run 0 "$HIRED" "${P[@]}" --json practice run sum-list "$S/ok.cpp" --repeat 3
json 'all(c["runs"]==3 and c["wall_ms_spread"]["min"] <= c["wall_ms"] <= c["wall_ms_spread"]["max"] for c in j["cases"])'

# Usage and data errors.
run 2 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.cpp" --repeat 0
run 2 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.cpp" extra
run 3 "$HIRED" "${P[@]}" practice run no-such-problem "$S/ok.cpp"
expect_err "unknown problem 'no-such-problem'"
run 3 "$HIRED" "${P[@]}" practice run ../sum-list "$S/ok.cpp"
run 3 "$HIRED" "${P[@]}" practice run sum-lst "$S/ok.cpp"
expect_err "did you mean 'sum-list'"
pass
