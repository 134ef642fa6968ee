#!/usr/bin/env bash
# A year of a job search, through the real binary: meetups and the people
# met there, a referral, a failed technical round and its lesson, a
# three-round process put on hold, two meal interviews and an offer; then
# the board, search, undo, check; then hand edits, good and bad. One commit
# per change, a clean working tree, and bad input writing nothing.
source "$(dirname "$0")/lib.sh"

journal="$T/journal"
export HIRED_JOURNAL="$journal"
unset VISUAL EDITOR
# The problem a question names, in a problem folder of our own.
mkdir -p "$T/problems"
printf 'id: merge-k-lists\n' >"$T/problems/merge-k-lists.yaml"
export HIRED_PROBLEMS="$T/problems"
export EDITOR=false # nothing here may open an editor by accident

commits() { git -C "$journal" log --oneline | wc -l; }
changes=0
# change ARGS...: a hired command that must succeed and make exactly one commit.
change() { change_by "$HIRED" "$@"; }
change_by() {
    local before=0
    [ -d "$journal/.git" ] && before=$(commits)
    run 0 "$@"
    local after
    after=$(commits)
    # The first change also makes the journal's creation commit.
    [ "$before" -eq 0 ] && before=1
    [ "$after" -eq $((before + 1)) ] || fail "'$*' made $((after - before)) commits, expected 1"
    changes=$((changes + 1))
}
# refused EXIT CMD...: a command that must fail and change nothing.
refused() {
    local want=$1
    shift
    local before
    before=$(commits)
    local status
    status=$(git -C "$journal" status --porcelain)
    run "$want" "$HIRED" "$@"
    [ "$(commits)" -eq "$before" ] || fail "'$*' failed but committed"
    [ "$(git -C "$journal" status --porcelain)" = "$status" ] || fail "'$*' failed but wrote files"
    [ "$(wc -l <"$T/err")" -eq 1 ] || { cat "$T/err" >&2; fail "'$*': an error must be one line"; }
    expect_err "^hired: error: "
}
on() { export HIRED_TODAY=$1; }

# ---- January: a meetup, people met there ------------------------------------------
on 2026-01-14
change event add "Rust meetup" --date 2026-01-14 --kind meetup --place "Berlin, c-base" \
    --met "Dana Li" --met "Omar Haddad"
expect_out "^event: Rust meetup 2026-01-14"
expect_out "new contact: Dana Li"
[ -f "$journal/events/2026-01-14-rust-meetup.yaml" ] || fail "no event file"
[ -f "$journal/contacts/omar-haddad.yaml" ] || fail "no contact file for Omar"
[ -f "$journal/hired.yaml" ] || fail "no hired.yaml"
[ "$(stat -c %a "$journal")" = 700 ] || fail "the journal folder is not private"

change company add Acme --url https://acme.example/careers --location Berlin --tag fintech
expect_out "^company: Acme$"
refused 3 company add acme
expect_err "company 'Acme' already exists"
change contact set "dana li" --company acme --role "Staff Engineer" --contacted
expect_out "^contact: Dana Li, contacted 2026-01-14"

# ---- a referral, a passed screen, a failed technical round --------------------------
on 2026-01-20
change apply acme --role "Backend Engineer" --via "Dana Li" \
    --note $'Dana says: the team is small.\n- ask about on-call\n'
expect_out "^apply: Acme, Backend Engineer (referral)$"
change round add Acme --kind phone-screen --date 2026-02-03 --with "Jo Kim (Recruiter)" --outcome passed
expect_out "^round: Acme, phone-screen #1 (passed)$"
on 2026-02-17
change round add Acme --kind technical --with "Sam Park (EM)" --question "Merge k sorted lists [merge-k-lists]" \
    --lesson "Ask about constraints before coding" --outcome failed --rating 2 --note "Ran out of time: heap + edge cases"
expect_out "^round: Acme, technical #2 (failed)$"
change lesson add "Say the brute force out loud first" --tag communication --company Acme --round 2
expect_out '^lesson: "Say the brute force out loud first"$'
change outcome Acme rejected --note "No feedback beyond 'not a fit'"
expect_out "^outcome: Acme, rejected$"

