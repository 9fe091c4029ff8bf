# Runs every test executable that CTest knows under valgrind, with CK_FORK=no so
# that valgrind sees the tests themselves rather than a parent that only forks.
#
#   cmake -DBUILD_DIR=<dir> [-DREQUIRE_TESTS=ON] [-DSHARD=K -DSHARDS=N] \
#         -P scripts/valgrind-tests.cmake
#
# With SHARDS=N, N copies of this script (SHARD=0..N-1) can run at once and
# between them run every test once: the executables are dealt out in turn, and
# the allocation-failure sweep (most of the time under valgrind) runs in every
# shard with TA_SWEEP_SHARD=K/N, which makes it sweep only its share of the
# operations. Logs then go to <dir>/valgrind/<test>.<K>.log.
#
# The tests come from `ctest --show-only=json-v1` (name, command, working
# directory and ENVIRONMENT property, as CTest would run them), so this follows
# whatever tests/CMakeLists.txt registers. Only ELF executables built in
# BUILD_DIR are run: a test driven by an interpreter (bash, python3) tests the
# command's behaviour, and valgrind would only watch the interpreter. A test fails
# on any valgrind error, a definite or indirect leak, or a non-zero exit. Logs go
# to <dir>/valgrind/<test>.log. Written in CMake so that it needs nothing that
# the build does not already need (no jq, no Python).
cmake_minimum_required(VERSION 3.19)

if(NOT BUILD_DIR)
  message(FATAL_ERROR "usage: cmake -DBUILD_DIR=<dir> -P valgrind-tests.cmake")
endif()
find_program(VALGRIND valgrind REQUIRED)
if(NOT DEFINED SHARDS)
  set(SHARDS 1)
endif()
if(NOT DEFINED SHARD)
  set(SHARD 0)
endif()
if(NOT SHARDS GREATER 0 OR SHARD LESS 0 OR NOT SHARD LESS SHARDS)
  message(FATAL_ERROR "valgrind-tests: want 0 <= SHARD < SHARDS, got SHARD=${SHARD} SHARDS=${SHARDS}")
endif()
set(sweep_test test_alloc_sweep)
set(dealt 0)

execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --show-only=json-v1
                WORKING_DIRECTORY ${BUILD_DIR} OUTPUT_VARIABLE json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ctest --show-only=json-v1 failed in ${BUILD_DIR}")
endif()

set(log_dir ${BUILD_DIR}/valgrind)
file(MAKE_DIRECTORY ${log_dir})
string(JSON ntests LENGTH "${json}" tests)
set(passed 0)
set(failed "")
set(skipped 0)
if(ntests GREATER 0)
  math(EXPR last "${ntests} - 1")
  foreach(i RANGE ${last})
    string(JSON name GET "${json}" tests ${i} name)
    string(JSON ncmd ERROR_VARIABLE err LENGTH "${json}" tests ${i} command)
    if(err OR ncmd EQUAL 0)
      math(EXPR skipped "${skipped} + 1")
      continue()
    endif()
    set(cmd "")
    math(EXPR clast "${ncmd} - 1")
    foreach(j RANGE ${clast})
      string(JSON arg GET "${json}" tests ${i} command ${j})
      list(APPEND cmd "${arg}")
    endforeach()
    list(GET cmd 0 exe)
    set(magic "")
    if(EXISTS "${exe}")
      file(READ "${exe}" magic LIMIT 4 HEX)
    endif()
    string(FIND "${exe}" "${BUILD_DIR}/" in_build)
    if(NOT magic STREQUAL "7f454c46" OR NOT in_build EQUAL 0)
      message(STATUS "valgrind: ${name}: not an executable of the build, not run")
      math(EXPR skipped "${skipped} + 1")
      continue()
    endif()

    # Deal the executables out between the shards; the sweep shards itself.
    set(env_args "")
    set(log ${log_dir}/${name}.log)
    if(SHARDS GREATER 1)
      set(log ${log_dir}/${name}.${SHARD}.log)
      if(name STREQUAL sweep_test)
        list(APPEND env_args "TA_SWEEP_SHARD=${SHARD}/${SHARDS}")
      else()
        math(EXPR mine "${dealt} % ${SHARDS}")
        math(EXPR dealt "${dealt} + 1")
        if(NOT mine EQUAL SHARD)
          continue()
        endif()
      endif()
    endif()

    # The test's own environment, then CK_FORK=no over it.
    set(workdir ${BUILD_DIR})
    string(JSON nprops ERROR_VARIABLE err LENGTH "${json}" tests ${i} properties)
    if(NOT err AND nprops GREATER 0)
      math(EXPR plast "${nprops} - 1")
      foreach(k RANGE ${plast})
        string(JSON pname GET "${json}" tests ${i} properties ${k} name)
        if(pname STREQUAL "ENVIRONMENT")
          string(JSON nenv LENGTH "${json}" tests ${i} properties ${k} value)
          math(EXPR elast "${nenv} - 1")
          foreach(e RANGE ${elast})
            string(JSON kv GET "${json}" tests ${i} properties ${k} value ${e})
            list(APPEND env_args "${kv}")
          endforeach()
        elseif(pname STREQUAL "WORKING_DIRECTORY")
          string(JSON workdir GET "${json}" tests ${i} properties ${k} value)
        endif()
      endforeach()
    endif()
    list(APPEND env_args CK_FORK=no)

    execute_process(
      COMMAND ${CMAKE_COMMAND} -E env ${env_args}
              ${VALGRIND} --quiet --error-exitcode=101 --leak-check=full
              --errors-for-leak-kinds=definite,indirect --track-origins=yes
              --log-file=${log} ${cmd}
      WORKING_DIRECTORY ${workdir} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(rc EQUAL 0)
      message(STATUS "valgrind: ${name}: ok")
      math(EXPR passed "${passed} + 1")
    else()
      file(READ ${log} vlog)
      message("valgrind: ${name}: FAILED (exit ${rc})\n${out}${vlog}")
      list(APPEND failed ${name})
    endif()
  endforeach()
endif()

list(LENGTH failed nfailed)
if(SHARDS GREATER 1)
  message(STATUS "valgrind shard ${SHARD}/${SHARDS}: ${passed} passed, ${nfailed} failed, ${skipped} not run (not executables)")
else()
  message(STATUS "valgrind: ${passed} passed, ${nfailed} failed, ${skipped} not run (not executables)")
endif()
if(nfailed GREATER 0)
  message(FATAL_ERROR "valgrind failed: ${failed}")
endif()
if(REQUIRE_TESTS AND passed EQUAL 0)
  message(FATAL_ERROR "valgrind: no test executable was run (TA_REQUIRE_TESTS=1)")
endif()
