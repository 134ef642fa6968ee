# The fuzz build (HIRED_FUZZ=ON, tests/fuzz): every library instrumented for
# clang's libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer. What
# the toolchain must provide is checked here, at configure time, with what
# to install when it is missing.
include(CheckCXXSourceCompiles)

if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "HIRED_FUZZ=ON needs clang's libFuzzer: configure with "
                      "-DCMAKE_CXX_COMPILER=clang++ (Debian: clang, libclang-rt-14-dev)")
endif()

set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer,address,undefined")
set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=fuzzer,address,undefined")
check_cxx_source_compiles([[
#include <cstddef>
#include <cstdint>
extern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }
]] HIRED_HAVE_LIBFUZZER)
unset(CMAKE_REQUIRED_FLAGS)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
if(NOT HIRED_HAVE_LIBFUZZER)
  message(FATAL_ERROR "clang cannot link -fsanitize=fuzzer: install libclang-rt-14-dev")
endif()

# The libraries get the coverage instrumentation; the targets link libFuzzer.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                    -fno-sanitize-recover=undefined)
add_link_options(-fsanitize=address,undefined)
# clang (not g++) warns that libgit2's *_INIT macros leave fields to zero.
add_compile_options(-Wno-missing-field-initializers)
