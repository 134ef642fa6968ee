// The journal's write lock: one writer at a time. An flock(LOCK_EX) on an
// open descriptor of a lock file that is never deleted, so the kernel
// releases it when its holder exits, however it exits: a crashed hired
// never leaves the journal locked. Waiting is bounded; a timeout names the
// holder (its pid is written into the file) and how long it has held it.
// A second file, "<lock>.queue", is a turnstile that keeps waiting fair.
#pragma once

#include <filesystem>

namespace hired::tracker {

namespace fs = std::filesystem;

class WriteLock {
public:
    // Waits up to timeout_ms, then throws Error(Exit::env, "the journal is
    // busy: ..."). The file is created (mode 0600) when missing.
    WriteLock(const fs::path& file, int timeout_ms);
    ~WriteLock();
    WriteLock(const WriteLock&) = delete;
    WriteLock& operator=(const WriteLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace hired::tracker
