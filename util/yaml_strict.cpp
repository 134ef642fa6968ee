// The strict syntax check that parse_full runs before yaml-cpp builds its
// tree. yaml-cpp 0.7 accepts some texts that YAML 1.1 readers (PyYAML,
// libyaml) reject: a quoted value never closed before the end of the file,
// a line without its ':', an empty flow entry, a '%' directive without '---',
// tabs where YAML allows only spaces, control characters and bytes that
// are not UTF-8. It then reads them as something else ("role: \"Developer"
// swallows the lines below it), and the next write loses fields. So every
// text goes through this check first.
//
// The check is a scanner and parser of YAML 1.1 as PyYAML implements it
// (scanner.py and parser.py are the reference for what is accepted, and
// the fuzz target tests/fuzz/fuzz_yaml.cpp compares the result with
// libyaml), written to validate only: it builds no values. On top of the
// grammar it refuses what yaml-cpp and a YAML 1.1 reader would read
// differently, so that what hired reads is what any YAML tool reads:
//
// - a lone CR, NEL, LS or PS (YAML 1.1 line breaks that yaml-cpp takes for
//   text), C1 controls, a BOM after the first character;
// - tags ("!!str", "!x"): hired's files never need them, and yaml-cpp and
//   PyYAML disagree on what a tagged empty node is;
// - anchor and alias names followed by anything but a space, a line break
//   or ",]}" ("&a: x" is the anchor "a:" to yaml-cpp, "a" to PyYAML);
// - empty keys ("? " with nothing, "{? : x}"): yaml-cpp reads "? \n: b" as
//   a map whose key is {null: b};
// - escapes that are not Unicode scalar values (surrogates, > U+10FFFF),
//   and \N and \_, which yaml-cpp decodes to single bytes that are not UTF-8;
// - folded values ('>') whose end yaml-cpp reads differently: one that ends
//   the file on a line of spaces, and '>+' followed by blank lines;
// - a second definition of an anchor and an alias to an unknown anchor
//   (PyYAML's composer refuses both), and more than one document.
//
// What libyaml refuses beyond PyYAML is refused too (unknown directives,
// "x:" right before a flow indicator), except one thing: a tab right after
// the spaces of a block scalar's first line ("|\n  \tcode"). PyYAML and
// yaml-cpp read it alike, and hired's writer wrote such notes before it
// learnt to give them an indentation indicator; refusing them would lock
// users out of their own journals.
//
// Positions are 1-based lines and byte columns, as yaml-cpp counts them.
// Structure only ever starts after spaces and ASCII indicators, so byte
// columns make the same indentation decisions as PyYAML's character
// columns; the 1024-character limit of a simple key is applied to bytes,
// which is stricter.
#include "yaml_doc.hpp"

#include "error.hpp"

#include <fmt/format.h>

#include <deque>
#include <map>
#include <vector>

