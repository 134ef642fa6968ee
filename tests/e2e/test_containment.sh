#!/usr/bin/env bash
# Containment (issue 8, item 7): a solution, a reference solution or a
# checker never sees the user's secrets and runs in a fresh temporary folder
# that is removed afterwards; under bubblewrap it cannot change the journal,
# read ~/.ssh or reach the network; without bubblewrap the command says so,
# once, and runs it with the clean environment only.
source "$(dirname "$0")/lib.sh"
S="$FIXTURES/solutions"
P=(--problems "$FIXTURES/problems")

# A journal with a commit, then the secrets of a developer's shell.
export HIRED_JOURNAL="$T/journal"
run 0 "$HIRED" company add Acme
config_before="$(sha256sum <"$HIRED_JOURNAL/.git/config")"
export HIRED_GIT_TOKEN=ghp_containment_token_1234 FOO_SECRET=foo-secret-5678
export SSH_AUTH_SOCK="$T/agent.sock" GIT_DIR="$T/not-a-git-dir"
secrets=(ghp_containment_token_1234 foo-secret-5678 "$T/agent.sock" "$T/not-a-git-dir" "$HIRED_JOURNAL")
mkdir -p "$HOME/.ssh"
echo "-----BEGIN OPENSSH PRIVATE KEY----- containment-key-material" >"$HOME/.ssh/id_ed25519"
chmod 600 "$HOME/.ssh/id_ed25519"

no_secret_in() {
    for secret in "${secrets[@]}"; do
        ! grep -qF -- "$secret" "$1" || fail "$2 saw $secret"
    done
}

sandbox=1
if ! command -v bwrap >/dev/null || ! bwrap --unshare-all --ro-bind / / true 2>/dev/null; then
    sandbox=0
    echo "skip: bubblewrap is missing or cannot run here; the sandbox's own checks are skipped"
fi

# --- The clean environment, for every program -------------------------------

# The compiler: a gcc on PATH that notes its environment first.
mkdir -p "$T/spy"
cat >"$T/spy/gcc" <<EOF
#!/bin/sh
env >"$T/compiler.env"
exec /usr/bin/gcc "\$@"
EOF
chmod +x "$T/spy/gcc"
PATH="$T/spy:$PATH" run 0 "$HIRED" "${P[@]}" practice run sum-list "$S/ok.c"
[ -s "$T/compiler.env" ] || fail "the spy compiler did not run"
no_secret_in "$T/compiler.env" "the compiler"
grep -q "^HOME=$HOME\$" "$T/compiler.env" || fail "the compiler lost HOME"

# A solution that runs env, notes its working folder and what is in it, and
# leaves a file behind for the next case.
cat >"$T/env.sh" <<EOF
env >>"$T/solution.env"
{ pwd; ls -A; } >>"$T/folders"
touch leftover
read n; read xs; s=0; for x in \$xs; do s=\$((s + x)); done; echo \$s
EOF
run 0 "$HIRED" "${P[@]}" practice run sum-list "$T/env.sh"
expect_out "3/3 passed"
no_secret_in "$T/solution.env" "the solution"
grep -q '^PATH=' "$T/solution.env" || fail "the solution lost PATH"
# Each case started in an empty folder of its own, which is gone now.
[ "$(wc -l <"$T/folders")" -eq 3 ] || { cat "$T/folders" >&2; fail "a case did not start in an empty folder"; }
while read -r dir; do
    case "$dir" in "$T"*) fail "a solution ran in $dir, not a temporary folder" ;; esac
    grep -q "^TMPDIR=$dir\$" "$T/solution.env" || fail "TMPDIR is not the run's folder $dir"
    [ ! -e "$dir" ] || fail "the run's folder $dir was left behind"
done <"$T/folders"

# --cmd: a relative path still works although the command runs elsewhere.
cp "$S/ok.sh" "$T/rel.sh"
run 0 "$HIRED" "${P[@]}" practice run sum-list --cmd "bash rel.sh"
expect_out "3/3 passed"

# --- The sandbox, for the user's own solution on request --------------------

if [ $sandbox = 1 ]; then
    # It tries to change the journal and to write next to the test; it checks
    # what it can see and answers only when it saw nothing it should not.
    cat >"$T/tamper.sh" <<EOF
