// Record files <-> records, and finding records in the journal by name.
// Reading goes through a Files interface: the journal as it is on disk
// (JournalFiles) or a change in progress that sees its own writes
// (StagedFiles), so a command can resolve names and rewrite files inside
// Journal::change(), under the lock. A command parses only the files it
// needs: a company is looked up at companies/<slug>.yaml first, and the
// other company files are read only when that file is not it.
#pragma once

#include "journal.hpp"
#include "records.hpp"
#include "yaml_write.hpp"

#include "util/yaml_doc.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hired::tracker {

// "file:line:col: unknown key 'x' in a round (ignored)", one per line.
using Warnings = std::vector<std::string>;

// ---- a cheap look at a file's raw text -------------------------------------------

// Whether a file's text may hold needle in some value, case-insensitively
// (ASCII, as iequals and search compare), judged from its bytes without
// parsing: false only when no value of the file can contain needle. That is
// sound when needle has only characters that stand for themselves in every
// YAML style: letters (UTF-8 too), digits, single spaces, and punctuation
// other than " \ # ' (no control characters, no leading, trailing or double
// space). A space of needle also matches a run of spaces, tabs and line
// breaks (a folded line); a text holding a backslash (an escape) or a NUL
// (UTF-16 or UTF-32) may always match. For other needles (not usable()),
// every text may match.
class TextFilter {
public:
    explicit TextFilter(std::string_view needle);
    bool usable() const { return usable_; }
    bool may_match(std::string_view text) const;
    // For many needles over one text: the text lower-cased, or nullopt when
    // it holds a backslash or NUL (then every needle may match), and the
    // same check on that (faster).
    static std::optional<std::string> folded(std::string_view text);
    bool may_match_folded(std::string_view folded_text) const;

private:
    bool matches_at(std::string_view text, size_t pos) const;
    std::vector<std::string> words_; // lower-case, split at the spaces
    bool usable_ = false;
};

// ---- record files <-> records ------------------------------------------------

// The journal folders, with a trailing '/'.
inline constexpr std::string_view kCompanies = "companies";
inline constexpr std::string_view kContacts = "contacts";
inline constexpr std::string_view kEvents = "events";
inline constexpr std::string_view kLessons = "lessons";
inline constexpr std::string_view kPractice = "practice";

enum class RecordKind { company, contact, event, lesson, other };
// What a journal-relative path holds, by its folder: companies/x.yaml is a
// company; files outside the record folders (or nested deeper) are "other".
RecordKind record_kind(std::string_view rel);

// Parse a record from a parsed document; label names the file in messages
// and rel is the journal-relative path (kept in the record's `file`).
// Throw Error(data) "label:line:col: ..." for schema errors; unknown keys
// become warnings.
Company company_from(const yaml::Node& doc, const std::string& label, const std::string& rel,
                     Warnings& w);
Contact contact_from(const yaml::Node& doc, const std::string& label, const std::string& rel,
                     Warnings& w);
Event event_from(const yaml::Node& doc, const std::string& label, const std::string& rel,
                 Warnings& w);
Lesson lesson_from(const yaml::Node& doc, const std::string& label, const std::string& rel,
                   Warnings& w);
// A round on its own (the `round add` editor template uses it).
Round round_from(const yaml::Node& n, const std::string& label, Warnings& w);

// The same from text (parsed with util/yaml_doc.hpp's limits).
Company parse_company(std::string_view text, const std::string& label, const std::string& rel,
                      Warnings& w);
Contact parse_contact(std::string_view text, const std::string& label, const std::string& rel,
                      Warnings& w);
Event parse_event(std::string_view text, const std::string& label, const std::string& rel,
                  Warnings& w);
Lesson parse_lesson(std::string_view text, const std::string& label, const std::string& rel,
                    Warnings& w);
// practice/<id>.yaml: a practised problem's attempts (tracker/attempts.hpp).
bool is_practice_file(std::string_view rel);
// Validates a file's text as what its path says it is (record and practice
// files by their schema, other .yaml files as YAML only). Throws Error(data).
void validate_file(std::string_view rel, std::string_view text, const std::string& label,
                   Warnings& w);

// Records as YAML text, keys in schema order, empty fields left out.
yaml_write::Out to_out(const Company& c);
yaml_write::Out to_out(const Contact& c);
yaml_write::Out to_out(const Event& e);
yaml_write::Out to_out(const Lesson& l); // a stand-alone lesson file
yaml_write::Out to_out(const Round& r);
std::string to_yaml(const Company& c);
std::string to_yaml(const Contact& c);
std::string to_yaml(const Event& e);
std::string to_yaml(const Lesson& l);

// ---- where files are read from -----------------------------------------------

class Files {
public:
    virtual ~Files() = default;
    virtual std::optional<std::string> read(const std::string& rel) const = 0;
    // Files directly in folder ending in .yaml, journal-relative, sorted.
    virtual std::vector<std::string> list(std::string_view folder) const = 0;
    // Every file under folder, recursively, any extension (for check).
    virtual std::vector<std::string> list_all(std::string_view folder) const = 0;
    // The path used in messages (the journal folder joined with rel).
    virtual std::string label(const std::string& rel) const = 0;
    // What is there that is not a plain file or a folder (a symbolic link, a
    // FIFO, ...): list_all leaves these out, every read refuses them.
    virtual std::vector<std::string> odd_files() const { return {}; }
};