namespace hired::yaml {

namespace {

struct Pos {
    size_t index = 0;
    int line = 0;   // 0-based
    int column = 0; // 0-based, in bytes
};

enum class Tok {
    stream_start,
    stream_end,
    directive,
    document_start,
    document_end,
    block_sequence_start,
    block_mapping_start,
    block_end,
    flow_sequence_start,
    flow_mapping_start,
    flow_sequence_end,
    flow_mapping_end,
    block_entry,
    flow_entry,
    key,
    value,
    alias,
    anchor,
    scalar,
};

struct Token {
    Tok kind;
    Pos start;
    std::string_view name;    // anchors, aliases and directives
    int major = 0, minor = 0; // a YAML directive's version
};

// How a token is named in a message.
const char* describe(Tok t) {
    switch (t) {
    case Tok::stream_start:
        return "the start of the file";
    case Tok::stream_end:
        return "the end of the file";
    case Tok::directive:
        return "a '%' directive";
    case Tok::document_start:
        return "'---'";
    case Tok::document_end:
        return "'...'";
    case Tok::block_sequence_start:
        return "a '- ' list";
    case Tok::block_mapping_start:
        return "a 'key: value' map";
    case Tok::block_end:
        return "less indentation";
    case Tok::flow_sequence_start:
        return "'['";
    case Tok::flow_mapping_start:
        return "'{'";
    case Tok::flow_sequence_end:
        return "']'";
    case Tok::flow_mapping_end:
        return "'}'";
    case Tok::block_entry:
        return "a '- ' list item";
    case Tok::flow_entry:
        return "','";
    case Tok::key:
        return "a key";
    case Tok::value:
        return "':'";
    case Tok::alias:
        return "an alias";
    case Tok::anchor:
        return "an anchor";
    case Tok::scalar:
        return "a value";
    }
    return "?";
}

bool is_break(char c) {
    return c == '\n' || c == '\r';
}
bool is_break_or_end(char c) {
    return c == '\0' || is_break(c);
}
bool is_blank_or_end(char c) {
    return c == ' ' || c == '\t' || is_break_or_end(c);
}
bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_word(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '_';
}

// A byte as a message shows it: printable ASCII as itself, anything else as \xNN.
std::string shown(char c) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\0') return "the end of the file";
    if (c == '\t') return "a tab";
    if (is_break(c)) return "the end of the line";
    if (u < 0x20 || u >= 0x7F) return fmt::format("'\\x{:02X}'", u);
    return fmt::format("'{}'", c);
}

// The reader's part: the text is UTF-8 of characters YAML 1.1 allows, and
// none that yaml-cpp would read differently. Throws at the first offence.
void check_characters(std::string_view t, const std::string& file) {
    int line = 1;
    size_t line_start = 0;
    auto fail_here = [&](size_t at, const std::string& message) {
        fail_at(file, line, static_cast<int>(at - line_start) + 1, "{}", message);
    };
    const auto* p = reinterpret_cast<const unsigned char*>(t.data());
    const size_t n = t.size();
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3; // a BOM first is fine
    while (i < n) {
        unsigned char b = p[i];
        if (b < 0x80) {
            if (b == '\n') {
                ++line;
                line_start = ++i;
                continue;
            }
            if (b == '\r') {
                if (i + 1 < n && p[i + 1] == '\n') {
                    ++i;
                    continue;
                }
                fail_here(i, "a carriage return (\\r) that is not followed by a line feed: save "
                             "the file with Unix (LF) or Windows (CRLF) line endings");
            }
            if (b == 0) fail_here(i, "a NUL byte: this is not a text file");
            if ((b < 0x20 && b != '\t') || b == 0x7F)
                fail_here(i, fmt::format("a control character (\\x{:02X}) is not allowed in YAML "
                                         "text; write it as an escape in a double-quoted value",
                                         b));
            ++i;
            continue;
        }
        int len = 0;
        unsigned long cp = 0;
        if ((b & 0xE0) == 0xC0)
            len = 2, cp = b & 0x1Fu;
        else if ((b & 0xF0) == 0xE0)
            len = 3, cp = b & 0x0Fu;
        else if ((b & 0xF8) == 0xF0)
            len = 4, cp = b & 0x07u;
        bool ok = len > 0 && i + static_cast<size_t>(len) <= n;
        for (int k = 1; ok && k < len; ++k) {
            if ((p[i + static_cast<size_t>(k)] & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (p[i + static_cast<size_t>(k)] & 0x3Fu);
        }
        static constexpr unsigned long min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
        if (ok && (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        if (!ok) {
            std::string bytes;
            for (size_t k = i; k < n && k < i + 4 && p[k] >= 0x80; ++k)
                bytes += fmt::format("\\x{:02X}", p[k]);
            fail_here(i, fmt::format("the text is not valid UTF-8 (bytes {}); hired reads UTF-8 "
                                     "only: convert the file (e.g. iconv -f latin1 -t utf-8)",
                                     bytes));
        }
        if (cp >= 0x80 && cp <= 0x9F)
            fail_here(i, cp == 0x85 ? "a NEL character (U+0085), which YAML takes for a line "
                                      "break; write it as \\u0085 in a double-quoted value"
                                    : fmt::format("a control character (U+{:04X}) is not allowed "
                                                  "in YAML text",
                                                  cp));
        if (cp == 0x2028 || cp == 0x2029)
            fail_here(i, fmt::format("a Unicode line or paragraph separator (U+{:04X}), which YAML "
                                     "takes for a line break; write it as \\{} in a double-quoted "
                                     "value",
                                     cp, cp == 0x2028 ? 'L' : 'P'));
        if (cp == 0xFEFF)
            fail_here(i, "a byte order mark (U+FEFF) inside the text; only the first character "
                         "of a file may be one");
        if (cp == 0xFFFE || cp == 0xFFFF)
            fail_here(i, fmt::format("U+{:04X} is not a character", cp));
        i += static_cast<size_t>(len);
    }
}

class Checker {
public:
    Checker(std::string_view text, const std::string& file, const Limits& limits)
        : t_(text), file_(file), limits_(limits) {
        if (t_.size() >= 3 && t_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3, line_start_ = 3;
        tokens_.push_back(Token{Tok::stream_start, pos(), {}, 0, 0});
    }

    void run() { parse(); }

private:
    std::string_view t_;
    const std::string& file_;
    const Limits& limits_;

    // ---- scanner state --------------------------------------------------------------

    size_t i_ = 0;
    int line_ = 0;
    size_t line_start_ = 0;
    bool done_ = false;
    int flow_level_ = 0;
    std::deque<Token> tokens_;
    size_t tokens_taken_ = 0;
    int indent_ = -1;
    std::vector<int> indents_;
    bool allow_simple_key_ = true;
    struct SimpleKey {
        bool possible = false;
        size_t token_number = 0;
        bool required = false;
        Pos mark;
    };
    std::vector<SimpleKey> simple_keys_ = std::vector<SimpleKey>(1); // by flow level

    [[noreturn]] void error(const Pos& p, const std::string& message) const {
        fail_at(file_, p.line + 1, p.column + 1, "invalid YAML: {}", message);
    }

    Pos pos() const { return Pos{i_, line_, static_cast<int>(i_ - line_start_)}; }
    int column() const { return static_cast<int>(i_ - line_start_); }
    char peek(size_t k = 0) const { return i_ + k < t_.size() ? t_[i_ + k] : '\0'; }
    void forward(size_t n = 1) {
        for (; n > 0 && i_ < t_.size(); --n) {
            if (t_[i_] == '\n') {
                ++line_;
                line_start_ = i_ + 1;
            }
            ++i_;
        }
    }
    // Consumes one line break (LF or CRLF; a lone CR never gets here).
    bool line_break() {
        if (peek() == '\r') {
            forward(2);
            return true;
        }
        if (peek() == '\n') {
            forward();
            return true;
        }
        return false;
    }
    bool at_document_marker() const {
        if (column() != 0) return false;
        std::string_view rest = t_.substr(i_);
        return (rest.starts_with("---") || rest.starts_with("...")) && is_blank_or_end(peek(3));
    }

    void add(Tok kind, const Pos& p) { tokens_.push_back(Token{kind, p, {}, 0, 0}); }

    void check_depth(const Pos& p) const {
        if (indents_.size() + static_cast<size_t>(flow_level_) > limits_.max_depth)
            error(p, fmt::format("nesting deeper than {} levels", limits_.max_depth));
    }

    // ---- simple keys: "key: value" without '?', found when the ':' comes ---------------

    void stale_simple_keys() {
        for (auto& key : simple_keys_) {
            if (!key.possible) continue;
            if (key.mark.line != line_ || i_ - key.mark.index > 1024) {
                if (key.required)
                    error(key.mark, "expected 'key: value' here, but there is no ':' on the line "
                                    "(or the line is indented wrongly)");
                key.possible = false;
            }
        }
    }

    void save_simple_key() {
        bool required = flow_level_ == 0 && indent_ == column();
        if (!allow_simple_key_) return;
        remove_simple_key();
        auto& key = simple_keys_[static_cast<size_t>(flow_level_)];
        key = SimpleKey{true, tokens_taken_ + tokens_.size(), required, pos()};
    }

    void remove_simple_key() {
        auto& key = simple_keys_[static_cast<size_t>(flow_level_)];
        if (key.possible && key.required)
            error(key.mark, "expected 'key: value' here, but there is no ':' after the key");
        key.possible = false;
    }

    bool next_is_simple_key() const {
        bool any = false;
        size_t lowest = 0;
        for (const auto& key : simple_keys_)
            if (key.possible && (!any || key.token_number < lowest))
                any = true, lowest = key.token_number;
        return any && lowest == tokens_taken_;
    }

    // ---- indentation ------------------------------------------------------------------

    void unwind_indent(int col) {
        if (flow_level_) return;
        while (indent_ > col) {
            add(Tok::block_end, pos());
            indent_ = indents_.back();
            indents_.pop_back();
        }
    }

    bool add_indent(int col, const Pos& p) {
        if (indent_ >= col) return false;
        indents_.push_back(indent_);
        indent_ = col;
        check_depth(p);
        return true;
    }

    // ---- fetching tokens ------------------------------------------------------------------

    bool need_more_tokens() {
        if (done_) return false;
        if (tokens_.empty()) return true;
        stale_simple_keys();
        return next_is_simple_key();
    }

    void fetch_more_tokens() {
        skip_to_next_token();
        stale_simple_keys();
        unwind_indent(column());
        char c = peek();
        if (i_ >= t_.size()) return fetch_stream_end();
        if (c == '%' && column() == 0) return fetch_directive();
        if ((c == '-' || c == '.') && at_document_marker())
            return fetch_document_indicator(c == '-' ? Tok::document_start : Tok::document_end);
        switch (c) {
        case '[':
            return fetch_flow_start(Tok::flow_sequence_start);
        case '{':
            return fetch_flow_start(Tok::flow_mapping_start);
        case ']':
            return fetch_flow_end(Tok::flow_sequence_end);
        case '}':
            return fetch_flow_end(Tok::flow_mapping_end);
        case ',':
            return fetch_flow_entry();
        case '*':
            return fetch_anchor(Tok::alias);
        case '&':
            return fetch_anchor(Tok::anchor);
        case '!':
            error(pos(), "tags ('!' before a value) are not used in hired's files; to keep a "
                         "value as text, put it in quotes");
        case '\'':
        case '"':
            return fetch_quoted();
        default:
            break;
        }
        if (c == '-' && is_blank_or_end(peek(1))) return fetch_block_entry();
        if (c == '?' && (flow_level_ || is_blank_or_end(peek(1)))) return fetch_key();
        if (c == ':' && (flow_level_ || is_blank_or_end(peek(1)))) return fetch_value();
        if ((c == '|' || c == '>') && !flow_level_) return fetch_block_scalar();
        if (plain_can_start()) return fetch_plain();
        if (c == '\t')
            error(pos(), "a tab where YAML expects a space or a value: YAML does not allow tabs "
                         "for indentation or around ':' and '-'; use spaces");
        if (c == '|' || c == '>')
            error(pos(), fmt::format("'{}' cannot start a value inside [ ] or {{ }}; put the value "
                                     "in quotes",
                                     c));
        error(pos(), fmt::format("{} cannot start a value; put the value in quotes", shown(c)));
    }

    void skip_to_next_token() {
        while (true) {
            while (peek() == ' ')
                forward();
            if (peek() == '#')
                while (!is_break_or_end(peek()))
                    forward();
            if (!line_break()) return;
            if (!flow_level_) allow_simple_key_ = true;
        }
    }

    void fetch_stream_end() {
        unwind_indent(-1);
        remove_simple_key();
        allow_simple_key_ = false;
        for (auto& key : simple_keys_)
            key.possible = false;
        add(Tok::stream_end, pos());
        done_ = true;
    }

    void fetch_directive() {
        unwind_indent(-1);
        remove_simple_key();
        allow_simple_key_ = false;
        Pos start = pos();
        forward();
        size_t name_start = i_;
        while (is_word(peek()))
            forward();
        std::string_view name = t_.substr(name_start, i_ - name_start);
        if (name.empty() || !(peek() == ' ' || is_break_or_end(peek())))
            error(pos(), fmt::format("a directive name ('%YAML') is letters and digits, not {}",
                                     shown(peek())));
        Token tok{Tok::directive, start, name, 0, 0};
        if (name == "YAML") {
            while (peek() == ' ')
                forward();
            auto number = [&] {
                if (!(peek() >= '0' && peek() <= '9'))
                    error(pos(), fmt::format("expected a version number after %YAML, found {}",
                                             shown(peek())));
                int v = 0;
                while (peek() >= '0' && peek() <= '9') {
                    v = std::min(v * 10 + (peek() - '0'), 1000000);
                    forward();
                }
                return v;
            };
            tok.major = number();
            if (peek() != '.')
                error(pos(),
                      fmt::format("expected '.' in the %YAML version, found {}", shown(peek())));
            forward();
            tok.minor = number();
            if (!(peek() == ' ' || is_break_or_end(peek())))
                error(pos(),
                      fmt::format("expected the end of the %YAML line, found {}", shown(peek())));
        } else if (name == "TAG") {
            error(start, "%TAG directives are not used in hired's files (nor are tags)");
        } else {
            // PyYAML ignores a directive it does not know; libyaml refuses it.
            error(start, fmt::format("unknown directive '%{}' (only %YAML is known)", name));
        }
        while (peek() == ' ')
            forward();
        if (peek() == '#')
            while (!is_break_or_end(peek()))
                forward();
        if (!is_break_or_end(peek()))
            error(pos(),
                  fmt::format("expected the end of the directive's line, found {}", shown(peek())));
        line_break();
        tokens_.push_back(tok);
    }

    void fetch_document_indicator(Tok kind) {
        unwind_indent(-1);
        remove_simple_key();
        allow_simple_key_ = false;
        Pos start = pos();
        forward(3);
        add(kind, start);
    }

    void fetch_flow_start(Tok kind) {
        save_simple_key();
        Pos start = pos();
        ++flow_level_;
        check_depth(start);
        if (simple_keys_.size() <= static_cast<size_t>(flow_level_))
            simple_keys_.resize(static_cast<size_t>(flow_level_) + 1);
        allow_simple_key_ = true;
        forward();
        add(kind, start);
    }

    void fetch_flow_end(Tok kind) {
        remove_simple_key();
        // A stray closer in block context: the parser names it.
        if (flow_level_) --flow_level_;
        allow_simple_key_ = false;
        Pos start = pos();
        forward();
        add(kind, start);
    }

    void fetch_flow_entry() {
        allow_simple_key_ = true;
        remove_simple_key();
        Pos start = pos();
        forward();
        add(Tok::flow_entry, start);
    }

    void fetch_block_entry() {
        Pos start = pos();
        if (!flow_level_) {
            if (!allow_simple_key_)
                error(start, "a '- ' list item cannot start here (a list item starts its own line, "
                             "or follows '- ', '? ' or ': ')");
            if (add_indent(column(), start)) add(Tok::block_sequence_start, start);
        }
        allow_simple_key_ = true;
        remove_simple_key();
        forward();
        add(Tok::block_entry, start);
    }

    void fetch_key() {
        Pos start = pos();
        if (!flow_level_) {
            if (!allow_simple_key_) error(start, "a '? ' key cannot start here");
            if (add_indent(column(), start)) add(Tok::block_mapping_start, start);
        }
        allow_simple_key_ = !flow_level_;
        remove_simple_key();
        forward();
        add(Tok::key, start);
    }

    void fetch_value() {
        Pos start = pos();
        auto& key = simple_keys_[static_cast<size_t>(flow_level_)];
        if (key.possible) {
            key.possible = false;
            size_t at = key.token_number - tokens_taken_;
            tokens_.insert(tokens_.begin() + static_cast<long>(at),
                           Token{Tok::key, key.mark, {}, 0, 0});
            if (!flow_level_ && add_indent(key.mark.column, key.mark))
                tokens_.insert(tokens_.begin() + static_cast<long>(at),
                               Token{Tok::block_mapping_start, key.mark, {}, 0, 0});
            allow_simple_key_ = false;
        } else {
            if (!flow_level_) {
                if (!allow_simple_key_)
                    error(start, "a ':' here makes no sense: a value cannot hold 'key: value' on "
                                 "the same line (put the value in quotes)");
                if (add_indent(column(), start)) add(Tok::block_mapping_start, start);
            }
            allow_simple_key_ = !flow_level_;
            remove_simple_key();
        }
        forward();
        add(Tok::value, start);
    }

    void fetch_anchor(Tok kind) {
        save_simple_key();
        allow_simple_key_ = false;
        Pos start = pos();
        forward();
        size_t name_start = i_;
        while (is_word(peek()))
            forward();
        std::string_view name = t_.substr(name_start, i_ - name_start);
        const char* what = kind == Tok::alias ? "an alias ('*')" : "an anchor ('&')";
        if (name.empty())
            error(pos(), fmt::format("{} needs a name of letters, digits, '-' or '_', not {}", what,
                                     shown(peek())));
        char c = peek();
        if (!(is_blank_or_end(c) || c == ',' || c == ']' || c == '}'))
            error(pos(), fmt::format("{} name is letters, digits, '-' and '_', followed by a "
                                     "space; found {}",
                                     what, shown(c)));
        tokens_.push_back(Token{kind, start, name, 0, 0});
    }

    void fetch_block_scalar() {
        allow_simple_key_ = true;
        remove_simple_key();
        Pos start = pos();
        scan_block_scalar(start);
        add(Tok::scalar, start);
    }

    void fetch_quoted() {
        save_simple_key();
        allow_simple_key_ = false;
        Pos start = pos();
        scan_quoted(start);
        add(Tok::scalar, start);
    }

    void fetch_plain() {
        save_simple_key();
        allow_simple_key_ = false;
        Pos start = pos();
        scan_plain();
        add(Tok::scalar, start);
    }

    bool plain_can_start() const {
        char c = peek();
        static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
        if (!is_blank_or_end(c) && indicators.find(c) == std::string_view::npos) return true;
        return !is_blank_or_end(peek(1)) && (c == '-' || (!flow_level_ && (c == '?' || c == ':')));
    }

    // ---- scalars ------------------------------------------------------------------------

    void scan_block_scalar(const Pos& start) {
        const bool folded = peek() == '>';
        forward(); // '|' or '>'
        bool increment = false;
        int digit = 0;
        auto indentation_digit = [&] {
            if (peek() == '0')
                error(pos(), "a block scalar's indentation indicator is 1 to 9, not 0");
            if (peek() >= '1' && peek() <= '9') {
                digit = peek() - '0';
                increment = true;
                forward();
                return true;
            }
            return false;
        };
        bool keep = false; // '+' chomping
        if (peek() == '+' || peek() == '-') {
            keep = peek() == '+';
            forward();
            indentation_digit();
        } else if (indentation_digit()) {
            if (peek() == '+' || peek() == '-') {
                keep = peek() == '+';
                forward();
            }
        }
        if (!(peek() == ' ' || is_break_or_end(peek())))
            error(pos(), fmt::format("after '|' or '>' only '+', '-', a digit 1-9 and a comment "
                                     "may follow on the line, not {}",
                                     shown(peek())));
        while (peek() == ' ')
            forward();
        if (peek() == '#')
            while (!is_break_or_end(peek()))
                forward();
        if (!is_break_or_end(peek()))
            error(pos(), fmt::format("after '|' or '>' only '+', '-', a digit 1-9 and a comment "
                                     "may follow on the line, not {}",
                                     shown(peek())));
        line_break();

        int min_indent = std::max(indent_ + 1, 1);
        int indent;
        if (!increment) {
            int max_indent = 0;
            while (peek() == ' ' || is_break(peek())) {
                if (peek() == ' ') {
                    forward();
                    max_indent = std::max(max_indent, column());
                } else {
                    line_break();
                }
            }
            indent = std::max(min_indent, max_indent);
        } else {
            indent = min_indent + digit - 1;
            block_breaks(indent);
        }
        int trailing_breaks = 0; // blank lines after the last line of text
        bool text = false;
        while (column() == indent && i_ < t_.size()) {
            text = true;
            while (!is_break_or_end(peek()))
                forward();
            line_break();
            trailing_breaks = block_breaks(indent);
        }
        // yaml-cpp keeps one line break less than YAML does at the end of
        // a folded value with '+' chomping ("x\n\n" read as "x\n").
        if (folded && keep && text && trailing_breaks > 0)
            error(start, "'>+' keeps the blank lines at the end of a folded value, and hired would "
                         "read one of them less: use '|+' or a double-quoted value");
        // yaml-cpp folds a last line of just the indentation's spaces, with
        // no line break after it, into a space ("x " where YAML reads "x\n").
        if (folded && i_ >= t_.size() && column() == indent && indent > 0 &&
            t_.substr(line_start_).find_first_not_of(' ') == std::string_view::npos)
            error(pos(), "a folded value ('>') that ends the file on a line of spaces: remove the "
                         "spaces or end the file with a line break");
    }

    // The blank lines of a block scalar (spaces up to its indentation);
    // returns how many line breaks there were.
    int block_breaks(int indent) {
        int breaks = 0;
        while (column() < indent && peek() == ' ')
            forward();
        while (is_break(peek())) {
            line_break();
            ++breaks;
            while (column() < indent && peek() == ' ')
                forward();
        }
        return breaks;
    }

    [[noreturn]] void unclosed_quote(const Pos& start) const {
        const char* quote = t_[start.index] == '"' ? "\"" : "'";
        error(start, fmt::format("a quoted value that is never closed (the {} here has no closing "
                                 "{} before the end of the file)",
                                 quote, quote));
    }

    void scan_quoted(const Pos& start) {
        const char quote = peek();
        const bool dbl = quote == '"';
        forward();
        int breaks = 0; // line breaks since the last text
        while (true) {
            // Non-space text, escapes and doubled single quotes.
            const size_t text_start = i_;
            // Blank lines right after an escaped line break ("\\" at the
            // end of a line), each a line break of the value.
            int escaped_blanks = 0;
            while (true) {
                char c = peek();
                if (i_ >= t_.size() || c == ' ' || c == '\t' || is_break(c)) break;
                if (!dbl && c == '\'') {
                    if (peek(1) != '\'') break;
                    forward(2);
                    escaped_blanks = 0;
                } else if (dbl && c == '"') {
                    break;
                } else if (dbl && c == '\\') {
                    escaped_blanks = escape(start);
                } else {
                    forward();
                    escaped_blanks = 0;
                }
            }
            // Blank lines after an escaped line break end the value the same
            // way as after a plain one, when the quote closes right after.
            if (i_ > text_start) breaks = escaped_blanks > 0 ? 1 + escaped_blanks : 0;
            if (i_ < t_.size() && peek() == quote) break;
            // Spaces and line breaks.
            while (peek() == ' ' || peek() == '\t')
                forward();
            if (i_ >= t_.size()) unclosed_quote(start);
            if (is_break(peek())) {
                line_break();
                breaks += 1 + quoted_breaks(start);
            }
        }
        // yaml-cpp 0.7 drops a line break of the blank lines that end a
        // quoted value ("x\n\n\n\"" is "x\n\n" to YAML, "x\n" to it).
        if (breaks >= 2)
            error(pos(), "a blank line right before the closing quote of a value that spans lines "
                         "(hired would read one line break less than YAML does): use \\n, or a "
                         "'|' block");
        forward(); // the closing quote
    }

    // The line breaks (and blanks) after the first one in a quoted value;
    // returns how many.
    int quoted_breaks(const Pos& start) {
        int breaks = 0;
        while (true) {
            if (at_document_marker())
                error(start, fmt::format("a quoted value that is never closed (it starts here and "
                                         "runs into the '{}' on line {})",
                                         t_.substr(i_, 3), line_ + 1));
            while (peek() == ' ' || peek() == '\t')
                forward();
            if (!line_break()) return breaks;
            ++breaks;
        }
    }

    // A backslash escape in a double-quoted scalar, at the backslash; returns
    // the blank lines after an escaped line break (else 0).
    int escape(const Pos& start) {
        Pos at = pos();
        forward();
        char c = peek();
        // yaml-cpp 0.7 writes \N and \_ as the bare bytes 0x85 and 0xA0,
        // which are not UTF-8: the \u forms give the same characters.
        if (c == 'N' || c == '_')
            error(at, fmt::format("write \\{} as \\u{} (hired reads \\{} wrongly)", c,
                                  c == 'N' ? "0085" : "00A0", c));
        static constexpr std::string_view simple = "0abt\tnvfre \"\\/LP";
        if (i_ < t_.size() && simple.find(c) != std::string_view::npos) {
            forward();
            return 0;
        }
        if (c == 'x' || c == 'u' || c == 'U') {
            size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            forward();
            unsigned long cp = 0;
            for (size_t k = 0; k < digits; ++k) {
                char h = peek(k);
                if (!is_hex(h))
                    error(at,
                          fmt::format("the escape \\{} needs {} hexadecimal digits", c, digits));
                cp = cp * 16 +
                     static_cast<unsigned long>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
                error(at, fmt::format("the escape \\{}{} is not a Unicode character", c,
                                      t_.substr(i_, digits)));
            forward(digits);
            return 0;
        }
        if (is_break(c)) {
            line_break();
            return quoted_breaks(start);
        }
        if (i_ >= t_.size()) unclosed_quote(start);
        error(at, fmt::format("unknown escape \\{} in a double-quoted value (write \\\\ for a "
                              "backslash)",
                              shown(c).substr(0, 1) == "'" ? std::string(1, c) : shown(c)));
    }

    void scan_plain() {
        const int indent = indent_ + 1;
        while (true) {
            if (peek() == '#') break;
            size_t length = 0;
            while (true) {
                char c = peek(length);
                if (i_ + length >= t_.size() || c == ' ' || c == '\t' || is_break(c)) break;
                if (c == ':') {
                    char d = peek(length + 1);
                    if (i_ + length + 1 >= t_.size() || is_blank_or_end(d)) break;
                    // PyYAML ends the scalar at such a ':'; libyaml refuses it.
                    if (flow_level_ &&
                        (d == ',' || d == '?' || d == '[' || d == ']' || d == '{' || d == '}')) {
                        forward(length);
                        error(pos(), fmt::format("a ':' right before {} inside [ ] or {{ }}: put a "
                                                 "space after the ':' (or quote the text)",
                                                 shown(d)));
                    }
                }
                if (flow_level_ &&
                    (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}'))
                    break;
                ++length;
            }
            if (length == 0) break;
            allow_simple_key_ = false;
            forward(length);
            if (!plain_spaces() || peek() == '#' || (!flow_level_ && column() < indent)) break;
            // yaml-cpp takes such a line for a directive and drops it;
            // libyaml and PyYAML read it as more of the text.
            if (column() == 0 && peek() == '%')
                error(pos(), "a line of a text starts with '%', which YAML readers disagree on: "
                             "quote the text");
        }
    }

    // The spaces and line breaks after a chunk of a plain scalar; false when
    // the scalar ends here.
    bool plain_spaces() {
        size_t length = 0;
        while (peek(length) == ' ')
            ++length;
        forward(length);
        if (!is_break(peek()) || i_ >= t_.size()) return length > 0;
        line_break();
        allow_simple_key_ = true;
        if (at_document_marker()) return false;
        while (peek() == ' ' || is_break(peek())) {
            if (peek() == ' ') {
                forward();
            } else {
                line_break();
                if (at_document_marker()) return false;
            }
        }
        return true;
    }

    // ---- parser ---------------------------------------------------------------------------

    const Token& peek_token() {
        while (need_more_tokens())
            fetch_more_tokens();
        return tokens_.front();
    }
    bool check(Tok kind) { return peek_token().kind == kind; }
    template <typename... K> bool check_any(K... kinds) {
        Tok k = peek_token().kind;
        return ((k == kinds) || ...);
    }
    Token get_token() {
        peek_token();
        Token tok = tokens_.front();
        tokens_.pop_front();
        ++tokens_taken_;
        return tok;
    }

    enum class State {
        implicit_document_start,
        document_start,
        document_end,
        document_content,
        block_node,
        block_node_or_indentless_sequence,
        flow_node,
        block_sequence_first_entry,
        block_sequence_entry,
        indentless_sequence_entry,
        block_mapping_first_key,
        block_mapping_key,
        block_mapping_value,
        flow_sequence_first_entry,
        flow_sequence_entry,
        flow_sequence_entry_mapping_key,
        flow_sequence_entry_mapping_value,
        flow_sequence_entry_mapping_end,
        flow_mapping_first_key,
        flow_mapping_key,
        flow_mapping_value,
        flow_mapping_empty_value,
        end,
    };
    std::vector<State> states_;
    std::vector<Pos> marks_; // where each open collection started
    int documents_ = 0;
    std::map<std::string_view, int> anchors_; // name -> line, in this document
    bool had_directive_ = false;

    State pop_state() {
        State s = states_.back();
        states_.pop_back();
        return s;
    }

    [[noreturn]] void empty_key(const Pos& p) const {
        error(p, "a key is missing here ('?' or ':' with nothing before the value)");
    }

    void parse() {
        get_token(); // stream start
        State state = State::implicit_document_start;
        while (state != State::end)
            state = step(state);
    }

    State step(State state) {
        switch (state) {
        case State::implicit_document_start:
            if (!check_any(Tok::directive, Tok::document_start, Tok::stream_end)) {
                begin_document(peek_token().start);
                states_.push_back(State::document_end);
                return parse_node(true, false, false);
            }
            return State::document_start;
        case State::document_start: {
            while (check(Tok::document_end))
                get_token();
            if (check(Tok::stream_end)) return State::end;
            bool yaml_directive = false;
            while (check(Tok::directive)) {
                Token d = get_token();
                had_directive_ = true;
                if (d.name != "YAML") continue;
                if (yaml_directive) error(d.start, "a second %YAML directive");
                // PyYAML takes any 1.x, libyaml only 1.1 and 1.2.
                if (d.major != 1 || (d.minor != 1 && d.minor != 2))
                    error(d.start, "this is not a YAML 1.1 or 1.2 document (%YAML with another "
                                   "version)");
                yaml_directive = true;
            }
            if (!check(Tok::document_start)) {
                const Token& t = peek_token();
                error(t.start, had_directive_
                                   ? fmt::format("expected '---' after the directives, found {}",
                                                 describe(t.kind))
                                   : fmt::format("{} where the document should have ended (is "
                                                 "this line indented wrongly?)",
                                                 describe(t.kind)));
            }
            Token start = get_token();
            begin_document(start.start);
            states_.push_back(State::document_end);
            return State::document_content;
        }
        case State::document_end:
            if (check(Tok::document_end)) get_token();
            return State::document_start;
        case State::document_content:
            if (check_any(Tok::directive, Tok::document_start, Tok::document_end, Tok::stream_end))
                return pop_state();
            return parse_node(true, false, false);
        case State::block_node:
            return parse_node(true, false, false);
        case State::block_node_or_indentless_sequence:
            return parse_node(true, true, false);
        case State::flow_node:
            return parse_node(false, false, false);

        case State::block_sequence_first_entry:
            marks_.push_back(get_token().start);
            [[fallthrough]];
        case State::block_sequence_entry:
            if (check(Tok::block_entry)) {
                get_token();
                if (!check_any(Tok::block_entry, Tok::block_end)) {
                    states_.push_back(State::block_sequence_entry);
                    return parse_node(true, false, false);
                }
                return State::block_sequence_entry;
            }
            if (!check(Tok::block_end)) {
                const Token& t = peek_token();
                error(t.start, fmt::format("{} does not fit the list that starts on line {}: "
                                           "expected a '- ' item at its indentation, or less "
                                           "indentation",
                                           describe(t.kind), marks_.back().line + 1));
            }
            get_token();
            marks_.pop_back();
            return pop_state();

        case State::indentless_sequence_entry:
            if (check(Tok::block_entry)) {
                get_token();
                if (!check_any(Tok::block_entry, Tok::key, Tok::value, Tok::block_end)) {
                    states_.push_back(State::indentless_sequence_entry);
                    return parse_node(true, false, false);
                }
                return State::indentless_sequence_entry;
            }
            return pop_state();

        case State::block_mapping_first_key:
            marks_.push_back(get_token().start);
            [[fallthrough]];
        case State::block_mapping_key:
            if (check(Tok::key)) {
                Token k = get_token();
                if (!check_any(Tok::key, Tok::value, Tok::block_end)) {
                    states_.push_back(State::block_mapping_value);
                    return parse_node(true, true, true);
                }
                empty_key(k.start);
            }
            if (!check(Tok::block_end)) {
                const Token& t = peek_token();
                error(t.start, fmt::format("{} does not fit the map that starts on line {}: "
                                           "expected 'key: value' at its indentation, or less "
                                           "indentation",
                                           describe(t.kind), marks_.back().line + 1));
            }
            get_token();
            marks_.pop_back();
            return pop_state();
        case State::block_mapping_value:
            if (check(Tok::value)) {
                get_token();
                if (!check_any(Tok::key, Tok::value, Tok::block_end)) {
                    states_.push_back(State::block_mapping_key);
                    return parse_node(true, true, false);
                }
            }
            return State::block_mapping_key;

        case State::flow_sequence_first_entry:
            marks_.push_back(get_token().start);
            return flow_sequence_entry(true);
        case State::flow_sequence_entry:
            return flow_sequence_entry(false);
        case State::flow_sequence_entry_mapping_key: {
            Token k = get_token();
            if (!check_any(Tok::value, Tok::flow_entry, Tok::flow_sequence_end)) {
                states_.push_back(State::flow_sequence_entry_mapping_value);
                return parse_node(false, false, true);
            }
            empty_key(k.start);
        }
        case State::flow_sequence_entry_mapping_value:
            if (check(Tok::value)) {
                get_token();
                if (!check_any(Tok::flow_entry, Tok::flow_sequence_end)) {
                    states_.push_back(State::flow_sequence_entry_mapping_end);
                    return parse_node(false, false, false);
                }
            }
            return State::flow_sequence_entry_mapping_end;
        case State::flow_sequence_entry_mapping_end:
            return State::flow_sequence_entry;

        case State::flow_mapping_first_key:
            marks_.push_back(get_token().start);
            return flow_mapping_key(true);
        case State::flow_mapping_key:
            return flow_mapping_key(false);
        case State::flow_mapping_value:
            if (check(Tok::value)) {
                get_token();
                if (!check_any(Tok::flow_entry, Tok::flow_mapping_end)) {
                    states_.push_back(State::flow_mapping_key);
                    return parse_node(false, false, false);
                }
            }
            return State::flow_mapping_key;
        case State::flow_mapping_empty_value:
            return State::flow_mapping_key;
        case State::end:
            break;
        }
        return State::end;
    }

    void begin_document(const Pos& p) {
        if (++documents_ > 1) error(p, "more than one YAML document in the file (a stray '---'?)");
        anchors_.clear();
    }

    [[noreturn]] void unclosed(const Token& found, char open) const {
        const Pos& m = marks_.back();
        if (found.kind == Tok::stream_end || found.kind == Tok::document_start ||
            found.kind == Tok::document_end)
            error(m, fmt::format("a '{}' that is never closed (it starts here; {} comes first)",
                                 open, describe(found.kind)));
        error(found.start, fmt::format("expected ',' or '{}' here, found {} (in the '{}' that "
                                       "starts at line {}, column {})",
                                       open == '[' ? ']' : '}', describe(found.kind), open,
                                       m.line + 1, m.column + 1));
    }

    State flow_sequence_entry(bool first) {
        if (!check(Tok::flow_sequence_end)) {
            if (!first) {
                if (check(Tok::flow_entry))
                    get_token();
                else
                    unclosed(peek_token(), '[');
            }
            if (check(Tok::key)) return State::flow_sequence_entry_mapping_key;
            if (!check(Tok::flow_sequence_end)) {
                states_.push_back(State::flow_sequence_entry);
                return parse_node(false, false, false);
            }
        }
        get_token();
        marks_.pop_back();
        return pop_state();
    }

    State flow_mapping_key(bool first) {
        if (!check(Tok::flow_mapping_end)) {
            if (!first) {
                if (check(Tok::flow_entry))
                    get_token();
                else
                    unclosed(peek_token(), '{');
            }
            if (check(Tok::key)) {
                Token k = get_token();
                if (!check_any(Tok::value, Tok::flow_entry, Tok::flow_mapping_end)) {
                    states_.push_back(State::flow_mapping_value);
                    return parse_node(false, false, true);
                }
                empty_key(k.start);
            }
            if (!check(Tok::flow_mapping_end)) {
                states_.push_back(State::flow_mapping_empty_value);
                return parse_node(false, false, true);
            }
        }
        get_token();
        marks_.pop_back();
        return pop_state();
    }

    // One node; returns the state to go on with. is_key: the node is a map
    // key, which must not be empty.
    State parse_node(bool block, bool indentless, bool is_key) {
        if (check(Tok::alias)) {
            Token a = get_token();
            if (!anchors_.count(a.name))
                error(a.start, fmt::format("the alias '*{}' refers to no anchor '&{}' before it",
                                           a.name, a.name));
            return pop_state();
        }
        bool anchored = false;
        Pos start = peek_token().start;
        if (check(Tok::anchor)) {
            Token a = get_token();
            auto [it, added] = anchors_.emplace(a.name, a.start.line + 1);
            if (!added)
                error(a.start, fmt::format("the anchor '&{}' is defined twice (first on line {})",
                                           a.name, it->second));
            anchored = true;
        }
        if (indentless && check(Tok::block_entry)) return State::indentless_sequence_entry;
        const Token& t = peek_token();
        switch (t.kind) {
        case Tok::scalar:
            get_token();
            return pop_state();
        case Tok::flow_sequence_start:
            return State::flow_sequence_first_entry;
        case Tok::flow_mapping_start:
            return State::flow_mapping_first_key;
        case Tok::block_sequence_start:
            if (block) return State::block_sequence_first_entry;
            break;
        case Tok::block_mapping_start:
            if (block) return State::block_mapping_first_key;
            break;
        default:
            break;
        }
        if (anchored) {
            if (is_key) empty_key(start);
            return pop_state(); // an anchored empty value
        }
        if (t.kind == Tok::stream_end && !marks_.empty() && !block)
            error(marks_.back(),
                  fmt::format("a '{}' that is never closed (it starts here; the file "
                              "ends first)",
                              t_[marks_.back().index]));
        error(t.start, fmt::format("expected a value here, found {}", describe(t.kind)));
    }
};

} // namespace

void check_syntax(std::string_view text, const std::string& file, const Limits& limits) {
    check_characters(text, file);
    Checker(text, file, limits).run();
}

} // namespace hired::yaml
