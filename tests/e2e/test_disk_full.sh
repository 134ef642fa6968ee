#!/usr/bin/env bash
# A full disk at every step of a write: the journal on a small tmpfs this
# test mounts (as root), filled so that 0 to 60 KiB are left. A command that
# fails (exit 4) says "no space left on device" and has changed nothing: its
# retry after space is freed makes exactly one record, never two. A command
# that succeeds may warn that its files are written later; they are, by the
# next command. git fsck and hired check stay clean throughout.
source "$(dirname "$0")/lib.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v fallocate >/dev/null; then
    echo "skip: mounting a small tmpfs needs root and fallocate"
    pass
    exit 0
fi
mnt="$T/small"
mkdir -p "$mnt"
if ! mount -t tmpfs -o size=2m tmpfs "$mnt" 2>/dev/null; then
    echo "skip: cannot mount a tmpfs here"
    pass
    exit 0
fi
cleanup_mount() { umount "$mnt" 2>/dev/null || true; }
trap 'rc=$?; cleanup_mount; (exit $rc); _on_exit' EXIT

export HIRED_JOURNAL="$mnt/j" HIRED_TODAY=2026-12-07
run 0 "$HIRED" lesson add "the first lesson"

fill() { # leave $1 bytes free
    rm -f "$mnt/fill"
    local avail
    avail=$(df -B1 --output=avail "$mnt" | tail -1)
    if [ "$avail" -gt "$1" ]; then fallocate -l $((avail - $1)) "$mnt/fill"; fi
}

failed=0 succeeded=0 warned=0
for trial in $(seq 0 29); do
    left=$(((trial % 16) * 4096))
    fill "$left"
    if [ $((trial % 2)) -eq 0 ]; then
        cmd=(lesson add "retry me $trial")
    else
        cmd=(contact add "Retry Person $trial" --role "Engineer")
    fi
    set +e
    "$HIRED" "${cmd[@]}" >"$T/out" 2>"$T/err"
    rc=$?
    set -e
    rm -f "$mnt/fill"
    case $rc in
    0)
        succeeded=$((succeeded + 1))
        if grep -q "hired: warning: the change is committed" "$T/err"; then warned=$((warned + 1)); fi
        ;;
    4)
        failed=$((failed + 1))
        expect_err "^hired: error: .*no space left on device"
        expect_err "nothing was changed"
        [ "$(wc -l <"$T/err")" -eq 1 ] || fail "trial $trial: a failure must be one line"
        # The user retries, now that there is space: exactly one record.
        run 0 "$HIRED" "${cmd[@]}"
        ;;
    *) cat "$T/err" >&2; fail "trial $trial: '${cmd[*]}' exited $rc" ;;
    esac
    # Any command now finishes what a warning left; then count the records.
    run 0 "$HIRED" check
    what="${cmd[2]}"
    n=$(git -C "$mnt/j" log --format=%s | grep -c -- "$what" || true)
    [ "$n" -eq 1 ] || fail "trial $trial (exit $rc, ${left} bytes left): '$what' is in $n commits"
    files=$({ grep -rl -- "$what" "$mnt/j/lessons" "$mnt/j/contacts" 2>/dev/null || true; } | wc -l)
    [ "$files" -eq 1 ] || fail "trial $trial: '$what' is in $files files"
    fsck=$(git -C "$mnt/j" fsck --no-dangling 2>&1) || fail "trial $trial: git fsck: $fsck"
    [ -z "$fsck" ] || fail "trial $trial: git fsck: $fsck"
    st=$(git -C "$mnt/j" status --porcelain)
    [ -z "$st" ] || { cat "$T/err" >&2; fail "trial $trial (exit $rc): not committed: $st"; }
done
echo "disk full: $failed commands failed and changed nothing, $succeeded succeeded ($warned wrote their files later)"
[ "$failed" -ge 5 ] || fail "the trials should make some commands fail ($failed did)"
pass
