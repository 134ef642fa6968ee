// Misbehaving programs for test_runner, one per mode: helper MODE [ARG...].
// Built at test time with g++ -O0 (so the recursion is real).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

void append_pid(const char* file) {
    int fd = open(file, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd < 0) _exit(90);
    std::string line = std::to_string(getpid()) + "\n";
    if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(91);
    close(fd);
}

void tell(int fd) {
    char c = 'x';
    if (write(fd, &c, 1) != 1) _exit(92);
}

void await(int fd, int count) {
    for (int got = 0; got < count;) {
        char buf[64];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) _exit(93);
        got += static_cast<int>(n);
    }
}

[[noreturn]] void sleep_forever() {
    for (;;)
        pause();
}

int depth(int n) {
    volatile int local = n;
    if (n == 0) return 0;
    return depth(n - 1) + (local & 1);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) return 64;
    std::string mode = argv[1];
    long arg = argc > 2 ? std::atol(argv[2]) : 0;

    if (mode == "exit") return static_cast<int>(arg);
    if (mode == "loop") {
        volatile unsigned long x = 0;
        for (;;)
            x = x + 1;
    }
    if (mode == "alloc") { // touch arg MB, one chunk at a time, then exit 0
        for (long i = 0; i < arg; ++i) {
            char* p = static_cast<char*>(std::malloc(1 << 20));
            if (!p) return 1;
            std::memset(p, 1, 1 << 20);
        }
        return 0;
    }
    if (mode == "segv") {
        volatile int* p = nullptr;
        *p = 1;
        return 0;
    }
    if (mode == "abort") std::abort();
    if (mode == "stderr") { // arg bytes to stderr, then exit 0
        std::string block(4096, 'e');
        for (long left = arg; left > 0;) {
            size_t n = static_cast<size_t>(std::min<long>(left, 4096));
            if (write(2, block.data(), n) != static_cast<ssize_t>(n)) return 1;
            left -= static_cast<long>(n);
        }
        return 0;
    }
    if (mode == "readline") { // echo one line, ignore the rest of stdin
        char buf[256];
        if (!std::fgets(buf, sizeof buf, stdin)) return 1;
        std::fputs(buf, stdout);
        return 0;
    }
    if (mode == "recurse") return depth(static_cast<int>(arg)) == static_cast<int>(arg / 2) ? 0 : 1;
    if (mode == "pristine") { // default signal state, and no stray descriptors
        struct sigaction sa;
        for (int sig = 1; sig < NSIG; ++sig) {
            if (sig == SIGKILL || sig == SIGSTOP) continue;
            if (sigaction(sig, nullptr, &sa) == 0 && sa.sa_handler != SIG_DFL) {
                std::printf("signal %d not default\n", sig);
                return 1;
            }
        }
        sigset_t mask;
        sigprocmask(SIG_SETMASK, nullptr, &mask);
        for (int sig = 1; sig < NSIG; ++sig) {
            if (sigismember(&mask, sig) == 1) {
                std::printf("signal %d blocked\n", sig);
                return 1;
            }
        }
        for (int fd = 3; fd < 1024; ++fd) {
            if (fcntl(fd, F_GETFD) != -1) {
                std::printf("fd %d open\n", fd);
                return 1;
            }
        }
        std::printf("pgid=%d pid=%d\n", static_cast<int>(getpgrp()), static_cast<int>(getpid()));
        return 0;
    }
    if (mode == "daemon") { // a setsid grandchild that sleeps forever; pid in argv[2]
        int sync[2];
        if (pipe(sync) != 0) return 1;
        pid_t child = fork();
        if (child < 0) return 1;
        if (child == 0) {
            setsid();
            if (fork() != 0) _exit(0); // the grandchild is orphaned at once
            append_pid(argv[2]);
            tell(sync[1]);
            sleep_forever();
        }
        await(sync[0], 1);
        waitpid(child, nullptr, 0);
        return 0;
    }
    if (mode == "forks") { // argv[3] children with 3 children each, half of them setsid
        int n = std::atoi(argv[3]);
        int sync[2];
        if (pipe(sync) != 0) return 1;
        for (int i = 0; i < n; ++i) {
            pid_t child = fork();
            if (child < 0) return 1;
            if (child == 0) {
                if (i % 2) setsid();
                for (int j = 0; j < 3; ++j) {
                    pid_t g = fork();
                    if (g == 0) {
                        if (j == 0) setsid();
                        append_pid(argv[2]);
                        tell(sync[1]);
                        sleep_forever();
                    }
                }
                append_pid(argv[2]);
                tell(sync[1]);
                sleep_forever();
            }
        }
        await(sync[0], n * 4);
        return 0;
    }
    if (mode == "tree") { // a binary tree of arg levels that sleeps; the root leaves after 0.3 s
        for (long level = 0; level < arg; ++level) {
            pid_t left = fork();
            if (left == 0) {
                if (level % 3 == 0) setsid();
                continue;
            }
            pid_t right = fork();
            if (right == 0) continue;
            if (level == 0) {
                usleep(300 * 1000);
                return 0;
            }
            sleep_forever();
        }
        sleep_forever();
    }
    if (mode == "sleep") sleep_forever();
    return 64;
}
