#!/usr/bin/env bash
# Benchmark of the journal (a benchmark, not a test). Generates a large
# journal (1,000 companies, 5,000 rounds, 1,500 contacts, 1,200 stand-alone
# lessons, 20,000 practice attempts over 300 problems; bench/make_journal.py),
# commits it once, checks that `hired check` accepts it, then compares, side
# by side, medians of hyperfine -N runs:
#   round add, lesson add  vs  the same change by hand: append the round to the
#                              company's file (write the lesson's file),
#                              git add that file, git commit -q   (goal <= 0.5x)
#   search TEXT            vs  grep -rli TEXT over the journal's files (goal <= 1.5x)
#   board, review COMPANY  vs  grep -rl WORD over the journal's files (goal <= 2x)
# The greps skip .git (--exclude-dir=.git): they read what hired reads.
# Writers run in the same repository, each run one more commit; the two sides
# alternate in blocks (A B, then B A) so that drift in the machine's load
# falls on both. Instruction counts (valgrind --tool=callgrind, the
# "Collected" total, summed over child processes for the by-hand scripts)
# come beside the times: on a shared machine they are the stable figure.
#
# Usage: bench/journal.sh [RUNS]    (default 20 runs per command)
#   HIRED=path/to/hired       use that binary instead of building build/
#   CALLGRIND=0               skip the instruction counts (more than half the run time
#                             on a busy machine: callgrind runs search at ~1/60 speed)
#   PROFILES=DIR              keep hired's callgrind profiles there (for callgrind_annotate)
#   KEEP=1                    keep the work folder (journal included) and print its path
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/common.sh"
hired_install_missing hyperfine valgrind python3
if [ -z "${HIRED:-}" ]; then
    if [ -f "$HIRED_BUILD_DIR/CMakeCache.txt" ]; then
        cmake --build "$HIRED_BUILD_DIR" -j "$(nproc)" --target hired >&2 # only what is measured
    else
        hired_build
    fi
    HIRED="$HIRED_BUILD_DIR/cli/hired"
fi
RUNS="${1:-20}"
CALLGRIND="${CALLGRIND:-1}"
HALF=$(((RUNS + 1) / 2))

W="$(mktemp -d /tmp/hired-journal-bench-XXXXXX)"
if [ "${KEEP:-0}" = 1 ]; then trap 'echo "kept $W" >&2' EXIT; else trap 'rm -rf "$W"' EXIT; fi
# A private copy: a rebuild in the tree during the run must not change (or
# briefly remove) what is measured. It finds the built-in bank through the
# source path compiled into it.
mkdir -p "$W/bin"
cp "$HIRED" "$W/bin/hired"
HIRED="$W/bin/hired"
export HOME="$W/home" XDG_CACHE_HOME="$W/cache" XDG_STATE_HOME="$W/state" XDG_DATA_HOME="$W/data"
export GIT_CONFIG_NOSYSTEM=1 LC_ALL=C.UTF-8 NO_COLOR=1
unset HIRED_JOURNAL HIRED_PROBLEMS
mkdir -p "$HOME" "$W/hf" "$W/ir"
git config --global user.name "Bench Mark"
git config --global user.email "bench@hired.example"
J="$W/journal"

# ---- the journal -----------------------------------------------------------------
start=$SECONDS
python3 "$ROOT/bench/make_journal.py" "$J" >"$W/meta.json"
(cd "$J" && git init -q -b main && git add -A && git commit -q -m "journal: generated (bench/make_journal.py)")
if ! "$HIRED" --journal "$J" check >"$W/check.out" 2>&1 || [ -s "$W/check.out" ]; then
    echo "bench/journal.sh: hired check does not accept the generated journal:" >&2
    head -20 "$W/check.out" >&2
    exit 1
fi
meta() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$W/meta.json" "$1"; }
ROUND_CO="$(meta round_company)"
ROUND_FILE="$(meta round_company_file)"
REVIEW_CO="$(meta review_company)"
python3 - "$W/meta.json" >&2 <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
c = m["counts"]
print(f"journal: {c['companies']} companies, {c['applications']} applications, {c['rounds']} rounds, "
      f"{c['round_lessons']} round lessons, {c['contacts']} contacts, {c['events']} events, "
      f"{c['lessons']} lessons, {c['attempts']} attempts over {c['problems']} problems; "
      f"{sum(v['files'] for v in m['files'].values())} files, {m['bytes'] / 1e6:.1f} MB")
PY
echo "generated, committed and checked in $((SECONDS - start)) s" >&2

# ---- the commands ------------------------------------------------------------------
q() { printf '%q' "$1"; } # one word for hyperfine -N (it splits like a shell)
H="$(q "$HIRED") --journal $(q "$J")"
ROUND_ARGS="--kind technical --date 2026-12-01 --question $(q 'Design a rate limiter') --outcome pending"
LESSON_TEXT="Ask for the team's on-call rota before the final round"

cat >"$W/byhand-round.sh" <<SH
cd $(q "$J")
printf '      - date: 2026-12-01\n        kind: technical\n        outcome: pending\n        interviewers:\n          - name: Dana Whitfield\n            role: Engineering Manager\n        questions:\n          - Design a rate limiter\n' >>$(q "$ROUND_FILE")
git add -- $(q "$ROUND_FILE")
git commit -q -m $(q "round: $ROUND_CO, technical (by hand)")
SH
cat >"$W/byhand-lesson.sh" <<SH
cd $(q "$J")
printf -v day '%(%Y-%m-%d)T' -1
printf -v f 'lessons/%s-%08x.yaml' "\$day" "\$SRANDOM"
printf 'text: %s\ntags: [preparation]\ndate: %s\n' $(q "\"$LESSON_TEXT\"") "\$day" >"\$f"
git add -- "\$f"
git commit -q -m $(q "lesson: \"$LESSON_TEXT\"")
SH

