#include "attempts.hpp"

#include "keep.hpp"
#include "record_reader.hpp"

#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <ctime>
#include <set>

namespace hired::tracker {

using yaml_write::Out;

// ---- date-times ----------------------------------------------------------------

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::optional<int64_t> parse_datetime(std::string_view s) {
    if (s.size() < 17 || s.size() > 40) return std::nullopt;
    auto day = Date::parse(s.substr(0, 10));
    if (!day) return std::nullopt;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    size_t p = 11;
    if (!digits(s, p, 2, hh) || p + 2 >= s.size() || s[p + 2] != ':' || !digits(s, p + 3, 2, mm))
        return std::nullopt;
    p += 5;
    if (p < s.size() && s[p] == ':') {
        if (!digits(s, p + 1, 2, ss)) return std::nullopt;
        p += 3;
        if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
            size_t q = p + 1;
            while (q < s.size() && s[q] >= '0' && s[q] <= '9')
                ++q;
            if (q == p + 1) return std::nullopt;
            p = q;
        }
    }
    if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    if (p >= s.size()) return std::nullopt; // the offset is required
    int offset = 0;
    if (s[p] == 'Z' || s[p] == 'z') {
        ++p;
    } else if (s[p] == '+' || s[p] == '-') {
        int sign = s[p] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(s, p + 1, 2, oh)) return std::nullopt;
        size_t q = p + 3;
        if (q < s.size() && s[q] == ':') ++q;
        if (!digits(s, q, 2, om)) return std::nullopt;
        if (oh > 23 || om > 59) return std::nullopt;
        offset = sign * (oh * 3600 + om * 60);
        p = q + 2;
    } else {
        return std::nullopt;
    }
    if (p != s.size()) return std::nullopt;
    return day->days() * 86400 + hh * 3600 + mm * 60 + ss - offset;
}

std::string local_datetime(int64_t epoch_seconds) {
    std::time_t t = static_cast<std::time_t>(epoch_seconds);
    std::tm local{};
    localtime_r(&t, &local);
    long off = local.tm_gmtoff;
    char sign = off < 0 ? '-' : '+';
    off = off < 0 ? -off : off;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", local.tm_year + 1900,
                       local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec,
                       sign, off / 3600, (off % 3600) / 60);
}

// ---- records -------------------------------------------------------------------

Date Attempt::day() const {
    if (auto d = Date::parse(std::string_view(finished).substr(0, 10))) return *d;
    if (auto d = Date::parse(std::string_view(started).substr(0, 10))) return *d;
    return Date();
}

bool PracticeRecord::solved() const {
    return std::any_of(attempts.begin(), attempts.end(),
                       [](const Attempt& a) { return a.accepted(); });
}

std::optional<Date> PracticeRecord::due() const {
    if (!schedule.due) return std::nullopt;
    return Date::from_days(*schedule.due);
}

namespace {
constexpr std::array<std::string_view, 8> kVerdicts = {"AC", "WA",  "TLE", "MLE",
                                                       "RE", "OLE", "CE",  "none"};
}

bool is_verdict(std::string_view v) {
    return std::find(kVerdicts.begin(), kVerdicts.end(), v) != kVerdicts.end();
}

std::string practice_path(std::string_view problem) {
    if (!is_safe_id(problem))
        fail(Exit::data, "'{}' is not a problem id (lowercase letters, digits and '-')", problem);
    return fmt::format("{}/{}.yaml", kPractice, problem);
}