echo junk >>"$HIRED_JOURNAL/.git/config" 2>/dev/null
echo escaped >"$T/escaped" 2>/dev/null
bad=""
env | grep -q -e ghp_containment -e foo-secret && bad="\$bad secret-in-env"
[ -z "\$(ls -A)" ] || bad="\$bad folder-not-empty"
[ "\$TMPDIR" = "\$(pwd)" ] || bad="\$bad tmpdir=\$TMPDIR"
[ "\$HOME" = "\$(pwd)" ] || bad="\$bad home=\$HOME"
cat "$HOME/.ssh/id_ed25519" >/dev/null 2>&1 && bad="\$bad read-ssh-key"
ls "$HIRED_JOURNAL" >/dev/null 2>&1 && bad="\$bad journal-visible"
[ -z "\$bad" ] || { echo "LEAK:\$bad" >&2; exit 1; }
touch leftover
read n; read xs; s=0; for x in \$xs; do s=\$((s + x)); done; echo \$s
EOF
    run 0 "$HIRED" "${P[@]}" --json practice run sum-list "$T/tamper.sh" --sandbox
    json 'j["verdict"] == "AC" and j["sandbox"]["solution"] is True'
    [ "$(sha256sum <"$HIRED_JOURNAL/.git/config")" = "$config_before" ] || fail "a sandboxed solution changed the journal"
    [ ! -e "$T/escaped" ] || fail "a sandboxed solution wrote outside its folder"
    run 0 "$HIRED" check
    HIRED_SANDBOX=1 run 0 "$HIRED" "${P[@]}" practice run sum-list "$T/tamper.sh"
    expect_out "sandboxed"

    # Verdicts, limits and measurements hold in the sandbox.
    # (On a loaded machine the wall limit may come first; either way it stops by 1.6 s of CPU.)
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/loop.cpp" --case single --sandbox
    json 'j["verdict"] == "TLE" and 0 < j["cases"][0]["cpu_ms"] <= 1600'
    # (A generous CPU limit: page faults are slow on a busy VM, and a TLE could come first.)
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/hog.cpp" --case single --sandbox --time-limit 5000
    json 'j["verdict"] == "MLE" and j["cases"][0]["peak_kb"] > 256 * 1024'
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/segv.c" --case single --sandbox
    json 'j["verdict"] == "RE" and j["cases"][0]["signal"] == "SIGSEGV"'
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/exit3.py" --case single --sandbox
    json 'j["verdict"] == "RE" and j["cases"][0]["exit_code"] == 3 and j["cases"][0]["signal"] is None'
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$S/flood.c" --case single --sandbox
    json 'j["verdict"] == "OLE"'
    # Peak memory is the solution's own, not the sandbox's.
    cat >"$T/alloc64.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    char* p = malloc(64 << 20);
    memset(p, 1, 64 << 20);
    long n, x, s = 0;
    if (scanf("%ld", &n) != 1) return 1;
    while (n-- > 0 && scanf("%ld", &x) == 1) s += x;
    printf("%ld\n", s + p[12345] - 1);
    return 0;
}
C
    run 0 "$HIRED" "${P[@]}" --json practice run sum-list "$T/alloc64.c" --sandbox
    json 'all(64 * 1024 <= c["peak_kb"] < 96 * 1024 for c in j["cases"])'
    run 0 "$HIRED" "${P[@]}" --json practice run sum-list "$S/ok.c" --sandbox
    json 'all(0 < c["peak_kb"] < 20 * 1024 and c["cpu_ms"] < 50 for c in j["cases"])'
    # A sleeper with a daemon of its own: stopped at the wall limit, and
    # nothing of it survives.
    cat >"$T/daemon.sh" <<'EOF'
setsid sleep 987654 &
sleep 987655
EOF
    run 1 "$HIRED" "${P[@]}" --json practice run sum-list "$T/daemon.sh" --case single --sandbox
    json 'j["verdict"] == "TLE"'
    sleep 0.2
    ! pgrep -f "sleep 98765[45]" >/dev/null || fail "a sandboxed sleeper survived its run"
fi

# --- A third-party problem's checker and reference solution -----------------

# A listener on this machine that the checker tries to reach.
timeout 120 python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
print(s.getsockname()[1], flush=True); time.sleep(120)' >"$T/port" 2>/dev/null &
listener=$!
# Stopped however the test ends (ctest waits for whatever holds its output).
trap 'rc=$?; kill "$listener" 2>/dev/null; (exit $rc); _on_exit' EXIT
for _ in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
port="$(cat "$T/port")"
[ -n "$port" ] || fail "the listener did not start"

