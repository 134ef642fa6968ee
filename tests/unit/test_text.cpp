#include "util/error.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace hired;

TEST_CASE("suggestions find near misses") {
    std::vector<std::string> cmds = {"practice", "company", "contact", "review", "round"};
    CHECK(suggestions("practise", cmds).at(0) == "practice");
    CHECK(suggestions("reveiw", cmds).at(0) == "review");
    CHECK(suggestions("zzzzzzzz", cmds).empty());
}

TEST_CASE("split_command quotes and escapes without a shell") {
    CHECK(split_command("python3 -u 'my sol.py'") == std::vector<std::string>{"python3", "-u", "my sol.py"});
    CHECK(split_command(R"(a "b \"c\"" d\ e)") == std::vector<std::string>{"a", "b \"c\"", "d e"});
    CHECK_THROWS_AS(split_command("a 'b"), Error);
}

TEST_CASE("wrap keeps paragraphs and indented lines") {
    auto w = wrap("one two three four five six\n\n  code line\n", 12);
    CHECK(w == "one two\nthree four\nfive six\n\n  code line\n");
}

TEST_CASE("is_safe_id and is_within") {
    CHECK(is_safe_id("two-sum"));
    CHECK_FALSE(is_safe_id("../x"));
    CHECK_FALSE(is_safe_id("a/b"));
    CHECK_FALSE(is_safe_id("Two"));
    CHECK_FALSE(is_safe_id(""));
    CHECK(is_within("/tmp/a", "/tmp/a/b/c"));
    CHECK_FALSE(is_within("/tmp/a", "/tmp/a/../b"));
    CHECK_FALSE(is_within("/tmp/a", "/tmp/ab"));
}

TEST_CASE("write_file_atomic replaces whole files with the given mode") {
    std::string t = (fs::temp_directory_path() / "hired-files-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()));
    fs::path f = fs::path(t) / "x.yaml";
    mode_t old = ::umask(0);
    write_file_atomic(f, "one\n", 0600);
    write_file_atomic(f, "two\n", 0600);
    ::umask(old);
    CHECK(read_file(f) == "two\n");
    struct stat st {};
    REQUIRE(::stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    int files = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(t)) ++files;
    CHECK(files == 1); // no temporary left behind
    fs::remove_all(t);
}

TEST_CASE("write_files_atomic writes every file whole, leaves no temporary, and reads back empty files") {
    std::string t = (fs::temp_directory_path() / "hired-files-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()));
    fs::path dir(t);
    write_file_atomic(dir / "old.yaml", "before\n", 0600);
    std::vector<std::string> texts;
    for (int i = 0; i < 20; ++i)
        texts.push_back(std::string(static_cast<size_t>(i) * 1000, 'a' + static_cast<char>(i)));
    std::vector<std::pair<fs::path, std::string_view>> files;
    for (int i = 0; i < 20; ++i)
        files.emplace_back(dir / ("f" + std::to_string(i) + ".yaml"), texts[static_cast<size_t>(i)]);
    files.emplace_back(dir / "old.yaml", "after\n");
    write_files_atomic(files, 0600);
    for (int i = 0; i < 20; ++i)
        CHECK(read_file(files[static_cast<size_t>(i)].first) == texts[static_cast<size_t>(i)]);
    CHECK(read_file(dir / "old.yaml") == "after\n");
    CHECK(read_file(dir / "f0.yaml").empty());
    int count = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++count;
    CHECK(count == 21);
    // A file that cannot be written stops the batch before anything moves.
    std::vector<std::pair<fs::path, std::string_view>> bad = {
        {dir / "f1.yaml", "changed"}, {dir / "missing" / "x.yaml", "nope"}};
    CHECK_THROWS(write_files_atomic(bad, 0600));
    CHECK(read_file(dir / "f1.yaml") == texts[1]);
    count = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++count;
    CHECK(count == 21);
    fs::remove_all(t);
}

TEST_CASE("contains_any finds any byte of a set, NUL and high bytes included") {
    constexpr ByteSet set(std::string_view("#\t\0\xff", 4));
    CHECK(contains_any("a#b", set));
    CHECK(contains_any(std::string_view("a\0b", 3), set));
    CHECK(contains_any("caf\xff", set));
    CHECK_FALSE(contains_any("plain text: [x]", set));
    CHECK_FALSE(contains_any("", set));
}

TEST_CASE("wrap_lines keeps meaningful line breaks") {
    CHECK(wrap_lines("First line: n.\nSecond line: n numbers.\n", 80, "  ") ==
          "  First line: n.\n  Second line: n numbers.\n");
    CHECK(wrap_lines("aaa bbb ccc\n", 8) == "aaa bbb\nccc\n");
}

TEST_CASE("printable escapes what a terminal would act on, and bytes that are not UTF-8") {
    CHECK(printable("Zoë Café, 日本 😀 plain") == "Zoë Café, 日本 😀 plain");
    CHECK(printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    CHECK(printable("\x1b[2J\x7f") == "\\x1B[2J\\x7F");
    CHECK(printable(std::string("nul\0", 4)) == "nul\\x00");
    CHECK(printable("caf\xe9 \xff\xfe") == "caf\\xE9 \\xFF\\xFE");
    CHECK(printable("\xc3") == "\\xC3");                 // cut short
    CHECK(printable("\xed\xa0\x80") == "\\xED\\xA0\\x80"); // a surrogate
    CHECK(printable("\xc2\x85 \xc2\x9b \xe2\x80\xa8 \xef\xbb\xbf") == "\\u0085 \\u009B \\u2028 \\uFEFF");
}
