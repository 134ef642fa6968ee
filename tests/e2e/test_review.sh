#!/usr/bin/env bash
# hired review: a company built with the journal commands, briefed: its
# rounds and questions, lessons in ranked order, the people there and how
# they were met, and the problems to practise (due ones first).
source "$(dirname "$0")/lib.sh"
J="$XDG_DATA_HOME/hired/journal"
day() { date -d "$1" +%F; }
TODAY=$(day today)
PHONE=$(day "-22 days")
TECH=$(day "-12 days")
ONSITE=$(day "+8 days")

# No journal yet.
run 3 "$HIRED" review Acme
expect_err "unknown company 'Acme'"
run 0 "$HIRED" review
expect_out "none yet"

run 0 "$HIRED" company add Acme --location Berlin
run 0 "$HIRED" event add "Rust Meetup" --date 2026-10-03 --kind meetup --met "Dana Li"
run 0 "$HIRED" contact set "Dana Li" --company Acme --role "Staff Engineer"
run 0 "$HIRED" contact add "Pat Lee" --company Acme --role Engineer
run 0 "$HIRED" apply Acme --role "Backend Engineer" --via "Dana Li" --date "$(day '-40 days')"
run 0 "$HIRED" round add Acme --kind phone-screen --date "$PHONE" --with "Pat Lee (Engineer)" \
    --question "Shortest path for a coffee run on a grid [coffee-run]" --outcome passed
run 0 "$HIRED" round add Acme --kind technical --date "$TECH" --question "Merge sorted logs with a heap" \
    --lesson "Say the complexity out loud" --outcome failed
run 0 "$HIRED" round add Acme --kind onsite --date "$ONSITE" --note "expect graphs"
run 0 "$HIRED" lesson add "Draw the graph before coding" --tag graph --company Acme --round 2
run 0 "$HIRED" lesson add "Sleep well before onsites" --date 2024-01-01
run 0 "$HIRED" apply Beta --role SRE
run 0 "$HIRED" contact add "Sam Doe" --company Beta
run 0 "$HIRED" round add Beta --kind technical --date "$TECH" --lesson "Beta wants tests first" --outcome passed

run 0 "$HIRED" review Acme
expect_out "Briefing: Acme"
expect_out "Backend Engineer  \[active\] applied .* via Dana Li (referral)"
expect_out "Upcoming rounds"
expect_out "$ONSITE  onsite #3  in 8 days"
expect_out "$PHONE  phone-screen #1  passed  with Pat Lee (Engineer)"
expect_out "asked: Shortest path for a coffee run on a grid \[coffee-run\]"
expect_out "$TECH  technical #2  failed"
expect_out "asked: Merge sorted logs with a heap"
expect_out "preparing for: onsite round (the next one); topics: graph"
expect_out "Dana Li (Staff Engineer): met at Rust Meetup on 2026-10-03; referred you for Backend Engineer"
expect_out "Pat Lee (Engineer): interviewed you: phone-screen #1"
expect_no_out "Sam Doe"
expect_no_out "Beta wants tests first" # another company's round lesson: its file is not read
expect_out "coffee-run .*asked at Acme, phone-screen #1"
# Lessons in ranked order: 5 company + 2 tag (the onsite's topic) + 2 failed + 2 recent; then 5 + 2 + 2; then 0.
lessons=$(grep -E '^ +[0-9]+  ' "$T/out" | sed -E 's/^ +//')
[ "$(echo "$lessons" | head -n 3)" = "11  Draw the graph before coding
9  Say the complexity out loud
0  Sleep well before onsites" ] || { echo "$lessons" >&2; fail "lessons are not in ranked order"; }

run 0 "$HIRED" --json review acme
json 'j["company"]["name"] == "Acme" and [a["role"] for a in j["applications"]] == ["Backend Engineer"]'
json '[r["label"] for r in j["past"]] == ["phone-screen #1", "technical #2"] and [r["label"] for r in j["upcoming"]] == ["onsite #3"]'
json 'j["past"][0]["questions"][0]["problem"] == "coffee-run" and j["past"][0]["interviewers"][0]["name"] == "Pat Lee"'
json '[l["text"] for l in j["lessons"]] == ["Draw the graph before coding", "Say the complexity out loud", "Sleep well before onsites"]'
json '[l["score"] for l in j["lessons"]] == [11, 9, 0] and "failed round +2" in j["lessons"][0]["reasons"]'
json 'j["focus"]["kind"] == "onsite" and j["focus"]["kind_from_next_round"] and j["focus"]["topics"] == ["graph"]'
json '[c["name"] for c in j["contacts"]] == ["Dana Li", "Pat Lee"] and j["contacts"][0]["met_event"]["name"] == "Rust Meetup"'
json 'j["contacts"][0]["referred"] == ["Backend Engineer"]'
json 'j["problems"][0]["id"] == "coffee-run" and "asked at Acme, phone-screen #1" in j["problems"][0]["reasons"]'
json '"log-merge" in [p["id"] for p in j["problems"]] and not j["problems_fallback"]'

# --kind and --tag change the ranking: a technical round now scores +3.
run 0 "$HIRED" --json review Acme --kind technical --tag heap
json '[l["score"] for l in j["lessons"]][:2] == [14, 12] and j["focus"]["tags"] == ["heap", "graph"]'
run 2 "$HIRED" review Acme --kind tecnical
expect_err "did you mean 'technical'"

# An unknown company: bad data, with a suggestion.
run 3 "$HIRED" review Acm
expect_err "unknown company 'Acm'; did you mean 'Acme'?"

# Without a company: every lesson, other companies' included, ranked by kind.
run 0 "$HIRED" --json review --kind technical
json 'j["company"] is None and j["contacts"] == [] and len(j["lessons"]) == 4'
json 'j["lessons"][0]["text"] in ("Draw the graph before coding", "Say the complexity out loud") and j["lessons"][0]["score"] == 7'
json '"Beta wants tests first" in [l["text"] for l in j["lessons"]]'
run 0 "$HIRED" review --kind technical
expect_out "Review: every lesson, for a technical round"

# A problem failed yesterday is due today and leads the suggestions.
mkdir work && cd work
run 0 "$HIRED" practice start fragile-cables --lang python
run 1 "$HIRED" practice run fragile-cables
run 0 "$HIRED" practice done fragile-cables
cd ..
HIRED_TODAY=$(day tomorrow) run 0 "$HIRED" --json review Acme
json 'j["problems"][0]["id"] == "fragile-cables" and j["problems"][0]["due"] and j["problems"][0]["reasons"][0] == "due today"'

# Reading is plain file access: no git needed, and only the company's own file is parsed.
mv "$J/.git" "$J/.git-aside"
run 0 "$HIRED" review Acme
expect_out "Briefing: Acme"
mv "$J/.git-aside" "$J/.git"
printf 'name: [broken\n' >"$J/companies/beta.yaml"
run 0 "$HIRED" review Acme
run 3 "$HIRED" review
expect_err "companies/beta.yaml:"
git -C "$J" checkout -q -- companies/beta.yaml
run 0 "$HIRED" review
pass
