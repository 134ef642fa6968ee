// Small file-system helpers that know nothing of the product: whole-file
// reads, crash-safe writes, and the XDG base directories.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hired {

namespace fs = std::filesystem;

// strerror(e), with a full disk worded one way everywhere hired reports it
// ("no space left on device").
std::string errno_text(int e);

// Reads a whole file; throws Error(data) naming the path when it cannot.
std::string read_file(const fs::path& path);
// Reads a whole file, at most max_bytes; nullopt when it does not exist.
std::optional<std::string> try_read_file(const fs::path& path);
// Reads rel below the folder dirfd (root: its path, for messages) without
// following a symbolic link at any step and without ever blocking (a FIFO
// is not opened for reading in earnest); nullopt when nothing is there.
// Error(data) naming the path when something other than a plain file is
// there: a symbolic link (on the way, too), a FIFO, a socket, a device.
std::optional<std::string> read_plain_file(int dirfd, const fs::path& root, const std::string& rel);

// Writes through a temporary file in the same folder: write, fsync, rename,
// fsync the folder. After a crash the file is either the old or the new one.
// mode applies to the new file whatever the umask.
void write_file_atomic(const fs::path& path, std::string_view data, unsigned mode = 0644);
// Many files, each replaced atomically as by write_file_atomic: every file's
// text is on disk before any is renamed into place, and every rename before
// this returns. From 8 files on that takes two flushes of the whole file
// system (syncfs) instead of an fsync for each file and folder. A failed
// rename may leave some files replaced and others not (the journal's intent
// file covers that).
void write_files_atomic(const std::vector<std::pair<fs::path, std::string_view>>& files,
                        unsigned mode = 0644);

// Creates a folder and its parents; the last one gets mode (whatever the umask).
void make_dirs(const fs::path& path, unsigned mode = 0755);

// $HOME, or the password database's home.
fs::path home_dir();
// $XDG_DATA_HOME or ~/.local/share (likewise for cache and state).
fs::path xdg_data_home();
fs::path xdg_cache_home();
fs::path xdg_state_home();

// The running executable's path (from /proc/self/exe).
fs::path self_exe();

// True when name is a safe single path component: [a-z0-9][a-z0-9-]*.
bool is_safe_id(std::string_view name);

// True when p, after normalising, lies inside dir (both made absolute).
bool is_within(const fs::path& dir, const fs::path& p);

} // namespace hired