namespace {

using Reader = RecordReader;

// A date-time field; raw keeps the text as written.
std::optional<int64_t> read_datetime(Reader& r, std::string_view key, std::string& raw, bool required) {
    const yaml::Node* n = required ? &r.require(key) : r.get(key);
    if (!n) return std::nullopt;
    raw = yaml::as_string(*n, r.file(), key);
    auto t = parse_datetime(raw);
    if (!t)
        r.error_at(*n, fmt::format("'{}' must be a date and time like 2026-12-02T09:14:05+01:00 "
                                   "(or ...Z), got '{}'",
                                   key, raw));
    return t;
}

Attempt attempt_from(const yaml::Node& n, const std::string& label, Warnings& w) {
    if (!n.is_map())
        fail_at(label, n.mark.line, n.mark.column,
                "an attempt must be a map (id:, started:, finished:, ...), not {}", n.kind_name());
    Reader r(n, label, "an attempt");
    Attempt a;
    a.id = r.text("id");
    if (!a.id.empty() && !is_safe_id(a.id))
        r.error_at(*n.find("id"),
                   fmt::format("'id' must be letters and digits (like 3fa9c2d1), got '{}'", a.id));
    auto started = read_datetime(r, "started", a.started, false);
    auto finished = read_datetime(r, "finished", a.finished, true);
    if (started && finished && *started > *finished)
        r.error_at(*n.find("started"), "'started' is after 'finished'");
    if (auto m = r.integer("elapsed_minutes", 0, 100000))
        a.elapsed_minutes = static_cast<int>(*m);
    else if (started && finished)
        a.elapsed_minutes = static_cast<int>((*finished - *started + 30) / 60);
    if (auto b = r.integer("budget_minutes", 1, 100000)) a.budget_minutes = static_cast<int>(*b);
    if (const yaml::Node* v = r.get("verdict")) {
        std::string s = yaml::as_string(*v, label, "verdict");
        std::string norm = iequals(s, "none") ? std::string("none") : upper(s);
        if (!is_verdict(norm))
            r.error_at(
                *v,
                fmt::format(
                    "'verdict' must be one of AC, WA, TLE, MLE, RE, OLE, CE or none, got '{}'", s));
        a.verdict = norm;
    }
    if (auto p = r.integer("passed", 0, 1000000)) a.passed = static_cast<int>(*p);
    if (auto t = r.integer("total", 0, 1000000)) a.total = static_cast<int>(*t);
    if (a.passed > a.total && a.total > 0)
        r.error_at(*n.find("passed"), "'passed' is more than 'total'");
    if (auto k = r.integer("runs", 0, 1000000)) a.runs = static_cast<int>(*k);
    if (auto c = r.number("cpu_ms", 0, 1e9)) a.cpu_ms = *c;
    a.language = r.text("language");
    if (const yaml::Node* v = r.get("rating")) {
        std::string s = yaml::as_string(*v, label, "rating");
        a.rating = practice::parse_rating(s);
        if (!a.rating)
            r.error_at(*v, fmt::format("'rating' must be again, hard, good or easy, got '{}'", s));
    }
    a.note = r.text("note");
    a.extra = r.finish(w);
    a.where = r.where;
    return a;
}

} // namespace

PracticeRecord practice_from(const yaml::Node& doc, const std::string& label,
                             const std::string& rel, Warnings& w) {
    if (!doc.is_map())
        fail_at(label, std::max(1, doc.mark.line), std::max(1, doc.mark.column),
                "a practice file must be a map ('problem: ...', 'attempts: ...'), not {}",
                doc.is_null() ? "empty" : doc.kind_name());
    Reader r(doc, label, "a practice file");
    PracticeRecord p;
    p.file = rel;
    const yaml::Node* id = r.get("problem");
    if (!id) r.fields().error_here("a practice file: missing required field 'problem'");
    p.problem = yaml::as_string(*id, label, "problem");
    if (!is_safe_id(p.problem))
        r.error_at(
            *id, fmt::format(
                     "'problem' must be a problem id (lowercase letters, digits and '-'), got '{}'",
                     p.problem));
    if (!rel.empty() && file_stem(rel) != p.problem)
        r.error_at(*id,
                   fmt::format(
                       "'problem' is '{}' but the file is {} (the file is named after the problem)",
                       p.problem, rel));
    if (const yaml::Node* s = r.get("schedule")) {
        if (!s->is_map())
            r.error_at(
                *s,
                fmt::format(
                    "'schedule' must be a map (ease:, interval_days:, repetitions:, due:), not {}",
                    s->kind_name()));
        Reader sr(*s, label, "the schedule");
        if (auto e = sr.number("ease", practice::kMinEase, 10)) p.schedule.ease = *e;
        if (auto i = sr.integer("interval_days", 0, 100000))
            p.schedule.interval_days = static_cast<int>(*i);
        if (auto k = sr.integer("repetitions", 0, 100000))
            p.schedule.repetitions = static_cast<int>(*k);
        if (const yaml::Node* d = sr.get("due")) {
            std::string v = yaml::as_string(*d, label, "due");
            auto day = Date::parse(v);
            if (!day) sr.error_at(*d, fmt::format("'due' must be a date YYYY-MM-DD, got '{}'", v));
            p.schedule.due = day->days();
        }
        p.schedule_extra = sr.finish(w);
    }
    if (const yaml::Node* list = r.get("attempts")) {
        if (!list->is_sequence())
            r.error_at(*list,
                       fmt::format("'attempts' must be a list (one '- ' item per attempt), not {}",
                                   list->kind_name()));
        std::set<std::string> ids;
        for (const auto& item : list->items) {
            if (item->is_null()) continue;
            Attempt a = attempt_from(*item, label, w);
            if (!a.id.empty() && !ids.insert(a.id).second)
                fail_at(label, item->mark.line, item->mark.column, "two attempts have the id '{}'",
                        a.id);
            p.attempts.push_back(std::move(a));
        }
    }
    p.extra = r.finish(w);
    p.where = r.where;
    return p;
}

