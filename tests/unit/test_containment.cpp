// Containment: which variables a program under test (or a compiler) keeps,
// the run folders it works in, and how the sandbox is asked for.
#include "practice/containment.hpp"
#include "util/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using namespace hired::practice;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names(const std::vector<std::string>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries)
        out.push_back(e.substr(0, e.find('=')));
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// An environ-like array over strings.
struct FakeEnvironment {
    std::vector<std::string> entries;
    std::vector<char*> pointers;
    explicit FakeEnvironment(std::vector<std::string> e) : entries(std::move(e)) {
        for (auto& s : entries)
            pointers.push_back(s.data());
        pointers.push_back(nullptr);
    }
    char* const* get() const { return pointers.data(); }
};

const FakeEnvironment& user_environment() {
    static const FakeEnvironment env({
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "HOME=/home/ada",
        "USER=ada",
        "LANG=en_GB.UTF-8",
        "LC_ALL=en_GB.UTF-8",
        "TERM=xterm-256color",
        "TZ=Europe/London",
        "PYTHONPATH=/home/ada/lib",
        "JAVA_HOME=/usr/lib/jvm/default",
        "PWD=/home/ada/practice",
        "OLDPWD=/home/ada",
        "HIRED_GIT_TOKEN=ghp_0123456789",
        "HIRED_JOURNAL=/home/ada/journal",
        "HIRED_PROBLEMS=/home/ada/problems",
        "GIT_DIR=/home/ada/journal/.git",
        "GIT_ASKPASS=/usr/bin/ksshaskpass",
        "SSH_AUTH_SOCK=/run/user/1000/ssh-agent.socket",
        "SSH_AGENT_PID=1234",
        "GPG_AGENT_INFO=/run/user/1000/gnupg/S.gpg-agent",
        "AWS_ACCESS_KEY_ID=AKIA0000",
        "AWS_PROFILE=work",
        "GITHUB_TOKEN=ghp_abc",
        "GH_TOKEN=ghp_def",
        "FOO_SECRET=hunter2",
        "db_password=hunter3",
        "MYSQL_PWD=hunter4",
        "DB_PASS=hunter5",
        "OPENAI_API_KEY=sk-0",
        "SIGNING_KEY=abc",
        "NPM_AUTH=xyz",
        "DATABASE_URL=postgres://ada:hunter6@db.example/main",
        "https_proxy=http://user:pw@proxy:3128",
        "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus",
        "XAUTHORITY=/home/ada/.Xauthority",
        "DISPLAY=:0",
        "XDG_RUNTIME_DIR=/run/user/1000",
        "KRB5CCNAME=FILE:/tmp/krb5cc_1000",
        "DOCKER_HOST=unix:///var/run/docker.sock",
        "EDITOR=vim",
        "MONKEY=banana",
        "COMPASS_HEADING=north",
        "MAKEFLAGS=-j2",
    });
    return env;
}

} // namespace

TEST_CASE("secrets are recognised by family, word and value", "[containment]") {
    for (const char* name : {"HIRED_GIT_TOKEN",
                             "HIRED_JOURNAL",
                             "GIT_DIR",
                             "GIT_ASKPASS",
                             "SSH_AUTH_SOCK",
                             "AWS_PROFILE",
                             "GITHUB_ACTIONS",
                             "GH_TOKEN",
                             "FOO_SECRET",
                             "foo_secret",
                             "db_password",
                             "MYSQL_PWD",
                             "DB_PASS",
                             "OPENAI_API_KEY",
                             "SIGNING_KEY",
                             "NPM_AUTH",
                             "https_proxy",
                             "ALL_PROXY",
                             "DBUS_SESSION_BUS_ADDRESS",
                             "XAUTHORITY",
                             "DISPLAY",
                             "XDG_RUNTIME_DIR",
                             "KRB5CCNAME",
                             "DOCKER_HOST",
                             "KUBECONFIG",
                             "MyAppToken",
                             "CREDENTIALS_FILE",
                             "GOOGLE_APPLICATION_CREDENTIALS"}) {
        INFO(name);
        CHECK(is_secret(name, "x"));
    }
    for (const char* name : {"PATH", "HOME", "LANG", "LC_ALL", "TERM", "EDITOR", "MONKEY", "AUTHOR",
                             "COMPASS_HEADING", "KEYBOARD_LAYOUT", "PYTHONPATH", "MAKEFLAGS"}) {
        INFO(name);
        CHECK_FALSE(is_secret(name, "x"));
    }
    // A URL that carries a password, under any name.
    CHECK(is_secret("DATABASE_URL", "postgres://ada:hunter6@db.example/main"));
    CHECK(is_secret("PIP_INDEX_URL", "https://token@pypi.example/simple"));
    CHECK_FALSE(is_secret("HOMEPAGE", "https://example.org/a@b"));
    CHECK_FALSE(is_secret("REPO", "git@github.com:ada/notes.git"));
}

