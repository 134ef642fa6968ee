#include "records.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <random>

namespace hired::tracker {

// ---- dates -------------------------------------------------------------------

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

} // namespace

Date::Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](size_t from, size_t n) -> int {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 1900 || m < 1 || m > 12 || d < 1) return std::nullopt;
    if (d > days_in_month(y, m)) return std::nullopt;
    return Date(y, m, d);
}

Date Date::from_days(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

Date Date::today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

int64_t Date::days() const {
    return days_from_civil(year_, static_cast<unsigned>(month_), static_cast<unsigned>(day_));
}

std::string Date::str() const {
    return fmt::format("{:04}-{:02}-{:02}", year_, month_, day_);
}

// ---- enumerations ------------------------------------------------------------

namespace {
constexpr std::array<std::string_view, 5> kSources = {"referral", "event", "online", "recruiter",
                                                      "other"};
constexpr std::array<std::string_view, 8> kStatuses = {
    "active", "offer", "accepted", "declined", "rejected", "withdrawn", "on-hold", "ghosted"};
constexpr std::array<std::string_view, 11> kRoundKinds = {
    "recruiter-call", "phone-screen", "technical", "whiteboard", "take-home", "pair-programming",
    "system-design",  "behavioral",   "onsite",    "meal",       "other"};
constexpr std::array<std::string_view, 4> kOutcomes = {"pending", "passed", "failed", "unknown"};
constexpr std::array<std::string_view, 6> kEventKinds = {
    "meetup", "conference", "workshop", "coffee-and-code", "hackathon", "other"};
} // namespace

template <> std::span<const std::string_view> enum_names<Source>() {
    return kSources;
}
template <> std::span<const std::string_view> enum_names<Status>() {
    return kStatuses;
}
template <> std::span<const std::string_view> enum_names<RoundKind>() {
    return kRoundKinds;
}
template <> std::span<const std::string_view> enum_names<Outcome>() {
    return kOutcomes;
}
template <> std::span<const std::string_view> enum_names<EventKind>() {
    return kEventKinds;
}

template <> std::string_view enum_what<Source>() {
    return "source";
}
template <> std::string_view enum_what<Status>() {
    return "status";
}
template <> std::string_view enum_what<RoundKind>() {
    return "round kind";
}
template <> std::string_view enum_what<Outcome>() {
    return "outcome";
}
template <> std::string_view enum_what<EventKind>() {
    return "event kind";
}

template <typename E> std::optional<E> parse_enum(std::string_view s) {
    std::string want = to_lower(trim(s));
    std::replace(want.begin(), want.end(), '_', '-');
    auto names = enum_names<E>();
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == want) return static_cast<E>(i);
    return std::nullopt;
}

template <typename E> std::string unknown_enum_message(std::string_view value) {
    std::vector<std::string> names(enum_names<E>().begin(), enum_names<E>().end());
    std::string msg = fmt::format("unknown {} '{}'", enum_what<E>(), value);
    auto near = suggestions(value, names, 1);
    if (!near.empty()) msg += fmt::format("; did you mean '{}'?", near[0]);
    msg += fmt::format(" (one of: {})", join(names, ", "));
    return msg;
}

#define HIRED_ENUM(E)                                                                              \
    template std::optional<E> parse_enum<E>(std::string_view);                                     \
    template std::string unknown_enum_message<E>(std::string_view);
HIRED_ENUM(Source)
HIRED_ENUM(Status)
HIRED_ENUM(RoundKind)
HIRED_ENUM(Outcome)
HIRED_ENUM(EventKind)
#undef HIRED_ENUM

// ---- records -----------------------------------------------------------------

int Where::of(std::string_view key) const {
    for (const auto& [k, l] : fields)
        if (k == key) return l;
    return line;
}

std::string Round::label() const {
    std::string s(to_string(kind));
    if (number > 0) s += fmt::format(" #{}", number);
    return s;
}

std::vector<const Round*> Application::by_number() const {
    std::vector<const Round*> out;
    for (const auto& r : rounds)
        out.push_back(&r);
    std::stable_sort(out.begin(), out.end(),
                     [](const Round* a, const Round* b) { return a->number < b->number; });
    return out;
}

const Round* Application::latest_round() const {
    const Round* best = nullptr;
    for (const auto& r : rounds)
        if (!best || r.number > best->number) best = &r;
    return best;
}

const Round* Application::round_number(int n) const {
    for (const auto& r : rounds)
        if (r.number == n) return &r;
    return nullptr;
}

std::optional<Date> Application::last_activity() const {
    std::optional<Date> last = applied;
    auto consider = [&](const std::optional<Date>& d) {
        if (d && (!last || *d > *last)) last = d;
    };
    consider(updated);
    for (const auto& r : rounds) {
        consider(r.date);
        consider(r.thanked);
    }
    return last;
}

std::optional<Date> Contact::last_touch() const {
    return last_contacted ? last_contacted : met;
}

std::string Event::id() const {
    return file_stem(file);
}

// ---- identifiers and helpers -------------------------------------------------

std::string new_id() {
    static thread_local std::random_device rd;
    uint32_t v = rd();
    return fmt::format("{:08x}", v);
}

std::string slug_for(std::string_view name) {
    std::string s = slugify(name);
    // slugify cuts at a byte count; drop a UTF-8 sequence it cut in half.
    size_t i = s.size();
    size_t back = 0;
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80 && back < 4)
        --i, ++back;
    if (i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0xC0) {
        auto lead = static_cast<unsigned char>(s[i - 1]);
        size_t need = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : 3;
        if (back < need) s.resize(i - 1);
    }
    while (!s.empty() && s.back() == '-')
        s.pop_back();
    if (s.empty()) s = "record";
    return s;
}

