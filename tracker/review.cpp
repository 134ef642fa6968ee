#include "review.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace hired::tracker {

// ---- words and topics ------------------------------------------------------------

namespace {

// "Graphs" -> "graph": lowercase, a plain plural 's' dropped.
std::string norm_word(std::string w) {
    w = to_lower(w);
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u')
        w.pop_back();
    return w;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(norm_word(cur));
        cur.clear();
    };
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80)
            cur += ch;
        else
            flush();
    }
    flush();
    return out;
}

// "Two Pointers" / "two-pointers" -> "two-pointer".
std::string norm_tag(std::string_view tag) {
    return join(words_of(tag), "-");
}

// Common ways of saying a tag, normalised.
const std::vector<std::pair<std::string, std::string>>& synonyms() {
    static const std::vector<std::pair<std::string, std::string>> s = {
        {"dp", "dynamic-programming"},
        {"memoization", "dynamic-programming"},
        {"memoisation", "dynamic-programming"},
        {"hashmap", "hash-map"},
        {"hashtable", "hash-map"},
        {"hash-table", "hash-map"},
        {"dictionary", "hash-map"},
        {"dict", "hash-map"},
        {"priority-queue", "heap"},
        {"breadth-first", "bfs"},
        {"depth-first", "dfs"},
        {"shortest-path", "bfs"},
        {"linkedlist", "linked-list"},
        {"binary-tree", "tree"},
        {"sweep", "sweep-line"},
    };
    return s;
}

// Every word, word pair and word triple of text (normalised, '-' joined),
// and what the synonyms make of them.
std::set<std::string> phrases_of(std::string_view text) {
    auto w = words_of(text);
    std::set<std::string> out;
    for (size_t i = 0; i < w.size(); ++i) {
        out.insert(w[i]);
        if (i + 1 < w.size()) out.insert(w[i] + "-" + w[i + 1]);
        if (i + 2 < w.size()) out.insert(w[i] + "-" + w[i + 1] + "-" + w[i + 2]);
    }
    for (const auto& [from, to] : synonyms())
        if (out.count(from)) out.insert(to);
    return out;
}

bool has_tag(const std::vector<std::string>& tags, std::string_view tag) {
    std::string n = norm_tag(tag);
    return std::any_of(tags.begin(), tags.end(),
                       [&](const std::string& t) { return norm_tag(t) == n; });
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
    if (std::none_of(v.begin(), v.end(), [&](const std::string& x) { return iequals(x, s); }))
        v.push_back(s);
}

bool is_stop_word(const std::string& w) {
    static const std::set<std::string> stop = [] {
        std::set<std::string> s;
        for (const char* w :
             {"about",  "after", "again", "also",  "always", "and",   "asked", "before", "being",
              "could",  "does",  "each",  "every", "first",  "from",  "have",  "into",   "just",
              "last",   "like",  "make",  "more",  "most",   "never", "only",  "other",  "over",
              "should", "some",  "than",  "that",  "their",  "them",  "then",  "there",  "they",
              "this",   "what",  "when",  "where", "which",  "while", "with",  "would",  "your"})
            s.insert(norm_word(w)); // compared with normalised words
        return s;
    }();
    return w.size() < 4 || stop.count(w) > 0;
}

} // namespace

std::vector<std::string> topics_in(std::string_view text, const std::vector<std::string>& known) {
    auto phrases = phrases_of(text);
    std::vector<std::string> out;
    for (const auto& k : known) {
        std::string n = norm_tag(k);
        if (!n.empty() && phrases.count(n)) add_unique(out, k);
    }
    return out;
}

// ---- what to practise next -------------------------------------------------------

std::map<std::string, Tally> tag_tallies(const std::vector<practice::Problem>& bank,
                                         const PracticeIndex& records) {
    std::map<std::string, Tally> out;
    for (const auto& p : bank) {
        auto it = records.find(p.id);
        const PracticeRecord* r = it == records.end() ? nullptr : &it->second;
        for (const auto& t : p.tags) {
            Tally& x = out[t];
            ++x.total;
            if (!r || !r->attempted()) continue;
            ++x.attempted;
            if (r->solved()) ++x.solved;
            x.attempts += static_cast<int>(r->attempts.size());
            for (const auto& a : r->attempts)
                if (!a.accepted()) ++x.failures;
        }
    }
    return out;
}

