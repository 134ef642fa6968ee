// What rewriting a record file must keep (tracker/keep.hpp): the guard itself,
// and the property it protects: a hand-edited record file of any kind, with
// keys hired does not know at any depth and the shorthands people type, is
// written back by the record's own writer with every key and list item kept.
#include "tracker/attempts.hpp"
#include "tracker/keep.hpp"
#include "tracker/store.hpp"
#include "tracker/yaml_write.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <random>

using namespace hired::tracker;
using hired::Error;
using hired::Exit;
using yaml_write::Out;

namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        return e.what();
    }
    return "(no error)";
}

std::string kept(const std::string& old_text, const std::string& rewritten) {
    return error_of([&] { require_kept(old_text, rewritten, "c.yaml"); });
}

} // namespace

TEST_CASE("a key or list item the rewrite would drop or change is named at its line") {
    std::string old = "name: Kevin\nrole: Developer\nnotes: From freeCodeCamp group\n";
    CHECK(kept(old, "name: Kevin\nrole: Dev\n")
              .starts_with("c.yaml:2:7: hired would not keep 'role' ('Developer')"));
    CHECK(kept(old, "name: Kevin\nrole: Developer\n")
              .starts_with("c.yaml:3:1: hired would not keep 'notes' ('From freeCodeCamp group')"));
    CHECK(kept("tags: [a, b, c]\n", "tags: [a, c]\n")
              .starts_with("c.yaml:1:11: hired would not keep 'tags[2]' ('b')"));
    CHECK(kept("rounds:\n  - id: r1\n    x: 1\n  - id: r2\n", "rounds:\n  - id: r1\n    x: 1\n")
              .starts_with("c.yaml:4:5: hired would not keep 'rounds (id r2)'"));
    CHECK(kept("rounds:\n  - id: r1\n    notes: a\n", "rounds:\n  - id: r1\n    notes: b\n")
              .starts_with("c.yaml:3:12: hired would not keep 'rounds (id r1).notes' ('a')"));
    CHECK(kept("a: {b: {c: 1}}\n", "a: {b: 1}\n")
              .starts_with("c.yaml:1:8: hired would not keep 'a.b' (a map)"));
    // Free text that differs only in case is a change.
    CHECK(kept("notes: call Dana back\n", "notes: Call Dana back\n").starts_with("c.yaml:1:8: "));
    // The error says nothing was written and how to go on.
    CHECK(kept(old, "name: Kevin\n").find("so it wrote nothing; fix the file by hand") !=
          std::string::npos);
}

TEST_CASE("what a writer may change is not a loss") {
    // Key order, quoting, flow or block lists.
    CHECK(kept("b: \"x\"\na: [1, 2]\n", "a:\n  - 1\n  - 2\nb: x\n") == "(no error)");
    // Empty values and absent keys; null.
    CHECK(kept("a: x\nb:\nc: \"\"\nd: []\ne: {}\nf: ~\n", "a: x\n") == "(no error)");
    // A scalar read as a one-item list.
    CHECK(kept("tags: rust\n", "tags: [rust]\n") == "(no error)");
    // Enum spellings, numbers, booleans, a block text's final line break.
    CHECK(kept("status: On_Hold\nease: 2.5\nx: yes\nn: +4\nt: |\n  a\n",
               "status: on-hold\nease: 2.50\nx: true\nn: 4\nt: a\n") == "(no error)");
    // Items with ids in another order; items without ids anywhere in the list.
    CHECK(kept("r:\n  - id: b\n  - id: a\nq: [y, x, x]\n",
               "r:\n  - id: a\n  - id: b\nq: [x, x, y]\n") == "(no error)");
    // Shorthands spelt out.
    CHECK(kept("i: [\"Sam (EM)\"]\nq: [\"Two sum [two-sum]\"]\n",
               "i:\n  - name: Sam\n    role: EM\nq:\n  - text: Two sum\n    problem: two-sum\n") ==
          "(no error)");
    // Added keys (ids given on the next write) are not losses.
    CHECK(kept("r:\n  - kind: onsite\n", "r:\n  - id: 0a1b2c3d\n    kind: onsite\n") ==
          "(no error)");
    // But a duplicate item that vanishes is.
    CHECK(kept("q: [x, x]\n", "q: [x]\n").starts_with("c.yaml:1:8: "));
}

