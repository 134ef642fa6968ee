#!/usr/bin/env python3
"""Writes a large, realistic hired journal straight to disk, in the format
hired reads (tracker/records.hpp for the layout, tracker/store.cpp for the
record files, tracker/attempts.hpp for practice/<problem-id>.yaml).

    bench/make_journal.py OUT [--seed N] [--companies N] [--rounds N]
                              [--attempts N] [--problems N] [--contacts N]
                              [--events N] [--lessons N] [--today YYYY-MM-DD]
                              [--bank DIR]

OUT must not exist or be empty. Only the files are written (no .git): the
caller runs git init / add / commit. Deterministic for a given seed and
arguments. Prints one JSON object on stdout naming the records the
benchmark uses (a company with one open application for `round add`, one
for `review`, search words, counts and sizes).

Every reference `hired check` verifies is kept valid: application `via`,
interviewer `contact`, event `met`, contact `company` and `met_at`, lesson
`company` / `application` / `round` / `event`, question `problem` ids (only
ids of the built-in bank), unique application and round ids, rounds dated
on or after their application.
"""

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import sys

# ---- YAML writing ----------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f ,.'()/&+?!-]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def q(s):
    """A scalar: plain when YAML reads it back as the same string, else double-quoted."""
    s = str(s)
    if (_PLAIN.match(s) and not s.endswith(" ") and s.lower() not in _RESERVED
            and ": " not in s and " #" not in s):
        return s
    return json.dumps(s, ensure_ascii=False)


def flow(items):
    """A flow list: [a, b]; items with flow indicators are quoted."""
    return "[" + ", ".join(json.dumps(str(i), ensure_ascii=False) if re.search(r"[,\[\]{}]", str(i)) else q(i)
                           for i in items) + "]"


def text(key, value, ind):
    """key: value, as a literal block when it spans lines."""
    pad = " " * ind
    if "\n" in value:
        body = "".join(pad + "  " + line + "\n" if line else "\n" for line in value.split("\n"))
        return f"{pad}{key}: |\n{body}"
    return f"{pad}{key}: {q(value)}\n"


# ---- word banks ----------------------------------------------------------------------

FIRST = """Ana Bo Chen Dara Emeka Fatima Gustavo Hana Ines Jonas Kai Leila Mateo Nadia Omar Priya
Quentin Rosa Sami Tomas Uma Viktor Wen Ximena Yusuf Zoe Aiko Bruno Carmen Dmitri Elif Farid Greta
Hugo Ingrid Jamal Kofi Lucia Marek Noor Olga Pablo Rania Sven Tariq Ursula Vera Wojtek Yara Zeynep
Amara Benedikt Chiara Diego Esra Felix Giulia Hamid Isabel Javier Katrin Lars Mei Nikos Oskar
Paola Rahul Sofia Theo Valentina William Xiao Yosef Zainab José Zoë Łukasz Søren Ngozi Aditi""".split()
LAST = """Li Chen Okafor Silva Novak Haddad Kowalski Nguyen Schmidt Rossi Tanaka Alvarez Ibrahim
Larsen Moreau Petrov Costa Kim Singh Jansen Dubois Yilmaz Fischer Ortiz Mensah Sato Horvat Rahman
Bauer Ferreira Lindqvist Mwangi Papadopoulos Kaur Walsh Romero Nakamura Hoffmann Osei Ricci Berg
Castillo Ahmed Murphy Varga Suzuki Weber Ndlovu Moretti Eriksson Gupta Brennan Duarte Kovacs
Abara Yamamoto Wagner Santos Popescu Jensen Adeyemi Bianchi Svensson Müller Núñez""".split()

CO_A = """Blue Quiet Bright Iron Silver North Copper Lumen Harbor Maple Cedar Orbit Pixel Granite
Delta Nimbus Coral Amber Willow Falcon Arrow Ember Summit River Prairie Tidal Atlas Beacon Lunar
Vector Crimson Aurora Basalt Canyon Meadow Polar Zephyr Onyx Juniper Sable Cobalt Indigo Saffron
Alder Birch Glacier Kestrel Marble Nova Quartz Sierra Thistle Velvet Wren""".split()
CO_B = """Labs Systems Works Data Cloud Health Pay Logistics Robotics Analytics Security Games
Studio Bank Energy Mobility Foods Learning Networks Software Dynamics Metrics Ledger Forge Grid
Signal Harbor Stack Loop Motion Bio Freight Insurance Media Maps""".split()
CO_SUFFIX = ["", "", "", " Inc.", " GmbH", " Ltd", " AB", " SAS", " & Co"]