double tag_weakness(const Tally& t) {
    if (t.attempted == 0) return 2.0;
    double unsolved = static_cast<double>(t.attempted - t.solved) / t.attempted;
    return unsolved + 1.0 / (1.0 + t.solved);
}

template <> std::span<const std::string_view> enum_names<NextKind>() {
    static constexpr std::string_view names[] = {"due", "new", "retry", "review"};
    return names;
}

std::vector<NextPick> practice_next(const std::vector<practice::Problem>& bank,
                                    const PracticeIndex& records, Date today,
                                    const std::optional<std::string>& tag) {
    auto tallies = tag_tallies(bank, records);
    std::vector<NextPick> due, fresh, retry, review;
    for (const auto& p : bank) {
        if (tag && !has_tag(p.tags, *tag)) continue;
        auto it = records.find(p.id);
        const PracticeRecord* r = it == records.end() ? nullptr : &it->second;
        NextPick pick;
        pick.problem = &p;
        pick.due = r ? r->due() : std::nullopt;
        if (is_due(r, today)) {
            pick.kind = NextKind::due;
            pick.reason = *pick.due < today ? fmt::format("due since {}", pick.due->str())
                                            : std::string("due today");
            due.push_back(pick);
        } else if (status_of(r) == PracticeStatus::fresh) {
            pick.kind = NextKind::fresh;
            pick.weakness = p.tags.empty() ? 1.0 : -1.0;
            for (const auto& t : p.tags) {
                double w = tag_weakness(tallies[t]);
                if (w > pick.weakness) {
                    pick.weakness = w;
                    pick.tag = t;
                }
            }
            if (pick.tag.empty()) {
                pick.reason = "new";
            } else {
                const Tally& t = tallies[pick.tag];
                pick.reason = t.attempted == 0
                                  ? fmt::format("new, weakest tag: {} (never practised)", pick.tag)
                                  : fmt::format("new, weakest tag: {} ({} of {} attempted solved)",
                                                pick.tag, t.solved, t.attempted);
            }
            fresh.push_back(pick);
        } else if (status_of(r) == PracticeStatus::attempted) {
            pick.kind = NextKind::retry;
            pick.reason = fmt::format("attempted {}, not solved yet", r->last()->day().str());
            retry.push_back(pick);
        } else {
            pick.kind = NextKind::review;
            pick.reason = pick.due ? fmt::format("solved; next review {}", pick.due->str())
                                   : std::string("solved");
            review.push_back(pick);
        }
    }
    auto by_id = [](const NextPick& a, const NextPick& b) { return a.problem->id < b.problem->id; };
    std::stable_sort(due.begin(), due.end(), [&](const NextPick& a, const NextPick& b) {
        if (*a.due != *b.due) return *a.due < *b.due;
        return by_id(a, b);
    });
    // New problems: weakest first, then easier first; within a group of equal
    // weakness and difficulty, a problem showing tags not yet shown goes first.
    std::stable_sort(fresh.begin(), fresh.end(), [&](const NextPick& a, const NextPick& b) {
        if (a.weakness != b.weakness) return a.weakness > b.weakness;
        if (a.problem->difficulty != b.problem->difficulty)
            return a.problem->difficulty < b.problem->difficulty;
        return by_id(a, b);
    });
    std::vector<NextPick> spread;
    std::set<std::string> shown;
    for (size_t i = 0; i < fresh.size();) {
        size_t j = i;
        while (j < fresh.size() && fresh[j].weakness == fresh[i].weakness &&
               fresh[j].problem->difficulty == fresh[i].problem->difficulty)
            ++j;
        std::vector<NextPick> group(fresh.begin() + static_cast<long>(i),
                                    fresh.begin() + static_cast<long>(j));
        while (!group.empty()) {
            auto fresh_tags = [&](const NextPick& p) {
                return std::none_of(
                    p.problem->tags.begin(), p.problem->tags.end(),
                    [&](const std::string& t) { return shown.count(to_lower(t)) > 0; });
            };
            auto it = std::find_if(group.begin(), group.end(), fresh_tags);
            if (it == group.end()) {
                shown.clear(); // every topic shown once: start another round
                it = group.begin();
            }
            for (const auto& t : it->problem->tags)
                shown.insert(to_lower(t));
            spread.push_back(*it);
            group.erase(it);
        }
        i = j;
    }
    std::stable_sort(retry.begin(), retry.end(), [&](const NextPick& a, const NextPick& b) {
        return records.at(a.problem->id).last()->day() < records.at(b.problem->id).last()->day();
    });
    std::stable_sort(review.begin(), review.end(), [&](const NextPick& a, const NextPick& b) {
        if (a.due != b.due) return a.due && (!b.due || *a.due < *b.due);
        return by_id(a, b);
    });
    std::vector<NextPick> out;
    for (auto* group : {&due, &spread, &retry, &review})
        out.insert(out.end(), group->begin(), group->end());
    return out;
}

