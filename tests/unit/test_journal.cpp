// The journal's storage: one commit per change, files and folders private,
// the tree built incrementally yet equal to what git would build, the index
// clean, history and undo, the lock, four writers at once, and kill -9 at
// random instants. The git command line is the referee.
#include "tracker/journal.hpp"

#include "tracker/git.hpp"
#include "tracker/lock.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using hired::Error;
using hired::Exit;
using hired::tracker::Change;
using hired::tracker::CommitInfo;
using hired::tracker::Journal;
namespace fs = std::filesystem;

namespace {

// HOME in a temporary folder and no system config, so the user's git
// configuration does not leak into the tests (set before any test runs).
struct TestEnvironment {
    fs::path home;
    TestEnvironment() {
        char tmpl[] = "/tmp/hired-test-home-XXXXXX";
        home = ::mkdtemp(tmpl);
        ::setenv("HOME", home.c_str(), 1);
        ::setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
        ::setenv("GIT_OPTIONAL_LOCKS", "0", 1); // git status must not rewrite the index
        for (const char* v : {"XDG_CONFIG_HOME", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
                              "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                              "GIT_COMMITTER_EMAIL", "EMAIL", "GIT_CEILING_DIRECTORIES"})
            ::unsetenv(v);
    }
    ~TestEnvironment() {
        std::error_code ec;
        fs::remove_all(home, ec);
    }
};
TestEnvironment test_environment;

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/hired-journal-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct Run {
    int code = -1;
    std::string out; // stdout and stderr
};

Run sh(const std::string& command) {
    Run r;
    FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
        r.out.append(buf, n);
    int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string quote(const fs::path& p) {
    return "'" + p.string() + "'";
}

// Runs git in dir; requires success; returns stdout without the last newline.
std::string git(const fs::path& dir, const std::string& args) {
    Run r = sh("git -C " + quote(dir) + " " + args);
    INFO("git " << args << "\n" << r.out);
    REQUIRE(r.code == 0);
    if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r.out;
}

unsigned mode_of(const fs::path& p) {
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

void spit(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

size_t commit_count(const fs::path& dir) {
    return std::stoul(git(dir, "rev-list --count HEAD"));
}

// git's own opinion on the journal: objects sound, index and work tree clean.
void require_sound(const fs::path& dir) {
    Run fsck = sh("git -C " + quote(dir) + " fsck --strict --no-dangling --no-progress");
    INFO("git fsck:\n" << fsck.out);
    REQUIRE(fsck.code == 0);
    REQUIRE(fsck.out.find("error") == std::string::npos);
    REQUIRE(fsck.out.find("bad") == std::string::npos);
    REQUIRE(fsck.out.find("missing") == std::string::npos);
    REQUIRE(git(dir, "status --porcelain --untracked-files=all") == "");
    // Stat data in the index is exact: nothing needs refreshing.
    REQUIRE(git(dir, "diff-files --name-only") == "");
}

// The tree git itself builds from the work tree (in a scratch index).
std::string git_write_tree(const fs::path& dir) {
    fs::path index = dir.parent_path() / "scratch-index";
    std::string env = "GIT_INDEX_FILE=" + quote(index) + " ";
    std::error_code ec;
    fs::remove(index, ec);
    REQUIRE(sh(env + "git -C " + quote(dir) + " add -A").code == 0);
    Run r = sh(env + "git -C " + quote(dir) + " write-tree");
    REQUIRE(r.code == 0);
    fs::remove(index, ec);
    return r.out.substr(0, r.out.find('\n'));
}

std::optional<CommitInfo> write_one(Journal& j, const std::string& message, const std::string& rel,
                                    const std::string& content) {
    return j.change(message, [&](Change& c) { c.write(rel, content); });
}

Exit code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return Exit::ok;
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("SHA-1 agrees with libgit2's, with and without the CPU's SHA instructions") {
    hired::tracker::git::Library library;
    std::mt19937 rng(7);
    std::vector<size_t> sizes;
    for (size_t n = 0; n < 200; ++n)
        sizes.push_back(n);
    for (size_t n : {1000u, 4095u, 4096u, 65537u, 300000u})
        sizes.push_back(n);
    for (size_t n : sizes) {
        std::string data(n, '\0');
        for (auto& ch : data)
            ch = static_cast<char>(rng());
        git_oid want;
        REQUIRE(git_odb_hash(&want, data.data(), data.size(), GIT_OBJECT_BLOB) == 0);
        std::string header = fmt::format("blob {}", n);
        for (bool cpu : {true, false}) {
            hired::tracker::git::Sha1 sha(cpu);
            sha.update(header.data(), header.size() + 1);
            // Fed in uneven pieces, to cross block boundaries every way.
            for (size_t at = 0; at < n;) {
                size_t piece = std::min<size_t>(n - at, 1 + rng() % 100);
                sha.update(data.data() + at, piece);
                at += piece;
            }
            auto got = sha.finish();
            INFO("size " << n << (cpu ? " (cpu)" : " (portable)"));
            REQUIRE(std::memcmp(got.data(), want.id, 20) == 0);
        }
    }
}

TEST_CASE("the first change creates a repository on main with hired.yaml") {
    TempDir tmp;
    // Whatever init.defaultBranch says, the journal's branch is main.
    spit(test_environment.home / ".gitconfig", "[init]\n\tdefaultBranch = trunk\n");
    fs::path dir = tmp.path / "data" / "journal";
    Journal j(dir);
    REQUIRE_FALSE(j.exists());
    REQUIRE(j.history(0).empty());
    REQUIRE_FALSE(fs::exists(dir)); // reading creates nothing

    auto info = write_one(j, "company: Acme", "companies/acme.yaml", "name: Acme\n");
    fs::remove(test_environment.home / ".gitconfig");
    REQUIRE(info);
    REQUIRE(info->message == "company: Acme");
    REQUIRE(info->id.size() == 40);
    REQUIRE(j.exists());
    REQUIRE(git(dir, "symbolic-ref HEAD") == "refs/heads/main");
    REQUIRE(git(dir, "rev-parse HEAD") == info->id);
    REQUIRE(commit_count(dir) == 2);
    REQUIRE(git(dir, "log --format=%s") == "company: Acme\njournal: created");

    std::string format = *j.read("hired.yaml");
    REQUIRE(format.find("format: 1\n") != std::string::npos);
    REQUIRE(format.rfind("# ", 0) == 0); // a comment says what the folder is
    REQUIRE(git(dir, "show HEAD:hired.yaml") + "\n" == format);
    REQUIRE(git(dir, "show HEAD:companies/acme.yaml") == "name: Acme");
    require_sound(dir);
}

TEST_CASE("files are 0600 and folders 0700 whatever the umask; git stores 100644") {
    for (mode_t mask : {mode_t(0), mode_t(077), mode_t(022)}) {
        mode_t old = ::umask(mask);
        TempDir tmp;
        fs::path dir = tmp.path / "j";
        Journal j(dir);
        j.change("two files", [](Change& c) {
            c.write("top.yaml", "a: 1\n");
            c.write("a/b/c.yaml", "c: 1\n");
        });
        ::umask(old);
        INFO("umask " << mask);
        REQUIRE(mode_of(dir) == 0700);
        REQUIRE(mode_of(dir / ".git") == 0700);
        REQUIRE(mode_of(dir / "a") == 0700);
        REQUIRE(mode_of(dir / "a" / "b") == 0700);
        REQUIRE(mode_of(dir / "top.yaml") == 0600);
        REQUIRE(mode_of(dir / "a/b/c.yaml") == 0600);
        REQUIRE(mode_of(dir / "hired.yaml") == 0600);
        REQUIRE(mode_of(dir / ".git" / "hired.lock") == 0600);
        REQUIRE(mode_of(dir / ".git" / "hired.lock.queue") == 0600);
        REQUIRE_FALSE(fs::exists(dir / ".git" / "hired-pending"));
        std::string staged = git(dir, "ls-files -s");
        REQUIRE(staged.find("100644") != std::string::npos);
        REQUIRE(staged.find("100600") == std::string::npos);
        REQUIRE(git(dir, "ls-tree -r HEAD").find("100644 blob") == 0);
        require_sound(dir);
    }
}

TEST_CASE("reads are plain file access; list is recursive, sorted, relative to the journal") {
    TempDir tmp;
    Journal j(tmp.path / "j");
    REQUIRE(j.read("companies/acme.yaml") == std::nullopt);
    REQUIRE(j.list("companies").empty());
    j.change("records", [](Change& c) {
        c.write("companies/zeta.yaml", "z\n");
        c.write("companies/acme.yaml", "a\n");
        c.write("companies/old/beta.yaml", "b\n");
        c.write("companies/notes.txt", "n\n");
        c.write("contacts/ada.yaml", "ada\n");
    });
    spit(tmp.path / "j" / "companies" / ".hidden.yaml", "x");
    REQUIRE(j.read("companies/acme.yaml") == "a\n");
    REQUIRE(j.list("companies") == std::vector<std::string>{"companies/acme.yaml",
                                                            "companies/old/beta.yaml",
                                                            "companies/zeta.yaml"});
    REQUIRE(j.list("companies", ".txt") == std::vector<std::string>{"companies/notes.txt"});
    REQUIRE(j.list("") == std::vector<std::string>{"companies/acme.yaml", "companies/old/beta.yaml",
                                                   "companies/zeta.yaml", "contacts/ada.yaml",
                                                   "hired.yaml"});
    REQUIRE(j.list("nowhere").empty());
    REQUIRE(code_of([&] { j.list(".git"); }) == Exit::data);
    REQUIRE(code_of([&] { j.read("../etc/passwd"); }) == Exit::data);

    // Reading never initialises libgit2 (Debian's loads the CA bundle then).
    Journal reader(tmp.path / "j");
    REQUIRE(reader.exists());
    REQUIRE(reader.read("contacts/ada.yaml") == "ada\n");
    REQUIRE(reader.list("companies").size() == 3);
    int users = git_libgit2_init(); // how many initialisations there now are, ours included
    git_libgit2_shutdown();
    REQUIRE(users == 2); // j's (it wrote) and ours: none from reader
}

TEST_CASE("one commit per change, with the exact message; nothing new, no commit") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    auto first = j.change("round: Acme, onsite #3 (passed)", [](Change& c) {
        c.write("companies/acme.yaml", "rounds: 3\n");
        c.write("lessons/l1.yaml", "text: breathe\n");
    });
    REQUIRE(first);
    REQUIRE(commit_count(dir) == 2);
    // The message is the summary given, then the trailer naming this clone
    // of the journal (for undo), ending with a newline.
    std::string raw = git(dir, "cat-file commit HEAD");
    std::string body = raw.substr(raw.find("\n\n") + 2);
    REQUIRE(body.rfind("round: Acme, onsite #3 (passed)\n\nHired-Machine: ", 0) == 0);
    std::string machine = body.substr(body.rfind(' ') + 1);
    REQUIRE(machine.size() == 16);
    REQUIRE(*hired::try_read_file(dir / ".git/hired-machine") == machine + "\n");
    REQUIRE(git(dir, "log -1 --format=%s") == "round: Acme, onsite #3 (passed)");
    REQUIRE(
        sh("git -C " + quote(dir) + " cat-file commit HEAD | tail -c 1 | od -c").out.find("\\n") !=
        std::string::npos);
    REQUIRE(git(dir, "diff-tree --no-commit-id --name-only -r HEAD") ==
            "companies/acme.yaml\nlessons/l1.yaml");

    // The same content again, nothing at all, removing what is not there:
    // no commit, nothing written.
    REQUIRE_FALSE(write_one(j, "same", "companies/acme.yaml", "rounds: 3\n"));
    REQUIRE_FALSE(j.change("nothing", [](Change&) {}));
    REQUIRE_FALSE(j.change("remove nothing", [](Change& c) { c.remove("companies/none.yaml"); }));
    REQUIRE_FALSE(j.change("write and take back", [](Change& c) {
        c.write("x.yaml", "x\n");
        c.remove("x.yaml");
    }));
    REQUIRE(commit_count(dir) == 2);

    // A multi-line message keeps its body; read() inside a change sees what
    // the change staged.
    auto second = j.change("lesson: recursion\n\nlonger story\n\n\n", [](Change& c) {
        REQUIRE(c.read("companies/acme.yaml") == "rounds: 3\n");
        c.write("companies/acme.yaml", "rounds: 4\n");
        REQUIRE(c.read("companies/acme.yaml") == "rounds: 4\n");
        c.remove("lessons/l1.yaml");
        REQUIRE(c.read("lessons/l1.yaml") == std::nullopt);
    });
    REQUIRE(second);
    REQUIRE(second->message == "lesson: recursion");
    raw = git(dir, "cat-file commit HEAD");
    REQUIRE(raw.substr(raw.find("\n\n") + 2) ==
            "lesson: recursion\n\nlonger story\n\nHired-Machine: " + machine);
    REQUIRE(git(dir, "rev-parse HEAD^") == first->id);
    REQUIRE(commit_count(dir) == 3);

    // An edit that throws writes nothing.
    REQUIRE_THROWS_AS(j.change("boom",
                               [](Change& c) {
                                   c.write("companies/acme.yaml", "broken\n");
                                   throw Error(Exit::data, "bad record");
                               }),
                      Error);
    REQUIRE(j.read("companies/acme.yaml") == "rounds: 4\n");
    REQUIRE(commit_count(dir) == 3);
    REQUIRE(code_of([&] { j.change("", [](Change& c) { c.write("m.yaml", "m\n"); }); }) ==
            Exit::data);
    REQUIRE_FALSE(j.read("m.yaml"));
    require_sound(dir);
}

TEST_CASE("removing files, nested folders come and go") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    j.change("deep", [](Change& c) {
        c.write("a/b/c/d.yaml", "d\n");
        c.write("a/b/e.yaml", "e\n");
        c.write("a/f.yaml", "f\n");
    });
    REQUIRE(git(dir, "ls-tree -r --name-only HEAD") ==
            "a/b/c/d.yaml\na/b/e.yaml\na/f.yaml\nhired.yaml");
    auto info = j.change("remove d", [](Change& c) { c.remove("a/b/c/d.yaml"); });
    REQUIRE(info);
    REQUIRE_FALSE(fs::exists(dir / "a/b/c/d.yaml"));
    REQUIRE_FALSE(fs::exists(dir / "a/b/c")); // the emptied folder goes too
    REQUIRE(fs::exists(dir / "a/b/e.yaml"));
    REQUIRE(git(dir, "ls-tree -r --name-only HEAD") == "a/b/e.yaml\na/f.yaml\nhired.yaml");
    j.change("remove all of a", [](Change& c) {
        c.remove("a/b/e.yaml");
        c.remove("a/f.yaml");
    });
    REQUIRE_FALSE(fs::exists(dir / "a"));
    REQUIRE(git(dir, "ls-tree -r --name-only HEAD") == "hired.yaml");
    require_sound(dir);

    // A file where a folder is, or a folder where a file is: refused.
    write_one(j, "file", "x/y.yaml", "y\n");
    REQUIRE(code_of([&] { write_one(j, "clash", "x", "x\n"); }) == Exit::data);
    REQUIRE(code_of([&] { write_one(j, "clash", "x/y.yaml/z", "z\n"); }) == Exit::data);
    REQUIRE(code_of([&] { j.change("clash", [](Change& c) { c.remove("x"); }); }) == Exit::data);
    require_sound(dir);
}

TEST_CASE("the incremental tree equals the one git builds from the work tree") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    // Names whose order differs between plain strings and git's tree order
    // ("a-b" < "a/" < "a.b"... and a file "a.yaml" next to a folder "a").
    std::vector<std::string> names = {"a.yaml",           "a/x.yaml",
                                      "a-b/y.yaml",       "a.b/z.yaml",
                                      "a0.yaml",          "ab/c/d.yaml",
                                      "A/B.yaml",         "_u/v.yaml",
                                      "caf\xc3\xa9.yaml", "n\xc3\xa4me/\xe2\x9c\x93.yaml"};
    for (int i = 0; i < 60; ++i)
        names.push_back(fmt::format("f{}/g{}/h{}.yaml", i % 5, i % 7, i));
    std::mt19937 rng(42);
    std::set<std::string> present;
    for (int round = 0; round < 12; ++round) {
        auto info = j.change(fmt::format("round {}", round), [&](Change& c) {
            size_t ops = round == 0 ? names.size() : 1 + rng() % 12;
            for (size_t k = 0; k < ops; ++k) {
                const std::string& n = round == 0 ? names[k] : names[rng() % names.size()];
                if (round > 0 && present.count(n) && rng() % 3 == 0) {
                    c.remove(n);
                    present.erase(n);
                } else {
                    c.write(n, fmt::format("{} in round {} #{}\n", n, round, k));
                    present.insert(n);
                }
            }
        });
        INFO("round " << round);
        REQUIRE(info);
        REQUIRE(git(dir, "rev-parse HEAD^{tree}") == git_write_tree(dir));
        REQUIRE(git(dir, "status --porcelain --untracked-files=all") == "");
    }
    require_sound(dir);
}

TEST_CASE("the index stays one git reads: extensions, version 4, missing, broken, racy") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    j.change("seed", [](Change& c) {
        for (int i = 0; i < 30; ++i)
            c.write(fmt::format("d{}/f{}.yaml", i % 3, i), "x\n");
    });
    // git's own extensions (the cached tree, the untracked cache) are dropped.
    git(dir, "update-index --refresh");
    git(dir, "write-tree");
    git(dir, "-c core.untrackedCache=true status --porcelain");
    REQUIRE(write_one(j, "after extensions", "d0/f0.yaml", "y\n"));
    require_sound(dir);
    REQUIRE(git(dir, "ls-files --stage d0/f0.yaml").find(git(dir, "rev-parse HEAD:d0/f0.yaml")) !=
            std::string::npos);

    // Version 4 (prefix-compressed paths) goes through libgit2.
    git(dir, "update-index --index-version 4");
    REQUIRE(write_one(j, "index v4", "d1/f1.yaml", "y\n"));
    require_sound(dir);
    git(dir, "update-index --index-version 2");

    // A missing index is rebuilt from HEAD.
    fs::remove(dir / ".git/index");
    REQUIRE(write_one(j, "no index", "d2/f2.yaml", "y\n"));
    REQUIRE(git(dir, "status --porcelain --untracked-files=all") == "");
    REQUIRE(git(dir, "ls-files").find("d1/f4.yaml") != std::string::npos);

    // So is a broken one (set aside, not deleted).
    spit(dir / ".git/index", "DIRC garbage");
    REQUIRE(write_one(j, "bad index", "d2/f5.yaml", "y\n"));
    REQUIRE(git(dir, "status --porcelain --untracked-files=all") == "");
    REQUIRE(git(dir, "ls-files").find("d0/f3.yaml") != std::string::npos);

    // Racy git: a file changed within the index's timestamp, keeping its
    // size and mtime, must not pass for clean once the index is rewritten.
    git(dir, "config core.trustctime false");
    REQUIRE(write_one(j, "refresh", "d0/f6.yaml", "aaaa\n"));
    timespec past[2] = {{::time(nullptr) - 10, 0}, {::time(nullptr) - 10, 0}};
    fs::path f6 = dir / "d0/f6.yaml";
    REQUIRE(::utimensat(AT_FDCWD, f6.c_str(), past, 0) == 0);
    git(dir, "update-index --refresh"); // the entry now records that mtime
    spit(f6, "bbbb\n");                 // same size, same mtime
    REQUIRE(::utimensat(AT_FDCWD, f6.c_str(), past, 0) == 0);
    // The index as if written in the same second as the file.
    REQUIRE(::utimensat(AT_FDCWD, (dir / ".git/index").c_str(), past, 0) == 0);
    REQUIRE(write_one(j, "another file", "d1/f7.yaml", "y\n"));
    REQUIRE(git(dir, "status --porcelain") == " M d0/f6.yaml");
}

TEST_CASE("the author comes from git config, with a fallback") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    auto info = write_one(j, "anonymous", "a.yaml", "a\n");
    REQUIRE(info->author == "hired");
    REQUIRE(info->email == "hired@localhost");
    REQUIRE(git(dir, "log -1 --format='%an <%ae>|%cn <%ce>'") ==
            "hired <hired@localhost>|hired <hired@localhost>");

