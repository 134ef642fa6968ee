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

TEST_CASE("wrap_lines keeps meaningful line breaks") {
    CHECK(wrap_lines("First line: n.\nSecond line: n numbers.\n", 80, "  ") ==
          "  First line: n.\n  Second line: n numbers.\n");
    CHECK(wrap_lines("aaa bbb ccc\n", 8) == "aaa bbb\nccc\n");
}