// ---- lessons -------------------------------------------------------------------------

int lesson_score(const LessonFacts& l, const LessonQuery& q, std::vector<std::string>* reasons) {
    int score = 0;
    auto add = [&](int points, std::string why) {
        score += points;
        if (reasons) reasons->push_back(fmt::format("{} +{}", why, points));
    };
    if (!q.company.empty() && iequals(l.lesson.source.company, q.company)) add(5, "this company");
    if (q.kind && l.round_kind && *l.round_kind == *q.kind)
        add(3, fmt::format("{} round", to_string(*q.kind)));
    std::vector<std::string> seen;
    for (const auto& t : l.lesson.tags) {
        if (!has_tag(q.tags, t) || has_tag(seen, t)) continue;
        seen.push_back(t);
        add(2, fmt::format("tag {}", t));
    }
    if (l.round_outcome && *l.round_outcome == Outcome::failed) add(2, "failed round");
    if (l.lesson.date) {
        int64_t age = days_between(*l.lesson.date, q.today);
        if (age <= 30)
            add(2, "recent");
        else if (age <= 180)
            add(1, "this half-year");
    }
    return score;
}

std::vector<RankedLesson> rank_lessons(std::vector<LessonFacts> lessons, const LessonQuery& q) {
    std::vector<RankedLesson> out;
    out.reserve(lessons.size());
    for (auto& l : lessons) {
        RankedLesson r;
        r.score = lesson_score(l, q, &r.reasons);
        r.facts = std::move(l);
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const RankedLesson& a, const RankedLesson& b) {
        if (a.score != b.score) return a.score > b.score;
        const auto& da = a.facts.lesson.date;
        const auto& db = b.facts.lesson.date;
        if (da != db) return da && (!db || *da > *db);
        return a.facts.lesson.text < b.facts.lesson.text;
    });
    return out;
}

std::vector<LessonFacts> lesson_facts(const std::vector<Company>& companies,
                                      const std::vector<Lesson>& standalone) {
    std::vector<LessonFacts> out;
    for (const auto& l : standalone) {
        LessonFacts f;
        f.lesson = l;
        if (!l.source.round.empty())
            for (const auto& c : companies)
                for (const auto& a : c.applications)
                    for (const auto& r : a.rounds)
                        if (r.id == l.source.round) {
                            f.round_kind = r.kind;
                            f.round_outcome = r.outcome;
                            f.round_label = r.label();
                        }
        out.push_back(std::move(f));
    }
    for (const auto& c : companies)
        for (const auto& a : c.applications)
            for (const Round* r : a.by_number())
                for (const auto& l : r->lessons) {
                    LessonFacts f;
                    f.lesson = l;
                    if (f.lesson.source.company.empty())
                        f.lesson.source = LessonSource{c.name, a.id, r->id, ""};
                    if (!f.lesson.date) f.lesson.date = r->date;
                    f.round_kind = r->kind;
                    f.round_outcome = r->outcome;
                    f.round_label = r->label();
                    out.push_back(std::move(f));
                }
    return out;
}

// ---- the briefing ----------------------------------------------------------------------