    spit(test_environment.home / ".gitconfig",
         "[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n");
    info = write_one(j, "signed", "a.yaml", "b\n");
    REQUIRE(info->author == "Ada Lovelace");
    REQUIRE(git(dir, "log -1 --format='%an <%ae>|%cn <%ce>'") ==
            "Ada Lovelace <ada@example.com>|Ada Lovelace <ada@example.com>");

    spit(test_environment.home / ".gitconfig", "[user]\n\tname = Grace\n");
    info = write_one(j, "half", "a.yaml", "c\n");
    REQUIRE(git(dir, "log -1 --format='%an <%ae>'") == "Grace <hired@localhost>");
    fs::remove(test_environment.home / ".gitconfig");
    REQUIRE(j.history(0).at(0).time > 1'600'000'000);
}

TEST_CASE("history is newest first along first parents") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    for (int i = 1; i <= 4; ++i)
        write_one(j, fmt::format("change {}", i), "a.yaml", fmt::format("{}\n", i));
    auto h = j.history(2);
    REQUIRE(h.size() == 2);
    REQUIRE(h[0].message == "change 4");
    REQUIRE(h[1].message == "change 3");
    auto all = j.history(0);
    REQUIRE(all.size() == 5);
    REQUIRE(all.back().message == "journal: created");
    REQUIRE(all[0].id == git(dir, "rev-parse HEAD"));

