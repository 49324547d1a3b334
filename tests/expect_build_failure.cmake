# Builds TARGET in BUILD_DIR and passes only when the build fails (non-zero exit status) AND its
# output matches the regular expression on SOURCE's line `// EXPECT: <regex>`. A program that
# compiles fails this test whatever it prints; so does an error other than the expected one.
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
message("${TARGET} failed to compile (exit status ${status}) with the expected diagnostic: ${expect}")