TEST_CASE("a program under test keeps only what runtimes need, never a secret", "[containment]") {
    auto kept = names(program_environment(user_environment().get()));
    std::sort(kept.begin(), kept.end());
    CHECK(kept == std::vector<std::string>{"HOME", "JAVA_HOME", "LANG", "LC_ALL", "PATH",
                                           "PYTHONPATH", "TERM", "TZ", "USER"});
    // A runtime variable that holds a secret is dropped all the same.
    FakeEnvironment tricky({"PYTHON_KEYRING_TOKEN=abc", "PYTHONPATH=/lib"});
    CHECK(names(program_environment(tricky.get())) == std::vector<std::string>{"PYTHONPATH"});
}

TEST_CASE("a compiler keeps everything but secrets", "[containment]") {
    auto kept = names(toolchain_environment(user_environment().get()));
    for (const char* name :
         {"PATH", "HOME", "LANG", "EDITOR", "MONKEY", "MAKEFLAGS", "JAVA_HOME"}) {
        INFO(name);
        CHECK(has(kept, name));
    }
    for (const char* name : {"HIRED_GIT_TOKEN", "HIRED_JOURNAL", "GIT_DIR", "SSH_AUTH_SOCK",
                             "FOO_SECRET", "DATABASE_URL", "AWS_ACCESS_KEY_ID", "PWD", "OLDPWD"}) {
        INFO(name);
        CHECK_FALSE(has(kept, name));
    }
}

TEST_CASE("a program's environment points into its folder", "[containment]") {
    Containment c;
    RunFolder folder;
    Environment plain = c.program(folder.path());
    REQUIRE(plain.get("TMPDIR"));
    CHECK(plain.get("TMPDIR") == folder.path().string());
    if (const char* home = std::getenv("HOME"); home && *home) {
        REQUIRE(plain.get("HOME"));
        CHECK(std::string(plain.get("HOME")) == home);
    }
    Environment boxed = c.sandboxed_program(folder.path());
    REQUIRE(boxed.get("HOME"));
    CHECK(boxed.get("HOME") == folder.path().string());
    CHECK(boxed.envp()[boxed.entries().size()] == nullptr);
}

TEST_CASE("an environment outlives copies and moves of itself", "[containment]") {
    Environment a({"A=1", "B=2"});
    Environment b = a;
    Environment c = std::move(a);
    for (const Environment* e : {&b, &c}) {
        REQUIRE(e->envp()[0]);
        CHECK(std::string(e->envp()[0]) == "A=1");
        CHECK(std::string(e->envp()[1]) == "B=2");
        CHECK(e->envp()[2] == nullptr);
    }
    Environment d = c.with("A", "3");
    CHECK(std::string(d.get("A")) == "3");
    CHECK(d.entries().size() == 2);
    CHECK(c.get("C") == nullptr);
}

