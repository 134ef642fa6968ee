// The board: stages from the latest round, staleness and follow-ups against
// a pinned "today".
#include "tracker/board.hpp"
#include "tracker/store.hpp"

#include <catch2/catch.hpp>

using namespace hired::tracker;

namespace {

Date d(const char* s) {
    return *Date::parse(s);
}

Round round(RoundKind kind, const char* date, Outcome outcome = Outcome::pending) {
    Round r;
    r.kind = kind;
    r.date = d(date);
    r.outcome = outcome;
    return r;
}

Application app(const char* role, const char* applied, std::vector<Round> rounds = {},
                Status status = Status::active) {
    Application a;
    a.role = role;
    a.applied = d(applied);
    a.rounds = std::move(rounds);
    a.status = status;
    number_rounds(a);
    return a;
}

Company company(const char* name, std::vector<Application> apps) {
    Company c;
    c.name = name;
    c.file = std::string("companies/") + name + ".yaml";
    c.applications = std::move(apps);
    return c;
}

const BoardEntry* entry(const Board& b, const std::string& company) {
    for (const auto& e : b.entries)
        if (e.company == company) return &e;
    return nullptr;
}

} // namespace

TEST_CASE("the stage comes from the latest round's kind") {
    CHECK(stage_of(app("R", "2026-03-01")) == Stage::applied);
    CHECK(stage_of(app("R", "2026-03-01", {round(RoundKind::recruiter_call, "2026-03-02")})) ==
          Stage::screening);
    CHECK(stage_of(app("R", "2026-03-01", {round(RoundKind::phone_screen, "2026-03-02")})) ==
          Stage::screening);
    for (auto k : {RoundKind::technical, RoundKind::whiteboard, RoundKind::take_home,
                   RoundKind::pair_programming, RoundKind::system_design, RoundKind::behavioral})
        CHECK(stage_of(app("R", "2026-03-01", {round(k, "2026-03-02")})) == Stage::technical);
    CHECK(stage_of(app("R", "2026-03-01", {round(RoundKind::meal, "2026-03-02")})) ==
          Stage::onsite);
    // The latest by date, not the last in the file.
    CHECK(stage_of(app("R", "2026-03-01",
                       {round(RoundKind::onsite, "2026-03-20"),
                        round(RoundKind::phone_screen, "2026-03-05")})) == Stage::onsite);
    // "other" keeps the stage before it.
    CHECK(stage_of(app("R", "2026-03-01",
                       {round(RoundKind::technical, "2026-03-05"),
                        round(RoundKind::other, "2026-03-08")})) == Stage::technical);
    CHECK(stage_of(app("R", "2026-03-01", {round(RoundKind::other, "2026-03-08")})) ==
          Stage::screening);
    // Holding an offer beats any round.
    CHECK(stage_of(app("R", "2026-03-01", {round(RoundKind::phone_screen, "2026-03-05")},
                       Status::offer)) == Stage::offer);
}

TEST_CASE("only open applications are on the board, furthest along first") {
    std::vector<Company> cs = {
        company("Applied", {app("R", "2026-03-01")}),
        company("Onsite", {app("R", "2026-02-01", {round(RoundKind::onsite, "2026-03-09")})}),
        company("Offer", {app("R", "2026-01-01", {}, Status::offer)}),
        company("Held", {app("R", "2026-01-01", {}, Status::on_hold)}),
        company("Gone", {app("R", "2026-01-01", {}, Status::rejected)}),
    };
    Board b = make_board(cs, {}, d("2026-03-10"));
    REQUIRE(b.entries.size() == 3);
    CHECK(b.entries[0].company == "Offer");
    CHECK(b.entries[1].company == "Onsite");
    CHECK(b.entries[2].company == "Applied");
    CHECK(b.on_hold == 1);
    CHECK(b.entries[0].next_step == "decide on the offer");
    CHECK(b.entries[1].next_step == "hear back on onsite #1");
}

