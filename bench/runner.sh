#!/usr/bin/env bash
# Benchmark of the judge (a benchmark, not a test): `practice run` over a
# problem with 300 tiny cases, side by side with
#   (a) a by-hand bash loop running the same prebuilt binary and cmp per case,
#   (b) hyperfine -N of the bare binary (the cost of one spawn),
# and the CPU time hired reports for a ~300 ms compute-bound solution against
# hyperfine's user+sys for the same binary. Medians throughout.
# Then the cost of containment per case: every run has the clean environment
# and a fresh folder (the rows above); `--sandbox` adds bubblewrap, timed on
# 30 cases against a bare bwrap spawn with the flags hired passes, and the
# busy solution's CPU time is checked again under it. BASE_HIRED=/path/to/an
# older hired adds its per-case overhead, timed in the same rounds.
# Usage: bench/runner.sh [RUNS]   (needs hyperfine and bubblewrap)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
hired_install_missing hyperfine bubblewrap
hired_build
HIRED="$HIRED_BUILD_DIR/cli/hired"
RUNS="${1:-15}"

W="$(mktemp -d /tmp/hired-bench-XXXXXX)"
trap 'rm -rf "$W"' EXIT
export HOME="$W/home" XDG_CACHE_HOME="$W/cache" XDG_STATE_HOME="$W/state" XDG_DATA_HOME="$W/data"
mkdir -p "$HOME" "$W/problems" "$W/cases"

# A problem with 300 tiny cases, and an echo solution.
{
    printf 'id: tiny\ntitle: Tiny\ndifficulty: easy\nstatement: Echo the number.\ntests:\n'
    for i in $(seq 1 300); do printf '  - {input: "%d\\n", output: "%d\\n"}\n' "$i" "$i"; done
} >"$W/problems/tiny.yaml"
for i in $(seq 1 300); do echo "$i" >"$W/cases/$i.in"; echo "$i" >"$W/cases/$i.ans"; done
cat >"$W/echo.c" <<'C'
#include <stdio.h>
int main(void) { long x; if (scanf("%ld", &x) == 1) printf("%ld\n", x); return 0; }
C
gcc -O2 -o "$W/echo" "$W/echo.c"
cat >"$W/loop.sh" <<SH
for i in \$(seq 1 300); do
    "$W/echo" <"$W/cases/\$i.in" >"$W/out" && cmp -s "$W/out" "$W/cases/\$i.ans" || echo "case \$i failed"
done
SH
# Warm the build cache so both sides run the same prebuilt program.
"$HIRED" --problems "$W/problems" practice run tiny "$W/echo.c" >/dev/null

BASE_HIRED="${BASE_HIRED:-}"
if [ -n "$BASE_HIRED" ]; then "$BASE_HIRED" --problems "$W/problems" practice run tiny "$W/echo.c" >/dev/null; fi

hyperfine -N --warmup 3 --runs "$RUNS" --style basic --export-json "$W/a.json" \
    -n "hired practice run (300 cases)" "$HIRED --problems $W/problems practice run tiny $W/echo.c" \
    -n "bash loop + cmp (300 cases)" "bash $W/loop.sh" >&2
# The per-case overhead: this VM's spawn cost drifts by a tenth of a
# millisecond from one minute to the next, so the bare spawn and hired are
# timed back to back in 5 rounds, and the overhead is the median of the rounds'.
for round in 1 2 3 4 5; do
    hyperfine -N --warmup 20 --runs 200 --style basic --export-json "$W/b$round.json" \
        -n "bare spawn" "$W/echo" >&2
    hyperfine -N --warmup 1 --runs 5 --style basic --export-json "$W/h$round.json" \
        -n "hired (300 cases)" "$HIRED --problems $W/problems practice run tiny $W/echo.c" >&2
    if [ -n "$BASE_HIRED" ]; then
        hyperfine -N --warmup 1 --runs 5 --style basic --export-json "$W/o$round.json" \
            -n "baseline hired (300 cases)" "$BASE_HIRED --problems $W/problems practice run tiny $W/echo.c" >&2
    fi
done