CITIES = """Berlin Lisbon Amsterdam London Dublin Paris Madrid Barcelona Munich Zurich Stockholm
Copenhagen Oslo Helsinki Warsaw Prague Vienna Milan Toronto Montreal Austin Seattle Boston
Lagos Nairobi Bangalore Singapore Tokyo Melbourne Remote""".split()
CO_TAGS = ["fintech", "healthtech", "remote-first", "startup", "scale-up", "enterprise", "b2b",
           "devtools", "gaming", "climate", "ecommerce", "ai", "open-source", "logistics",
           "security", "edtech", "hybrid", "big-tech"]
ROLES = ["Backend Engineer", "Senior Backend Engineer", "Software Engineer", "Frontend Engineer",
         "Full-Stack Developer", "Platform Engineer", "Site Reliability Engineer", "Data Engineer",
         "Machine Learning Engineer", "Mobile Engineer (iOS)", "Android Developer",
         "Staff Engineer", "Junior Developer", "Embedded Software Engineer", "DevOps Engineer",
         "Security Engineer", "Graduate Software Engineer", "Engineering Manager"]
IV_ROLES = ["Recruiter", "Talent Partner", "Engineering Manager", "Senior Engineer", "Staff Engineer",
            "Tech Lead", "CTO", "Principal Engineer", "Product Manager", "Head of Engineering",
            "Backend Engineer", "Frontend Engineer", "Data Scientist", "VP Engineering"]
CONTACT_ROLES = ["Engineer", "Senior Engineer", "Engineering Manager", "Recruiter", "Founder", "CTO",
                 "Developer Advocate", "Tech Lead", "Data Scientist", "Product Manager"]

QUESTIONS = [
    "Reverse a linked list in place", "Find the longest substring without repeating characters",
    "Design a URL shortener", "Design a rate limiter for a public API",
    "Merge k sorted lists", "Implement an LRU cache", "Serialize and deserialize a binary tree",
    "Count islands in a grid", "Top k frequent words", "Detect a cycle in a directed graph",
    "Design a chat service for a million users", "Median of a data stream",
    "Tell me about a conflict with a colleague", "Walk me through a project you are proud of",
    "Why do you want to leave your current job?", "How would you shard a user table?",
    "Explain consistent hashing", "Implement a trie with prefix search",
    "Sliding window maximum", "Word ladder", "Minimum meeting rooms", "Design a news feed",
    "What happens when you type a URL into the browser?", "Explain how a hash map grows",
    "Debug this failing test (pair programming)", "Refactor a 300-line function",
    "Design a parking garage", "Two-pointer sum in a sorted array", "Kth smallest in a BST",
    "Rotate a matrix by 90 degrees", "Design a distributed job scheduler",
    "Schedule tasks with dependencies (topological sort)", "Coin change, fewest coins",
    "Edit distance between two strings", "Validate a Sudoku board",
    "How do you handle a production incident at 3am?", "Write a tokenizer for arithmetic expressions",
    "Build a tiny key-value store with snapshots", "Design metrics ingestion for 50k hosts",
    "Explain the CAP theorem with an example", "Find the shortest path with one wall removed",
    "Interval merging", "Describe a time you disagreed with your manager",
    "Implement debounce and throttle", "Explain event loop ordering in JavaScript",
    "Design an elevator controller", "Bank account transfers without deadlock",
    "Concurrent bounded queue", "SQL: second highest salary per department",
    "Design a feature flag service", "Estimate the storage for a photo app",
]
QUESTION_PROBLEMS = {  # question text -> a built-in bank problem id (only these are linked)
    "Two-pointer sum in a sorted array": "lunch-pairs",
    "Reverse a linked list in place": "carriage-flip",
    "Find the shortest path with one wall removed": "coffee-run",
    "Merge k sorted lists": "log-merge",
    "Sliding window maximum": "ridge-lookout",
    "Interval merging": "festival-evenings",
}
LESSONS = [
    "Ask about the input size before choosing an approach",
    "Say the brute force first, then improve it out loud",
    "Write the test cases before the code, even on a whiteboard",
    "Clarify whether the graph can have cycles",
    "Keep a story ready about a project that failed and what I learnt",
    "Do not forget the empty input", "Check for integer overflow on sums of large values",
    "Draw the data structure before touching the keyboard",
    "Estimate the numbers before the system design (QPS, storage)",
    "Name the trade-offs explicitly: latency vs consistency",
    "Ask what the interviewer wants to see when stuck",
    "Practise sliding window problems, they keep coming up",
    "Sleep before an onsite; do not cram the night before",
    "Research the team and their product the day before",
    "Prepare questions for the interviewer: on-call, release process, team size",
    "Send the thank-you note the same day",
    "Talk through complexity at the end without being asked",
    "Use a hash map when lookups dominate; say why",
    "Recursion depth: mention the iterative version for big inputs",
    "Behavioural answers: situation, task, action, result; keep it under two minutes",
    "Negotiate after the offer, never during the screen",
    "Take-home: write a README with decisions and what I left out",
    "Pair programming: narrate, and run the tests often",
    "Bring water and a snack to a long onsite",
]
LESSON_TAGS = ["arrays", "graphs", "dp", "system-design", "behavioral", "communication", "testing",
               "complexity", "preparation", "negotiation", "sliding-window", "hash-map", "trees",
               "concurrency", "sql", "take-home"]
