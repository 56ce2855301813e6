# Install rules and the CMake package: find_package(storefront CONFIG) gives storefront::sdk
# (and storefront::storefront_cli, the command-line tool). The package config finds the core's
# own dependencies, so consumers need nothing but find_package.
include(CMakePackageConfigHelpers)

install(TARGETS storefront_sdk EXPORT storefrontTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/storefront" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(FILES "${CMAKE_BINARY_DIR}/generated/storefront/version.h" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/storefront)

set(_sf_config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/storefront)
install(EXPORT storefrontTargets NAMESPACE storefront:: DESTINATION ${_sf_config_dir})
# The same targets from the build tree, for consumers that point storefront_DIR at a build.
export(EXPORT storefrontTargets NAMESPACE storefront:: FILE "${CMAKE_BINARY_DIR}/storefrontTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/storefrontConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/storefrontConfig.cmake" INSTALL_DESTINATION ${_sf_config_dir})
write_basic_package_version_file("${CMAKE_BINARY_DIR}/storefrontConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_BINARY_DIR}/storefrontConfig.cmake" "${CMAKE_BINARY_DIR}/storefrontConfigVersion.cmake"
  DESTINATION ${_sf_config_dir})
