#!/usr/bin/env bash
# hired sync between machines through a bare git remote: adopting the
# remote's journal, merging record by record, a field edited on both sides,
# three machines, a remote that moves between fetch and push, an unreachable
# remote, and a randomised run checking that nothing acknowledged is lost.
# Each "machine" is its own HIRED_JOURNAL folder.
source "$(dirname "$0")/lib.sh"

git init -q --bare "$T/remote.git"
export HIRED_TODAY=2026-03-01

source "$HIRED_SOURCE_DIR/tests/e2e/sync_lib.sh"
clean() {
    [ -z "$(git -C "$T/$1" status --porcelain)" ] || { git -C "$T/$1" status >&2; fail "$1: git status not clean"; }
    HIRED_JOURNAL="$T/$1" run 0 "$HIRED" check
}
agree() { # all the machines given are on one commit, clean
    local first
    first=$(head_of "$1")
    for m in "$@"; do
        [ "$(head_of "$m")" = "$first" ] || fail "$m is on $(head_of "$m"), $1 on $first"
        clean "$m"
    done
}

# --- two machines --------------------------------------------------------------
on a apply Acme --role "Backend Engineer" --date 2026-01-02
on a sync --remote "$T/remote.git"
expect_out "remembered as origin"
expect_out "pushed 2"

# The second laptop: no journal yet, adopts the remote's.
on b sync --remote "file://$T/remote.git"
expect_out "adopted"
[ "$(stat -c %a "$T/b")" = 700 ] || fail "journal folder not 0700"
[ "$(stat -c %a "$T/b/companies/acme.yaml")" = 600 ] || fail "record file not 0600"
agree a b

# Offline on both: rounds for the same application, a contact, a lesson.
on a round add Acme --kind phone-screen --date 2026-01-05 --outcome passed
on a contact add "Ana Lopez" --company Acme
on b round add Acme --kind technical --date 2026-01-10
on b lesson add "ask about the constraints first" --tag arrays
on a sync                      # later syncs need no --remote
expect_out "pushed 2"
on b sync
expect_out "fetched 2 commits"
expect_out "merged companies/acme.yaml (ours: 1 round; theirs: 1 round)"
on a sync
expect_out "fast-forward"
agree a b
for m in a b; do
    [ "$(grep -c 'kind:' "$T/$m/companies/acme.yaml")" = 2 ] || fail "$m lost a round"
    [ -f "$T/$m/contacts/ana-lopez.yaml" ] || fail "$m lost the contact"
    ls "$T/$m"/lessons/*.yaml >/dev/null || fail "$m lost the lesson"
done
[ "$(git -C "$T/b" log -1 --format=%p HEAD | wc -w)" = 2 ] || fail "the merge has not two parents"

# status: ahead/behind as of the last fetch, no network.
on a status --json
json "j['ahead'] == 0 and j['behind'] == 0 and j['uncommitted'] == [] and j['remote'].endswith('remote.git')"
on a company add Initech
on a status
expect_out "ahead 1, behind 0"
on a sync

# --- the same field changed on both sides ------------------------------------------
on b sync
on a round set Acme 2 --outcome passed
sleep 1 # b's commit is the newer one: b's value wins
on b round set Acme 2 --outcome failed
on a sync
on b sync --json
json "len(j['conflicts']) == 1 and 'outcome (theirs: passed)' in j['conflicts'][0] and j['conflicts'][0].startswith('kept ours for companies/acme.yaml round ')"
git -C "$T/b" log -1 --format=%B | grep -q "kept ours for companies/acme.yaml round .* outcome (theirs: passed)" ||
    fail "the conflict is not in the merge commit's message"
on a sync
agree a b
grep -q "outcome: failed" "$T/a/companies/acme.yaml" || fail "the newer side's value was not kept"
! grep -rq '<<<<<<<' "$T/a" --exclude-dir=.git || fail "conflict markers written"

# --- three machines --------------------------------------------------------------
on c sync --remote "$T/remote.git"
on a round add Acme --kind onsite --date 2026-02-01
on b contact add "Bo Chen"
on c round add Acme --kind system-design --date 2026-02-02
on c apply Globex --role SRE
on b sync
on c sync
on a sync
on b sync
on c sync
agree a b c
for m in a b c; do
    [ "$(grep -c 'kind:' "$T/$m/companies/acme.yaml")" = 4 ] || fail "$m: rounds lost"
    [ -f "$T/$m/contacts/bo-chen.yaml" ] && [ -f "$T/$m/companies/globex.yaml" ] || fail "$m: records lost"
done

# --- the remote moves between fetch and push ---------------------------------------
on c contact add "Cy Dee"
on a contact add "Al Ef"
# While a syncs, c pushes first (the hook runs once, just before a's first push).
HIRED_JOURNAL="$T/a" HIRED_TEST_BEFORE_PUSH="HIRED_JOURNAL='$T/c' '$HIRED' sync >/dev/null" run 0 "$HIRED" sync --json
json "j['rounds'] == 2"
on c sync
agree a c
[ -f "$T/c/contacts/al-ef.yaml" ] && [ -f "$T/a/contacts/cy-dee.yaml" ] || fail "moved remote: records lost"

# --- an unreachable remote ------------------------------------------------------------
before=$(head_of b)
on b contact add "Di Gu"
before=$(head_of b)
HIRED_JOURNAL="$T/b" run 4 "$HIRED" sync --remote "$T/nowhere.git"
expect_err "hired: error: cannot fetch from"
expect_err "there is no repository there"
[ "$(head_of b)" = "$before" ] || fail "the journal moved"
clean b
on b status --json
json "j['remote'].endswith('remote.git')" # the bad remote was not remembered
HIRED_JOURNAL="$T/fresh" run 4 "$HIRED" sync --remote "$T/nowhere.git"
[ ! -e "$T/fresh" ] || fail "a failed first sync left a folder"
HIRED_JOURNAL="$T/fresh" run 2 "$HIRED" sync
expect_err "remote"

# --- randomised: nothing acknowledged is lost -------------------------------------------
on b sync
on a sync
RANDOM=7
for m in a b; do on $m sync; done
created_contacts=()
rounds=$(grep -c 'kind:' "$T/a/companies/acme.yaml")
for i in $(seq 1 30); do
    m=$([ $((RANDOM % 2)) = 0 ] && echo a || echo b)
    case $((RANDOM % 5)) in
    0 | 1) on $m contact add "Person $i"; created_contacts+=("person-$i") ;;
    2) on $m round add Acme --kind technical --date 2026-02-$(printf %02d $((i % 28 + 1))); rounds=$((rounds + 1)) ;;
    3) on $m lesson add "lesson number $i" ;;
    4) on $m sync ;;
    esac
done
on a sync; on b sync; on a sync
agree a b
for m in a b; do
    for p in "${created_contacts[@]}"; do
        [ -f "$T/$m/contacts/$p.yaml" ] || fail "$m lost contact $p"
    done
    [ "$(grep -c 'kind:' "$T/$m/companies/acme.yaml")" = "$rounds" ] || fail "$m lost rounds"
    n=$(grep -l "lesson number" "$T/$m"/lessons/*.yaml | wc -l)
    [ "$n" = "$(grep -l "lesson number" "$T/a"/lessons/*.yaml | wc -l)" ] || fail "$m: lessons differ"
done
pass
