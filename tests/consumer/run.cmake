# The find_package proof, as a backend would live it: configure and build
# examples/backend-verifier against the SDK installed into PREFIX, then verify an order the
# shopper saw (priced by the CLI) and refuse a tampered one. Run by ctest with -P.
# The SDK's compiler flags are passed on so that sanitizer builds link.

# Runs a command; fails the test with `what` unless it exits with `expected`.
function(expect_exit expected what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL expected)
    message(FATAL_ERROR "${what} (exit ${result}, expected ${expected}):\n${out}${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${BINARY_DIR})  # a fresh consumer every time, as on a user's machine
expect_exit(0 "configuring the verifier against the installed SDK failed"
  ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${PREFIX}
  -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
expect_exit(0 "building the verifier failed" ${CMAKE_COMMAND} --build ${BINARY_DIR})

set(claimed ${BINARY_DIR}/claimed.json)
expect_exit(0 "the CLI could not price the cart" ${CLI} price --snapshot ${SNAPSHOT} --cart ${CART})
file(WRITE ${claimed} "${last_output}")
expect_exit(0 "a genuine order was not verified" ${BINARY_DIR}/verify_order ${SNAPSHOT} ${CART} ${claimed})
message(STATUS "${last_output}")

# The order total is the last member of "totals": change it as a tampering client would.
file(READ ${claimed} text)
string(REGEX REPLACE "\"total\":\"[0-9.]+\"}" "\"total\":\"0.01\"}" tampered "${text}")
if(tampered STREQUAL text)
  message(FATAL_ERROR "could not find the order total to tamper with in:\n${text}")
endif()
file(WRITE ${claimed} "${tampered}")
expect_exit(1 "a tampered order was not refused" ${BINARY_DIR}/verify_order ${SNAPSHOT} ${CART} ${claimed})
message(STATUS "${last_output}")