# The sandbox: 30 cases (a sandboxed case costs about a bare bwrap start),
# against a bare bwrap spawn of the same binary with the flags hired passes
# (its home folder, /tmp, /run and so on hidden; the run's folder writable).
{
    printf 'id: tiny30\ntitle: Tiny\ndifficulty: easy\nstatement: Echo the number.\ntests:\n'
    for i in $(seq 1 30); do printf '  - {input: "%d\\n", output: "%d\\n"}\n' "$i" "$i"; done
} >"$W/problems/tiny30.yaml"
mkdir -p "$W/run"
HIDDEN=()
for d in /tmp /var/tmp /run /home /root /mnt /media; do [ -d "$d" ] && HIDDEN+=("$d"); done
BWRAP=(bwrap --unshare-all --die-with-parent --new-session --cap-drop ALL --ro-bind / / --dev /dev
       --proc /proc)
for d in "${HIDDEN[@]}"; do BWRAP+=(--tmpfs "$d"); done
BWRAP+=(--bind "$W/run" "$W/run" --ro-bind "$W/echo" "$W/echo")
for d in "${HIDDEN[@]}"; do BWRAP+=(--remount-ro "$d"); done
BWRAP+=(--remount-ro /dev --chdir "$W/run" -- "$W/echo")
SANDBOX=1
if ! "${BWRAP[@]}" </dev/null >/dev/null 2>&1; then
    SANDBOX=0
    echo "bubblewrap cannot run here: the sandbox rows are skipped" >&2
fi
if [ $SANDBOX = 1 ]; then
    "$HIRED" --problems "$W/problems" practice run tiny30 "$W/echo.c" --sandbox >/dev/null
    for round in 1 2 3; do
        hyperfine -N --warmup 3 --runs 30 --style basic --export-json "$W/sb$round.json" \
            -n "bare bwrap spawn" "${BWRAP[*]}" >&2
        hyperfine -N --warmup 1 --runs 3 --style basic --export-json "$W/sh$round.json" \
            -n "hired --sandbox (30 cases)" "$HIRED --problems $W/problems practice run tiny30 $W/echo.c --sandbox" >&2
        hyperfine -N --warmup 1 --runs 3 --style basic --export-json "$W/sc$round.json" \
            -n "hired (30 cases)" "$HIRED --problems $W/problems practice run tiny30 $W/echo.c" >&2
    done
fi

# A compute-bound solution of about 300 ms.
cat >"$W/busy.c" <<'C'
#include <stdio.h>
int main(void) {
    volatile unsigned long long x = 1;
    for (unsigned long long i = 0; i < 330000000ULL; ++i) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    printf("%llu\n", (unsigned long long)(x & 1));
    return 0;
}
C
gcc -O2 -o "$W/busy" "$W/busy.c"
printf 'id: busy\ntitle: Busy\ndifficulty: easy\nstatement: Spin.\nchecker: tokens\nlimits: {time_ms: 5000}\ntests:\n  - {input: "", output: "%s\\n"}\n' \
    "$("$W/busy")" >"$W/problems/busy.yaml"
hyperfine -N --warmup 1 --runs 10 --style basic --export-json "$W/c.json" -n "busy (bare)" "$W/busy" >&2
"$HIRED" --problems "$W/problems" --json practice run busy "$W/busy.c" --repeat 10 >"$W/busy-hired.json"
if [ $SANDBOX = 1 ]; then
    "$HIRED" --problems "$W/problems" --json practice run busy "$W/busy.c" --repeat 10 --sandbox >"$W/busy-sandboxed.json"
fi

python3 - "$W" "$SANDBOX" "${BASE_HIRED:+1}" <<'PY'
import json, os, statistics, sys
w, sandbox, base = sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1"
def med(path):
    return statistics.median(json.load(open(path))["results"][0]["times"])
def cpu(path):  # hyperfine's mean user+sys: less disturbed by a busy machine than wall time
    r = json.load(open(path))["results"][0]
    return r["user"] + r["system"]
a = json.load(open(f"{w}/a.json"))["results"]
c = json.load(open(f"{w}/c.json"))["results"][0]
rounds = []
for r in range(1, 6):
    bare_r = statistics.median(json.load(open(f"{w}/b{r}.json"))["results"][0]["times"])
    hired_r = statistics.median(json.load(open(f"{w}/h{r}.json"))["results"][0]["times"])
    rounds.append((bare_r, hired_r / 300 - bare_r))
