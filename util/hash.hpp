// A stable 64-bit content hash (FNV-1a) for cache keys. Not cryptographic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace hired {

class Hasher {
public:
    Hasher& add(std::string_view data) {
        for (unsigned char c : data) {
            h_ ^= c;
            h_ *= 0x100000001b3ull;
        }
        // A separator so that ("ab","c") and ("a","bc") differ.
        h_ ^= 0xff;
        h_ *= 0x100000001b3ull;
        return *this;
    }
    uint64_t value() const { return h_; }
    std::string hex() const { return fmt::format("{:016x}", h_); }

private:
    uint64_t h_ = 0xcbf29ce484222325ull;
};

} // namespace hired
