#!/usr/bin/env bash
# Benchmark of hired sync (a benchmark, not a test). Two machines share a bare
# remote; one has pushed 100 new commits, the other has made 100 of its own
# (each a new contact file, so the sides never touch the same file). Timed:
# the second machine bringing both together,
#   hired sync                              vs  git pull --no-rebase && git push
# on identical copies of the same repositories (goal: hired at most 1x).
# Each run starts from fresh copies; the two sides alternate. Medians and
# the spread (min..max) are printed.
#
# Usage: bench/sync.sh [RUNS]    (default 7)
#   HIRED=path/to/hired   use that binary (default: build/ or build-sync/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HIRED="${HIRED:-}"
if [ -z "$HIRED" ]; then
    for b in "$ROOT/build/cli/hired" "$ROOT/build-sync/cli/hired"; do
        [ -x "$b" ] && HIRED="$b" && break
    done
fi
[ -x "$HIRED" ] || { echo "build hired first (or set HIRED)" >&2; exit 2; }
RUNS="${1:-7}"
W="$(mktemp -d "${TMPDIR:-/tmp}/hired-bench-sync-XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then trap 'echo "kept $W" >&2' EXIT; else trap 'rm -rf "$W"' EXIT; fi
export HOME="$W/home" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
git config --global user.name bench
git config --global user.email bench@localhost
git config --global pull.rebase false

# commits DIR PREFIX: 100 commits, one new contact file each.
commits() {
    for i in $(seq 1 100); do
        printf 'name: %s %d\n' "$1" "$i" >"$2/contacts/$1-$i.yaml"
        git -C "$2" add "contacts/$1-$i.yaml"
        git -C "$2" commit -q -m "contact: $1 $i"
    done
}

# The template: remote + machine a (pushed 100) + machine b (100 local, not pushed).
git init -q --bare "$W/t/remote.git"
HIRED_JOURNAL="$W/t/a" "$HIRED" contact add "First One" >/dev/null
HIRED_JOURNAL="$W/t/a" "$HIRED" sync --remote "$W/t/remote.git" >/dev/null
HIRED_JOURNAL="$W/t/b" "$HIRED" sync --remote "$W/t/remote.git" >/dev/null
commits alpha "$W/t/a"
HIRED_JOURNAL="$W/t/a" "$HIRED" sync >/dev/null
commits beta "$W/t/b"

now() { date +%s%N; }
declare -a T_HIRED T_GIT
for r in $(seq 1 "$RUNS"); do
    for side in hired git; do
        [ $((r % 2)) = 0 ] && side=$([ $side = hired ] && echo git || echo hired)
        rm -rf "$W/r" && cp -a "$W/t" "$W/r"
        git -C "$W/r/b" remote set-url origin "$W/r/remote.git"
        sync # the copy's dirty pages written back now, not during the timing
        if [ $side = hired ]; then
            t0=$(now)
            HIRED_JOURNAL="$W/r/b" "$HIRED" sync >/dev/null
            t1=$(now)
            T_HIRED+=($(((t1 - t0) / 1000)))
        else
            t0=$(now)
            (cd "$W/r/b" && git pull -q --no-rebase --no-edit origin main && git push -q origin main) >/dev/null 2>&1
            t1=$(now)
            T_GIT+=($(((t1 - t0) / 1000)))
        fi
        # Both must have made the same thing: 201 contact files on the remote.
        n=$(git -C "$W/r/remote.git" ls-tree -r --name-only main contacts | wc -l)
        [ "$n" = 201 ] || { echo "bench: $side left $n contacts on the remote" >&2; exit 1; }
    done
done

stats() { # microseconds... -> "median ms (min..max)"
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
        printf "%.1f ms (%.1f..%.1f)", m/1000, a[1]/1000, a[NR]/1000}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
echo "runs: $RUNS; 100 commits each way, merged, pushed"
echo "hired sync:                          $(stats "${T_HIRED[@]}")"
echo "git pull --no-rebase && git push:    $(stats "${T_GIT[@]}")"
awk -v h="$(median "${T_HIRED[@]}")" -v g="$(median "${T_GIT[@]}")" \
    'BEGIN {printf "ratio hired / git (medians): %.2fx (goal <= 1x)\n", h/g}'