    // A merge (as sync makes): history follows the first parent, and a
    // plain undo passes over it (it is not the user's own change).
    std::string ident = "GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t "
                        "GIT_COMMITTER_EMAIL=t@t ";
    std::string side_blob =
        sh("printf 'side\\n' | git -C " + quote(dir) + " hash-object -w --stdin").out;
    side_blob.pop_back();
    std::string side_tree = sh("printf '100644 blob " + side_blob + "\\tside.yaml\\n' | git -C " +
                               quote(dir) + " mktree")
                                .out;
    side_tree.pop_back();
    std::string side =
        sh(ident + "git -C " + quote(dir) + " commit-tree " + side_tree + " -p HEAD~1 -m 'other machine'")
            .out;
    side.pop_back();
    // The merge's tree: ours plus side.yaml.
    std::string merged_tree = sh("(git -C " + quote(dir) + " ls-tree HEAD; printf '100644 blob " +
                                 side_blob + "\\tside.yaml\\n') | git -C " + quote(dir) + " mktree")
                                  .out;
    merged_tree.pop_back();
    std::string merge = sh(ident + "git -C " + quote(dir) + " commit-tree " + merged_tree +
                           " -p HEAD -p " + side + " -m 'sync: merge'")
                            .out;
    merge.pop_back();
    git(dir, "update-ref refs/heads/main " + merge);
    git(dir, "read-tree -u --reset HEAD");
    REQUIRE(fs::exists(dir / "side.yaml"));
    h = j.history(3);
    REQUIRE(h[0].message == "sync: merge");
    REQUIRE(h[1].message == "change 4"); // not "other machine"
    auto undone = j.undo();
    REQUIRE(undone.commit.message == "undo: change 4");
    REQUIRE(undone.passed_over.size() == 1);
    REQUIRE(undone.passed_over[0].message == "other machine");
    REQUIRE(fs::exists(dir / "side.yaml"));
    REQUIRE(j.read("a.yaml") == "3\n");
    // Named, the merge is refused; the change it brought is not.
    REQUIRE(message_of([&] { j.undo(merge); }).find("is a sync merge") != std::string::npos);
    REQUIRE(j.undo(side.substr(0, 7)).commit.message == "undo: other machine");
    REQUIRE_FALSE(fs::exists(dir / "side.yaml"));
    require_sound(dir);
}

TEST_CASE("undo takes back the user's changes one by one; redo brings them back") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    REQUIRE(code_of([&] { j.undo(); }) == Exit::data); // no journal
    j.change("seed", [](Change& c) {
        c.write("keep.yaml", "keep\n");
        c.write("mod.yaml", "before\n");
        c.write("gone/deep.yaml", "deep\n");
    });
    auto changed = j.change("mixed", [](Change& c) {
        c.write("mod.yaml", "after\n");
        c.write("new/added.yaml", "added\n");
        c.remove("gone/deep.yaml");
    });
    auto undone = j.undo();
    REQUIRE(undone.commit.message == "undo: mixed");
    REQUIRE(undone.target.id == changed->id);
    REQUIRE(git(dir, "log -1 --format=%s") == "undo: mixed");
    REQUIRE(git(dir, "log -1 --format=%B").find("Hired-Undo: " + changed->id) != std::string::npos);
    REQUIRE(git(dir, "rev-parse HEAD^") == changed->id);
    REQUIRE(j.read("mod.yaml") == "before\n");
    REQUIRE(j.read("gone/deep.yaml") == "deep\n");
    REQUIRE_FALSE(fs::exists(dir / "new"));
    REQUIRE(mode_of(dir / "gone") == 0700);
    REQUIRE(mode_of(dir / "gone/deep.yaml") == 0600);
    REQUIRE(git(dir, "rev-parse HEAD^{tree}") == git(dir, "rev-parse HEAD~2^{tree}"));
    require_sound(dir);