std::string file_stem(std::string_view rel) {
    size_t slash = rel.rfind('/');
    std::string_view name = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
    if (name.ends_with(".yaml")) name.remove_suffix(5);
    return std::string(name);
}

void number_rounds(Application& app) {
    std::vector<size_t> order(app.rounds.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto& da = app.rounds[a].date;
        const auto& db = app.rounds[b].date;
        if (da && db) return *da < *db;
        return da.has_value() && !db.has_value();
    });
    for (size_t k = 0; k < order.size(); ++k)
        app.rounds[order[k]].number = static_cast<int>(k + 1);
}

void sort_rounds(Application& app) {
    number_rounds(app);
    std::stable_sort(app.rounds.begin(), app.rounds.end(),
                     [](const Round& a, const Round& b) { return a.number < b.number; });
}

void assign_missing_ids(Company& company) {
    for (auto& app : company.applications) {
        if (app.id.empty()) app.id = new_id();
        for (auto& r : app.rounds) {
            if (r.id.empty()) r.id = new_id();
            for (auto& l : r.lessons)
                if (l.id.empty()) l.id = new_id();
        }
    }
}

Application& pick_application(Company& company, const std::optional<std::string>& role) {
    auto& apps = company.applications;
    if (apps.empty())
        fail(Exit::data,
             "no application at {} yet (record one with: hired apply \"{}\" --role ROLE)",
             company.name, company.name);
    if (role) {
        Application* best = nullptr;
        for (auto& a : apps)
            if (iequals(a.role, trim(*role))) {
                // Prefer the open one, then the latest applied.
                if (!best || (a.open() && !best->open()) ||
                    (a.open() == best->open() &&
                     a.applied.value_or(Date()) >= best->applied.value_or(Date())))
                    best = &a;
            }
        if (best) return *best;
        std::vector<std::string> roles;
        for (const auto& a : apps)
            roles.push_back(a.role);
        std::string msg =
            fmt::format("no application for role '{}' at {}", trim(*role), company.name);
        auto near = suggestions(trim(*role), roles);
        if (!near.empty())
            msg += fmt::format("; did you mean '{}'?", join(near, "' or '"));
        else
            msg += fmt::format(" (roles: {})", join(roles, ", "));
        throw Error(Exit::data, printable(msg)); // roles come from files
    }
    std::vector<Application*> open;
    for (auto& a : apps)
        if (a.open()) open.push_back(&a);
    if (open.size() == 1) return *open.front();
    if (open.empty() && apps.size() == 1) return apps.front();
    std::vector<std::string> roles;
    if (!open.empty())
        for (const auto* a : open)
            roles.push_back(a->role);
    else
        for (const auto& a : apps)
            roles.push_back(a.role);
    throw Error(Exit::usage, printable(fmt::format(
                                 "{} has {} {}applications ({}); say which with --role",
                                 company.name, roles.size(), open.empty() ? "" : "open ",
                                 join(roles, ", "))));
}

Interviewer parse_interviewer(std::string_view s) {
    Interviewer iv;
    std::string_view t = trim(s);
    if (t.size() > 2 && t.back() == ')') {
        size_t open = t.rfind('(');
        if (open != std::string_view::npos && open > 0) {
            iv.name = std::string(trim(t.substr(0, open)));
            iv.role = std::string(trim(t.substr(open + 1, t.size() - open - 2)));
            if (!iv.name.empty()) return iv;
        }
    }
    iv.name = std::string(t);
    iv.role.clear();
    return iv;
}

Question parse_question(std::string_view s) {
    Question q;
    std::string_view t = trim(s);
    if (t.size() > 2 && t.back() == ']') {
        size_t open = t.rfind('[');
        if (open != std::string_view::npos && open > 0) {
            std::string_view id = t.substr(open + 1, t.size() - open - 2);
            bool ok = !id.empty() && (std::isalnum(static_cast<unsigned char>(id[0])) != 0);
            for (char c : id)
                if (!(std::islower(static_cast<unsigned char>(c)) ||
                      std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
                    ok = false;
            if (ok) {
                q.text = std::string(trim(t.substr(0, open)));
                q.problem = std::string(id);
                return q;
            }
        }
    }
    q.text = std::string(t);
    return q;
}

namespace {
bool utf8_ok(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        size_t len = b < 0x80             ? 1
                     : (b & 0xE0) == 0xC0 ? 2
                     : (b & 0xF0) == 0xE0 ? 3
                     : (b & 0xF8) == 0xF0 ? 4
                                          : 0;
        if (len == 0 || i + len > s.size()) return false;
        if (len == 2 && b < 0xC2) return false;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}
} // namespace

std::string clean_name(std::string_view s, std::string_view what) {
    std::string_view t = trim(s);
    if (t.empty()) fail(Exit::usage, "{} must not be empty", what);
    if (!utf8_ok(t)) fail(Exit::usage, "{} is not valid UTF-8", what);
    for (unsigned char c : t)
        if (c < 0x20 || c == 0x7F) fail(Exit::usage, "{} must be one line of text", what);
    return std::string(t);
}

std::string clean_text(std::string_view s, std::string_view what) {
    if (!utf8_ok(s)) fail(Exit::usage, "{} is not valid UTF-8", what);
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F)
            fail(Exit::usage, "{} contains a control character", what);
    return std::string(s);
}

} // namespace hired::tracker
