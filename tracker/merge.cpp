#include "merge.hpp"

#include "attempts.hpp"
#include "records.hpp"
#include "store.hpp"
#include "yaml_write.hpp"

#include "util/error.hpp"
#include "util/text.hpp"
#include "util/yaml_doc.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

namespace hired::tracker {

namespace {

using yaml_write::Out;

const char* side_name(Side s) {
    return s == Side::ours ? "ours" : "theirs";
}
Side other(Side s) {
    return s == Side::ours ? Side::theirs : Side::ours;
}

// Same content; how a scalar was written (plain or quoted) does not count.
bool same(const Out* a, const Out* b) {
    if (!a || !b) return !a && !b;
    if (a->kind != b->kind) return false;
    switch (a->kind) {
    case Out::Kind::null:
        return true;
    case Out::Kind::scalar:
        return a->text == b->text;
    case Out::Kind::sequence:
        if (a->items.size() != b->items.size()) return false;
        for (size_t i = 0; i < a->items.size(); ++i)
            if (!same(&a->items[i], &b->items[i])) return false;
        return true;
    case Out::Kind::map:
        if (a->entries.size() != b->entries.size()) return false;
        for (size_t i = 0; i < a->entries.size(); ++i)
            if (a->entries[i].first != b->entries[i].first ||
                !same(&a->entries[i].second, &b->entries[i].second))
                return false;
        return true;
    }
    return false;
}

const Out* find(const Out* map, const std::string& key) {
    if (!map || map->kind != Out::Kind::map) return nullptr;
    for (const auto& [k, v] : map->entries)
        if (k == key) return &v;
    return nullptr;
}

// The id of a list item that is a record ("id: 1f2e3d4c"), else "".
std::string id_of(const Out& item) {
    const Out* id = find(&item, "id");
    return id && id->kind == Out::Kind::scalar ? id->text : "";
}

// A list of records: every item a map with an id, no id twice.
bool is_record_list(const Out* seq) {
    if (!seq) return true;
    if (seq->kind != Out::Kind::sequence) return false;
    std::set<std::string> ids;
    for (const auto& item : seq->items) {
        std::string id = id_of(item);
        if (id.empty() || !ids.insert(id).second) return false;
    }
    return true;
}

const Out* item_by_id(const Out* seq, const std::string& id) {
    if (!seq) return nullptr;
    for (const auto& item : seq->items)
        if (id_of(item) == id) return &item;
    return nullptr;
}

// "applications" -> "application"
std::string singular(const std::string& key) {
    if (key.size() > 1 && key.back() == 's') return key.substr(0, key.size() - 1);
    return key;
}

// At most 40 bytes of s, cut on a character boundary and marked "...".
std::string clipped(std::string s) {
    if (s.size() <= 40) return s;
    size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    return s.substr(0, cut) + "...";
}

// How a value is shown in a conflict line: values come from files and may
// hold control characters, shown escaped (printable) like every message.
std::string shown(const Out* v) {
    if (!v || v->kind == Out::Kind::null) return "none";
    if (v->kind == Out::Kind::scalar) {
        std::string s = clipped(v->text.substr(0, v->text.find('\n')));
        if (v->text.find('\n') != std::string::npos && !s.ends_with("...")) s += "...";
        return s.empty() ? "\"\"" : printable(s);
    }
    if (v->kind == Out::Kind::sequence) {
        std::string s;
        for (const auto& item : v->items) {
            if (item.kind != Out::Kind::scalar) return fmt::format("a list of {}", v->items.size());
            s += (s.empty() ? "" : ", ") + item.text;
        }
        return "[" + printable(clipped(s)) + "]";
    }
    return "a map";
}

class TreeMerge {
public:
    TreeMerge(const std::string& path, Side prefer, FileMerge& out)
        : path_(path), prefer_(prefer), out_(out) {}

