#!/usr/bin/env bash
# What a hostile journal folder holds, met by every command alike: a
# symbolic link (to /etc/passwd, and a linked folder) is refused with its
# path and never read or copied; a FIFO never blocks a command (the writes
# hold the lock); an alias bomb is the same error whichever command meets it.
source "$(dirname "$0")/lib.sh"

export HIRED_JOURNAL="$T/j" HIRED_TODAY=2026-12-07
j="$T/j"
run 0 "$HIRED" company add Acme
run 0 "$HIRED" contact add "Fe Fi" --company Acme

# every_command EXPECTED_MESSAGE CMD...: each command line (one per argument,
# words split) exits 3 within 10 s naming the message, and changes nothing.
refused_by() {
    local message=$1
    shift
    local head before
    head=$(git -C "$j" rev-parse HEAD)
    for line in "$@"; do
        read -r -a words <<<"$line"
        set +e
        timeout 10 "$HIRED" "${words[@]}" >"$T/out" 2>"$T/err" </dev/null
        local rc=$?
        set -e
        [ $rc -ne 124 ] || fail "'$line' hung"
        [ $rc -eq 3 ] || { cat "$T/err" >&2; fail "'$line' exited $rc, expected 3"; }
        expect_err "$message"
        ! grep -q "root:" "$T/out" "$T/err" || fail "'$line' showed /etc/passwd"
        [ "$(git -C "$j" rev-parse HEAD)" = "$head" ] || fail "'$line' committed"
    done
}

# ---- a symbolic link to /etc/passwd ----------------------------------------------
ln -s /etc/passwd "$j/companies/passwd.yaml"
export EDITOR=cat # were the file copied for editing, cat would show it
refused_by "companies/passwd.yaml: a symbolic link (to /etc/passwd): hired reads only plain files" \
    "company show passwd" "company list" "board" "search root" "search x" "review" \
    "edit passwd" "edit companies/passwd.yaml" "apply passwd --role Dev" "check" "--json board"
ls "${TMPDIR:-/tmp}"/hired-edit-* >/dev/null 2>&1 && fail "edit left a temporary copy"
rm "$j/companies/passwd.yaml"

# ---- a linked folder ---------------------------------------------------------------
mkdir -p "$T/elsewhere"
printf 'name: Outside\ndate: 2026-01-01\n' >"$T/elsewhere/2026-01-01-outside.yaml"
ln -s "$T/elsewhere" "$j/events"
refused_by "events: a symbolic link" "event list" "check" "search outside"
rm "$j/events"

# ---- a FIFO: no command blocks on it, the writes release the lock ---------------------
mkfifo "$j/contacts/ff.yaml"
refused_by "contacts/ff.yaml: a named pipe (FIFO)" \
    "contact show ff" "contact set ff --role x" "contact add Someone" \
    "event add Meetup --date 2026-12-01 --met ff" "edit ff" "contact list" "check"
rm "$j/contacts/ff.yaml"
run 0 "$HIRED" contact add "After The Fifo" # the lock is free
expect_out "contact: After The Fifo"

# ---- an alias bomb: one error, whichever command meets it -----------------------------
python3 - "$j/companies/lol.yaml" <<'EOF'
import sys
lines = ["name: lol", "applications:", "  - role: Dev", "    status: rejected",
         "    notes: done", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
for i in range(1, 10):
    lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
EOF
refused_by "lol.yaml:[0-9]*:[0-9]*: aliases expand the document to more than" \
    "check" "company list" "search lol" "board" "search x" "review" "contact add Bomb --company lol"
pass
