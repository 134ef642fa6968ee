// Debian's libgit2 parses the system CA bundle when it initialises; hired
// defers that until a transfer needs it (tracker/git_certs.cpp). One test
// case: the deferral is process-wide state.
#include "tracker/git.hpp"

#include <catch2/catch.hpp>

namespace git = hired::tracker::git;

TEST_CASE("initialising libgit2 parses no certificate; load_certificates parses them once") {
    { git::Library library; }
    git::CertificateCounts c = git::certificate_counts();
    // Debian 12's libgit2 1.5 (mbedTLS) asks for the bundle in git_libgit2_init.
    REQUIRE(c.deferred >= 1);
    CHECK(c.parsed == 0);

    git::Library library;
    git::load_certificates(); // throws when libgit2 cannot load what it first asked for
    c = git::certificate_counts();
    CHECK(c.parsed >= 1);
    git::load_certificates(); // once only
    CHECK(git::certificate_counts().parsed == c.parsed);
}
