#include "practice/checker.hpp"

#include <catch2/catch.hpp>

using namespace hired::practice;

TEST_CASE("tokens: whitespace does not matter, tokens do") {
    CHECK(check_output(CheckerKind::tokens, "0 1\n", "0   1").accepted);
    CHECK(check_output(CheckerKind::tokens, "0 1\n", "0\n1\n\n").accepted);
    auto v = check_output(CheckerKind::tokens, "0 1\n2 3\n", "0 1\n2 4\n");
    CHECK_FALSE(v.accepted);
    CHECK(v.diff == "token 4 (line 2): expected '3', got '4'");
    auto shorter = check_output(CheckerKind::tokens, "1 2 3\n", "1 2\n");
    CHECK_FALSE(shorter.accepted);
    CHECK(shorter.diff.find("ends after 2 tokens") != std::string::npos);
    auto empty = check_output(CheckerKind::tokens, "7\n", "");
    CHECK(empty.diff.find("no output") != std::string::npos);
    auto longer = check_output(CheckerKind::tokens, "1\n", "1 2\n");
    CHECK(longer.diff.find("extra output") != std::string::npos);
}

TEST_CASE("lines: trailing blanks and blank lines at the end are ignored") {
    CHECK(check_output(CheckerKind::lines, "a b\nc\n", "a b  \nc\n\n\n").accepted);
    CHECK(check_output(CheckerKind::lines, "a b\nc\n", "a b\r\nc\r\n").accepted);
    auto v = check_output(CheckerKind::lines, "a b\nc\n", "a  b\nc\n");
    CHECK_FALSE(v.accepted);
    CHECK(v.diff == "line 1: expected 'a b', got 'a  b'");
}

TEST_CASE("exact: byte equal after CRLF normalisation") {
    CHECK(check_output(CheckerKind::exact, "x\ny\n", "x\r\ny\r\n").accepted);
    auto v = check_output(CheckerKind::exact, "x\ny\n", "x\ny");
    CHECK_FALSE(v.accepted);
    CHECK(v.diff.find("line 2") != std::string::npos);
}

TEST_CASE("float: numbers within an absolute or relative tolerance") {
    CHECK(check_output(CheckerKind::real, "0.3333333\n", "0.33333335", 1e-6).accepted);
    CHECK(check_output(CheckerKind::real, "1000000\n", "1000000.5", 1e-6).accepted); // relative
    CHECK(check_output(CheckerKind::real, "1e9 yes\n", "1000000000.0 yes", 1e-6).accepted);
    auto v = check_output(CheckerKind::real, "0.5\n", "0.51", 1e-6);
    CHECK_FALSE(v.accepted);
    CHECK(v.diff.find("expected 0.5, got 0.51") != std::string::npos);
    CHECK_FALSE(check_output(CheckerKind::real, "yes\n", "no", 1e-6).accepted);
}

TEST_CASE("unordered-lines: same multiset of lines") {
    CHECK(check_output(CheckerKind::unordered_lines, "a\nb\nb\n", "b\na\nb\n").accepted);
    auto v = check_output(CheckerKind::unordered_lines, "a\nb\nb\n", "b\na\na\n");
    CHECK_FALSE(v.accepted);
    CHECK((v.diff.find("missing line 'b'") != std::string::npos || v.diff.find("unexpected line 'a'") != std::string::npos));
}

TEST_CASE("shown: control characters are visible and long text is cut") {
    CHECK(shown("a\tb\n") == "a\\tb\\n");
    CHECK(shown(std::string(100, 'x'), 10) == std::string(10, 'x') + "…");
}
