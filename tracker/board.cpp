#include "board.hpp"

#include "layout.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace hired::tracker {

template <> std::span<const std::string_view> enum_names<Stage>() {
    static constexpr std::string_view names[] = {"applied", "screening", "technical", "onsite",
                                                 "offer"};
    return names;
}

namespace {

std::optional<Stage> stage_of_kind(RoundKind k) {
    switch (k) {
    case RoundKind::recruiter_call:
    case RoundKind::phone_screen:
        return Stage::screening;
    case RoundKind::technical:
    case RoundKind::whiteboard:
    case RoundKind::take_home:
    case RoundKind::pair_programming:
    case RoundKind::system_design:
    case RoundKind::behavioral:
        return Stage::technical;
    case RoundKind::onsite:
    case RoundKind::meal:
        return Stage::onsite;
    case RoundKind::other:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string next_step(const Application& app, const Date& today) {
    if (app.status == Status::offer) return "decide on the offer";
    const Round* last = app.latest_round();
    if (!last) {
        if (app.applied && days_between(*app.applied, today) >= 7)
            return "follow up on the application";
        return "wait to hear back";
    }
    if (last->date && *last->date > today)
        return fmt::format("prepare for {} on {}", last->label(), last->date->str());
    switch (last->outcome) {
    case Outcome::pending:
        return fmt::format("hear back on {}", last->label());
    case Outcome::passed:
        return "schedule the next round";
    case Outcome::failed:
        return fmt::format("{} failed: record the outcome", last->label());
    case Outcome::unknown:
        return fmt::format("ask how {} went", last->label());
    }
    return "";
}

} // namespace

Stage stage_of(const Application& app) {
    if (app.status == Status::offer) return Stage::offer;
    auto rounds = app.by_number();
    for (auto it = rounds.rbegin(); it != rounds.rend(); ++it)
        if (auto s = stage_of_kind((*it)->kind)) return *s;
    return rounds.empty() ? Stage::applied : Stage::screening;
}

Board make_board(const std::vector<Company>& companies, const std::vector<Contact>& contacts,
                 Date today, const BoardRules& rules) {
    Board b;
    b.today = today;
    std::set<std::string> linked; // lower-case contact names tied to an open application
    std::set<std::string> open_companies;
    for (const auto& c : companies) {
        for (const auto& a : c.applications) {
            if (a.status == Status::on_hold) ++b.on_hold;
            if (!a.open()) continue;
            open_companies.insert(to_lower(c.name));
            if (!a.via.empty()) linked.insert(to_lower(a.via));
            BoardEntry e;
            e.company = c.name;
            e.company_file = c.file;
            e.application_id = a.id;
            e.role = a.role;
            e.status = a.status;
            e.stage = stage_of(a);
            if (const Round* r = a.latest_round()) {
                e.latest_round = r->label();
                e.latest_outcome = r->outcome;
            }
            e.last_activity = a.last_activity();
            if (e.last_activity) {
                // Negative: something is scheduled (a round dated ahead).
                e.days_quiet = days_between(*e.last_activity, today);
                e.stale = *e.days_quiet >= rules.stale_days;
            }
            e.next_step = next_step(a, today);
            b.entries.push_back(std::move(e));

            const Round* last = a.latest_round();
            for (const auto& r : a.rounds) {
                for (const auto& iv : r.interviewers)
                    if (!iv.contact.empty()) linked.insert(to_lower(iv.contact));
                if (&r != last || !r.date || r.thanked) continue;
                int64_t ago = days_between(*r.date, today);
                if (ago < 0 || ago > rules.thank_you_days) continue;
                FollowUp f;
                f.kind = FollowUp::Kind::thank_you;
                f.who = c.name;
                std::string people;
                for (const auto& iv : r.interviewers)
                    people += (people.empty() ? "" : ", ") + iv.name;
                f.what = fmt::format("send a thank-you for {} on {} ({}, {}{})", r.label(),
                                     r.date->str(), c.name, a.role,
                                     people.empty() ? "" : "; to " + people);
                f.since = r.date;
                f.days = ago;
                b.follow_ups.push_back(std::move(f));
            }
        }
    }
    std::stable_sort(b.entries.begin(), b.entries.end(),
                     [](const BoardEntry& x, const BoardEntry& y) {
                         if (x.stage != y.stage) return x.stage > y.stage; // furthest along first
                         return x.last_activity.value_or(Date()) > y.last_activity.value_or(Date());
                     });

    for (const auto& p : contacts) {
        bool tied = linked.count(to_lower(p.name)) ||
                    (!p.company.empty() && open_companies.count(to_lower(p.company)));
        if (!tied) continue;
        auto touch = p.last_touch();
        if (!touch) continue;
        int64_t ago = days_between(*touch, today);
        if (ago < rules.contact_days) continue;
        FollowUp f;
        f.kind = FollowUp::Kind::reach_out;
        f.who = p.name;
        f.what = fmt::format("reach out to {}{}: last in touch {} ({} days ago)", p.name,
                             p.company.empty() ? "" : " (" + p.company + ")", touch->str(), ago);
        f.since = touch;
        f.days = ago;
        b.follow_ups.push_back(std::move(f));
    }
    return b;
}

// ---- what the board can skip ----------------------------------------------------

namespace {

// An application's key line; counts its status lines. False when unsure.
bool closed_item_line(std::string_view s, int& statuses) {
    std::string_view key = key_of(s);
    if (key.empty()) return false;
    if (key != "status") return true;
    ++statuses;
    std::string_view v = s.substr(key.size() + 1);
    return v == " accepted" || v == " declined" || v == " rejected" || v == " withdrawn" ||
           v == " ghosted";
}

} // namespace

bool surely_closed(std::string_view text) {
    // Anchors, aliases and tags too: a file that may use them is parsed.
    static constexpr ByteSet unsure(std::string_view("\\\t\r\0&*!", 7));
    if (contains_any(text, unsure)) return false;
    bool in_apps = false, seen_apps = false;
    int items = 0, statuses = 0;
    std::optional<size_t> block; // inside a block scalar's text, more indented than this
    size_t pos = 0;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        size_t indent = line.find_first_not_of(' ');
        if (indent == std::string_view::npos) continue; // blank
        if (block && indent > *block) continue;         // literal text
        block.reset();
        if (!closed_on_its_line(line)) return false;
        std::string_view rest = line.substr(indent);
        block = block_start(rest, indent);
        if (indent == 0) {
            if (in_apps && items > 0 && statuses != 1) return false;
            in_apps = false;
            std::string_view key = key_of(rest);
            if (key.empty()) return false;
            if (key == "applications") {
                if (seen_apps || rest != "applications:") return false;
                seen_apps = in_apps = true;
            }
            continue;
        }
        if (!in_apps) continue; // inside another top-level value
        if (indent == 2 && rest.starts_with("- ")) {
            if (items > 0 && statuses != 1) return false;
            ++items;
            statuses = 0;
            if (!closed_item_line(rest.substr(2), statuses)) return false;
            continue;
        }
        if (indent < 4 || items == 0) return false;
        if (indent == 4 && !closed_item_line(rest, statuses)) return false;
        // Deeper lines are inside an application's values.
    }
    return !(in_apps && items > 0 && statuses != 1);
}

std::vector<std::string> board_contact_names(const std::vector<Company>& companies) {
    std::vector<std::string> names;
    for (const auto& c : companies)
        for (const auto& a : c.applications) {
            if (!a.open()) continue;
            names.push_back(c.name);
            if (!a.via.empty()) names.push_back(a.via);
            for (const auto& r : a.rounds)
                for (const auto& iv : r.interviewers)
                    if (!iv.contact.empty()) names.push_back(iv.contact);
        }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

} // namespace hired::tracker
