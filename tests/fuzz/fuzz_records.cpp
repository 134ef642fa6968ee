// Fuzz target: the record readers and writers of the journal
// (tracker/store.hpp for companies, contacts, events and lessons,
// tracker/attempts.hpp for practice files). The first byte picks the kind,
// the rest is the file's text. Reading gives a record or a located,
// printable Error(data); a record that reads is written (to_yaml), and
// what is written reads back as the same record: writing that again gives
// the very same text.
#include "fuzz_support.hpp"

#include "tracker/attempts.hpp"
#include "tracker/store.hpp"

using hired::fuzz::require;
namespace tr = hired::tracker;

namespace {

const char* const kPaths[] = {"companies/t.yaml", "contacts/t.yaml", "events/2026-01-02-t.yaml",
                              "lessons/2026-01-02-t.yaml", "practice/t.yaml"};

// The record in text, written back; throws when text is refused.
std::string read_and_write(unsigned kind, const std::string& text, tr::Warnings& w) {
    const std::string label = "t";
    const std::string rel = kPaths[kind];
    switch (kind) {
    case 0:
        return tr::to_yaml(tr::parse_company(text, label, rel, w));
    case 1:
        return tr::to_yaml(tr::parse_contact(text, label, rel, w));
    case 2:
        return tr::to_yaml(tr::parse_event(text, label, rel, w));
    case 3:
        return tr::to_yaml(tr::parse_lesson(text, label, rel, w));
    default:
        return tr::to_yaml(tr::parse_practice(text, label, rel, w));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const unsigned kind = data[0] % 5;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

    // Reading gives a record or a located error. (A record that reads but
    // cannot be written fails here too: the writer's errors have no place.)
    std::string written;
    tr::Warnings w;
    try {
        written = read_and_write(kind, text, w);
    } catch (const hired::Error& e) {
        hired::fuzz::require_data_error(e, "t");
        return 0;
    }
    for (const auto& warning : w)
        require(hired::fuzz::printable_text(warning),
                "raw bytes in a warning: " + hired::printable(warning));

    // What hired wrote reads back, and writes the same text again.
    std::string again;
    try {
        again = read_and_write(kind, written, w);
    } catch (const hired::Error& e) {
        hired::fuzz::violated("hired cannot read what it wrote: " + hired::printable(e.what()) +
                              "\n--- written:\n" + written);
    }
    require(again == written,
            "writing a record read back from hired's own text changes it:\n--- first:\n" + written +
                "--- second:\n" + again);
    return 0;
}