TEST_CASE("fourteen quiet days make an application stale") {
    std::vector<Company> cs = {
        company("Quiet", {app("R", "2026-02-01",
                              {round(RoundKind::technical, "2026-02-24", Outcome::passed)})}),
        company("Fresh", {app("R", "2026-02-01",
                              {round(RoundKind::technical, "2026-02-25", Outcome::passed)})}),
    };
    Board b = make_board(cs, {}, d("2026-03-10"));
    CHECK(entry(b, "Quiet")->days_quiet == 14);
    CHECK(entry(b, "Quiet")->stale);
    CHECK(entry(b, "Fresh")->days_quiet == 13);
    CHECK_FALSE(entry(b, "Fresh")->stale);
    CHECK(entry(b, "Fresh")->next_step == "schedule the next round");
    // A status change counts as activity.
    cs[0].applications[0].updated = d("2026-03-09");
    CHECK_FALSE(entry(make_board(cs, {}, d("2026-03-10")), "Quiet")->stale);
}

TEST_CASE("a round scheduled ahead is not quiet") {
    std::vector<Company> cs = {
        company("Soon", {app("R", "2026-03-01", {round(RoundKind::onsite, "2026-03-20")})})};
    Board b = make_board(cs, {}, d("2026-03-10"));
    CHECK(b.entries[0].days_quiet == -10);
    CHECK_FALSE(b.entries[0].stale);
    CHECK(b.entries[0].next_step == "prepare for onsite #1 on 2026-03-20");
    CHECK(b.follow_ups.empty());
}

TEST_CASE("a thank-you is due for two days after a round, until one is recorded") {
    Round r = round(RoundKind::onsite, "2026-03-08");
    r.interviewers = {{"Sam", "EM", "", {}, {}}};
    std::vector<Company> cs = {company("Acme", {app("Backend", "2026-03-01", {r})})};
    Board b = make_board(cs, {}, d("2026-03-10"));
    REQUIRE(b.follow_ups.size() == 1);
    CHECK(b.follow_ups[0].kind == FollowUp::Kind::thank_you);
    CHECK(b.follow_ups[0].what ==
          "send a thank-you for onsite #1 on 2026-03-08 (Acme, Backend; to Sam)");
    CHECK(make_board(cs, {}, d("2026-03-11")).follow_ups.empty()); // three days: too late to nag
    cs[0].applications[0].rounds[0].thanked = d("2026-03-09");
    CHECK(make_board(cs, {}, d("2026-03-10")).follow_ups.empty());
}

TEST_CASE("contacts tied to open applications are due a message after thirty days") {
    std::vector<Company> cs = {company("Acme", {app("Backend", "2026-03-01")}),
                               company("Closed", {app("R", "2026-01-01", {}, Status::rejected)})};
    cs[0].applications[0].via = "Dana Li";
    Contact dana;
    dana.name = "Dana Li";
    dana.met = d("2026-01-01");
    dana.last_contacted = d("2026-02-08");
    Contact eve;
    eve.name = "Eve";
    eve.company = "acme";
    eve.met = d("2026-01-20");
    Contact stranger;
    stranger.name = "Stranger";
    stranger.company = "Closed";
    stranger.met = d("2025-01-01");
    Board b = make_board(cs, {dana, eve, stranger}, d("2026-03-10"));
    REQUIRE(b.follow_ups.size() == 2);
    CHECK(b.follow_ups[0].what == "reach out to Dana Li: last in touch 2026-02-08 (30 days ago)");
    CHECK(b.follow_ups[1].what ==
          "reach out to Eve (acme): last in touch 2026-01-20 (49 days ago)");
    dana.last_contacted = d("2026-02-09");
    CHECK(make_board(cs, {dana}, d("2026-03-10")).follow_ups.empty());
}

// ---- what the board skips unparsed ---------------------------------------------------

namespace {

bool adds_to_board(const Company& c) {
    for (const auto& a : c.applications)
        if (a.open() || a.status == Status::on_hold) return true;
    return false;
}

} // namespace

TEST_CASE("surely_closed: the emitter's company files, every status") {
    const std::vector<Status> all = {Status::active,   Status::offer,     Status::accepted,
                                     Status::declined, Status::rejected,  Status::withdrawn,
                                     Status::on_hold,  Status::ghosted};
    int skipped = 0;
    for (Status s1 : all)
        for (Status s2 : all) {
            Round r = round(RoundKind::technical, "2026-03-02", Outcome::failed);
            r.notes = "It's \"late\": [ran over]\n  second line {\n# not a comment";
            r.questions.push_back(Question{"Design: a cache?", "", {}, {}});
            r.interviewers.push_back(Interviewer{"Dana O'Brien", "EM", "", {}, {}});
            Lesson l;
            l.text = "status: active";
            l.tags = {"a b", "c"};
            r.lessons.push_back(l);
            Application a = app("Engineer: backend", "2026-03-01", {r}, s1);
            a.notes = "'quoted' start";
            Application b = app("Other", "2026-03-01", {}, s2);
            b.via = "status: active";
            Company c = company("Acme", {a, b});
            c.notes = "applications:\n  - status: active";
            c.tags = {"x"};
            std::string text = to_yaml(c);
            Warnings w;
            Company back = parse_company(text, "t", "companies/acme.yaml", w);
            bool closed = surely_closed(text);
            INFO(text);
            CHECK(closed == !adds_to_board(back));
            skipped += closed;
        }
    CHECK(skipped == 25);
    Company none = company("Empty", {});
    CHECK(surely_closed(to_yaml(none)));
}