PracticeRecord parse_practice(std::string_view text, const std::string& label,
                              const std::string& rel, Warnings& w) {
    return practice_from(*yaml::parse(text, label), label, rel, w);
}

namespace {

std::string number_text(double v, double scale) {
    double r = std::round(v * scale) / scale;
    if (r == 0) r = 0; // no "-0"
    return fmt::format("{}", r);
}

Out plain_number(double v, double scale) {
    Out o = Out::scalar(number_text(v, scale));
    o.raw_plain = true;
    return o;
}

Out to_out(const Attempt& a) {
    Out m = Out::map();
    m.set("id", a.id);
    m.set("started", a.started);
    m.set("finished", a.finished);
    m.set_number("elapsed_minutes", a.elapsed_minutes);
    if (a.budget_minutes) m.set_number("budget_minutes", *a.budget_minutes);
    m.set("verdict", a.verdict);
    m.set_number("passed", a.passed);
    m.set_number("total", a.total);
    m.set_number("runs", a.runs);
    m.add("cpu_ms", plain_number(a.cpu_ms, 10));
    m.set("language", a.language);
    if (a.rating) m.set("rating", practice::to_string(*a.rating));
    m.set("note", a.note);
    for (const auto& [k, v] : a.extra)
        m.add(k, yaml_write::from_node(*v));
    return m;
}

} // namespace

Out to_out(const PracticeRecord& r) {
    Out m = Out::map();
    m.set("problem", r.problem);
    Out s = Out::map();
    s.add("ease", plain_number(r.schedule.ease, 100));
    s.set_number("interval_days", r.schedule.interval_days);
    s.set_number("repetitions", r.schedule.repetitions);
    if (r.schedule.due) s.set("due", Date::from_days(*r.schedule.due).str());
    for (const auto& [k, v] : r.schedule_extra)
        s.add(k, yaml_write::from_node(*v));
    m.add("schedule", std::move(s));
    Out list = Out::sequence();
    for (const auto& a : r.attempts)
        list.push(to_out(a));
    m.add("attempts", std::move(list));
    for (const auto& [k, v] : r.extra)
        m.add(k, yaml_write::from_node(*v));
    return m;
}

std::string to_yaml(const PracticeRecord& r) {
    return yaml_write::emit(to_out(r));
}

void save(StagedFiles& out, const PracticeRecord& r) {
    // As store.cpp's save: the file's own record written back must keep all of it.
    if (!out.staged().count(r.file))
        if (auto old = out.read(r.file)) {
            Warnings w;
            std::string label = out.label(r.file);
            require_kept(*old, to_yaml(parse_practice(*old, label, r.file, w)), label);
        }
    out.write(r.file, to_yaml(r));
}

