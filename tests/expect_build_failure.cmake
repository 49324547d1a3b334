# Builds TARGET in BUILD_DIR and passes only when the build fails (non-zero exit status) AND its
# output matches the regular expression on SOURCE's line `// EXPECT: <regex>` AND the diagnostic is
# short and starts with ctnn's words: the compiler's first line that says "error" must match
# `// FIRST: <regex>` (default: it names ctnn), and the compiler's output (the build tool's own lines
# left out) must have at most `// LINES: <n>` lines (default 40). A program that compiles fails this
# test whatever it prints; so does an error other than the expected one, or one buried in others.
# The regex is read from SOURCE here, at test time, rather than passed on the command line: it may
# hold characters (;) that CMake would split on.
# Usage: cmake -DBUILD_DIR=... -DTARGET=... -DSOURCE=... -P expect_build_failure.cmake
cmake_minimum_required(VERSION 3.25)
foreach(var IN ITEMS BUILD_DIR TARGET SOURCE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "expect_build_failure.cmake: ${var} is not set")
  endif()
endforeach()

file(READ "${SOURCE}" text)
string(REGEX MATCH "(^|\n)// EXPECT: [^\n]*" expect_line "${text}")
if(expect_line STREQUAL "")
  message(FATAL_ERROR "${SOURCE} has no '// EXPECT: <regex>' line")
endif()
string(REGEX REPLACE "^\n?// EXPECT: " "" expect "${expect_line}")
set(first "ctnn")
string(REGEX MATCH "(^|\n)// FIRST: [^\n]*" first_line "${text}")
if(NOT first_line STREQUAL "")
  string(REGEX REPLACE "^\n?// FIRST: " "" first "${first_line}")
endif()
set(max_lines 40)
string(REGEX MATCH "(^|\n)// LINES: [0-9]+" lines_line "${text}")
if(NOT lines_line STREQUAL "")
  string(REGEX REPLACE "^\n?// LINES: " "" max_lines "${lines_line}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)

if(status EQUAL 0)
  message("${out}")
  message(FATAL_ERROR "${TARGET} compiled (exit status 0): it must not compile")
endif()
if(NOT out MATCHES "${expect}")
  message("${out}")
  message(FATAL_ERROR "${TARGET} failed to compile (exit status ${status}), but its diagnostic does not "
                      "match the EXPECT regex: ${expect}")
endif()

# The compiler's own output: the build tool's progress lines, its FAILED line and the command it ran
# (the line after FAILED) left out.
string(REPLACE ";" "\\;" escaped "${out}")
string(REPLACE "\n" ";" all_lines "${escaped}")
set(diagnostic "")
set(skip_next FALSE)
foreach(line IN LISTS all_lines)
  if(skip_next)
    set(skip_next FALSE)
  elseif(line MATCHES "^FAILED: ")
    set(skip_next TRUE)
  elseif(NOT line MATCHES "^(\\[[0-9]+/[0-9]+\\] |ninja: |[0-9]+ errors? generated\\.$)" AND NOT line STREQUAL "")
    list(APPEND diagnostic "${line}")
  endif()
endforeach()
list(LENGTH diagnostic count)
set(first_error "")
foreach(line IN LISTS diagnostic)
  # A warning that -Werror promotes comes from the test's own code (e.g. the short aggregate a
  # mistake writes), not from ctnn: the library's error is the first real one.
  if(line MATCHES "error" AND NOT line MATCHES "\\[-Werror[=,][A-Za-z=,-]+\\]")
    set(first_error "${line}")
    break()
  endif()
endforeach()
if(NOT first_error MATCHES "${first}")
  message("${out}")
  message(FATAL_ERROR "${TARGET} failed with the expected diagnostic, but its first error does not match "
                      "'${first}': ${first_error}")
endif()
if(count GREATER max_lines)
  message("${out}")
  message(FATAL_ERROR "${TARGET} failed with the expected diagnostic, but it is ${count} lines long "
                      "(at most ${max_lines})")
endif()
message("${TARGET} failed to compile (exit status ${status}) with the expected diagnostic: ${expect}; "
        "first error: ${first_error}; ${count} lines")
