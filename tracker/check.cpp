#include "check.hpp"

#include "util/error.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace hired::tracker {

std::string Finding::str() const {
    return fmt::format("{}:{}: {}", file, line, message);
}

namespace {

// "label:12:3: message" -> {12, "message"}: the loaders' errors all start
// with the label they were given.
std::pair<int, std::string> split_error(const std::string& label, const std::string& what) {
    std::string_view rest = what;
    if (!rest.starts_with(label + ":")) return {1, what};
    rest.remove_prefix(label.size() + 1);
    int line = 0;
    size_t i = 0;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i])))
        line = line * 10 + (rest[i++] - '0');
    if (i == 0 || i >= rest.size() || rest[i] != ':') return {1, what};
    rest.remove_prefix(i + 1);
    size_t j = 0;
    while (j < rest.size() && std::isdigit(static_cast<unsigned char>(rest[j])))
        ++j;
    if (j > 0 && j < rest.size() && rest[j] == ':') rest.remove_prefix(j + 1);
    return {line > 0 ? line : 1, std::string(trim(rest))};
}

class Checker {
public:
    Checker(const Files& files, const CheckOptions& options) : files_(files), options_(options) {}

    CheckResult run() {
        load();
        duplicates();
        references();
        std::stable_sort(result_.findings.begin(), result_.findings.end(),
                         [](const Finding& a, const Finding& b) {
                             return a.file != b.file ? a.file < b.file : a.line < b.line;
                         });
        return std::move(result_);
    }

private:
    const Files& files_;
    const CheckOptions& options_;
    CheckResult result_;
    std::vector<Company> companies_;
    std::vector<Contact> contacts_;
    std::vector<Event> events_;
    std::vector<Lesson> lessons_;

    void add(const std::string& rel, int line, std::string message) {
        result_.findings.push_back(
            Finding{files_.label(rel), line > 0 ? line : 1, std::move(message)});
    }

    // Parses one file: YAML errors are fatal, schema errors and unknown keys findings.
    template <typename R, typename From>
    void load_one(const std::string& rel, From from, std::vector<R>& into) {
        std::string label = files_.label(rel);
        auto text = files_.read(rel);
        if (!text) return;
        yaml::NodePtr doc;
        try {
            doc = yaml::parse(*text, label);
        } catch (const Error& e) {
            result_.unparsable.push_back(e.what());
            return;
        }
        Warnings w;
        try {
            into.push_back(from(*doc, label, rel, w));
        } catch (const Error& e) {
            auto [line, msg] = split_error(label, e.what());
            add(rel, line, msg);
        }
        for (const auto& warning : w) {
            auto [line, msg] = split_error(label, warning);
            add(rel, line, msg);
        }
    }

    void load() {
        if (auto text = files_.read("hired.yaml")) {
            try {
                yaml::parse(*text, files_.label("hired.yaml"));
            } catch (const Error& e) {
                result_.unparsable.push_back(e.what());
            }
        }
        for (const auto& rel : files_.odd_files()) {
            try {
                files_.read(rel);
            } catch (const Error& e) {
                result_.unparsable.push_back(e.what());
            }
        }
        for (const auto& rel : files_.list_all("")) {
            if (rel == "hired.yaml") continue;
            RecordKind kind = record_kind(rel);
            size_t slash = rel.find('/');
            std::string folder = slash == std::string::npos ? "" : rel.substr(0, slash);
            bool record_folder = folder == kCompanies || folder == kContacts || folder == kEvents ||
                                 folder == kLessons || folder == kPractice;
            switch (kind) {
            case RecordKind::company:
                load_one(rel, company_from, companies_);
                break;
            case RecordKind::contact:
                load_one(rel, contact_from, contacts_);
                break;
            case RecordKind::event:
                load_one(rel, event_from, events_);
                break;
            case RecordKind::lesson:
                load_one(rel, lesson_from, lessons_);
                break;
            case RecordKind::other:
                if (folder == kPractice && rel.ends_with(".yaml") &&
                    rel.find('/', slash + 1) == std::string::npos) {
                    // The practice module owns the schema; here it must at least be YAML.
                    if (auto text = files_.read(rel)) try {
                            yaml::parse(*text, files_.label(rel));
                        } catch (const Error& e) {
                            result_.unparsable.push_back(e.what());
                        }
                } else if (record_folder) {
                    add(rel, 1,
                        rel.ends_with(".yaml")
                            ? "hired does not read files in subfolders here; move it up a level"
                            : "hired reads only .yaml files here; rename it to .yaml or move it "
                              "out");
                }
                break;
            }
        }
    }

    void duplicates() {
        std::map<std::string, const Company*> companies;
        std::map<std::string, std::string> ids; // application and round ids -> where first seen
        for (const auto& c : companies_) {
            auto [it, fresh] = companies.emplace(to_lower(c.name), &c);
            if (!fresh)
                add(c.file, c.where.of("name"),
                    fmt::format("company '{}' is also in {}; merge the two files into one", c.name,
                                it->second->file));
            for (const auto& a : c.applications) {
                if (!a.id.empty()) {
                    auto [at, first] = ids.emplace(a.id, c.file);
                    if (!first)
                        add(c.file, a.where.of("id"),
                            fmt::format(
                                "application id '{}' is also used in {}; give one of them a new id",
                                a.id, at->second));
                }
                for (const auto& r : a.rounds) {
                    if (!r.id.empty()) {
                        auto [rt, first] = ids.emplace(r.id, c.file);
                        if (!first)
                            add(c.file, r.where.of("id"),
                                fmt::format(
                                    "round id '{}' is also used in {}; give one of them a new id",
                                    r.id, rt->second));
                    }
                    if (r.date && a.applied && *r.date < *a.applied)
                        add(c.file, r.where.of("date"),
                            fmt::format(
                                "{} on {} is before the application date {}; is a date mistyped?",
                                r.label(), r.date->str(), a.applied->str()));
                }
            }
        }
        std::map<std::string, const Contact*> contacts;
        for (const auto& p : contacts_) {
            auto [it, fresh] = contacts.emplace(to_lower(p.name), &p);
            if (!fresh)
                add(p.file, p.where.of("name"),
                    fmt::format("contact '{}' is also in {}; merge the two files into one", p.name,
                                it->second->file));
        }
        std::map<std::string, const Event*> events;
        for (const auto& e : events_) {
            auto [it, fresh] = events.emplace(to_lower(e.name) + " " + e.date.str(), &e);
            if (!fresh)
                add(e.file, e.where.of("name"),
                    fmt::format("event '{}' on {} is also in {}; merge the two files into one",
                                e.name, e.date.str(), it->second->file));
        }
    }

