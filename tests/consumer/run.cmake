# Configures, builds and runs the consumer against an installed prefix (ctest -P script). The
# compiler flags of the SDK's build are passed on so that sanitizer builds link.
foreach(step configure build run)
  if(step STREQUAL "configure")
    set(command ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${PREFIX}
                -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
  elseif(step STREQUAL "build")
    set(command ${CMAKE_COMMAND} --build ${BINARY_DIR})
  else()
    set(command ${BINARY_DIR}/verify_order ${SNAPSHOT})
  endif()
  execute_process(COMMAND ${command} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "consumer ${step} failed (${result})")
  endif()
endforeach()
