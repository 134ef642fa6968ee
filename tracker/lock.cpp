#include "lock.hpp"

#include "util/error.hpp"
#include "util/files.hpp"

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

using Clock = std::chrono::steady_clock;

int open_lock_file(const fs::path& file) {
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        fail(Exit::env, "cannot open the lock file {}: {}", file.string(), errno_text(errno));
    ::fchmod(fd, 0600);
    return fd;
}

// Takes the flock without waiting; false when another process holds it.
bool try_lock(int fd, const fs::path& file) {
    for (;;) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return true;
        if (errno == EINTR) continue;
        if (errno == EWOULDBLOCK) return false;
        fail(Exit::env, "cannot lock {}: {}", file.string(), errno_text(errno));
    }
}

// "another hired process (pid N) has held the lock for S s", from what the
// holder wrote into the file and when.
std::string describe_holder(int fd) {
    char buf[64] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    long pid = n > 0 ? std::strtol(buf, nullptr, 10) : 0;
    if (pid <= 0) return "another hired process holds the lock";
    double held = 0;
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
        timespec now{};
        ::clock_gettime(CLOCK_REALTIME, &now);
        held = static_cast<double>(now.tv_sec - st.st_mtim.tv_sec) +
               static_cast<double>(now.tv_nsec - st.st_mtim.tv_nsec) / 1e9;
        if (held < 0) held = 0;
    }
    return fmt::format("another hired process (pid {}) has held the lock for {:.1f} s", pid, held);
}

} // namespace

WriteLock::WriteLock(const fs::path& file, int timeout_ms) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(timeout_ms, 0));
    const auto poll = std::chrono::milliseconds(2);
    fd_ = open_lock_file(file);
    // A turnstile in front of the lock: whoever waits for the lock holds it,
    // so a process that releases the lock and asks again at once queues
    // behind the waiter instead of winning every race (flock is not fair).
    fs::path queue = file;
    queue += ".queue";
    int turn = open_lock_file(queue);
    auto give_up = [&] {
        std::string holder = describe_holder(fd_);
        ::close(turn);
        ::close(fd_);
        fd_ = -1;
        fail(Exit::env, "the journal is busy: {}", holder);
    };
    try {
        while (!try_lock(turn, queue)) {
            if (Clock::now() >= deadline) give_up();
            std::this_thread::sleep_for(poll);
        }
        while (!try_lock(fd_, file)) {
            if (Clock::now() >= deadline) give_up();
            std::this_thread::sleep_for(poll);
        }
    } catch (...) {
        if (fd_ >= 0) {
            ::close(turn);
            ::close(fd_);
        }
        throw;
    }
    ::close(turn); // the next waiter may now queue for the lock
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
