# The find_package proof, as a backend would live it: configure and build
# examples/backend-verifier against the SDK installed into PREFIX, then verify an order the
# shopper saw (priced by the CLI) and refuse a tampered one. Run by ctest with -P.
# The SDK's compiler flags are passed on so that sanitizer builds link.
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(last_result ${result} PARENT_SCOPE)
  set(last_output "${out}${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${BINARY_DIR})  # a fresh consumer every time, as on a user's machine
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${PREFIX}
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
if(NOT last_result EQUAL 0)
  message(FATAL_ERROR "configuring the verifier against the installed SDK failed:\n${last_output}")
endif()
run(${CMAKE_COMMAND} --build ${BINARY_DIR})
if(NOT last_result EQUAL 0)
  message(FATAL_ERROR "building the verifier failed:\n${last_output}")
endif()

set(claimed ${BINARY_DIR}/claimed.json)
run(${CLI} price --snapshot ${SNAPSHOT} --cart ${CART})
file(WRITE ${claimed} "${last_output}")
run(${BINARY_DIR}/verify_order ${SNAPSHOT} ${CART} ${claimed})
if(NOT last_result EQUAL 0)
  message(FATAL_ERROR "a genuine order was not verified (${last_result}):\n${last_output}")
endif()
message(STATUS "${last_output}")

# The order total is the last member of "totals": change it as a tampering client would.
file(READ ${claimed} text)
string(REGEX REPLACE "\"total\":\"[0-9.]+\"}" "\"total\":\"0.01\"}" tampered "${text}")
if(tampered STREQUAL text)
  message(FATAL_ERROR "could not find the order total to tamper with in:\n${text}")
endif()
file(WRITE ${claimed} "${tampered}")
run(${BINARY_DIR}/verify_order ${SNAPSHOT} ${CART} ${claimed})
if(NOT last_result EQUAL 1)
  message(FATAL_ERROR "a tampered order was not refused (${last_result}):\n${last_output}")
endif()
message(STATUS "${last_output}")
