#!/usr/bin/env bash
# Benchmark of function problems (a benchmark, not a test): one problem with
# CASES small cases in two forms, judged by `practice run` in each language:
#   stdin     the problem as a stdin program, a hand-written solution that
#             parses its input (the baseline)
#   function  the same problem as `style: function`, the same algorithm as a
#             function, one harness process per case
#   batch     the function form with --batch: one process for all cases
# Medians of hyperfine runs (after a warm-up run, so every build is cached),
# and the ratios function/stdin (goal: at most 1.2x) and stdin/batch (goal:
# Python and Java at least 3x faster in batch).
# Usage: bench/harness.sh [RUNS] [CASES]   (default 3 and 300; languages not
# installed are skipped)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
hired_install_missing hyperfine python3
if [ -z "${HIRED:-}" ]; then
    hired_build
    HIRED="$HIRED_BUILD_DIR/cli/hired"
fi
RUNS="${1:-3}"
CASES="${2:-300}"

W="$(mktemp -d /tmp/hired-harness-bench-XXXXXX)"
trap 'rm -rf "$W"' EXIT
export HOME="$W/home" XDG_CACHE_HOME="$W/cache" XDG_STATE_HOME="$W/state" XDG_DATA_HOME="$W/data"
export HIRED_JOURNAL="$W/journal" HIRED_PROBLEMS="$W/problems" NO_COLOR=1
mkdir -p "$HOME" "$W/problems" "$W/s"

# The problem: the sum of a list of up to 20 numbers, in both forms, the same
# CASES cases (fixed seed).
python3 - "$W/problems" "$CASES" <<'PY'
import random, sys
out = sys.argv[1]
rng = random.Random(20261207)
cases = []
for _ in range(int(sys.argv[2])):
    nums = [rng.randint(-1000, 1000) for _ in range(rng.randint(0, 20))]
    cases.append(nums)
with open(f"{out}/sum-stdin.yaml", "w") as f:
    f.write("id: sum-stdin\ntitle: Sum\ndifficulty: easy\nstatement: Print the sum of the n numbers.\ntests:\n")
    for nums in cases:
        f.write('  - {input: "%d\\n%s\\n", output: "%d\\n"}\n' % (len(nums), " ".join(map(str, nums)), sum(nums)))
with open(f"{out}/sum-function.yaml", "w") as f:
    f.write("id: sum-function\ntitle: Sum\ndifficulty: easy\nstatement: Return the sum of the numbers.\n"
            "style: function\nsignature:\n  function: total\n  params:\n    - {name: nums, type: \"int[]\"}\n"
            "  returns: long\ntests:\n")
    for nums in cases:
        f.write("  - {args: {nums: [%s]}, expect: %d}\n" % (", ".join(map(str, nums)), sum(nums)))
PY

cd "$W/s"
cat >stdin.cpp <<'EOF'
#include <cstdio>
int main() { int n; long long s = 0, x; if (scanf("%d", &n) != 1) return 0; while (n-- > 0 && scanf("%lld", &x) == 1) s += x; printf("%lld\n", s); }
EOF
cat >function.cpp <<'EOF'
long long total(vector<int>& nums) { long long s = 0; for (int x : nums) s += x; return s; }
EOF
cat >stdin.py <<'EOF'
import sys
data = sys.stdin.read().split()
print(sum(map(int, data[1:1 + int(data[0])])))
EOF
cat >function.py <<'EOF'
def total(nums):
    return sum(nums)
EOF
cat >stdin.js <<'EOF'
const d = require("fs").readFileSync(0, "utf8").split(/\s+/).filter(Boolean).map(Number);
let s = 0;
for (let i = 1; i <= d[0]; i++) s += d[i];
console.log(String(s));
EOF
cat >function.js <<'EOF'
var total = function(nums) { let s = 0; for (const x of nums) s += x; return s; };
EOF
mkdir -p java
cat >java/Main.java <<'EOF'
import java.io.*;
import java.util.*;
public class Main {
    public static void main(String[] a) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        long s = 0;
        for (int i = 0; i < n; i++) { in.nextToken(); s += (long) in.nval; }
        System.out.println(s);
    }
}
EOF
cat >java/function.java <<'EOF'
class Solution { public long total(int[] nums) { long s = 0; for (int x : nums) s += x; return s; } }
EOF

have() { command -v "$1" >/dev/null 2>&1; }
median_of() { # the median wall time (ms) in a hyperfine JSON export
    python3 -c "import json,sys; print('%.1f' % (json.load(open(sys.argv[1]))['results'][0]['median'] * 1000))" "$1"
}
row() { # LANG STDIN_FILE FUNCTION_FILE
    local lang=$1 stdin_file=$2 fn_file=$3
    local forms=(stdin function batch)
    local cmds=("$HIRED practice run sum-stdin $stdin_file"
                "$HIRED practice run sum-function $fn_file"
                "$HIRED practice run sum-function $fn_file --batch")
    local t=()
    for k in 0 1 2; do
        # Every case must pass, or the timing means nothing.
        if ! ${cmds[$k]} >"$W/out" 2>&1; then
            echo "$lang ${forms[$k]}: not accepted" >&2
            tail -5 "$W/out" >&2
            return 1
        fi
        hyperfine -N --runs "$RUNS" --warmup 1 --export-json "$W/hf.json" "${cmds[$k]}" >/dev/null 2>&1
        t[$k]=$(median_of "$W/hf.json")
    done
    python3 - "$lang" "${t[0]}" "${t[1]}" "${t[2]}" <<'PY'
import sys
lang, s, f, b = sys.argv[1], *map(float, sys.argv[2:])
print(f"| {lang} | {s:.0f} ms | {f:.0f} ms | {b:.0f} ms | {f / s:.2f}x | {s / b:.1f}x |")
PY
}

echo "$CASES cases, medians of $RUNS runs (hyperfine, after a warm-up; builds cached)"
echo
echo "| language | stdin form | function, per process | function, --batch | function / stdin | stdin / batch |"
echo "|---|---:|---:|---:|---:|---:|"
if have g++; then row C++ stdin.cpp function.cpp; else echo "| C++ | skipped: no g++ | | | | |"; fi
if have python3; then row Python stdin.py function.py; else echo "| Python | skipped | | | | |"; fi
if have node; then row JavaScript stdin.js function.js; else echo "| JavaScript | skipped | | | | |"; fi
if have javac; then row Java java/Main.java java/function.java; else echo "| Java | skipped | | | | |"; fi