    // Undo again walks further back; it never re-applies what it undid.
    REQUIRE(j.undo().commit.message == "undo: seed");
    REQUIRE_FALSE(j.read("keep.yaml"));
    REQUIRE(message_of([&] { j.undo(); }) == "nothing to undo");
    // Redo brings back the last undone, then the one before.
    REQUIRE(j.redo().commit.message == "redo: seed");
    REQUIRE(j.read("mod.yaml") == "before\n");
    REQUIRE(j.redo().commit.message == "redo: mixed");
    REQUIRE(j.read("mod.yaml") == "after\n");
    REQUIRE(git(dir, "rev-parse HEAD^{tree}") == git(dir, "rev-parse " + changed->id + "^{tree}"));
    REQUIRE(message_of([&] { j.redo(); }) == "nothing to redo");
    // A redo can be undone like any change.
    REQUIRE(j.undo().commit.message == "undo: redo: mixed");
    REQUIRE(j.read("mod.yaml") == "before\n");
    // A new change ends what redo can bring back.
    write_one(j, "new change", "x.yaml", "x\n");
    REQUIRE(message_of([&] { j.redo(); }) == "nothing to redo: the journal changed since the last undo");
    require_sound(dir);

    // A change named by its id, while later changes stay; one undone already is refused.
    REQUIRE(message_of([&] { j.undo(changed->id); }).find("is undone already") !=
            std::string::npos);
    std::string seed = j.history(0).at(j.history(0).size() - 2).id;
    REQUIRE(j.history(0).at(j.history(0).size() - 2).message == "seed");
    auto named = j.undo(seed.substr(0, 8));
    REQUIRE(named.target.id == seed);
    REQUIRE_FALSE(j.read("keep.yaml"));
    REQUIRE(message_of([&] { j.undo("zzzz"); }).find("no change 'zzzz'") == 0);
    REQUIRE(j.read("x.yaml") == "x\n");