std::optional<PracticeRecord> load_practice(const Files& files, std::string_view problem,
                                            Warnings& w) {
    std::string rel = practice_path(problem);
    auto text = files.read(rel);
    if (!text) return std::nullopt;
    return parse_practice(*text, files.label(rel), rel, w);
}

PracticeIndex load_all_practice(const Files& files, Warnings& w) {
    PracticeIndex out;
    for (const auto& rel : files.list(kPractice)) {
        std::string stem = file_stem(rel);
        if (!is_safe_id(stem)) continue; // not a practice file hired writes
        auto text = files.read(rel);
        if (!text) continue;
        PracticeRecord r = parse_practice(*text, files.label(rel), rel, w);
        out.emplace(r.problem, std::move(r));
    }
    return out;
}

PracticeIndex load_practice_of(const Files& files, const std::vector<std::string>& ids,
                               Warnings& w) {
    PracticeIndex out;
    for (const auto& id : ids) {
        if (!is_safe_id(id) || out.count(id)) continue;
        if (auto r = load_practice(files, id, w)) out.emplace(r->problem, std::move(*r));
    }
    return out;
}

// ---- attempts and the schedule ---------------------------------------------------

practice::Review review_of(const Attempt& a, int default_budget) {
    practice::Review r;
    r.accepted = a.accepted();
    r.rating = a.rating;
    r.elapsed_minutes = a.elapsed_minutes;
    r.budget_minutes = a.budget_minutes.value_or(default_budget);
    return r;
}

int add_attempt(PracticeRecord& r, Attempt a, int default_budget) {
    for (auto& old : r.attempts)
        if (old.id.empty()) old.id = new_id();
    if (a.id.empty()) a.id = new_id();
    int q = practice::quality(review_of(a, default_budget));
    r.schedule = practice::next_schedule(r.schedule, q, a.day().days());
    r.attempts.push_back(std::move(a));
    return q;
}

practice::Schedule replay(std::vector<Attempt> attempts, int default_budget) {
    std::stable_sort(attempts.begin(), attempts.end(), [](const Attempt& x, const Attempt& y) {
        return parse_datetime(x.finished).value_or(0) < parse_datetime(y.finished).value_or(0);
    });
    practice::Schedule s;
    for (const auto& a : attempts)
        s = practice::review(s, review_of(a, default_budget), a.day().days());
    return s;
}

// ---- status ------------------------------------------------------------------------

template <> std::span<const std::string_view> enum_names<PracticeStatus>() {
    static constexpr std::string_view names[] = {"new", "attempted", "solved"};
    return names;
}

PracticeStatus status_of(const PracticeRecord* r) {
    if (!r || !r->attempted()) return PracticeStatus::fresh;
    return r->solved() ? PracticeStatus::solved : PracticeStatus::attempted;
}

bool is_due(const PracticeRecord* r, Date today) {
    return r && r->attempted() && r->schedule.due && *r->schedule.due <= today.days();
}

std::optional<StatusFilter> parse_status_filter(std::string_view s) {
    std::string t = to_lower(trim(s));
    if (t == "new") return StatusFilter::fresh;
    if (t == "attempted") return StatusFilter::attempted;
    if (t == "solved") return StatusFilter::solved;
    if (t == "due") return StatusFilter::due;
    return std::nullopt;
}

bool matches(StatusFilter f, const PracticeRecord* r, Date today) {
    switch (f) {
    case StatusFilter::fresh:
        return status_of(r) == PracticeStatus::fresh;
    case StatusFilter::attempted:
        return status_of(r) == PracticeStatus::attempted;
    case StatusFilter::solved:
        return status_of(r) == PracticeStatus::solved;
    case StatusFilter::due:
        return is_due(r, today);
    }
    return false;
}

// ---- statistics ----------------------------------------------------------------------