NOTES = [
    "Friendly panel, they cared about testing.", "Ran out of time on the follow-up.",
    "Interviewer was late; rushed the last question.", "Great conversation about their on-call.",
    "They use Go and Postgres; a monolith being split.", "Felt good about the design part.",
    "Struggled with the edge cases, recovered at the end.", "Asked a lot about past projects.",
    "Remote, cameras on, shared editor without autocomplete.", "Two interviewers, one silent.",
    "Recruiter said the team is hiring three people this quarter.",
    "Salary band given up front, matches expectations.",
]
EVENT_KINDS = ["meetup", "conference", "workshop", "coffee-and-code", "hackathon", "other"]
EVENT_NAMES = ["Rust Meetup", "PyData", "Coffee and Code", "JS Night", "Go Meetup", "DevOps Days",
               "Women Who Code", "Hack Weekend", "Kotlin User Group", "Systems Reading Group",
               "Data Engineering Meetup", "Frontend Friday", "Open Source Saturday",
               "Career Fair", "C++ User Group", "Elixir Meetup", "Cloud Native Meetup"]
VENUES = ["a coworking space", "the public library", "a café near the station", "the university",
          "an office downtown", "the conference centre", "a brewery"]
ATTEMPT_NOTES = ["forgot the empty input at first", "off by one in the window", "TLE until I used a heap",
                 "clean on the first run", "needed the hint about sorting", "overflowed an int",
                 "rewrote it iteratively", "wrong base case in the DP", "used two pointers, much simpler",
                 "misread the output format"]
LANGS = ["cpp", "cpp", "python", "python", "python", "java", "rust", "js", "go"]
VERDICTS = ["AC"] * 11 + ["WA"] * 4 + ["TLE"] * 2 + ["RE", "CE", "MLE", "none"]
RATINGS = ["again", "hard", "good", "good", "easy"]
PROBLEM_WORDS_A = """two three sorted rotated merged nested balanced hidden shortest longest
minimal maximal circular sparse dense frozen broken lucky quiet noisy""".split()
PROBLEM_WORDS_B = """paths islands intervals stones bridges tokens ladders coins queues trees
heaps cables lanterns badges tickets orders gardens rivers towers keys""".split()


# ---- helpers -----------------------------------------------------------------------------


def slugify(name):
    """util/text.cpp slugify() + tracker slug_for(), byte for byte."""
    out = bytearray()
    dash = False
    for c in name.encode("utf-8"):
        if c < 0x80 and chr(c).isalnum():
            if dash and out:
                out += b"-"
            out.append(ord(chr(c).lower()))
            dash = False
        elif c >= 0x80:
            if dash and out:
                out += b"-"
            out.append(c)
            dash = False
        else:
            dash = True
    out = out[:60]
    s = out.decode("utf-8", errors="ignore").rstrip("-")
    return s or "record"