    // Down to the first commit, and no further.
    TempDir tmp2;
    Journal fresh(tmp2.path / "j");
    write_one(fresh, "only", "a.yaml", "a\n");
    REQUIRE(fresh.undo().commit.message == "undo: only");
    REQUIRE(fresh.list("").size() == 1);
    REQUIRE(message_of([&] { fresh.undo(); }) == "nothing to undo");
    Journal only_initial(tmp2.path / "k");
    only_initial.change("nothing", [](Change&) {});
    REQUIRE(only_initial.history(0).size() == 1);
    REQUIRE(message_of([&] { only_initial.undo(); }) == "nothing to undo");
    REQUIRE(code_of([&] { only_initial.undo(); }) == Exit::data);
}

TEST_CASE("undo keeps what changed after the change it takes back") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    // A practice file: the change adds one attempt, a later one (another
    // machine's, say) adds another; undoing the first keeps the second.
    auto first = j.change("first attempt", [](Change& c) {
        c.write("practice/two-sum.yaml",
                "problem: two-sum\nattempts:\n  - id: aaaaaaaa\n    finished: "
                "2026-12-01T10:00:00Z\n    verdict: WA\n");
    });
    j.change("second attempt", [](Change& c) {
        c.write("practice/two-sum.yaml",
                "problem: two-sum\nattempts:\n  - id: aaaaaaaa\n    finished: "
                "2026-12-01T10:00:00Z\n    verdict: WA\n  - id: bbbbbbbb\n    finished: "
                "2026-12-02T10:00:00Z\n    verdict: AC\n");
    });
    auto r = j.undo(first->id);
    std::string now = *j.read("practice/two-sum.yaml");
    REQUIRE(now.find("bbbbbbbb") != std::string::npos);
    REQUIRE(now.find("aaaaaaaa") == std::string::npos);
    REQUIRE(r.kept.size() == 1);
    require_sound(dir);
}

