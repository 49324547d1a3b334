# Runs a libFuzzer harness for a bounded time (tests fuzz.<name>, tests/fuzz/CMakeLists.txt):
#   cmake -DFUZZER=<program> -DSECONDS=<n> -DSEEDS=<seed corpus> -DWORK=<folder> -P run_fuzzer.cmake
# The harness starts from the committed seeds and writes the inputs it finds to WORK (never into the
# source tree); a crash, a sanitizer report or a failed oracle check leaves the input in
# WORK/artifacts and fails the test. On success it prints one line: executions, seconds, corpus size.
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
get_filename_component(name "${FUZZER}" NAME)
execute_process(
  COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
          "-artifact_prefix=${WORK}/artifacts/" "${WORK}/corpus" "${SEEDS}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCH "stat::number_of_executed_units: *([0-9]+)" _ "${err}")
set(runs "${CMAKE_MATCH_1}")
string(REGEX MATCH "Done [0-9]+ runs in ([0-9]+) second" _ "${err}")
set(seconds "${CMAKE_MATCH_1}")
file(GLOB corpus "${WORK}/corpus/*")
list(LENGTH corpus corpus_size)
if(NOT status EQUAL 0 OR runs STREQUAL "")
  string(LENGTH "${err}" length)
  if(length GREATER 20000)  # keep the end of the log, where the report is
    math(EXPR from "${length} - 20000")
    string(SUBSTRING "${err}" ${from} -1 err)
  endif()
  message(FATAL_ERROR "${name} failed (exit status ${status}); inputs kept in ${WORK}/artifacts\n${err}")
endif()
message("${name}: ${runs} executions in ${seconds} s, ${corpus_size} inputs in the working corpus (seeds: ${SEEDS})")
