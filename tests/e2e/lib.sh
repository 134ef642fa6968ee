# Shared by the end-to-end tests: a fresh HOME and journal per test, the
# hired binary from CTest's environment, and small assertion helpers. The
# temporary folder is kept (and named) when a test fails.
set -euo pipefail

: "${HIRED:?set HIRED to the hired binary (CTest does)}"
: "${HIRED_SOURCE_DIR:?set HIRED_SOURCE_DIR to the source tree (CTest does)}"
FIXTURES="$HIRED_SOURCE_DIR/tests/e2e/fixtures"

T="$(mktemp -d "${TMPDIR:-/tmp}/hired-e2e-XXXXXX")"
# Toolchains installed under the real HOME (rustup, cargo) keep working.
if [ -d "$HOME/.rustup" ]; then export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"; fi
if [ -d "$HOME/.cargo" ]; then export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"; fi
export HOME="$T/home"
mkdir -p "$HOME"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
unset XDG_CONFIG_HOME HIRED_JOURNAL HIRED_PROBLEMS HIRED_LANG NO_COLOR
export GIT_CONFIG_NOSYSTEM=1
export COLUMNS=100
cd "$T"

_hired_e2e_done=0
_on_exit() {
    local rc=$?
    if [ $rc -eq 0 ] && [ $_hired_e2e_done -eq 1 ]; then
        rm -rf "$T"
    else
        echo "FAILED (exit $rc); kept $T" >&2
    fi
}
trap _on_exit EXIT

pass() { _hired_e2e_done=1; echo "ok: $(basename "$0")"; }

fail() { echo "FAIL: $*" >&2; exit 1; }

# run EXPECTED_EXIT CMD...: runs CMD, stdout to $T/out, stderr to $T/err.
run() {
    local want=$1
    shift
    set +e
    "$@" >"$T/out" 2>"$T/err"
    local got=$?
    set -e
    if [ "$got" != "$want" ]; then
        echo "--- stdout" >&2; head -c 4000 "$T/out" >&2
        echo "--- stderr" >&2; head -c 4000 "$T/err" >&2
        fail "'$*' exited $got, expected $want"
    fi
}

expect_out() { grep -q -- "$1" "$T/out" || { cat "$T/out" >&2; fail "stdout lacks '$1'"; }; }
expect_err() { grep -q -- "$1" "$T/err" || { cat "$T/err" >&2; fail "stderr lacks '$1'"; }; }
expect_no_out() { ! grep -q -- "$1" "$T/out" || { cat "$T/out" >&2; fail "stdout has '$1'"; }; }

# json EXPR: evaluates a Python expression over the JSON on stdout (as j).
json() { python3 -c "import json,sys; j=json.load(open('$T/out')); sys.exit(0 if ($1) else 1)" || { cat "$T/out" >&2; fail "JSON check failed: $1"; }; }

have() { command -v "$1" >/dev/null 2>&1; }
