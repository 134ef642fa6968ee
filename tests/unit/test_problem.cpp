#include "practice/bank.hpp"
#include "practice/problem.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

using namespace hired;
using namespace hired::practice;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string t = (fs::temp_directory_path() / "hired-test-XXXXXX").string();
        REQUIRE(::mkdtemp(t.data()) != nullptr);
        path = t;
    }
    ~TempDir() { fs::remove_all(path); }
    fs::path write(const std::string& rel, const std::string& text) const {
        fs::path p = path / rel;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
};

const char* kGood = R"(id: demo
title: Demo
difficulty: easy
tags: [Array, hash-map]
statement: |
  Add two numbers.
checker: tokens
examples:
  - input: "1 2\n"
    output: "3\n"
    explain: one plus two
tests:
  - name: zeros
    input: "0 0\n"
    output: "0\n"
    hint: zero is a number too
  - input_file: demo/big.in
    output_file: demo/big.ans
solutions: [demo/ref.py]
)";

std::string error_of(const fs::path& file) {
    try {
        load_problem(file);
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("a valid problem loads with defaults and its cases in run order") {
    TempDir d;
    d.write("demo/big.in", "5 6\n");
    d.write("demo/big.ans", "11\n");
    d.write("demo/ref.py", "print(sum(map(int, input().split())))\n");
    auto p = load_problem(d.write("demo.yaml", kGood));
    CHECK(p.id == "demo");
    CHECK(p.minutes == 20);
    CHECK(p.limits.time_ms == 2000);
    CHECK(p.tags == std::vector<std::string>{"array", "hash-map"});
    auto cases = p.all_cases();
    REQUIRE(cases.size() == 3);
    CHECK(cases[0]->name == "example1");
    CHECK(cases[0]->example);
    CHECK(cases[1]->name == "zeros");
    CHECK(cases[2]->name == "t2");
    CHECK(cases[2]->load_input() == "5 6\n");
    CHECK(p.warnings.empty());
}

TEST_CASE("errors name file:line:column and the field") {
    TempDir d;
    SECTION("missing required field is reported at the map") {
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: Demo\ndifficulty: easy\n"));
        CHECK(e.find("demo.yaml:1:1:") != std::string::npos);
        CHECK(e.find("'statement'") != std::string::npos);
    }
    SECTION("a bad enum is reported at its value") {
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: Demo\ndifficulty: extreme\nstatement: x\n"));
        CHECK(e.find("demo.yaml:3:13:") != std::string::npos);
        CHECK(e.find("easy, medium or hard") != std::string::npos);
    }
    SECTION("id must equal the file name") {
        auto e = error_of(d.write("other.yaml", "id: demo\ntitle: D\ndifficulty: easy\nstatement: x\n"));
        CHECK(e.find("other.yaml:1:5:") != std::string::npos);
        CHECK(e.find("file name") != std::string::npos);
    }
    SECTION("unsafe ids are refused") {
        auto e = error_of(d.write("x.yaml", "id: ../etc/passwd\ntitle: D\ndifficulty: easy\nstatement: x\n"));
        CHECK(e.find("x.yaml:1:5:") != std::string::npos);
    }
    SECTION("input_file may not leave the problem's folder") {
        d.write("secret", "x");
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: D\ndifficulty: easy\nstatement: x\n"
                                               "tests:\n  - input_file: demo/../secret\n    output: \"1\\n\"\n"));
        CHECK(e.find("demo.yaml:6:17:") != std::string::npos);
        CHECK(e.find("inside the problem's own folder") != std::string::npos);
    }
    SECTION("a symbolic link out of the folder is refused") {
        d.write("secret", "x");
        fs::create_directories(d.path / "demo");
        fs::create_symlink(d.path / "secret", d.path / "demo" / "link");
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: D\ndifficulty: easy\nstatement: x\n"
                                               "tests:\n  - input_file: demo/link\n    output: \"1\\n\"\n"));
        CHECK(e.find("inside the problem's own folder") != std::string::npos);
    }
    SECTION("invalid YAML") {
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: [unclosed\n"));
        CHECK(e.find("demo.yaml:") != std::string::npos);
        CHECK(e.find("invalid YAML") != std::string::npos);
    }
    SECTION("a value with control characters is quoted escaped, never raw") {
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: D\ndifficulty: \"\\e[2J\\x9b\"\nstatement: x\n"));
        CHECK(e.find("demo.yaml:3:13: 'difficulty' must be easy, medium or hard, not '\\x1B[2J\\u009B'") != std::string::npos);
    }
    SECTION("a file that is not UTF-8 is an error at the byte") {
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: Caf\xe9\n"));
        CHECK(e.find("demo.yaml:2:11: the text is not valid UTF-8 (bytes \\xE9)") != std::string::npos);
    }
    SECTION("a case without output") {
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: D\ndifficulty: easy\nstatement: x\n"
                                               "tests:\n  - name: a\n    input: \"1\\n\"\n"));
        CHECK(e.find("demo.yaml:6:5:") != std::string::npos);
        CHECK(e.find("'output'") != std::string::npos);
    }
    SECTION("a wrong type") {
        auto e = error_of(d.write("demo.yaml", "id: demo\ntitle: D\ndifficulty: easy\nstatement: x\nlimits: {time_ms: fast}\n"));
        CHECK(e.find("demo.yaml:5:19:") != std::string::npos);
        CHECK(e.find("time_ms") != std::string::npos);
    }
}

