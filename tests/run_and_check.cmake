# Runs COMMAND with ARGS (a ;-list) and checks its exit status and, when given, that stdout and
# stderr match the regular expressions STDOUT and STDERR.
# Usage: cmake -DCOMMAND=... -DARGS=... -DSTATUS=... [-DSTDOUT=...] [-DSTDERR=...] -P run_and_check.cmake
execute_process(COMMAND "${COMMAND}" ${ARGS} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("exit status: ${status}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT status STREQUAL STATUS)
  message(FATAL_ERROR "expected exit status ${STATUS}, got ${status}")
endif()
if(DEFINED STDOUT AND NOT STDOUT STREQUAL "" AND NOT out MATCHES "${STDOUT}")
  message(FATAL_ERROR "stdout does not match: ${STDOUT}")
endif()
if(STDOUT STREQUAL "^$" AND NOT out STREQUAL "")
  message(FATAL_ERROR "expected no stdout")
endif()
if(DEFINED STDERR AND NOT STDERR STREQUAL "" AND NOT err MATCHES "${STDERR}")
  message(FATAL_ERROR "stderr does not match: ${STDERR}")
endif()