# name|command (hired side) and the baselines, by row
declare -A CMD=(
    [round]="$H round add $(q "$ROUND_CO") $ROUND_ARGS"
    [round_with]="$H round add $(q "$ROUND_CO") $ROUND_ARGS --with $(q 'Dana Whitfield (Engineering Manager)')"
    [byhand_round]="bash $(q "$W/byhand-round.sh")"
    [lesson]="$H lesson add $(q "$LESSON_TEXT") --tag preparation"
    [byhand_lesson]="bash $(q "$W/byhand-lesson.sh")"
    [search]="$H search $(q 'consistent hashing')"
    [grep_search]="grep -rli --exclude-dir=.git $(q 'consistent hashing') $(q "$J")"
    [board]="$H board"
    [grep_board]="grep -rl --exclude-dir=.git active $(q "$J")"
    [review]="$H review $(q "$REVIEW_CO")"
    [grep_review]="grep -rl --exclude-dir=.git $(q "$REVIEW_CO") $(q "$J")"
)

# Runs the named commands with hyperfine -N in two blocks of HALF runs, the
# second in reverse order; writes $W/hf/<group>-<block>.json.
bench() {
    local group="$1" warmup="$2"
    shift 2
    local names=("$@") block args n
    for block in 1 2; do
        args=()
        if [ "$block" = 2 ]; then
            local rev=()
            for ((n = ${#names[@]} - 1; n >= 0; n--)); do rev+=("${names[n]}"); done
            names=("${rev[@]}")
        fi
        for n in "${names[@]}"; do args+=(-n "$n" "${CMD[$n]}"); done
        hyperfine -N --warmup "$warmup" --runs "$HALF" --style basic \
            --export-json "$W/hf/$group-$block.json" "${args[@]}" >&2
    done
}

start=$SECONDS
bench round 3 round round_with byhand_round
bench lesson 3 lesson byhand_lesson
bench search 1 search grep_search
bench board 1 board grep_board
bench review 1 review grep_review
echo "timed in $((SECONDS - start)) s" >&2
"$HIRED" --journal "$J" check >"$W/check.out" 2>&1 || true
[ -s "$W/check.out" ] && { echo "note: after the writers, hired check says:" >&2; head -5 "$W/check.out" >&2; }

# ---- instruction counts ----------------------------------------------------------------
# ir KEY COMMAND...: the "Collected" total of callgrind, summed over the
# process tree, into $W/ir/KEY. With PROFILES, hired's profiles are kept.
ir() {
    local key="$1" out=/dev/null
    shift
    if [ -n "${PROFILES:-}" ] && [ "$(basename "$1")" = hired ]; then
        mkdir -p "$PROFILES"
        out="$PROFILES/callgrind.$key"
    fi
    valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$out" "$@" 2>&1 >/dev/null |
        awk '/Collected :/ { s += $NF } END { printf "%.0f\n", s }' >"$W/ir/$key"
}
if [ "$CALLGRIND" != 0 ]; then
    start=$SECONDS
    # hyperfine's splitting, once more, for valgrind: the command lines hold no globs or $.
    run_ir() { eval "ir $1 ${CMD[$1]}"; }
    # Three lanes: the writers one after the other (one repository), the readers beside them.
    (for k in round round_with byhand_round lesson byhand_lesson board; do run_ir "$k"; done) &
    (run_ir search) &
    (run_ir review; run_ir grep_search; run_ir grep_board; run_ir grep_review) &
    wait
    echo "counted instructions in $((SECONDS - start)) s" >&2
fi

# ---- the table -----------------------------------------------------------------------------
python3 - "$W" "$RUNS" <<'PY'
import glob, json, os, statistics, sys
w, runs = sys.argv[1], sys.argv[2]
times, cpu = {}, {}
for f in sorted(glob.glob(f"{w}/hf/*.json")):
    for r in json.load(open(f))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
        cpu.setdefault(r["command"], []).append((r["user"] + r["system"], len(r["times"])))
def med(k): return statistics.median(times[k])
def cpu_mean(k): return sum(c * n for c, n in cpu[k]) / sum(n for _, n in cpu[k])
def ir(k):
    p = f"{w}/ir/{k}"
    if not os.path.exists(p): return "-"
    v = int(float(open(p).read().split()[0] or 0))
    return f"{v / 1e6:,.1f} M" if v else "-"
def ms(s): return f"{s * 1000:,.1f} ms"
rows = [("round add", "round", "byhand_round", 0.5, "append + git add + git commit"),
        ("round add --with (not a contact)", "round_with", "byhand_round", 0.5, "append + git add + git commit"),
        ("lesson add", "lesson", "byhand_lesson", 0.5, "new file + git add + git commit"),
        ("search TEXT", "search", "grep_search", 1.5, "grep -rli TEXT"),
        ("board", "board", "grep_board", 2.0, "grep -rl WORD"),
        ("review COMPANY", "review", "grep_review", 2.0, "grep -rl COMPANY")]
print(f"medians of {runs} runs each (hyperfine -N, two alternating blocks); cpu = user+sys, mean")
print("| command | hired median | baseline median | ratio | goal | met? | hired cpu | baseline cpu "
      "| hired instructions | baseline instructions | baseline |")
print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|")
for label, h, b, goal, what in rows:
    r = med(h) / med(b)
    print(f"| {label} | {ms(med(h))} | {ms(med(b))} | {r:.2f}x | <= {goal:g}x | {'yes' if r <= goal else 'no'} "
          f"| {ms(cpu_mean(h))} | {ms(cpu_mean(b))} | {ir(h)} | {ir(b)} | {what} |")
PY