TEST_CASE("a lock held by another process makes change() wait, then fail naming it") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    write_one(j, "first", "a.yaml", "a\n");
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        hired::tracker::WriteLock lock(dir / ".git" / "hired.lock", 1000);
        char c = 'x';
        if (::write(ready[1], &c, 1) != 1) ::_exit(1);
        ::pause();
        ::_exit(0);
    }
    char c;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    ::close(ready[0]);
    ::close(ready[1]);
    j.lock_timeout_ms = 150;
    auto start = std::chrono::steady_clock::now();
    std::string message;
    Exit code = Exit::ok;
    try {
        write_one(j, "second", "a.yaml", "b\n");
    } catch (const Error& e) {
        message = e.what();
        code = e.code();
    }
    auto waited = std::chrono::steady_clock::now() - start;
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    REQUIRE(code == Exit::env);
    INFO(message);
    REQUIRE(message.rfind(fmt::format("the journal is busy: another hired process (pid {}) has "
                                      "held the lock for ",
                                      child),
                          0) == 0);
    REQUIRE(message.substr(message.size() - 2) == " s");
    REQUIRE(waited >= std::chrono::milliseconds(150));
    REQUIRE(j.read("a.yaml") == "a\n");
    // The holder died: the kernel released its lock.
    REQUIRE(write_one(j, "second", "a.yaml", "b\n"));
    require_sound(dir);
}

TEST_CASE("four processes writing at once lose nothing") {
    TempDir tmp;
    fs::path dir = tmp.path / "j"; // created by whichever writer comes first
    constexpr int writers = 4, changes = 25;
    std::vector<pid_t> children;
    for (int w = 0; w < writers; ++w) {
        pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            int rc = 0;
            try {
                Journal j(dir);
                for (int i = 0; i < changes; ++i) {
                    j.change(fmt::format("writer {} change {}", w, i), [&](Change& c) {
                        c.write(fmt::format("w{}/c{}.yaml", w, i), fmt::format("{} {}\n", w, i));
                        std::string shared = c.read("shared.yaml").value_or("");
                        c.write("shared.yaml", shared + fmt::format("writer {} change {}\n", w, i));
                    });
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "writer %d: %s\n", w, e.what());
                rc = 1;
            }
            ::_exit(rc);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
    }
    REQUIRE(commit_count(dir) == writers * changes + 1);
    Journal j(dir);
    std::string shared = *j.read("shared.yaml");
    for (int w = 0; w < writers; ++w)
        for (int i = 0; i < changes; ++i) {
            REQUIRE(shared.find(fmt::format("writer {} change {}\n", w, i)) != std::string::npos);
            REQUIRE(j.read(fmt::format("w{}/c{}.yaml", w, i)) == fmt::format("{} {}\n", w, i));
        }
    REQUIRE(std::count(shared.begin(), shared.end(), '\n') == writers * changes);
    require_sound(dir);
}

