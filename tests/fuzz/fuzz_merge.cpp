// Fuzz target: the three-way merge of sync (tracker/merge.hpp merge_file).
//
// The bytes build a record file rather than being one: a company with
// applications, rounds and round lessons, or a practice file with attempts,
// as the merge base; then two sets of edits (add, remove, change, reorder,
// hand-written extra keys) make ours and theirs; each is written as hired
// writes it, and sometimes one side removes the file or there is no base.
// Random bytes would rarely get past the YAML reader; this way every run
// reaches the record-by-record merge.
//
// Properties: the merged file reads as its record kind; no record (an
// application, round, lesson or attempt, by id) present on either side is
// lost, unless it was in the base, the other side removed it, and the side
// that has it left it as it was in the base; the file itself is removed
// only when one side removed it and the other left it unchanged.
#include "fuzz_support.hpp"

#include "tracker/attempts.hpp"
#include "tracker/merge.hpp"
#include "tracker/store.hpp"

#include "util/yaml_doc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace tr = hired::tracker;
namespace yaml = hired::yaml;
using hired::fuzz::Bytes;
using hired::fuzz::require;

namespace {

// Small pools, so that the two sides often touch the same records.
const char* const kIds[] = {"0a0a0a01", "0b0b0b02", "0c0c0c03", "0d0d0d04", "0e0e0e05", "0f0f0f06"};
const char* const kWords[] = {
    "Backend Engineer", "SRE",   "notes",       "x",   "",      "Follow up", "a: b",
    "multi\nline\n",    "#hash", "quote \"q\"", "Zoë", "- dash"};
const char* const kDays[] = {"2026-01-02", "2026-01-05", "2026-02-10", "2026-02-11", "2025-12-31"};
const char* const kTimes[] = { // in time order"2026-01-02T09:00:00+01:00", "2026-01-02T10:30:00Z",
    "2026-01-03T08:00:00-05:00", "2026-01-05T12:00:00+02:00"};

std::string word(Bytes& b) {
    if (b.pick(8) == 0) return b.text(12); // anything, even bytes that are not UTF-8
    return kWords[b.pick(std::size(kWords))];
}
std::string id(Bytes& b) {
    return kIds[b.pick(std::size(kIds))];
}
std::optional<tr::Date> day(Bytes& b) {
    if (b.pick(3) == 0) return std::nullopt;
    return tr::Date::parse(kDays[b.pick(std::size(kDays))]);
}
template <typename E> E any_of(Bytes& b) {
    return static_cast<E>(b.pick(static_cast<unsigned>(tr::enum_names<E>().size())));
}
// An id not yet used in the list.
template <typename T> std::optional<std::string> fresh_id(Bytes& b, const std::vector<T>& list) {
    std::string i = id(b);
    for (const auto& x : list)
        if (x.id == i) return std::nullopt;
    return i;
}

// A hand-written key the schema does not know, kept through every write.
void extra(Bytes& b, tr::Extra& e) {
    static const char* const values[] = {"kept", "[a, b]", "{k: v}", "\"quoted\"", "1"};
    std::string key = fmt::format("custom{}", b.pick(3));
    for (const auto& [k, v] : e)
        if (k == key) return;
    e.emplace_back(key, yaml::parse(values[b.pick(std::size(values))], "extra"));
}

tr::Lesson lesson(Bytes& b, std::string lesson_id) {
    tr::Lesson l;
    l.id = std::move(lesson_id);
    l.text = b.coin() ? "Say the brute force first" : word(b);
    if (l.text.empty()) l.text = "t";
    if (b.coin()) l.tags = {b.coin() ? "graphs" : "dp"};
    return l;
}

tr::Round round(Bytes& b, std::string round_id) {
    tr::Round r;
    r.id = std::move(round_id);
    r.date = day(b);
    r.kind = any_of<tr::RoundKind>(b);
    r.outcome = any_of<tr::Outcome>(b);
    if (b.coin()) r.notes = word(b);
    if (b.coin()) r.questions.push_back(tr::Question{word(b), "", {}, {}});
    for (unsigned n = b.pick(3); n > 0; --n)
        if (auto i = fresh_id(b, r.lessons)) r.lessons.push_back(lesson(b, *i));
    return r;
}

tr::Application application(Bytes& b, std::string app_id) {
    tr::Application a;
    a.id = std::move(app_id);
    a.role = b.coin() ? "Backend Engineer" : "SRE";
    a.status = any_of<tr::Status>(b);
    a.applied = day(b);
    if (b.coin()) a.notes = word(b);
    for (unsigned n = b.pick(4); n > 0; --n)
        if (auto i = fresh_id(b, a.rounds)) a.rounds.push_back(round(b, *i));
    return a;
}

template <typename T> void remove_at(std::vector<T>& v, Bytes& b) {
    if (!v.empty()) v.erase(v.begin() + b.pick(static_cast<unsigned>(v.size())));
}
template <typename T> T* some(std::vector<T>& v, Bytes& b) {
    return v.empty() ? nullptr : &v[b.pick(static_cast<unsigned>(v.size()))];
}

void edit(tr::Company& c, Bytes& b) {
    for (unsigned n = b.pick(5); n > 0; --n) {
        tr::Application* a = some(c.applications, b);
        tr::Round* r = a ? some(a->rounds, b) : nullptr;
        switch (b.pick(14)) {
        case 0:
            if (auto i = fresh_id(b, c.applications)) c.applications.push_back(application(b, *i));
            break;
        case 1:
            remove_at(c.applications, b);
            break;
        case 2:
            if (a) a->status = any_of<tr::Status>(b);
            break;
        case 3:
            if (a) a->notes = word(b);
            break;
        case 4:
            if (a)
                if (auto i = fresh_id(b, a->rounds)) a->rounds.push_back(round(b, *i));
            break;
        case 5:
            if (a) remove_at(a->rounds, b);
            break;
        case 6:
            if (r) r->outcome = any_of<tr::Outcome>(b);
            break;
        case 7:
            if (r) r->date = day(b);
            break;
        case 8:
            if (r)
                if (auto i = fresh_id(b, r->lessons)) r->lessons.push_back(lesson(b, *i));
            break;
        case 9:
            if (r) remove_at(r->lessons, b);
            break;
        case 10:
            if (r && !r->lessons.empty())
                some(r->lessons, b)->text = b.coin() ? "edited" : "Sleep well";
            break;
        case 11:
            if (b.coin())
                c.tags.push_back(b.coin() ? "remote" : "fintech");
            else if (!c.tags.empty())
                c.tags.erase(c.tags.begin());
            break;
        case 12:
            if (c.applications.size() > 1) std::swap(c.applications.front(), c.applications.back());
            break;
        default:
            extra(b, r ? r->extra : a ? a->extra : c.extra);
            break;
        }
    }
}

tr::Attempt attempt(Bytes& b, std::string attempt_id) {
    tr::Attempt a;
    a.id = std::move(attempt_id);
    // kTimes is in time order: started is never after finished.
    unsigned from = b.pick(std::size(kTimes)), to = b.pick(std::size(kTimes));
    a.started = kTimes[std::min(from, to)];
    a.finished = kTimes[std::max(from, to)];
    a.elapsed_minutes = static_cast<int>(b.pick(60));
    if (b.coin()) a.budget_minutes = 20;
    static const char* const verdicts[] = {"AC", "WA", "TLE", "none"};
    a.verdict = verdicts[b.pick(4)];
    a.passed = static_cast<int>(b.pick(5));
    a.total = 5;
    a.runs = static_cast<int>(b.pick(4));
    if (b.coin()) a.rating = static_cast<hired::practice::Rating>(b.pick(4));
    if (b.coin()) a.note = word(b);
    return a;
}

void edit(tr::PracticeRecord& p, Bytes& b) {
    for (unsigned n = b.pick(4); n > 0; --n) {
        switch (b.pick(5)) {
        case 0:
        case 1:
            if (auto i = fresh_id(b, p.attempts)) p.attempts.push_back(attempt(b, *i));
            break;
        case 2:
            remove_at(p.attempts, b);
            break;
        case 3:
            if (auto* a = some(p.attempts, b)) a->note = word(b);
            break;
        default:
            extra(b, p.extra);
            break;
        }
    }
}

// ---- checking ----------------------------------------------------------------------

// Same content, as the merge compares (quoting does not count).
bool same(const yaml::Node& a, const yaml::Node& b) {
    if (a.kind != b.kind || a.value != b.value || a.items.size() != b.items.size() ||
        a.entries.size() != b.entries.size())
        return false;
    for (size_t i = 0; i < a.items.size(); ++i)
        if (!same(*a.items[i], *b.items[i])) return false;
    for (size_t i = 0; i < a.entries.size(); ++i)
        if (!same(*a.entries[i].first, *b.entries[i].first) ||
            !same(*a.entries[i].second, *b.entries[i].second))
            return false;
    return true;
}

// Every record with an id in a file, by its chain of ids ("app/round/lesson").
using Records = std::map<std::string, const yaml::Node*>;
void collect(const yaml::Node& n, const std::string& chain, Records& out, int depth) {
    if (!n.is_map() || depth > 4) return;
    for (const auto& [k, v] : n.entries) {
        if (!k->is_scalar() || !v->is_sequence()) continue;
        if (k->value != "applications" && k->value != "rounds" && k->value != "lessons" &&
            k->value != "attempts")
            continue;
        for (const auto& item : v->items) {
            const yaml::Node* i = item->find("id");
            if (!i || !i->is_scalar()) continue;
            std::string sub = chain + "/" + k->value + ":" + i->value;
            out.emplace(sub, item.get());
            collect(*item, sub, out, depth + 1);
        }
    }
}

Records records(const std::optional<std::string>& text, std::vector<yaml::NodePtr>& keep) {
    Records out;
    if (!text) return out;
    keep.push_back(yaml::parse(*text, "side"));
    collect(*keep.back(), "", out, 0);
    return out;
}

std::string parent(const std::string& chain) {
    return chain.substr(0, chain.rfind('/'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Bytes b(data, size);
    const bool practice = b.coin();
    const std::string path = practice ? "practice/two-sum.yaml" : "companies/acme.yaml";
    std::optional<std::string> texts[3]; // base, ours, theirs
    try {
        if (practice) {
            tr::PracticeRecord base;
            base.problem = "two-sum";
            base.file = path;
            for (unsigned n = b.pick(4); n > 0; --n)
                if (auto i = fresh_id(b, base.attempts)) base.attempts.push_back(attempt(b, *i));
            tr::PracticeRecord ours = base, theirs = base;
            edit(ours, b);
            edit(theirs, b);
            texts[0] = tr::to_yaml(base);
            texts[1] = tr::to_yaml(ours);
            texts[2] = tr::to_yaml(theirs);
        } else {
            tr::Company base;
            base.name = "Acme";
            base.file = path;
            if (b.coin()) base.notes = word(b);
            for (unsigned n = b.pick(4); n > 0; --n)
                if (auto i = fresh_id(b, base.applications))
                    base.applications.push_back(application(b, *i));
            tr::Company ours = base, theirs = base;
            edit(ours, b);
            edit(theirs, b);
            texts[0] = tr::to_yaml(base);
            texts[1] = tr::to_yaml(ours);
            texts[2] = tr::to_yaml(theirs);
        }
    } catch (const hired::Error&) {
        return 0; // text the writer refuses (not UTF-8): no file to merge
    }
    // Only records hired would accept (the generator can make others: a
    // round before its application, say): their merge must read too.
    for (const auto& t : texts) {
        try {
            tr::Warnings w;
            if (practice)
                tr::parse_practice(*t, "side", path, w);
            else
                tr::parse_company(*t, "side", path, w);
        } catch (const hired::Error&) {
            return 0;
        }
    }
    switch (b.pick(8)) {
    case 0:
        texts[0].reset();
        break; // both sides made the file
    case 1:
        texts[1].reset();
        break; // ours removed it
    case 2:
        texts[2].reset();
        break; // theirs removed it
    default:
        break;
    }
    const tr::Side prefer = b.coin() ? tr::Side::ours : tr::Side::theirs;

    tr::FileMerge m = tr::merge_file(path, texts[0], texts[1], texts[2], prefer);

    std::vector<yaml::NodePtr> keep;
    const Records base = records(texts[0], keep), ours = records(texts[1], keep),
                  theirs = records(texts[2], keep);
    auto context = [&] {
        std::string s;
        const char* names[] = {"base", "ours", "theirs"};
        for (int i = 0; i < 3; ++i)
            s += fmt::format("\n--- {}:\n{}", names[i], texts[i] ? *texts[i] : "(none)\n");
        s += fmt::format("--- merged:\n{}", m.text ? *m.text : "(removed)\n");
        for (const auto& c : m.conflicts)
            s += "conflict: " + c + "\n";
        return s;
    };

    if (!m.text) {
        bool allowed = (!texts[1] && texts[2] == texts[0]) || (!texts[2] && texts[1] == texts[0]) ||
                       (!texts[1] && !texts[2]);
        require(allowed, "the merge removed a file that a side changed" + context());
        return 0;
    }
    try {
        tr::Warnings w;
        if (practice)
            tr::parse_practice(*m.text, "merged", path, w);
        else
            tr::parse_company(*m.text, "merged", path, w);
    } catch (const hired::Error& e) {
        hired::fuzz::violated(std::string("the merged file does not read: ") + e.what() +
                              context());
    }
    const Records merged = records(m.text, keep);
    for (const Records* side : {&ours, &theirs}) {
        const Records& other = side == &ours ? theirs : ours;
        for (const auto& [chain, node] : *side) {
            if (merged.count(chain)) continue;
            // Its parent record is gone: that loss is judged at the parent.
            if (chain.find('/', 1) != std::string::npos && !merged.count(parent(chain))) continue;
            auto in_base = base.find(chain);
            bool allowed =
                in_base != base.end() && !other.count(chain) && same(*node, *in_base->second);
            require(allowed, "the merge lost " + chain + context());
        }
    }
    for (const auto& c : m.conflicts)
        require(hired::fuzz::printable_text(c),
                "raw bytes in a conflict line: " + hired::printable(c));
    return 0;
}
