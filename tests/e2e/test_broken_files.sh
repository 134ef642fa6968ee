#!/usr/bin/env bash
# Hand edits that break a file, through the real binary: a quote never
# closed (which yaml-cpp alone would read as the rest of the file), bytes
# that are not UTF-8, control characters in a value, a problem with a
# million tests. Each is exit 3 naming file:line:column, with no raw bytes
# on the terminal, and a write that must read the file changes nothing.
source "$(dirname "$0")/lib.sh"

journal="$T/journal"
export HIRED_JOURNAL="$journal"
export EDITOR=false
commits() { git -C "$journal" log --oneline | wc -l; }
# no_raw_bytes FILE: only printable ASCII and line breaks (messages escape the rest).
no_raw_bytes() {
    if LC_ALL=C grep -q $'[^\t -~]' "$1"; then
        od -c "$1" | head >&2
        fail "raw control or non-ASCII bytes in $1"
    fi
}

run 0 "$HIRED" company add "Lumen Labs"
run 0 "$HIRED" contact add "Kevin Nguyen" --role Developer --company "Lumen Labs" \
    --email kevin@example.com --note "From freeCodeCamp group"
kevin="$journal/contacts/kevin-nguyen.yaml"

# ---- a quote that is never closed -----------------------------------------------------------
# After `role: "Developer` yaml-cpp reads every line below as part of the role;
# a write would then drop them.
for quote in '"' "'"; do
    for tail in 'notes: From freeCodeCamp group\n' \
                'company: Lumen Labs\nemail: kevin@example.com\nnotes: From freeCodeCamp group\n'; do
        printf "name: Kevin Nguyen\nrole: ${quote}Developer\n$tail" >"$kevin"
        cp "$kevin" "$T/before.yaml"
        before=$(commits)

        run 3 "$HIRED" check
        expect_err "^hired: error: $kevin:2:7: invalid YAML: a quoted value that is never closed"
        run 3 "$HIRED" contact show "Kevin Nguyen"
        expect_err "$kevin:2:7: invalid YAML"
        run 3 "$HIRED" contact set "Kevin Nguyen" --role Dev
        expect_err "$kevin:2:7: invalid YAML"
        cmp -s "$kevin" "$T/before.yaml" || fail "a refused write changed $kevin"
        [ "$(commits)" -eq "$before" ] || fail "a refused write committed"
    done
done
printf 'name: Kevin Nguyen\nrole: Developer\nnotes: From freeCodeCamp group\n' >"$kevin"
run 0 "$HIRED" check

# ---- bytes that are not UTF-8, control characters ------------------------------------------
run 0 "$HIRED" company add Acme
acme="$journal/companies/acme.yaml"
printf 'name: Acme\nnotes: Caf\xe9 near the station\n' >"$acme"
run 3 "$HIRED" check
expect_err "$acme:2:11: the text is not valid UTF-8 (bytes \\\\xE9)"
no_raw_bytes "$T/err"
run 3 "$HIRED" company show Acme
expect_err "$acme:2:11:"
no_raw_bytes "$T/err"
printf 'name: Acme\nnotes: red \033[31malert\n' >"$acme"
run 3 "$HIRED" check
expect_err "$acme:2:12: a control character (\\\\x1B)"
no_raw_bytes "$T/err"
git -C "$journal" checkout -q -- companies/acme.yaml

mkdir -p "$T/problems"
printf 'id: latin\ntitle: Caf\xe9\ndifficulty: easy\nstatement: x\nexamples:\n  - {input: "", output: ""}\n' \
    >"$T/problems/latin.yaml"
run 3 "$HIRED" practice check "$T/problems/latin.yaml"
expect_out "latin.yaml:2:11: the text is not valid UTF-8"
no_raw_bytes "$T/out"
no_raw_bytes "$T/err"
# A value that YAML escapes may hold control characters; messages show them escaped.
printf 'id: escape\ntitle: E\ndifficulty: "\\e[2J"\nstatement: x\nexamples:\n  - {input: "", output: ""}\n' \
    >"$T/problems/escape.yaml"
run 3 "$HIRED" --problems "$T/problems" practice show escape
expect_err "escape.yaml:3:13: 'difficulty' must be easy, medium or hard, not '\\\\x1B\[2J'"
no_raw_bytes "$T/err"

# ---- a million plain tests: too many, and no alias bomb ----------------------------------------
python3 - "$T/problems/many.yaml" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id: many\ntitle: Many\ndifficulty: easy\nstatement: x\ntests:\n")
    f.write('  - {input: "1", output: "1"}\n' * 1000000)
EOF
run 3 "$HIRED" practice check "$T/problems/many.yaml"
expect_out "many.yaml:[0-9]*:[0-9]*: 'tests' has too many items: more than 2000000 nodes"
expect_out "input_file"
expect_no_out "alias"
pass
