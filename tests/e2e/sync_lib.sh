# Shared by the sync tests (after lib.sh): one journal folder per "machine".

# on MACHINE CMD...: runs hired with that machine's journal (exit 0 expected);
# the variables in ON_ENV (name=value words) are set for it too.
ON_ENV=()
on() {
    local m=$1
    shift
    HIRED_JOURNAL="$T/$m" run 0 env "${ON_ENV[@]}" "$HIRED" "$@"
}
head_of() { git -C "$T/$1" rev-parse HEAD; }

# round_trip URL: a laptop pushes a new journal to the (empty) remote at URL,
# a desktop adopts it, and each adds a record and syncs until both agree.
round_trip() {
    on laptop apply Acme --role "Backend Engineer" --date 2026-02-20
    on laptop contact add "Rosa Marin" --company Acme
    on laptop sync --remote "$1"
    expect_out "remembered as origin"
    on desktop sync --remote "$1"
    expect_out "adopted the journal"
    on desktop contact show "Rosa Marin"
    expect_out "Acme"
    on desktop lesson add "Ask who is on the panel" --tag preparation
    on desktop sync
    on laptop round add Acme --kind phone-screen --date 2026-02-27 --outcome passed
    on laptop sync
    expect_out "fetched 1 commit"
    on desktop sync
    [ "$(head_of laptop)" = "$(head_of desktop)" ] || fail "laptop and desktop differ"
    on laptop lesson list
    expect_out "Ask who is on the panel"
}