run 0 "$HIRED" company show acme
expect_out "Backend Engineer  \[rejected\]  applied 2026-01-20 via Dana Li (referral)"
expect_out "#2 2026-02-17 technical  failed  rating 2/5"
expect_out "asked: Merge k sorted lists \[merge-k-lists\]"
expect_out "lesson: Say the brute force out loud first"
run 0 "$HIRED" company show ACME --json
json 'j["applications"][0]["status"] == "rejected" and j["applications"][0]["rounds"][1]["number"] == 2'
json 'j["applications"][0]["notes"].startswith("Dana says: the team is small.\n- ask about on-call\n")'

# ---- February: coffee and code ----------------------------------------------------------
on 2026-02-21
change event add "Coffee and code" --date 2026-02-21 --kind coffee-and-code --met "Priya Raman" --met "dana li"
expect_out "new contact: Priya Raman"
expect_no_out "new contact: Dana"
change contact add "Lee Wong" --met-at "coffee and code" --role "Engineering Manager"
expect_out "^contact: Lee Wong$"
run 0 "$HIRED" event list
expect_out "Coffee and code"
expect_out "Priya Raman, Dana Li, Lee Wong"

# ---- March: three rounds at Globex, then a hiring freeze ------------------------------
on 2026-03-02
change apply Globex --role "Platform Engineer" --source event
expect_out "new company: Globex"
change round add Globex --kind recruiter-call --date 2026-03-05 --outcome passed
change round add Globex --kind take-home --date 2026-03-12 --outcome passed --rating 4
change round add Globex --kind system-design --date 2026-03-20
expect_out "^round: Globex, system-design #3 (pending)$"
on 2026-03-27
change outcome Globex on-hold --note "Hiring freeze until Q3"
expect_out "^outcome: Globex, on-hold$"

# ---- May: Initech, two meal interviews, an offer ----------------------------------------
on 2026-05-04
change apply Initech --role "Senior Engineer" --via "priya raman"
change round add Initech --kind phone-screen --date 2026-05-10 --outcome passed
change round add Initech --kind onsite --date 2026-05-20 --outcome passed --with "Lee Wong (EM)"
change round add Initech --kind meal --date 2026-05-21 --with "Ana (CTO)" --outcome passed
change round add Initech --kind meal --date 2026-05-28 --with "Ben (VP Eng)"
expect_out "^round: Initech, meal #4 (pending)$"
change apply Hooli --role SRE --source online --date 2026-05-01

on 2026-05-29
run 0 "$HIRED" board
expect_out "^onsite"
expect_out "Initech .*Senior Engineer .*meal #4 pending"
expect_out "send a thank-you for meal #4 on 2026-05-28 (Initech, Senior Engineer; to Ben)"
expect_out "1 application on hold"
expect_no_out "Globex"
expect_no_out "Acme"
change round set Initech 4 --outcome passed --thanked
expect_out "^round: Initech, meal #4 (passed): outcome, thank-you sent$"
change outcome Initech offer --note "Base 120k, 30 days to decide"

on 2026-06-01
run 0 "$HIRED" board
expect_out "^offer"
expect_out "Initech .*decide on the offer"
expect_out "^applied"
expect_out "Hooli .*2026-05-01 (31d ago) stale"
expect_out "reach out to Priya Raman: last in touch 2026-02-21"
run 0 "$HIRED" board --json
json 'j["today"] == "2026-06-01" and [a["stage"] for a in j["applications"]] == ["offer", "applied"]'
json 'j["applications"][1]["stale"] is True and j["on_hold"] == 1'

# ---- search, lessons ------------------------------------------------------------------------
run 0 "$HIRED" search CONSTRAINTS
expect_out "^companies/acme.yaml:[0-9]*: lesson Acme, Backend Engineer, technical #2 on 2026-02-17"
expect_out "text: Ask about constraints before coding"
run 0 "$HIRED" search "hiring freeze"
expect_out "^companies/globex.yaml:[0-9]*: application Globex, Platform Engineer (on-hold)"
run 0 "$HIRED" --json search priya
json 'len(j["hits"]) >= 3 and any(h["file"] == "contacts/priya-raman.yaml" and h["line"] == 1 for h in j["hits"])'
line=$(python3 -c "import json; print([h for h in json.load(open('$T/out'))['hits'] if h['file']=='contacts/priya-raman.yaml'][0]['line'])")
[ "$(sed -n "${line}p" "$journal/contacts/priya-raman.yaml")" = "name: Priya Raman" ] || fail "search line is wrong"
run 0 "$HIRED" search "no such text anywhere"
expect_out "no matches"

