# Finds the core's dependencies: Abseil, nlohmann_json and xxHash (header-only).
#
# Natively they come from Debian's -dev packages. For WebAssembly, Abseil is compiled from
# Debian's source package (tools/setup.sh unpacks it into build/deps/) and the header-only
# libraries are exposed through a build-tree include folder of their own, because passing
# -I/usr/include to em++ would pull host glibc headers into the wasm build.

set(STOREFRONT_CXX_STANDARD 17)

if(EMSCRIPTEN)
  set(STOREFRONT_ABSL_SOURCE_DIR "${PROJECT_SOURCE_DIR}/build/deps/abseil-src"
      CACHE PATH "Abseil source tree compiled into the wasm build")
  if(NOT EXISTS "${STOREFRONT_ABSL_SOURCE_DIR}/CMakeLists.txt")
    message(FATAL_ERROR "No Abseil source at ${STOREFRONT_ABSL_SOURCE_DIR}: run tools/setup.sh")
  endif()
  set(ABSL_PROPAGATE_CXX_STD ON)
  set(CMAKE_CXX_STANDARD ${STOREFRONT_CXX_STANDARD})
  add_subdirectory("${STOREFRONT_ABSL_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/_deps/abseil" EXCLUDE_FROM_ALL SYSTEM)

  set(_sf_header_root "${CMAKE_BINARY_DIR}/_deps/include")
  file(MAKE_DIRECTORY "${_sf_header_root}")
  file(CREATE_LINK /usr/include/nlohmann "${_sf_header_root}/nlohmann" SYMBOLIC)
  file(CREATE_LINK /usr/include/xxhash.h "${_sf_header_root}/xxhash.h" SYMBOLIC)
  add_library(storefront_nlohmann_json INTERFACE)
  target_include_directories(storefront_nlohmann_json SYSTEM INTERFACE "${_sf_header_root}")
  add_library(nlohmann_json::nlohmann_json ALIAS storefront_nlohmann_json)
  set(STOREFRONT_XXHASH_INCLUDE_DIR "${_sf_header_root}")
else()
  find_package(absl CONFIG REQUIRED)
  find_package(nlohmann_json 3.11 CONFIG REQUIRED)
  find_path(STOREFRONT_XXHASH_INCLUDE_DIR xxhash.h REQUIRED)
endif()