namespace {

struct Asked {
    const Question* question;
    std::string where; // "Acme, technical #2"
};

std::vector<ProblemPick> suggest(const std::vector<practice::Problem>& bank,
                                 const PracticeIndex& practice, Date today,
                                 const std::vector<Asked>& asked,
                                 const std::vector<const Lesson*>& lessons,
                                 const std::vector<std::string>& focus) {
    std::string text;
    std::vector<std::string> lesson_tags;
    for (const auto& a : asked)
        text += a.question->text + "\n";
    for (const Lesson* l : lessons) {
        text += l->text + "\n";
        for (const auto& t : l->tags)
            add_unique(lesson_tags, t);
    }
    auto phrases = phrases_of(text);
    std::set<std::string> words;
    for (auto& w : words_of(text))
        words.insert(w);

    std::vector<ProblemPick> out;
    for (const auto& p : bank) {
        ProblemPick pick;
        pick.problem = &p;
        std::vector<std::string> where, by_lesson, by_text, by_focus, by_title;
        for (const auto& a : asked)
            if (a.question->problem == p.id) {
                pick.score += 10;
                add_unique(where, a.where);
            }
        for (const auto& t : lesson_tags)
            if (has_tag(p.tags, t)) {
                pick.score += 3;
                add_unique(by_lesson, t);
            }
        for (const auto& t : p.tags)
            if (phrases.count(norm_tag(t))) {
                pick.score += 2;
                add_unique(by_text, t);
            }
        for (const auto& t : focus)
            if (has_tag(p.tags, t)) {
                pick.score += 2;
                add_unique(by_focus, t);
            }
        std::set<std::string> title_hits;
        for (const auto& w : words_of(p.title))
            if (!is_stop_word(w) && words.count(w) && title_hits.insert(w).second) {
                pick.score += 1;
                by_title.push_back(w);
            }
        for (const auto& w : where)
            pick.reasons.push_back("asked at " + w);
        auto reason = [&](const char* one, const char* many, const std::vector<std::string>& v) {
            if (!v.empty())
                pick.reasons.push_back(
                    fmt::format("{}: {}", v.size() == 1 ? one : many, join(v, ", ")));
        };
        reason("lesson tag", "lesson tags", by_lesson);
        reason("topic", "topics", by_text);
        reason("focus", "focus", by_focus);
        reason("title word", "title words", by_title);
        if (pick.score == 0) continue;
        auto it = practice.find(p.id);
        const PracticeRecord* r = it == practice.end() ? nullptr : &it->second;
        pick.due = is_due(r, today);
        pick.due_date = r ? r->due() : std::nullopt;
        pick.status = status_of(r);
        if (pick.due)
            pick.reasons.insert(pick.reasons.begin(),
                                *pick.due_date < today
                                    ? fmt::format("due since {}", pick.due_date->str())
                                    : std::string("due today"));
        out.push_back(std::move(pick));
    }
    std::stable_sort(out.begin(), out.end(), [](const ProblemPick& a, const ProblemPick& b) {
        if (a.due != b.due) return a.due;
        if (a.due && a.due_date != b.due_date) return *a.due_date < *b.due_date;
        if (a.score != b.score) return a.score > b.score;
        bool sa = a.status == PracticeStatus::solved, sb = b.status == PracticeStatus::solved;
        if (sa != sb) return sb;
        if (a.problem->difficulty != b.problem->difficulty)
            return a.problem->difficulty < b.problem->difficulty;
        return a.problem->id < b.problem->id;
    });
    return out;
}

} // namespace

