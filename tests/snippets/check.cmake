# The tests of tests/snippets (see CMakeLists.txt there).
#   cmake -DMODE=run -DPROGRAM=<program> [-DSTDOUT_FILE=<file>] -P check.cmake
#     runs the program: its exit status must be 0 and, when STDOUT_FILE is given, its standard output
#     must equal that file's text.
#   cmake -DMODE=fails -DBUILD_DIR=<build tree> -DTARGET=<target> -DEXPECT_FILE=<file> -P check.cmake
#     builds the target, which must fail (non-zero exit status), with output that matches the regular
#     expression in EXPECT_FILE.
if(MODE STREQUAL "run")
  execute_process(COMMAND "${PROGRAM}" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("exit status: ${status}\nstdout:\n${out}\nstderr:\n${err}")
  if(NOT status STREQUAL "0")
    message(FATAL_ERROR "expected exit status 0, got ${status}")
  endif()
  if(NOT STDOUT_FILE STREQUAL "")
    file(READ "${STDOUT_FILE}" expected)
    if(NOT out STREQUAL expected)
      message(FATAL_ERROR "standard output differs from the documented output:\n${expected}")
    endif()
  endif()
elseif(MODE STREQUAL "fails")
  file(READ "${EXPECT_FILE}" expect)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}"
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  message("${out}")
  if(status STREQUAL "0")
    message(FATAL_ERROR "${TARGET} compiled, but its snippet is documented as one that does not compile")
  endif()
  if(NOT out MATCHES "${expect}")
    message(FATAL_ERROR "${TARGET} failed to compile, but its diagnostic does not match: ${expect}")
  endif()
  message("${TARGET} failed to compile, as documented, with a diagnostic that matches: ${expect}")
else()
  message(FATAL_ERROR "check.cmake: MODE must be run or fails")
endif()