TEST_CASE("recover() writes the files of a committed change, and drops one never committed") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    write_one(j, "first", "companies/acme.yaml", "v1\n");
    std::string v1 = git(dir, "rev-parse HEAD:companies/acme.yaml");

    // Killed after main moved, before the files were written: recovery
    // writes them; no commit of its own.
    write_one(j, "second", "companies/acme.yaml", "v2\n");
    std::string head = git(dir, "rev-parse HEAD");
    std::string v2 = git(dir, "rev-parse HEAD:companies/acme.yaml");
    spit(dir / "companies/acme.yaml", "v1\n");
    spit(dir / "companies/.acme.yaml.tmp-12345-0", "half");
    spit(dir / ".git/index.lock", "");
    spit(dir / ".git/hired-pending", "hired-pending 2\ncommit " + head + "\n" + v2 + " " + v1 +
                                         " companies/acme.yaml\n");
    size_t before = commit_count(dir);
    auto done = j.recover();
    INFO(fmt::format("{}", fmt::join(done, "; ")));
    REQUIRE(done.size() == 3); // the lock, the temporary file, the file written
    REQUIRE(done[2].find("wrote 1 file of the last change") == 0);
    REQUIRE(commit_count(dir) == before);
    REQUIRE(*j.read("companies/acme.yaml") == "v2\n");
    REQUIRE_FALSE(fs::exists(dir / "companies/.acme.yaml.tmp-12345-0"));
    REQUIRE_FALSE(fs::exists(dir / ".git/index.lock"));
    REQUIRE_FALSE(fs::exists(dir / ".git/hired-pending"));
    require_sound(dir);
    REQUIRE(j.recover().empty()); // nothing more to do

    // Killed before main moved: the change did not happen, and nothing it
    // would have written is kept or committed (its command never said it had).
    spit(dir / ".git/hired-pending", "hired-pending 2\ncommit " + std::string(40, 'a') + "\n" +
                                         std::string(40, 'b') + " " + v2 + " companies/acme.yaml\n" +
                                         std::string(40, 'c') + " - companies/new.yaml\n");
    done = j.recover();
    REQUIRE(done.size() == 1);
    REQUIRE(done[0].find("had not been committed") != std::string::npos);
    REQUIRE(commit_count(dir) == before);
    REQUIRE(*j.read("companies/acme.yaml") == "v2\n");
    REQUIRE_FALSE(j.read("companies/new.yaml"));
    require_sound(dir);

    // A file edited after the interruption is left as it is, and said so.
    write_one(j, "third", "companies/acme.yaml", "v3\n");
    head = git(dir, "rev-parse HEAD");
    std::string v3 = git(dir, "rev-parse HEAD:companies/acme.yaml");
    spit(dir / "companies/acme.yaml", "edited by hand\n");
    spit(dir / ".git/hired-pending", "hired-pending 2\ncommit " + head + "\n" + v3 + " " + v2 +
                                         " companies/acme.yaml\n");
    done = j.recover();
    REQUIRE(done.size() == 1);
    REQUIRE(done[0] == "left companies/acme.yaml as it is: it changed after the interruption");
    REQUIRE(*j.read("companies/acme.yaml") == "edited by hand\n");
    spit(dir / "companies/acme.yaml", "v3\n");

    // The list of an earlier hired (paths only, files written before the
    // commit): the files are left as they are, never committed as a recovery.
    spit(dir / "companies/acme.yaml", "v4\n");
    spit(dir / ".git/hired-pending", "companies/acme.yaml\n");
    before = commit_count(dir);
    done = j.recover();
    REQUIRE(done.back().find("earlier hired") != std::string::npos);
    REQUIRE(commit_count(dir) == before);
    REQUIRE(*j.read("companies/acme.yaml") == "v4\n");
    spit(dir / "companies/acme.yaml", "v3\n");
    require_sound(dir);

    // change() recovers first and says what it did.
    spit(dir / "companies/acme.yaml", "v2\n");
    spit(dir / ".git/hired-pending", "hired-pending 2\ncommit " + head + "\n" + v3 + " " + v2 +
                                         " companies/acme.yaml\n");
    auto info = write_one(j, "fourth", "lessons/x.yaml", "x\n");
    REQUIRE(info);
    REQUIRE(j.recovered.size() == 1);
    REQUIRE(*j.read("companies/acme.yaml") == "v3\n");
    REQUIRE(git(dir, "log -2 --format=%s") == "fourth\nthird");
    require_sound(dir);
}

TEST_CASE("kill -9 at any instant of change() leaves a valid journal") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    fs::path ids = tmp.path / "returned";
    Journal j(dir);
    write_one(j, "start", "log.yaml", "");
    std::mt19937 rng(std::random_device{}());
    int recovered = 0, kills = 24;
    for (int round = 0; round < kills; ++round) {
        int ready[2];
        REQUIRE(::pipe(ready) == 0);
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(ready[0]);
            Journal cj(dir);
            cj.history(1); // libgit2 initialised before the clock starts
            int fd = ::open(ids.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
            for (int i = 0;; ++i) {
                char c = 'x';
                if (::write(ready[1], &c, 1) != 1) ::_exit(1);
                auto info = cj.change(fmt::format("kill {} change {}", round, i), [&](Change& ch) {
                    ch.write(fmt::format("k/{}.yaml", i % 7), fmt::format("{} {}\n", round, i));
                    if (i % 3 == 0) ch.remove(fmt::format("k/{}.yaml", (i + 3) % 7));
                    ch.write("log.yaml",
                             ch.read("log.yaml").value_or("") + fmt::format("{} {}\n", round, i));
                    ch.write(fmt::format("n/{}/{}.yaml", round % 3, i % 5), "x\n");
                });
                std::string line = info->id + "\n";
                if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                    ::_exit(1);
            }
        }
        ::close(ready[1]);
        // Let 0-2 changes return, then kill at a random instant of the next.
        int returned = static_cast<int>(rng() % 3);
        for (int k = 0; k <= returned; ++k) {
            char c;
            REQUIRE(::read(ready[0], &c, 1) == 1);
        }
        ::close(ready[0]);
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % 20000));
        ::kill(child, SIGKILL);
        REQUIRE(::waitpid(child, nullptr, 0) == child);

        INFO("round " << round);
        auto done = j.recover();
        if (!done.empty()) ++recovered;
        REQUIRE(git(dir, "rev-parse --verify HEAD").size() == 40);
        require_sound(dir);
        std::string reachable = git(dir, "rev-list HEAD");
        std::ifstream in(ids);
        for (std::string id; std::getline(in, id);) {
            INFO("returned commit " << id);
            REQUIRE(reachable.find(id) != std::string::npos);
        }
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            std::string name = entry.path().filename().string();
            REQUIRE(name.find(".tmp-") == std::string::npos);
            REQUIRE(name.find("tmp_object") == std::string::npos);
        }
        if (round % 4 == 0)
            REQUIRE(write_one(j, fmt::format("parent {}", round), "p.yaml",
                              fmt::format("{}\n", round)));
    }
    WARN(fmt::format("{} of {} kills needed a recovery; {} changes returned before a kill",
                     recovered, kills, sh("wc -l < " + quote(ids)).out));
    require_sound(dir);
}

