# Every named compile error of the library has a compile-fail test. A named error is a class template
# declared and never defined at namespace scope, `struct name;`, that the library instantiates in
# sizeof(...) so that the compiler prints its template arguments. It is found in either of two ways:
#   - its declaration follows a `///` comment that says "Names a compile error" (or "never defined"),
#     with at most a `template <...>` line in between;
#   - a header takes sizeof(name<...>) (qualified or not) and declares `struct name;` at the start of
#     a line somewhere under INCLUDE_DIR.
# The test fails, listing them, when a name appears in no `// EXPECT:` line of FAIL_DIR/*.cpp (as a
# whole word: input_count_differs_from_network is not covered by domain_input_count_differs_...).
# Headers are searched recursively, so that moving them into subfolders changes nothing.
# Usage: cmake -DINCLUDE_DIR=<dir> -DFAIL_DIR=<dir> -P check_named_errors.cmake
cmake_minimum_required(VERSION 3.25)
foreach(var IN ITEMS INCLUDE_DIR FAIL_DIR)
  if(NOT DEFINED ${var} OR NOT IS_DIRECTORY "${${var}}")
    message(FATAL_ERROR "check_named_errors.cmake: ${var} ('${${var}}') is not a directory")
  endif()
  get_filename_component(${var} "${${var}}" ABSOLUTE)
endforeach()

set(id "[A-Za-z_][A-Za-z_0-9]*")
# CMake lists split on ';' (except inside [...]): the texts searched here have their semicolons
# replaced by a control character and their brackets by parentheses, so that every regex match is
# one list element. Only identifiers are taken from them.
string(ASCII 1 sc)
macro(read_sanitized file out)
  file(READ "${file}" ${out})
  string(REPLACE ";" "${sc}" ${out} "${${out}}")
  string(REPLACE "[" "(" ${out} "${${out}}")
  string(REPLACE "]" ")" ${out} "${${out}}")
endmacro()
file(GLOB_RECURSE headers "${INCLUDE_DIR}/*.hpp" "${INCLUDE_DIR}/*.h")
list(SORT headers)
set(names)
set(declared_in)  # one "name file" entry per name, for the report
set(forward_declared)
set(used_in_sizeof)
foreach(header IN LISTS headers)
  read_sanitized("${header}" text)
  file(RELATIVE_PATH shown "${INCLUDE_DIR}" "${header}")
  # (1) The documented declarations.
  string(REGEX MATCHALL "(///[^\n]*\n)+(template[^\n]*\n)?struct ${id}${sc}" blocks "${text}")
  foreach(block IN LISTS blocks)
    if(block MATCHES "Names a compile error|[Nn]ever defined")
      string(REGEX MATCH "struct (${id})${sc}$" _ "${block}")
      list(APPEND names "${CMAKE_MATCH_1}")
      list(APPEND declared_in "${CMAKE_MATCH_1} (${shown})")
    endif()
  endforeach()
  # (2) Forward declarations at namespace scope (no indentation), and sizeof(name<...>) uses.
  string(REGEX MATCHALL "(^|\n)struct ${id}${sc}" decls "${text}")
  foreach(decl IN LISTS decls)
    string(REGEX MATCH "struct (${id})${sc}" _ "${decl}")
    list(APPEND forward_declared "${CMAKE_MATCH_1}")
    list(APPEND forward_declared_in "${CMAKE_MATCH_1} (${shown})")
  endforeach()
  string(REGEX MATCHALL "sizeof[(]([A-Za-z_0-9]+::)*${id}<" uses "${text}")
  foreach(use IN LISTS uses)
    string(REGEX MATCH "(${id})<$" _ "${use}")
    list(APPEND used_in_sizeof "${CMAKE_MATCH_1}")
  endforeach()
endforeach()
foreach(name IN LISTS used_in_sizeof)
  list(FIND forward_declared "${name}" at)
  if(NOT at EQUAL -1 AND NOT name IN_LIST names)
    list(APPEND names "${name}")
    list(GET forward_declared_in ${at} where)
    list(APPEND declared_in "${where}")
  endif()
endforeach()
list(REMOVE_DUPLICATES names)
list(LENGTH names count)
if(count EQUAL 0)
  message(FATAL_ERROR "no named compile error found under ${INCLUDE_DIR}: the patterns this script "
                      "looks for no longer match the headers; update tests/check_named_errors.cmake")
endif()

# The EXPECT lines of the compile-fail tests.
file(GLOB fail_tests "${FAIL_DIR}/*.cpp")
set(expects "")
foreach(source IN LISTS fail_tests)
  read_sanitized("${source}" text)
  string(REGEX MATCHALL "(^|\n)// EXPECT: [^\n]*" lines "${text}")
  foreach(line IN LISTS lines)
    string(APPEND expects "${line}\n")
  endforeach()
endforeach()

set(missing)
set(covered)
foreach(name IN LISTS names)
  if(expects MATCHES "(^|[^A-Za-z_0-9])${name}([^A-Za-z_0-9]|$)")
    list(APPEND covered "${name}")
  else()
    foreach(entry IN LISTS declared_in)
      if(entry MATCHES "^${name} ")
        list(APPEND missing "${entry}")
        break()
      endif()
    endforeach()
  endif()
endforeach()
list(LENGTH covered covered_count)
if(missing)
  list(JOIN missing "\n  " shown)
  message(FATAL_ERROR "named compile errors that no tests/fail/*.cpp EXPECT line mentions:\n  ${shown}\n"
                      "Add a compile-fail test (with a compiling CTNN_TWIN correction) for each.")
endif()
list(JOIN covered ", " shown)
message("${covered_count} named compile errors, each in some tests/fail EXPECT line: ${shown}")
