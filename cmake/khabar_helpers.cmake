# Helpers that give every module the same shape:
#   khabar_library(NAME SRCS ... DEPS ...)        -> static library khabar::NAME
#   khabar_test(NAME SRCS ... DEPS ... [LABELS])  -> GoogleTest program, registered with ctest;
#       its main (tests/support/test_main.cc) gives each process a private TMPDIR
#   khabar_benchmark(NAME SRCS ... DEPS ...)      -> Google Benchmark program
#   khabar_fuzzer(NAME SRCS ... DEPS ... CORPUS dir)
#       libFuzzer target when KH_FUZZ_ENGINE is on (clang), otherwise a replay
#       program that ctest runs over the committed corpus.

add_library(khabar_warnings INTERFACE)
target_compile_options(khabar_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wno-missing-field-initializers
  $<$<BOOL:${KH_WERROR}>:-Werror>)

function(khabar_library name)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(khabar_${name} STATIC ${ARG_SRCS})
  add_library(khabar::${name} ALIAS khabar_${name})
  target_include_directories(khabar_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_compile_features(khabar_${name} PUBLIC cxx_std_20)
  target_link_libraries(khabar_${name} PUBLIC ${ARG_DEPS} PRIVATE khabar_warnings ${ARG_PRIVATE_DEPS})
endfunction()

function(khabar_test name)
  if(NOT KH_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    set(ARG_LABELS fast)
  endif()
  add_executable(${name} ${ARG_SRCS} ${PROJECT_SOURCE_DIR}/tests/support/test_main.cc)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest khabar_warnings)
  target_compile_definitions(${name} PRIVATE
    KH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES LABELS "${ARG_LABELS}"
    DISCOVERY_TIMEOUT 60)
  if("fast" IN_LIST ARG_LABELS)
    set_property(GLOBAL APPEND PROPERTY KH_FAST_TEST_TARGETS ${name})
  endif()
endfunction()

# kh_fast_tests: every program the `fast` label runs (the test programs, the fuzz replays,
# and the CLI for the golden cases), not the benchmarks, for the sanitizer build of
# tools/test.sh. Call once, after every module is added.
function(khabar_fast_tests_target)
  get_property(targets GLOBAL PROPERTY KH_FAST_TEST_TARGETS)
  if(targets)
    add_custom_target(kh_fast_tests DEPENDS ${targets} khabar)
  endif()
endfunction()

function(khabar_benchmark name)
  if(NOT KH_BUILD_BENCHMARKS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SRCS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} benchmark::benchmark khabar_warnings)
endfunction()

function(khabar_fuzzer name)
  cmake_parse_arguments(ARG "" "CORPUS" "SRCS;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SRCS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} khabar_warnings)
  if(KH_FUZZ_ENGINE)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  else()
    target_sources(${name} PRIVATE ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cc)
    if(KH_BUILD_TESTS AND ARG_CORPUS)
      add_test(NAME ${name}.replay
        COMMAND ${name} ${PROJECT_SOURCE_DIR}/fuzz/corpus/${ARG_CORPUS})
      set_tests_properties(${name}.replay PROPERTIES LABELS fast)
      set_property(GLOBAL APPEND PROPERTY KH_FAST_TEST_TARGETS ${name})
    endif()
  endif()
endfunction()
