# Generates the ISO 4217 table (code, numeric code, minor digits, cash increment) from ICU at
# build time. ICU is the source of truth; the table is compiled into every target so the wasm
# module carries a few kilobytes of data instead of ICU's 27 MiB. See docs/design/icu-currency-table.md.
#
# The generator is a host program. In a cross build (Emscripten) it is configured and built
# as a separate native project at configure time.

set(_sf_gen_src "${PROJECT_SOURCE_DIR}/tools/currency_table")
set(STOREFRONT_CURRENCY_TABLE "${CMAKE_BINARY_DIR}/generated/storefront/money/currency_table.inc")

if(CMAKE_CROSSCOMPILING)
  set(_sf_gen_build "${CMAKE_BINARY_DIR}/_host/currency_table")
  execute_process(
    COMMAND ${CMAKE_COMMAND} -S "${_sf_gen_src}" -B "${_sf_gen_build}" -DCMAKE_BUILD_TYPE=Release
            -DCMAKE_CXX_COMPILER=c++
    COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
  execute_process(COMMAND ${CMAKE_COMMAND} --build "${_sf_gen_build}" COMMAND_ERROR_IS_FATAL ANY OUTPUT_QUIET)
  set(_sf_gen_command "${_sf_gen_build}/storefront_currency_table")
  set(_sf_gen_depends "${_sf_gen_command}")
else()
  add_subdirectory("${_sf_gen_src}" "${CMAKE_BINARY_DIR}/_host/currency_table")
  set(_sf_gen_command storefront_currency_table)
  set(_sf_gen_depends storefront_currency_table)
endif()

add_custom_command(
  OUTPUT "${STOREFRONT_CURRENCY_TABLE}"
  COMMAND ${_sf_gen_command} "${STOREFRONT_CURRENCY_TABLE}"
  DEPENDS ${_sf_gen_depends}
  COMMENT "Generating the ISO 4217 currency table from ICU"
  VERBATIM)
add_custom_target(storefront_currency_table_inc DEPENDS "${STOREFRONT_CURRENCY_TABLE}")
