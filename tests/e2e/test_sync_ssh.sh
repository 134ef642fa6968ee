#!/usr/bin/env bash
# hired sync over ssh, against an sshd of the test's own on 127.0.0.1: a key
# from ~/.ssh, the host key checked against ~/.ssh/known_hosts; an unknown or
# changed host key and a refused key are exit 4 and leave the journal as it was.
source "$(dirname "$0")/lib.sh"
# Under the sanitizers: full allocation stacks, which .ci/lsan.supp needs to
# tell libgit2's own ssh leaks (they end in code built without frame
# pointers) from hired's.
if [ -n "${ASAN_OPTIONS:-}" ]; then export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"; fi

SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || fail "sshd is missing (scripts/test installs openssh-server)"
have ssh-keygen || fail "ssh-keygen is missing (openssh-client)"

S="$T/sshd"
mkdir -p "$S" "$HOME/.ssh"
chmod 700 "$HOME/.ssh"
ssh-keygen -q -t ed25519 -N "" -C host -f "$S/host_key"
ssh-keygen -q -t ed25519 -N "" -C other-host -f "$S/other_host_key"
ssh-keygen -q -t ed25519 -N "" -C laptop -f "$HOME/.ssh/id_ed25519"
cp "$HOME/.ssh/id_ed25519.pub" "$S/authorized_keys"
chmod 600 "$S/authorized_keys"
if [ "$(id -u)" -eq 0 ]; then mkdir -p /run/sshd; fi

# A free port: sshd says when it cannot bind, then another is tried.
started=0
for attempt in 1 2 3 4 5 6 7 8; do
    PORT=$((20000 + RANDOM % 20000))
    cat >"$S/config" <<EOF
Port $PORT
ListenAddress 127.0.0.1
HostKey $S/host_key
AuthorizedKeysFile $S/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
StrictModes no
PidFile $S/sshd.pid
EOF
    rm -f "$S/sshd.pid"
    "$SSHD" -f "$S/config" -E "$S/log" || continue
    for _ in $(seq 1 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then started=1; break; fi
        sleep 0.1
    done
    [ $started = 1 ] && break
    [ -f "$S/sshd.pid" ] && kill "$(cat "$S/sshd.pid")" 2>/dev/null || true
done
[ $started = 1 ] || { cat "$S/log" >&2; fail "sshd did not start"; }
trap 'rc=$?; [ -f "$S/sshd.pid" ] && kill "$(cat "$S/sshd.pid")" 2>/dev/null; (exit $rc); _on_exit' EXIT

known_host() { echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$1")" >"$HOME/.ssh/known_hosts"; }
known_host "$S/host_key.pub"

git init -q --bare "$T/remote.git"
export HIRED_TODAY=2026-03-01
source "$HIRED_SOURCE_DIR/tests/e2e/sync_lib.sh"
round_trip "ssh://$(id -un)@127.0.0.1:$PORT$T/remote.git"

# An unknown host: refused, nothing changes.
on laptop contact add "Tom Okafor"
before=$(head_of laptop)
mv "$HOME/.ssh/known_hosts" "$T/known_hosts.saved"
HIRED_JOURNAL="$T/laptop" run 4 "$HIRED" sync
expect_err "host key"
expect_err "known_hosts"
[ "$(head_of laptop)" = "$before" ] || fail "the journal moved after a refused host"

# A host whose key changed: refused too.
known_host "$S/other_host_key.pub"
HIRED_JOURNAL="$T/laptop" run 4 "$HIRED" sync
expect_err "host key"
[ "$(head_of laptop)" = "$before" ] || fail "the journal moved after a changed host key"
mv "$T/known_hosts.saved" "$HOME/.ssh/known_hosts"

# A key the server does not know: refused after a bounded number of tries.
mv "$HOME/.ssh/id_ed25519" "$T/id.saved"
mv "$HOME/.ssh/id_ed25519.pub" "$T/id.pub.saved"
ssh-keygen -q -t ed25519 -N "" -C stranger -f "$HOME/.ssh/id_ed25519"
HIRED_JOURNAL="$T/laptop" SSH_AUTH_SOCK= run 4 "$HIRED" sync
expect_err "refused"
[ "$(head_of laptop)" = "$before" ] || fail "the journal moved after a refused key"
mv "$T/id.saved" "$HOME/.ssh/id_ed25519"
mv "$T/id.pub.saved" "$HOME/.ssh/id_ed25519.pub"

# And with the right key and host again, the change goes out, also when
# SSH_AUTH_SOCK names an agent that is gone (the key file is used).
HIRED_JOURNAL="$T/laptop" SSH_AUTH_SOCK="$T/no-agent.sock" run 0 "$HIRED" sync
expect_out "pushed"
on desktop sync
on desktop contact show "Tom Okafor"
[ -z "$(git -C "$T/desktop" status --porcelain)" ] || fail "desktop: git status not clean"
HIRED_JOURNAL="$T/desktop" run 0 "$HIRED" check

pass