Briefing brief(const JournalView& view, const std::vector<practice::Problem>& bank,
               const PracticeIndex& practice, const BriefingQuery& q) {
    Briefing b;
    const Company* company = nullptr;
    if (!q.company.empty())
        for (const auto& c : view.companies)
            if (iequals(c.name, q.company)) company = &c;
    if (company) b.company = *company;

    // Rounds: upcoming (today or later) and past.
    std::vector<Asked> asked;
    if (company) {
        for (const auto& a : company->applications)
            for (const Round* r : a.by_number()) {
                RoundView v{a.role, *r};
                if (r->date && *r->date >= q.today)
                    b.upcoming.push_back(std::move(v));
                else
                    b.past.push_back(std::move(v));
                for (const auto& qu : r->questions)
                    asked.push_back({&qu, fmt::format("{}, {}", company->name, r->label())});
            }
        std::stable_sort(
            b.upcoming.begin(), b.upcoming.end(),
            [](const RoundView& x, const RoundView& y) { return *x.round.date < *y.round.date; });
        std::stable_sort(b.past.begin(), b.past.end(), [](const RoundView& x, const RoundView& y) {
            if (x.round.date != y.round.date)
                return x.round.date && (!y.round.date || *x.round.date < *y.round.date);
            return x.round.number < y.round.number;
        });
    }

    // What the next round is about.
    std::vector<std::string> known;
    for (const auto& p : bank)
        for (const auto& t : p.tags)
            add_unique(known, t);
    for (const auto& l : view.standalone_lessons)
        for (const auto& t : l.tags)
            add_unique(known, t);
    b.focus_kind = q.kind;
    if (!b.upcoming.empty()) {
        const Round& next = b.upcoming.front().round;
        if (!b.focus_kind) {
            b.focus_kind = next.kind;
            b.kind_from_next_round = true;
        }
        std::string text = next.notes;
        for (const auto& qu : next.questions) {
            text += "\n" + qu.text;
            for (const auto& p : bank)
                if (p.id == qu.problem)
                    for (const auto& t : p.tags)
                        add_unique(b.topics, t);
        }
        for (const auto& t : topics_in(text, known))
            add_unique(b.topics, t);
    }
    for (const auto& t : q.tags)
        add_unique(b.focus_tags, t);
    for (const auto& t : b.topics)
        add_unique(b.focus_tags, t);

    // Lessons: the stand-alone ones and those of the rounds read.
    std::vector<Company> companies = company ? std::vector<Company>{*company} : view.companies;
    LessonQuery lq{company ? company->name : std::string(), b.focus_kind, b.focus_tags, q.today};
    b.lessons = rank_lessons(lesson_facts(companies, view.standalone_lessons), lq);

    // Contacts at the company, and whoever referred or interviewed the user there.
    if (company) {
        for (const auto& c : view.contacts) {
            ContactView v;
            v.contact = c;
            for (const auto& a : company->applications) {
                if (!a.via.empty() && iequals(a.via, c.name)) add_unique(v.referred, a.role);
                for (const Round* r : a.by_number())
                    for (const auto& iv : r->interviewers)
                        if (iequals(iv.contact.empty() ? iv.name : iv.contact, c.name))
                            add_unique(v.interviewed, r->label());
            }
            if (!iequals(c.company, company->name) && v.referred.empty() && v.interviewed.empty())
                continue;
            for (const auto& e : view.events)
                if (e.id() == c.met_at) v.met_event = e;
            b.contacts.push_back(std::move(v));
        }
    }

    // Problems from the topics of the questions and the lessons that matter here.
    std::vector<const Lesson*> topical;
    for (const auto& r : b.lessons) {
        const Lesson& l = r.facts.lesson;
        bool here = company && iequals(l.source.company, company->name);
        bool kind = !company && q.kind && r.facts.round_kind == q.kind;
        bool tagged = std::any_of(l.tags.begin(), l.tags.end(),
                                  [&](const std::string& t) { return has_tag(b.focus_tags, t); });
        bool everything = !company && !q.kind && q.tags.empty();
        if (here || kind || tagged || everything) topical.push_back(&l);
    }
    if (!company && q.kind)
        for (const auto& c : view.companies)
            for (const auto& a : c.applications)
                for (const auto& r : a.rounds)
                    if (r.kind == *q.kind)
                        for (const auto& qu : r.questions)
                            asked.push_back({&qu, fmt::format("{}, {}", c.name, r.label())});
    b.problems = suggest(bank, practice, q.today, asked, topical, b.focus_tags);
    if (b.problems.empty()) {
        b.problems_fallback = true;
        for (const auto& n : practice_next(bank, practice, q.today)) {
            if (b.problems.size() == 5) break;
            ProblemPick p;
            p.problem = n.problem;
            p.due = n.kind == NextKind::due;
            p.due_date = n.due;
            auto it = practice.find(n.problem->id);
            p.status = status_of(it == practice.end() ? nullptr : &it->second);
            p.reasons.push_back(n.reason);
            b.problems.push_back(std::move(p));
        }
    }
    return b;
}

} // namespace hired::tracker
