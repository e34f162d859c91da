# Third-party code: Debian packages natively; sources fetched by scripts/setup.sh for wasm.
if(NOT EXISTS "${PALABRE_THIRD_PARTY}/imgui/imgui.cpp")
  message(FATAL_ERROR "third_party/ is missing: run ./scripts/setup.sh first")
endif()

# nlohmann/json: header-only. For wasm, an include dir holding only a link to it (never /usr/include).
add_library(palabre_json INTERFACE)
target_include_directories(palabre_json SYSTEM INTERFACE "${PALABRE_THIRD_PARTY}/include")

add_library(palabre_qrcodegen STATIC "${PALABRE_THIRD_PARTY}/qrcodegen/qrcodegen.cpp")
target_include_directories(palabre_qrcodegen SYSTEM PUBLIC "${PALABRE_THIRD_PARTY}/qrcodegen")

if(EMSCRIPTEN)
  set(imgui_dir "${PALABRE_THIRD_PARTY}/imgui")
  add_library(palabre_imgui STATIC
    ${imgui_dir}/imgui.cpp ${imgui_dir}/imgui_draw.cpp ${imgui_dir}/imgui_widgets.cpp
    ${imgui_dir}/imgui_tables.cpp ${imgui_dir}/misc/imgui_stdlib.cpp)
  # Drawn by src/app/render_gl.cpp rather than backends/imgui_impl_opengl3.cpp (issue 7, first frame).
  target_include_directories(palabre_imgui SYSTEM PUBLIC ${imgui_dir} ${imgui_dir}/backends ${imgui_dir}/misc)
  # The test-engine hooks feed the item mirror (DESIGN.md "Known ImGui-in-the-browser gaps").
  # 32-bit ImWchar: emoji and other code points above U+FFFF are glyphs (src/app/glyphs.hpp).
  # 32-bit indices: WebGL2 draws them natively, and ES3 has no base vertex, so with 16-bit ones a
  # window over 65,536 vertices (a board of 2,000 post-its) would draw garbage.
  target_compile_definitions(palabre_imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_METRICS_WINDOW
    IMGUI_IMPL_OPENGL_ES3 IMGUI_USE_WCHAR32 "ImDrawIdx=unsigned int")
  target_compile_options(palabre_imgui PRIVATE -Os)
  # ImGui's settings readers get a sscanf that reads nothing (src/app/imgui_no_settings.cpp says why).
  set_source_files_properties(${imgui_dir}/imgui.cpp ${imgui_dir}/imgui_tables.cpp PROPERTIES
    COMPILE_DEFINITIONS "sscanf=palabre_imgui_settings_sscanf")
  target_sources(palabre_imgui PRIVATE ${CMAKE_SOURCE_DIR}/src/app/imgui_no_settings.cpp)
else()
  find_package(GTest REQUIRED)
  find_package(benchmark REQUIRED)
  find_package(Threads REQUIRED)
  find_package(Boost 1.74 REQUIRED)
endif()