    // record: the innermost record ("round 1f2e3d4c"), field: the path inside it.
    std::optional<Out> value(const Out* b, const Out* o, const Out* t, const std::string& record,
                             const std::string& field) {
        if (same(o, t)) return copy(o);
        if (same(b, o)) return copy(t);
        if (same(b, t)) return copy(o);
        // Records leave out an empty list ("applications" of a company whose
        // last application was removed): a list one side emptied is absent
        // there, and its records must still meet the rule of removed ones
        // (edited on the other side: kept).
        static const Out empty_list = Out::sequence(false);
        if (b && b->kind == Out::Kind::sequence) {
            if (!o && t && t->kind == Out::Kind::sequence) o = &empty_list;
            if (!t && o && o->kind == Out::Kind::sequence) t = &empty_list;
        }
        if (o && t && o->kind == Out::Kind::map && t->kind == Out::Kind::map &&
            (!b || b->kind == Out::Kind::map))
            return map(b, o, t, record, field);
        if (o && t && o->kind == Out::Kind::sequence && t->kind == Out::Kind::sequence &&
            (!b || b->kind == Out::Kind::sequence)) {
            if (is_record_list(b) && is_record_list(o) && is_record_list(t))
                return records(b, o, t, singular(field.substr(field.rfind('.') + 1)));
            return set(b, o, t);
        }
        // The same field changed to different values on both sides.
        const Out* kept = prefer_ == Side::ours ? o : t;
        const Out* lost = prefer_ == Side::ours ? t : o;
        std::string where = record.empty() ? field : field.empty() ? record : record + " " + field;
        out_.conflicts.push_back(fmt::format("kept {} for {} {} ({}: {})", side_name(prefer_),
                                             path_, where, side_name(other(prefer_)),
                                             lost ? shown(lost) : "removed"));
        return copy(kept);
    }

    // Schedules in practice files are derived: no conflict, see merge_file.
    bool skip_schedule = false;
    Side schedule_side = Side::theirs;

private:
    static std::optional<Out> copy(const Out* v) {
        if (!v) return std::nullopt;
        return *v;
    }

    Out map(const Out* b, const Out* o, const Out* t, const std::string& record,
            const std::string& field) {
        Out m = Out::map();
        std::vector<std::string> keys;
        for (const auto& [k, v] : o->entries)
            keys.push_back(k);
        for (const auto& [k, v] : t->entries)
            if (!find(o, k) && !(b && find(b, k))) keys.push_back(k);
        // Keys theirs kept and ours removed come in their base position, roughly: at the end.
        for (const auto& [k, v] : t->entries)
            if (!find(o, k) && b && find(b, k)) keys.push_back(k);
        for (const auto& k : keys) {
            std::string sub = field.empty() ? k : field + "." + k;
            std::optional<Out> v;
            if (skip_schedule && record.empty() && field.empty() && k == "schedule") {
                const Out *bo = find(b, k), *oo = find(o, k), *to = find(t, k);
                if (same(oo, to) || same(bo, oo))
                    v = copy(to);
                else if (same(bo, to))
                    v = copy(oo);
                else
                    v = copy(schedule_side == Side::ours ? oo : to);
            } else {
                v = value(find(b, k), find(o, k), find(t, k), record, sub);
            }
            if (v) m.add(k, std::move(*v));
        }
        return m;
    }

    // Lists of records, merged by id.
    Out records(const Out* b, const Out* o, const Out* t, const std::string& kind) {
        Out seq = Out::sequence(false);
        std::vector<std::string> ids;
        std::set<std::string> seen;
        for (const Out* side : {o, t})
            if (side)
                for (const auto& item : side->items)
                    if (seen.insert(id_of(item)).second) ids.push_back(id_of(item));
        for (const auto& id : ids) {
            const Out *bi = item_by_id(b, id), *oi = item_by_id(o, id), *ti = item_by_id(t, id);
            std::string record = kind + " " + printable(id); // ids are text from files
            if (oi && ti) {
                if (auto v = value(bi, oi, ti, record, "")) seq.push(std::move(*v));
                continue;
            }
            Side has = oi ? Side::ours : Side::theirs;
            const Out* kept = oi ? oi : ti;
            if (!bi) { // added on one side
                (has == Side::ours ? out_.from_ours : out_.from_theirs).push_back(record);
                seq.push(*kept);
            } else if (!same(bi, kept)) { // removed on one side, edited on the other
                out_.conflicts.push_back(fmt::format("kept {}' edited {} in {} ({} removed it)",
                                                     side_name(has), record, path_,
                                                     side_name(other(has))));
                seq.push(*kept);
            } // else removed on one side, unchanged on the other: removed
        }
        return seq;
    }

