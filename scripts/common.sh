# Shared by scripts/run and scripts/test: install what is missing (Debian,
# as root, non-interactive, only when missing), then configure and build
# incrementally in build/ (or $HIRED_BUILD_DIR).
set -euo pipefail

HIRED_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HIRED_BUILD_DIR="${HIRED_BUILD_DIR:-$HIRED_ROOT/build}"

hired_packages=(cmake g++ make pkg-config git libboost-program-options-dev libyaml-cpp-dev
                libgit2-dev libfmt-dev catch2 nlohmann-json3-dev)

hired_install_missing() {
    local missing=()
    for p in "${hired_packages[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then return 0; fi
    echo "hired: installing ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

hired_build() {
    local jobs
    jobs="$(nproc 2>/dev/null || echo 2)"
    if [ ! -f "$HIRED_BUILD_DIR/CMakeCache.txt" ]; then
        cmake -S "$HIRED_ROOT" -B "$HIRED_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >&2
    fi
    cmake --build "$HIRED_BUILD_DIR" -j "$jobs" >&2
}