run 0 "$HIRED" lesson list --tag communication
expect_out "Say the brute force out loud first"
expect_no_out "Ask about constraints"

# ---- undo -----------------------------------------------------------------------------------
change lesson add "Negotiate by emial only"
lesson_file=$(ls "$journal"/lessons/)
run 0 "$HIRED" undo
expect_out '^undo: lesson: "Negotiate by emial only"$'
changes=$((changes + 1))
[ ! -e "$journal/lessons/$lesson_file" ] || fail "undo left $lesson_file"
run 0 "$HIRED" lesson list
expect_no_out "emial"
run 0 "$HIRED" history 2
expect_out 'undo: lesson: "Negotiate by emial only"'

# ---- check: all is well, so nothing at all ------------------------------------------------
run 0 "$HIRED" check
[ ! -s "$T/out" ] && [ ! -s "$T/err" ] || fail "check printed something on a good journal"

# One commit per change (plus the journal's creation), nothing left uncommitted.
[ "$(commits)" -eq $((changes + 1)) ] || fail "$(commits) commits for $changes changes"
[ -z "$(git -C "$journal" status --porcelain)" ] || fail "uncommitted files: $(git -C "$journal" status --porcelain)"

# ---- unknown names and bad arguments write nothing -----------------------------------------
refused 3 round add Acm --kind technical
expect_err "unknown company 'Acm'; did you mean 'Acme'?"
refused 3 contact show "Dana Lee"
expect_err "did you mean 'Dana Li'?"
refused 3 apply Acme --role "Data Engineer" --via "Pria Raman"
expect_err "unknown contact 'Pria Raman'; did you mean 'Priya Raman'?"
refused 3 contact add "Zoe" --company Globx
expect_err "did you mean 'Globex'?"
refused 2 outcome Initech acepted
expect_err "did you mean 'accepted'?"
refused 2 round add Acme --kind tecnical
expect_err "did you mean 'technical'?"
refused 2 round add Globex --date 2026-06-01
expect_err "--kind is required"
refused 2 apply Acme --role "X" --date 2026-02-30
refused 3 round set Globex 7 --outcome passed
expect_err "Globex, Platform Engineer has 3 rounds; there is no #7"
refused 2 round set Globex 1
expect_err "nothing to change"

# ---- hand edits -------------------------------------------------------------------------------
# A file that is not YAML: check refuses with exit 3 and file:line:col...
printf 'name: Omar Haddad\nmet_at: [2026-01-14-rust-meetup\n' >"$journal/contacts/omar-haddad.yaml"
dirty=$(git -C "$journal" status --porcelain)
run 3 "$HIRED" check
expect_err "^hired: error: $journal/contacts/omar-haddad.yaml:[0-9]*:[0-9]*: invalid YAML"
# ...and so does a write that must read it; nothing is committed.
before=$(commits)
run 3 "$HIRED" contact set "Omar Haddad" --contacted
expect_err "contacts/omar-haddad.yaml:[0-9]*:[0-9]*:"
# (Name look-ups parse only the files whose text may hold the name: meeting
# Omar reads the broken file; Zoe Park alone would not.)
run 3 "$HIRED" event add "Go meetup" --date 2026-06-02 --met "Zoe Park" --met "Omar Haddad"
expect_err "contacts/omar-haddad.yaml:[0-9]*:[0-9]*:"
[ "$(commits)" -eq "$before" ] || fail "a write on a corrupt journal committed"
[ "$(git -C "$journal" status --porcelain)" = "$dirty" ] || fail "a write on a corrupt journal wrote files"
[ ! -e "$journal/contacts/zoe-park.yaml" ] || fail "a refused event still made a contact"
# Writes that do not need the broken file still work.
change company add Umbrella

# A schema problem is a finding (exit 1), at its line.
printf 'name: Omar Haddad\nmet_at: 2026-01-14-rust-meetup\nmet: 2026-13-01\n' >"$journal/contacts/omar-haddad.yaml"
run 1 "$HIRED" check
expect_out "^$journal/contacts/omar-haddad.yaml:3: 'met' must be a date YYYY-MM-DD, got '2026-13-01'$"