    std::vector<std::string> contact_names() const {
        std::vector<std::string> v;
        for (const auto& p : contacts_)
            v.push_back(p.name);
        return v;
    }
    std::vector<std::string> company_names() const {
        std::vector<std::string> v;
        for (const auto& c : companies_)
            v.push_back(c.name);
        return v;
    }
    std::vector<std::string> event_ids() const {
        std::vector<std::string> v;
        for (const auto& e : events_)
            v.push_back(e.id());
        return v;
    }

    static std::string did_you_mean(std::string_view word, const std::vector<std::string>& names) {
        auto near = suggestions(word, names, 1);
        return near.empty() ? std::string() : fmt::format("; did you mean '{}'?", near[0]);
    }

    bool has_contact(std::string_view name) const {
        return std::any_of(contacts_.begin(), contacts_.end(),
                           [&](const Contact& p) { return iequals(p.name, name); });
    }
    bool has_company(std::string_view name) const {
        return std::any_of(companies_.begin(), companies_.end(),
                           [&](const Company& c) { return iequals(c.name, name); });
    }
    bool has_event(std::string_view id) const {
        return std::any_of(events_.begin(), events_.end(),
                           [&](const Event& e) { return e.id() == id || iequals(e.name, id); });
    }

    void unknown_contact(const std::string& file, int line, std::string_view field,
                         const std::string& name) {
        add(file, line,
            fmt::format(
                "{} names '{}', who is not a contact{} (add them with: hired contact add \"{}\")",
                field, name, did_you_mean(name, contact_names()), name));
    }

    void references() {
        for (const auto& c : companies_)
            for (const auto& a : c.applications) {
                if (!a.via.empty() && !has_contact(a.via))
                    unknown_contact(c.file, a.where.of("via"), "'via'", a.via);
                for (const auto& r : a.rounds) {
                    for (const auto& iv : r.interviewers)
                        if (!iv.contact.empty() && !has_contact(iv.contact))
                            unknown_contact(c.file, iv.where.of("contact"),
                                            "an interviewer's 'contact'", iv.contact);
                    for (const auto& q : r.questions)
                        if (!q.problem.empty() && options_.problem_ids &&
                            !options_.problem_ids->count(q.problem))
                            add(c.file, q.where.of("problem"),
                                fmt::format(
                                    "question names problem '{}', which no problem folder has",
                                    q.problem));
                }
            }
        for (const auto& p : contacts_) {
            if (!p.company.empty() && !has_company(p.company))
                add(p.file, p.where.of("company"),
                    fmt::format("'company' names '{}', which the journal has no file for{} (add it "
                                "with: hired "
                                "company add \"{}\")",
                                p.company, did_you_mean(p.company, company_names()), p.company));
            if (!p.met_at.empty() && !has_event(p.met_at))
                add(p.file, p.where.of("met_at"),
                    fmt::format("'met_at' names event '{}', which the journal has no file for{}",
                                p.met_at, did_you_mean(p.met_at, event_ids())));
        }
        for (const auto& e : events_)
            for (const auto& name : e.met)
                if (!has_contact(name)) unknown_contact(e.file, e.where.of("met"), "'met'", name);
        for (const auto& l : lessons_) {
            const Company* company = nullptr;
            if (!l.source.company.empty()) {
                for (const auto& c : companies_)
                    if (iequals(c.name, l.source.company)) company = &c;
                if (!company)
                    add(l.file, l.where.of("company"),
                        fmt::format("'company' names '{}', which the journal has no file for{}",
                                    l.source.company,
                                    did_you_mean(l.source.company, company_names())));
            }
            const Application* app = nullptr;
            if (!l.source.application.empty() && company) {
                for (const auto& a : company->applications)
                    if (a.id == l.source.application) app = &a;
                if (!app)
                    add(l.file, l.where.of("application"),
                        fmt::format("'application' id '{}' is not one of {}'s applications",
                                    l.source.application, company->name));
            }
            if (!l.source.round.empty()) {
                bool found = false;
                for (const auto& c : companies_)
                    for (const auto& a : c.applications)
                        if (!app || &a == app)
                            for (const auto& r : a.rounds)
                                found = found || r.id == l.source.round;
                if (!found)
                    add(l.file, l.where.of("round"),
                        fmt::format("'round' id '{}' is no round in the journal", l.source.round));
            }
            if (!l.source.event.empty() && !has_event(l.source.event))
                add(l.file, l.where.of("event"),
                    fmt::format("'event' names '{}', which the journal has no file for{}",
                                l.source.event, did_you_mean(l.source.event, event_ids())));
        }
    }
};

} // namespace

CheckResult check_journal(const Files& files, const CheckOptions& options) {
    return Checker(files, options).run();
}

} // namespace hired::tracker