// The journal as it is on disk.
class JournalFiles : public Files {
public:
    explicit JournalFiles(const Journal& journal) : journal_(journal) {}
    std::optional<std::string> read(const std::string& rel) const override;
    std::vector<std::string> list(std::string_view folder) const override;
    std::vector<std::string> list_all(std::string_view folder) const override;
    std::string label(const std::string& rel) const override;
    std::vector<std::string> odd_files() const override { return journal_.odd_files(); }

private:
    const Journal& journal_;
};

// A change in progress: reads see what it wrote. Writes go to the Change;
// without one (a dry run, to validate input and work out the commit
// message before taking the lock) they are only remembered.
class StagedFiles : public Files {
public:
    StagedFiles(const Journal& journal, Change* change) : journal_(journal), change_(change) {}
    std::optional<std::string> read(const std::string& rel) const override;
    std::vector<std::string> list(std::string_view folder) const override;
    std::vector<std::string> list_all(std::string_view folder) const override;
    std::string label(const std::string& rel) const override;

    void write(const std::string& rel, std::string content);
    void remove(const std::string& rel);
    // What this change wrote (nullopt: removed), by path.
    const std::map<std::string, std::optional<std::string>>& staged() const { return staged_; }

private:
    const Journal& journal_;
    Change* change_;
    std::map<std::string, std::optional<std::string>> staged_;
};

// ---- finding records -----------------------------------------------------------

// Records parsed by Store's single-file loads, remembered by their exact
// text: a change runs its plan twice (a dry run, then under the lock), and
// the second run need not parse again a file that has not changed since.
class ParseMemo {
public:
    using Record = std::variant<Company, Contact, Event, Lesson>;
    struct Entry {
        std::string text;
        Record record;
        Warnings warnings;
    };
    // The entry for rel when it was parsed from exactly this text.
    const Entry* find(const std::string& rel, std::string_view text) const;
    void keep(const std::string& rel, Entry entry);

private:
    std::map<std::string, Entry> entries_;
};

class Store {
public:
    explicit Store(const Files& files, ParseMemo* memo = nullptr) : files_(files), memo_(memo) {}
    const Files& files() const { return files_; }

    // Loading one file; throw Error(data) naming file:line:col.
    Company load_company(const std::string& rel) const;
    Contact load_contact(const std::string& rel) const;
    Event load_event(const std::string& rel) const;
    Lesson load_lesson(const std::string& rel) const;

    // By name, case-insensitively, else (by_stem) by file stem ("acme-2");
    // nullopt when unknown.
    std::optional<Company> find_company(std::string_view name, bool by_stem = true) const;
    std::optional<Contact> find_contact(std::string_view name, bool by_stem = true) const;
    // By id (file stem) or name; of several events with that name, the latest.
    std::optional<Event> find_event(std::string_view name_or_id) const;
    // The same, or Error(data) "unknown company 'Acm'; did you mean 'Acme'?".
    Company company(std::string_view name) const;
    Contact contact(std::string_view name) const;
    Event event(std::string_view name_or_id) const;

    // Everything of a kind, sorted by name (events and lessons by date).
    std::vector<Company> companies() const;
    // The same, of the files whose text keep accepts (the others are not parsed).
    std::vector<Company> companies_if(bool (*keep)(std::string_view text)) const;
    std::vector<Contact> contacts() const;
    // The contacts whose files may mention one of names (TextFilter), sorted
    // like contacts(): a superset of those whose fields equal one of names.
    std::vector<Contact> contacts_mentioning(const std::vector<std::string>& names) const;
    std::vector<Event> events() const;
    std::vector<Lesson> standalone_lessons() const;
    // Stand-alone lessons and the lessons of every round, sources filled in.
    std::vector<Lesson> all_lessons() const;
    // Only what is needed to list names, for suggestions.
    std::vector<std::string> company_names() const;
    std::vector<std::string> contact_names() const;

    // A free journal-relative path for a new record: folder/<slug>.yaml,
    // else folder/<slug>-2.yaml, -3, ...
    std::string new_file(std::string_view folder, std::string_view slug) const;

    // Unknown keys and the like, in the order met, each once.
    const Warnings& warnings() const { return warnings_; }

private:
    template <typename R, typename Parse> R load(const std::string& rel, Parse parse) const;
    const Files& files_;
    ParseMemo* memo_;
    mutable Warnings warnings_;
    mutable std::set<std::string> seen_warnings_;
    void note(const Warnings& w) const;
};

// Writes a record's file into a change (ids assigned, rounds in order).
void save(StagedFiles& out, Company& c);
void save(StagedFiles& out, const Contact& c);
void save(StagedFiles& out, const Event& e);
void save(StagedFiles& out, const Lesson& l);

} // namespace hired::tracker