// ---- the property: hand-edited files of every record kind keep everything ----

namespace {

class HandEdits {
public:
    explicit HandEdits(uint32_t seed) : rng_(seed) {}

    // Adds unknown keys (with values of every shape) to some maps of out,
    // at any depth, and turns some lists into flow or scalar shorthand.
    void mutate(Out& out, int depth = 0) {
        if (out.kind == Out::Kind::map) {
            for (auto& [k, v] : out.entries)
                mutate(v, depth + 1);
            if (chance(3)) {
                size_t at = pick(out.entries.size() + 1);
                out.entries.insert(out.entries.begin() + static_cast<long>(at),
                                   {fmt::format("x_{}_{}", word(), counter_++), value(depth)});
            }
        } else if (out.kind == Out::Kind::sequence) {
            for (auto& item : out.items)
                mutate(item, depth + 1);
        }
    }

private:
    std::mt19937 rng_;
    int counter_ = 0;

    bool chance(int one_in) { return rng_() % static_cast<uint32_t>(one_in) == 0; }
    size_t pick(size_t n) { return n ? rng_() % n : 0; }
    std::string word() {
        static const char* words[] = {"salary", "mood", "recruiter", "shoe",
                                      "Zoë",    "a b",  "x-y",       "k_1"};
        return words[pick(std::size(words))];
    }
    Out scalar() {
        static const char* texts[] = {
            "plain", "yes",    "1e3",          "0x10",      "#not a comment",
            "a: b",  "- dash", "two\nlines\n", "  lead",    "trail  ",
            "🙃",  "\"q\"",  "'s'",          "null",      "~",
            "",      "[x]",    "{y}",          "tab\there", "12:30"};
        return Out::scalar(texts[pick(std::size(texts))]);
    }
    Out value(int depth) {
        int shape = depth > 6 ? 0 : static_cast<int>(pick(4));
        if (shape == 0) return scalar();
        if (shape == 1) {
            Out s = Out::sequence(chance(2));
            for (size_t i = 0, n = pick(4); i < n; ++i)
                s.push(scalar());
            return s;
        }
        if (shape == 2) {
            Out s = Out::sequence();
            for (size_t i = 0, n = 1 + pick(3); i < n; ++i)
                s.push(value(depth + 2));
            return s;
        }
        Out m = Out::map();
        for (size_t i = 0, n = 1 + pick(3); i < n; ++i)
            m.add(fmt::format("{}{}", word(), i), value(depth + 2));
        return m;
    }
};

Out tree_of(const std::string& text) {
    return yaml_write::from_node(*hired::yaml::parse(text, "t.yaml"));
}

Company company(std::mt19937& rng) {
    Company c;
    c.name = "Acme";
    c.file = "companies/acme.yaml";
    c.tags = {"fintech"};
    c.notes = "line one\nline two\n";
    int apps = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < apps; ++i) {
        Application a;
        a.id = fmt::format("a{:07x}", i);
        a.role = fmt::format("Role {}", i);
        a.source = Source::referral;
        a.via = "Dana Li";
        a.applied = Date(2026, 3, 1 + i);
        int rounds = static_cast<int>(rng() % 4);
        for (int k = 0; k < rounds; ++k) {
            Round r;
            r.id = fmt::format("r{:03x}{:04x}", i, k);
            r.date = Date(2026, 4, 1 + static_cast<int>(rng() % 28));
            r.kind = RoundKind::technical;
            r.interviewers = {{"Sam Park", "EM", "Sam Park", {}, {}}};
            r.questions = {{"Two sum", "two-sum", {}, {}}, {"Why us?", "", {}, {}}};
            Lesson l;
            l.id = fmt::format("l{:03x}{:04x}", i, k);
            l.text = "Ask about input sizes";
            l.tags = {"complexity"};
            r.lessons = {l};
            a.rounds.push_back(r);
        }
        c.applications.push_back(a);
    }
    return c;
}