# hired edit: an invalid save is never committed (not a terminal: exit 3)...
cat >"$T/bad-editor" <<'EOF'
#!/bin/sh
printf 'name: Omar Haddad\nmet: [\n' >"$1"
EOF
cat >"$T/good-editor" <<'EOF'
#!/bin/sh
printf 'name: Omar Haddad\nmet_at: 2026-01-14-rust-meetup\nmet: 2026-01-14\nnotes: Fixed by hand\n' >"$1"
EOF
chmod +x "$T/bad-editor" "$T/good-editor"
before=$(commits)
EDITOR="$T/bad-editor" run 3 "$HIRED" edit "omar haddad" </dev/null
expect_err "contacts/omar-haddad.yaml:[0-9]*:[0-9]*: invalid YAML"
expect_err "nothing saved"
[ "$(commits)" -eq "$before" ] || fail "edit committed invalid YAML"
# ...a GUI editor that forks and returns at once gets a hint...
EDITOR=true run 0 "$HIRED" edit contacts/omar-haddad.yaml </dev/null
expect_err "code --wait"
expect_out "no changes"
# ...and a good edit is one commit, after which all is well again.
EDITOR="$T/good-editor" change edit "Omar Haddad"
expect_out "^edit: contacts/omar-haddad.yaml$"
run 0 "$HIRED" check
[ ! -s "$T/out" ] || fail "check found something after the fix"
[ -z "$(git -C "$journal" status --porcelain)" ] || fail "uncommitted files after the edit"

# On a terminal: a bad save asks "edit again?", and the second try is committed;
# `round add` with no details opens a template.
if have script; then
    cat >"$T/twice-editor" <<EOF
#!/bin/sh
if [ -e "$T/tried" ]; then
    printf 'name: Lee Wong\nrole: Engineering Manager\nnotes: second try\n' >"\$1"
else
    touch "$T/tried"
    printf 'name: Lee Wong\nrole: [\n' >"\$1"
fi
EOF
    cat >"$T/round-editor" <<'EOF'
#!/bin/sh
sed -i 's/^kind:$/kind: behavioral/; s/^rating:$/rating: 5/' "$1"
sed -i '0,/^  -$/s//  - Ana (CTO)/' "$1"
sed -i '0,/^  -$/s//  - Tell me about a conflict [log-merge]/' "$1"
EOF
    chmod +x "$T/twice-editor" "$T/round-editor"
    printf 'y\n' >"$T/yes"
    EDITOR="$T/twice-editor" change_by script -qec "'$HIRED' edit 'lee wong'" /dev/null <"$T/yes"
    expect_out "edit again?"
    expect_out "edit: contacts/lee-wong.yaml"
    grep -q "second try" "$journal/contacts/lee-wong.yaml" || fail "the second edit was not saved"
    on 2026-06-03
    EDITOR="$T/round-editor" change_by script -qec "'$HIRED' round add Initech" /dev/null </dev/null
    expect_out "round: Initech, behavioral #5 (pending)"
    run 0 "$HIRED" company show initech --json
    json 'j["applications"][0]["rounds"][4]["questions"] == [{"text": "Tell me about a conflict", "problem": "log-merge"}]'
    json 'j["applications"][0]["rounds"][4]["interviewers"][0] == {"name": "Ana", "role": "CTO", "contact": None}'
fi

# A hand-added key survives the next command that rewrites the file.
printf 'salary_band: "E5"\n' >>"$journal/companies/initech.yaml"
git -C "$journal" add companies/initech.yaml
git -C "$journal" -c user.name=t -c user.email=t@t commit -q -m "hand edit"
changes=$((changes + 1))
change outcome Initech accepted
expect_err "unknown key 'salary_band'"
grep -q '^salary_band: E5$' "$journal/companies/initech.yaml" || fail "a hand-added key was lost"
run 1 "$HIRED" check
expect_out "initech.yaml:[0-9]*: unknown key 'salary_band'"

[ "$(commits)" -eq $((changes + 1)) ] || fail "$(commits) commits for $changes changes"
pass