h = json.load(open(f"{w}/busy-hired.json"))["cases"][0]
hired, loop = statistics.median(a[0]["times"]), statistics.median(a[1]["times"])
bare = statistics.median(r[0] for r in rounds)
overheads = sorted(r[1] for r in rounds)
print(f"practice run, 300 cases:   {hired*1000:8.1f} ms  (median of {len(a[0]['times'])})")
print(f"bash loop + cmp:           {loop*1000:8.1f} ms  ratio hired/loop = {hired/loop:.2f}  (goal <= 0.50)")
print(f"bare spawn (hyperfine -N): {bare*1000:8.3f} ms  (median of 5 rounds of 200)")
print(f"overhead per case over a bare spawn, 5 rounds back to back: median {statistics.median(overheads)*1000:.3f} ms"
      f"  ({', '.join(f'{o*1000:.3f}' for o in overheads)})  (goal <= 0.300)")
# hyperfine's user/system are means over the runs; it records no per-run CPU.
hf_cpu = (c["user"] + c["system"]) * 1000
print(f"busy: hired CPU median     {h['cpu_ms']:8.1f} ms  (spread {h['cpu_ms_spread']['min']:.1f}-{h['cpu_ms_spread']['max']:.1f})")
print(f"busy: hyperfine user+sys   {hf_cpu:8.1f} ms  difference {100*(h['cpu_ms']-hf_cpu)/hf_cpu:+.1f}%  (goal within 5%)")

# Containment, per case.
hired_case = statistics.median(med(f"{w}/h{r}.json") / 300 for r in range(1, 6))
print(f"per case, clean environment and fresh folder (300 cases): {hired_case*1000:.3f} ms,"
      f" {statistics.median(overheads)*1000:.3f} ms over a bare spawn")
if base:
    base_over = sorted(med(f"{w}/o{r}.json") / 300 - rounds[r - 1][0] for r in range(1, 6))
    base_case = statistics.median(med(f"{w}/o{r}.json") / 300 for r in range(1, 6))
    print(f"per case, baseline binary (300 cases):                     {base_case*1000:.3f} ms,"
          f" {statistics.median(base_over)*1000:.3f} ms over a bare spawn"
          f"  (the clean environment and folder cost {(statistics.median(overheads)-statistics.median(base_over))*1000:+.3f} ms)")
if sandbox:
    bw = [med(f"{w}/sb{r}.json") for r in range(1, 4)]
    sh = [med(f"{w}/sh{r}.json") / 30 for r in range(1, 4)]
    sc = [med(f"{w}/sc{r}.json") / 30 for r in range(1, 4)]
    print(f"bare bwrap spawn (hyperfine -N, 3 rounds of 30):          {statistics.median(bw)*1000:.3f} ms"
          f"  ({', '.join(f'{x*1000:.2f}' for x in bw)})")
    print(f"per case, --sandbox (30 cases, 3 rounds):                 {statistics.median(sh)*1000:.3f} ms"
          f"  ({', '.join(f'{x*1000:.2f}' for x in sh)}); over a bare bwrap spawn"
          f" {statistics.median([a - b for a, b in zip(sh, bw)])*1000:+.3f} ms")
    print(f"per case, clean only (the same 30 cases, same rounds):    {statistics.median(sc)*1000:.3f} ms"
          f"  ratio sandbox/clean = {statistics.median(sh)/statistics.median(sc):.1f}x")
print("CPU per case (hyperfine's user+sys, hired's own included; median of the rounds):")
print(f"  bare spawn {statistics.median(cpu(f'{w}/b{r}.json') for r in range(1, 6))*1000:.3f} ms,"
      f" hired 300 cases {statistics.median(cpu(f'{w}/h{r}.json') / 300 for r in range(1, 6))*1000:.3f} ms"
      + (f", baseline 300 cases {statistics.median(cpu(f'{w}/o{r}.json') / 300 for r in range(1, 6))*1000:.3f} ms" if base else ""))
if sandbox:
    print(f"  bare bwrap spawn {statistics.median(cpu(f'{w}/sb{r}.json') for r in range(1, 4))*1000:.3f} ms,"
          f" hired --sandbox {statistics.median(cpu(f'{w}/sh{r}.json') / 30 for r in range(1, 4))*1000:.3f} ms,"
          f" hired clean (30 cases) {statistics.median(cpu(f'{w}/sc{r}.json') / 30 for r in range(1, 4))*1000:.3f} ms")
    hs = json.load(open(f"{w}/busy-sandboxed.json"))["cases"][0]
    print(f"busy, sandboxed: hired CPU median {hs['cpu_ms']:8.1f} ms  (spread {hs['cpu_ms_spread']['min']:.1f}-{hs['cpu_ms_spread']['max']:.1f})"
          f"  difference from hyperfine {100*(hs['cpu_ms']-hf_cpu)/hf_cpu:+.1f}%  (goal within 5%)")
PY