TEST_CASE("kill -9 while the journal is being created leaves one that works") {
    TempDir tmp;
    std::mt19937 rng(std::random_device{}());
    for (int round = 0; round < 10; ++round) {
        fs::path dir = tmp.path / fmt::format("j{}", round);
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            Journal cj(dir);
            for (int i = 0;; ++i)
                write_one(cj, fmt::format("change {}", i), "a.yaml", fmt::format("{}\n", i));
        }
        std::this_thread::sleep_for(std::chrono::microseconds(rng() % 25000));
        ::kill(child, SIGKILL);
        REQUIRE(::waitpid(child, nullptr, 0) == child);
        INFO("round " << round);
        Journal j(dir);
        REQUIRE(write_one(j, "after the kill", "b.yaml", "b\n"));
        REQUIRE(j.exists());
        REQUIRE(git(dir, "symbolic-ref HEAD") == "refs/heads/main");
        REQUIRE(git(dir, "log --format=%s").find("journal: created") != std::string::npos);
        require_sound(dir);
    }
}

TEST_CASE("a change cannot start inside another") {
    TempDir tmp;
    Journal j(tmp.path / "j");
    REQUIRE(code_of([&] {
                j.change("outer", [&](Change& c) {
                    c.write("a.yaml", "a\n");
                    write_one(j, "inner", "b.yaml", "b\n");
                });
            }) == Exit::data);
    REQUIRE_FALSE(j.read("a.yaml"));
    REQUIRE(write_one(j, "after", "a.yaml", "a\n"));
}

TEST_CASE("bad paths are refused with Exit::data and write nothing") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    Journal j(dir);
    write_one(j, "first", "a.yaml", "a\n");
    std::vector<std::string> bad = {"",
                                    "/etc/passwd",
                                    "../x.yaml",
                                    "a/../../x",
                                    "./a.yaml",
                                    "a/./b",
                                    ".git/config",
                                    "x/.git/y",
                                    ".GIT/hooks/pre-commit",
                                    "a//b",
                                    "a/",
                                    "sp ace.yaml",
                                    "tab\t.yaml",
                                    "back\\slash",
                                    std::string("nul\0.yaml", 9),
                                    "new\nline",
                                    "q?.yaml",
                                    "~x",
                                    std::string(300, 'x')};
    for (const auto& rel : bad) {
        INFO("path \"" << rel << "\"");
        REQUIRE_FALSE(Journal::is_valid_path(rel));
        REQUIRE(code_of([&] { write_one(j, "bad", rel, "x\n"); }) == Exit::data);
        REQUIRE(code_of([&] { j.change("bad", [&](Change& c) { c.remove(rel); }); }) == Exit::data);
        REQUIRE(code_of([&] { j.read(rel); }) == Exit::data);
    }
    for (std::string ok : {"a.yaml", "companies/acme-corp_2.yaml", "caf\xc3\xa9/\xe2\x9c\x93.yaml",
                           "...x", ".gitignore", "a.git/b"})
        REQUIRE(Journal::is_valid_path(ok));
    REQUIRE(commit_count(dir) == 2);
    require_sound(dir);
}

TEST_CASE("a folder that is not a journal is refused; a newer format is refused") {
    TempDir tmp;
    fs::path dir = tmp.path / "j";
    fs::create_directories(dir);
    spit(dir / "notes.txt", "mine\n");
    REQUIRE(code_of([&] {
                Journal(dir).change("x", [](Change& c) { c.write("a.yaml", "a\n"); });
            }) == Exit::data);
    REQUIRE_FALSE(fs::exists(dir / ".git"));

    // A git repository with history but no hired.yaml.
    fs::path other = tmp.path / "other";
    fs::create_directories(other);
    sh("git -C " + quote(other) + " init -q && echo x > " + quote(other / "x") + " && git -C " +
       quote(other) + " add x && git -C " + quote(other) +
       " -c user.name=t -c user.email=t@t commit -qm x");
    REQUIRE(code_of([&] {
                Journal(other).change("x", [](Change& c) { c.write("a.yaml", "a\n"); });
            }) == Exit::data);

    Journal j(tmp.path / "k");
    write_one(j, "first", "a.yaml", "a\n");
    j.change("format 2", [](Change& c) { c.write("hired.yaml", "format: 2\n"); });
    std::string m = message_of([&] { write_one(j, "x", "a.yaml", "b\n"); });
    REQUIRE(m.find("newer") != std::string::npos);
    REQUIRE(code_of([&] { write_one(j, "x", "a.yaml", "b\n"); }) == Exit::data);

    // A journal copied without its .git becomes a repository again, whole.
    fs::path copy = tmp.path / "copy";
    fs::create_directories(copy / "companies");
    spit(copy / "hired.yaml", "format: 1\n");
    spit(copy / "companies/acme.yaml", "name: Acme\n");
    Journal c(copy);
    REQUIRE(write_one(c, "after copy", "b.yaml", "b\n"));
    REQUIRE(git(copy, "ls-tree -r --name-only HEAD") == "b.yaml\ncompanies/acme.yaml\nhired.yaml");
    require_sound(copy);
}