    // Other lists, as sets: what one side added or removed, it added or removed.
    static Out set(const Out* b, const Out* o, const Out* t) {
        auto contains = [](const Out* seq, const Out& x) {
            if (!seq) return false;
            return std::any_of(seq->items.begin(), seq->items.end(),
                               [&](const Out& y) { return same(&x, &y); });
        };
        Out seq = Out::sequence(o->flow);
        for (const auto& x : o->items)
            if (!(contains(b, x) && !contains(t, x)) && !contains(&seq, x)) seq.push(x);
        for (const auto& x : t->items)
            if (!contains(b, x) && !contains(&seq, x)) seq.push(x);
        return seq;
    }

    const std::string& path_;
    Side prefer_;
    FileMerge& out_;
};

bool is_practice(const std::string& path) {
    return path.rfind(std::string(kPractice) + "/", 0) == 0 && path.ends_with(".yaml") &&
           path.find('/', kPractice.size() + 1) == std::string::npos;
}

// The latest `finished` among a practice file's attempts (0 when none).
int64_t last_attempt(const Out& doc) {
    int64_t last = 0;
    if (const Out* attempts = find(&doc, "attempts");
        attempts && attempts->kind == Out::Kind::sequence)
        for (const auto& a : attempts->items)
            if (const Out* f = find(&a, "finished"); f && f->kind == Out::Kind::scalar)
                last = std::max(last, parse_datetime(f->text).value_or(0));
    return last;
}

// The merged tree written as its record, in canonical form; throws
// Error(data) when the merge does not make a valid record.
std::string canonical(const std::string& path, const std::string& text) {
    Warnings w;
    const std::string label = path + " (merged)";
    if (is_practice(path)) {
        PracticeRecord r = parse_practice(text, label, path, w);
        std::stable_sort(r.attempts.begin(), r.attempts.end(),
                         [](const Attempt& x, const Attempt& y) {
                             return parse_datetime(x.finished).value_or(0) <
                                    parse_datetime(y.finished).value_or(0);
                         });
        // Replayed when every attempt knows its budget; otherwise the side
        // with the later last attempt gave the schedule.
        if (std::all_of(r.attempts.begin(), r.attempts.end(),
                        [](const Attempt& a) { return a.budget_minutes.has_value(); }))
            r.schedule = replay(r.attempts, 0);
        return to_yaml(r);
    }
    switch (record_kind(path)) {
    case RecordKind::company: {
        Company c = parse_company(text, label, path, w);
        for (auto& a : c.applications) {
            number_rounds(a);
            sort_rounds(a);
        }
        return to_yaml(c);
    }
    case RecordKind::contact:
        return to_yaml(parse_contact(text, label, path, w));
    case RecordKind::event:
        return to_yaml(parse_event(text, label, path, w));
    case RecordKind::lesson:
        return to_yaml(parse_lesson(text, label, path, w));
    case RecordKind::other:
        break;
    }
    return text;
}

bool is_record_file(const std::string& path) {
    return is_practice(path) || record_kind(path) != RecordKind::other;
}

// Whether tree holds a record (an item of a record list) anywhere.
bool holds_records(const Out& tree) {
    if (tree.kind == Out::Kind::map) {
        for (const auto& [k, v] : tree.entries)
            if (holds_records(v)) return true;
        return false;
    }
    if (tree.kind == Out::Kind::sequence) {
        if (!tree.items.empty() && is_record_list(&tree)) return true;
        for (const auto& item : tree.items)
            if (holds_records(item)) return true;
    }
    return false;
}

// tree without the items of its record lists whose ids are in base's lists
// at the same place: what is left of a file when the records one change
// put in it are taken out.
Out without_records_of(const Out& tree, const Out* base) {
    if (tree.kind == Out::Kind::map) {
        Out m = Out::map();
        for (const auto& [k, v] : tree.entries)
            m.add(k, without_records_of(v, find(base, k)));
        return m;
    }
    if (tree.kind == Out::Kind::sequence && is_record_list(&tree) && base && is_record_list(base)) {
        Out seq = Out::sequence(tree.flow);
        for (const auto& item : tree.items) {
            const Out* was = item_by_id(base, id_of(item));
            // A record the change put there goes, unless records were added
            // inside it since (a round in its application): then it stays.
            if (!was || holds_records(without_records_of(item, was))) seq.push(item);
        }
        return seq;
    }
    return tree;
}

} // namespace

FileMerge revert_file(const std::string& path, const std::optional<std::string>& changed,
                      const std::optional<std::string>& now,
                      const std::optional<std::string>& before) {
    if (now == changed) { // untouched since: simply as before
        FileMerge out;
        out.text = before;
        return out;
    }
    if (before || !now || !changed || !is_record_file(path)) {
        // A three-way merge in which the later state wins every conflict.
        FileMerge out = merge_file(path, changed, now, before, Side::ours);
        // Said the way undo means it: ours is the later state, theirs the
        // state before the change.
        static const std::pair<const char*, const char*> words[] = {
            {"kept ours' edited ", "kept the later edit of "},
            {"kept ours for ", "kept the later value of "},
            {"(theirs removed it)", "(the change being undone added it)"},
            {"(theirs: ", "(before the change: "},
            {"theirs differs", "it changed after the change"}};
        for (auto& c : out.conflicts)
            for (const auto& [from, to] : words)
                if (size_t at = c.find(from); at != std::string::npos)
                    c.replace(at, std::strlen(from), to);
        return out;
    }
    // The change created the file, and it changed since: take out only the
    // records the change put there.
    FileMerge out;
    try {
        Out c = yaml_write::from_node(*yaml::parse(*changed, path));
        Out n = yaml_write::from_node(*yaml::parse(*now, path));
        Out rest = without_records_of(n, &c);
        if (same(&rest, &n)) {
            out.text = now;
            out.conflicts.push_back(
                fmt::format("kept {}: it was edited, or records were added to it, since", path));
            return out;
        }
        out.text = canonical(path, yaml_write::emit(rest));
        out.conflicts.push_back(fmt::format(
            "kept {} without the change's records: it holds records added since", path));
    } catch (const Error& e) {
        out.text = now;
        out.conflicts.push_back(fmt::format("kept {}: {}", path, e.what()));
    }
    return out;
}

FileMerge merge_file(const std::string& path, const std::optional<std::string>& base,
                     const std::optional<std::string>& ours,
                     const std::optional<std::string>& theirs, Side prefer) {
    FileMerge out;
    if (ours == theirs || base == theirs) {
        out.text = ours;
        return out;
    }
    if (base == ours) {
        out.text = theirs;
        return out;
    }
    // Removed on one side, edited on the other: the edit is kept.
    if (!ours || !theirs) {
        Side has = ours ? Side::ours : Side::theirs;
        out.text = ours ? ours : theirs;
        out.conflicts.push_back(fmt::format("kept {}' edited {} ({} removed it)", side_name(has),
                                            path, side_name(other(has))));
        return out;
    }
    auto keep_ours = [&](const std::string& why) {
        out = FileMerge{};
        out.text = ours;
        out.conflicts.push_back(fmt::format("kept ours for {} ({})", path, why));
        return out;
    };
    if (!is_record_file(path)) return keep_ours("theirs differs");
    try {
        yaml::NodePtr b = base ? yaml::parse(*base, path) : nullptr;
        yaml::NodePtr o = yaml::parse(*ours, path);
        yaml::NodePtr t = yaml::parse(*theirs, path);
        if (!o->is_map() || !t->is_map() || (b && !b->is_map() && !b->is_null()))
            return keep_ours("not a record on both sides; theirs differs");
        Out bo = b && b->is_map() ? yaml_write::from_node(*b) : Out::map();
        Out oo = yaml_write::from_node(*o), to = yaml_write::from_node(*t);
        TreeMerge merge(path, prefer, out);
        if (is_practice(path)) {
            merge.skip_schedule = true;
            int64_t lo = last_attempt(oo), lt = last_attempt(to);
            merge.schedule_side = lo > lt ? Side::ours : lt > lo ? Side::theirs : prefer;
        }
        std::optional<Out> merged = merge.value(b && b->is_map() ? &bo : nullptr, &oo, &to, "", "");
        out.text = canonical(path, yaml_write::emit(merged ? *merged : Out::map()));
        return out;
    } catch (const Error& e) {
        return keep_ours(fmt::format("could not merge its records: {}", e.what()));
    }
}

} // namespace hired::tracker