PracticeRecord practice_record(std::mt19937& rng) {
    PracticeRecord r;
    r.problem = "two-sum";
    r.file = "practice/two-sum.yaml";
    int n = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) {
        Attempt a;
        a.id = fmt::format("{:08x}", 0xa0000000u + static_cast<unsigned>(i));
        a.started = fmt::format("2026-12-0{}T09:00:00+01:00", 1 + i);
        a.finished = fmt::format("2026-12-0{}T09:30:00+01:00", 1 + i);
        a.elapsed_minutes = 30;
        a.verdict = i % 2 ? "AC" : "WA";
        a.passed = 3;
        a.total = 4;
        a.runs = 2;
        a.language = "cpp";
        add_attempt(r, a, 20);
    }
    return r;
}

// Parses text as the record kind of rel and writes it back.
std::string rewrite(const std::string& rel, const std::string& text, Warnings& w) {
    if (rel.starts_with("companies/")) {
        Company c = parse_company(text, rel, rel, w);
        return to_yaml(c);
    }
    if (rel.starts_with("contacts/")) return to_yaml(parse_contact(text, rel, rel, w));
    if (rel.starts_with("events/")) return to_yaml(parse_event(text, rel, rel, w));
    if (rel.starts_with("lessons/")) return to_yaml(parse_lesson(text, rel, rel, w));
    return to_yaml(parse_practice(text, rel, rel, w));
}

} // namespace

TEST_CASE("hand-edited files of every kind keep every key and item when rewritten") {
    std::mt19937 rng(20261207);
    Contact p;
    p.name = "Zoë Ñúñez";
    p.company = "Acme";
    p.role = "Engineer";
    p.links = {"https://example.com/z"};
    p.notes = "From freeCodeCamp group";
    p.file = "contacts/zoe-nunez.yaml";
    Event e;
    e.name = "Coffee and code";
    e.date = Date(2026, 2, 4);
    e.kind = EventKind::coffee_and_code;
    e.met = {"Zoë Ñúñez", "Omar Said"};
    e.file = "events/2026-02-04-coffee-and-code.yaml";
    Lesson l;
    l.text = "Say the invariant out loud";
    l.tags = {"heap"};
    l.date = Date(2026, 3, 1);
    l.file = "lessons/2026-03-01-0a1b2c3d.yaml";

    int files = 0, unknown_keys = 0;
    for (uint32_t seed = 1; seed <= 400; ++seed) {
        HandEdits edits(seed);
        std::string rel, text;
        switch (seed % 5) {
        case 0:
            rel = "companies/acme.yaml";
            text = to_yaml(company(rng));
            break;
        case 1:
            rel = p.file;
            text = to_yaml(p);
            break;
        case 2:
            rel = e.file;
            text = to_yaml(e);
            break;
        case 3:
            rel = l.file;
            text = to_yaml(l);
            break;
        default:
            rel = "practice/two-sum.yaml";
            text = to_yaml(practice_record(rng));
            break;
        }
        Out tree = tree_of(text);
        edits.mutate(tree);
        std::string edited = yaml_write::emit(tree);
        INFO("seed " << seed << ", " << rel << ":\n" << edited);
        Warnings w;
        std::string again = rewrite(rel, edited, w);
        unknown_keys += static_cast<int>(w.size());
        CHECK(kept(edited, again) == "(no error)");
        // And writing it once more changes nothing.
        Warnings w2;
        CHECK(rewrite(rel, again, w2) == again);
        ++files;
    }
    CHECK(files == 400);
    CHECK(unknown_keys > 400); // the edits did reach the readers
}