namespace {

std::optional<double> median(std::vector<double> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Days since the Monday of d's week (1970-01-01 was a Thursday).
int64_t days_since_monday(Date d) {
    return ((d.days() + 3) % 7 + 7) % 7;
}

void count(Tally& t, const PracticeRecord* r) {
    ++t.total;
    if (!r || !r->attempted()) return;
    ++t.attempted;
    if (r->solved()) ++t.solved;
    t.attempts += static_cast<int>(r->attempts.size());
    for (const auto& a : r->attempts)
        if (!a.accepted()) ++t.failures;
}

} // namespace

Streaks streaks(std::vector<Date> days, Date today) {
    std::erase_if(days, [&](const Date& d) { return d > today; });
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    Streaks s;
    int run = 0;
    for (size_t i = 0; i < days.size(); ++i) {
        run = (i > 0 && days_between(days[i - 1], days[i]) == 1) ? run + 1 : 1;
        s.longest = std::max(s.longest, run);
    }
    if (!days.empty() && days_between(days.back(), today) <= 1) s.current = run;
    return s;
}

PracticeStats practice_stats(const std::vector<practice::Problem>& bank,
                             const PracticeIndex& records, Date today) {
    PracticeStats st;
    st.today = today;
    for (const char* d : {"easy", "medium", "hard"})
        st.by_difficulty[d] = Tally{};
    std::map<std::string, Tally> tags;
    std::map<std::string, const practice::Problem*> by_id;
    for (const auto& p : bank) {
        by_id.emplace(p.id, &p);
        auto it = records.find(p.id);
        const PracticeRecord* r = it == records.end() ? nullptr : &it->second;
        count(st.overall, r);
        count(st.by_difficulty[practice::to_string(p.difficulty)], r);
        for (const auto& t : p.tags)
            count(tags[t], r);
        if (is_due(r, today)) ++st.due;
    }
    // Attempts at problems no longer in the bank still count as practice.
    st.overall.attempts = 0;
    st.overall.failures = 0;
    std::vector<Date> days;
    Date first_week = today.plus_days(-days_since_monday(today) - 7 * 7);
    std::vector<std::vector<double>> minutes(8), pct(8);
    st.weeks.resize(8);
    for (int i = 0; i < 8; ++i)
        st.weeks[static_cast<size_t>(i)].start = first_week.plus_days(7 * i);
    st.per_day.assign(30, 0);
    for (const auto& [id, r] : records) {
        auto p = by_id.find(id);
        int budget = p == by_id.end() ? 0 : p->second->minutes;
        for (const auto& a : r.attempts) {
            ++st.overall.attempts;
            if (!a.accepted()) ++st.overall.failures;
            Date d = a.day();
            days.push_back(d);
            if (!st.last_day || d > *st.last_day) st.last_day = d;
            int64_t ago = days_between(d, today);
            if (ago >= 0 && ago < 30) ++st.per_day[static_cast<size_t>(29 - ago)];
            int64_t w = days_between(first_week, d);
            if (w >= 0 && w < 56 && d <= today) {
                auto k = static_cast<size_t>(w / 7);
                ++st.weeks[k].attempts;
                minutes[k].push_back(a.elapsed_minutes);
                int b = a.budget_minutes.value_or(budget);
                if (b > 0) {
                    pct[k].push_back(100.0 * a.elapsed_minutes / b);
                    if (a.elapsed_minutes > b) ++st.weeks[k].over_budget;
                }
            }
        }
    }
    for (size_t k = 0; k < 8; ++k) {
        st.weeks[k].median_minutes = median(minutes[k]);
        st.weeks[k].median_budget_pct = median(pct[k]);
    }
    Streaks s = streaks(days, today);
    st.current_streak = s.current;
    st.longest_streak = s.longest;
    for (auto& [tag, t] : tags)
        st.by_tag.push_back({tag, t});
    for (const auto& t : st.by_tag)
        if (t.tally.attempted > 0 && (t.tally.failures > 0 || t.tally.solved < t.tally.attempted))
            st.weak.push_back(t);
    std::stable_sort(st.weak.begin(), st.weak.end(), [](const TagTally& a, const TagTally& b) {
        if (a.tally.failures != b.tally.failures) return a.tally.failures > b.tally.failures;
        return a.tally.solve_rate() < b.tally.solve_rate();
    });
    if (st.weak.size() > 5) st.weak.resize(5);
    return st;
}

} // namespace hired::tracker
