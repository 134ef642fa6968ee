// hired's reading of YAML files, one line each, for pyyaml_diff.py:
// "PATH\tOK TREE" (the tree in a canonical form both sides can write) or
// "PATH\tERR MESSAGE". Arguments are files or folders (read recursively).
#include "util/error.hpp"
#include "util/yaml_doc.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace {

using hired::yaml::Node;

// Scalars as "..." with \xNN for every byte outside printable ASCII, so
// that the Python side can write the same text.
void quoted(const std::string& s, std::string& out) {
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7F) {
            char b[8];
            std::snprintf(b, sizeof b, "\\x%02x", c);
            out += b;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

void dump(const Node& n, std::string& out) {
    switch (n.kind) {
    case Node::Kind::null:
        out += "null";
        break;
    case Node::Kind::scalar:
        quoted(n.value, out);
        break;
    case Node::Kind::sequence:
        out += '[';
        for (const auto& i : n.items) {
            dump(*i, out);
            out += ',';
        }
        out += ']';
        break;
    case Node::Kind::map:
        out += '{';
        for (const auto& [k, v] : n.entries) {
            dump(*k, out);
            out += ':';
            dump(*v, out);
            out += ',';
        }
        out += '}';
        break;
    }
}

void judge(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string line = file.string() + "\t";
    try {
        hired::yaml::Limits limits;
        limits.max_nodes = 20000; // as fuzz_yaml: an allowed alias bomb stays small
        auto root = hired::yaml::parse(text, "t", limits);
        line += "OK ";
        dump(*root, line);
    } catch (const hired::Error& e) {
        line += "ERR ";
        line += e.what();
    }
    for (char& c : line)
        if (c == '\n') c = ' ';
    std::printf("%s\n", line.c_str());
}

} // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    for (int i = 1; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (const auto& e : fs::recursive_directory_iterator(argv[i]))
                if (e.is_regular_file()) judge(e.path());
        } else {
            judge(argv[i]);
        }
    }
    return 0;
}
