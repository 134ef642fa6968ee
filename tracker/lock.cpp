#include "lock.hpp"

#include "util/error.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace hired::tracker {

namespace {

// "(pid N) has held the lock for S s", from what the holder wrote and when.
std::string describe_holder(int fd) {
    char buf[64] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    long pid = n > 0 ? std::strtol(buf, nullptr, 10) : 0;
    struct stat st {};
    double held = -1;
    if (::fstat(fd, &st) == 0 && n > 0) {
        timespec now{};
        ::clock_gettime(CLOCK_REALTIME, &now);
        held = static_cast<double>(now.tv_sec - st.st_mtim.tv_sec) +
               static_cast<double>(now.tv_nsec - st.st_mtim.tv_nsec) / 1e9;
        if (held < 0) held = 0;
    }
    if (pid <= 0) return "another hired process holds the lock";
    return fmt::format("another hired process (pid {}) has held the lock for {:.1f} s", pid, held);
}

} // namespace

WriteLock::WriteLock(const fs::path& file, int timeout_ms) {
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
        fail(Exit::env, "cannot open the lock file {}: {}", file.string(), std::strerror(errno));
    ::fchmod(fd_, 0600);
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::milliseconds(timeout_ms < 0 ? 0 : timeout_ms);
    for (;;) {
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) break;
        int e = errno;
        if (e == EINTR) continue;
        if (e != EWOULDBLOCK) {
            ::close(fd_);
            fail(Exit::env, "cannot lock {}: {}", file.string(), std::strerror(e));
        }
        if (clock::now() >= deadline) {
            std::string holder = describe_holder(fd_);
            ::close(fd_);
            fail(Exit::env, "the journal is busy: {}", holder);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    // For the message a waiting process prints; the lock itself is the flock.
    std::string pid = fmt::format("{}\n", ::getpid());
    if (::ftruncate(fd_, 0) != 0 ||
        ::pwrite(fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
        // Not fatal: the lock is held; only a waiter's message is poorer.
    }
}

WriteLock::~WriteLock() {
    if (fd_ >= 0) ::close(fd_); // releases the flock
}

} // namespace hired::tracker
