# Warnings and sanitizers as INTERFACE targets, linked PRIVATE by every project target.
option(KK_WERROR "Treat compiler warnings as errors" ON)
option(KK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(KK_BUILD_BENCH "Build the benchmarks in bench/" ON)
option(KK_FUZZ "Build libFuzzer targets (needs clang)" OFF)

add_library(kk_warnings INTERFACE)
add_library(kk::warnings ALIAS kk_warnings)
target_compile_options(kk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor
  # GCC 12 reports false -Wrestrict positives inside std::string at -O2/-O3 (GCC bug 105651).
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>
  $<$<BOOL:${KK_WERROR}>:-Werror>)

add_library(kk_sanitizers INTERFACE)
add_library(kk::sanitizers ALIAS kk_sanitizers)
if(KK_SANITIZE)
  target_compile_options(kk_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(kk_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# kk_project_target(<target>): the options every project target gets.
function(kk_project_target target)
  target_link_libraries(${target} PRIVATE kk::warnings kk::sanitizers)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()