mkdir -p "$T/problems/guarded" "$T/problems/sum-copy"
sed -e 's/^id: sum-list/id: guarded/' -e 's/^solutions:.*//' "$FIXTURES/problems/sum-list.yaml" >"$T/problems/guarded.yaml"
cat >>"$T/problems/guarded.yaml" <<'EOF'
checker: program
checker_program: guarded/check.py
solutions: [guarded/ref.py]
EOF
# The checker accepts only when it could neither read the key nor connect.
cat >"$T/problems/guarded/check.py" <<EOF
import socket, sys
escaped = []
try:
    open("$HOME/.ssh/id_ed25519").read()
    escaped.append("read the ssh key")
except OSError:
    pass
try:
    socket.create_connection(("127.0.0.1", $port), timeout=2).close()
    escaped.append("reached the network")
except OSError:
    pass
if escaped:
    print("ESCAPED: " + ", ".join(escaped))
    sys.exit(1)
expected = open(sys.argv[2]).read().split()
got = open(sys.argv[3]).read().split()
sys.exit(0 if expected == got else 1)
EOF
# The reference answers right only when it could not read the key.
cat >"$T/problems/guarded/ref.py" <<EOF
import sys
d = sys.stdin.read().split()
try:
    open("$HOME/.ssh/id_ed25519").read()
    print(-1)
except OSError:
    print(sum(map(int, d[1:1 + int(d[0])])))
EOF
sed 's/^id: sum-list/id: sum-copy/; s#sum-list/ref.py#sum-copy/ref.py#' "$FIXTURES/problems/sum-list.yaml" >"$T/problems/sum-copy.yaml"
cp "$FIXTURES/problems/sum-list/ref.py" "$T/problems/sum-copy/ref.py"
G=(--problems "$T/problems")

if [ $sandbox = 1 ]; then
    run 0 "$HIRED" "${G[@]}" --json practice run guarded "$S/ok.c"
    json 'j["verdict"] == "AC" and j["sandbox"] == {"solution": False, "checker": True}'
    run 0 "$HIRED" "${G[@]}" practice check "$T/problems"
    expect_out "2 problems valid; 2 reference solutions pass every case"
    ! grep -q "warning" "$T/err" || fail "a warning with bubblewrap at hand: $(cat "$T/err")"
    # The built-in bank is not third-party: nothing of it is sandboxed.
    run 0 "$HIRED" --json practice run lunch-pairs "$HIRED_SOURCE_DIR/problems/lunch-pairs/ref.cpp" --case example1
    json 'j["sandbox"] == {"solution": False, "checker": False}'
fi

# Without bubblewrap on PATH: the same checker escapes (so the test above is
# not vacuous), and the command says why, once.
mkdir -p "$T/nobwrap"
for f in /usr/bin/* /usr/local/bin/*; do
    name="$(basename "$f")"
    [ "$name" = bwrap ] || [ -e "$T/nobwrap/$name" ] || ln -s "$f" "$T/nobwrap/$name"
done
PATH="$T/nobwrap" run 1 "$HIRED" "${G[@]}" practice run guarded "$S/ok.c"
expect_out "ESCAPED: read the ssh key, reached the network"
[ "$(grep -c "hired: warning: bubblewrap (bwrap) is not installed" "$T/err")" -eq 1 ] || { cat "$T/err" >&2; fail "no single warning"; }
PATH="$T/nobwrap" run 1 "$HIRED" "${G[@]}" practice check "$T/problems"
[ "$(grep -c "^hired: warning:" "$T/err")" -eq 1 ] || { cat "$T/err" >&2; fail "not one warning for two third-party problems"; }
expect_err "programs meant for the sandbox run with a clean environment only"
PATH="$T/nobwrap" run 1 "$HIRED" "${P[@]}" practice run sum-list "$S/exit3.py" --sandbox --case single
[ "$(grep -c "^hired: warning:" "$T/err")" -eq 1 ] || { cat "$T/err" >&2; fail "no single warning for --sandbox"; }

# A bubblewrap that cannot run (user namespaces turned off, say).
mkdir -p "$T/brokenbwrap"
printf '#!/bin/sh\necho "bwrap: No permissions to create new namespace" >&2\nexit 1\n' >"$T/brokenbwrap/bwrap"
chmod +x "$T/brokenbwrap/bwrap"
PATH="$T/brokenbwrap:$PATH" run 1 "$HIRED" "${G[@]}" practice run guarded "$S/ok.c"
[ "$(grep -c "^hired: warning:" "$T/err")" -eq 1 ] || { cat "$T/err" >&2; fail "no single warning for a broken bwrap"; }
expect_err "cannot run here (bwrap: No permissions to create new namespace)"

[ "$(sha256sum <"$HIRED_JOURNAL/.git/config")" = "$config_before" ] || fail "the journal's config changed"
pass
