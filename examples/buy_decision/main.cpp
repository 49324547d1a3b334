// buy_decision: the seed network. Two yes/no inputs, design and quality; the customer buys when
// exactly one of them is good (both good: too expensive; both bad: nobody wants it). That is XOR,
// which no single ReLU unit can decide, and which two hidden ReLU units can.
//
//   buy_decision          prints the whole truth table, hidden units included
//   buy_decision 0 1      prints the decision and the output for design = 0, quality = 1
//   buy_decision --help   prints the usage (also -h)
//
// Exit status: 0 done, 1 a write to standard output failed (a full disk, a closed pipe or descriptor:
// as in coreutils, checked when the program ends), 2 bad arguments (message on standard error).
// The network and the argument handling are in cli.hpp (the fuzzer tests/fuzz/fuzz_cli.cpp drives
// them); main adds only the check of standard output.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <span>

#include "cli.hpp"

namespace {

// Flushes and closes standard output. Returns false when a write failed, now or earlier (the stream's
// error state), with the reason in `error` (an errno value, or 0 when unknown). As coreutils'
// close_stdout: a descriptor that was closed and never written to is no error.
bool close_stdout(int& error) {
  errno = 0;
  std::cout.flush();  // std::cout writes through to stdout (sync_with_stdio), so this flushes stdout
  bool failed = !std::cout || std::ferror(stdout) != 0;
  error = failed ? errno : 0;
  errno = 0;
  if (std::fclose(stdout) != 0 && (failed || errno != EBADF)) {
    if (!failed) error = errno;
    failed = true;
  }
  return !failed;
}

}  // namespace

int main(int argc, char** argv) {
  int status = buy_decision::run(std::span<const char* const>(argv + 1, argc - 1), std::cout, std::cerr);
  int error = 0;
  if (!close_stdout(error)) {
    if (error != 0)
      std::cerr << "buy_decision: write error: " << std::strerror(error) << "\n";
    else
      std::cerr << "buy_decision: write error\n";
    status = buy_decision::status_write_error;
  }
  return status;
}