TEST_CASE("a run folder is private, made fresh again, and removed", "[containment]") {
    fs::path kept;
    {
        RunFolder folder;
        kept = folder.path();
        struct stat st {};
        REQUIRE(::stat(kept.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0700);

        SECTION("files and read-only folders are cleared") {
            std::ofstream(kept / "out.txt") << "left behind";
            fs::create_directories(kept / "deep" / "er");
            std::ofstream(kept / "deep" / "er" / "f") << "x";
            ::chmod((kept / "deep" / "er").c_str(), 0500);
            ::chmod((kept / "deep").c_str(), 0);
            ::chmod(kept.c_str(), 0500);
            folder.clear();
            CHECK(fs::is_empty(kept));
            REQUIRE(::stat(kept.c_str(), &st) == 0);
            CHECK((st.st_mode & 0777) == 0700);
        }
        SECTION("a removed folder is made again") {
            fs::remove(kept);
            folder.clear();
            CHECK(fs::is_directory(kept));
            CHECK(fs::is_empty(kept));
        }
        SECTION("a folder replaced by a link is not followed") {
            RunFolder elsewhere;
            std::ofstream(elsewhere.path() / "precious") << "keep me";
            fs::remove(kept);
            fs::create_directory_symlink(elsewhere.path(), kept);
            folder.clear();
            CHECK_FALSE(fs::is_symlink(kept));
            CHECK(fs::is_directory(kept));
            CHECK(fs::is_empty(kept));
            CHECK(fs::exists(elsewhere.path() / "precious"));
        }
    }
    CHECK_FALSE(fs::exists(kept));
}

TEST_CASE("the sandbox hides the home folder and shows only what is asked", "[containment]") {
    RunFolder folder, journal, build;
    Sandbox s("/usr/bin/bwrap", {journal.path(), "/no/such/folder"});
    const auto& hidden = s.hidden();
    CHECK(std::is_sorted(hidden.begin(), hidden.end()));
    CHECK(std::find(hidden.begin(), hidden.end(), fs::path("/usr")) == hidden.end());
    CHECK(std::find(hidden.begin(), hidden.end(), fs::path("/no/such/folder")) == hidden.end());
    // The journal lies in the temporary folder, which is hidden whole.
    CHECK(std::find(hidden.begin(), hidden.end(), fs::path("/tmp")) != hidden.end());
    CHECK(std::find(hidden.begin(), hidden.end(), journal.path()) == hidden.end());

    auto argv = s.wrap({"python3", "sol.py"}, folder.path(), {build.path(), "/usr/bin/python3"});
    auto at = [&](const std::string& word) { return std::find(argv.begin(), argv.end(), word); };
    REQUIRE(argv.size() > 4);
    CHECK(argv[0] == "/usr/bin/bwrap");
    CHECK(argv[argv.size() - 3] == "--");
    CHECK(argv[argv.size() - 2] == "python3");
    for (const char* flag : {"--unshare-all", "--die-with-parent", "--new-session"})
        CHECK(at(flag) != argv.end());
    auto cap = at("--cap-drop");
    REQUIRE(cap != argv.end());
    CHECK(*(cap + 1) == "ALL");
    // The folder is the one writable bind, and the working folder.
    auto bind = at("--bind");
    REQUIRE(bind != argv.end());
    CHECK(*(bind + 1) == folder.path().string());
    auto chdir = at("--chdir");
    REQUIRE(chdir != argv.end());
    CHECK(*(chdir + 1) == folder.path().string());
    // A hidden build is shown read-only; /usr/bin is visible anyway.
    int ro_binds = 0;
    for (size_t i = 0; i + 1 < argv.size(); ++i)
        if (argv[i] == "--ro-bind" && argv[i + 1] != "/") {
            ++ro_binds;
            CHECK(argv[i + 1] == build.path().string());
        }
    CHECK(ro_binds == 1);
}

TEST_CASE("problems outside the built-in bank are third-party", "[containment]") {
    Problem bank;
    bank.file = fs::path(HIRED_SOURCE_DIR) / "problems" / "lunch-pairs.yaml";
    Problem imported;
    imported.file = "/home/ada/.local/share/hired/journal/problems/kattis-hello.yaml";
    Problem sneaky;
    sneaky.file = fs::path(HIRED_SOURCE_DIR) / "problems" / ".." / "tests" / "x.yaml";
    const fs::path builtin = fs::path(HIRED_SOURCE_DIR) / "problems";
    CHECK_FALSE(is_third_party(bank, builtin));
    CHECK(is_third_party(imported, builtin));
    CHECK(is_third_party(sneaky, builtin));
    CHECK(is_third_party(bank, ""));
}
