// CA certificates on demand. Debian's libgit2 1.5 is built with mbedTLS and
// parses the whole system CA bundle (/etc/ssl/certs/ca-certificates.crt)
// inside git_libgit2_init: about 55 million instructions, ~10 ms, paid by
// every local commit, which needs no certificate at all.
//
// The two mbedTLS functions it loads them with are replaced here. With the
// archives linked in (HIRED_WRAP_MBEDTLS, see CMakeLists.txt) the linker's
// --wrap sends libgit2's calls to __wrap_mbedtls_x509_crt_parse_file and
// __wrap_..._path, and __real_... reaches mbedTLS. With the shared libgit2,
// functions of mbedTLS's own names are defined in the executable instead, so
// libgit2's calls bind to them (the executable comes first in the dynamic
// linker's search order, and a symbol a linked library needs is exported
// without -rdynamic); dlsym(RTLD_NEXT) reaches mbedTLS. Until load_certificates() is
// called they only remember what was asked and report success, which leaves
// libgit2 with an empty trust chain: a TLS connection made then would fail
// verification, never pass it. load_certificates() (sync calls it before any
// transfer) stops deferring and hands the remembered locations to libgit2
// again through GIT_OPT_SET_SSL_CERT_LOCATIONS, which parses them with the
// real functions into a fresh chain.
//
// With a libgit2 built on another TLS library these functions are never
// called, and load_certificates() has nothing to do.
#include "git.hpp"

#include <dlfcn.h>

#include <atomic>
#include <cstdlib>
#include <mutex>

namespace {

struct Deferred {
    std::mutex mutex;
    bool deferring = true;
    std::string file, path; // the locations asked for while deferring
    hired::tracker::git::CertificateCounts counts;
};

Deferred& deferred() {
    static Deferred d;
    return d;
}

using Parse = int (*)(void* chain, const char* location);

void count_parse() {
    std::lock_guard lock(deferred().mutex);
    ++deferred().counts.parsed;
}

// True when the call was deferred (location remembered).
bool defer(const char* location, bool is_file) {
    Deferred& d = deferred();
    std::lock_guard lock(d.mutex);
    if (!d.deferring) return false;
    (is_file ? d.file : d.path) = location ? location : "";
    ++d.counts.deferred;
    return true;
}

} // namespace

extern "C" {

#if HIRED_WRAP_MBEDTLS

int __real_mbedtls_x509_crt_parse_file(void* chain, const char* path);
int __real_mbedtls_x509_crt_parse_path(void* chain, const char* path);

int __wrap_mbedtls_x509_crt_parse_file(void* chain, const char* path) {
    if (defer(path, true)) return 0;
    count_parse();
    return __real_mbedtls_x509_crt_parse_file(chain, path);
}

int __wrap_mbedtls_x509_crt_parse_path(void* chain, const char* path) {
    if (defer(path, false)) return 0;
    count_parse();
    return __real_mbedtls_x509_crt_parse_path(chain, path);
}

#else

// The real mbedTLS function, or an mbedTLS error code
// (MBEDTLS_ERR_X509_FILE_IO_ERROR) when there is none.
int call_real(const char* name, void* chain, const char* location) {
    auto real = reinterpret_cast<Parse>(::dlsym(RTLD_NEXT, name));
    if (!real) return -0x2900;
    count_parse();
    return real(chain, location);
}

__attribute__((visibility("default"))) int mbedtls_x509_crt_parse_file(void* chain, const char* path) {
    if (defer(path, true)) return 0;
    return call_real("mbedtls_x509_crt_parse_file", chain, path);
}

__attribute__((visibility("default"))) int mbedtls_x509_crt_parse_path(void* chain, const char* path) {
    if (defer(path, false)) return 0;
    return call_real("mbedtls_x509_crt_parse_path", chain, path);
}

#endif

} // extern "C"

namespace hired::tracker::git {

// Called by Library's constructor so that the linker always takes this file
// along with libgit2: the stand-ins above are only referenced from libgit2.
void keep_certificate_stand_ins() {}

void load_certificates() {
    std::string file, path;
    {
        Deferred& d = deferred();
        std::lock_guard lock(d.mutex);
        if (!d.deferring) return;
        d.deferring = false;
        file = d.file;
        path = d.path;
    }
    // OpenSSL's variables, as git and curl honour them (a company's own CA,
    // a test's): SSL_CERT_FILE, else SSL_CERT_DIR, in place of the system's.
    const char* env_file = std::getenv("SSL_CERT_FILE");
    const char* env_dir = std::getenv("SSL_CERT_DIR");
    if (env_file && *env_file) {
        file = env_file;
        path.clear();
    } else if (env_dir && *env_dir) {
        file.clear();
        path = env_dir;
    }
    if (file.empty() && path.empty()) return; // nothing was deferred or asked for
    check(git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file.empty() ? nullptr : file.c_str(),
                           path.empty() ? nullptr : path.c_str()),
          "loading the system's CA certificates");
}

CertificateCounts certificate_counts() {
    std::lock_guard lock(deferred().mutex);
    return deferred().counts;
}

} // namespace hired::tracker::git