TEST_CASE("unknown keys are warnings with a suggestion") {
    TempDir d;
    auto p = load_problem(d.write("demo.yaml", "id: demo\ntitle: D\ndifficulty: easy\nstatement: x\nhint: [a]\n"
                                               "examples:\n  - input: \"\"\n    output: \"\"\n"));
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].line == 5);
    CHECK(p.warnings[0].message.find("did you mean 'hints'") != std::string::npos);
}

TEST_CASE("hostile YAML neither crashes nor hangs") {
    TempDir d;
    std::string bomb = "id: demo\ntitle: D\ndifficulty: easy\nstatement: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 12; ++i) {
        bomb += fmt::format("a{}: &a{} [", i, i);
        for (int k = 0; k < 10; ++k) bomb += fmt::format("{}*a{}", k ? ", " : "", i - 1);
        bomb += "]\n";
    }
    auto e = error_of(d.write("demo.yaml", bomb));
    CHECK(e.find("alias bomb") != std::string::npos);
    auto deep = error_of(d.write("demo.yaml", std::string(100000, '[')));
    CHECK(deep.find("demo.yaml:1:") != std::string::npos);
    auto cycle = error_of(d.write("demo.yaml", "id: &x [*x]\n"));
    CHECK(cycle.find("cycle") != std::string::npos);
    auto nul = error_of(d.write("demo.yaml", std::string("id: a\0b\n", 8)));
    CHECK(nul.find("NUL") != std::string::npos);
    auto empty = error_of(d.write("demo.yaml", ""));
    CHECK(empty.find("empty") != std::string::npos);
}

TEST_CASE("the bank finds by id, suggests near misses and refuses unsafe ids") {
    TempDir a, b;
    a.write("demo.yaml", "id: demo\ntitle: From A\ndifficulty: easy\nstatement: x\nexamples:\n  - {input: \"\", output: \"\"}\n");
    b.write("demo.yaml", "id: demo\ntitle: From B\ndifficulty: easy\nstatement: x\nexamples:\n  - {input: \"\", output: \"\"}\n");
    b.write("broken.yaml", "id: [\n");
    Bank bank({a.path, b.path});
    CHECK(bank.find("demo").title == "From A"); // the first folder wins
    REQUIRE(bank.all().size() == 1);
    CHECK(bank.load_errors().size() == 1);
    try {
        bank.find("dmeo");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        CHECK(std::string(e.what()).find("did you mean 'demo'") != std::string::npos);
    }
    CHECK_THROWS_AS(bank.find("../demo"), Error);
    CHECK_THROWS_AS(bank.find("a/b"), Error);
}