class Ids:
    """8 hex digits, never twice (hired's ids are random too)."""

    def __init__(self, rng):
        self.rng, self.seen = rng, set()

    def new(self):
        while True:
            v = f"{self.rng.getrandbits(32):08x}"
            if v not in self.seen:
                self.seen.add(v)
                return v


def day_range(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


# ---- the SM-2 rule of practice/schedule.hpp (so the derived schedule is what replay gives) ----


def quality(accepted, rating, elapsed, budget):
    if rating:
        q = {"again": 1, "hard": 3, "good": 4, "easy": 5}[rating]
    else:
        q = 4 if accepted else 2
    if budget > 0:
        if elapsed > 2 * budget:
            q -= 2
        elif elapsed > budget:
            q -= 1
    if not accepted:
        q = min(q, 2)
    return max(0, min(5, q))


def round_half_away(x):
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


def next_schedule(s, q, day):
    ease, interval, reps, _ = s
    if q < 3:
        reps, n_interval = 0, 1
    else:
        reps += 1
        n_interval = 1 if reps == 1 else 6 if reps == 2 else round_half_away(max(1, interval) * ease)
    d = 5 - q
    n_ease = round_half_away((ease + 0.1 - d * (0.08 + d * 0.02)) * 100) / 100
    return (max(1.3, n_ease), n_interval, reps, day + dt.timedelta(days=n_interval))


def num(v):
    """A number as hired writes it: no trailing zeros."""
    r = round(v, 2)
    return str(int(r)) if r == int(r) else repr(r)


# ---- the journal ------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--companies", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5000)
    ap.add_argument("--attempts", type=int, default=20000)
    ap.add_argument("--problems", type=int, default=300, help="distinct practised problem ids")
    ap.add_argument("--contacts", type=int, default=1500)
    ap.add_argument("--events", type=int, default=150)
    ap.add_argument("--lessons", type=int, default=1200, help="stand-alone lesson files")
    ap.add_argument("--today", default="2026-12-02", help="the journal ends the day before")
    ap.add_argument("--bank", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   "..", "problems"),
                    help="the built-in bank (its ids are the practised problems' first ids)")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    ids = Ids(rng)
    today = dt.date.fromisoformat(a.today)
    start = today - dt.timedelta(days=700)
    end = today - dt.timedelta(days=1)
    if os.path.exists(a.out) and os.listdir(a.out):
        sys.exit(f"make_journal.py: {a.out} exists and is not empty")
    files = {}  # rel -> text

    bank = sorted(f[:-5] for f in os.listdir(a.bank) if f.endswith(".yaml")) if os.path.isdir(a.bank) else []
    linkable = {t: p for t, p in QUESTION_PROBLEMS.items() if p in bank}

    # -- companies (names first: contacts and lessons refer to them)
    companies, slugs = [], set()
    while len(companies) < a.companies:
        name = f"{rng.choice(CO_A)} {rng.choice(CO_B)}{rng.choice(CO_SUFFIX)}"
        if len(companies) > 0.6 * a.companies:  # the name space runs thin: a third word
            name = f"{rng.choice(CO_A)} {rng.choice(CO_A)} {rng.choice(CO_B)}{rng.choice(CO_SUFFIX)}"
        s = slugify(name)
        if s in slugs:
            continue
        slugs.add(s)
        companies.append({"name": name, "slug": s, "apps": []})

    # -- events
    events, event_ids = [], set()
    while len(events) < a.events:
        city = rng.choice(CITIES[:-1])
        name = f"{rng.choice(EVENT_NAMES)} {city}"
        d = day_range(rng, start, end)
        eid = f"{d.isoformat()}-{slugify(name)}"
        if eid in event_ids:
            continue
        event_ids.add(eid)
        events.append({"name": name, "date": d, "id": eid, "kind": rng.choice(EVENT_KINDS),
                       "place": f"{rng.choice(VENUES)}, {city}", "met": []})

    # -- contacts
    contacts, cslugs, cnames = [], set(), set()
    while len(contacts) < a.contacts:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if rng.random() < 0.3:
            name = f"{rng.choice(FIRST)} {rng.choice(FIRST)[0]}. {rng.choice(LAST)}"
        s = slugify(name)
        if s in cslugs or name.lower() in cnames:
            continue
        cslugs.add(s)
        cnames.add(name.lower())
        p = {"name": name, "slug": s}
        if rng.random() < 0.8:
            p["company"] = rng.choice(companies)["name"]
        p["role"] = rng.choice(CONTACT_ROLES)
        if rng.random() < 0.6:
            e = rng.choice(events)
            p["met_at"] = e["id"]
            p["met"] = e["date"]
            e["met"].append(name)
        elif rng.random() < 0.5:
            p["met"] = day_range(rng, start, end)
        if rng.random() < 0.5:
            first = slugify(name.split()[0]) or "hi"
            p["email"] = f"{first}@{slugify(p.get('company', 'mail'))[:20]}.example"
        if rng.random() < 0.4:
            p["links"] = [f"https://www.linkedin.example/in/{s}"]
        if rng.random() < 0.4:
            base = p.get("met", start)
            p["last_contacted"] = day_range(rng, base, end)
        if rng.random() < 0.3:
            p["notes"] = rng.choice(["Offered to refer me.", "Works on the payments team.",
                                     "Met again at the conference; ask about the platform team.",
                                     "Knows the hiring manager.\nPrefers email over chat.",
                                     "Gave great advice on system design prep."])
        contacts.append(p)
    by_company = {}
    for p in contacts:
        if "company" in p:
            by_company.setdefault(p["company"], []).append(p)

    # -- applications: every company one; a fifth an older, closed one first
    for c in companies:
        n = 2 if rng.random() < 0.2 else 1
        for i in range(n):
            closed_first = n == 2 and i == 0
            applied = day_range(rng, start, end - dt.timedelta(days=30 if closed_first else 0))
            app = {"id": ids.new(), "role": rng.choice(ROLES), "applied": applied, "rounds": []}
            if closed_first:
                app["status"] = rng.choice(["rejected", "withdrawn", "declined", "ghosted"])
            else:
                app["status"] = rng.choices(
                    ["active", "offer", "accepted", "declined", "rejected", "withdrawn", "on-hold", "ghosted"],
                    [40, 4, 3, 3, 28, 6, 4, 12])[0]
            src = rng.choices(["referral", "event", "online", "recruiter", "other"], [25, 10, 40, 20, 5])[0]
            app["source"] = src
            if src == "referral" and by_company.get(c["name"]):
                app["via"] = rng.choice(by_company[c["name"]])["name"]
            elif src == "referral":
                app["source"] = "online"
            if rng.random() < 0.3:
                app["notes"] = rng.choice(["Found on their careers page.", "Recruiter reached out on LinkedIn.",
                                           "Applied with the updated CV.", "Team works on the data platform.\nHybrid, 2 days a week."])
            if app["status"] not in ("active",) and rng.random() < 0.7:
                app["updated"] = min(end, applied + dt.timedelta(days=rng.randrange(10, 90)))
            c["apps"].append(app)
        if n == 2 and c["apps"][1]["role"] == c["apps"][0]["role"]:
            c["apps"][1]["role"] = "Senior " + c["apps"][1]["role"] if not c["apps"][1]["role"].startswith("Senior") else "Staff Engineer"

    # -- rounds: exactly a.rounds, spread unevenly over the applications
    apps = [(c, app) for c in companies for app in c["apps"]]
    weights = [0.3 if app["status"] in ("ghosted", "withdrawn") else 1.6 if app["status"] in ("offer", "accepted") else 1.0
               for _, app in apps]
    counts = [0] * len(apps)
    for i in rng.choices(range(len(apps)), weights, k=a.rounds):
        counts[i] += 1
    stage_kinds = [["recruiter-call"], ["phone-screen"], ["technical", "whiteboard", "take-home", "pair-programming"],
                   ["system-design", "technical", "behavioral"], ["onsite", "behavioral", "system-design"],
                   ["meal", "other", "onsite"]]
    round_total = 0
    for (c, app), n in zip(apps, counts):
        gaps = [rng.randrange(2, 15) for _ in range(n)]
        # Closed applications end before today; open ones may have a round booked
        # up to two weeks ahead (the board's "prepare for", review's "upcoming").
        latest = end + dt.timedelta(days=rng.randrange(-20, 15) if app["status"] in ("active", "offer") else -1)
        if app["applied"] + dt.timedelta(days=sum(gaps)) > latest:
            app["applied"] = latest - dt.timedelta(days=sum(gaps))
        d = app["applied"]
        for k in range(n):
            d = d + dt.timedelta(days=gaps[k])
            last = k == n - 1
            kind = rng.choice(stage_kinds[min(k, len(stage_kinds) - 1)])
            r = {"id": ids.new(), "date": d, "kind": kind}
            if d > end:
                r["outcome"] = "pending"  # scheduled ahead: review lists it as upcoming
            elif last and app["status"] == "rejected":
                r["outcome"] = "failed"
            elif last and app["status"] == "active":
                r["outcome"] = rng.choice(["pending", "pending", "passed", "unknown"])
            else:
                r["outcome"] = "passed" if rng.random() < 0.9 else "unknown"
            if d <= end and rng.random() < 0.7:
                r["rating"] = rng.randint(1, 5)
            if d <= end and rng.random() < 0.35:
                r["thanked"] = min(end, d + dt.timedelta(days=rng.randrange(0, 3)))
            ivs, names = [], set()
            for _ in range(rng.randint(1, 3)):
                known = by_company.get(c["name"])
                if known and rng.random() < 0.3:
                    p = rng.choice(known)
                    iv = {"name": p["name"], "role": p["role"], "contact": p["name"]}
                else:
                    iv = {"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "role": rng.choice(IV_ROLES)}
                if iv["name"] not in names:
                    names.add(iv["name"])
                    ivs.append(iv)
            r["interviewers"] = ivs
            r["questions"] = rng.sample(QUESTIONS, rng.randint(1, 3))
            if rng.random() < 0.5:
                r["notes"] = rng.choice(NOTES)
                if rng.random() < 0.3:
                    r["notes"] += "\n" + rng.choice(NOTES)
            r["lessons"] = []
            for _ in range(rng.choices([0, 1, 2], [50, 35, 15])[0]):
                les = {"id": ids.new(), "text": rng.choice(LESSONS)}
                if rng.random() < 0.6:
                    les["tags"] = rng.sample(LESSON_TAGS, rng.randint(1, 2))
                r["lessons"].append(les)
            app["rounds"].append(r)
            round_total += 1
        if "updated" in app and app["rounds"]:
            app["updated"] = min(end, max(app["updated"], app["rounds"][-1]["date"] + dt.timedelta(days=rng.randrange(1, 10))))
    assert round_total == a.rounds

    for c in companies:
        out = [f"name: {q(c['name'])}\n"]
        if rng.random() < 0.8:
            out.append(f"url: https://{c['slug'][:40]}.example/careers\n")
        out.append(f"location: {q(rng.choice(CITIES))}\n")
        if rng.random() < 0.7:
            out.append(f"tags: {flow(rng.sample(CO_TAGS, rng.randint(1, 3)))}\n")
        if rng.random() < 0.4:
            out.append(text("notes", rng.choice(["Series B, about 200 people.", "Glassdoor says good work-life balance.",
                                                 "Big on pair programming.\nInterview loop is 4 rounds.",
                                                 "Public company; stock refreshers yearly."]), 0))
        out.append("applications:\n")
        for app in c["apps"]:
            out.append(f"  - id: {app['id']}\n    role: {q(app['role'])}\n    status: {app['status']}\n")
            out.append(f"    source: {app['source']}\n")
            if "via" in app:
                out.append(f"    via: {q(app['via'])}\n")
            out.append(f"    applied: {app['applied'].isoformat()}\n")
            if "updated" in app:
                out.append(f"    updated: {app['updated'].isoformat()}\n")
            if "notes" in app:
                out.append(text("notes", app["notes"], 4))
            if app["rounds"]:
                out.append("    rounds:\n")
            for r in app["rounds"]:
                out.append(f"      - id: {r['id']}\n        date: {r['date'].isoformat()}\n")
                out.append(f"        kind: {r['kind']}\n        outcome: {r['outcome']}\n")
                if "rating" in r:
                    out.append(f"        rating: {r['rating']}\n")
                if "thanked" in r:
                    out.append(f"        thanked: {r['thanked'].isoformat()}\n")
                out.append("        interviewers:\n")
                for iv in r["interviewers"]:
                    out.append(f"          - name: {q(iv['name'])}\n            role: {q(iv['role'])}\n")
                    if "contact" in iv:
                        out.append(f"            contact: {q(iv['contact'])}\n")
                out.append("        questions:\n")
                for qu in r["questions"]:
                    if qu in linkable:
                        out.append(f"          - text: {q(qu)}\n            problem: {linkable[qu]}\n")
                    else:
                        out.append(f"          - {q(qu)}\n")
                if "notes" in r:
                    out.append(text("notes", r["notes"], 8))
                if r["lessons"]:
                    out.append("        lessons:\n")
                for les in r["lessons"]:
                    out.append(f"          - id: {les['id']}\n            text: {q(les['text'])}\n")
                    if "tags" in les:
                        out.append(f"            tags: {flow(les['tags'])}\n")
        files[f"companies/{c['slug']}.yaml"] = "".join(out)

    for p in contacts:
        out = [f"name: {q(p['name'])}\n"]
        for key in ("company", "role", "met_at"):
            if key in p:
                out.append(f"{key}: {q(p[key])}\n")
        if "met" in p:
            out.append(f"met: {p['met'].isoformat()}\n")
        if "email" in p:
            out.append(f"email: {q(p['email'])}\n")
        if "links" in p:
            out.append("links:\n" + "".join(f"  - {q(l)}\n" for l in p["links"]))
        if "last_contacted" in p:
            out.append(f"last_contacted: {p['last_contacted'].isoformat()}\n")
        if "notes" in p:
            out.append(text("notes", p["notes"], 0))
        files[f"contacts/{p['slug']}.yaml"] = "".join(out)

    for e in events:
        out = [f"name: {q(e['name'])}\ndate: {e['date'].isoformat()}\nkind: {e['kind']}\nplace: {q(e['place'])}\n"]
        if e["met"]:
            out.append(f"met: {flow(e['met'])}\n")
        if rng.random() < 0.3:
            out.append(text("notes", rng.choice(["Talks on observability and Rust async.",
                                                 "Lightning talks; pizza.\nSeveral companies hiring.",
                                                 "Hands-on workshop, bring a laptop."]), 0))
        files[f"events/{e['id']}.yaml"] = "".join(out)

    # -- stand-alone lessons
    for _ in range(a.lessons):
        d = day_range(rng, start, end)
        rel = f"lessons/{d.isoformat()}-{ids.new()}.yaml"
        out = [text("text", rng.choice(LESSONS) + ("\n" + rng.choice(LESSONS) if rng.random() < 0.15 else ""), 0)]
        if rng.random() < 0.7:
            out.append(f"tags: {flow(rng.sample(LESSON_TAGS, rng.randint(1, 3)))}\n")
        out.append(f"date: {d.isoformat()}\n")
        x = rng.random()
        if x < 0.4:
            c = rng.choice(companies)
            out.append(f"company: {q(c['name'])}\n")
            if rng.random() < 0.5:
                app = rng.choice(c["apps"])
                out.append(f"application: {app['id']}\n")
                if app["rounds"] and rng.random() < 0.5:
                    out.append(f"round: {rng.choice(app['rounds'])['id']}\n")
        elif x < 0.6:
            out.append(f"event: {rng.choice(events)['id']}\n")
        files[rel] = "".join(out)

    # -- practice attempts: the bank's problems and more, the first ones practised most
    pids = list(bank)
    seen = set(pids)
    while len(pids) < a.problems:
        pid = f"{rng.choice(PROBLEM_WORDS_A)}-{rng.choice(PROBLEM_WORDS_B)}"
        if pid in seen:
            pid += f"-{rng.randint(2, 99)}"
        if pid in seen:
            continue
        seen.add(pid)
        pids.append(pid)
    pids = pids[:a.problems]
    per = [0] * len(pids)
    for i in rng.choices(range(len(pids)), [1.0 / (1 + 0.02 * i) for i in range(len(pids))], k=a.attempts):
        per[i] += 1
    tz = ["+01:00", "+02:00", "+00:00", "Z", "-05:00"]
    for pid, n in zip(pids, per):
        if n == 0:
            continue
        budget = rng.choice([20, 35, 50])
        off = rng.choice(tz)  # one person, one time zone per file: `finished` sorts as written
        moments = sorted(dt.datetime.combine(day_range(rng, start, end), dt.time(rng.randrange(7, 23), rng.randrange(60), rng.randrange(60)))
                         for _ in range(n))
        sched = (2.5, 0, 0, None)
        att = []
        for t0 in moments:
            elapsed = max(1, int(rng.gauss(budget * 0.9, budget * 0.4)))
            verdict = rng.choice(VERDICTS)
            rating = rng.choice(RATINGS) if rng.random() < 0.6 else None
            total = rng.randint(8, 40)
            passed = total if verdict == "AC" else (0 if verdict in ("CE", "none") else rng.randrange(total))
            fin = t0 + dt.timedelta(minutes=elapsed, seconds=rng.randrange(60))
            fmt = "%Y-%m-%dT%H:%M:%S"
            aid = ids.new()
            s = [f"  - id: {aid}\n    started: {q(t0.strftime(fmt) + off)}\n    finished: {q(fin.strftime(fmt) + off)}\n",
                 f"    elapsed_minutes: {elapsed}\n    budget_minutes: {budget}\n    verdict: {verdict}\n",
                 f"    passed: {passed}\n    total: {total}\n    runs: {rng.randint(0 if verdict == 'none' else 1, 9)}\n",
                 f"    cpu_ms: {num(round(rng.uniform(0.3, 1900), 1))}\n    language: {rng.choice(LANGS)}\n"]
            if rating:
                s.append(f"    rating: {rating}\n")
            if rng.random() < 0.35:
                s.append(f"    note: {q(rng.choice(ATTEMPT_NOTES))}\n")
            att.append("".join(s))
            sched = next_schedule(sched, quality(verdict == "AC", rating, elapsed, budget), fin.date())
        ease, interval, reps, due = sched
        head = (f"problem: {pid}\nschedule:\n  ease: {num(ease)}\n  interval_days: {interval}\n"
                f"  repetitions: {reps}\n  due: {due.isoformat()}\nattempts:\n")
        files[f"practice/{pid}.yaml"] = head + "".join(att)

    files["hired.yaml"] = ("# The journal of hired (interviews, contacts, lessons, practice), a git repository.\n"
                           "format: 1\n")

    os.makedirs(a.out, mode=0o700, exist_ok=True)
    for rel, body in files.items():
        path = os.path.join(a.out, rel)
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(body)

    # What the benchmark drives: a company whose only application is open and whose
    # file ends inside that application's rounds (so appending a round by hand is valid
    # YAML), with about the median number of rounds; and one to review.
    def one_open(c):
        opens = [x for x in c["apps"] if x["status"] in ("active", "offer")]
        return len(opens) == 1 and c["apps"][-1] is opens[0] and opens[0]["rounds"]
    cands = sorted((c for c in companies if one_open(c)), key=lambda c: (abs(len(c["apps"][-1]["rounds"]) - 5), c["slug"]))
    target = cands[0]
    review = next(c for c in cands[1:] if len(c["apps"]) == 2) if any(len(c["apps"]) == 2 for c in cands[1:]) else cands[1]
    sizes = {}
    for rel, body in files.items():
        folder = rel.split("/")[0] if "/" in rel else "."
        n, b = sizes.get(folder, (0, 0))
        sizes[folder] = (n + 1, b + len(body.encode("utf-8")))
    print(json.dumps({
        "round_company": target["name"], "round_company_file": f"companies/{target['slug']}.yaml",
        "round_company_rounds": len(target["apps"][-1]["rounds"]),
        "review_company": review["name"],
        "counts": {"companies": len(companies), "applications": len(apps), "rounds": round_total,
                   "round_lessons": sum(len(r["lessons"]) for _, app in apps for r in app["rounds"]),
                   "contacts": len(contacts), "events": len(events), "lessons": a.lessons,
                   "problems": sum(1 for n in per if n), "attempts": sum(per)},
        "files": {k: {"files": v[0], "bytes": v[1]} for k, v in sorted(sizes.items())},
        "bytes": sum(v[1] for v in sizes.values()),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