TEST_CASE("surely_closed says false when the text is not plainly the emitter's layout") {
    const std::vector<std::string> unsure = {
        "name: A\napplications:\n  - role: R\n",                              // no status: active
        "name: A\napplications:\n  - role: R\n    status: rejected\n  - role: S\n",
        "name: A\napplications:\n  - role: R\n    notes: \"x\n    status: rejected\"\n",
        "name: A\napplications:\n  - role: R\n    notes: 'x\n    status: rejected'\n",
        "name: A\napplications:\n  - role: R\n    tags: [a,\n    status: rejected]\n",
        "name: A\napplications: [{role: R, status: rejected}, {role: S}]\n",
        "name: A\napplications:\n- role: R\n  status: rejected\n- role: S\n",
        "name: A\napplications:\n  - role: R\n    status: rejected\n    status: active\n",
        "name: A\napplications:\n  - role: R\n    status: rejected # was active\n",
        "name: A\napplications:\n  - role: R\n    status: Rejected\n",
        "name: A\napplications:\n  - role: R\n    status: on-hold\n",
        "name: A\napplications:\n  - role: R\n    status:\n      rejected\n",
        "name: A\napplications:\n  - role: R\n    status: \"rejected\"\n",
        "name: A\napplications:\n  - role: R\n    \"status\": rejected\n    status: active\n",
        "name: A\napplications:\n  - role: R\n    <<: *x\n    status: rejected\n",
        "name: A\napplications:\n  - &a\n    role: R\n    status: rejected\n",
        "name: A\napplications:\n    - role: R\n      status: rejected\n",
        "name: A\napplications:\n  - role: R\n    status: rejected\n# note\n",
        "name: A\napplications:\n  - role: R\n\tstatus: rejected\n",
        "name: A\r\napplications:\r\n  - role: R\r\n    status: rejected\r\n",
        "name: \"\\x41\"\napplications:\n  - role: R\n    status: rejected\n",
        "---\nname: A\napplications:\n  - role: R\n    status: rejected\n",
        "name: A\napplications:\n  - role: R\n    status: rejected\napplications:\n  - role: S\n",
        "name: A\napplications: \n  - role: R\n",
        "{name: A, applications: [{role: R}]}\n",
        "\"applications\":\n  - role: R\n",
    };
    for (const auto& t : unsure) {
        INFO(t);
        CHECK_FALSE(surely_closed(t));
    }
    const std::vector<std::string> closed = {
        "name: A\n",
        "name: A\napplications:\n",
        "name: A\napplications:\n  - status: ghosted\n    role: R\n",
        "name: A\nnotes: |\n  applications:\n    - role: R\napplications:\n  - role: R\n"
        "    status: rejected\n    rounds:\n      - kind: technical\n        status: active\n",
        "name: A\napplications:\n  - role: \"R: x\"\n    status: declined\n    notes: don't\n",
    };
    for (const auto& t : closed) {
        INFO(t);
        CHECK(surely_closed(t));
        Warnings w;
        CHECK_FALSE(adds_to_board(parse_company(t, "t", "companies/a.yaml", w)));
    }
}

TEST_CASE("board_contact_names: the names of open applications only") {
    Application a = app("R", "2026-03-01", {round(RoundKind::technical, "2026-03-02")});
    a.via = "Pat";
    a.rounds[0].interviewers.push_back(Interviewer{"Sam", "", "Sam Lee", {}, {}});
    Application closed = app("S", "2026-03-01", {}, Status::rejected);
    closed.via = "Kim";
    auto names = board_contact_names({company("Acme", {a}), company("Beta", {closed})});
    CHECK(names == std::vector<std::string>{"Acme", "Pat", "Sam Lee"});
}
