# Install rules, included at the end of the top-level CMakeLists.txt.
#
# What `cmake --install <build> --prefix P` lays down:
#   P/lib/libtrustassess.so.1.2.0 (+ .so.1 and .so links), P/lib/libtrustassess.a
#   P/include/trustassess.h, P/include/trustassess/*.h
#   P/lib/pkgconfig/trustassess.pc
#   P/lib/cmake/trustassess/{trustassess-config,-config-version,-targets*}.cmake
#   P/bin/trustassess and P/share/man/man1/trustassess.1, once examples/ has them
#   P/share/bash-completion/completions/trustassess (the command's completion)
#   P/share/doc/trustassess/{README.md,LICENSE,CHANGELOG.md,docs/*.md}
# (lib is CMAKE_INSTALL_LIBDIR, e.g. lib/x86_64-linux-gnu for prefix /usr.)
#
# The pkg-config file is written at install time, not configure time, so that
# its prefix is the one given to `cmake --install --prefix`, not the one the
# build was configured with.
include(CMakePackageConfigHelpers)

set(TA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/trustassess)

install(TARGETS trustassess trustassess_static EXPORT trustassess-targets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})

install(FILES ${PROJECT_SOURCE_DIR}/include/trustassess.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
file(GLOB TA_PUBLIC_MODULE_HEADERS CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/include/trustassess/*.h)
install(FILES ${TA_PUBLIC_MODULE_HEADERS}
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/trustassess)

# CMake package: trustassess::trustassess (shared), trustassess::trustassess_static.
install(EXPORT trustassess-targets NAMESPACE trustassess:: DESTINATION ${TA_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/trustassess-config.cmake.in
  ${PROJECT_BINARY_DIR}/trustassess-config.cmake INSTALL_DESTINATION ${TA_CMAKE_DIR})
# Before 1.0 a minor release may break the ABI (with a CHANGELOG entry), so a
# request for 0.2 is met only by 0.2.x.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(TA_VERSION_COMPAT SameMinorVersion)
else()
  set(TA_VERSION_COMPAT SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/trustassess-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${TA_VERSION_COMPAT})
install(FILES ${PROJECT_BINARY_DIR}/trustassess-config.cmake
        ${PROJECT_BINARY_DIR}/trustassess-config-version.cmake
        DESTINATION ${TA_CMAKE_DIR})

# pkg-config. Stage 1 (now) fills in everything but the prefix; stage 2 (at
# install time) fills in the prefix actually installed to.
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(TA_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(TA_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
set(TA_PC_PREFIX "@TA_PC_PREFIX@")
configure_file(${PROJECT_SOURCE_DIR}/cmake/trustassess.pc.in
               ${PROJECT_BINARY_DIR}/trustassess.pc.stage1 @ONLY)
install(CODE "
  set(TA_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${PROJECT_BINARY_DIR}/trustassess.pc.stage1\"
                 \"${PROJECT_BINARY_DIR}/trustassess.pc\" @ONLY)
")
install(FILES ${PROJECT_BINARY_DIR}/trustassess.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The trustassess command and its manual page, once examples/ provides them.
if(TARGET trustassess_cli)
  get_target_property(TA_CLI_OUTPUT_NAME trustassess_cli OUTPUT_NAME)
  if(NOT TA_CLI_OUTPUT_NAME)
    set_target_properties(trustassess_cli PROPERTIES OUTPUT_NAME trustassess)
  endif()
  set_target_properties(trustassess_cli PROPERTIES
                        INSTALL_RPATH "\$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
  install(TARGETS trustassess_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
if(EXISTS ${PROJECT_SOURCE_DIR}/examples/trustassess/trustassess.1)
  install(FILES ${PROJECT_SOURCE_DIR}/examples/trustassess/trustassess.1
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
# Its bash completion, where bash-completion looks for it on demand.
if(EXISTS ${PROJECT_SOURCE_DIR}/examples/trustassess/trustassess.bash-completion)
  install(FILES ${PROJECT_SOURCE_DIR}/examples/trustassess/trustassess.bash-completion
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME trustassess)
endif()

# The documentation: the README, the guides in docs/ (the command, the rules
# and their sources, the file formats, building), the licence and changes.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/CHANGELOG.md
        ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB TA_DOCS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${TA_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
